using Shouhu.Domain.Casework;
using Shouhu.Domain.Time;

namespace Shouhu.Web.Features.Reports;

/// <summary>
/// Reads the city's response clock (<see cref="ResponseClock"/>) from configuration: <c>Casework:ResponseClock:ImmediateDangerMinutes</c>
/// (default 60), <c>UrgentHours</c> (24), <c>RoutineWorkingDays</c> (3), <c>Holidays</c> and <c>MakeUpWorkdays</c> (comma-separated dates).
/// </summary>
public static class ResponseClockSettings
{
    /// <summary>The configured clock, or the defaults.</summary>
    /// <exception cref="InvalidOperationException">For a value that is not a positive number or a date list with a non-date.</exception>
    public static ResponseClock From(IConfiguration config)
    {
        var section = config.GetSection("Casework:ResponseClock");
        return new ResponseClock(
            TimeSpan.FromMinutes(Positive(section["ImmediateDangerMinutes"], 60, "ImmediateDangerMinutes")),
            TimeSpan.FromHours(Positive(section["UrgentHours"], 24, "UrgentHours")),
            Positive(section["RoutineWorkingDays"], 3, "RoutineWorkingDays"),
            Dates(section["Holidays"], "Holidays"),
            Dates(section["MakeUpWorkdays"], "MakeUpWorkdays"));
    }

    private static int Positive(string? text, int fallback, string name) =>
        string.IsNullOrWhiteSpace(text) ? fallback
        : int.TryParse(text, out var v) && v > 0 ? v
        : throw new InvalidOperationException($"Casework:ResponseClock:{name} must be a positive whole number.");

    private static HashSet<DateOnly> Dates(string? text, string name)
    {
        var set = new HashSet<DateOnly>();
        foreach (var part in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            set.Add(DateText.TryParse(part, out var d) ? d : throw new InvalidOperationException($"Casework:ResponseClock:{name}: '{part}' is not a date."));
        }

        return set;
    }
}
