using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Shouhu.IntegrationTests.Api;

namespace Shouhu.IntegrationTests.Cases;

/// <summary>Cases as the casework tests need them: a hotline report's body, an open case, a plan, a closed case.</summary>
public static class CaseSetup
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A week from today in China, as the API's <c>yyyy-MM-dd</c>.</summary>
    public static string InAWeek => DateTime.UtcNow.AddHours(8).AddDays(7).ToString("yyyy-MM-dd");

    /// <summary>A hotline report of neglect received three minutes ago, about <paramref name="childId"/> or else in <see cref="ShouhuApp.VillageA"/>.</summary>
    public static object Report(string urgency = "Urgent", Guid? childId = null) => new
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
    public static async Task<(HttpClient Supervisor, HttpClient Worker, Guid CaseId)> CaseAsync(this ShouhuApp app)
    {
        var (supervisor, _) = await app.StaffAsync("ChildSupervisor", "430702001");
        var (worker, workerId) = await app.StaffAsync("ChildDirector", ShouhuApp.VillageA);
        var report = await OkJson(await supervisor.PostAsJsonAsync("/api/v1/reports", Report(), Ct), HttpStatusCode.Created);
        var triage = await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/reports/{report.GetProperty("id")}/triage", new { decision = "open-case", workerId, riskLevel = "medium" }, Ct));
        return (supervisor, worker, triage.GetProperty("caseId").GetGuid());
    }

    /// <summary>A case walked to closure: worker plans and requests, the supervisor approves.</summary>
    public static async Task<(HttpClient Supervisor, HttpClient Worker, Guid CaseId)> ClosedCaseAsync(this ShouhuApp app)
    {
        var (supervisor, worker, caseId) = await app.CaseAsync();
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

    /// <summary>The case's current concurrency version as <paramref name="client"/> reads it.</summary>
    public static async Task<Guid> VersionAsync(HttpClient client, Guid caseId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}", Ct)).GetProperty("version").GetGuid();

    /// <summary>A plan body: <paramref name="goals"/>, the version read, <paramref name="rows"/> filled rows due in a week.</summary>
    public static object Plan(string goals, Guid? version, int rows) => new
    {
        goals,
        version,
        items = Enumerable.Range(1, rows).Select(i => new { serviceType = "Other", description = $"服务{i}", responsible = "儿童主任", dueOn = InAWeek }).ToArray(),
    };
}
