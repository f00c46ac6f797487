using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shouhu.Domain;
using Shouhu.IntegrationTests.Children;

namespace Shouhu.IntegrationTests.Authorization;

/// <summary>
/// The model's promise that personal data is region-scoped and follows a child who moves: every entity that holds a
/// child's data carries a region (and so the jurisdiction filter), and every row about a child is moved with the child
/// — a new entity that forgets either fails here.
/// </summary>
public sealed class ModelCompletenessTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Entities about a child that stay where they were handled when the child moves, and why.</summary>
    private static readonly Dictionary<string, string> StayBehind = new(StringComparer.Ordinal)
    {
        ["Case"] = "a case moves only by its own region transfer (ADR-005), which takes the child's file along",
        ["Report"] = "a triaged report belongs to its case; untriaged reports follow the child (UpdateChild)",
    };

    /// <summary>Entities that hold no child's personal data by themselves, or are scoped another way, and why.</summary>
    private static readonly Dictionary<string, string> NotRegionScoped = new(StringComparer.Ordinal)
    {
        ["ShouhuUser"] = "accounts: scoped explicitly by WithinJurisdiction (ADR-001)",
        ["Organization"] = "organisations: public bodies, scoped explicitly by WithinJurisdiction",
        ["Region"] = "NBS division codes: public reference data",
        ["AssessmentInstrument"] = "the questionnaire, no answers",
        ["Notification"] = "addressed to an account, read only by its recipient; texts name no child",
        ["OutboxMessage"] = "outbound texts name no child and no category",
        ["AuditChild"] = "which children an audited list or export held: read only through its audit entry, which is region-scoped (ADR-002)",
    };

    /// <summary>Every entity type with a child id or personal fields implements <see cref="IJurisdictional"/>, or is named above with its reason.</summary>
    [Fact]
    public async Task EveryEntityWithPersonalData_IsRegionScoped()
    {
        await using var db = app.SystemDb();
        var personal = new[] { "ChildId", "Name", "CitizenIdNumber", "Phone", "Narrative" };
        var unscoped = db.Model.GetEntityTypes()
            .Where(t => !t.IsOwned() && t.ClrType.Namespace?.StartsWith("Shouhu", StringComparison.Ordinal) == true)
            .Where(t => t.GetProperties().Any(p => personal.Contains(p.Name) || p.Name.EndsWith("Phone", StringComparison.Ordinal)))
            .Where(t => !typeof(IJurisdictional).IsAssignableFrom(t.ClrType) && !NotRegionScoped.ContainsKey(t.ClrType.Name))
            .Select(t => t.ClrType.Name).ToList();
        Assert.True(unscoped.Count == 0, "Personal data without a region: " + string.Join(", ", unscoped));
    }

    /// <summary>
    /// A child with a family, a category, a visit, an assessment, a schedule, an alert and a report moves to the next
    /// village: every row of every entity type that has a <c>ChildId</c> now carries the new village — except those
    /// that stay with their case, named above.
    /// </summary>
    [Fact]
    public async Task ChildMovesToTheNextVillage_EveryRowAboutTheChildMovesToo()
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        using var officer = await app.UserAsync("CivilAffairsOfficer", "430702");
        var created = await director.PostAsJsonAsync("/api/v1/children",
            ChildrenTests.ChildBody("迁居" + Guid.NewGuid().ToString("N")[..4], ShouhuApp.NewIdNumber(new DateOnly(2014, 5, 5), true), ShouhuApp.VillageA), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var child = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = child.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Created, (await director.PostAsJsonAsync($"/api/v1/children/{id}/visits",
            new { visitedAt = DateTimeOffset.UtcNow.AddHours(-2).ToString("o"), metPersons = new[] { "儿童本人" }, guardianPresent = false }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await director.PostAsJsonAsync($"/api/v1/children/{id}/assessments", new { emergencyOverride = true, note = "迁居前" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await director.PostAsJsonAsync("/api/v1/reports", new
        {
            channel = "HomeVisit",
            receivedAt = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("o"),
            concernTypes = new[] { "Neglect" },
            urgency = "Routine",
            narrative = "走访发现",
            childId = id,
            reporter = new { name = "儿童主任", relation = "儿童主任" },
        }, Ct)).StatusCode);

        await using (var before = app.SystemDb())
        {
            Assert.True(await before.Alerts.AnyAsync(a => a.ChildId == id, Ct), "the world needs an alert about the child (high risk without a case)");
            Assert.True(await before.VisitSchedules.AnyAsync(s => s.ChildId == id, Ct));
        }

        var current = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/children/{id}", Ct);
        var edit = new Dictionary<string, object?>
        {
            ["name"] = current.GetProperty("name").GetString(),
            ["sex"] = current.GetProperty("sex").GetString(),
            ["citizenIdNumber"] = current.GetProperty("citizenIdNumber").GetString(),
            ["residenceRegionCode"] = ShouhuApp.VillageB,
            ["householdKind"] = current.GetProperty("householdKind").GetString(),
            ["version"] = current.GetProperty("version").GetString(),
        };
        var moved = await officer.PutAsJsonAsync($"/api/v1/children/{id}", edit, Ct);
        Assert.True(moved.StatusCode == HttpStatusCode.OK, await moved.Content.ReadAsStringAsync(Ct));

        await using var db = app.SystemDb();
        var leftBehind = new List<string>();
        foreach (var type in db.Model.GetEntityTypes().Where(t => t.FindProperty("ChildId") is not null && typeof(IJurisdictional).IsAssignableFrom(t.ClrType)))
        {
            if (StayBehind.ContainsKey(type.ClrType.Name))
            {
                continue;
            }

            var rows = await RowsAsync(db, type.ClrType, id);
            leftBehind.AddRange(rows.Where(r => r != ShouhuApp.VillageB).Select(r => $"{type.ClrType.Name} in {r}"));
        }

        Assert.True(leftBehind.Count == 0, "Left in the old village: " + string.Join(", ", leftBehind));
    }

    private static async Task<List<string>> RowsAsync(Shouhu.Data.ShouhuDbContext db, Type type, Guid childId)
    {
        var method = typeof(ModelCompletenessTests).GetMethod(nameof(RegionsOfAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type);
        return await (Task<List<string>>)method.Invoke(null, [db, childId])!;
    }

    private static Task<List<string>> RegionsOfAsync<T>(Shouhu.Data.ShouhuDbContext db, Guid childId)
        where T : class, IJurisdictional =>
        db.Set<T>().Where(e => EF.Property<Guid?>(e, "ChildId") == childId).Select(e => e.RegionCode).ToListAsync(Ct);
}
