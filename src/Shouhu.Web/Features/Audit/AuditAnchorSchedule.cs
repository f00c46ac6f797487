using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Audit;

/// <summary>
/// Anchors the chain's head every <c>Audit:AnchorMinutes</c> (default 5; 0 turns the timer off) when it has grown, and
/// once at shutdown — besides the anchor every <c>Audit:AnchorEvery</c> entries written by the saves themselves.
/// </summary>
public sealed partial class AuditAnchorSchedule(IServiceProvider services, AuditAnchorLog anchors, IConfiguration config, ILogger<AuditAnchorSchedule> logger) : BackgroundService
{
    private long _lastAnchored;

    /// <summary>Appends the head of the chain in <paramref name="db"/> to <paramref name="log"/> when the chain has any entry; returns its sequence.</summary>
    public static async Task<long> AnchorHeadAsync(ShouhuDbContext db, AuditAnchorLog log, long after = 0, CancellationToken ct = default)
    {
        var head = await db.Beyond<Shouhu.Domain.Audit.AuditEntry>(JurisdictionBypass.AuditChain)
            .OrderByDescending(a => a.Sequence).Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(ct);
        if (head is null || head.Sequence <= after)
        {
            return after;
        }

        log.Append(head.Sequence, head.Hash);
        return head.Sequence;
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = int.TryParse(config["Audit:AnchorMinutes"], out var m) ? m : 5;
        if (minutes <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await AnchorAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <inheritdoc/>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await AnchorAsync(cancellationToken);
    }

    private async Task AnchorAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            await using var db = SystemDatabase.NewSystemContext(scope.ServiceProvider);
            _lastAnchored = await AnchorHeadAsync(db, anchors, _lastAnchored, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e.GetType().FullName ?? "unknown");
        }
    }

    [LoggerMessage(EventId = 701, Level = LogLevel.Warning, Message = "Audit anchor not written: {ExceptionType}")]
    private static partial void LogFailed(ILogger logger, string exceptionType);
}
