using Microsoft.EntityFrameworkCore;
using Shouhu.Web.Features.Audit;
using Shouhu.Web.Features.Regions;
using Shouhu.Web.Shared;

namespace Shouhu.Web;

/// <summary>
/// Administrative commands, run as <c>dotnet run --project src/Shouhu.Web -- COMMAND</c> (same configuration as the server):
/// <list type="bullet">
/// <item><c>migrate</c> — apply the migrations of the configured provider.</item>
/// <item><c>regions import CODE[,CODE…]|all</c> — import cities/provinces or all of China from the NBS 2023 file; prints the time taken.</item>
/// <item><c>demo generate N</c> — make the number of synthetic demo children at least N (idempotent).</item>
/// <item><c>audit verify</c> — walk the keyed audit chain and compare it with the anchor file; prints the first broken link, exit code 1 if any.</item>
/// <item><c>backup FOLDER</c> — a consistent backup while the server runs: database, attachments, anchor log, <c>backup.json</c> (<see cref="Features.Backups.DataBackup"/>).</item>
/// <item><c>restore FOLDER</c> — restore a backup into an empty data folder / database, then verify the audit chain.</item>
/// </list>
/// </summary>
public static class ShouhuCommands
{
    /// <summary>Runs a command when <paramref name="args"/> names one; false to start the web application.</summary>
    public static async Task<bool> TryRunAsync(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return false;
        }

        var rest = args.SkipWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = rest, ContentRootPath = AppContext.BaseDirectory });
        builder.AddShouhu();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        await using var app = builder.Build();
        var options = app.Services.GetRequiredService<ShouhuOptions>();
        SystemDatabase.EnsureDataDirectory(options);
        await using var scope = app.Services.CreateAsyncScope();
        var db = SystemDatabase.NewSystemContext(scope.ServiceProvider);
        try
        {
            if (args[0] is "migrate")
            {
                await db.Database.MigrateAsync();
            }

            if (args[0] is "migrate" or "regions" or "demo")
            {
                // The same first-start work as the server: migrations, seeded regions, roles, admin.
                await app.PrepareDatabaseAsync();
            }

            await RunAsync(args, db, options, scope.ServiceProvider);
            if (args[0] is "migrate" or "regions" or "demo")
            {
                // What this command wrote is anchored before it exits (the server anchors its own on a timer and at shutdown).
                await AuditAnchorSchedule.AnchorHeadAsync(db, app.Services.GetRequiredService<AuditAnchorLog>());
            }
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Environment.ExitCode = 2;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or IOException)
        {
            Console.Error.WriteLine($"命令失败（{e.GetType().Name}）：{e.Message}");
            Environment.ExitCode = 1;
        }

        return true;
    }

    private static async Task RunAsync(string[] args, Data.ShouhuDbContext db, ShouhuOptions options, IServiceProvider services)
    {
        switch (args)
        {
            case ["migrate", ..]:
                Console.WriteLine($"已迁移 {options.Provider} 数据库。");
                break;
            case ["regions", "import", var codes, ..]:
                var list = codes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var result = await new RegionImporter(db).ImportAsync(list);
                Console.WriteLine($"区划导入完成：匹配 {result.Matched} 条，新增 {result.Inserted} 条，用时 {result.Elapsed.TotalSeconds:F1} 秒。");
                break;
            case ["demo", "generate", var n, ..] when int.TryParse(n, out var count) && count is > 0 and <= 5_000_000:
                var generated = await new Features.DemoData.DemoDataGenerator(db, TimeProvider.System, services.GetRequiredService<Domain.Children.RegisterSettings>())
                    .EnsureAsync(count, progress: done => Console.Write($"\r{done:N0} …"));
                Console.WriteLine($"\r演示数据：原有 {generated.Existing} 名，新增 {generated.Added} 名，用时 {generated.Elapsed.TotalSeconds:F1} 秒。");
                break;
            case ["audit", "verify", ..]:
                var report = await new AuditVerifier(db, services.GetRequiredService<Data.AuditChain>(), services.GetRequiredService<AuditAnchorLog>()).VerifyAsync();
                Console.WriteLine(report.Message);
                Environment.ExitCode = report.IsIntact ? 0 : 1;
                break;
            case ["backup", var folder, ..]:
                var taken = await new Features.Backups.DataBackup(options, services.GetRequiredService<AuditAnchorLog>()).BackupAsync(db, folder);
                Console.WriteLine($"已备份到 {Path.GetFullPath(folder)}：{taken.Files.Count} 个文件，{taken.Files.Sum(f => f.Bytes) / 1024.0 / 1024.0:F1} MB，审计记录至第 {taken.AuditHead} 条。" +
                    "审计密钥（keys 文件夹或 Audit__Key）不在备份中：请另行妥善保管。");
                break;
            case ["restore", var folder, ..]:
                var restored = await new Features.Backups.DataBackup(options, services.GetRequiredService<AuditAnchorLog>()).RestoreAsync(folder);
                var check = await new AuditVerifier(db, services.GetRequiredService<Data.AuditChain>(), services.GetRequiredService<AuditAnchorLog>()).VerifyAsync();
                Console.WriteLine($"已恢复 {restored.CreatedAt:yyyy-MM-dd HH:mm} UTC 的备份（{restored.Files.Count} 个文件）。审计链：{check.Message}");
                if (!check.IsIntact && check.FirstBrokenSequence == 1)
                {
                    Console.WriteLine("第 1 条即不符，多半是审计密钥与备份时的服务器不同：请把原服务器的审计密钥复制到 Audit__KeyFile（默认 SHOUHU_DATA_DIR/keys/audit-chain.key）或设置 Audit__Key，再运行 audit verify。");
                }

                Environment.ExitCode = check.IsIntact ? 0 : 1;
                break;
            default:
                Console.Error.WriteLine("用法: migrate | regions import CODE[,CODE…]|all | demo generate N | audit verify | backup FOLDER | restore FOLDER");
                Environment.ExitCode = 2;
                break;
        }
    }
}
