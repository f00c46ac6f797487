using Shouhu.Domain.Time;

namespace Shouhu.Domain.Children;

/// <summary>
/// How long a category may wait at one level of the verification chain: the township verifies (查验) and the county
/// confirms (确认) each within 15 working days (民发〔2019〕62号 as the provinces apply it, DOMAIN.md §1), counted from the
/// day after submission (or township verification) and ending at 24:00 China time of the 15th working day of the
/// <see cref="WorkingCalendar"/>.
/// </summary>
public static class VerificationLimit
{
    /// <summary>Working days per level: 15.</summary>
    public const int WorkingDays = 15;

    /// <summary>When a step waiting since <paramref name="sinceUtc"/> is due (UTC).</summary>
    public static DateTime DueAt(DateTime sinceUtc, WorkingCalendar calendar) => calendar.EndOfWorkingDaysAfter(sinceUtc, WorkingDays);

    /// <summary>
    /// The instant before which a step must have started to be overdue at <paramref name="nowUtc"/>: <c>since &lt; cutoff</c>
    /// exactly when <c>DueAt(since) &lt;= now</c> (the due time depends only on the China date of the start, and grows with it),
    /// so a database query can filter by it.
    /// </summary>
    public static DateTime OverdueCutoff(DateTime nowUtc, WorkingCalendar calendar)
    {
        var day = ChinaTime.DateOf(new DateTimeOffset(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc)));
        while (DueAt(ChinaTime.StartOfDayUtc(day), calendar) > nowUtc)
        {
            day = day.AddDays(-1);
        }

        return ChinaTime.StartOfDayUtc(day.AddDays(1));
    }
}
