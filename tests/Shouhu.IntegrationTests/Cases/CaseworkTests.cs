using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shouhu.IntegrationTests.Children;
using static Shouhu.IntegrationTests.Api;

namespace Shouhu.IntegrationTests.Cases;

/// <summary>Casework through HTTP: the journey report → triage → case → plan → approval → referral → services → closure, the state machine, transfers, files and bad input.</summary>
public sealed class CaseworkTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Guid> ChildAsync(string name)
    {
        var (director, _) = await app.StaffAsync("ChildDirector", ShouhuApp.VillageA);
        using (director)
        {
            var r = await OkJson(await director.PostAsJsonAsync("/api/v1/children", ChildrenTests.ChildBody(name, ShouhuApp.NewIdNumber(new DateOnly(2016, 3, 3), true), ShouhuApp.VillageA), Ct), HttpStatusCode.Created);
            return r.GetProperty("id").GetGuid();
        }
    }

    private static object HotlineReport(Guid? childId, string? region = null, string urgency = "ImmediateDanger") => new
    {
        channel = "Hotline",
        receivedAt = DateTimeOffset.UtcNow.AddMinutes(-3).ToString("o"),
        concernTypes = new[] { "PhysicalAbuse", "Neglect" },
        urgency,
        narrative = "邻居来电：孩子身上多处淤青，父亲酒后打人，孩子晚上不敢回家。",
        childId,
        regionCode = region,
        reporter = new { name = "王邻居", phone = "13800138000", relation = "邻居" },
    };

    /// <summary>The whole chain of the issue, through the API, with every step on the timeline and in the audit trail.</summary>
    [Fact]
    public async Task Journey_HotlineReportThroughTriagePlanReferralServiceAndClosure_IsOnTheTimelineAndAudited()
    {
        var childId = await ChildAsync("危小宝");
        var policeOrg = await app.OrganizationAsync("武陵区公安分局", "MemberUnit", "430702");
        var (operatorClient, _) = await app.StaffAsync("HotlineOperator", "430702");
        var (supervisor, supervisorId) = await app.StaffAsync("ChildSupervisor", "430702001");
        var (worker, workerId) = await app.StaffAsync("ChildDirector", ShouhuApp.VillageA);
        var (police, _) = await app.StaffAsync("MemberUnitLiaison", "430702", policeOrg);

        var report = await OkJson(await operatorClient.PostAsJsonAsync("/api/v1/reports", HotlineReport(childId), Ct), HttpStatusCode.Created);
        var reportId = report.GetProperty("id").GetGuid();
        Assert.Equal("awaiting-triage", report.GetProperty("status").GetString());
        Assert.Equal(ShouhuApp.VillageA, report.GetProperty("regionCode").GetString()); // from the child's residence
        var due = report.GetProperty("responseDueAt").GetDateTimeOffset() - report.GetProperty("receivedAt").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromHours(1), due);

        var queue = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/reports?status=awaiting-triage", Ct);
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == reportId);

        // The operator records but does not triage.
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.PostAsJsonAsync($"/api/v1/reports/{reportId}/triage", await app.OpenCaseBodyAsync(), Ct)).StatusCode);
        var triage = await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/reports/{reportId}/triage", new { decision = "open-case", workerId, riskLevel = "high" }, Ct));
        var caseId = triage.GetProperty("caseId").GetGuid();
        Assert.Matches(@"^4307-20\d\d-\d{5}$", triage.GetProperty("caseNumber").GetString());

        // Triage twice is refused; nothing changes.
        var again = await supervisor.PostAsJsonAsync($"/api/v1/reports/{reportId}/triage", new { decision = "close", reason = "重复" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("不能重复研判", (await Json(again)).GetProperty("detail").GetString());

        var c = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}", Ct);
        Assert.Equal("open", c.GetProperty("status").GetString());
        Assert.Equal("high", c.GetProperty("riskLevel").GetString());
        Assert.Equal(childId, c.GetProperty("childId").GetGuid());
        Assert.Equal(workerId, c.GetProperty("assignedWorkerId").GetString());
        Assert.Equal(supervisorId, c.GetProperty("supervisorId").GetString());

        await OkJson(await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/status", new { to = "assessing" }, Ct));
        await OkJson(await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/status", new { to = "planning", note = "评估完成：父亲酗酒施暴，母亲外出务工" }, Ct));
        // planning → in-service only through the supervisor's approval.
        var skip = await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/status", new { to = "in-service" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, skip.StatusCode);
        Assert.Equal("个案计划须经督导批准后方可进入服务阶段", (await Json(skip)).GetProperty("detail").GetString());

        var tomorrow = DateTime.UtcNow.AddHours(8).AddDays(7).ToString("yyyy-MM-dd");
        await OkJson(await worker.PutAsJsonAsync($"/api/v1/cases/{caseId}/plan", new
        {
            goals = "保障儿童人身安全，恢复家庭监护",
            items = new[]
            {
                new { serviceType = "TemporaryCare", description = "安排到外婆家临时照料", responsible = "儿童主任", dueOn = tomorrow },
                new { serviceType = "PsychologicalCounselling", description = "每周心理疏导", responsible = "社工站", dueOn = tomorrow },
            },
        }, Ct));
        await OkJson(await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/submit", new { }, Ct));
        // The worker may not approve; the supervisor returns once with a comment, then approves.
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/approve", new { }, Ct)).StatusCode);
        var noComment = await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/return", new { comment = "" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noComment.StatusCode);
        await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/return", new { comment = "补充法律援助" }, Ct));
        await OkJson(await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/submit", new { }, Ct));
        await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/approve", new { comment = "同意" }, Ct));
        Assert.Equal("in-service", (await worker.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}", Ct)).GetProperty("status").GetString());

        // Referral to the police liaison.
        var sent = await OkJson(await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new
        {
            organizationId = policeOrg, reason = "请依法对施暴父亲进行训诫并出具告诫书", dueAt = DateTimeOffset.UtcNow.AddDays(3).ToString("o"), sharedInformation = "儿童现住外婆家",
        }, Ct), HttpStatusCode.Created);
        Assert.Equal("sent", sent.GetProperty("status").GetString());
        var referralId = sent.GetProperty("id").GetGuid();

        var inbox = await police.GetFromJsonAsync<JsonElement>("/api/v1/referrals", Ct);
        Assert.Equal(1, inbox.GetProperty("total").GetInt32());
        var view = await police.GetFromJsonAsync<JsonElement>($"/api/v1/referrals/{referralId}", Ct);
        Assert.Equal("危小宝", view.GetProperty("child").GetProperty("name").GetString());
        Assert.Contains("****", view.GetProperty("child").GetProperty("citizenIdNumberMasked").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("酒后打人", view.GetRawText(), StringComparison.Ordinal); // the report's narrative is not shared
        Assert.False(view.TryGetProperty("events", out _));
        // The receiver sees the referral, never the case or the child's record: liaisons are refused casework (Policies.Casework).
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync($"/api/v1/cases/{caseId}", Ct)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await police.GetAsync($"/api/v1/children/{childId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync("/api/v1/cases", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync($"/api/v1/reports/{reportId}", Ct)).StatusCode);

        // Completing before accepting is refused; accept, then complete with feedback.
        Assert.Equal(HttpStatusCode.Conflict, (await police.PostAsJsonAsync($"/api/v1/referrals/{referralId}/complete", new { note = "已办" }, Ct)).StatusCode);
        Assert.Equal("accepted", (await OkJson(await police.PostAsJsonAsync($"/api/v1/referrals/{referralId}/accept", new { note = "已接收" }, Ct))).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await police.PostAsJsonAsync($"/api/v1/referrals/{referralId}/complete", new { note = " " }, Ct)).StatusCode);
        Assert.Equal("completed", (await OkJson(await police.PostAsJsonAsync($"/api/v1/referrals/{referralId}/complete", new { note = "已对父亲训诫并出具家庭暴力告诫书" }, Ct))).GetProperty("status").GetString());

        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd");
        await OkJson(await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/services", new { serviceType = "PsychologicalCounselling", provider = "武陵区阳光社工站", servedOn = today, durationMinutes = 60, outcome = "情绪稳定" }, Ct), HttpStatusCode.Created);
        await OkJson(await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/status", new { to = "reviewing" }, Ct));
        // Closing without approval is refused; the request needs an assessment; the supervisor approves.
        var direct = await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/status", new { to = "closed" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, direct.StatusCode);
        Assert.Equal("结案须提交结案申请，经督导审批", (await Json(direct)).GetProperty("detail").GetString());
        var noAssessment = await Json(await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/closure", new { reason = "GoalsMet" }, Ct));
        Assert.Equal("须填写结案评估", noAssessment.GetProperty("errors").GetProperty("closingAssessment")[0].GetString());
        await OkJson(await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/closure", new { reason = "GoalsMet", closingAssessment = "儿童安全，父亲戒酒，监护恢复" }, Ct));
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/closure/approve", new { }, Ct)).StatusCode);
        await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/closure/approve", new { comment = "同意结案" }, Ct));

        var closed = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}", Ct);
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, closed.GetProperty("followUpOn").ValueKind);
        var kinds = closed.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        foreach (var k in new[] { "Opened", "Assigned", "StatusChanged", "PlanSubmitted", "PlanReturned", "PlanApproved", "ReferralSent", "ReferralAccepted", "ReferralCompleted", "ServiceRecorded", "ClosureRequested", "ClosureApproved" })
        {
            Assert.Contains(k, kinds);
        }

        await using var db = app.SystemDb();
        var audited = await db.AuditEntries.Where(a => a.Entity == "Case" && a.EntityId == caseId.ToString()).Select(a => a.Detail ?? a.Action).ToListAsync(Ct);
        Assert.Contains(audited, d => d.StartsWith("Referral:Update", StringComparison.Ordinal));
        Assert.Contains(audited, d => d.StartsWith("ServiceRecord:Create", StringComparison.Ordinal));
        Assert.Contains(audited, d => d.StartsWith("CaseApproval:Create", StringComparison.Ordinal));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == "Report" && a.EntityId == reportId.ToString() && a.Action == "Update", Ct));
    }

    [Fact]
    public async Task ChangeCaseStatus_IllegalTransition_IsRefusedWithAReasonAndChangesNothing()
    {
        var (supervisor, _) = await app.StaffAsync("ChildSupervisor", "430702001");
        var report = await OkJson(await supervisor.PostAsJsonAsync("/api/v1/reports", HotlineReport(null, ShouhuApp.VillageB, "Routine"), Ct), HttpStatusCode.Created);
        var caseId = (await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/reports/{report.GetProperty("id")}/triage", await app.OpenCaseBodyAsync(), Ct))).GetProperty("caseId").GetGuid();
        foreach (var to in new[] { "open", "planning", "in-service", "reviewing", "closed", "reopened" })
        {
            var r = await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/status", new { to }, Ct);
            Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
            Assert.False(string.IsNullOrEmpty((await Json(r)).GetProperty("detail").GetString()));
        }

        var bad = await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/status", new { to = "finished" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var after = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}", Ct);
        Assert.Equal("open", after.GetProperty("status").GetString());
        Assert.DoesNotContain(after.GetProperty("events").EnumerateArray(), e => e.GetProperty("kind").GetString() == "StatusChanged");
    }

    [Fact]
    public async Task UpdateCase_FromAStaleVersion_IsRefusedNamingWhoChangedItAndWhen()
    {
        var (supervisor, _) = await app.StaffAsync("ChildSupervisor", "430702001");
        var (officer, _) = await app.StaffAsync("CivilAffairsOfficer", "430702");
        var report = await OkJson(await supervisor.PostAsJsonAsync("/api/v1/reports", HotlineReport(null, ShouhuApp.VillageA, "Urgent"), Ct), HttpStatusCode.Created);
        var caseId = (await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/reports/{report.GetProperty("id")}/triage", await app.OpenCaseBodyAsync(), Ct))).GetProperty("caseId").GetGuid();
        var read = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}", Ct);
        var version = read.GetProperty("version").GetGuid();

        await OkJson(await officer.PostAsJsonAsync($"/api/v1/cases/{caseId}/status", new { to = "assessing", version }, Ct));
        var second = await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/risk", new { riskLevel = "high", version }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var detail = (await Json(second)).GetProperty("detail").GetString()!;
        Assert.Contains("测试CivilAffairsOfficer", detail, StringComparison.Ordinal);
        Assert.Contains("请刷新", detail, StringComparison.Ordinal);
        Assert.Equal("medium", (await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}", Ct)).GetProperty("riskLevel").GetString());
    }

    [Fact]
    public async Task CaseworkInput_Bad_IsRefusedByField_AndSavesNothing()
    {
        var (supervisor, _) = await app.StaffAsync("ChildSupervisor", "430702001");
        await using (var db = app.SystemDb())
        {
            var before = await db.Reports.CountAsync(Ct);
            var noWhere = await supervisor.PostAsJsonAsync("/api/v1/reports", new { channel = "Online", concernTypes = new[] { "Bullying" }, urgency = "Routine", narrative = "匿名：学校里有孩子被欺负", reporter = new { anonymous = true } }, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, noWhere.StatusCode);
            Assert.Equal("须填写发生地，或选择已登记的儿童", (await Json(noWhere)).GetProperty("errors").GetProperty("regionCode")[0].GetString());
            var future = await Json(await supervisor.PostAsJsonAsync("/api/v1/reports", new { channel = "Hotline", receivedAt = DateTimeOffset.UtcNow.AddHours(2).ToString("o"), concernTypes = new[] { "Nope" }, urgency = "Soon", narrative = "", regionCode = ShouhuApp.VillageA }, Ct));
            var errors = future.GetProperty("errors");
            foreach (var field in new[] { "receivedAt", "concernTypes", "urgency", "narrative" })
            {
                Assert.True(errors.TryGetProperty(field, out _), field);
            }

            var mandatory = await Json(await supervisor.PostAsJsonAsync("/api/v1/reports", new { channel = "MandatoryReport", concernTypes = new[] { "GenitalInjury" }, urgency = "ImmediateDanger", narrative = "校医发现", regionCode = ShouhuApp.VillageA }, Ct));
            Assert.Equal("强制报告须填写报告单位", mandatory.GetProperty("errors").GetProperty("reporter.organization")[0].GetString());
            var outside = await Json(await supervisor.PostAsJsonAsync("/api/v1/reports", new { channel = "WalkIn", concernTypes = new[] { "Other" }, urgency = "Routine", narrative = "x", regionCode = "430703001001" }, Ct));
            Assert.True(outside.GetProperty("errors").TryGetProperty("regionCode", out _));
            Assert.Equal(before, await db.Reports.CountAsync(Ct));
        }

        // A valid anonymous online report (China time without offset is read as +08:00), then a case to refer from.
        var ok = await OkJson(await supervisor.PostAsJsonAsync("/api/v1/reports", new
        {
            channel = "Online", receivedAt = DateTime.UtcNow.AddHours(8).AddMinutes(-10).ToString("yyyy-MM-dd HH:mm"), concernTypes = new[] { "Bullying" }, urgency = "Routine",
            narrative = "匿名：学校里有孩子被欺负", regionCode = ShouhuApp.VillageA, reporter = new { anonymous = true }, child = new { name = "阿依·买买提", sex = "female", approximateAge = 9 },
        }, Ct), HttpStatusCode.Created);
        Assert.True(ok.GetProperty("reporter").GetProperty("anonymous").GetBoolean());
        Assert.Equal("阿依·买买提", ok.GetProperty("child").GetProperty("name").GetString());
        var reportId = ok.GetProperty("id").GetGuid();
        var closeNoReason = await supervisor.PostAsJsonAsync($"/api/v1/reports/{reportId}/triage", new { decision = "close" }, Ct);
        Assert.Equal("不予立案须填写理由", (await Json(closeNoReason)).GetProperty("errors").GetProperty("reason")[0].GetString());
        var caseId = (await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/reports/{reportId}/triage", await app.OpenCaseBodyAsync(), Ct))).GetProperty("caseId").GetGuid();

        var noOrg = await Json(await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new { organizationId = Guid.NewGuid(), reason = "请协助" }, Ct));
        Assert.Equal("接收机构不存在", noOrg.GetProperty("errors").GetProperty("organizationId")[0].GetString());
        var farOrg = await app.OrganizationAsync("鼎城区教育局", "MemberUnit", ShouhuApp.OtherCounty);
        var far = await Json(await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new { organizationId = farOrg, reason = "请协助" }, Ct));
        Assert.Equal("该机构的服务区域不包括本案所在地", far.GetProperty("errors").GetProperty("organizationId")[0].GetString());
        var school = await app.OrganizationAsync("启明街道中心小学", "School", "430702001");
        var past = await Json(await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new { organizationId = school, reason = "请协助", dueAt = "2020-01-01" }, Ct));
        Assert.Equal("办理期限不能早于现在", past.GetProperty("errors").GetProperty("dueAt")[0].GetString());
        await using (var db = app.SystemDb())
        {
            Assert.False(await db.Referrals.AnyAsync(r => r.CaseId == caseId, Ct));
        }

        // Attachments: content decides, not the name; over 20 MB is refused; a real PDF is kept and read back.
        var fake = await Upload(supervisor, caseId, "报告.pdf", System.Text.Encoding.UTF8.GetBytes("MZ this is an executable, not a PDF"));
        Assert.Equal(HttpStatusCode.BadRequest, fake.StatusCode);
        Assert.Contains("按文件内容识别", (await Json(fake)).GetProperty("errors").GetProperty("file")[0].GetString());
        var big = new byte[(20 * 1024 * 1024) + 10];
        "%PDF-1.4"u8.CopyTo(big);
        var tooBig = await Upload(supervisor, caseId, "大文件.pdf", big);
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.Equal("文件超过 20 MB", (await Json(tooBig)).GetProperty("errors").GetProperty("file")[0].GetString());
        var pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();
        var kept = await OkJson(await Upload(supervisor, caseId, "谈话记录.pdf", pdf), HttpStatusCode.Created);
        var download = await supervisor.GetAsync($"/api/v1/attachments/{kept.GetProperty("id")}", Ct);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(Ct));
        var (otherCounty, _) = await app.StaffAsync("CivilAffairsOfficer", ShouhuApp.OtherCounty);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCounty.GetAsync($"/api/v1/attachments/{kept.GetProperty("id")}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCounty.GetAsync($"/api/v1/cases/{caseId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCounty.PostAsJsonAsync($"/api/v1/cases/{caseId}/notes", new { text = "x" }, Ct)).StatusCode);
    }

    private async Task<(HttpClient Supervisor, Guid CaseId)> OpenCaseAsync(string village = ShouhuApp.VillageA, Guid? childId = null)
    {
        var (supervisor, _) = await app.StaffAsync("ChildSupervisor", "430702001");
        var report = await OkJson(await supervisor.PostAsJsonAsync("/api/v1/reports", HotlineReport(childId, childId is null ? village : null, "Urgent"), Ct), HttpStatusCode.Created);
        var caseId = (await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/reports/{report.GetProperty("id")}/triage", await app.OpenCaseBodyAsync(), Ct))).GetProperty("caseId").GetGuid();
        return (supervisor, caseId);
    }

    /// <summary>Review finding: a case opened where a report was made stayed there after its child (living elsewhere) was identified.</summary>
    [Fact]
    public async Task IdentifyChild_OnACase_MovesTheCaseToTheChildsVillage()
    {
        var childId = await ChildAsync("认亲童");
        var (supervisor, caseId) = await OpenCaseAsync(ShouhuApp.VillageB);
        var (directorA, _) = await app.StaffAsync("ChildDirector", ShouhuApp.VillageA);
        var (directorB, _) = await app.StaffAsync("ChildDirector", ShouhuApp.VillageB);
        await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/notes", new { text = "村B发现" }, Ct);
        Assert.Equal(HttpStatusCode.OK, (await directorB.GetAsync($"/api/v1/cases/{caseId}", Ct)).StatusCode);

        await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/child", new { childId }, Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await directorB.GetAsync($"/api/v1/cases/{caseId}", Ct)).StatusCode);
        var moved = await directorA.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}", Ct);
        Assert.Equal(ShouhuApp.VillageA, moved.GetProperty("regionCode").GetString());
        Assert.Contains(moved.GetProperty("events").EnumerateArray(), e => e.GetProperty("text").GetString() == "村B发现"); // the whole file moved
        await using var db = app.DbFor(ShouhuApp.VillageB);
        Assert.False(await db.CaseEvents.AnyAsync(e => e.CaseId == caseId, Ct));
    }

    /// <summary>Review findings: far-off dates and null plan items answered 500; a supervisor approved a plan they wrote.</summary>
    [Fact]
    public async Task CaseworkInput_OddDatesOrNullItems_Returns400_AndAPlanIsNeverApprovedByItsAuthor()
    {
        var (supervisor, caseId) = await OpenCaseAsync();
        foreach (var when in new[] { "9999-12-31", "0001-01-01 00:00", "1900-01-01T00:00:00+08:00", "2026-02-29 10:00" })
        {
            var r = await supervisor.PostAsJsonAsync("/api/v1/reports", new { channel = "Hotline", receivedAt = when, concernTypes = new[] { "Other" }, urgency = "Routine", narrative = "x", regionCode = ShouhuApp.VillageA }, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.True((await Json(r)).GetProperty("errors").TryGetProperty("receivedAt", out _), when);
            var d = await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new { organizationId = Guid.NewGuid(), reason = "x", dueAt = when }, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, d.StatusCode);
        }

        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd");
        var bareToday = await supervisor.PostAsJsonAsync("/api/v1/reports", new { channel = "Hotline", receivedAt = today, concernTypes = new[] { "Other" }, urgency = "Routine", narrative = "x", regionCode = ShouhuApp.VillageA }, Ct);
        Assert.Equal(HttpStatusCode.Created, bareToday.StatusCode); // a bare received date is the start of that day

        await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/status", new { to = "assessing" }, Ct));
        var nullItem = await supervisor.PutAsync($"/api/v1/cases/{caseId}/plan", new StringContent("{\"goals\":\"g\",\"items\":[null]}", System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, nullItem.StatusCode);

        var (worker, workerId) = await app.StaffAsync("ChildDirector", ShouhuApp.VillageA);
        await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/assignment", new { workerId }, Ct));
        await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/status", new { to = "planning" }, Ct));
        await OkJson(await supervisor.PutAsJsonAsync($"/api/v1/cases/{caseId}/plan", new { goals = "g", items = new[] { new { serviceType = "Other", description = "d", responsible = "r", dueOn = today } } }, Ct));
        await OkJson(await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/submit", new { }, Ct));
        var own = await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/approve", new { }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Equal("不能审批自己制定或提交的计划", (await Json(own)).GetProperty("detail").GetString());
    }

    /// <summary>Review findings: a closure request survived a return to service; parallel notes conflicted; audit by child missed casework.</summary>
    [Fact]
    public async Task RequestClosure_LeavingReviewWithdrawsIt_NotesNeverConflict_AndTheChildsTrailShowsCasework()
    {
        var childId = await ChildAsync("审计童");
        var (supervisor, caseId) = await OpenCaseAsync(childId: childId);
        var (officer, _) = await app.StaffAsync("CivilAffairsOfficer", "430702");
        var notes = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/notes", new { text = $"记录{i}" }, Ct)));
        Assert.All(notes, n => Assert.Equal(HttpStatusCode.OK, n.StatusCode));

        // Walk to review with an approved plan, request closure, go back to service: the request is withdrawn.
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd");
        await OkJson(await officer.PostAsJsonAsync($"/api/v1/cases/{caseId}/status", new { to = "assessing" }, Ct));
        await OkJson(await officer.PostAsJsonAsync($"/api/v1/cases/{caseId}/status", new { to = "planning" }, Ct));
        await OkJson(await officer.PutAsJsonAsync($"/api/v1/cases/{caseId}/plan", new { goals = "g", items = new[] { new { serviceType = "Other", description = "d", responsible = "r", dueOn = today } } }, Ct));
        await OkJson(await officer.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/submit", new { }, Ct));
        await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/approve", new { }, Ct));
        await OkJson(await officer.PostAsJsonAsync($"/api/v1/cases/{caseId}/status", new { to = "reviewing" }, Ct));
        await OkJson(await officer.PostAsJsonAsync($"/api/v1/cases/{caseId}/closure", new { reason = "GoalsMet", closingAssessment = "好转" }, Ct));
        await OkJson(await officer.PostAsJsonAsync($"/api/v1/cases/{caseId}/status", new { to = "in-service" }, Ct));
        await OkJson(await officer.PostAsJsonAsync($"/api/v1/cases/{caseId}/status", new { to = "reviewing" }, Ct));
        Assert.Equal(HttpStatusCode.Conflict, (await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/closure/approve", new { }, Ct)).StatusCode);
        Assert.Equal("none", (await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}", Ct)).GetProperty("closureState").GetString());

        using var admin = await app.AdminAsync();
        var trail = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?childId={childId}&pageSize=200", Ct);
        var entities = trail.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("entity").GetString()).ToHashSet();
        Assert.Contains("Child", entities);
        Assert.Contains("Case", entities);
        Assert.Contains("Report", entities);
    }

    /// <summary>Review finding: an HTML page with a GIF header was kept under the name x.html; downloads carried no nosniff.</summary>
    [Fact]
    public async Task UploadCaseFile_ProgramOrPage_IsRefusedByName_AndFilesAreServedWithNosniff()
    {
        var (supervisor, caseId) = await OpenCaseAsync();
        var gifHtml = "GIF89a<html><script>alert(1)</script></html>"u8.ToArray();
        foreach (var name in new[] { "x.html", "evil.sh", "a\u202Egpj.doc", "photo.SVG" })
        {
            var r = await Upload(supervisor, caseId, name, gifHtml);
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        }

        var fakeDocx = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(fakeDocx, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml");
            zip.CreateEntry("word/");
            zip.CreateEntry("payload.exe");
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await Upload(supervisor, caseId, "报告.docx", fakeDocx.ToArray())).StatusCode);
        var gif = await OkJson(await Upload(supervisor, caseId, "现场.gif", gifHtml), HttpStatusCode.Created);
        var download = await supervisor.GetAsync($"/api/v1/attachments/{gif.GetProperty("id")}", Ct);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("image/gif", download.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Second review: "Z" crashed the time reader; names ending in a dot or with macro extensions passed; recorders added files after triage; report files reached social workers.</summary>
    [Fact]
    public async Task CaseworkInput_MoreOddValues_AreRefused_AndReportFilesStayWithThoseWhoMayKnowTheReporter()
    {
        var (supervisor, caseId) = await OpenCaseAsync();
        foreach (var when in new[] { "Z", "1Z", "12Z", "+0800" })
        {
            var r = await supervisor.PostAsJsonAsync("/api/v1/reports", new { channel = "Hotline", receivedAt = when, concernTypes = new[] { "Other" }, urgency = "Routine", narrative = "x", regionCode = ShouhuApp.VillageA }, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        }

        var pdf = "%PDF-1.4 x"u8.ToArray();
        foreach (var name in new[] { "x.html.", "宏.docm", "a.mht", "无扩展名" })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await Upload(supervisor, caseId, name, pdf)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Created, (await Upload(supervisor, caseId, "笔录.PDF", pdf)).StatusCode);

        var (liaison, _) = await app.StaffAsync("MemberUnitLiaison", "430702");
        var report = await OkJson(await liaison.PostAsJsonAsync("/api/v1/reports", new { channel = "MandatoryReport", concernTypes = new[] { "PhysicalAbuse" }, urgency = "Urgent", narrative = "学校发现学生身上有伤", regionCode = ShouhuApp.VillageA, reporter = new { name = "校医", organization = "启明小学" } }, Ct), HttpStatusCode.Created);
        var reportId = report.GetProperty("id").GetGuid();
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new ByteArrayContent(pdf), "file", "报告人身份证.pdf");
            await OkJson(await liaison.PostAsync($"/api/v1/reports/{reportId}/attachments", form, Ct), HttpStatusCode.Created);
        }

        var (socialWorker, socialWorkerId) = await app.StaffAsync("SocialWorker", "430702");
        var linkedCase = (await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/reports/{reportId}/triage", new { decision = "open-case", workerId = socialWorkerId, riskLevel = "medium" }, Ct))).GetProperty("caseId").GetGuid();
        using (var late = new MultipartFormDataContent())
        {
            late.Add(new ByteArrayContent(pdf), "file", "补充.pdf");
            Assert.Equal(HttpStatusCode.Conflict, (await liaison.PostAsync($"/api/v1/reports/{reportId}/attachments", late, Ct)).StatusCode);
        }

        var asWorker = await socialWorker.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{linkedCase}", Ct);
        Assert.Empty(asWorker.GetProperty("attachments").EnumerateArray());
        var fileId = (await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{linkedCase}", Ct)).GetProperty("attachments")[0].GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NotFound, (await socialWorker.GetAsync($"/api/v1/attachments/{fileId}", Ct)).StatusCode);
    }

    /// <summary>Issue #4: transfer to another jurisdiction, the receiving side accepts; the case and the child's file move, nobody else sees it.</summary>
    [Fact]
    public async Task TransferCase_ToAnotherCounty_IsSeenOnlyByTheReceivingSide_AndAcceptingMovesCaseAndChild()
    {
        var childId = await ChildAsync("迁居童");
        var (supervisor, caseId) = await OpenCaseAsync(childId: childId);
        const string Destination = "430703001001"; // a community of 鼎城区
        var (receiving, receivingId) = await app.StaffAsync("CivilAffairsOfficer", ShouhuApp.OtherCounty);
        var (thirdCounty, _) = await app.StaffAsync("CivilAffairsOfficer", "430721");

        var bad = await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/region-transfer", new { toRegionCode = "430703", note = "迁居" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode); // a village is needed
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/region-transfer", new { toRegionCode = Destination }, Ct)).StatusCode); // and a reason
        await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/region-transfer", new { toRegionCode = Destination, note = "随母亲迁往鼎城区居住" }, Ct));

        var incoming = await receiving.GetFromJsonAsync<JsonElement>("/api/v1/cases/incoming-transfers", Ct);
        var item = Assert.Single(incoming.EnumerateArray());
        Assert.Equal("迁居童", item.GetProperty("childName").GetString());
        Assert.DoesNotContain("淤青", incoming.GetRawText(), StringComparison.Ordinal); // nothing of the case file before accepting
        Assert.Equal(HttpStatusCode.NotFound, (await receiving.GetAsync($"/api/v1/cases/{caseId}", Ct)).StatusCode);
        Assert.Empty((await thirdCounty.GetFromJsonAsync<JsonElement>("/api/v1/cases/incoming-transfers", Ct)).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await thirdCounty.PostAsJsonAsync($"/api/v1/cases/{caseId}/region-transfer/accept", new { }, Ct)).StatusCode);

        using (var admin = await app.AdminAsync())
        {
            await OkJson(await admin.PostAsync("/api/v1/alerts/run", null, Ct)); // the left-behind child has no entrusted caregiver: an alert
        }

        Assert.NotEqual(0, (await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/alerts?childId={childId}", Ct)).GetProperty("total").GetInt32());
        await OkJson(await receiving.PostAsJsonAsync($"/api/v1/cases/{caseId}/region-transfer/accept", new { note = "已联系社区" }, Ct));
        Assert.Equal(0, (await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/alerts?childId={childId}", Ct)).GetProperty("total").GetInt32()); // the alerts went with the child
        Assert.NotEqual(0, (await receiving.GetFromJsonAsync<JsonElement>($"/api/v1/alerts?childId={childId}", Ct)).GetProperty("total").GetInt32());
        var moved = await receiving.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}", Ct);
        Assert.Equal(Destination, moved.GetProperty("regionCode").GetString());
        Assert.Equal(receivingId, moved.GetProperty("supervisorId").GetString());
        Assert.Contains(moved.GetProperty("events").EnumerateArray(), e => e.GetProperty("kind").GetString() == "TransferAccepted");
        var child = await receiving.GetFromJsonAsync<JsonElement>($"/api/v1/children/{childId}", Ct);
        Assert.Equal(Destination, child.GetProperty("residenceRegionCode").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync($"/api/v1/cases/{caseId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync($"/api/v1/children/{childId}", Ct)).StatusCode);
        await using var db = app.SystemDb();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == "Child" && a.EntityId == childId.ToString() && a.ActorId == receivingId, Ct));
        Assert.False(await db.Guardians.AnyAsync(g => g.ChildId == childId && g.RegionCode != Destination, Ct));
    }

    private static async Task<HttpResponseMessage> Upload(HttpClient client, Guid caseId, string name, byte[] bytes)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", name);
        return await client.PostAsync($"/api/v1/cases/{caseId}/attachments", form, Ct);
    }
}
