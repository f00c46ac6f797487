using Shouhu.Domain.Monitoring;

namespace Shouhu.Web.Features.Visits;

/// <summary>
/// Reads the city's visit and re-assessment intervals (<see cref="MonitoringSchedule"/>) from configuration:
/// <c>Monitoring:VisitDays:Low|Medium|High</c> (defaults 30, 14, 7), <c>Monitoring:VisitDays:Category:&lt;Category&gt;</c> (e.g.
/// <c>LeftBehind</c>; default none, i.e. the risk level's), <c>Monitoring:ReassessDays:Low|Medium|High</c> (180, 90, 30) and
/// <c>Monitoring:RequiredServices:Low|Medium|High</c> (comma-separated service types).
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
        var byCategory = new Dictionary<Domain.Children.ProtectionCategory, int>();
        foreach (var k in Enum.GetValues<Domain.Children.ProtectionCategory>())
        {
            if (config[$"Monitoring:VisitDays:Category:{k}"] is { Length: > 0 })
            {
                byCategory[k] = Days($"VisitDays:Category:{k}", 30);
            }
        }

        var services = new Dictionary<Domain.Casework.RiskLevel, IReadOnlyList<Domain.Casework.ServiceType>>(d.RequiredServices);
        foreach (var level in new[] { Domain.Casework.RiskLevel.Low, Domain.Casework.RiskLevel.Medium, Domain.Casework.RiskLevel.High })
        {
            if (config[$"Monitoring:RequiredServices:{level}"] is { Length: > 0 } list)
            {
                services[level] = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(s => Domain.EnumName.TryParse<Domain.Casework.ServiceType>(s, out var t) ? t : throw new InvalidOperationException($"Monitoring:RequiredServices:{level}: '{s}' is no service type."))
                    .ToList();
            }
        }

        return new MonitoringSchedule(
            Days("VisitDays:Low", d.VisitDaysLow), Days("VisitDays:Medium", d.VisitDaysMedium), Days("VisitDays:High", d.VisitDaysHigh),
            Days("ReassessDays:Low", d.ReassessDaysLow), Days("ReassessDays:Medium", d.ReassessDaysMedium), Days("ReassessDays:High", d.ReassessDaysHigh))
        {
            VisitDaysByCategory = byCategory,
            RequiredServices = services,
        };
    }
}
