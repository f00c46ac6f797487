using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Children;
using Shouhu.Domain.Monitoring;

namespace Shouhu.IntegrationTests.Authorization;

/// <summary>
/// The bulk registration of a survey import's batch (<see cref="ShouhuDbContext.AddChildrenInBulk"/>, ADR-013) writes the
/// very rows the change tracker writes — every column, stored the same way — with one audit entry that lists the
/// children instead of one per record, only inside the caller's jurisdiction, and nothing of a failed save is left to ride
/// in a later one.
/// </summary>
public sealed class BulkChildrenTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddChildrenInBulk_StoresEveryColumnAsTheTrackedInsert_AndOneEntryListsTheChildren()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var (tracked, bulk) = (Filled("对照甲" + marker), Filled("对照乙" + marker));
        await using (var db = app.DbFor(ShouhuApp.VillageA))
        {
            db.Children.Add(tracked);
            await db.SaveChangesAsync(Ct);
        }

        long before;
        await using (var db = app.SystemDb())
        {
            before = await db.AuditEntries.MaxAsync(a => a.Sequence, Ct);
        }

        await using (var db = app.DbFor(ShouhuApp.VillageA))
        {
            var schedule = new VisitSchedule { ChildId = bulk.Id, RegionCode = ShouhuApp.VillageA, IntervalDays = 30, NextDueOn = new DateOnly(2027, 1, 4) };
            db.AddChildrenInBulk([bulk], [schedule], "ImportRowsCommitted", "ImportJob", "test-" + marker, ShouhuApp.VillageA, "rows=1");
            await db.SaveChangesAsync(Ct);
            // The tracked way finds it by key: the key is stored as EF stores keys.
            Assert.True(await db.Children.AnyAsync(c => c.Id == bulk.Id, Ct));
            Assert.Equal(2, (await db.Children.Include(c => c.Guardians).SingleAsync(c => c.Id == bulk.Id, Ct)).Guardians.Count);
            Assert.True(await db.VisitSchedules.AnyAsync(s => s.ChildId == bulk.Id, Ct));
        }

        await using (var db = app.SystemDb())
        {
            var children = $"SELECT \"Id\" FROM \"Children\" WHERE \"Name\" IN ('{tracked.Name}', '{bulk.Name}')";
            await SameAsync(db, $"SELECT * FROM \"Children\" WHERE \"Name\" IN ('{tracked.Name}', '{bulk.Name}') ORDER BY \"Name\"", "Id", "Name", "Version");
            await SameAsync(db, $"SELECT * FROM \"Guardians\" WHERE \"ChildId\" IN ({children}) ORDER BY \"Name\"", "Id", "ChildId", "Name", "Version");
            await SameAsync(db, $"SELECT * FROM \"ChildCategories\" WHERE \"ChildId\" IN ({children}) ORDER BY \"Basis\"", "Id", "ChildId", "Basis", "Version");
            await SameAsync(db, $"SELECT * FROM \"EntrustedCares\" WHERE \"ChildId\" IN ({children}) ORDER BY \"CaregiverName\"", "Id", "ChildId", "CaregiverName", "Version");

            // One entry for the batch, listing the child; none per record.
            var added = await db.AuditEntries.Where(a => a.Sequence > before).ToListAsync(Ct);
            var entry = Assert.Single(added, a => a.EntityId == "test-" + marker);
            Assert.Equal(("ImportRowsCommitted", "test-user"), (entry.Action, entry.ActorId));
            Assert.Equal([bulk.Id], await db.AuditChildren.Where(c => c.Sequence == entry.Sequence).Select(c => c.ChildId).ToListAsync(Ct));
            Assert.DoesNotContain(added, a => a.EntityId == bulk.Id.ToString());
        }
    }

    [Fact]
    public async Task AddChildrenInBulk_OutsideTheJurisdiction_IsRefused_ForTheChildAndForAPart()
    {
        await using var db = app.DbFor(ShouhuApp.VillageA);
        var outside = Filled("外村" + Guid.NewGuid().ToString("N")[..6], ShouhuApp.VillageB);
        Assert.Throws<JurisdictionViolationException>(() => db.AddChildrenInBulk([outside], [], "ImportRowsCommitted", "ImportJob", null, ShouhuApp.VillageA, null));
        var part = Filled("部分" + Guid.NewGuid().ToString("N")[..6]);
        part.Guardians[0].RegionCode = ShouhuApp.VillageB;
        Assert.Throws<JurisdictionViolationException>(() => db.AddChildrenInBulk([part], [], "ImportRowsCommitted", "ImportJob", null, ShouhuApp.VillageA, null));
        // Nothing was queued: a save now writes nothing of them.
        await db.SaveChangesAsync(Ct);
        await using var system = app.SystemDb();
        Assert.False(await system.Children.AnyAsync(c => c.Id == outside.Id || c.Id == part.Id, Ct));
    }

    [Fact]
    public async Task AddChildrenInBulk_OfARegisteredNumber_FailsAsTheUniqueIndex_AndLeavesNothingForTheNextSave()
    {
        var number = ShouhuApp.NewIdNumber(new DateOnly(2016, 3, 3), true);
        var first = Filled("号一" + Guid.NewGuid().ToString("N")[..6]);
        first.CitizenIdNumber = number;
        await using (var db = app.DbFor(ShouhuApp.VillageA))
        {
            db.Children.Add(first);
            await db.SaveChangesAsync(Ct);
        }

        await using var again = app.DbFor(ShouhuApp.VillageA);
        var (ok, twin) = (Filled("号二" + Guid.NewGuid().ToString("N")[..6]), Filled("号三" + Guid.NewGuid().ToString("N")[..6]));
        twin.CitizenIdNumber = number;
        again.AddChildrenInBulk([ok, twin], [], "ImportRowsCommitted", "ImportJob", "dup", ShouhuApp.VillageA, null);
        var e = await Assert.ThrowsAsync<DbUpdateException>(() => again.SaveChangesAsync(Ct));
        Assert.True(Shouhu.Web.Features.Children.UniqueIdNumber.IsViolation(e));
        // The next save of this context carries neither the rows nor their entry.
        again.RecordAudit("Probe", "Test", "probe-" + ok.Id, ShouhuApp.VillageA);
        await again.SaveChangesAsync(Ct);
        await using var system = app.SystemDb();
        Assert.False(await system.Children.AnyAsync(c => c.Id == ok.Id || c.Id == twin.Id, Ct));
        Assert.False(await system.AuditEntries.AnyAsync(a => a.EntityId == "dup", Ct));
        Assert.True(await system.AuditEntries.AnyAsync(a => a.EntityId == "probe-" + ok.Id, Ct));
    }

    // Rows of one query, two by two: every column but the named ones holds the same stored value, of the same type.
    private static async Task SameAsync(ShouhuDbContext db, string sql, params string[] except)
    {
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync(Ct);
        await using var cmd = conn.CreateCommand();
#pragma warning disable CA2100 // test constants
        cmd.CommandText = sql;
#pragma warning restore CA2100
        var rows = new List<Dictionary<string, object>>();
        await using (var reader = await cmd.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, reader.GetValue));
            }
        }

        await conn.CloseAsync();
        // The two children's rows sort as two groups in the same order (their names differ only in the first character).
        Assert.True(rows.Count is 2 or 4, $"{sql}: {rows.Count} rows");
        var half = rows.Count / 2;
        for (var i = 0; i < half; i++)
        {
            var (one, other) = (rows[i], rows[i + half]);
            foreach (var (column, value) in one.Where(c => !except.Contains(c.Key)))
            {
                Assert.True(Equals(value, other[column]), $"{sql}: column {column} is {Show(value)} and {Show(other[column])}");
            }

            foreach (var key in except.Where(k => k.EndsWith("Id", StringComparison.Ordinal)))
            {
                Assert.Equal(one[key].GetType(), other[key].GetType());
                Assert.Equal(Shape(one[key]), Shape(other[key]));
            }
        }
    }

    private static string Show(object value) => value is DBNull ? "NULL" : $"{value} ({value.GetType().Name})";

    // The form of a stored key: case and length of a text GUID.
    private static string Shape(object value) => value is string s
        ? $"{s.Length}:{(s.Any(char.IsLower) ? "lower" : string.Empty)}{(s.Any(char.IsUpper) ? "upper" : string.Empty)}:{s.Count(c => c == '-')}"
        : value.GetType().Name;

    // A child with every scalar property of it and of its parts set (a value of each type), so no column goes unchecked.
    private static Child Filled(string name, string region = ShouhuApp.VillageA)
    {
        var child = Fill(new Child { Name = name, BirthDate = new DateOnly(2016, 2, 29), RegionCode = region });
        child.Name = name;
        child.RegionCode = region;
        child.HouseholdRegionCode = region;
        child.CitizenIdNumber = null;
        child.EthnicityCode = "01";
        child.DisabilityGrade = 2;
        child.Guardians = [Guardian(name + "父", GuardianRelation.Father, region), Guardian(name + "母", GuardianRelation.Mother, region)];
        var category = Fill(new ChildCategory { Category = ProtectionCategory.LeftBehind, RegionCode = region, ValidFrom = new DateOnly(2026, 1, 1) });
        category.Basis = name;
        category.RegionCode = region;
        child.Categories = [category];
        var care = Fill(new EntrustedCare { CaregiverName = name + "照护", RegionCode = region });
        care.CaregiverName = name + "照护";
        care.RegionCode = region;
        care.CitizenIdNumber = null;
        child.EntrustedCare = care;
        return child;
    }

    private static Guardian Guardian(string name, GuardianRelation relation, string region)
    {
        var g = Fill(new Guardian { Name = name, Relation = relation, RegionCode = region });
        (g.Name, g.Relation, g.RegionCode, g.CitizenIdNumber, g.WorkRegionCode) = (name, relation, region, null, "4307");
        return g;
    }

    private static T Fill<T>(T o)
        where T : class
    {
        foreach (var p in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.Name is not ("Id" or "ChildId" or "Version")))
        {
            var type = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
            object? value = type == typeof(string) ? "7"
                : type == typeof(int) ? 3
                : type == typeof(long) ? 7L
                : type == typeof(decimal) ? 1.25m
                : type == typeof(double) ? 0.5d
                : type == typeof(bool) ? true
                : type == typeof(DateOnly) ? new DateOnly(2024, 2, 29)
                : type == typeof(DateTime) ? DateTime.SpecifyKind(new DateTime(2026, 11, 30, 16, 5, 7, 123, DateTimeKind.Utc).AddTicks(4560), DateTimeKind.Utc)
                : type == typeof(Guid) ? Guid.Parse("0190a0b1-c2d3-7e4f-8a9b-0c1d2e3f4a5b")
                : type.IsEnum ? Enum.GetValues(type).Cast<object>().Last()
                : null;
            if (value is not null)
            {
                p.SetValue(o, value);
            }
        }

        return o;
    }
}
