using Shouhu.Domain.Casework;
using Shouhu.Domain.Time;

namespace Shouhu.Web.Features.Reports;

/// <summary>
/// Reads the city's response clock (<see cref="ResponseClock"/>) from configuration: <c>Casework:ResponseClock:ImmediateDangerMinutes</c>
/// (default 60), <c>UrgentHours</c> (24), <c>RoutineWorkingDays</c> (3); the working days are those of the one <see cref="WorkingCalendar"/>
/// (<see cref="Shared.WorkingCalendarSettings"/>).
/// </summary>
public static class ResponseClockSettings
{
    /// <summary>The configured clock, or the defaults.</summary>
    /// <exception cref="InvalidOperationException">For a value that is not a positive number.</exception>
    public static ResponseClock From(IConfiguration config, WorkingCalendar calendar)
    {
        var section = config.GetSection("Casework:ResponseClock");
        return new ResponseClock(
            TimeSpan.FromMinutes(Positive(section["ImmediateDangerMinutes"], 60, "ImmediateDangerMinutes")),
            TimeSpan.FromHours(Positive(section["UrgentHours"], 24, "UrgentHours")),
            Positive(section["RoutineWorkingDays"], 3, "RoutineWorkingDays"),
            calendar);
    }

    private static int Positive(string? text, int fallback, string name) =>
        string.IsNullOrWhiteSpace(text) ? fallback
        : int.TryParse(text, out var v) && v > 0 ? v
        : throw new InvalidOperationException($"Casework:ResponseClock:{name} must be a positive whole number.");
}
