using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shouhu.Web.Features.Audit;

namespace Shouhu.IntegrationTests;

/// <summary>Every create and view of a child is audited, the chain verifies, and tampering is found at the right link.</summary>
public sealed class AuditTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateViewList_AreAudited_AndQueryableByAdminOnly()
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA, "auditdir");
        var created = await director.PostAsJsonAsync("/api/v1/children", new { name = "审计儿童", sex = "male", birthDate = "2015-05-05", residenceRegionCode = ShouhuApp.VillageA }, Ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        await director.GetAsync($"/api/v1/children/{id}", Ct);
        await director.GetAsync("/api/v1/children", Ct);

        using var admin = await app.AdminAsync();
        var trail = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?childId={id}", Ct);
        var actions = trail.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("action").GetString()).ToList();
        Assert.Contains("Create", actions);
        Assert.Contains("View", actions);
        var item = trail.GetProperty("items")[0];
        Assert.Equal("auditdir", item.GetProperty("actor").GetString());
        Assert.Equal("Child", item.GetProperty("entity").GetString());
        Assert.Equal(ShouhuApp.VillageA, item.GetProperty("regionCode").GetString());
        Assert.EndsWith("+08:00", item.GetProperty("at").GetString(), StringComparison.Ordinal);
        Assert.Equal(ShouhuApp.ClientAddress, item.GetProperty("clientAddress").GetString());

        await using var db = app.SystemDb();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "List" && a.ActorName == "auditdir", Ct));
        // No personal data in the trail.
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Detail != null && a.Detail.Contains("审计儿童"), Ct));

        Assert.Equal(HttpStatusCode.Forbidden, (await director.GetAsync($"/api/v1/audit?childId={id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Verify_FindsTheFirstTamperedEntry()
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        for (var i = 0; i < 3; i++)
        {
            await director.PostAsJsonAsync("/api/v1/children", new { name = $"链{i}", sex = "female", birthDate = "2014-04-04", residenceRegionCode = ShouhuApp.VillageA }, Ct);
        }

        await using var db = app.SystemDb();
        var intact = await new AuditVerifier(db).VerifyAsync(Ct);
        Assert.True(intact.IsIntact, intact.Message);
        Assert.Equal(await db.AuditEntries.IgnoreQueryFilters().CountAsync(Ct), intact.Checked);

        var victim = await db.AuditEntries.IgnoreQueryFilters().OrderByDescending(a => a.Sequence).Skip(2).FirstAsync(Ct);
        await db.AuditEntries.IgnoreQueryFilters().Where(a => a.Id == victim.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.ActorName, "someone-else"), Ct);
        var broken = await new AuditVerifier(db).VerifyAsync(Ct);
        Assert.False(broken.IsIntact);
        Assert.Equal(victim.Sequence, broken.FirstBrokenSequence);

        // Deleting an entry breaks the link at the gap, too.
        await db.AuditEntries.IgnoreQueryFilters().Where(a => a.Id == victim.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.ActorName, victim.ActorName), Ct);
        Assert.True((await new AuditVerifier(db).VerifyAsync(Ct)).IsIntact);
        var second = await db.AuditEntries.IgnoreQueryFilters().OrderBy(a => a.Sequence).Skip(1).FirstAsync(Ct);
        await db.AuditEntries.IgnoreQueryFilters().Where(a => a.Id == second.Id).ExecuteDeleteAsync(Ct);
        var gap = await new AuditVerifier(db).VerifyAsync(Ct);
        Assert.False(gap.IsIntact);
        Assert.Equal(second.Sequence, gap.FirstBrokenSequence);
    }
}
