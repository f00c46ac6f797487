using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shouhu.Domain.Time;
using Shouhu.IntegrationTests.Children;
using static Shouhu.IntegrationTests.Api;

namespace Shouhu.IntegrationTests.Visits;

/// <summary>
/// Monitoring review (issue #5): the visit schedule follows the current risk, the due list is counted and paged in the
/// database, the child's whole file follows a move inside the jurisdiction, and bad dates and bad filters are refused
/// cleanly. Each found by a reviewer; each test fails on the code before the fix.
/// </summary>
public sealed class VisitScheduleTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => ChinaTime.Today(TimeProvider.System);

    private static async Task<Guid> ChildAsync(HttpClient director, string name, string village, DateOnly? birth = null) =>
        (await OkJson(await director.PostAsJsonAsync("/api/v1/children", ChildrenTests.ChildBody(name, ShouhuApp.NewIdNumber(birth ?? new DateOnly(2016, 4, 4), true), village), Ct), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();

    private static async Task<List<JsonElement>> DueAsync(HttpClient user) =>
        (await user.GetFromJsonAsync<JsonElement>("/api/v1/visits/due?pageSize=500", Ct)).GetProperty("items").EnumerateArray().ToList();

    private static Task<HttpResponseMessage> VisitAsync(HttpClient director, Guid childId, string visitedAt) =>
        director.PostAsJsonAsync($"/api/v1/children/{childId}/visits", new { visitedAt, metPersons = new[] { "儿童本人" }, guardianPresent = true }, Ct);

    [Fact]
    public async Task VisitSchedule_AfterAHighRiskAssessment_BringsTheNextVisitForward_ForVisitedAndNeverVisited()
    {
        var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        var visited = await ChildAsync(director, "改评童", ShouhuApp.VillageA);
        var never = await ChildAsync(director, "未访童", ShouhuApp.VillageA);
        var v = await OkJson(await VisitAsync(director, visited, Today.ToString("yyyy-MM-dd") + " 00:00"), HttpStatusCode.Created);
        Assert.Equal(Today.AddDays(30), DateOnly.Parse(v.GetProperty("nextDueAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(await DueAsync(director), d => d.GetProperty("childId").GetGuid() == visited);

        foreach (var id in new[] { visited, never })
        {
            await OkJson(await director.PostAsJsonAsync($"/api/v1/children/{id}/assessments", new { emergencyOverride = true, note = "监护人离家失联" }, Ct), HttpStatusCode.Created);
        }

        // Weekly from the last visit (or from registration): both now fall within the 7-day due list, at once.
        var due = await DueAsync(director);
        var mine = due.Where(d => d.GetProperty("childId").GetGuid() == visited || d.GetProperty("childId").GetGuid() == never).ToList();
        Assert.Equal(2, mine.Count);
        Assert.All(mine, d => Assert.Equal((Today.AddDays(7).ToString("yyyy-MM-dd"), 7), (d.GetProperty("dueOn").GetString(), d.GetProperty("intervalDays").GetInt32())));
        Assert.All(mine, d => Assert.Equal("启明街道 马家吉社区", d.GetProperty("regionName").GetString())); // township and village: village names repeat in a county
        var counts = await director.GetFromJsonAsync<JsonElement>("/api/v1/workbench", Ct);
        Assert.Equal(due.Count, counts.GetProperty("dueVisits").GetInt32());
    }

    [Fact]
    public async Task DueVisits_ArePaged_AndTheTotalIsTheWorkbenchCount()
    {
        var supervisor = await app.UserAsync("ChildSupervisor", "430702001");
        var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        for (var i = 0; i < 3; i++)
        {
            var id = await ChildAsync(director, $"分页童{i}", ShouhuApp.VillageA, new DateOnly(2014, 1, 1 + i));
            await OkJson(await director.PostAsJsonAsync($"/api/v1/children/{id}/assessments", new { emergencyOverride = true, note = "测试" }, Ct), HttpStatusCode.Created);
        }

        var first = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/visits/due?pageSize=2&page=1", Ct);
        var total = first.GetProperty("total").GetInt32();
        Assert.True(total >= 3);
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        var last = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/visits/due?pageSize=2&page={(total + 1) / 2}", Ct);
        Assert.Equal(total % 2 == 0 ? 2 : 1, last.GetProperty("items").GetArrayLength());
        Assert.Equal(total, (await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/workbench", Ct)).GetProperty("dueVisits").GetInt32());
        var county = await app.UserAsync("CivilAffairsOfficer", "430702");
        var township = await county.GetFromJsonAsync<JsonElement>("/api/v1/visits/due?regionCode=430702001&pageSize=500", Ct);
        Assert.Equal(total, township.GetProperty("total").GetInt32()); // the supervisor's township, seen from the county
        Assert.All(township.GetProperty("items").EnumerateArray(), d => Assert.StartsWith("430702001", d.GetProperty("regionCode").GetString(), StringComparison.Ordinal));
        var outsider = await app.UserAsync("CivilAffairsOfficer", ShouhuApp.OtherCounty);
        Assert.Equal(0, (await outsider.GetFromJsonAsync<JsonElement>("/api/v1/visits/due?regionCode=430702001", Ct)).GetProperty("total").GetInt32());
        Assert.DoesNotContain(await DueAsync(outsider), d => d.GetProperty("regionCode").GetString()!.StartsWith("430702", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MoveChild_ToAnotherTownshipOfTheCounty_TakesAssessmentsVisitsScheduleAndAlertsAlong()
    {
        var officer = await app.UserAsync("CivilAffairsOfficer", "430702");
        var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        var childId = await ChildAsync(director, "搬家童", ShouhuApp.VillageA);
        await OkJson(await director.PostAsJsonAsync($"/api/v1/children/{childId}/assessments", new { emergencyOverride = true, note = "失联" }, Ct), HttpStatusCode.Created);
        await OkJson(await VisitAsync(director, childId, Today.ToString("yyyy-MM-dd") + " 00:00"), HttpStatusCode.Created);

        var record = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/children/{childId}", Ct);
        var newVillage = await FirstVillageOutsideAsync("430702001");
        var body = EditBody(record);
        body["residenceRegionCode"] = newVillage;
        await OkJson(await officer.PutAsJsonAsync($"/api/v1/children/{childId}", body, Ct));

        var oldTownship = await app.UserAsync("ChildSupervisor", "430702001");
        var newTownship = await app.UserAsync("ChildSupervisor", newVillage[..9]);
        Assert.Equal(HttpStatusCode.NotFound, (await oldTownship.GetAsync($"/api/v1/children/{childId}/assessments", Ct)).StatusCode);
        Assert.Empty((await oldTownship.GetFromJsonAsync<JsonElement>($"/api/v1/alerts?childId={childId}", Ct)).GetProperty("items").EnumerateArray());
        Assert.Single((await newTownship.GetFromJsonAsync<JsonElement>($"/api/v1/children/{childId}/assessments", Ct)).EnumerateArray());
        Assert.Single((await newTownship.GetFromJsonAsync<JsonElement>($"/api/v1/children/{childId}/visits", Ct)).EnumerateArray());
        Assert.Contains((await newTownship.GetFromJsonAsync<JsonElement>($"/api/v1/alerts?childId={childId}", Ct)).GetProperty("items").EnumerateArray(),
            a => a.GetProperty("rule").GetString() == "HighRiskWithoutCase");
        Assert.Contains(await DueAsync(newTownship), d => d.GetProperty("childId").GetGuid() == childId);

        await using var db = app.SystemDb();
        Assert.Equal(newVillage, (await db.VisitSchedules.AsNoTracking().SingleAsync(s => s.ChildId == childId, Ct)).RegionCode);
        Assert.All(await db.ChildRevisions.AsNoTracking().Where(r => r.ChildId == childId).ToListAsync(Ct), r => Assert.Equal(newVillage, r.RegionCode));
    }

    // The edit of the record as read (the fields the test children have), with its version.
    private static Dictionary<string, object?> EditBody(JsonElement record) => new()
    {
        ["name"] = record.GetProperty("name").GetString(),
        ["sex"] = record.GetProperty("sex").GetString(),
        ["citizenIdNumber"] = record.GetProperty("citizenIdNumber").GetString(),
        ["residenceRegionCode"] = record.GetProperty("residenceRegionCode").GetString(),
        ["householdKind"] = record.GetProperty("householdKind").GetString(),
        ["version"] = record.GetProperty("version").GetString(),
    };

    private async Task<string> FirstVillageOutsideAsync(string township)
    {
        await using var db = app.SystemDb();
        return await db.Regions.AsNoTracking().Where(r => r.Level == 5 && r.Code.StartsWith("430702") && !r.Code.StartsWith(township)).OrderBy(r => r.Code).Select(r => r.Code).FirstAsync(Ct);
    }

    [Fact]
    public async Task UpdateChild_AddingAnEntrustedCaregiver_SavesIt_AndTheAlertClearsAtOnce()
    {
        var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        var officer = await app.UserAsync("CivilAffairsOfficer", "430702");
        var childId = await ChildAsync(director, "补照护童", ShouhuApp.VillageA);
        Assert.Contains((await officer.GetFromJsonAsync<JsonElement>($"/api/v1/alerts?childId={childId}&rule=EntrustedCaregiverMissing", Ct)).GetProperty("items").EnumerateArray(), _ => true);

        var record = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/children/{childId}", Ct);
        var body = EditBody(record);
        body["entrustedCare"] = new { caregiverName = "孙三", relation = "Grandmother" };
        var saved = await OkJson(await officer.PutAsJsonAsync($"/api/v1/children/{childId}", body, Ct));
        Assert.Equal("孙三", saved.GetProperty("entrustedCare").GetProperty("caregiverName").GetString());
        Assert.Empty((await officer.GetFromJsonAsync<JsonElement>($"/api/v1/alerts?childId={childId}&rule=EntrustedCaregiverMissing", Ct)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task RecordVisit_BeforeBirthOrMoreThan90DaysBack_IsRefusedByField_AndSavesNothing()
    {
        var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        var childId = await ChildAsync(director, "补录童", ShouhuApp.VillageA, Today.AddDays(-40).AddYears(-1));
        foreach (var (when, expected) in new[]
        {
            ("2000-01-01", "走访时间早于儿童出生日期，请核对年份"),
            (Today.AddDays(-91).ToString("yyyy-MM-dd"), "只能补录90天内的走访，请核对年份"),
        })
        {
            var r = await VisitAsync(director, childId, when);
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Equal(expected, (await r.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("visitedAt")[0].GetString());
        }

        // Full-width digits and punctuation as a Chinese input method types them, and 年月日.
        await OkJson(await VisitAsync(director, childId, ToFullWidth(Today.AddDays(-1).ToString("yyyy-MM-dd") + " 09:30")), HttpStatusCode.Created);
        await OkJson(await VisitAsync(director, childId, Today.ToString("yyyy年MM月dd日", System.Globalization.CultureInfo.InvariantCulture)), HttpStatusCode.Created);
        Assert.Equal(2, (await director.GetFromJsonAsync<JsonElement>($"/api/v1/children/{childId}/visits", Ct)).GetArrayLength());
    }

    private static string ToFullWidth(string text) => new(text.Select(c => c switch { >= '!' and <= '~' => (char)(c + 0xFEE0), ' ' => '　', _ => c }).ToArray());

    [Theory]
    [InlineData("abc")]
    [InlineData("4307020010041")]
    [InlineData("'")]
    public async Task DueVisits_MalformedRegionFilter_Returns400OnRegionCode(string regionCode)
    {
        var county = await app.UserAsync("CivilAffairsOfficer", "430702");
        var r = await county.GetAsync($"/api/v1/visits/due?regionCode={Uri.EscapeDataString(regionCode)}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.True((await r.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("regionCode", out _));
    }

    [Fact]
    public async Task List_AbsurdPageNumber_Returns400NamingIt_AndAPagePastTheEndIsEmpty()
    {
        var supervisor = await app.UserAsync("ChildSupervisor", "430702001");
        foreach (var list in new[] { "/api/v1/visits/due?pageSize=500", "/api/v1/alerts?pageSize=200" })
        {
            var absurd = await supervisor.GetAsync(list + "&page=2147483647", Ct);
            Assert.Equal(HttpStatusCode.BadRequest, absurd.StatusCode);
            Assert.True((await absurd.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("page", out _));
            Assert.Empty((await supervisor.GetFromJsonAsync<JsonElement>(list + "&page=100000", Ct)).GetProperty("items").EnumerateArray());
        }
    }
}
