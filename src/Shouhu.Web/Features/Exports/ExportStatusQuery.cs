using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Exports;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Exports;

/// <summary>
/// A background export as its owner sees it (<c>GET /api/v1/exports/{id}</c>): <c>status</c> is <c>waiting</c>,
/// <c>writing</c>, <c>ready</c> or <c>failed</c>; times in China Standard Time; <c>secondsLeft</c> estimated from the
/// rate so far while writing, else null; <c>failure</c> in Chinese when failed.
/// </summary>
public sealed record ExportJobResponse(Guid Id, string List, string Status, long RowsTotal, long RowsWritten, string FileName,
    DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, DateTimeOffset? ExpiresAt, int? SecondsLeft, string? Failure);

/// <summary>Reads the caller's own background exports: another account's — any jurisdiction, any role — is not found.</summary>
public sealed class ExportStatusQuery(ShouhuDbContext db, TimeProvider clock)
{
    /// <summary>The lower-case status name of the API.</summary>
    public static string StatusName(ExportStatus s) => s.ToString().ToLowerInvariant();

    /// <summary>The caller's job <paramref name="id"/>, or null.</summary>
    public Task<ExportJob?> FindAsync(Guid id, CancellationToken ct) =>
        db.ExportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.CreatedBy == db.Caller.ActorId, ct);

    /// <summary>The caller's job <paramref name="id"/> as answered, or null.</summary>
    public async Task<ExportJobResponse?> GetAsync(Guid id, CancellationToken ct) =>
        await FindAsync(id, ct) is { } job ? Response(job) : null;

    /// <summary>The caller's exports of the last day, newest first (at most 50).</summary>
    public async Task<IReadOnlyList<ExportJobResponse>> MineAsync(CancellationToken ct)
    {
        var jobs = await db.ExportJobs.AsNoTracking().Where(j => j.CreatedBy == db.Caller.ActorId)
            .OrderByDescending(j => j.CreatedAt).Take(50).ToListAsync(ct);
        return jobs.Select(Response).ToList();
    }

    /// <summary>The answer for <paramref name="job"/> now.</summary>
    public ExportJobResponse Response(ExportJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        int? left = null;
        if (job.Status == ExportStatus.Writing && job.StartedAt is { } started && job.RowsWritten > 0)
        {
            var seconds = (clock.GetUtcNow().UtcDateTime - started).TotalSeconds;
            left = (int)Math.Ceiling(Math.Max(0, job.RowsTotal - job.RowsWritten) * seconds / job.RowsWritten);
        }

        return new ExportJobResponse(job.Id, job.List, StatusName(job.Status), job.RowsTotal, job.RowsWritten, job.FileName,
            ChinaTime.ToChina(job.CreatedAt), job.FinishedAt is { } f ? ChinaTime.ToChina(f) : null,
            job.ExpiresAt is { } e ? ChinaTime.ToChina(e) : null, left, job.Failure);
    }
}

/// <summary>Why a finished export cannot be fetched (<see cref="DownloadExport"/>).</summary>
public enum DownloadRefusal
{
    /// <summary>It can: the file is open.</summary>
    None,
    /// <summary>No such export of the caller's (another account's is not found either).</summary>
    NotFound,
    /// <summary>Still waiting or writing.</summary>
    NotReady,
    /// <summary>It failed; the reason is the job's failure.</summary>
    Failed,
    /// <summary>The file is gone (expired, or the data folder was restored without it).</summary>
    Expired,
}

/// <summary>The opened file and its download name, or the refusal with its reason in Chinese.</summary>
public sealed record OpenedExport(FileStream? File, string? FileName, DownloadRefusal Refusal, string? Reason);

/// <summary>
/// Fetching a finished export: only its owner, only while ready; each fetch is audited (<c>ExportDownload</c>, the job's
/// id and row count — the rows' children are in the export's own entry).
/// </summary>
public sealed class DownloadExport(ShouhuDbContext db, ExportStatusQuery query, ExportFiles files, ExportOwner owner, TimeProvider clock)
{
    /// <summary>Opens the caller's export <paramref name="id"/> for sending, or says why not.</summary>
    public async Task<OpenedExport> OpenAsync(Guid id, CancellationToken ct)
    {
        var job = await query.FindAsync(id, ct);
        // The account as it is now: one that lost the role, the jurisdiction or its approval since it asked finds nothing.
        if (job is null || await owner.RefusalAsync(job, ct) is not null)
        {
            return new(null, null, DownloadRefusal.NotFound, "未找到该导出。");
        }

        if (job.Status is ExportStatus.Waiting or ExportStatus.Writing)
        {
            return new(null, null, DownloadRefusal.NotReady, "文件尚未写完，请稍候。");
        }

        if (job.Status == ExportStatus.Failed)
        {
            return new(null, null, DownloadRefusal.Failed, job.Failure);
        }

        if (job.ExpiresAt <= clock.GetUtcNow().UtcDateTime || files.Open(id) is not { } file)
        {
            return new(null, null, DownloadRefusal.Expired, "文件已过期，请重新导出。");
        }

        db.RecordAudit("ExportDownload", nameof(ExportJob), id.ToString(), job.RegionCode, $"list={job.List}; rows={job.RowsWritten}");
        await db.SaveChangesAsync(ct);
        return new(file, job.FileName, DownloadRefusal.None, null);
    }
}

/// <summary>
/// Whether the account that asked for an export may still have it (ADR-016): it exists, is approved and not locked or
/// disabled, and still has the role and the jurisdiction the job was asked in — checked before the file is written and
/// again before each download, so a move or a demotion takes the export with it.
/// </summary>
public sealed class ExportOwner(IServiceProvider services, TimeProvider clock)
{
    /// <summary>The refusal shown on the job when the account changed before its file was written.</summary>
    public const string Changed = "导出人的账号已变更（角色、辖区或状态），未生成文件；如仍需要，请重新导出";

    /// <summary>Null when <paramref name="job"/>'s owner may still have it; else <see cref="Changed"/>.</summary>
    public async Task<string?> RefusalAsync(ExportJob job, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var system = SystemDatabase.NewSystemContext(services);
        var now = clock.GetUtcNow();
        var account = await system.Users.AsNoTracking().Where(u => u.Id == job.CreatedBy)
            .Select(u => new { u.Role, u.JurisdictionCode, u.IsApproved, u.LockoutEnd }).FirstOrDefaultAsync(ct);
        return account is not null && account.IsApproved && (account.LockoutEnd is null || account.LockoutEnd <= now)
               && account.Role == job.Role && account.JurisdictionCode == job.RegionCode
            ? null
            : Changed;
    }
}
