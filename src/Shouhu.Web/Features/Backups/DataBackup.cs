using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Shouhu.Data;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Backups;

/// <summary>One file of a backup: its path inside the backup folder (forward slashes), size in bytes and SHA-256 (hex).</summary>
public sealed record BackupFile(string Path, long Bytes, string Sha256);

/// <summary>
/// <c>backup.json</c>, written last into a backup folder: when (UTC), which engine, the audit chain's head sequence at
/// the snapshot, and every file with its checksum — a folder without it is an unfinished backup.
/// </summary>
public sealed record BackupManifest(DateTime CreatedAt, string Provider, long AuditHead, IReadOnlyList<BackupFile> Files);

/// <summary>
/// Backups that restore (issue #17 item 5), consistent while the server runs:
/// <list type="bullet">
/// <item>the audit anchor log is copied first (so every anchor it holds lies within the snapshot),</item>
/// <item>the database: SQLite's <c>VACUUM INTO</c> (one read transaction: a consistent copy, the server keeps writing),
/// PostgreSQL's <c>pg_dump --format=custom</c> (one snapshot),</item>
/// <item>then the attachments folder (after the snapshot, so every attachment row of the copy has its file),</item>
/// <item>last <c>backup.json</c> with every file's SHA-256.</item>
/// </list>
/// Not in the backup, on purpose: the keys folder (the audit chain's HMAC key must be kept apart from database backups —
/// whoever holds both can rewrite the trail; ADR-002) and the transient upload and export files. Restore goes into an
/// empty data folder (SQLite) or an empty database (PostgreSQL), checks every checksum first, and verifies the audit chain
/// afterwards with the key in place.
/// </summary>
public sealed class DataBackup(ShouhuOptions options, Audit.AuditAnchorLog anchors)
{
    /// <summary>The manifest's file name.</summary>
    public const string ManifestName = "backup.json";

    private const string DatabaseSqlite = "shouhu.db";
    private const string DatabasePostgres = "shouhu.pgdump";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private string AttachmentsFolder => Path.Combine(Path.GetFullPath(options.DataDirectory), "attachments");

    /// <summary>Writes a backup into <paramref name="folder"/> (created; refused when it exists and is not empty) and returns its manifest.</summary>
    /// <exception cref="ArgumentException">The folder is not empty.</exception>
    /// <exception cref="InvalidOperationException">pg_dump is missing or failed (its message).</exception>
    public async Task<BackupManifest> BackupAsync(ShouhuDbContext db, string folder, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        folder = Path.GetFullPath(folder);
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new ArgumentException($"备份文件夹不是空的：{folder}（请指定一个新的或空的文件夹）");
        }

        Directory.CreateDirectory(folder);
        var started = DateTime.UtcNow;
        if (File.Exists(anchors.Path))
        {
            File.Copy(anchors.Path, Path.Combine(folder, "audit-anchors.log"));
        }

        var head = await db.AuditEntries.AsNoTracking().MaxAsync(a => (long?)a.Sequence, ct) ?? 0;
        if (options.IsPostgres)
        {
            await RunToolAsync("pg_dump", ["--format=custom", "--no-owner", "--file", Path.Combine(folder, DatabasePostgres)], ct);
        }
        else
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await using var vacuum = connection.CreateCommand();
                vacuum.CommandText = "VACUUM INTO $path";
                vacuum.Parameters.Add(new SqliteParameter("$path", Path.Combine(folder, DatabaseSqlite)));
                await vacuum.ExecuteNonQueryAsync(ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        CopyTree(AttachmentsFolder, Path.Combine(folder, "attachments"));

        var files = new List<BackupFile>();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            OwnerOnly(file);
            files.Add(new BackupFile(Path.GetRelativePath(folder, file).Replace('\\', '/'), new FileInfo(file).Length, await HashAsync(file, ct)));
        }

