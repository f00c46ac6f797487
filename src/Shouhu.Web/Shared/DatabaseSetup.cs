using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Accounts;
using Shouhu.Domain.Regions;
using Shouhu.Web.Features.Regions;

namespace Shouhu.Web.Shared;

/// <summary>
/// First-start work, idempotent: migrate, seed the regions of <c>SHOUHU_CITY</c>, the roles, the city's civil-affairs
/// bureau and the <c>admin</c> account. A second start on the same data changes nothing.
/// </summary>
public static partial class DatabaseSetup
{
    /// <summary>Account name of the administrator created at first start.</summary>
    public const string AdminUserName = "admin";

    /// <summary>Prepares the database of <paramref name="app"/>.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<ShouhuOptions>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Shouhu.Startup");
        EnsureDataDirectory(options);
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = NewSystemContext(sp);
        if (options.MigrateOnStartup)
        {
            await db.Database.MigrateAsync();
        }

        if (!options.IsPostgres)
        {
            // WAL lets readers go on while one writer writes; the setting is kept in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            // Refreshes planner statistics where they are stale (cheap when they are not).
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize;");
        }

        var missing = new List<string>();
        foreach (var city in options.Cities)
        {
            if (!await db.Regions.AnyAsync(r => r.Code == city))
            {
                missing.Add(city);
            }
        }

        if (missing.Count > 0)
        {
            var result = await new RegionImporter(db).ImportAsync(missing);
            LogRegionsSeeded(logger, string.Join(',', missing), result.Inserted, result.Elapsed.TotalMilliseconds);
        }

        // The default guardianship-risk instrument is version 1 (a city adds its own versions later).
        await Features.Assessments.Instruments.EnsureDefaultAsync(db, TimeProvider.System, CancellationToken.None);

        // Visit schedules are derived rows: a register from before them, or filled by `demo generate`, gets them once,
        // here, so the due lists are right from the first request (later changes are kept by the use cases and runs).
        if (!await db.VisitSchedules.AnyAsync() && await db.ChildCategories.AnyAsync())
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var planned = await sp.GetRequiredService<Features.Visits.VisitPlanner>().ReconcileAsync(db, null, CancellationToken.None);
            LogSchedulesPlanned(logger, planned, watch.ElapsedMilliseconds);
        }

        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var users = sp.GetRequiredService<UserManager<ShouhuUser>>();
        if (await users.FindByNameAsync(AdminUserName) is null)
        {
            var jurisdiction = CommonJurisdiction(options.Cities);
            var region = await db.Regions.AsNoTracking().FirstAsync(r => r.Code == jurisdiction);
            var bureau = new Organization
            {
                Name = region.Name + "民政局",
                Kind = OrganizationKind.CivilAffairsBureau,
                RegionCode = region.Code,
                CreatedAt = DateTime.UtcNow,
            };
            db.Organizations.Add(bureau);
            await db.SaveChangesAsync();

            var password = options.AdminPassword ?? RandomPassword();
            var admin = new ShouhuUser
            {
                UserName = AdminUserName,
                DisplayName = "系统管理员",
                Role = Roles.SystemAdmin,
                JurisdictionCode = jurisdiction,
                OrganizationId = bureau.Id,
                IsApproved = true,
                CreatedAt = DateTime.UtcNow,
            };
            var created = await users.CreateAsync(admin, password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("SHOUHU_ADMIN_PASSWORD: " + string.Join("; ", created.Errors.Select(e => e.Description)));
            }

            await users.AddToRoleAsync(admin, Roles.SystemAdmin);
            if (options.AdminPassword is null)
            {
                // Printed once, to the console only, never to the structured log.
                Console.WriteLine($"[守护] 已创建管理员账号 admin，初始密码（仅显示这一次）: {password}");
            }
        }
    }

    /// <summary>Creates the folder of the SQLite file (SQLite creates the file, not its folder).</summary>
    public static void EnsureDataDirectory(ShouhuOptions options)
    {
        if (!options.IsPostgres)
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(options.ConnectionString).DataSource));
            if (dir is not null)
            {
                Directory.CreateDirectory(dir);
            }
        }
    }

    /// <summary>A context that acts as the application itself (every region), for start-up and commands.</summary>
    public static ShouhuDbContext NewSystemContext(IServiceProvider sp) =>
        new(sp.GetRequiredService<Microsoft.EntityFrameworkCore.DbContextOptions<ShouhuDbContext>>(), new FixedCallerContext(CallerScope.System));

    /// <summary>The longest level-aligned code prefix shared by every city (the admin's jurisdiction); the first city when they share none.</summary>
    public static string CommonJurisdiction(IReadOnlyList<string> cities)
    {
        var prefix = cities[0];
        foreach (var c in cities.Skip(1))
        {
            var n = 0;
            while (n < prefix.Length && n < c.Length && prefix[n] == c[n])
            {
                n++;
            }

            prefix = prefix[..n];
        }

        while (prefix.Length > 0 && RegionCode.LevelOf(prefix) is null)
        {
            prefix = prefix[..^1];
        }

        return prefix.Length > 0 ? prefix : cities[0];
    }

    private static string RandomPassword()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        var chars = new char[16];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }

        // Guarantee three classes whatever the draw.
        return new string(chars) + "Aa7";
    }

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Planned visit schedules: {Rows} children in {Milliseconds} ms")]
    private static partial void LogSchedulesPlanned(ILogger logger, int rows, long milliseconds);

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Seeded regions {Cities}: {Inserted} rows in {Milliseconds:F0} ms")]
    private static partial void LogRegionsSeeded(ILogger logger, string cities, int inserted, double milliseconds);
}
