namespace Shouhu.Web.Features.Alerts;

/// <summary>
/// Runs the alert engine over everything on a schedule (<c>Alerts:IntervalMinutes</c>, default 60; 0 turns it off). The
/// first run comes <c>Alerts:FirstRunDelaySeconds</c> (default 60) after start-up — not at once, so a start is never slowed
/// down by it, and not a whole interval later, so a server restarted often still runs it.
/// </summary>
public sealed partial class AlertSchedule(IServiceScopeFactory scopes, IConfiguration config, ILogger<AlertSchedule> logger) : BackgroundService
{
    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = int.TryParse(config["Alerts:IntervalMinutes"], out var m) ? m : 60;
        if (minutes <= 0)
        {
            return;
        }

        var delay = int.TryParse(config["Alerts:FirstRunDelaySeconds"], out var s) ? Math.Max(0, s) : 60;
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(delay), stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<AlertEngine>().RunAsync("system", "system", null, null, stoppingToken);
                LogRun(logger, result.Created, result.Closed, result.Open, result.ElapsedMs);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e.GetType().FullName ?? "unknown");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 600, Level = LogLevel.Information, Message = "Alert run: {Created} created, {Closed} closed, {Open} open, {ElapsedMs} ms")]
    private static partial void LogRun(ILogger logger, int created, int closed, int open, long elapsedMs);

    [LoggerMessage(EventId = 601, Level = LogLevel.Error, Message = "Alert run failed: {ExceptionType}")]
    private static partial void LogFailed(ILogger logger, string exceptionType);

    /// <summary>A child's run after a change failed (the scheduled run will catch up); the exception's type only.</summary>
    [LoggerMessage(EventId = 602, Level = LogLevel.Warning, Message = "Alert run for one child failed: {ExceptionType}")]
    internal static partial void LogChildRunFailed(ILogger logger, string exceptionType);
}
