using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Imports;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Imports;

/// <summary>The imports waiting for the background runner (<see cref="ImportRunner"/>). Singleton.</summary>
public sealed class ImportQueue : JobQueue;

/// <summary>
/// Runs imports in the background, one at a time, so an import survives the user closing the tab (issue #12 item 6). At
/// start-up it takes up again every import left <see cref="ImportStatus.Validating"/> or
/// <see cref="ImportStatus.Committing"/> by a crash, a <c>kill -9</c> or a restart: the dry run starts over (it writes
/// nothing but its own rows), the commit goes on from the first row not yet written — each batch is one transaction, so
/// there is no half-written child to find.
/// </summary>
public sealed partial class ImportRunner(IServiceScopeFactory scopes, ImportQueue queue, ILogger<ImportRunner> logger) : BackgroundService
{
    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            await using var db = SystemDatabase.NewSystemContext(scope.ServiceProvider);
            foreach (var id in await db.ImportJobs.Where(j => j.Status == ImportStatus.Validating || j.Status == ImportStatus.Committing)
                         .OrderBy(j => j.CreatedAt).Select(j => j.Id).ToListAsync(stoppingToken))
            {
                queue.Enqueue(id);
            }
        }

        try
        {
            await foreach (var id in queue.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<ImportWork>().RunAsync(id, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The import stays in its state and is taken up again at the next start; its type only (no content).
                    LogFailed(logger, e.GetType().FullName ?? "unknown");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down: what is committed is committed; the rest resumes at the next start.
        }
    }

    [LoggerMessage(EventId = 700, Level = LogLevel.Error, Message = "Import run failed: {ExceptionType}")]
    private static partial void LogFailed(ILogger logger, string exceptionType);
}
