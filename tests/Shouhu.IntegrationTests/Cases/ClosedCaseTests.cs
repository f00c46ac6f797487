using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using static Shouhu.IntegrationTests.Api;
using static Shouhu.IntegrationTests.Cases.CaseSetup;

namespace Shouhu.IntegrationTests.Cases;

/// <summary>A closed case (issue #10 item 3): every step is refused until it is reopened.</summary>
public sealed class ClosedCaseTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Issue #10 item 3: a guardianship measure was accepted on a closed case. Every step route but reopening (and the
    /// follow-up's notes and documents) answers 409 on a closed case, and the case is unchanged.
    /// </summary>
    [Fact]
    public async Task CaseStep_OnAClosedCase_Returns409AndChangesNothing_UntilReopened()
    {
        var (supervisor, worker, caseId) = await app.ClosedCaseAsync();
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
}