        var manifest = new BackupManifest(started, options.IsPostgres ? "postgres" : "sqlite", head, files);
        await File.WriteAllTextAsync(Path.Combine(folder, ManifestName), JsonSerializer.Serialize(manifest, Json), ct);
        OwnerOnly(Path.Combine(folder, ManifestName));
        foreach (var directory in Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories).Append(folder))
        {
            OwnerOnly(directory, directory: true);
        }

        return manifest;
    }

    /// <summary>
    /// Restores the backup in <paramref name="folder"/> into the configured data folder and database, which must be empty;
    /// every file's checksum is checked before anything is written.
    /// </summary>
    /// <exception cref="ArgumentException">Not a complete backup, a checksum differs, another engine's backup, or the target is not empty (the message says which).</exception>
    public async Task<BackupManifest> RestoreAsync(string folder, CancellationToken ct = default)
    {
        folder = Path.GetFullPath(folder);
        var manifestPath = Path.Combine(folder, ManifestName);
        if (!File.Exists(manifestPath))
        {
            throw new ArgumentException($"{folder} 里没有 {ManifestName}：不是完整的备份");
        }

        var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(manifestPath, ct), Json)
            ?? throw new ArgumentException($"{ManifestName} 无法读取");
        foreach (var file in manifest.Files)
        {
            var path = Path.GetFullPath(Path.Combine(folder, file.Path));
            if (!path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path) || await HashAsync(path, ct) != file.Sha256)
            {
                throw new ArgumentException($"备份文件 {file.Path} 缺失或已损坏（校验和不符），未恢复任何数据");
            }
        }

        var provider = options.IsPostgres ? "postgres" : "sqlite";
        if (manifest.Provider != provider)
        {
            throw new ArgumentException($"这是 {manifest.Provider} 的备份，当前配置的数据库是 {provider}");
        }

        if (Directory.Exists(AttachmentsFolder) && Directory.EnumerateFileSystemEntries(AttachmentsFolder).Any())
        {
            throw new ArgumentException($"数据文件夹里已有附件：{AttachmentsFolder}（请恢复到空的数据文件夹）");
        }

        if (options.IsPostgres)
        {
            await RunToolAsync("pg_restore", ["--no-owner", "--exit-on-error", "--dbname", Connection().Database!, Path.Combine(folder, DatabasePostgres)], ct);
        }
        else
        {
            var target = Path.GetFullPath(new SqliteConnectionStringBuilder(options.ConnectionString).DataSource);
            if (File.Exists(target) || File.Exists(target + "-wal"))
            {
                throw new ArgumentException($"数据库文件已存在：{target}（请恢复到空的数据文件夹）");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(folder, DatabaseSqlite), target);
            OwnerOnly(target);
        }

        CopyTree(Path.Combine(folder, "attachments"), AttachmentsFolder);

        var anchorCopy = Path.Combine(folder, "audit-anchors.log");
        if (File.Exists(anchorCopy) && !File.Exists(anchors.Path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(anchors.Path)!);
            File.Copy(anchorCopy, anchors.Path);
        }

        return manifest;
    }

    // Every file under `from` (if it exists) to the same place under `to`, readable by the server's account only.
    private static void CopyTree(string from, string to)
    {
        if (!Directory.Exists(from))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            OwnerOnly(target);
        }
    }

    // A backup holds every child's record: readable by the server's account only (files 0600, folders 0700).
    private static void OwnerOnly(string path, bool directory = false)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | (directory ? UnixFileMode.UserExecute : 0));
        }
    }

    private NpgsqlConnectionStringBuilder Connection() => new(options.ConnectionString);

    // pg_dump / pg_restore of the configured database: found on PATH or in Debian's /usr/lib/postgresql/N/bin; the
    // password goes through PGPASSWORD, never the command line.
    private async Task RunToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Concat(Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending(StringComparer.Ordinal).Select(d => Path.Combine(d, "bin")) : [])
            .Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"找不到 {tool}：请安装 PostgreSQL 客户端（postgresql-client）");
        var c = Connection();
        var start = new ProcessStartInfo(found) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "--host", c.Host ?? "localhost", "--port", c.Port.ToString(CultureInfo.InvariantCulture), "--username", c.Username ?? "postgres" })
        {
            start.ArgumentList.Add(a);
        }

        if (tool == "pg_dump")
        {
            start.ArgumentList.Add("--dbname");
            start.ArgumentList.Add(c.Database!);
        }

        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        if (!string.IsNullOrEmpty(c.Password))
        {
            start.Environment["PGPASSWORD"] = c.Password;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} 无法启动");
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} 失败（退出码 {process.ExitCode}）：{(await error).Trim()}");
        }
    }

    private static async Task<string> HashAsync(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }
}

