using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shouhu.IntegrationTests.Children;
using static Shouhu.IntegrationTests.Api;

namespace Shouhu.IntegrationTests.Privacy;

/// <summary>
/// Issue #9, casework and monitoring: what crossed a city's, a county's or a role's boundary — instruments, alert runs,
/// the outbox, pending transfers, referrals of cases that moved away, report files. Changde (4307) and Lhasa (5401).
/// </summary>
public sealed class ScopeLeakTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private const string LhasaVillage = "540102002001"; // 绕赛社区, 八廓街道, 城关区, 拉萨市
    private const string LhasaTownship = "540102002";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> As(string role, string jurisdiction, Guid? organizationId = null)
    {
        await app.ImportRegionsAsync("5401");
        return (await app.AccountAsync(role, jurisdiction, organizationId)).Client;
    }

    private async Task<Guid> ChildAsync(string name, string village)
    {
        using var director = await As("ChildDirector", village);
        var id = ShouhuApp.NewIdNumber(new DateOnly(2015, 9, 9), true, village[..6]);
        return (await OkJson(await director.PostAsJsonAsync("/api/v1/children", ChildrenTests.ChildBody(name, id, village), Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    private static object Instrument(string name, string? regionCode = null) => new
    {
        name,
        regionCode,
        dimensions = new[] { new { code = "g", name = "监护", questions = new[] { new { code = "g.present", text = "监护人在身边吗", options = new[] { new { code = "yes", label = "在", weight = 0 }, new { code = "no", label = "不在", weight = 5 } } } } } },
        thresholds = new { medium = 3, high = 5 },
    };

    private static Dictionary<string, string> LowestAnswers(JsonElement instrument) =>
        instrument.GetProperty("dimensions").EnumerateArray().SelectMany(d => d.GetProperty("questions").EnumerateArray())
            .ToDictionary(q => q.GetProperty("code").GetString()!, q => q.GetProperty("options").EnumerateArray().OrderBy(o => o.GetProperty("weight").GetInt32()).First().GetProperty("code").GetString()!);

    /// <summary>Finding 1: a county administrator in Changde replaced Lhasa's instrument; an instrument belongs to a city.</summary>
    [Fact]
    public async Task PublishInstrument_OnlyByItsCitysOfficer_AndEveryCityGradesWithItsOwn()
    {
        var changdeChild = await ChildAsync("常德量表童", ShouhuApp.VillageA);
        var lhasaChild = await ChildAsync("拉萨量表童", LhasaVillage);

        // Nobody but a city-level (or province-level) civil-affairs officer publishes: not administrators at any level,
        // not county officers, not another city's officer.
        foreach (var (role, jurisdiction) in new[] { ("SystemAdmin", "430702"), ("SystemAdmin", "4307"), ("CivilAffairsOfficer", "430702"), ("ChildSupervisor", "430702001"), ("SystemAdmin", "5401") })
        {
            using var client = await As(role, jurisdiction);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/assessment-instruments", Instrument("越权量表"), Ct)).StatusCode);
        }

        using var lhasaOfficer = await As("CivilAffairsOfficer", "5401");
        var foreign = await lhasaOfficer.PostAsJsonAsync("/api/v1/assessment-instruments", Instrument("越权量表", "4307"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.True((await Json(foreign)).GetProperty("errors").TryGetProperty("regionCode", out _));

        using var changdeOfficer = await As("CivilAffairsOfficer", "4307");
        var published = await OkJson(await changdeOfficer.PostAsJsonAsync("/api/v1/assessment-instruments", Instrument("常德市量表"), Ct), HttpStatusCode.Created);
        Assert.Equal(("4307", 2), (published.GetProperty("cityCode").GetString(), published.GetProperty("version").GetInt32()));

        // A province officer names the city; without it, or naming a city outside, the field is named.
        using var province = await As("CivilAffairsOfficer", "43");
        Assert.True((await Json(await province.PostAsJsonAsync("/api/v1/assessment-instruments", Instrument("湖南量表"), Ct))).GetProperty("errors").TryGetProperty("regionCode", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await province.PostAsJsonAsync("/api/v1/assessment-instruments", Instrument("湖南量表", "5401"), Ct)).StatusCode);
        Assert.Equal(3, (await OkJson(await province.PostAsJsonAsync("/api/v1/assessment-instruments", Instrument("常德市量表二", "4307"), Ct), HttpStatusCode.Created)).GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await province.GetAsync("/api/v1/assessment-instruments/current", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await province.GetAsync("/api/v1/assessment-instruments/current?regionCode=5401", Ct)).StatusCode);
        Assert.Equal(3, (await province.GetFromJsonAsync<JsonElement>("/api/v1/assessment-instruments/current?regionCode=4307", Ct)).GetProperty("version").GetInt32());

        // Each city's people read and grade with their own city's current version; Lhasa's is still the default.
        using var changdeDirector = await As("ChildDirector", ShouhuApp.VillageA);
        using var lhasaDirector = await As("ChildDirector", LhasaVillage);
        var changdeCurrent = await changdeDirector.GetFromJsonAsync<JsonElement>("/api/v1/assessment-instruments/current", Ct);
        var lhasaCurrent = await lhasaDirector.GetFromJsonAsync<JsonElement>("/api/v1/assessment-instruments/current", Ct);
        Assert.Equal((3, "4307"), (changdeCurrent.GetProperty("version").GetInt32(), changdeCurrent.GetProperty("cityCode").GetString()));
        Assert.Equal((1, JsonValueKind.Null), (lhasaCurrent.GetProperty("version").GetInt32(), lhasaCurrent.GetProperty("cityCode").ValueKind));
        var lhasaGraded = await OkJson(await lhasaDirector.PostAsJsonAsync($"/api/v1/children/{lhasaChild}/assessments", new { answers = LowestAnswers(lhasaCurrent) }, Ct), HttpStatusCode.Created);
        Assert.Equal(1, lhasaGraded.GetProperty("instrumentVersion").GetInt32());
        var changdeGraded = await OkJson(await changdeDirector.PostAsJsonAsync($"/api/v1/children/{changdeChild}/assessments", new { answers = new Dictionary<string, string> { ["g.present"] = "no" } }, Ct), HttpStatusCode.Created);
        Assert.Equal((3, "high"), (changdeGraded.GetProperty("instrumentVersion").GetInt32(), changdeGraded.GetProperty("level").GetString()));
    }

    /// <summary>Finding 4: an alert run by a county or Lhasa administrator ran over every city and answered global counts.</summary>
    [Fact]
    public async Task RunAlerts_ByAnAdministrator_ActsAndCountsInsideTheirJurisdictionOnly()
    {
        var changdeChild = await ChildAsync("常德预警童", ShouhuApp.VillageA); // left-behind, no entrusted caregiver: an alert holds
        await using (var db = app.SystemDb())
        {
            await db.Alerts.Where(a => a.ChildId == changdeChild).ExecuteDeleteAsync(Ct); // as if no run had seen it yet
        }

        using var lhasaAdmin = await As("SystemAdmin", "5401");
        using var otherCountyAdmin = await As("SystemAdmin", ShouhuApp.OtherCounty);
        foreach (var admin in new[] { lhasaAdmin, otherCountyAdmin })
        {
            var run = await OkJson(await admin.PostAsync("/api/v1/alerts/run", null, Ct));
            Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/v1/alerts/run?childId={changdeChild}", null, Ct)).StatusCode);
            await using var db = app.SystemDb();
            Assert.False(await db.Alerts.AnyAsync(a => a.ChildId == changdeChild, Ct)); // nothing created in Changde
            var jurisdiction = admin == lhasaAdmin ? "5401" : ShouhuApp.OtherCounty;
            var openInside = (await db.Alerts.Where(a => a.IsOpen).Select(a => a.RegionCode).ToListAsync(Ct)).Count(r => r.StartsWith(jurisdiction, StringComparison.Ordinal));
            Assert.Equal(openInside, run.GetProperty("open").GetInt32()); // counts from the jurisdiction only
        }

        using var countyAdmin = await As("SystemAdmin", "430702");
        var own = await OkJson(await countyAdmin.PostAsync($"/api/v1/alerts/run?childId={changdeChild}", null, Ct));
        Assert.True(own.GetProperty("created").GetInt32() >= 1);
        await using (var db = app.SystemDb())
        {
            Assert.True(await db.Alerts.AnyAsync(a => a.ChildId == changdeChild && a.IsOpen, Ct));
        }
    }

    /// <summary>Finding 3: any administrator read the whole installation's outgoing messages.</summary>
    [Fact]
    public async Task Outbox_ForAnAdministrator_ShowsTheMessagesOfTheirJurisdictionOnly()
    {
        var child = await ChildAsync("外发童", ShouhuApp.VillageA);
        var (supervisor, supervisorId) = await app.AccountAsync("ChildSupervisor", "430702001");
        using (supervisor)
        {
            using var director = await As("ChildDirector", ShouhuApp.VillageA);
            // High risk without a case: the township's supervisor is notified, through the outbox too.
            await OkJson(await director.PostAsJsonAsync($"/api/v1/children/{child}/assessments", new { emergencyOverride = true, note = "监护人失联" }, Ct), HttpStatusCode.Created);
        }

        using var changdeAdmin = await app.AdminAsync();
        var mine = await changdeAdmin.GetFromJsonAsync<JsonElement>("/api/v1/outbox", Ct);
        var row = Assert.Single(mine.EnumerateArray(), m => m.GetProperty("recipientId").GetString() == supervisorId);
        Assert.Equal(ShouhuApp.VillageA, row.GetProperty("regionCode").GetString());
        Assert.DoesNotContain(new[] { "孤儿", "留守", "困境", "无人抚养", "流动", "残疾", "外发童" }, l => row.GetProperty("text").GetString()!.Contains(l, StringComparison.Ordinal));
        foreach (var jurisdiction in new[] { "5401", ShouhuApp.OtherCounty })
        {
            using var other = await As("SystemAdmin", jurisdiction);
            var theirs = await other.GetFromJsonAsync<JsonElement>("/api/v1/outbox", Ct);
            Assert.DoesNotContain(theirs.EnumerateArray(), m => m.GetProperty("recipientId").GetString() == supervisorId);
            Assert.All(theirs.EnumerateArray(), m => Assert.StartsWith(jurisdiction, m.GetProperty("regionCode").GetString(), StringComparison.Ordinal));
        }
    }

    private async Task<(HttpClient Supervisor, string SupervisorId, Guid CaseId)> OpenCaseAsync(Guid childId)
    {
        var (supervisor, supervisorId) = await app.AccountAsync("ChildSupervisor", "430702001");
        var report = await OkJson(await supervisor.PostAsJsonAsync("/api/v1/reports", new { channel = "Hotline", concernTypes = new[] { "Neglect" }, urgency = "Urgent", narrative = "邻居反映孩子常独自在家", childId }, Ct), HttpStatusCode.Created);
        var caseId = (await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/reports/{report.GetProperty("id")}/triage", await app.OpenCaseBodyAsync(), Ct))).GetProperty("caseId").GetGuid();
        return (supervisor, supervisorId, caseId);
    }

    /// <summary>Finding 11: a pending cross-county transfer was silently replaced by another worker's new one.</summary>
    [Fact]
    public async Task RegionTransfer_WhilePending_IsRefusedNamingItsDestination_AndAWithdrawalIsRecordedAndNotified()
    {
        var childId = await ChildAsync("待移交童", ShouhuApp.VillageA);
        var (supervisor, _, caseId) = await OpenCaseAsync(childId);
        using var receiving = await As("CivilAffairsOfficer", ShouhuApp.OtherCounty);
        await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/region-transfer", new { toRegionCode = "430703001001", note = "随母亲迁往鼎城区" }, Ct));

        using var officer = await As("CivilAffairsOfficer", "430702");
        var replaced = await officer.PostAsJsonAsync($"/api/v1/cases/{caseId}/region-transfer", new { toRegionCode = ShouhuApp.VillageB, note = "改为半边街" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, replaced.StatusCode);
        string pendingName;
        await using (var db = app.SystemDb())
        {
            pendingName = (await db.Regions.SingleAsync(r => r.Code == "430703001001", Ct)).Name;
        }

        Assert.Contains(pendingName, (await Json(replaced)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Single((await receiving.GetFromJsonAsync<JsonElement>("/api/v1/cases/incoming-transfers", Ct)).EnumerateArray()); // still waiting there

        // Withdrawing: not by a director of the village (may read, not work the transfer), not by the receiving side.
        using var director = await As("ChildDirector", ShouhuApp.VillageA);
        Assert.Equal(HttpStatusCode.Forbidden, (await director.PostAsJsonAsync($"/api/v1/cases/{caseId}/region-transfer/withdraw", new { }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await receiving.PostAsJsonAsync($"/api/v1/cases/{caseId}/region-transfer/withdraw", new { }, Ct)).StatusCode);
        await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/region-transfer/withdraw", new { note = "母亲暂不搬家" }, Ct));
        Assert.Equal(HttpStatusCode.Conflict, (await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/region-transfer/withdraw", new { }, Ct)).StatusCode);

        Assert.Empty((await receiving.GetFromJsonAsync<JsonElement>("/api/v1/cases/incoming-transfers", Ct)).EnumerateArray());
        var told = await receiving.GetFromJsonAsync<JsonElement>("/api/v1/notifications", Ct);
        var caseNumber = (await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}", Ct)).GetProperty("caseNumber").GetString()!;
        Assert.Contains(told.GetProperty("items").EnumerateArray(), n => n.GetProperty("text").GetString()!.Contains(caseNumber, StringComparison.Ordinal) && n.GetProperty("text").GetString()!.Contains("撤回", StringComparison.Ordinal));
        var file = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}", Ct);
        Assert.Equal(JsonValueKind.Null, file.GetProperty("pendingRegionCode").ValueKind);
        Assert.Contains(file.GetProperty("events").EnumerateArray(), e => e.GetProperty("text").GetString()!.Contains("撤回移交", StringComparison.Ordinal) && e.GetProperty("text").GetString()!.Contains(pendingName, StringComparison.Ordinal));

        // Now a new transfer may go (the village's officer, to the neighbouring community).
        await OkJson(await officer.PostAsJsonAsync($"/api/v1/cases/{caseId}/region-transfer", new { toRegionCode = ShouhuApp.VillageB, note = "迁往半边街" }, Ct));
    }

    /// <summary>Finding 12: an accepted referral disappeared for the receiving organisation once its case moved to another city.</summary>
    [Fact]
    public async Task AcceptedReferral_StaysWithTheReceiver_AfterTheCaseMovesToAnotherCity_UntilCompleted()
    {
        var childId = await ChildAsync("转介迁居童", ShouhuApp.VillageA);
        var (supervisor, _, caseId) = await OpenCaseAsync(childId);
        Guid org, otherOrg;
        using (var admin = await app.AdminAsync())
        {
            org = (await OkJson(await admin.PostAsJsonAsync("/api/v1/organizations", new { name = "常德市儿童医院", kind = "MemberUnit", regionCode = "4307" }, Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
            otherOrg = (await OkJson(await admin.PostAsJsonAsync("/api/v1/organizations", new { name = "常德市第一中学", kind = "MemberUnit", regionCode = "4307" }, Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        }

        using var liaison = await As("MemberUnitLiaison", "4307", org);
        using var otherLiaison = await As("MemberUnitLiaison", "4307", otherOrg);
        var referralId = (await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new { organizationId = org, reason = "请安排心理评估", sharedInformation = "孩子夜间惊醒" }, Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var declinedId = (await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new { organizationId = org, reason = "请复诊" }, Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await OkJson(await liaison.PostAsJsonAsync($"/api/v1/referrals/{referralId}/accept", new { note = "已安排" }, Ct));
        await OkJson(await liaison.PostAsJsonAsync($"/api/v1/referrals/{declinedId}/decline", new { note = "本院无此科室" }, Ct));

        // The child moves to Lhasa: the case goes there with its file.
        await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/region-transfer", new { toRegionCode = LhasaVillage, note = "随父亲迁往拉萨" }, Ct));
        using var lhasaSupervisor = await As("ChildSupervisor", LhasaTownship);
        await OkJson(await lhasaSupervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/region-transfer/accept", new { }, Ct));

        // The receiver still sees and works what it accepted — the referral alone, not the child's register file.
        var inbox = await liaison.GetFromJsonAsync<JsonElement>("/api/v1/referrals", Ct);
        Assert.Contains(inbox.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == referralId);
        Assert.DoesNotContain(inbox.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == declinedId); // closed ones stay behind
        var view = await OkJson(await liaison.GetAsync($"/api/v1/referrals/{referralId}", Ct));
        Assert.Equal(("孩子夜间惊醒", JsonValueKind.Null), (view.GetProperty("sharedInformation").GetString(), view.GetProperty("child").ValueKind));
        Assert.False(string.IsNullOrEmpty(view.GetProperty("caseNumber").GetString()));
        Assert.DoesNotContain("转介迁居童", view.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.GetAsync($"/api/v1/referrals/{declinedId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.GetAsync($"/api/v1/cases/{caseId}", Ct)).StatusCode); // no case for a liaison's role
        Assert.Equal(HttpStatusCode.NotFound, (await otherLiaison.GetAsync($"/api/v1/referrals/{referralId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherLiaison.PostAsJsonAsync($"/api/v1/referrals/{referralId}/progress", new { note = "x" }, Ct)).StatusCode);

        await OkJson(await liaison.PostAsJsonAsync($"/api/v1/referrals/{referralId}/progress", new { note = "已完成首次评估" }, Ct));
        Assert.Equal("completed", (await OkJson(await liaison.PostAsJsonAsync($"/api/v1/referrals/{referralId}/complete", new { note = "评估报告已寄送拉萨" }, Ct))).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.GetAsync($"/api/v1/referrals/{referralId}", Ct)).StatusCode); // done: gone for them

        // The receiving city's file has the replies; the bypass is audited.
        var moved = await lhasaSupervisor.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}", Ct);
        Assert.Contains(moved.GetProperty("events").EnumerateArray(), e => e.GetProperty("kind").GetString() == "ReferralCompleted");
        await using var db = app.SystemDb();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == referralId.ToString() && a.Detail != null && a.Detail.Contains("outside-jurisdiction"), Ct));
    }

    /// <summary>Finding 13: a report's files (a call recording) went to roles that may not see who reported.</summary>
    [Fact]
    public async Task ReportFiles_AreListedAndServed_OnlyToThoseWhoSeeTheReporter()
    {
        var childId = await ChildAsync("录音童", ShouhuApp.VillageA);
        var (recorder, _) = await app.AccountAsync("HotlineOperator", "430702");
        var report = await OkJson(await recorder.PostAsJsonAsync("/api/v1/reports", new
        {
            channel = "Hotline", concernTypes = new[] { "Neglect" }, urgency = "Urgent", narrative = "来电反映孩子无人照看", childId,
            reporter = new { name = "李来电", phone = "13900139000", relation = "邻居" },
        }, Ct), HttpStatusCode.Created);
        var reportId = report.GetProperty("id").GetGuid();
        Guid fileId;
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new ByteArrayContent("%PDF-1.4 x"u8.ToArray()), "file", "来电录音摘要.pdf");
            fileId = (await OkJson(await recorder.PostAsync($"/api/v1/reports/{reportId}/attachments", form, Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        }

        var (supervisor, _) = await app.AccountAsync("ChildSupervisor", "430702001");
        var (director, directorId) = await app.AccountAsync("ChildDirector", ShouhuApp.VillageA);
        var (otherOperator, _) = await app.AccountAsync("HotlineOperator", "430702");
        foreach (var seesReporter in new[] { recorder, supervisor })
        {
            var view = await seesReporter.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{reportId}", Ct);
            Assert.Equal(JsonValueKind.Object, view.GetProperty("reporter").ValueKind);
            Assert.Single(view.GetProperty("attachments").EnumerateArray());
            Assert.Equal(HttpStatusCode.OK, (await seesReporter.GetAsync($"/api/v1/attachments/{fileId}", Ct)).StatusCode);
        }

        // Those who read the report but not who made it see neither the reporter nor the files.
        foreach (var reader in new[] { director, otherOperator })
        {
            var view = await OkJson(await reader.GetAsync($"/api/v1/reports/{reportId}", Ct));
            Assert.Equal(JsonValueKind.Null, view.GetProperty("reporter").ValueKind);
            Assert.Empty(view.GetProperty("attachments").EnumerateArray());
            Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/v1/attachments/{fileId}", Ct)).StatusCode);
        }

        // On the case: the case worker (a director) does not get them either; the supervisor does.
        var caseId = (await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/reports/{reportId}/triage", new { decision = "open-case", workerId = directorId, riskLevel = "medium" }, Ct))).GetProperty("caseId").GetGuid();
        Assert.Empty((await director.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}", Ct)).GetProperty("attachments").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await director.GetAsync($"/api/v1/attachments/{fileId}", Ct)).StatusCode);
        Assert.Single((await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}", Ct)).GetProperty("attachments").EnumerateArray());
    }

    /// <summary>Finding 15: unknown filter values were ignored on some lists and refused on others; one rule, 400 naming the parameter.</summary>
    [Theory]
    [InlineData("/api/v1/reports?status=pending", "status")]
    [InlineData("/api/v1/reports?pageSize=1000", "pageSize")]
    [InlineData("/api/v1/reports?page=0", "page")]
    [InlineData("/api/v1/cases?status=done", "status")]
    [InlineData("/api/v1/cases?pageSize=0", "pageSize")]
    [InlineData("/api/v1/cases?page=100001", "page")]
    [InlineData("/api/v1/referrals?box=sent", "box")]
    [InlineData("/api/v1/referrals?status=open", "status")]
    [InlineData("/api/v1/alerts?status=pending", "status")]
    [InlineData("/api/v1/alerts?rule=Nothing", "rule")]
    [InlineData("/api/v1/alerts?pageSize=201", "pageSize")]
    [InlineData("/api/v1/alerts?page=-1", "page")]
    [InlineData("/api/v1/visits/due?pageSize=501", "pageSize")]
    [InlineData("/api/v1/visits/due?page=0", "page")]
    [InlineData("/api/v1/visits/due?regionCode=43070", "regionCode")]
    [InlineData("/api/v1/prevention-activities?page=0", "page")]
    public async Task ListFilter_WithAnUnknownValue_Returns400NamingTheParameter(string url, string parameter)
    {
        using var officer = await As("CivilAffairsOfficer", "430702");
        var answer = await officer.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.True((await Json(answer)).GetProperty("errors").TryGetProperty(parameter, out var messages), await answer.Content.ReadAsStringAsync(Ct));
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));

        // The same list with the parameter left out answers.
        var bare = url[..url.IndexOf('?', StringComparison.Ordinal)];
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(bare, Ct)).StatusCode);
    }
}
