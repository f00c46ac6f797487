using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shouhu.Domain.Time;
using Shouhu.IntegrationTests.Children;
using static Shouhu.IntegrationTests.Api;

namespace Shouhu.IntegrationTests.Alerts;

/// <summary>The alert run against the register as it changes: no reopening of what a child's run closed, no alerts for ended categories or adults.</summary>
public sealed class AlertRunTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => ChinaTime.Today(TimeProvider.System);

    private static async Task<Guid> ChildAsync(HttpClient director, string name, string village, DateOnly? birth = null) =>
        (await OkJson(await director.PostAsJsonAsync("/api/v1/children", ChildrenTests.ChildBody(name, ShouhuApp.NewIdNumber(birth ?? new DateOnly(2016, 4, 4), true), village), Ct), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();

    [Fact]
    public async Task RunAlerts_FullRun_DoesNotReopenWhatAChildsRunClosedWhileItWasReading()
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
    public async Task RunAlerts_ForEndedCategoriesOrAnAdult_RaisesNoReassessmentOrHighRiskAlert()
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
