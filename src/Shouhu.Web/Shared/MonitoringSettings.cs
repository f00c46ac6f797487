using Shouhu.Domain.Monitoring;

namespace Shouhu.Web.Shared;

/// <summary>
/// Reads the city's visit and re-assessment intervals (<see cref="MonitoringSchedule"/>) from configuration:
/// <c>Monitoring:VisitDays:Low|Medium|High</c> (defaults 30, 14, 7) and <c>Monitoring:ReassessDays:Low|Medium|High</c> (180, 90, 30).
/// </summary>
public static class MonitoringSettings
{
    /// <summary>The configured schedule, or the defaults.</summary>
    /// <exception cref="InvalidOperationException">For a value that is not a positive whole number.</exception>
    public static MonitoringSchedule From(IConfiguration config)
    {
        var d = MonitoringSchedule.Default;
        int Days(string key, int fallback) =>
            config[$"Monitoring:{key}"] is not { Length: > 0 } text ? fallback
            : int.TryParse(text, out var v) && v > 0 ? v
            : throw new InvalidOperationException($"Monitoring:{key} must be a positive whole number of days.");
        return new MonitoringSchedule(
            Days("VisitDays:Low", d.VisitDaysLow), Days("VisitDays:Medium", d.VisitDaysMedium), Days("VisitDays:High", d.VisitDaysHigh),
            Days("ReassessDays:Low", d.ReassessDaysLow), Days("ReassessDays:Medium", d.ReassessDaysMedium), Days("ReassessDays:High", d.ReassessDaysHigh));
    }
}
