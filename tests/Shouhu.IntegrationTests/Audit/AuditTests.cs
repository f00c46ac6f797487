using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouhu.Data;
using Shouhu.IntegrationTests.Children;
using Shouhu.Web.Features.Audit;

namespace Shouhu.IntegrationTests.Audit;

/// <summary>Every create and view of a child is audited, the chain verifies, and tampering is found at the right link.</summary>
public sealed class AuditTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AuditTrail_OfCreateViewAndList_IsQueryableByAdminOnly()
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

    /// <summary>The verifier with the application's chain key and anchor file.</summary>
    internal static AuditVerifier Verifier(ShouhuApp app, ShouhuDbContext db) =>
        new(db, app.Services.GetRequiredService<AuditChain>(), app.Services.GetRequiredService<AuditAnchorLog>());

    [Fact]
    public async Task AuditTrail_OfListsAndExports_NamesTheChildrenHeld_AndTheChildsTrailShowsThem()
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        async Task<string> RegisterAsync(string name)
        {
            var created = await director.PostAsJsonAsync("/api/v1/children", ChildrenTests.ChildBody(name, ShouhuApp.NewIdNumber(new DateOnly(2013, 3, 3), true), ShouhuApp.VillageA), Ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            return (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
        }

        var listed = await RegisterAsync("名单甲");
        var other = await RegisterAsync("另一乙");
        Assert.Equal(HttpStatusCode.OK, (await director.GetAsync("/api/v1/children?q=" + Uri.EscapeDataString("名单"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await director.GetAsync("/api/v1/children/export?q=" + Uri.EscapeDataString("名单"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await director.GetAsync($"/api/v1/children/{listed}/prevention", Ct)).StatusCode);
        var report = await director.PostAsJsonAsync("/api/v1/reports", new
        {
            channel = "HomeVisit", receivedAt = DateTimeOffset.UtcNow.AddMinutes(-3).ToString("o"), concernTypes = new[] { "Neglect" }, urgency = "Routine",
            narrative = "走访发现无人照料。", childId = listed, reporter = new { anonymous = true },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, report.StatusCode);
        using var supervisor = await app.UserAsync("ChildSupervisor", "430702001");
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync("/api/v1/reports?status=awaiting-triage", Ct)).StatusCode);

        using var admin = await app.AdminAsync();
        var trail = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?childId={listed}&pageSize=200", Ct)).GetProperty("items").EnumerateArray().ToList();
        string?[] Of(string action, string entity) => trail.Where(i => i.GetProperty("action").GetString() == action && i.GetProperty("entity").GetString() == entity)
            .Select(i => i.GetProperty("detail").GetString()).ToArray();
        Assert.Matches("^rows=1;children=1:[0-9a-f]{64}$", Assert.Single(Of("List", "Child")));
        Assert.Contains("children=1:", Assert.Single(Of("Export", "Child")), StringComparison.Ordinal);
        Assert.Contains("children=1:", Assert.Single(Of("List", "Report")), StringComparison.Ordinal);
        Assert.Single(Of("ViewPrevention", "Child"));

        // The other child was in none of them.
        var otherTrail = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?childId={other}&pageSize=200", Ct)).GetProperty("items").EnumerateArray().ToList();
        Assert.DoesNotContain(otherTrail, i => i.GetProperty("action").GetString() is "List" or "Export");
    }

    [Fact]
    public async Task VerifyAudit_FindsTheFirstTamperedEntry()
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        for (var i = 0; i < 3; i++)
        {
            await director.PostAsJsonAsync("/api/v1/children", new { name = $"链{i}", sex = "female", birthDate = "2014-04-04", residenceRegionCode = ShouhuApp.VillageA }, Ct);
        }

        await using var db = app.SystemDb();
        var intact = await Verifier(app, db).VerifyAsync(Ct);
        Assert.True(intact.IsIntact, intact.Message);
        Assert.Equal(await db.AuditEntries.IgnoreQueryFilters().CountAsync(Ct), intact.Checked);

        var victim = await db.AuditEntries.IgnoreQueryFilters().OrderByDescending(a => a.Sequence).Skip(2).FirstAsync(Ct);
        await db.AuditEntries.IgnoreQueryFilters().Where(a => a.Id == victim.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.ActorName, "someone-else"), Ct);
        var broken = await Verifier(app, db).VerifyAsync(Ct);
        Assert.False(broken.IsIntact);
        Assert.Equal(victim.Sequence, broken.FirstBrokenSequence);

        // Deleting an entry breaks the link at the gap, too.
        await db.AuditEntries.IgnoreQueryFilters().Where(a => a.Id == victim.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.ActorName, victim.ActorName), Ct);
        Assert.True((await Verifier(app, db).VerifyAsync(Ct)).IsIntact);
        var second = await db.AuditEntries.IgnoreQueryFilters().OrderBy(a => a.Sequence).Skip(1).FirstAsync(Ct);
        await db.AuditEntries.IgnoreQueryFilters().Where(a => a.Id == second.Id).ExecuteDeleteAsync(Ct);
        var gap = await Verifier(app, db).VerifyAsync(Ct);
        Assert.False(gap.IsIntact);
        Assert.Equal(second.Sequence, gap.FirstBrokenSequence);
    }
}
