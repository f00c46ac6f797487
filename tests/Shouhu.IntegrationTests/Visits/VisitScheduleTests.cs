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
/// database, the child's whole file follows a move inside the jurisdiction, and bad dates and racing publishers are refused
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
    public async Task AHighRiskAssessment_BringsTheNextVisitForward_ForVisitedAndNeverVisitedChildren()
    {
        var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        var visited = await ChildAsync(director, "改评童", ShouhuApp.VillageA);
        var never = await ChildAsync(director, "未访童", ShouhuApp.VillageA);
        var v = await OkJson(await VisitAsync(director, visited, Today.ToString("yyyy-MM-dd") + " 08:00"), HttpStatusCode.Created);
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
    public async Task TheDueList_IsPaged_AndItsTotalIsTheWorkbenchCount()
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
    public async Task AMoveToAnotherTownshipOfTheCounty_TakesAssessmentsVisitsScheduleAndAlertsAlong()
    {
        var officer = await app.UserAsync("CivilAffairsOfficer", "430702");
        var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        var childId = await ChildAsync(director, "搬家童", ShouhuApp.VillageA);
        await OkJson(await director.PostAsJsonAsync($"/api/v1/children/{childId}/assessments", new { emergencyOverride = true, note = "失联" }, Ct), HttpStatusCode.Created);
        await OkJson(await VisitAsync(director, childId, Today.ToString("yyyy-MM-dd") + " 07:00"), HttpStatusCode.Created);

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
    public async Task AnEntrustedCaregiverAddedOnEdit_IsSaved_AndTheAlertClearsAtOnce()
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
    public async Task AVisitBeforeTheChildsBirth_OrMoreThan90DaysBack_IsRefusedByField_AndNothingIsSaved()
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

    [Fact]
    public async Task InstrumentVersionsPublishedAtOnce_AllGetTheirOwnNumber_AndWeightsAreBounded()
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
    public async Task AHighRiskAlert_ReachesTheSupervisorsOfTheChildsTownship_AndNoOneElse()
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

    [Fact]
    public async Task SimultaneousAssessmentsOfAChildWithoutASchedule_AllSucceed_AndLeaveOneSchedule()
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

    [Fact]
    public async Task AFullRun_DoesNotReopenWhatAChildsRunClosedWhileItWasReading()
    {
        var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        var officer = await app.UserAsync("CivilAffairsOfficer", "430702");
        var childId = await ChildAsync(director, "竞态童", ShouhuApp.VillageA);
        await OkJson(await director.PostAsJsonAsync($"/api/v1/children/{childId}/assessments", new { emergencyOverride = true, note = "失联" }, Ct), HttpStatusCode.Created);
        // As if a child's run closed the alert after a full run began (its ClosedAt is later than the full run's start).
        await using (var db = app.SystemDb())
        {
            var alert = await db.Alerts.SingleAsync(a => a.ChildId == childId && a.Rule == Shouhu.Domain.Monitoring.AlertRule.HighRiskWithoutCase && a.IsOpen, Ct);
            (alert.IsOpen, alert.ClosedAt) = (false, DateTime.UtcNow.AddMinutes(30));
            await db.SaveChangesAsync(Ct);
        }

        using var admin = await app.AdminAsync();
        await OkJson(await admin.PostAsync("/api/v1/alerts/run", null, Ct));
        Assert.Empty((await officer.GetFromJsonAsync<JsonElement>($"/api/v1/alerts?childId={childId}&rule=HighRiskWithoutCase", Ct)).GetProperty("items").EnumerateArray());
        // The child's own run (which reads that child only, at once) restores what still holds.
        await OkJson(await admin.PostAsync($"/api/v1/alerts/run?childId={childId}", null, Ct));
        Assert.Single((await officer.GetFromJsonAsync<JsonElement>($"/api/v1/alerts?childId={childId}&rule=HighRiskWithoutCase", Ct)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task AResidenceEdit_IsRefusedWhileACaseIsOpen_AndAnUntriagedReportFollowsTheChild()
    {
        var officer = await app.UserAsync("CivilAffairsOfficer", "430702");
        var supervisor = await app.UserAsync("ChildSupervisor", "430702001");
        var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        var newVillage = await FirstVillageOutsideAsync("430702001");

        var withCase = await ChildAsync(director, "有案童", ShouhuApp.VillageA);
        var report = await OkJson(await supervisor.PostAsJsonAsync("/api/v1/reports", new { channel = "HomeVisit", concernTypes = new[] { "Neglect" }, urgency = "Urgent", narrative = "无人照料", childId = withCase }, Ct), HttpStatusCode.Created);
        var caseNumber = (await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/reports/{report.GetProperty("id")}/triage", await app.OpenCaseBodyAsync(), Ct))).GetProperty("caseNumber").GetString();
        var record = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/children/{withCase}", Ct);
        var body = EditBody(record);
        body["residenceRegionCode"] = newVillage;
        var refused = await officer.PutAsJsonAsync($"/api/v1/children/{withCase}", body, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(caseNumber!, (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("residenceRegionCode")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(ShouhuApp.VillageA, (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/children/{withCase}", Ct)).GetProperty("residenceRegionCode").GetString());

        var waiting = await ChildAsync(director, "待研判童", ShouhuApp.VillageA);
        var pending = await OkJson(await director.PostAsJsonAsync("/api/v1/reports", new { channel = "HomeVisit", concernTypes = new[] { "Neglect" }, urgency = "Routine", narrative = "需关注", childId = waiting }, Ct), HttpStatusCode.Created);
        record = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/children/{waiting}", Ct);
        body = EditBody(record);
        body["residenceRegionCode"] = newVillage;
        await OkJson(await officer.PutAsJsonAsync($"/api/v1/children/{waiting}", body, Ct));
        var newTownship = await app.UserAsync("ChildSupervisor", newVillage[..9]);
        Assert.Equal(HttpStatusCode.OK, (await newTownship.GetAsync($"/api/v1/reports/{pending.GetProperty("id")}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync($"/api/v1/reports/{pending.GetProperty("id")}", Ct)).StatusCode);
    }

    [Fact]
    public async Task AResidenceEdit_IsRefusedForAnOpenCaseHeldElsewhere_WithoutNamingIt()
    {
        var supervisor = await app.UserAsync("ChildSupervisor", "430702001");
        var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        var childId = await ChildAsync(director, "两案童", ShouhuApp.VillageA);
        var report = await OkJson(await supervisor.PostAsJsonAsync("/api/v1/reports", new { channel = "HomeVisit", concernTypes = new[] { "Neglect" }, urgency = "Urgent", narrative = "x", childId }, Ct), HttpStatusCode.Created);
        var caseNumber = (await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/reports/{report.GetProperty("id")}/triage", await app.OpenCaseBodyAsync(), Ct))).GetProperty("caseNumber").GetString()!;
        // As after another case of the child was transferred: the child lives in the other county, this case stayed here.
        const string there = "430703001001";
        await using (var db = app.SystemDb())
        {
            (await db.Children.SingleAsync(c => c.Id == childId, Ct)).RegionCode = there;
            foreach (var k in await db.ChildCategories.Where(k => k.ChildId == childId).ToListAsync(Ct)) k.RegionCode = there;
            foreach (var g in await db.Guardians.Where(g => g.ChildId == childId).ToListAsync(Ct)) g.RegionCode = there;
            await db.SaveChangesAsync(Ct);
        }

        var officer = await app.UserAsync("CivilAffairsOfficer", ShouhuApp.OtherCounty);
        var body = EditBody(await officer.GetFromJsonAsync<JsonElement>($"/api/v1/children/{childId}", Ct));
        body["residenceRegionCode"] = "430703001002";
        var refused = await officer.PutAsJsonAsync($"/api/v1/children/{childId}", body, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var message = (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("residenceRegionCode")[0].GetString()!;
        Assert.Contains("其他辖区有在办案件", message, StringComparison.Ordinal);
        Assert.DoesNotContain(caseNumber, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("4307020010041")]
    [InlineData("'")]
    public async Task AMalformedRegionFilter_IsRefusedByField(string regionCode)
    {
        var county = await app.UserAsync("CivilAffairsOfficer", "430702");
        var r = await county.GetAsync($"/api/v1/visits/due?regionCode={Uri.EscapeDataString(regionCode)}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.True((await r.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("regionCode", out _));
    }

    [Fact]
    public async Task AnAbsurdPageNumber_IsRefusedNamingIt_AndAPagePastTheEndIsEmpty_NotTheFirstOne()
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

    [Fact]
    public async Task AChildWhoseCategoriesEnded_HasNoReassessmentAlert_AndAnAdultNoHighRiskAlert()
    {
        var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        var officer = await app.UserAsync("CivilAffairsOfficer", "430702");
        var childId = await ChildAsync(director, "期满童", ShouhuApp.VillageA, new DateOnly(2012, 2, 2));
        await OkJson(await director.PostAsJsonAsync($"/api/v1/children/{childId}/assessments", new { emergencyOverride = true, note = "失联" }, Ct), HttpStatusCode.Created);
        await using (var db = app.SystemDb())
        {
            (await db.RiskAssessments.SingleAsync(a => a.ChildId == childId, Ct)).NextDueOn = Today.AddDays(-1);
            foreach (var k in await db.ChildCategories.Where(k => k.ChildId == childId).ToListAsync(Ct))
            {
                k.ValidTo = Today.AddDays(-1);
            }

            (await db.Children.SingleAsync(c => c.Id == childId, Ct)).BirthDate = Today.AddYears(-18).AddDays(-1);
            await db.SaveChangesAsync(Ct);
        }

        using var admin = await app.AdminAsync();
        await OkJson(await admin.PostAsync("/api/v1/alerts/run", null, Ct));
        var open = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/alerts?childId={childId}&status=open", Ct)).GetProperty("items").EnumerateArray()
            .Select(a => a.GetProperty("rule").GetString()).ToList();
        Assert.DoesNotContain("ReassessmentOverdue", open);
        Assert.DoesNotContain("HighRiskWithoutCase", open);
        Assert.DoesNotContain("VisitOverdue", open);
    }
}
