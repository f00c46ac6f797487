using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Shouhu.Data;
using Shouhu.IntegrationTests.Children;
using Shouhu.Web.Features.Audit;
using Shouhu.Web.Features.Backups;
using Shouhu.Web.Shared;
using static Shouhu.IntegrationTests.Api;

namespace Shouhu.IntegrationTests.Platform;

/// <summary>
/// Backups that restore (issue #17 item 5): a backup taken while children are being registered holds every registration
/// acknowledged before it began, the attachments, and an audit chain that verifies after a restore into an empty data
/// folder (SQLite) or an empty database (PostgreSQL); a damaged backup or a non-empty target is refused, nothing written.
/// </summary>
public sealed class BackupRestoreTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DataBackup BackupOf(ShouhuOptions options, string anchorFile) =>
        new(options, new AuditAnchorLog(anchorFile, NullLogger<AuditAnchorLog>.Instance));

    // The restore target: a new data folder, and on PostgreSQL a new empty database beside the test's.
    private async Task<ShouhuOptions> TargetAsync(string dataDir)
    {
        if (app.Provider == "postgres")
        {
            var builder = new NpgsqlConnectionStringBuilder(app.ConnectionString);
            var name = "restore_" + Guid.NewGuid().ToString("N")[..12];
            await using (var admin = new NpgsqlConnection(builder.ConnectionString))
            {
                await admin.OpenAsync(Ct);
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
                await create.ExecuteNonQueryAsync(Ct);
            }

            builder.Database = name;
            return new ShouhuOptions { Provider = "postgres", ConnectionString = builder.ConnectionString, DataDirectory = dataDir };
        }

        return new ShouhuOptions { Provider = "sqlite", ConnectionString = $"Data Source={Path.Combine(dataDir, "shouhu.db")}", DataDirectory = dataDir };
    }

    private static ShouhuDbContext Open(ShouhuOptions options)
    {
        var builder = new DbContextOptionsBuilder<ShouhuDbContext>();
        if (options.IsPostgres)
        {
            builder.UseNpgsql(options.ConnectionString);
        }
        else
        {
            builder.UseSqlite(options.ConnectionString);
        }

        return new ShouhuDbContext(builder.Options, new FixedCallerContext(CallerScope.System));
    }

    [Fact]
    public async Task Backup_UnderWriteLoad_RestoresEveryAcknowledgedWrite_TheAttachments_AndAVerifyingAuditChain()
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        using var supervisor = await app.UserAsync("ChildSupervisor", "430702001");
        var report = await OkJson(await supervisor.PostAsJsonAsync("/api/v1/reports", new
        {
            channel = "Hotline", receivedAt = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("o"), concernTypes = new[] { "Neglect" }, urgency = "Routine",
            narrative = "备份测试", regionCode = ShouhuApp.VillageA, child = new { name = "备份童", description = "邻居家的孩子" },
        }, Ct), HttpStatusCode.Created);
        var attachment = "%PDF-1.4 备份附件"u8.ToArray();
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new ByteArrayContent(attachment), "file", "来电记录.pdf");
            await OkJson(await supervisor.PostAsync($"/api/v1/reports/{report.GetProperty("id")}/attachments", form, Ct), HttpStatusCode.Created);
        }

        // Registrations keep coming while the backup is taken; each one's id is noted once the server acknowledged it.
        var acknowledged = new ConcurrentQueue<(Guid Id, DateTime At)>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var writer = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var answer = await director.PostAsJsonAsync("/api/v1/children",
                    ChildrenTests.ChildBody($"备份{i}", ShouhuApp.NewIdNumber(new DateOnly(2015, 1, 1).AddDays(i % 300), true), ShouhuApp.VillageA), CancellationToken.None);
                if (answer.StatusCode == HttpStatusCode.Created)
                {
                    acknowledged.Enqueue(((await Json(answer)).GetProperty("id").GetGuid(), DateTime.UtcNow));
                }
            }
        }, CancellationToken.None);
        while (acknowledged.Count < 10)
        {
            await Task.Delay(50, Ct);
        }

        var options = app.Services.GetRequiredService<ShouhuOptions>();
        var anchorLog = app.Services.GetRequiredService<AuditAnchorLog>();
        var folder = Path.Combine(Path.GetTempPath(), "shouhu-backup-" + Guid.NewGuid().ToString("N"));
        var began = DateTime.UtcNow;
        BackupManifest manifest;
        await using (var live = app.SystemDb())
        {
            manifest = await BackupOf(options, anchorLog.Path).BackupAsync(live, folder, Ct);
        }

        await Task.Delay(300, Ct); // and a few more after it
        await stop.CancelAsync();
        await writer;
        var before = acknowledged.Where(a => a.At < began).Select(a => a.Id).ToList();
        Assert.True(before.Count >= 10);
        Assert.Contains(manifest.Files, f => f.Path.StartsWith("attachments/", StringComparison.Ordinal));
        Assert.DoesNotContain(manifest.Files, f => f.Path.StartsWith("keys/", StringComparison.Ordinal)); // the audit key is kept apart
        if (!OperatingSystem.IsWindows())
        {
            foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file)); // a backup is every child's record
            }
        }

        // Into an empty data folder (and database).
        var dataDir = Path.Combine(Path.GetTempPath(), "shouhu-restored-" + Guid.NewGuid().ToString("N"));
        var target = await TargetAsync(dataDir);
        var restoredAnchors = Path.Combine(dataDir, "audit-anchors.log");
        await BackupOf(target, restoredAnchors).RestoreAsync(folder, Ct);

        await using (var restored = Open(target))
        {
            var ids = await restored.Children.Where(c => before.Contains(c.Id)).Select(c => c.Id).ToListAsync(Ct);
            Assert.Equal(before.Order(), ids.Order());
            Assert.True(await restored.Attachments.AnyAsync(Ct));
            var verified = await new AuditVerifier(restored, app.Services.GetRequiredService<AuditChain>(), new AuditAnchorLog(restoredAnchors, NullLogger<AuditAnchorLog>.Instance)).VerifyAsync(Ct);
            Assert.True(verified.IsIntact, verified.Message);
            Assert.True(verified.Checked >= manifest.AuditHead);
        }

        var files = Directory.GetFiles(Path.Combine(dataDir, "attachments"), "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => File.ReadAllBytes(f).AsSpan().SequenceEqual(attachment));

        // The same backup again into the now filled target: refused, nothing changed.
        var again = await Assert.ThrowsAsync<ArgumentException>(() => BackupOf(target, restoredAnchors).RestoreAsync(folder, Ct));
        Assert.Contains("空的数据文件夹", again.Message, StringComparison.Ordinal);

        // A damaged backup is refused before anything is written.
        var database = manifest.Files.First(f => f.Path.StartsWith("shouhu.", StringComparison.Ordinal)).Path;
        await using (var damage = File.OpenWrite(Path.Combine(folder, database)))
        {
            damage.Seek(-1, SeekOrigin.End);
            damage.WriteByte(0x5A);
        }

        var elsewhere = await TargetAsync(Path.Combine(Path.GetTempPath(), "shouhu-restored-" + Guid.NewGuid().ToString("N")));
        var damaged = await Assert.ThrowsAsync<ArgumentException>(() => BackupOf(elsewhere, Path.Combine(elsewhere.DataDirectory, "a.log")).RestoreAsync(folder, Ct));
        Assert.Contains("校验和不符", damaged.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(elsewhere.DataDirectory, "attachments")));
        Assert.False(File.Exists(Path.Combine(elsewhere.DataDirectory, "shouhu.db")));

        // Nor is a backup written over a folder that holds something.
        var full = await Assert.ThrowsAsync<ArgumentException>(async () =>
        {
            await using var live = app.SystemDb();
            await BackupOf(options, anchorLog.Path).BackupAsync(live, folder, Ct);
        });
        Assert.Contains("不是空的", full.Message, StringComparison.Ordinal);
    }
}
