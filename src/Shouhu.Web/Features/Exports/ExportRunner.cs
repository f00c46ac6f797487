using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Exports;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Exports;

/// <summary>The exports waiting for <see cref="ExportRunner"/>. Singleton.</summary>
public sealed class ExportQueue : JobQueue;

/// <summary>
/// Writes background exports one at a time (ADR-016), each in a scope of its own acting as the asking account. At start-up
/// it takes up again every export left waiting or writing by a crash or a restart (the file is written again from the
/// first row; its audit entry is saved with "ready", so there is one per file), and once an hour — and at start-up —
/// it deletes the jobs and files past <see cref="ExportJob.ExpiresAt"/>.
/// </summary>
public sealed partial class ExportRunner(IServiceScopeFactory scopes, ExportQueue queue, ExportFiles files, TimeProvider clock, ILogger<ExportRunner> logger) : BackgroundService
{
    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            await using var db = SystemDatabase.NewSystemContext(scope.ServiceProvider);
            foreach (var id in await db.ExportJobs.Where(j => j.Status == ExportStatus.Waiting || j.Status == ExportStatus.Writing)
                         .OrderBy(j => j.CreatedAt).Select(j => j.Id).ToListAsync(stoppingToken))
            {
                queue.Enqueue(id);
            }
        }

        var cleaning = CleanLoopAsync(stoppingToken);
        try
        {
            await foreach (var id in queue.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<ExportWork>().RunAsync(id, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(logger, e.GetType().FullName ?? "unknown");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down: an export being written is written again at the next start.
        }

        await cleaning;
    }

    /// <summary>Deletes the expired jobs and their files; returns how many. Also called by tests.</summary>
    public async Task<int> CleanAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = SystemDatabase.NewSystemContext(scope.ServiceProvider);
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = await db.ExportJobs.Where(j => j.ExpiresAt != null && j.ExpiresAt < now).ToListAsync(ct);
        foreach (var job in expired)
        {
            files.Delete(job.Id);
        }

        db.ExportJobs.RemoveRange(expired);
        await db.SaveChangesAsync(ct);
        return expired.Count;
    }

    private async Task CleanLoopAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        try
        {
            do
            {
                try
                {
                    await CleanAsync(ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(logger, e.GetType().FullName ?? "unknown");
                }
            }
            while (await timer.WaitForNextTickAsync(ct));
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(EventId = 710, Level = LogLevel.Error, Message = "Export run failed: {ExceptionType}")]
    private static partial void LogFailed(ILogger logger, string exceptionType);
}
