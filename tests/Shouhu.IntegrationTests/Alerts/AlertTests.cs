using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shouhu.Domain.Children;
using Shouhu.Domain.Monitoring;
using Shouhu.Domain.Time;
using Shouhu.IntegrationTests.Children;
using static Shouhu.IntegrationTests.Api;

namespace Shouhu.IntegrationTests.Alerts;

/// <summary>The alert engine (issue #5): every rule fires, does not duplicate on a second run, and clears when its condition does.</summary>
public sealed class AlertTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement> RunAsync()
    {
        using var admin = await app.AdminAsync();
        return await OkJson(await admin.PostAsync("/api/v1/alerts/run", null, Ct));
    }

    private HttpClient? _county;

    private async Task<List<JsonElement>> OpenAsync(string rule, Guid childId)
    {
        // A county officer reads the county's alerts (an administrator runs the engine but reads only what names them).
        _county ??= await app.UserAsync("CivilAffairsOfficer", "430702");
        var page = await _county.GetFromJsonAsync<JsonElement>($"/api/v1/alerts?childId={childId}&rule={rule}&status=open", Ct);
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    /// <summary>Runs twice: the rule holds once for the child, and the second run creates nothing.</summary>
    private async Task FiresOnceAsync(string rule, Guid childId)
    {
        await RunAsync();
        Assert.Single(await OpenAsync(rule, childId));
        var again = await RunAsync();
        Assert.Equal(0, again.GetProperty("created").GetInt32());
        Assert.Single(await OpenAsync(rule, childId));
    }

    private async Task ClearsAsync(string rule, Guid childId)
    {
        await RunAsync();
        Assert.Empty(await OpenAsync(rule, childId));
    }

    private async Task<(HttpClient Director, Guid ChildId)> LeftBehindChildAsync(string name, DateOnly birth)
    {
        var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        var child = await OkJson(await director.PostAsJsonAsync("/api/v1/children", ChildrenTests.ChildBody(name, ShouhuApp.NewIdNumber(birth, true), ShouhuApp.VillageA), Ct), HttpStatusCode.Created);
        return (director, child.GetProperty("id").GetGuid());
    }

    private async Task UpdateAsync(Func<Shouhu.Data.ShouhuDbContext, Task> change)
    {
        await using var db = app.SystemDb();
        await change(db);
        await db.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task AlertSchedule_AfterStartUp_RunsSoonAsTheSystem()
    {
        var started = DateTime.UtcNow;
        using var scheduled = app.WithWebHostBuilder(b => b.UseSetting("Alerts:IntervalMinutes", "60").UseSetting("Alerts:FirstRunDelaySeconds", "0"));
        _ = scheduled.Services; // starts the host, and with it the schedule
        var ran = false;
        for (var i = 0; i < 100 && !ran; i++)
        {
            await Task.Delay(100, Ct);
            await using var db = app.SystemDb();
            ran = await db.AuditEntries.AsNoTracking().AnyAsync(a => a.Action == "Run" && a.Entity == "Alert" && a.ActorId == "system" && a.At >= started, Ct);
        }

        Assert.True(ran, "no scheduled run within 10 s of start-up");
    }

    [Fact]
    public async Task RunAlerts_TwiceInARow_CreatesAndClosesNothingTheSecondTime()
    {
        await LeftBehindChildAsync("幂等童", new DateOnly(2016, 1, 1));
        var first = await RunAsync();
        Assert.True(first.GetProperty("open").GetInt32() >= 1);
        var second = await RunAsync();
        Assert.Equal((0, 0), (second.GetProperty("created").GetInt32(), second.GetProperty("closed").GetInt32()));
        Assert.Equal(first.GetProperty("open").GetInt32(), second.GetProperty("open").GetInt32());
    }

    [Fact]
    public async Task RunAlerts_ByACountyOfficer_Returns403()
    {
        var officer = await app.UserAsync("CivilAffairsOfficer", "430702");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsync("/api/v1/alerts/run", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task ListAlerts_ByTheAdminOrAnotherVillagesDirector_ShowsNoneOfTheVillage()
    {
        await LeftBehindChildAsync("列表童", new DateOnly(2016, 1, 2));
        await RunAsync();
        using var admin = await app.AdminAsync();
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/alerts", Ct)).GetProperty("total").GetInt32()); // not a reader of the register
        var neighbour = await app.UserAsync("ChildDirector", ShouhuApp.VillageB);
        Assert.Equal(0, (await neighbour.GetFromJsonAsync<JsonElement>("/api/v1/alerts?rule=EntrustedCaregiverMissing", Ct)).GetProperty("items").EnumerateArray()
            .Count(a => a.GetProperty("regionCode").GetString() == ShouhuApp.VillageA));
    }

    [Fact]
    public async Task VisitOverdue_AMonthAfterRegistrationWithoutAVisit_FiresOnce_AndAVisitClearsIt()
    {
        var (director, childId) = await LeftBehindChildAsync("逾期童", new DateOnly(2015, 3, 3));
        await RunAsync();
        Assert.Empty(await OpenAsync("VisitOverdue", childId)); // registered today: first visit due in a month
        await UpdateAsync(async db => (await db.Children.SingleAsync(c => c.Id == childId, Ct)).CreatedAt = DateTime.UtcNow.AddDays(-45));
        await FiresOnceAsync("VisitOverdue", childId);

        await OkJson(await director.PostAsJsonAsync($"/api/v1/children/{childId}/visits", new { visitedAt = DateTimeOffset.UtcNow.AddHours(-1).ToString("o"), metPersons = new[] { "儿童本人" }, guardianPresent = false }, Ct), HttpStatusCode.Created);
        Assert.Empty(await OpenAsync("VisitOverdue", childId)); // closed by the visit itself (event run)
    }

    [Fact]
    public async Task EntrustedCaregiverMissing_ForALeftBehindChild_FiresOnce_AndRecordingOneClearsIt()
    {
        var (_, childId) = await LeftBehindChildAsync("委托童", new DateOnly(2015, 3, 3));
        await FiresOnceAsync("EntrustedCaregiverMissing", childId);
        await UpdateAsync(async db =>
        {
            var child = await db.Children.SingleAsync(c => c.Id == childId, Ct);
            db.EntrustedCares.Add(new EntrustedCare { ChildId = childId, CaregiverName = "赵奶奶", Relation = GuardianRelation.Grandmother, RegionCode = child.RegionCode });
        });
        await ClearsAsync("EntrustedCaregiverMissing", childId);
    }

    [Fact]
    public async Task HighRiskWithoutCase_FiresOnTheAssessment_AndClearsWhenACaseOpens()
    {
        var (director, childId) = await LeftBehindChildAsync("高危童", new DateOnly(2014, 5, 5));
        await OkJson(await director.PostAsJsonAsync($"/api/v1/children/{childId}/assessments", new { emergencyOverride = true, note = "监护人失联" }, Ct), HttpStatusCode.Created);
        var alert = Assert.Single(await OpenAsync("HighRiskWithoutCase", childId)); // at once, without waiting for the schedule
        Assert.Equal("high", alert.GetProperty("severity").GetString());
        await FiresOnceAsync("HighRiskWithoutCase", childId);

        var supervisor = await app.UserAsync("ChildSupervisor", "430702001");
        var report = await OkJson(await supervisor.PostAsJsonAsync("/api/v1/reports", new { channel = "HomeVisit", concernTypes = new[] { "Neglect" }, urgency = "Urgent", narrative = "高风险", childId }, Ct), HttpStatusCode.Created);
        await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/reports/{report.GetProperty("id")}/triage", await app.OpenCaseBodyAsync(), Ct));
        Assert.Empty(await OpenAsync("HighRiskWithoutCase", childId));
    }

    [Fact]
    public async Task ReassessmentOverdue_AfterTheNextDueDay_FiresOnce_AndAReassessmentClearsIt()
    {
        var (director, childId) = await LeftBehindChildAsync("复评童", new DateOnly(2014, 5, 5));
        await OkJson(await director.PostAsJsonAsync($"/api/v1/children/{childId}/assessments", new { emergencyOverride = true, note = "监护人失联" }, Ct), HttpStatusCode.Created);
        await UpdateAsync(async db => (await db.RiskAssessments.SingleAsync(a => a.ChildId == childId, Ct)).NextDueOn = ChinaTime.Today(TimeProvider.System).AddDays(-1));
        await FiresOnceAsync("ReassessmentOverdue", childId);
        await OkJson(await director.PostAsJsonAsync($"/api/v1/children/{childId}/assessments", new { emergencyOverride = true, note = "复评：仍失联" }, Ct), HttpStatusCode.Created);
        await ClearsAsync("ReassessmentOverdue", childId);
    }

    [Fact]
    public async Task ReportClockPassed_ForAnUntriagedReport_FiresOnce_AndTriageClearsIt()
    {
        var (_, childId) = await LeftBehindChildAsync("超时童", new DateOnly(2013, 6, 6));
        var supervisor = await app.UserAsync("ChildSupervisor", "430702001");
        var report = await OkJson(await supervisor.PostAsJsonAsync("/api/v1/reports", new
        {
            channel = "Hotline", receivedAt = DateTimeOffset.UtcNow.AddHours(-2).ToString("o"), concernTypes = new[] { "PhysicalAbuse" }, urgency = "ImmediateDanger", narrative = "两小时前来电", childId,
        }, Ct), HttpStatusCode.Created);
        await FiresOnceAsync("ReportClockPassed", childId);
        await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/reports/{report.GetProperty("id")}/triage", await app.OpenCaseBodyAsync(), Ct));
        await ClearsAsync("ReportClockPassed", childId);
    }

    [Fact]
    public async Task ReferralOverdue_GoesToTheCasesSupervisor_AndCompletionClearsIt()
    {
        var (_, childId) = await LeftBehindChildAsync("转介超时童", new DateOnly(2013, 6, 6));
        var (supervisor, supervisorId) = await app.StaffAsync("ChildSupervisor", "430702001");
        var report = await OkJson(await supervisor.PostAsJsonAsync("/api/v1/reports", new
        {
            channel = "Hotline", receivedAt = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("o"), concernTypes = new[] { "PhysicalAbuse" }, urgency = "ImmediateDanger", narrative = "来电", childId,
        }, Ct), HttpStatusCode.Created);
        var caseId = (await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/reports/{report.GetProperty("id")}/triage", await app.OpenCaseBodyAsync(), Ct))).GetProperty("caseId").GetGuid();

        var org = await app.OrganizationAsync("预警测试派出所" + Guid.NewGuid().ToString("N")[..4], "MemberUnit", "430702");
        var referralId = (await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new { organizationId = org, reason = "请核查", dueAt = DateTimeOffset.UtcNow.AddDays(1).ToString("o") }, Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await UpdateAsync(async db => (await db.Referrals.SingleAsync(r => r.Id == referralId, Ct)).DueAt = DateTime.UtcNow.AddHours(-1));
        await FiresOnceAsync("ReferralOverdue", childId);
        var alert = Assert.Single(await OpenAsync("ReferralOverdue", childId));
        Assert.Equal(supervisorId, alert.GetProperty("assigneeId").GetString());

        await UpdateAsync(async db => (await db.Referrals.SingleAsync(r => r.Id == referralId, Ct)).Status = Shouhu.Domain.Casework.ReferralStatus.Completed);
        await ClearsAsync("ReferralOverdue", childId);
    }

    [Fact]
    public async Task LeftBehindTurning16_TenDaysBefore_FiresOnce_FortyDaysBeforeDoesNot()
    {
        var today = ChinaTime.Today(TimeProvider.System);
        var (_, sixteen) = await LeftBehindChildAsync("将满十六", today.AddYears(-16).AddDays(10));
        await FiresOnceAsync("LeftBehindTurning16", sixteen);
        var (_, notYet) = await LeftBehindChildAsync("尚早童", today.AddYears(-16).AddDays(40));
        Assert.Empty(await OpenAsync("LeftBehindTurning16", notYet));
    }

    [Fact]
    public async Task Turning18_TwentyDaysBefore_FiresOnce_AndExitingTheCategoryClearsIt()
    {
        var today = ChinaTime.Today(TimeProvider.System);
        var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        var eighteen = (await OkJson(await director.PostAsJsonAsync("/api/v1/children", new
        {
            name = "将满十八", sex = "female", birthDate = today.AddYears(-18).AddDays(20).ToString("yyyy-MM-dd"), residenceRegionCode = ShouhuApp.VillageA,
            categories = new[] { new { category = "DeFactoUnsupported", basis = "父亲服刑，母亲失联" } },
            guardians = new object[] { new { name = "父", relation = "Father", status = "Imprisoned", conditionSince = "2024-01-01", conditionTermMonths = 120 }, new { name = "母", relation = "Mother", status = "LostContact", conditionSince = "2024-01-01" } },
        }, Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await FiresOnceAsync("Turning18", eighteen);

        // Exiting the category clears the birthday alert.
        var officer = await app.UserAsync("CivilAffairsOfficer", "430702");
        var child = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/children/{eighteen}", Ct);
        var categoryId = child.GetProperty("categories")[0].GetProperty("id").GetString();
        var categoryVersion = child.GetProperty("categories")[0].GetProperty("version").GetString();
        await OkJson(await officer.PostAsJsonAsync($"/api/v1/children/{eighteen}/categories/{categoryId}/exit", new { reason = "已安排成年后衔接", version = categoryVersion }, Ct));
        await ClearsAsync("Turning18", eighteen);
    }

    [Fact]
    public async Task IdBirthDateMismatch_WhenTheBirthDateDisagreesWithTheIdNumber_FiresOnce_AndCorrectingItClears()
    {
        var (_, childId) = await LeftBehindChildAsync("核对童", new DateOnly(2016, 8, 8));
        await UpdateAsync(async db => (await db.Children.SingleAsync(c => c.Id == childId, Ct)).BirthDate = new DateOnly(2016, 8, 9));
        await FiresOnceAsync("IdBirthDateMismatch", childId);
        await UpdateAsync(async db => (await db.Children.SingleAsync(c => c.Id == childId, Ct)).BirthDate = new DateOnly(2016, 8, 8));
        await ClearsAsync("IdBirthDateMismatch", childId);
    }

    [Fact]
    public async Task VerificationPending_MoreThan15WorkingDaysAtTheTownship_FiresOnce_AndVerifyingClearsIt()
    {
        var (_, childId) = await LeftBehindChildAsync("查验童", new DateOnly(2016, 8, 8));
        await RunAsync();
        Assert.Empty(await OpenAsync("VerificationPending", childId));
        // 15 working days of the working calendar (VerificationLimit): 16 calendar days hold at most 14 working days.
        await UpdateAsync(async db => (await db.ChildCategories.SingleAsync(k => k.ChildId == childId, Ct)).SubmittedAt = DateTime.UtcNow.AddDays(-16));
        await ClearsAsync("VerificationPending", childId);
        var cutoff = VerificationLimit.OverdueCutoff(DateTime.UtcNow, Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<WorkingCalendar>(app.Services));
        await UpdateAsync(async db => (await db.ChildCategories.SingleAsync(k => k.ChildId == childId, Ct)).SubmittedAt = cutoff.AddMinutes(1));
        await ClearsAsync("VerificationPending", childId);
        await UpdateAsync(async db => (await db.ChildCategories.SingleAsync(k => k.ChildId == childId, Ct)).SubmittedAt = cutoff.AddMinutes(-1));
        await FiresOnceAsync("VerificationPending", childId);
        var alert = (await OpenAsync("VerificationPending", childId)).Single();
        Assert.Equal(ChinaTime.ToChina(VerificationLimit.DueAt(cutoff.AddMinutes(-1), Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<WorkingCalendar>(app.Services))), alert.GetProperty("dueAt").GetDateTimeOffset());
        var supervisor = await app.UserAsync("ChildSupervisor", "430702001");
        var category = (await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/children/{childId}", Ct)).GetProperty("categories")[0];
        var categoryId = category.GetProperty("id").GetString();
        await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/children/{childId}/categories/{categoryId}/township-verify", new { version = category.GetProperty("version").GetString() }, Ct));
        await ClearsAsync("VerificationPending", childId); // waiting at the county now, for less than 15 working days
    }

    [Fact]
    public async Task Workbench_ForEachRole_CountsEqualTheListsBehindThem()
    {
        var (director, childId) = await LeftBehindChildAsync("工作台童", new DateOnly(2015, 10, 10));
        await UpdateAsync(async db => (await db.Children.SingleAsync(c => c.Id == childId, Ct)).CreatedAt = DateTime.UtcNow.AddDays(-25)); // due within 7 days
        var supervisor = await app.UserAsync("ChildSupervisor", "430702001");
        await OkJson(await supervisor.PostAsJsonAsync("/api/v1/reports", new { channel = "Hotline", concernTypes = new[] { "Neglect" }, urgency = "Routine", narrative = "待研判", childId }, Ct), HttpStatusCode.Created);
        await RunAsync();

        foreach (var client in new[] { director, supervisor })
        {
            var bench = await client.GetFromJsonAsync<JsonElement>("/api/v1/workbench", Ct);
            Assert.Equal((await client.GetFromJsonAsync<JsonElement>("/api/v1/alerts?status=open&pageSize=1", Ct)).GetProperty("total").GetInt32(), bench.GetProperty("alerts").GetInt32());
            Assert.Equal((await client.GetFromJsonAsync<JsonElement>("/api/v1/visits/due", Ct)).GetProperty("total").GetInt32(), bench.GetProperty("dueVisits").GetInt32());
            Assert.Equal((await client.GetFromJsonAsync<JsonElement>("/api/v1/cases?mine=true&status=active", Ct)).GetProperty("total").GetInt32(), bench.GetProperty("cases").GetInt32());
            Assert.Equal((await client.GetFromJsonAsync<JsonElement>("/api/v1/reports?status=awaiting-triage", Ct)).GetProperty("total").GetInt32(), bench.GetProperty("reportsAwaitingTriage").GetInt32());
            Assert.True(bench.GetProperty("alerts").GetInt32() >= 1);
        }

        var dueList = (await director.GetFromJsonAsync<JsonElement>("/api/v1/visits/due", Ct)).GetProperty("items").EnumerateArray();
        Assert.Contains(dueList, v => v.GetProperty("childId").GetGuid() == childId && !v.GetProperty("overdue").GetBoolean());
        var outsider = await app.UserAsync("ChildDirector", ShouhuApp.VillageB);
        Assert.DoesNotContain((await outsider.GetFromJsonAsync<JsonElement>("/api/v1/visits/due", Ct)).GetProperty("items").EnumerateArray(), v => v.GetProperty("childId").GetGuid() == childId);
    }

    [Fact]
    public async Task Notifications_ReachWhoMustAct_InTheInboxAndTheOutbox_Nameless()
    {
        var (_, childId) = await LeftBehindChildAsync("消息童", new DateOnly(2014, 2, 2));
        var supervisor = await app.UserAsync("ChildSupervisor", "430702001");
        var worker = await app.UserAsync("ChildDirector", ShouhuApp.VillageA, "notifydirector");
        string workerId;
        await using (var db = app.SystemDb())
        {
            workerId = await db.Users.Where(u => u.UserName == "notifydirector").Select(u => u.Id).SingleAsync(Ct);
        }

        var report = await OkJson(await supervisor.PostAsJsonAsync("/api/v1/reports", new { channel = "Hotline", concernTypes = new[] { "Neglect" }, urgency = "Urgent", narrative = "邻居反映孩子常独自在家", childId }, Ct), HttpStatusCode.Created);
        var triage = await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/reports/{report.GetProperty("id")}/triage", new { decision = "open-case", workerId, riskLevel = "medium" }, Ct));
        var mine = await worker.GetFromJsonAsync<JsonElement>("/api/v1/notifications", Ct);
        var assigned = Assert.Single(mine.GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == "Assignment");
        Assert.Contains(triage.GetProperty("caseNumber").GetString()!, assigned.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("消息童", assigned.GetProperty("text").GetString(), StringComparison.Ordinal); // no names in texts that may leave by SMS
        Assert.Equal(1, mine.GetProperty("unread").GetInt32());

        // The referral reaches the receiving organisation's liaison; an overdue one reaches the supervisor as an alert.
        using var admin = await app.AdminAsync();
        var org = (await OkJson(await admin.PostAsJsonAsync("/api/v1/organizations", new { name = "消息测试学校", kind = "School", regionCode = "430702001" }, Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var (liaison, _) = await app.StaffAsync("MemberUnitLiaison", "430702001", org);
        var caseId = triage.GetProperty("caseId").GetGuid();
        var referralId = (await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new { organizationId = org, reason = "请关注在校情况", dueAt = DateTimeOffset.UtcNow.AddDays(1).ToString("o") }, Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var inbox = await liaison.GetFromJsonAsync<JsonElement>("/api/v1/notifications", Ct);
        var referralNote = Assert.Single(inbox.GetProperty("items").EnumerateArray());
        Assert.Equal($"/Referrals/Details/{referralId}", referralNote.GetProperty("link").GetString());

        await UpdateAsync(async db => (await db.Referrals.SingleAsync(r => r.Id == referralId, Ct)).DueAt = DateTime.UtcNow.AddHours(-2));
        await RunAsync();
        var supInbox = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/notifications", Ct);
        Assert.Contains(supInbox.GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == "Alert");
        await RunAsync();
        Assert.Single((await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/notifications", Ct)).GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == "Alert");

        // Read, private, and in the outbox an administrator reads.
        var id = assigned.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.PostAsync($"/api/v1/notifications/{id}/read", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await worker.PostAsync($"/api/v1/notifications/{id}/read", null, Ct)).StatusCode);
        Assert.Equal(0, (await worker.GetFromJsonAsync<JsonElement>("/api/v1/notifications", Ct)).GetProperty("unread").GetInt32());
        var outbox = await admin.GetFromJsonAsync<JsonElement>("/api/v1/outbox", Ct);
        Assert.Contains(outbox.EnumerateArray(), m => m.GetProperty("recipientId").GetString() == workerId && m.GetProperty("channel").GetString() == "outbox");
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.GetAsync("/api/v1/outbox", Ct)).StatusCode);
    }

    /// <summary>Review finding: only an in-process lock kept one open alert per rule and subject; the database now does.</summary>
    [Fact]
    public async Task AlertTable_SecondOpenAlertForTheSameRuleAndSubject_IsRefused_ClosedOnesKept()
    {
        Alert Make(bool open) => new() { Rule = AlertRule.Turning18, SubjectKey = "dup-test", RegionCode = ShouhuApp.VillageA, Message = "x", IsOpen = open, CreatedAt = DateTime.UtcNow };
        await using (var db = app.SystemDb())
        {
            db.Alerts.AddRange(Make(true), Make(false), Make(false));
            await db.SaveChangesAsync(Ct);
        }

        await using var again = app.SystemDb();
        again.Alerts.Add(Make(true));
        await Assert.ThrowsAsync<DbUpdateException>(() => again.SaveChangesAsync(Ct));
    }
}
