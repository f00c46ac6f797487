using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Shouhu.IntegrationTests.Api;
using static Shouhu.IntegrationTests.Cases.CaseSetup;

namespace Shouhu.IntegrationTests.Reports;

/// <summary>Triaging a report (issue #10 items 2, 16): opening a case takes explicit choices; deadlines read in Chinese.</summary>
public sealed class TriageTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Issue #10 item 2: an untouched triage form opened a case with no worker and risk 未评估.</summary>
    [Fact]
    public async Task OpenCase_WithoutDecisionWorkerOrRiskLevel_Returns400NamingEach_AndOpensNothing()
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

    /// <summary>Issue #10 item 16: a clock ending at midnight is "the day before 当日24时", every other time as HH:mm.</summary>
    [Theory]
    [InlineData("2026-11-28T00:00:00+08:00", "MM-dd", "11-27 当日24时")]
    [InlineData("2026-12-01T00:00:00+08:00", "yyyy-MM-dd", "2026-11-30 当日24时")]
    [InlineData("2027-01-01T00:00:00+08:00", "yyyy-MM-dd", "2026-12-31 当日24时")]
    [InlineData("2026-11-27T10:30:00+08:00", "MM-dd", "11-27 10:30")]
    [InlineData("2026-11-27T00:01:00+08:00", "MM-dd", "11-27 00:01")]
    public void DeadlineText_AtMidnight_ReadsAsTheDayBeforeAt24(string at, string format, string expected) =>
        Assert.Equal(expected, Shouhu.Web.Features.Reports.ReportQueries.DeadlineText(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture), format));
}
