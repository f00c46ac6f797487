using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shouhu.Domain.Time;
using Shouhu.IntegrationTests.Children;
using static Shouhu.IntegrationTests.Api;

namespace Shouhu.IntegrationTests.Notifications;

/// <summary>Who hears of a high-risk alert: the supervisors of the child's township, and no one else.</summary>
public sealed class AlertNotificationTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Guid> ChildAsync(HttpClient director, string name, string village, DateOnly? birth = null) =>
        (await OkJson(await director.PostAsJsonAsync("/api/v1/children", ChildrenTests.ChildBody(name, ShouhuApp.NewIdNumber(birth ?? new DateOnly(2016, 4, 4), true), village), Ct), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();

    [Fact]
    public async Task HighRiskAlert_ReachesTheSupervisorsOfTheChildsTownship_AndNoOneElse()
    {
        var supervisor = await app.UserAsync("ChildSupervisor", "430702001");
        var elsewhere = await app.UserAsync("ChildSupervisor", "430702002");
        var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        var childId = await ChildAsync(director, "通知童", ShouhuApp.VillageA);
        await OkJson(await director.PostAsJsonAsync($"/api/v1/children/{childId}/assessments", new { emergencyOverride = true, note = "失联" }, Ct), HttpStatusCode.Created);

        static async Task<List<JsonElement>> InboxAsync(HttpClient c, Guid childId) =>
            (await c.GetFromJsonAsync<JsonElement>("/api/v1/notifications", Ct)).GetProperty("items").EnumerateArray()
                .Where(n => n.GetProperty("link").GetString() == $"/Children/Details/{childId}").ToList();
        var mine = Assert.Single(await InboxAsync(supervisor, childId));
        Assert.Equal("监护风险评估为高风险，尚无在办案件：请立案", mine.GetProperty("text").GetString()); // no name, no number
        Assert.Empty(await InboxAsync(elsewhere, childId));
        Assert.Empty(await InboxAsync(director, childId));
    }
}
