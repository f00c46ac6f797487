using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Children;
using Shouhu.Domain.Monitoring;

namespace Shouhu.IntegrationTests.Authorization;

/// <summary>
/// Writes that skip SaveChanges — bulk inserts, <c>ExecuteUpdate</c>, <c>ExecuteDelete</c> — skip its jurisdiction guard
/// and the audit trail: audited personal data is bulk-written only in system scope, other rows only inside the caller's
/// jurisdiction, and the set-based updates and deletes are the reviewed few (ADR-007).
/// </summary>
public sealed class BulkWriteGuardTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A village's caller cannot bulk-insert audited personal data, even of its own village.</summary>
    [Fact]
    public async Task BulkInsert_OfAuditedPersonalData_OutsideSystemScope_IsRefused()
    {
        await using var village = app.DbFor(ShouhuApp.VillageA);
        var guardian = new Guardian { ChildId = Guid.NewGuid(), Name = "批量", Relation = GuardianRelation.Other, RegionCode = ShouhuApp.VillageA };
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => BulkInsert.InsertAsync(village, [guardian], Ct));
        Assert.Contains("system tasks", e.Message, StringComparison.Ordinal);
        var child = new Child { Name = "批量童", BirthDate = new DateOnly(2016, 1, 1), RegionCode = ShouhuApp.VillageA, CreatedAt = DateTime.UtcNow };
        await Assert.ThrowsAsync<InvalidOperationException>(() => BulkInsert.InsertAsync(village, [child], Ct));
    }

    /// <summary>Derived rows (alerts) may be bulk-written by a caller inside its jurisdiction, never outside it.</summary>
    [Fact]
    public async Task BulkInsert_OfARowOutsideTheJurisdiction_IsRefused_InsideIsWritten()
    {
        await using var village = app.DbFor(ShouhuApp.VillageA);
        Alert Make(string region) => new()
        {
            Rule = AlertRule.VisitOverdue,
            Severity = AlertSeverity.Low,
            SubjectKey = "bulk-" + Guid.NewGuid().ToString("N"),
            RegionCode = region,
            Message = "批量",
            CreatedAt = DateTime.UtcNow,
            DueAt = DateTime.UtcNow,
            IsOpen = true,
        };
        await Assert.ThrowsAsync<JurisdictionViolationException>(() => BulkInsert.InsertAsync(village, [Make(ShouhuApp.VillageA), Make(ShouhuApp.VillageB)], Ct));
        Assert.Equal(1, await BulkInsert.InsertAsync(village, [Make(ShouhuApp.VillageA)], Ct));
    }

    /// <summary>
    /// The region filter is passed only through <c>ShouhuDbContext.Beyond&lt;T&gt;(JurisdictionBypass)</c>, the one named and
    /// audited helper (ADR-007): no feature calls <c>IgnoreQueryFilters</c> itself.
    /// </summary>
    [Fact]
    public void RegionFilterBypasses_GoThroughTheNamedHelper()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "Shouhu.Web");
        var direct = Directory.EnumerateFiles(web, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && File.ReadAllText(f).Contains("IgnoreQueryFilters(", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(web, f)).ToList();
        Assert.True(direct.Count == 0, "Bypassing the region filter without Beyond<T>(purpose): " + string.Join(", ", direct));
    }

    /// <summary>A bypass by a user's request leaves an audit entry naming its purpose.</summary>
    [Fact]
    public async Task FilterBypass_ByAUser_IsAudited()
    {
        await using var village = app.DbFor(ShouhuApp.VillageA);
        _ = await village.Beyond<Child>(JurisdictionBypass.DuplicateCheck).AnyAsync(c => c.Name == "无此人", Ct);
        await village.SaveChangesAsync(Ct);
        await using var db = app.SystemDb();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "Bypass" && a.Detail == "DuplicateCheck" && a.RegionCode == ShouhuApp.VillageA, Ct));
    }

    private static string RepositoryRoot() => Repository.Root;

    /// <summary>
    /// Every <c>ExecuteUpdate</c> / <c>ExecuteDelete</c> in the application is one of the reviewed set-based writes of
    /// derived, unaudited rows (their WHERE is still scoped by the jurisdiction filter); a new one fails here until it is
    /// reviewed and listed — or written through SaveChanges.
    /// </summary>
    [Fact]
    public void SetBasedWrites_AreTheReviewedOnes()
    {
        var reviewed = new HashSet<string>(StringComparer.Ordinal)
        {
            "Features/Alerts/AlertEngine.cs: Alerts",            // the engine's reconciliation of derived alerts
            "Features/Notifications/NotificationsApi.cs: Notifications", // marking the recipient's own notice read
            "Features/Visits/VisitPlanner.cs: VisitSchedules",    // replacing derived schedules still as read (ADR-006)
            "Features/Imports/ValidateImport.cs: ImportJobRows",  // a resumed dry run drops its own rows and starts over
        };
        var web = Path.Combine(RepositoryRoot(), "src", "Shouhu.Web");
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(web, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            // db.<Set>…ExecuteUpdateAsync / ExecuteDeleteAsync within one statement.
            foreach (Match m in Regex.Matches(text, @"db\.(\w+)[^;]*?\.Execute(Update|Delete)Async", RegexOptions.Singleline))
            {
                found.Add($"{Path.GetRelativePath(web, file).Replace('\\', '/')}: {m.Groups[1].Value}");
            }

            Assert.False(Regex.IsMatch(text, @"\.Execute(Update|Delete)\("), $"{file}: synchronous set-based write");
        }

        var unreviewed = found.Except(reviewed).ToList();
        Assert.True(unreviewed.Count == 0, "Unreviewed set-based writes: " + string.Join(", ", unreviewed));
        Assert.True(found.Count > 0, "the scan found no set-based write at all: the pattern is wrong");
    }
}
