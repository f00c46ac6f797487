using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using static Shouhu.IntegrationTests.Api;

namespace Shouhu.IntegrationTests.Cases;

/// <summary>What a new user tripped over in casework (issue #10): plan revisions, explicit triage, closed cases, plan rows.</summary>
public sealed class NewUserTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string InAWeek => DateTime.UtcNow.AddHours(8).AddDays(7).ToString("yyyy-MM-dd");

    private static object Report(string urgency = "Urgent", Guid? childId = null) => new
    {
        channel = "Hotline",
        receivedAt = DateTimeOffset.UtcNow.AddMinutes(-3).ToString("o"),
        concernTypes = new[] { "Neglect" },
        urgency,
        narrative = "来电：孩子独自在家多日。",
        childId,
        regionCode = childId is null ? ShouhuApp.VillageA : null,
    };

    /// <summary>A case in the village, its worker (a child director) and its supervisor (who triaged it).</summary>
    private async Task<(HttpClient Supervisor, HttpClient Worker, Guid CaseId)> CaseAsync()
    {
        var (supervisor, _) = await app.StaffAsync("ChildSupervisor", "430702001");
        var (worker, workerId) = await app.StaffAsync("ChildDirector", ShouhuApp.VillageA);
        var report = await OkJson(await supervisor.PostAsJsonAsync("/api/v1/reports", Report(), Ct), HttpStatusCode.Created);
        var triage = await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/reports/{report.GetProperty("id")}/triage", new { decision = "open-case", workerId, riskLevel = "medium" }, Ct));
        return (supervisor, worker, triage.GetProperty("caseId").GetGuid());
    }

    private static async Task<Guid> VersionAsync(HttpClient client, Guid caseId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}", Ct)).GetProperty("version").GetGuid();

    private static object Plan(string goals, Guid? version, int rows) => new
    {
        goals,
        version,
        items = Enumerable.Range(1, rows).Select(i => new { serviceType = "Other", description = $"服务{i}", responsible = "儿童主任", dueOn = InAWeek }).ToArray(),
    };

    /// <summary>Issue #10 item 1: after a first draft, every later save — with the version just read — was refused as changed by the same user.</summary>
    [Fact]
    public async Task SavedPlan_CanBeRevisedAgainAndAgain_WithTheVersionJustRead()
    {
        var (_, worker, caseId) = await CaseAsync();
        await OkJson(await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/status", new { to = "assessing" }, Ct));
        for (var revision = 1; revision <= 3; revision++)
        {
            await OkJson(await worker.PutAsJsonAsync($"/api/v1/cases/{caseId}/plan", Plan($"目标第{revision}版", await VersionAsync(worker, caseId), revision), Ct));
        }

        var c = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}", Ct);
        Assert.Equal(3, c.GetProperty("plan").GetProperty("revision").GetInt32());
        Assert.Equal("目标第3版", c.GetProperty("plan").GetProperty("goals").GetString());
        Assert.Equal(3, c.GetProperty("plan").GetProperty("items").GetArrayLength());
    }

    /// <summary>Issue #10 item 2: an untouched triage form opened a case with no worker and risk 未评估.</summary>
    [Fact]
    public async Task OpeningACase_WithoutWorkerOrRiskLevel_Is400NamingBoth_AndNothingIsOpened()
    {
        var (supervisor, workerId) = await app.StaffAsync("ChildSupervisor", "430702001");
        var report = await OkJson(await supervisor.PostAsJsonAsync("/api/v1/reports", Report("ImmediateDanger"), Ct), HttpStatusCode.Created);
        var triage = $"/api/v1/reports/{report.GetProperty("id")}/triage";
        foreach (var body in new object[] { new { }, new { decision = "" } })
        {
            var noDecision = await supervisor.PostAsJsonAsync(triage, body, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, noDecision.StatusCode);
            Assert.True((await noDecision.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("decision", out _));
        }

        foreach (var (worker, risk, missing) in new (string?, string?, string[])[]
        {
            (null, null, ["workerId", "riskLevel"]),
            (workerId, null, ["riskLevel"]),
            (workerId, "unknown", ["riskLevel"]),
            (null, "high", ["workerId"]),
            ("", "", ["workerId", "riskLevel"]),
        })
        {
            var r = await supervisor.PostAsJsonAsync(triage, new { decision = "open-case", workerId = worker, riskLevel = risk }, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            var errors = (await r.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
            Assert.Equal(missing.Order(), errors.EnumerateObject().Select(e => e.Name).Order());
            Assert.All(errors.EnumerateObject(), e => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e.Value[0].GetString()!));
        }

        var still = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/reports/{report.GetProperty("id")}", Ct);
        Assert.Equal("awaiting-triage", still.GetProperty("status").GetString());
        await OkJson(await supervisor.PostAsJsonAsync(triage, new { decision = "open-case", workerId, riskLevel = "high" }, Ct));
    }

    /// <summary>
    /// Issue #10 item 2: nobody but the operator heard of an immediate-danger report. Immediate and urgent reports reach the
    /// supervisors of the place at once (the county officers where the township has none); routine ones wait in the queue.
    /// </summary>
    [Fact]
    public async Task ImmediateAndUrgentReports_ReachTheTriageLevelsInbox_AtOnce_Nameless()
    {
        var (operatorClient, _) = await app.StaffAsync("HotlineOperator", "430702");
        var (supervisor, _) = await app.StaffAsync("ChildSupervisor", "430702001");
        var (otherTownship, _) = await app.StaffAsync("ChildSupervisor", "430702003");
        var (officer, _) = await app.StaffAsync("CivilAffairsOfficer", "430702");

        async Task<List<JsonElement>> InboxAsync(HttpClient c, Guid reportId) =>
            (await c.GetFromJsonAsync<JsonElement>("/api/v1/notifications", Ct)).GetProperty("items").EnumerateArray()
                .Where(n => n.GetProperty("link").GetString() == $"/Reports/Details/{reportId}").ToList();

        foreach (var urgency in new[] { "ImmediateDanger", "Urgent", "Routine" })
        {
            var id = (await OkJson(await operatorClient.PostAsJsonAsync("/api/v1/reports", Report(urgency), Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
            var mine = await InboxAsync(supervisor, id);
            Assert.Equal(urgency == "Routine" ? 0 : 1, mine.Count);
            Assert.Empty(await InboxAsync(otherTownship, id));
            Assert.Empty(await InboxAsync(officer, id)); // the township has a supervisor
            foreach (var n in mine)
            {
                var text = n.GetProperty("text").GetString()!;
                Assert.DoesNotContain("孩子", text, StringComparison.Ordinal);
                Assert.DoesNotContain("忽视", text, StringComparison.Ordinal); // no category of concern
                Assert.StartsWith(urgency == "ImmediateDanger" ? "紧急危险报告" : "紧急报告", text, StringComparison.Ordinal);
            }
        }

        // A township without a supervisor (府坪街道): the county officers hear of it.
        var unheld = new { channel = "Hotline", receivedAt = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("o"), concernTypes = new[] { "Neglect" }, urgency = "ImmediateDanger", narrative = "来电", regionCode = "430702002002" };
        var unheldId = (await OkJson(await operatorClient.PostAsJsonAsync("/api/v1/reports", unheld, Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        Assert.Single(await InboxAsync(officer, unheldId));
        Assert.Empty(await InboxAsync(supervisor, unheldId));
        await using var db = app.SystemDb();
        Assert.True(await db.OutboxMessages.AnyAsync(m => m.Text.StartsWith("紧急危险报告"), Ct));
    }

    /// <summary>A case walked to closure: worker plans and requests, the supervisor approves.</summary>
    private async Task<(HttpClient Supervisor, HttpClient Worker, Guid CaseId)> ClosedCaseAsync()
    {
        var (supervisor, worker, caseId) = await CaseAsync();
        await OkJson(await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/status", new { to = "assessing" }, Ct));
        await OkJson(await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/status", new { to = "planning" }, Ct));
        await OkJson(await worker.PutAsJsonAsync($"/api/v1/cases/{caseId}/plan", Plan("目标", null, 1), Ct));
        await OkJson(await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/submit", new { }, Ct));
        await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/approve", new { }, Ct));
        await OkJson(await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/status", new { to = "reviewing" }, Ct));
        await OkJson(await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/closure", new { reason = "GoalsMet", closingAssessment = "监护恢复" }, Ct));
        await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/closure/approve", new { }, Ct));
        return (supervisor, worker, caseId);
    }

    /// <summary>
    /// Issue #10 item 3: a guardianship measure was accepted on a closed case. Every step route but reopening (and the
    /// follow-up's notes and documents) answers 409 on a closed case, and the case is unchanged.
    /// </summary>
    [Fact]
    public async Task EveryStepOnAClosedCase_Is409_ExceptReopening()
    {
        var (supervisor, worker, caseId) = await ClosedCaseAsync();
        var (officer, officerId) = await app.StaffAsync("CivilAffairsOfficer", "430702");
        var (_, otherWorkerId) = await app.StaffAsync("ChildDirector", ShouhuApp.VillageA);
        await using (var db = app.SystemDb())
        {
            // The officer takes over supervision, so that every route below is one the caller may take on an open case.
            var c = await db.Cases.SingleAsync(x => x.Id == caseId, Ct);
            c.SupervisorId = officerId;
            await db.SaveChangesAsync(Ct);
        }

        Guid organizationId;
        using (var admin = await app.AdminAsync())
        {
            organizationId = (await OkJson(await admin.PostAsJsonAsync("/api/v1/organizations", new { name = "区妇联" + Guid.NewGuid().ToString("N")[..4], kind = "MemberUnit", regionCode = "430702" }, Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        }

        var before = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}", Ct);
        var steps = new (string Route, object Body)[]
        {
            ("status", new { to = "assessing" }),
            ("risk", new { riskLevel = "high" }),
            ("assignment", new { workerId = otherWorkerId }),
            ("transfer", new { toWorkerId = otherWorkerId }),
            ("services", new { serviceType = "Other", provider = "社工站", servedOn = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd") }),
            ("guardianship-measures", new { kind = "Temporary", ground = "Art92BeggingOrUnknown", placement = "Kinship", startOn = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd") }),
            ("referrals", new { organizationId, reason = "法律援助", dueAt = InAWeek }),
            ("plan/submit", new { }),
            ("closure", new { reason = "GoalsMet", closingAssessment = "x" }),
            ("region-transfer", new { toRegionCode = ShouhuApp.VillageB }),
        };
        foreach (var (route, body) in steps)
        {
            var r = await officer.PostAsJsonAsync($"/api/v1/cases/{caseId}/{route}", body, Ct);
            Assert.True(r.StatusCode == HttpStatusCode.Conflict, $"{route}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync(Ct)}");
        }

        var plan = await officer.PutAsJsonAsync($"/api/v1/cases/{caseId}/plan", Plan("新目标", null, 1), Ct);
        Assert.Equal(HttpStatusCode.Conflict, plan.StatusCode);
        var after = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}", Ct);
        Assert.Equal("closed", after.GetProperty("status").GetString());
        Assert.Equal(before.GetProperty("version").GetGuid(), after.GetProperty("version").GetGuid());
        foreach (var part in new[] { "services", "measures", "referrals" })
        {
            Assert.Equal(0, after.GetProperty(part).GetArrayLength());
        }

        await OkJson(await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/notes", new { text = "回访：孩子情况稳定" }, Ct));
        await OkJson(await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/status", new { to = "reopened" }, Ct));
        await OkJson(await officer.PostAsJsonAsync($"/api/v1/cases/{caseId}/guardianship-measures", steps[5].Body, Ct), HttpStatusCode.Created);
        _ = supervisor;
    }

    /// <summary>
    /// Issue #10 item 4: a plan row with only its type chosen vanished and the page said 计划已保存. Any row with some field
    /// filled is checked whole (the message names the row and the field); only wholly empty rows are skipped.
    /// </summary>
    [Fact]
    public async Task PartlyFilledPlanRow_IsRefusedNamingRowAndField_WhollyEmptyRowsAreSkipped()
    {
        var (_, worker, caseId) = await CaseAsync();
        await OkJson(await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/status", new { to = "assessing" }, Ct));
        var full = new { serviceType = "Other", description = "家访", responsible = "儿童主任", dueOn = InAWeek };
        object[] partials =
        [
            new { serviceType = "Other", description = "", responsible = "", dueOn = "" },
            new { serviceType = "", description = "家访", responsible = "", dueOn = "" },
            new { serviceType = "", description = "", responsible = "社工", dueOn = "" },
            new { serviceType = "", description = "", responsible = "", dueOn = InAWeek },
        ];
        foreach (var partial in partials)
        {
            var r = await worker.PutAsJsonAsync($"/api/v1/cases/{caseId}/plan", new { goals = "g", items = new object[] { full, partial } }, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            var errors = (await r.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
            Assert.All(errors.EnumerateObject(), e => Assert.StartsWith("items[1].", e.Name, StringComparison.Ordinal));
            Assert.NotEmpty(errors.EnumerateObject());
        }

        var empty = new { serviceType = "", description = " ", responsible = "", dueOn = "" };
        await OkJson(await worker.PutAsJsonAsync($"/api/v1/cases/{caseId}/plan", new { goals = "g", items = new object[] { full, empty, full } }, Ct));
        var c = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}", Ct);
        Assert.Equal(2, c.GetProperty("plan").GetProperty("items").GetArrayLength());
    }

    /// <summary>Issue #10 item 16: a clock ending at midnight is "the day before 当日24时", every other time as HH:mm.</summary>
    [Theory]
    [InlineData("2026-11-28T00:00:00+08:00", "MM-dd", "11-27 当日24时")]
    [InlineData("2026-12-01T00:00:00+08:00", "yyyy-MM-dd", "2026-11-30 当日24时")]
    [InlineData("2027-01-01T00:00:00+08:00", "yyyy-MM-dd", "2026-12-31 当日24时")]
    [InlineData("2026-11-27T10:30:00+08:00", "MM-dd", "11-27 10:30")]
    [InlineData("2026-11-27T00:01:00+08:00", "MM-dd", "11-27 00:01")]
    public void Deadline_AtMidnight_ReadsAsTheDayBeforeAt24(string at, string format, string expected) =>
        Assert.Equal(expected, Shouhu.Web.Features.Reports.ReportQueries.DeadlineText(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture), format));
}
