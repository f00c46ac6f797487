using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shouhu.Domain.Time;
using Shouhu.IntegrationTests.Children;
using static Shouhu.IntegrationTests.Api;

namespace Shouhu.IntegrationTests.Assessments;

/// <summary>Assessments and instruments written at the same moment: every version its own number, one schedule per child.</summary>
public sealed class AssessmentConcurrencyTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<JsonElement>> DueAsync(HttpClient user) =>
        (await user.GetFromJsonAsync<JsonElement>("/api/v1/visits/due?pageSize=500", Ct)).GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public async Task PublishInstrument_VersionsAtOnce_EachGetsItsOwnNumber_AndWeightsAreBounded()
    {
        using var admin = await app.UserAsync("CivilAffairsOfficer", "4307"); // the city publishes its instrument
        var current = await admin.GetFromJsonAsync<JsonElement>("/api/v1/assessment-instruments/current", Ct);
        var body = new
        {
            name = "并发版",
            dimensions = current.GetProperty("dimensions"),
            thresholds = current.GetProperty("thresholds"),
        };
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => admin.PostAsJsonAsync("/api/v1/assessment-instruments", body, Ct)));
        Assert.All(results, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.BadRequest, $"{(int)r.StatusCode}"));
        var versions = new List<int>();
        foreach (var r in results.Where(r => r.StatusCode == HttpStatusCode.Created))
        {
            versions.Add((await r.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("version").GetInt32());
        }

        Assert.NotEmpty(versions);
        Assert.Equal(versions.Count, versions.Distinct().Count());

        var huge = new
        {
            name = "溢出",
            dimensions = new[] { new { code = "g", name = "监护", questions = new[] { new { code = "g.x", text = "?", options = new[] { new { code = "a", label = "a", weight = 0 }, new { code = "b", label = "b", weight = int.MaxValue } } } } } },
            thresholds = new { medium = 1, high = 2 },
        };
        var refused = await admin.PostAsJsonAsync("/api/v1/assessment-instruments", huge, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var unreachable = new
        {
            name = "够不着",
            dimensions = new[] { new { code = "g", name = "监护", questions = new[] { new { code = "g.x", text = "?", options = new[] { new { code = "a", label = "a", weight = 0 }, new { code = "b", label = "b", weight = 3 } } } } } },
            thresholds = new { medium = 1, high = 100 },
        };
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/v1/assessment-instruments", unreachable, Ct)).StatusCode);
    }

    [Fact]
    public async Task RecordAssessment_SimultaneouslyWithoutASchedule_AllSucceed_AndLeaveOneSchedule()
    {
        var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        // No category: the schedule is created by the first assessment of medium or high risk — by whichever wins.
        var childId = (await OkJson(await director.PostAsJsonAsync("/api/v1/children", new { name = "并发童", sex = "male", citizenIdNumber = ShouhuApp.NewIdNumber(new DateOnly(2017, 7, 7), true), residenceRegionCode = ShouhuApp.VillageA }, Ct), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => director.PostAsJsonAsync($"/api/v1/children/{childId}/assessments", new { emergencyOverride = true, note = "并发" }, Ct)));
        Assert.All(results, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        await using var db = app.SystemDb();
        var row = await db.VisitSchedules.AsNoTracking().SingleAsync(s => s.ChildId == childId, Ct);
        Assert.Equal(7, row.IntervalDays);
        Assert.Contains(await DueAsync(director), d => d.GetProperty("childId").GetGuid() == childId); // covered by its risk alone
    }
}
