using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouhu.Data;
using Shouhu.Domain.Children;

namespace Shouhu.IntegrationTests.Authorization;

/// <summary>
/// The jurisdiction filter, at the data layer, for every kind of access a handler can make: list, get, find, search,
/// count, aggregate, update, delete, bulk update/delete and an export-style projection. Each would fail if the filter
/// were missing or if the range test were wrong at a subtree edge. Runs on the configured engine.
/// </summary>
public sealed class JurisdictionTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(Guid InA, Guid InB, Guid InOtherCounty)> ArrangeAsync(string tag)
    {
        await using var db = app.SystemDb();
        Child Make(string region, string name) => new()
        {
            Name = name + tag,
            Sex = Domain.Identity.Sex.Male,
            BirthDate = new DateOnly(2015, 1, 1),
            RegionCode = region,
            CreatedAt = DateTime.UtcNow,
            Guardians = [new Guardian { Name = "监护人" + tag, Relation = GuardianRelation.Mother, RegionCode = region }],
            Categories = [new ChildCategory { Category = ProtectionCategory.InDistress, ValidFrom = new DateOnly(2024, 1, 1), RegionCode = region }],
        };
        var a = Make(ShouhuApp.VillageA, "甲");
        var b = Make(ShouhuApp.VillageB, "乙");
        var c = Make("430703001001", "丙"); // 鼎城区
        db.Children.AddRange(a, b, c);
        await db.SaveChangesAsync(Ct);
        return (a.Id, b.Id, c.Id);
    }

    [Fact]
    public async Task JurisdictionFilter_Reads_SeeOnlyTheSubtree()
    {
        var (inA, inB, inOther) = await ArrangeAsync("rd");
        await using var villageA = app.DbFor(ShouhuApp.VillageA);
        Assert.Equal([inA], await villageA.Children.Where(c => c.Name.EndsWith("rd")).Select(c => c.Id).ToListAsync(Ct));
        Assert.NotNull(await villageA.Children.FirstOrDefaultAsync(c => c.Id == inA, Ct));
        Assert.Null(await villageA.Children.FirstOrDefaultAsync(c => c.Id == inB, Ct));
        Assert.Null(await villageA.Children.FindAsync([inB], Ct));
        Assert.Equal(1, await villageA.Children.CountAsync(c => c.Name.EndsWith("rd"), Ct));
        Assert.Equal(0, await villageA.Children.CountAsync(c => c.Name == "乙rd", Ct));
        Assert.False(await villageA.Children.AnyAsync(c => c.Id == inOther, Ct));
        Assert.Equal(1, await villageA.Guardians.CountAsync(g => g.Name.EndsWith("rd"), Ct));
        Assert.Equal(1, await villageA.ChildCategories.CountAsync(k => k.ChildId == inA || k.ChildId == inB, Ct));
        var grouped = await villageA.Children.Where(c => c.Name.EndsWith("rd")).GroupBy(c => c.RegionCode.Substring(0, 6)).Select(g => new { g.Key, N = g.Count() }).ToListAsync(Ct);
        Assert.Equal(new[] { ("430702", 1) }, grouped.Select(g => (g.Key, g.N)));
        // An export is a projection of the list: the same filter applies.
        var export = await villageA.Children.Where(c => c.Name.EndsWith("rd")).Select(c => new { c.Name, c.CitizenIdNumber }).ToListAsync(Ct);
        Assert.Single(export);

        await using var county = app.DbFor("430702");
        Assert.Equal(2, await county.Children.CountAsync(c => c.Name.EndsWith("rd"), Ct));
        await using var city = app.DbFor("4307");
        Assert.Equal(3, await city.Children.CountAsync(c => c.Name.EndsWith("rd"), Ct));
        await using var township = app.DbFor("430702001");
        Assert.Equal(2, await township.Children.CountAsync(c => c.Name.EndsWith("rd"), Ct));
        // A sibling code that shares a prefix but is not inside: 43070 is no level, 430703 is the next county.
        await using var nextCounty = app.DbFor("430703");
        Assert.Equal([inOther], await nextCounty.Children.Where(c => c.Name.EndsWith("rd")).Select(c => c.Id).ToListAsync(Ct));
    }

    [Fact]
    public async Task JurisdictionFilter_Anonymous_SeesNothing()
    {
        await ArrangeAsync("an");
        await using var scope = new ShouhuDbContext(
            app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.DbContextOptions<ShouhuDbContext>>(), new FixedCallerContext(CallerScope.Nobody));
        Assert.Equal(0, await scope.Children.CountAsync(Ct));
        Assert.Equal(0, await scope.Guardians.CountAsync(Ct));
    }

    [Fact]
    public async Task JurisdictionFilter_WritesOutsideTheSubtree_AreRefused()
    {
        var (inA, inB, _) = await ArrangeAsync("wr");
        await using var villageA = app.DbFor(ShouhuApp.VillageA);

        // Update through a stub attached without reading (a handler that skipped its query).
        var stub = new Child { Id = inB, Name = "改名", RegionCode = ShouhuApp.VillageB, BirthDate = new DateOnly(2015, 1, 1) };
        villageA.Attach(stub);
        stub.Name = "改名wr";
        await Assert.ThrowsAsync<JurisdictionViolationException>(() => villageA.SaveChangesAsync(Ct));
        villageA.ChangeTracker.Clear();

        // Delete likewise.
        villageA.Remove(new Child { Id = inB, Name = "x", RegionCode = ShouhuApp.VillageB });
        await Assert.ThrowsAsync<JurisdictionViolationException>(() => villageA.SaveChangesAsync(Ct));
        villageA.ChangeTracker.Clear();

        // Moving one's own child out of the jurisdiction.
        var own = await villageA.Children.SingleAsync(c => c.Id == inA, Ct);
        own.RegionCode = ShouhuApp.VillageB;
        await Assert.ThrowsAsync<JurisdictionViolationException>(() => villageA.SaveChangesAsync(Ct));
        villageA.ChangeTracker.Clear();

        // Creating outside.
        villageA.Children.Add(new Child { Name = "外来wr", RegionCode = ShouhuApp.VillageB, BirthDate = new DateOnly(2015, 1, 1) });
        await Assert.ThrowsAsync<JurisdictionViolationException>(() => villageA.SaveChangesAsync(Ct));
        villageA.ChangeTracker.Clear();

        // Bulk operations obey the filter.
        Assert.Equal(0, await villageA.Children.Where(c => c.Id == inB).ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, "批量"), Ct));
        Assert.Equal(0, await villageA.Guardians.Where(g => g.ChildId == inB).ExecuteDeleteAsync(Ct));

        await using var system = app.SystemDb();
        var b = await system.Children.Include(c => c.Guardians).SingleAsync(c => c.Id == inB, Ct);
        Assert.Equal("乙wr", b.Name);
        Assert.Single(b.Guardians);
        Assert.False(await system.Children.AnyAsync(c => c.Name == "外来wr", Ct));
        Assert.Equal(ShouhuApp.VillageA, (await system.Children.SingleAsync(c => c.Id == inA, Ct)).RegionCode);
    }

    [Fact]
    public async Task JurisdictionFilter_WritesInsideTheSubtree_WorkAndAreAudited()
    {
        var (inA, _, _) = await ArrangeAsync("in");
        await using (var villageA = app.DbFor(ShouhuApp.VillageA))
        {
            var own = await villageA.Children.SingleAsync(c => c.Id == inA, Ct);
            own.Address = "3组";
            await villageA.SaveChangesAsync(Ct);
        }

        await using var system = app.SystemDb();
        var entry = await system.AuditEntries.Where(a => a.EntityId == inA.ToString() && a.Action == "Update").SingleAsync(Ct);
        Assert.Equal("Address", entry.Detail);
        Assert.Equal("test-user", entry.ActorId);
        Assert.Equal(ShouhuApp.VillageA, entry.RegionCode);
    }

    [Fact]
    public async Task JurisdictionFilter_ForEveryCaller_IsAnIndexRange()
    {
        // The filter's SQL must let the database walk the region index: an "all OR range" form once made SQLite scan
        // the whole table for every unfiltered list (173 ms for a county at a million children). SQLite's plan shows it
        // whatever the table size; PostgreSQL picks by statistics, and shares the SQL shape.
        Assert.SkipWhen(app.Provider != "sqlite", "SQLite only: PostgreSQL chooses its plan by table statistics, and runs the same SQL shape");

        foreach (var jurisdiction in new[] { "430702", ShouhuApp.VillageA, "4307" })
        {
            await using var db = app.DbFor(jurisdiction);
            var plan = await ExplainAsync(db, db.Children.Select(c => c.Id).ToQueryString());
            Assert.Contains("RegionCode>", plan, StringComparison.Ordinal);
            Assert.DoesNotContain("SCAN", plan, StringComparison.Ordinal);
        }

        await using var system = app.SystemDb();
        var systemPlan = await ExplainAsync(system, system.Children.Select(c => c.Id).ToQueryString());
        Assert.Contains("RegionCode>", systemPlan, StringComparison.Ordinal);
    }

    private static async Task<string> ExplainAsync(ShouhuDbContext db, string queryString)
    {
        // ToQueryString writes parameters before the SQL, as ".param set @name 'value'" (SQLite) or "-- @name='value'".
        var lines = queryString.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        await using var cmd = connection.CreateCommand();
        foreach (var line in lines)
        {
            string? name = null, value = null;
            if (line.StartsWith(".param set ", StringComparison.Ordinal))
            {
                var rest = line[".param set ".Length..];
                var space = rest.IndexOf(' ', StringComparison.Ordinal);
                (name, value) = (rest[..space], rest[(space + 1)..]);
            }
            else if (line.StartsWith("-- @", StringComparison.Ordinal))
            {
                var eq = line.IndexOf('=', StringComparison.Ordinal);
                (name, value) = (line[3..eq], line[(eq + 1)..]);
            }

            if (name is not null)
            {
                var p = cmd.CreateParameter();
                p.ParameterName = name;
                p.Value = value!.Trim().Trim('\'');
                cmd.Parameters.Add(p);
            }
        }

        cmd.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.Where(l => !l.StartsWith("--", StringComparison.Ordinal) && !l.StartsWith(".param", StringComparison.Ordinal)));
        var plan = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            plan.Add(reader.GetString(3));
        }

        return string.Join(" | ", plan);
    }
}
