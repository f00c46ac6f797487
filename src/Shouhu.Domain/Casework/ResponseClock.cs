using Shouhu.Domain.Time;

namespace Shouhu.Domain.Casework;

/// <summary>
/// The response clock of a report (DESIGN C3): how long triage may take for each <see cref="Urgency"/>. Defaults (issue #4):
/// immediate danger 1 hour, urgent 24 hours, routine 3 working days. A city sets its own in configuration
/// (<c>Casework:ResponseClock:*</c>), with its public holidays and make-up working days (调休), which change every year.
/// </summary>
/// <param name="ImmediateDanger">Clock for <see cref="Urgency.ImmediateDanger"/>.</param>
/// <param name="Urgent">Clock for <see cref="Urgency.Urgent"/>.</param>
/// <param name="RoutineWorkingDays">Working days for <see cref="Urgency.Routine"/>: the clock ends at the end (24:00 China time) of the Nth working day after the day of receipt.</param>
/// <param name="Holidays">Public holidays that fall on weekdays (not working days).</param>
/// <param name="MakeUpWorkdays">Weekend days that are working days (调休上班).</param>
public sealed record ResponseClock(TimeSpan ImmediateDanger, TimeSpan Urgent, int RoutineWorkingDays, IReadOnlySet<DateOnly> Holidays, IReadOnlySet<DateOnly> MakeUpWorkdays)
{
    /// <summary>The defaults of the issue, with no holiday calendar.</summary>
    public static readonly ResponseClock Default = new(TimeSpan.FromHours(1), TimeSpan.FromHours(24), 3, new HashSet<DateOnly>(), new HashSet<DateOnly>());

    /// <summary>When a report of <paramref name="urgency"/> received at <paramref name="receivedAtUtc"/> must have been triaged (UTC).</summary>
    public DateTime DueAt(Urgency urgency, DateTime receivedAtUtc)
    {
        var received = DateTime.SpecifyKind(receivedAtUtc, DateTimeKind.Utc);
        return urgency switch
        {
            Urgency.ImmediateDanger => received + ImmediateDanger,
            Urgency.Urgent => received + Urgent,
            _ => EndOfWorkingDay(received),
        };
    }

    /// <summary>True when <paramref name="date"/> is a working day: Monday–Friday except holidays, plus make-up working days.</summary>
    public bool IsWorkingDay(DateOnly date) =>
        MakeUpWorkdays.Contains(date) || (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Holidays.Contains(date));

    private DateTime EndOfWorkingDay(DateTime receivedUtc)
    {
        var day = ChinaTime.DateOf(new DateTimeOffset(receivedUtc));
        for (var counted = 0; counted < Math.Max(1, RoutineWorkingDays);)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        // 24:00 China time of that day = 16:00 UTC of the same date.
        return new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).UtcDateTime;
    }
}
