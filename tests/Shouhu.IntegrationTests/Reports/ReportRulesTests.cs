using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shouhu.Domain.Casework;
using Shouhu.IntegrationTests.Children;
using static Shouhu.IntegrationTests.Api;

namespace Shouhu.IntegrationTests.Reports;

/// <summary>
/// The report rules that stopped at an enum (issue #11 items 5, 9, 10), through HTTP: concern types as rows, the mandatory-report
/// situations (minimum urgency, situations 2 and 3 against the child, the police step and its 3 days).
/// </summary>
public sealed class ReportRulesTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Guid> ChildAsync(HttpClient director, DateOnly birth, bool male)
    {
        var body = ChildrenTests.ChildBody("规则童" + Guid.NewGuid().ToString("N")[..4], ShouhuApp.NewIdNumber(birth, male), ShouhuApp.VillageA, sex: male ? "male" : "female");
        return (await OkJson(await director.PostAsJsonAsync("/api/v1/children", body, Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    private static object Report(string[] concerns, string urgency = "Routine", Guid? childId = null, object? child = null, object? policeReport = null, string? receivedAt = null) => new
    {
        channel = "MandatoryReport",
        receivedAt = receivedAt ?? DateTimeOffset.UtcNow.AddMinutes(-3).ToString("o"),
        concernTypes = concerns,
        urgency,
        narrative = "学校报告：学生情况异常。",
        childId,
        child,
        regionCode = childId is null ? ShouhuApp.VillageA : null,
        reporter = new { name = "校医", organization = "启明小学" },
        policeReport,
    };

    private static DateOnly BirthForAge(int years) => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddYears(-years).AddDays(-30);

    [Fact]
    public async Task RecordReport_ConcernTypesInAnyOrder_AreRowsCountedInTheReportsRegion()
    {
        var (supervisor, _) = await app.StaffAsync("ChildSupervisor", "430702001");
        var marker = new[] { "Bullying", "SchoolDropout" };
        int dropouts;
        await using (var before = app.DbFor("430702"))
        {
            dropouts = await before.ReportConcerns.CountAsync(c => c.ConcernType == ConcernType.SchoolDropout, Ct);
        }

        // Sent out of order and with a repeat: stored once each, answered in the order of the enumeration.
        var created = await OkJson(await supervisor.PostAsJsonAsync("/api/v1/reports", new
        {
            channel = "Hotline", concernTypes = new[] { "SchoolDropout", "Bullying", "SchoolDropout" }, urgency = "Routine", narrative = "来电：孩子被同学欺负后不肯上学。", regionCode = ShouhuApp.VillageA,
        }, Ct), HttpStatusCode.Created);
        Assert.Equal(marker, created.GetProperty("concernTypes").EnumerateArray().Select(e => e.GetString()).ToArray());
        var id = created.GetProperty("id").GetGuid();
        var listed = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/reports?status=awaiting-triage&pageSize=200", Ct);
        Assert.Equal(marker, listed.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == id).GetProperty("concernTypes").EnumerateArray().Select(e => e.GetString()).ToArray());

        // Counted by a query inside the county; nothing of it in the next county; the old comma-joined column is gone.
        await using (var county = app.DbFor("430702"))
        {
            var counts = await county.ReportConcerns.Where(c => c.ReportId == id).GroupBy(c => c.ConcernType).Select(g => new { g.Key, N = g.Count() }).ToListAsync(Ct);
            Assert.Equal([(ConcernType.Bullying, 1), (ConcernType.SchoolDropout, 1)], counts.OrderBy(c => c.Key).Select(c => (c.Key, c.N)));
            Assert.Equal(dropouts + 1, await county.ReportConcerns.CountAsync(c => c.ConcernType == ConcernType.SchoolDropout, Ct));
            Assert.Null(county.Model.FindEntityType(typeof(Report))!.FindProperty("ConcernTypes"));
        }

        await using (var other = app.DbFor(ShouhuApp.OtherCounty))
        {
            Assert.Equal(0, await other.ReportConcerns.CountAsync(c => c.ReportId == id, Ct));
        }

        // A report that moves (whoever moves it) takes its rows along.
        await using (var db = app.SystemDb())
        {
            var report = await db.Reports.SingleAsync(r => r.Id == id, Ct);
            report.RegionCode = ShouhuApp.VillageB;
            await db.SaveChangesAsync(Ct);
        }

        await using (var after = app.SystemDb())
        {
            Assert.All(await after.ReportConcerns.Where(c => c.ReportId == id).ToListAsync(Ct), c => Assert.Equal(ShouhuApp.VillageB, c.RegionCode));
        }
    }

    [Fact]
    public async Task CaseConcernTypes_AreTheRowsOfItsReports_ALinkedReportAddsItsOwn_CountedByAQuery()
    {
        var (supervisor, _) = await app.StaffAsync("ChildSupervisor", "430702001");
        var (director, _) = await app.StaffAsync("ChildDirector", ShouhuApp.VillageA);
        var childId = await ChildAsync(director, BirthForAge(10), male: true);
        var first = await OkJson(await supervisor.PostAsJsonAsync("/api/v1/reports", Report(["SchoolDropout"], childId: childId), Ct), HttpStatusCode.Created);
        var caseId = (await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/reports/{first.GetProperty("id")}/triage", await app.OpenCaseBodyAsync(), Ct))).GetProperty("caseId").GetGuid();
        var file = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}", Ct);
        Assert.Equal(["SchoolDropout"], file.GetProperty("concernTypes").EnumerateArray().Select(e => e.GetString()).ToArray());

        // A second report of the same child, of another concern and a repeat, linked to the case: the case answers each once, in enumeration order.
        var second = await OkJson(await supervisor.PostAsJsonAsync("/api/v1/reports", Report(["SchoolDropout", "Abandonment"], childId: childId), Ct), HttpStatusCode.Created);
        await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/reports/{second.GetProperty("id")}/triage", new { decision = "link-case", caseId }, Ct));
        file = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}", Ct);
        var expected = new[] { ConcernType.Abandonment, ConcernType.SchoolDropout }.Order().Select(c => c.ToString()).ToArray();
        Assert.Equal(expected, file.GetProperty("concernTypes").EnumerateArray().Select(e => e.GetString()).ToArray());

        // The case keeps no copy (no comma-joined column): cases by concern are counted from the report rows.
        await using var county = app.DbFor("430702");
        Assert.Null(county.Model.FindEntityType(typeof(Case))!.FindProperty("ConcernTypes"));
        var casesByConcern = await county.ReportConcerns
            .Join(county.Reports.Where(r => r.CaseId == caseId), k => k.ReportId, r => r.Id, (k, r) => new { k.ConcernType, r.CaseId })
            .Distinct().GroupBy(x => x.ConcernType).Select(g => new { g.Key, N = g.Count() }).ToListAsync(Ct);
        Assert.Equal([(ConcernType.Abandonment, 1), (ConcernType.SchoolDropout, 1)], casesByConcern.OrderBy(c => c.Key).Select(c => (c.Key, c.N)));
    }

    [Fact]
    public async Task RecordMandatoryReport_OfASituation_IsAtLeastUrgentWithThe24HourClock()
    {
        var (supervisor, _) = await app.StaffAsync("ChildSupervisor", "430702001");
        foreach (var concern in Enum.GetValues<ConcernType>().Where(c => c is not (ConcernType.SexualAbuseUnder14 or ConcernType.PregnancyFromAbuse)))
        {
            var r = await OkJson(await supervisor.PostAsJsonAsync("/api/v1/reports", Report([concern.ToString()]), Ct), HttpStatusCode.Created);
            var situation = (int)concern <= 9;
            Assert.Equal(situation ? "Urgent" : "Routine", r.GetProperty("urgency").GetString());
            if (situation)
            {
                Assert.Equal(r.GetProperty("receivedAt").GetDateTimeOffset().AddHours(24), r.GetProperty("responseDueAt").GetDateTimeOffset());
                // The police step is expected and not yet recorded.
                Assert.Equal(JsonValueKind.Null, r.GetProperty("police").GetProperty("reportedAt").ValueKind);
            }
            else
            {
                Assert.Equal(JsonValueKind.Null, r.GetProperty("police").ValueKind);
            }
        }

        // Immediate danger stays immediate danger.
        var immediate = await OkJson(await supervisor.PostAsJsonAsync("/api/v1/reports", Report(["GenitalInjury"], "ImmediateDanger"), Ct), HttpStatusCode.Created);
        Assert.Equal("ImmediateDanger", immediate.GetProperty("urgency").GetString());
    }

    [Fact]
    public async Task RecordMandatoryReport_Situation2Or3NotFittingTheChildsSexOrAge_Returns400OnConcernTypes()
    {
        var (supervisor, _) = await app.StaffAsync("ChildSupervisor", "430702001");
        var (director, _) = await app.StaffAsync("ChildDirector", ShouhuApp.VillageA);
        var boy = await ChildAsync(director, BirthForAge(10), male: true);
        var girl10 = await ChildAsync(director, BirthForAge(10), male: false);
        var girl15 = await ChildAsync(director, BirthForAge(15), male: false);
        // 周岁 count from the day after the birthday (ADR-009, 法释〔2006〕1号 art. 2): on her 14th birthday a girl is still under 14.
        var birthdayTomorrow = await ChildAsync(director, DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddYears(-14).AddDays(1), male: false);
        var birthdayToday = await ChildAsync(director, DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddYears(-14), male: false);
        var birthdayYesterday = await ChildAsync(director, DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddYears(-14).AddDays(-1), male: false);
        int count;
        await using (var db = app.SystemDb())
        {
            count = await db.Reports.CountAsync(Ct);
        }

        var cases = new (Guid? Child, object? Unknown, string Concern, bool Accepted)[]
        {
            (boy, null, "SexualAbuseUnder14", false),
            (boy, null, "PregnancyFromAbuse", false),
            (girl10, null, "SexualAbuseUnder14", true),
            (girl10, null, "PregnancyFromAbuse", false),
            (girl15, null, "SexualAbuseUnder14", false),
            (girl15, null, "PregnancyFromAbuse", true),
            (birthdayTomorrow, null, "SexualAbuseUnder14", true),
            (birthdayTomorrow, null, "PregnancyFromAbuse", false),
            (birthdayToday, null, "SexualAbuseUnder14", true),      // 14 from tomorrow
            (birthdayToday, null, "PregnancyFromAbuse", false),
            (birthdayYesterday, null, "SexualAbuseUnder14", false), // 14 since today
            (birthdayYesterday, null, "PregnancyFromAbuse", true),
            (null, new { sex = "male", approximateAge = 12 }, "SexualAbuseUnder14", false),
            (null, new { sex = "male" }, "PregnancyFromAbuse", false),
            (null, new { sex = "female", approximateAge = 12 }, "SexualAbuseUnder14", true),
            (null, new { description = "穿校服的孩子" }, "PregnancyFromAbuse", true), // sex unknown: nothing to contradict
            (boy, null, "GenitalInjury", true),
        };
        var accepted = 0;
        foreach (var (child, unknown, concern, ok) in cases)
        {
            var r = await supervisor.PostAsJsonAsync("/api/v1/reports", Report([concern], childId: child, child: unknown), Ct);
            if (ok)
            {
                await OkJson(r, HttpStatusCode.Created);
                accepted++;
            }
            else
            {
                Assert.Contains(concern == "SexualAbuseUnder14" ? "情形二" : "情形三", await ErrorOf(r, "concernTypes"), StringComparison.Ordinal);
            }
        }

        await using (var db = app.SystemDb())
        {
            Assert.Equal(count + accepted, await db.Reports.CountAsync(Ct));
        }
    }

    [Fact]
    public async Task PoliceFeedbackLate_AlertsWhoRecordedTheReport_LinkingTheReport_ClosesOnFeedback()
    {
        var (supervisor, supervisorId) = await app.StaffAsync("ChildSupervisor", "430702001");
        var (_, workerId) = await app.StaffAsync("ChildDirector", ShouhuApp.VillageA);
        using var admin = await app.AdminAsync();
        var fiveDaysAgo = DateTimeOffset.UtcNow.AddDays(-5); // not four: the 10 minutes after it may cross midnight in China, and the feedback must be late at any hour
        var late = await OkJson(await supervisor.PostAsJsonAsync("/api/v1/reports", Report(["PhysicalAbuse"], receivedAt: fiveDaysAgo.ToString("o"),
            policeReport: new { reportedAt = fiveDaysAgo.AddMinutes(10).ToString("o"), reportedBy = "校医 李老师", policeUnit = "启明派出所" }), Ct), HttpStatusCode.Created);
        var lateId = late.GetProperty("id").GetGuid();
        // A police step of yesterday is not late yet: no alert for it.
        var fresh = await OkJson(await supervisor.PostAsJsonAsync("/api/v1/reports", Report(["PhysicalAbuse"], receivedAt: DateTimeOffset.UtcNow.AddDays(-1).ToString("o"),
            policeReport: new { reportedAt = DateTimeOffset.UtcNow.AddDays(-1).AddMinutes(5).ToString("o"), reportedBy = "校医", policeUnit = "启明派出所" }), Ct), HttpStatusCode.Created);

        // The police step recorded at intake reaches the case's timeline when the report opens a case.
        var triage = await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/reports/{lateId}/triage", new { decision = "open-case", workerId, riskLevel = "high" }, Ct));
        var caseId = triage.GetProperty("caseId").GetGuid();
        var file = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}", Ct);
        Assert.Single(file.GetProperty("events").EnumerateArray(), e => e.GetProperty("kind").GetString() == "ReportedToPolice" && e.GetProperty("text").GetString()!.Contains("启明派出所", StringComparison.Ordinal));

        async Task<List<JsonElement>> OpenPoliceAlerts() => (await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/alerts?rule=PoliceFeedbackOverdue&status=open&pageSize=200", Ct))
            .GetProperty("items").EnumerateArray().Where(a => a.GetProperty("assigneeId").GetString() == supervisorId).ToList();

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/v1/alerts/run", null, Ct)).StatusCode);
        var alert = Assert.Single(await OpenPoliceAlerts());
        Assert.Equal("medium", alert.GetProperty("severity").GetString());
        Assert.Contains("公安机关尚未反馈", alert.GetProperty("message").GetString(), StringComparison.Ordinal);
        // The recorder is told, with a link to the report (not the case, which a hotline operator may not open); the text names no child.
        var inbox = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/notifications", Ct);
        var note = Assert.Single(inbox.GetProperty("items").EnumerateArray(), n => n.GetProperty("kind").GetString() == "Alert" && n.GetProperty("text").GetString()!.Contains("公安", StringComparison.Ordinal));
        Assert.Equal($"/Reports/Details/{lateId}", note.GetProperty("link").GetString());

        // Feedback recorded: on the timeline, and the next run closes the alert.
        await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/reports/{lateId}/police-feedback", new { receivedAt = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("o"), note = "已立案侦查" }, Ct));
        file = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}", Ct);
        Assert.Single(file.GetProperty("events").EnumerateArray(), e => e.GetProperty("kind").GetString() == "PoliceFeedback" && e.GetProperty("text").GetString()!.Contains("已超过3日时限", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/v1/alerts/run", null, Ct)).StatusCode);
        Assert.Empty(await OpenPoliceAlerts());
        Assert.False(fresh.GetProperty("police").GetProperty("feedbackOverdue").GetBoolean());
    }

    [Fact]
    public async Task PoliceStepAndFeedback_BeforeTriage_ReachTheLinkedCasesTimeline()
    {
        var (supervisor, _) = await app.StaffAsync("ChildSupervisor", "430702001");
        var (director, _) = await app.StaffAsync("ChildDirector", ShouhuApp.VillageA);
        var childId = await ChildAsync(director, BirthForAge(8), male: false);
        var first = await OkJson(await supervisor.PostAsJsonAsync("/api/v1/reports", Report(["Neglect"], childId: childId), Ct), HttpStatusCode.Created);
        var caseId = (await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/reports/{first.GetProperty("id")}/triage", await app.OpenCaseBodyAsync(), Ct))).GetProperty("caseId").GetGuid();
        var second = await OkJson(await supervisor.PostAsJsonAsync("/api/v1/reports", Report(["PhysicalAbuse"], childId: childId,
            policeReport: new { reportedAt = DateTimeOffset.UtcNow.AddMinutes(-2).ToString("o"), reportedBy = "班主任", policeUnit = "城北派出所" }), Ct), HttpStatusCode.Created);
        var secondId = second.GetProperty("id").GetGuid();
        await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/reports/{secondId}/police-feedback", new { receivedAt = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("o"), note = "已出警" }, Ct));
        await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/reports/{secondId}/triage", new { decision = "link-case", caseId }, Ct));
        var events = (await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}", Ct)).GetProperty("events").EnumerateArray().ToList();
        Assert.Single(events, e => e.GetProperty("kind").GetString() == "ReportedToPolice" && e.GetProperty("text").GetString()!.Contains("城北派出所", StringComparison.Ordinal));
        Assert.Single(events, e => e.GetProperty("kind").GetString() == "PoliceFeedback" && e.GetProperty("text").GetString()!.Contains("已出警", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PoliceStep_AtIntakeOrLater_StartsThe3DayFeedbackClock()
    {
        var (supervisor, _) = await app.StaffAsync("ChildSupervisor", "430702001");
        var (_, workerId) = await app.StaffAsync("ChildDirector", ShouhuApp.VillageA);
        var fiveDaysAgo = DateTimeOffset.UtcNow.AddDays(-5); // not four: the 10 minutes after it may cross midnight in China, and the feedback must be late at any hour

        // At intake, four days ago: the feedback was due a day ago and is marked overdue, on the report and in the queue.
        var late = await OkJson(await supervisor.PostAsJsonAsync("/api/v1/reports", Report(["PhysicalAbuse"], receivedAt: fiveDaysAgo.ToString("o"),
            policeReport: new { reportedAt = fiveDaysAgo.AddMinutes(10).ToString("o"), reportedBy = "校医 李老师", policeUnit = "启明派出所" }), Ct), HttpStatusCode.Created);
        var police = late.GetProperty("police");
        Assert.Equal("启明派出所", police.GetProperty("policeUnit").GetString());
        Assert.Equal("校医 李老师", police.GetProperty("reportedBy").GetString());
        var due = police.GetProperty("feedbackDueAt").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromHours(8), due.Offset);
        Assert.Equal(TimeSpan.Zero, due.TimeOfDay);
        Assert.Equal(DateOnly.FromDateTime(fiveDaysAgo.AddMinutes(10).ToOffset(TimeSpan.FromHours(8)).DateTime).AddDays(4), DateOnly.FromDateTime(due.DateTime));
        Assert.True(police.GetProperty("feedbackOverdue").GetBoolean());
        var lateId = late.GetProperty("id").GetGuid();
        var queue = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/reports?pageSize=200", Ct);
        Assert.True(queue.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == lateId).GetProperty("policeFeedbackOverdue").GetBoolean());

        // Feedback: not before the report to the police, then recorded; the mark goes.
        Assert.Contains("不能早于报警时间", await ErrorOf(await supervisor.PostAsJsonAsync($"/api/v1/reports/{lateId}/police-feedback", new { receivedAt = fiveDaysAgo.ToString("o"), note = "已立案侦查" }, Ct), "receivedAt"), StringComparison.Ordinal);
        var answered = await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/reports/{lateId}/police-feedback", new { receivedAt = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("o"), note = "已立案侦查" }, Ct));
        Assert.False(answered.GetProperty("police").GetProperty("feedbackOverdue").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await supervisor.PostAsJsonAsync($"/api/v1/reports/{lateId}/police-feedback", new { receivedAt = DateTimeOffset.UtcNow.ToString("o"), note = "再次" }, Ct)).StatusCode);

        // Later, on a report that became a case: fields named when missing, then on the case's timeline; once only.
        var report = await OkJson(await supervisor.PostAsJsonAsync("/api/v1/reports", Report(["Abandonment"]), Ct), HttpStatusCode.Created);
        var reportId = report.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await supervisor.PostAsJsonAsync($"/api/v1/reports/{reportId}/police-feedback", new { receivedAt = DateTimeOffset.UtcNow.ToString("o"), note = "x" }, Ct)).StatusCode);
        var triage = await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/reports/{reportId}/triage", new { decision = "open-case", workerId, riskLevel = "high" }, Ct));
        var missing = await supervisor.PostAsJsonAsync($"/api/v1/reports/{reportId}/police-report", new { reportedAt = DateTimeOffset.UtcNow.ToString("o") }, Ct);
        await ErrorOf(missing, "policeUnit");
        await ErrorOf(missing, "reportedBy");
        await ErrorOf(await supervisor.PostAsJsonAsync($"/api/v1/reports/{reportId}/police-report", new { reportedAt = DateTimeOffset.UtcNow.AddHours(2).ToString("o"), reportedBy = "督导员", policeUnit = "启明派出所" }, Ct), "reportedAt");
        var recorded = await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/reports/{reportId}/police-report", new { reportedAt = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("o"), reportedBy = "督导员", policeUnit = "启明派出所" }, Ct));
        Assert.False(recorded.GetProperty("police").GetProperty("feedbackOverdue").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await supervisor.PostAsJsonAsync($"/api/v1/reports/{reportId}/police-report", new { reportedAt = DateTimeOffset.UtcNow.ToString("o"), reportedBy = "督导员", policeUnit = "另一派出所" }, Ct)).StatusCode);
        var file = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{triage.GetProperty("caseId").GetGuid()}", Ct);
        Assert.Contains(file.GetProperty("events").EnumerateArray(), e => e.GetProperty("kind").GetString() == "ReportedToPolice" && e.GetProperty("text").GetString()!.Contains("启明派出所", StringComparison.Ordinal));

        // A report of none of the nine situations has no police step; a police step sent with one is refused.
        var routine = await OkJson(await supervisor.PostAsJsonAsync("/api/v1/reports", Report(["SchoolDropout"]), Ct), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Conflict, (await supervisor.PostAsJsonAsync($"/api/v1/reports/{routine.GetProperty("id")}/police-report", new { reportedAt = DateTimeOffset.UtcNow.ToString("o"), reportedBy = "x", policeUnit = "y" }, Ct)).StatusCode);
        await ErrorOf(await supervisor.PostAsJsonAsync("/api/v1/reports", Report(["SchoolDropout"], policeReport: new { reportedAt = DateTimeOffset.UtcNow.ToString("o"), reportedBy = "x", policeUnit = "y" }), Ct), "policeReport");
    }
}
