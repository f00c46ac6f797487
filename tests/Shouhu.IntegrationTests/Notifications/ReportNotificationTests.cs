using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using static Shouhu.IntegrationTests.Api;
using static Shouhu.IntegrationTests.Cases.CaseSetup;

namespace Shouhu.IntegrationTests.Notifications;

/// <summary>Who hears of a new report at once (issue #10 item 2): the triage level of its place, without names.</summary>
public sealed class ReportNotificationTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<JsonElement>> InboxAsync(HttpClient c, Guid reportId) =>
        (await c.GetFromJsonAsync<JsonElement>("/api/v1/notifications", Ct)).GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("link").GetString() == $"/Reports/Details/{reportId}").ToList();

    /// <summary>
    /// Issue #10 item 2: nobody but the operator heard of an immediate-danger report. Immediate and urgent reports reach the
    /// supervisors of the place at once (the county officers where the township has none); routine ones wait in the queue.
    /// </summary>
    [Fact]
    public async Task NewReport_ImmediateOrUrgent_ReachesTheTownshipSupervisorAtOnce_Nameless()
    {
        var (operatorClient, _) = await app.StaffAsync("HotlineOperator", "430702");
        var (supervisor, _) = await app.StaffAsync("ChildSupervisor", "430702001");
        var (otherTownship, _) = await app.StaffAsync("ChildSupervisor", "430702003");
        var (officer, _) = await app.StaffAsync("CivilAffairsOfficer", "430702");

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
    }

    /// <summary>Issue #10 item 2: an immediate-danger report of a township without a supervisor (府坪街道) reaches the county officers, and leaves by the outbox.</summary>
    [Fact]
    public async Task NewReport_InATownshipWithoutSupervisor_ReachesTheCountyOfficers()
    {
        var (operatorClient, _) = await app.StaffAsync("HotlineOperator", "430702");
        var (supervisor, _) = await app.StaffAsync("ChildSupervisor", "430702001");
        var (officer, _) = await app.StaffAsync("CivilAffairsOfficer", "430702");

        // A township without a supervisor (府坪街道): the county officers hear of it.
        var unheld = new { channel = "Hotline", receivedAt = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("o"), concernTypes = new[] { "Neglect" }, urgency = "ImmediateDanger", narrative = "来电", regionCode = "430702002002" };
        var unheldId = (await OkJson(await operatorClient.PostAsJsonAsync("/api/v1/reports", unheld, Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        Assert.Single(await InboxAsync(officer, unheldId));
        Assert.Empty(await InboxAsync(supervisor, unheldId));
        await using var db = app.SystemDb();
        Assert.True(await db.OutboxMessages.AnyAsync(m => m.Text.StartsWith("紧急危险报告"), Ct));
    }
}
