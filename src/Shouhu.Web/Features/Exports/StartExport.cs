using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Exports;
using Shouhu.Domain.Time;

namespace Shouhu.Web.Features.Exports;

/// <summary>
/// Queues a list's export for the background (ADR-016) as the calling account: the job is stored first (so it survives a
/// restart), then handed to the runner. An account has at most <see cref="MaxUnfinished"/> exports waiting or writing.
/// </summary>
public sealed class StartExport(ShouhuDbContext db, ExportQueue queue, TimeProvider clock)
{
    /// <summary>Most exports one account may have waiting or writing at once.</summary>
    public const int MaxUnfinished = 2;

    /// <summary>The refusal when <see cref="MaxUnfinished"/> are running.</summary>
    public const string TooMany = "您已有 2 个导出正在进行，请等其完成后再导出";

    /// <summary>
    /// Stores and queues the export of <paramref name="list"/> (a registered <see cref="IBackgroundExport.List"/>) with
    /// <paramref name="parameters"/> (serialised as the list reads them) for the caller in <paramref name="role"/>;
    /// <paramref name="rowsTotal"/> is the list's count now and <paramref name="name"/> the download's name without date.
    /// Returns the job, or null when the caller has <see cref="MaxUnfinished"/> already.
    /// </summary>
    public async Task<ExportJob?> StartAsync<T>(string list, T parameters, string role, long rowsTotal, string name, CancellationToken ct)
    {
        var caller = db.Caller;
        // The count and the insert as one step per account (parallel requests could otherwise each see room for one more).
        var gate = Gates.GetOrAdd(caller.ActorId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            return await StartLockedAsync(list, parameters, role, rowsTotal, name, caller, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    // One gate per account, for the life of the process (a few hundred accounts at most ask for background exports).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    private async Task<ExportJob?> StartLockedAsync<T>(string list, T parameters, string role, long rowsTotal, string name, CallerScope caller, CancellationToken ct)
    {
        var unfinished = await db.ExportJobs.CountAsync(j => j.CreatedBy == caller.ActorId && (j.Status == ExportStatus.Waiting || j.Status == ExportStatus.Writing), ct);
        if (unfinished >= MaxUnfinished)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var job = new ExportJob
        {
            Id = Guid.CreateVersion7(),
            RegionCode = caller.JurisdictionCode ?? string.Empty,
            List = list,
            Parameters = JsonSerializer.Serialize(parameters, ExportJson.Options),
            CreatedBy = caller.ActorId,
            CreatedByName = caller.ActorName,
            Role = role,
            FileName = $"{name}-{ChinaTime.Today(clock).ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.xlsx",
            RowsTotal = rowsTotal,
            CreatedAt = now,
        };
        db.ExportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        queue.Enqueue(job.Id);
        return job;
    }
}

/// <summary>The JSON of <see cref="ExportJob.Parameters"/>: web defaults (camelCase).</summary>
public static class ExportJson
{
    /// <summary>The options every list reads and writes its parameters with.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
