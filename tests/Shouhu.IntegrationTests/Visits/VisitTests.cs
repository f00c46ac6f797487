using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shouhu.IntegrationTests.Children;
using static Shouhu.IntegrationTests.Api;

namespace Shouhu.IntegrationTests.Visits;

/// <summary>Recording a home visit through HTTP: no future visits, the next due date, a new concern starting a report.</summary>
public sealed class VisitTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Days relative to a month ago in China (dates stay inside the 90 days a visit may be recorded late).
    private static string Day(int offset) => Shouhu.Domain.Time.ChinaTime.Today(TimeProvider.System).AddDays(-29 + offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(HttpClient Director, Guid ChildId)> ChildAsync(string name)
    {
        var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        var child = await OkJson(await director.PostAsJsonAsync("/api/v1/children", ChildrenTests.ChildBody(name, ShouhuApp.NewIdNumber(new DateOnly(2015, 9, 9), true), ShouhuApp.VillageA), Ct), HttpStatusCode.Created);
        return (director, child.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task RecordVisit_InTheFutureIsRefused_NextDueFollowsTheRisk_ANewConcernStartsAReport()
    {
        var (director, childId) = await ChildAsync("走访童");
        var future = await director.PostAsJsonAsync($"/api/v1/children/{childId}/visits", new { visitedAt = DateTimeOffset.UtcNow.AddHours(3).ToString("o"), metPersons = new[] { "儿童本人" }, guardianPresent = true }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Equal("走访时间不能晚于现在", (await Json(future)).GetProperty("errors").GetProperty("visitedAt")[0].GetString());
        var none = await Json(await director.PostAsJsonAsync($"/api/v1/children/{childId}/visits", new { visitedAt = Day(0) + " 10:00" }, Ct));
        Assert.True(none.GetProperty("errors").TryGetProperty("metPersons", out _));
        Assert.True(none.GetProperty("errors").TryGetProperty("guardianPresent", out _));

        // Not assessed: monthly.
        var monthly = await OkJson(await director.PostAsJsonAsync($"/api/v1/children/{childId}/visits", new { visitedAt = Day(0) + " 10:00", metPersons = new[] { "儿童本人", "祖母" }, guardianPresent = false, situation = new { safety = "good", dailyCare = "concern" } }, Ct), HttpStatusCode.Created);
        Assert.Equal(Day(30), monthly.GetProperty("nextDueAt").GetString());

        // High risk: weekly; and the visit that finds the guardian gone starts a report in the same step.
        await OkJson(await director.PostAsJsonAsync($"/api/v1/children/{childId}/assessments", new { emergencyOverride = true, note = "监护人离家失联" }, Ct), HttpStatusCode.Created);
        var weekly = await OkJson(await director.PostAsJsonAsync($"/api/v1/children/{childId}/visits", new
        {
            visitedAt = Day(19) + "T09:30:00+08:00", metPersons = new[] { "儿童本人" }, guardianPresent = false,
            situation = new { safety = "serious", health = "good", schooling = "concern", dailyCare = "serious", note = "祖母住院，父母在外失联，孩子独自在家" },
            needs = "临时照料", followUp = "报告督导",
            report = new { concernTypes = new[] { "Abandonment" }, urgency = "ImmediateDanger", narrative = "走访发现儿童独自在家，无人照料" },
        }, Ct), HttpStatusCode.Created);
        Assert.Equal(Day(26), weekly.GetProperty("nextDueAt").GetString());
        var reportId = weekly.GetProperty("reportId").GetGuid();
        var report = await director.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{reportId}", Ct);
        Assert.Equal(("HomeVisit", childId), (report.GetProperty("channel").GetString(), report.GetProperty("childId").GetGuid()));

        var badReport = await Json(await director.PostAsJsonAsync($"/api/v1/children/{childId}/visits", new { visitedAt = Day(20) + " 09:30", metPersons = new[] { "儿童本人" }, guardianPresent = true, report = new { urgency = "Urgent", narrative = "x" } }, Ct));
        Assert.True(badReport.GetProperty("errors").TryGetProperty("report.concernTypes", out _));
        var visits = await director.GetFromJsonAsync<JsonElement>($"/api/v1/children/{childId}/visits", Ct);
        Assert.Equal(2, visits.GetArrayLength()); // the refused one saved nothing
    }
}
