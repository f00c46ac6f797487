using Shouhu.Domain.Time;

namespace Shouhu.Domain.Casework;

/// <summary>
/// The response clock of a report (DESIGN C3): how long triage may take for each <see cref="Urgency"/>. Defaults (issue #4):
/// immediate danger 1 hour, urgent 24 hours, routine 3 working days of the city's <see cref="WorkingCalendar"/> (holidays
/// and make-up working days, 调休). A city sets its own in configuration (<c>Casework:ResponseClock:*</c>, <c>WorkingCalendar:*</c>).
/// </summary>
/// <param name="ImmediateDanger">Clock for <see cref="Urgency.ImmediateDanger"/>.</param>
/// <param name="Urgent">Clock for <see cref="Urgency.Urgent"/>.</param>
/// <param name="RoutineWorkingDays">Working days for <see cref="Urgency.Routine"/>: the clock ends at the end (24:00 China time) of the Nth working day after the day of receipt.</param>
/// <param name="Calendar">The working calendar that says which days are working days.</param>
public sealed record ResponseClock(TimeSpan ImmediateDanger, TimeSpan Urgent, int RoutineWorkingDays, WorkingCalendar Calendar)
{
    /// <summary>The defaults of the issue, with no holiday calendar (weekdays only).</summary>
    public static readonly ResponseClock Default = new(TimeSpan.FromHours(1), TimeSpan.FromHours(24), 3, WorkingCalendar.WeekdaysOnly);

    /// <summary>When a report of <paramref name="urgency"/> received at <paramref name="receivedAtUtc"/> must have been triaged (UTC).</summary>
    public DateTime DueAt(Urgency urgency, DateTime receivedAtUtc)
    {
        var received = DateTime.SpecifyKind(receivedAtUtc, DateTimeKind.Utc);
        return urgency switch
        {
            Urgency.ImmediateDanger => received + ImmediateDanger,
            Urgency.Urgent => received + Urgent,
            _ => Calendar.EndOfWorkingDaysAfter(received, RoutineWorkingDays),
        };
    }

    /// <summary>True when <paramref name="date"/> is a working day of <see cref="Calendar"/>.</summary>
    public bool IsWorkingDay(DateOnly date) => Calendar.IsWorkingDay(date);
}
