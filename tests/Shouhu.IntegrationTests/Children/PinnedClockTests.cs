using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouhu.Domain.Accounts;

namespace Shouhu.IntegrationTests.Children;

/// <summary>
/// The day is China's (China Standard Time, UTC+8), whatever the server's zone (issue #11 §6: a fake clock pins a
/// midnight and a leap day through HTTP). The clock is <see cref="PinnedClockApp"/>'s, so the answers do not depend on
/// when the suite runs.
/// </summary>
public sealed class PinnedClockTests(PinnedClockApp app) : IClassFixture<PinnedClockApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Child(DateOnly birth, string name) =>
        ChildrenTests.ChildBody(name, ShouhuApp.NewIdNumber(birth, true), ShouhuApp.VillageA, birth.ToString("yyyy-MM-dd"));

    /// <summary>
    /// 00:30 on 1 March in China is still 29 February in UTC: a child born "today" in China is accepted, one born
    /// tomorrow is refused naming <c>birthDate</c>; at 23:59 on 29 February the 1 March birth is still in the future.
    /// </summary>
    [Fact]
    public async Task RegisterChild_BirthDate_IsComparedWithTodayInChinaAcrossMidnightOfALeapDay()
    {
        var leapDay = new DateOnly(2028, 2, 29);
        var first = new DateOnly(2028, 3, 1);

        // Signed in on the pinned clock: a token is valid for its hours on that clock.
        app.SetChinaTime(new DateTime(2028, 2, 29, 23, 59, 0));
        var (director, _) = await app.AccountAsync(Roles.ChildDirector, ShouhuApp.VillageA);
        var tooEarly = await director.PostAsJsonAsync("/api/v1/children", Child(first, "早产儿"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooEarly.StatusCode);
        Assert.True((await tooEarly.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("birthDate", out _));
        Assert.Equal(HttpStatusCode.Created, (await director.PostAsJsonAsync("/api/v1/children", Child(leapDay, "闰日儿"), Ct)).StatusCode);

        app.SetChinaTime(new DateTime(2028, 3, 1, 0, 30, 0)); // UTC: 2028-02-29 16:30
        Assert.Equal(HttpStatusCode.Created, (await director.PostAsJsonAsync("/api/v1/children", Child(first, "三月儿"), Ct)).StatusCode);
        var tomorrow = await director.PostAsJsonAsync("/api/v1/children", Child(first.AddDays(1), "明日儿"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tomorrow.StatusCode);
    }
}
