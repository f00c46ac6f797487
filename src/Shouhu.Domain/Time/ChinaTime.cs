namespace Shouhu.Domain.Time;

/// <summary>
/// China Standard Time (UTC+8, no daylight saving) and the one age rule used everywhere:
/// lists, statistics, alerts and eligibility all call <see cref="AgeOn"/>.
/// </summary>
public static class ChinaTime
{
    /// <summary>The fixed offset of China Standard Time: +08:00.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The calendar date in China for an instant, whatever the server's own zone.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>Today's date in China according to <paramref name="clock"/>.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());

    /// <summary>00:00 China Standard Time of <paramref name="date"/> as a UTC instant (16:00 UTC of the day before).</summary>
    public static DateTime StartOfDayUtc(DateOnly date) =>
        new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), Offset).UtcDateTime;

    /// <summary>An instant shown in China Standard Time.</summary>
    public static DateTimeOffset ToChina(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Offset);

    /// <summary>
    /// The date on which someone born on <paramref name="birthDate"/> completes <paramref name="years"/> full years.
    /// Civil Code arts. 201–202: a period in years ends on the corresponding day; where that month has no such
    /// day (29 February in a common year) the last day of the month ends it, so the anniversary is 28 February.
    /// </summary>
    public static DateOnly Anniversary(DateOnly birthDate, int years)
    {
        var year = birthDate.Year + years;
        var day = Math.Min(birthDate.Day, DateTime.DaysInMonth(year, birthDate.Month));
        return new DateOnly(year, birthDate.Month, day);
    }

    /// <summary>Full years (周岁) of age on <paramref name="onDate"/>; 0 before the first anniversary, negative never.</summary>
    public static int AgeOn(DateOnly birthDate, DateOnly onDate)
    {
        if (onDate < birthDate)
        {
            return 0;
        }

        var age = onDate.Year - birthDate.Year;
        if (onDate < Anniversary(birthDate, age))
        {
            age--;
        }

        return age;
    }

    /// <summary>
    /// The latest birth date of someone who is at least <paramref name="age"/> full years old on <paramref name="onDate"/>:
    /// <c>AgeOn(b, onDate) &gt;= age</c> exactly when <c>b &lt;= LatestBirthDateForAge(age, onDate)</c>. Consistent with
    /// <see cref="Anniversary"/>: on 28 February of a common year, someone born on 29 February reaches the age.
    /// </summary>
    public static DateOnly LatestBirthDateForAge(int age, DateOnly onDate)
    {
        var year = onDate.Year - age;
        if (onDate.Month == 2 && onDate.Day == 28 && !DateTime.IsLeapYear(onDate.Year) && DateTime.IsLeapYear(year))
        {
            return new DateOnly(year, 2, 29);
        }

        var day = Math.Min(onDate.Day, DateTime.DaysInMonth(year, onDate.Month));
        return new DateOnly(year, onDate.Month, day);
    }
}
