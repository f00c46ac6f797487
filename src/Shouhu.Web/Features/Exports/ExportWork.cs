using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Exports;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Exports;

/// <summary>
/// One background export (ADR-016), in a scope of its own that acts as the asking account (<see cref="BackgroundCaller"/>):
/// marks the job writing, has its list (<see cref="IBackgroundExport"/>) write the file under a temporary name, saves the
/// rows written about once a second, and — when the last row is out — renames the file and marks the job ready in the same
/// save as the export's audit entry. A refusal or an error marks it failed with a message; a shutdown leaves it writing,
/// to be written again at the next start.
/// </summary>
public sealed partial class ExportWork(IServiceProvider services, BackgroundCaller caller, ExportFiles files, ExportOwner owner, TimeProvider clock, ILogger<ExportWork> logger)
{
    /// <summary>How long a finished export is kept for its owner to fetch.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    /// <summary>The failure shown when writing failed for a reason other than a refusal.</summary>
    public const string WriteFailed = "导出失败：写入文件时出错，请重新导出";

    /// <summary>Writes export <paramref name="jobId"/> if it is waiting or writing; does nothing otherwise.</summary>
    public async Task RunAsync(Guid jobId, CancellationToken ct)
    {
        ExportJob? stored;
        await using (var system = SystemDatabase.NewSystemContext(services))
        {
            stored = await system.ExportJobs.FirstOrDefaultAsync(j => j.Id == jobId, ct);
            if (stored is null || stored.Status is not (ExportStatus.Waiting or ExportStatus.Writing))
            {
                return;
            }

            stored.Status = ExportStatus.Writing;
            stored.StartedAt = clock.GetUtcNow().UtcDateTime;
            stored.RowsWritten = 0;
            await system.SaveChangesAsync(ct);
        }

        // Written for the account as it is now, not as it was when it asked.
        if (await owner.RefusalAsync(stored, ct) is { } changed)
        {
            await FailAsync(jobId, changed, ct);
            return;
        }

        caller.ActAs(new CallerScope(stored.CreatedBy, stored.CreatedByName, stored.RegionCode, IsSystem: false, ClientAddress: null));
        var export = services.GetServices<IBackgroundExport>().FirstOrDefault(e => e.List == stored.List);
        if (export is null)
        {
            await FailAsync(jobId, "无法导出该列表", ct);
            return;
        }

        var db = services.GetRequiredService<ShouhuDbContext>();
        var job = await db.ExportJobs.FirstAsync(j => j.Id == jobId, ct);
        FileStream output;
        try
        {
            output = files.CreatePart(jobId);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The data folder will not take the file: say so on the job rather than leave it "writing" until a restart.
            LogFailed(logger, e.GetType().FullName ?? "unknown");
            await FailAsync(jobId, WriteFailed, ct);
            return;
        }

        var progress = new ExportProgress(rows =>
        {
            output.Dispose();
            files.Finish(jobId);
            var now = clock.GetUtcNow().UtcDateTime;
            (job.Status, job.RowsWritten, job.FinishedAt, job.ExpiresAt) = (ExportStatus.Ready, rows, now, now + KeptFor);
        });
        using var saving = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var saver = SaveProgressAsync(jobId, progress, saving.Token);
        try
        {
            await export.WriteAsync(stored.Parameters, stored.Role, output, progress, ct);
        }
        catch (ExportRefusedException refused)
        {
            await StopAsync();
            files.Delete(jobId);
            await FailAsync(jobId, refused.Message, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogFailed(logger, e.GetType().FullName ?? "unknown");
            await StopAsync();
            files.Delete(jobId);
            await FailAsync(jobId, WriteFailed, ct);
        }
        finally
        {
            await StopAsync();
            await output.DisposeAsync();
        }

        async Task StopAsync()
        {
            await saving.CancelAsync();
            await saver;
        }
    }

    // The rows written so far, about once a second, while the job is still writing (never over "ready").
    private async Task SaveProgressAsync(Guid jobId, ExportProgress progress, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                var rows = progress.Rows;
                await using var system = SystemDatabase.NewSystemContext(services);
                await system.ExportJobs.Where(j => j.Id == jobId && j.Status == ExportStatus.Writing)
                    .ExecuteUpdateAsync(u => u.SetProperty(j => j.RowsWritten, rows), ct);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped: the final count is saved with "ready".
        }
    }

    private async Task FailAsync(Guid jobId, string failure, CancellationToken ct)
    {
        await using var system = SystemDatabase.NewSystemContext(services);
        var job = await system.ExportJobs.FirstAsync(j => j.Id == jobId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        (job.Status, job.Failure, job.FinishedAt, job.ExpiresAt) = (ExportStatus.Failed, failure, now, now + KeptFor);
        await system.SaveChangesAsync(ct);
    }

    [LoggerMessage(EventId = 711, Level = LogLevel.Error, Message = "Export writing failed: {ExceptionType}")]
    private static partial void LogFailed(ILogger logger, string exceptionType);
}
