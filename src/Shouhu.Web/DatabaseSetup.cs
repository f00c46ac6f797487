using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Accounts;
using Shouhu.Domain.Regions;
using Shouhu.Web.Features.Regions;
using Shouhu.Web.Shared;

namespace Shouhu.Web;

/// <summary>
/// First-start work, idempotent: migrate, seed the regions of <c>SHOUHU_CITY</c>, the roles, and for each city its
/// civil-affairs bureau and a SystemAdmin over it — <c>admin</c> for the first city, <c>admin-CODE</c> (e.g. <c>admin-5401</c>)
/// for each further one (issue #9 finding 16). A second start creates what is missing (a city added to <c>SHOUHU_CITY</c>)
/// and changes nothing else.
/// </summary>
public static partial class DatabaseSetup
{
    /// <summary>Account name of the administrator of the first city, created at first start.</summary>
    public const string AdminUserName = "admin";

    /// <summary>Prepares the database of <paramref name="app"/>.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<ShouhuOptions>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Shouhu.Startup");
        SystemDatabase.EnsureDataDirectory(options);
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = SystemDatabase.NewSystemContext(sp);
        if (options.MigrateOnStartup)
        {
            var pending = (await db.Database.GetPendingMigrationsAsync()).Count();
            await db.Database.MigrateAsync();
            Say(options, pending > 0
                ? $"数据库已迁移（{options.Provider}{SqliteFile(options)}，应用 {pending} 个迁移）。"
                : $"数据库已是最新（{options.Provider}{SqliteFile(options)}）。");
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
            Say(options, $"已导入区划 {string.Join(',', missing)}：{result.Inserted:N0} 条，用时 {result.Elapsed.TotalSeconds:F1} 秒。");
        }
        else
        {
            Say(options, $"区划 {string.Join(',', options.Cities)} 已在库中。");
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
        foreach (var city in options.Cities)
        {
            await EnsureAdminAsync(db, users, options, city);
        }

        if (app.Services.GetService<Microsoft.AspNetCore.Hosting.Server.IServer>() is { } server)
        {
            app.Lifetime.ApplicationStarted.Register(() =>
            {
                // Kestrel knows its addresses once started (TestServer has none): the line to open, with the account to use.
                var addresses = server.Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses;
                if (addresses is { Count: > 0 })
                {
                    Say(options, $"守护已启动：请用浏览器打开 {string.Join("、", addresses)}，以 {AdminUserName} 登录。");
                }
            });
        }
    }

    /// <summary>Account name of the administrator of <paramref name="city"/>: <c>admin</c> for the first of <c>SHOUHU_CITY</c>, <c>admin-CODE</c> for each further one.</summary>
    public static string AdminNameFor(ShouhuOptions options, string city) =>
        city == options.Cities[0] ? AdminUserName : $"{AdminUserName}-{city}";

    // One SystemAdmin per city, over that city, in its civil-affairs bureau; created once, never changed by a later start.
    private static async Task EnsureAdminAsync(ShouhuDbContext db, UserManager<ShouhuUser> users, ShouhuOptions options, string city)
    {
        var userName = AdminNameFor(options, city);
        var region = await db.Regions.AsNoTracking().FirstAsync(r => r.Code == city);
        if (await users.FindByNameAsync(userName) is { } existing)
        {
            Say(options, $"管理员 {userName} 已存在（辖区 {existing.JurisdictionCode}），未作改动。");
            return;
        }

        var bureauName = region.Name + "民政局";
        var bureau = await db.Organizations.FirstOrDefaultAsync(o => o.RegionCode == city && o.Kind == OrganizationKind.CivilAffairsBureau && o.Name == bureauName);
        if (bureau is null)
        {
            bureau = new Organization { Name = bureauName, Kind = OrganizationKind.CivilAffairsBureau, RegionCode = city, CreatedAt = DateTime.UtcNow };
            db.Organizations.Add(bureau);
            await db.SaveChangesAsync();
        }

        var password = options.AdminPassword ?? RandomPassword();
        var admin = new ShouhuUser
        {
            UserName = userName,
            DisplayName = "系统管理员",
            Role = Roles.SystemAdmin,
            JurisdictionCode = city,
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
        Say(options, $"已创建管理员 {userName}（系统管理员，辖区 {city} {region.Name}）。");
        if (options.AdminPassword is null)
        {
            // Printed once, to the console only, never to the structured log.
            Console.WriteLine($"[守护] 管理员 {userName} 的初始密码（仅显示这一次）: {password}");
        }
    }

    /// <summary>
    /// One short human line per first-start step on the console (<c>[守护] …</c>); with <c>Logging__Format=json</c> the
    /// console carries structured logs only, and the steps are their log events.
    /// </summary>
    private static void Say(ShouhuOptions options, string line)
    {
        if (!options.JsonLogs)
        {
            Console.WriteLine("[守护] " + line);
        }
    }

    private static string SqliteFile(ShouhuOptions options) =>
        options.IsPostgres ? string.Empty : "：" + Path.GetFullPath(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(options.ConnectionString).DataSource);

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

    // Debug: the console already says each start-up step in Chinese (Say); these are for a log collector that asks.
    [LoggerMessage(EventId = 101, Level = LogLevel.Debug, Message = "Planned visit schedules: {Rows} children in {Milliseconds} ms")]
    private static partial void LogSchedulesPlanned(ILogger logger, int rows, long milliseconds);

    [LoggerMessage(EventId = 100, Level = LogLevel.Debug, Message = "Seeded regions {Cities}: {Inserted} rows in {Milliseconds:F0} ms")]
    private static partial void LogRegionsSeeded(ILogger logger, string cities, int inserted, double milliseconds);
}
