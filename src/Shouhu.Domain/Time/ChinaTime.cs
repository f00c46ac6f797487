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

    /// <summary>
    /// Full years (周岁) of age on <paramref name="onDate"/>; 0 before the first year is full, negative never. A year of age
    /// is full the day after its birthday (ADR-009): Civil Code art. 201 does not count the day of birth, so the years end
    /// on the birthday (art. 202; 28 February for a 29 February birth in a common year) and are complete from the next day
    /// — as the Supreme People's Court counts 周岁 "从周岁生日的第二天起算" (法释〔2006〕1号 art. 2). On the 18th birthday a
    /// child is still 17.
    /// </summary>
    public static int AgeOn(DateOnly birthDate, DateOnly onDate)
    {
        if (onDate <= birthDate)
        {
            return 0;
        }

        var age = onDate.Year - birthDate.Year;
        if (onDate <= Anniversary(birthDate, age))
        {
            age--;
        }

        return Math.Max(age, 0);
    }

    /// <summary>The first day someone born on <paramref name="birthDate"/> is <paramref name="years"/> full years old: the day after <see cref="Anniversary"/>.</summary>
    public static DateOnly ReachesAge(DateOnly birthDate, int years) => Anniversary(birthDate, years).AddDays(1);

    /// <summary>
    /// The latest birth date of someone who is at least <paramref name="age"/> full years old on <paramref name="onDate"/>:
    /// <c>AgeOn(b, onDate) &gt;= age</c> exactly when <c>b &lt;= LatestBirthDateForAge(age, onDate)</c> (for an age of 1 or
    /// more). Whoever had their birthday by yesterday has reached the age today; on 1 March of a common year, someone born
    /// on 29 February, whose birthday was 28 February, has.
    /// </summary>
    public static DateOnly LatestBirthDateForAge(int age, DateOnly onDate)
    {
        if (age <= 0)
        {
            return onDate; // everyone born by the day is 0 or more
        }

        var yesterday = onDate.AddDays(-1);
        var year = yesterday.Year - age;
        if (yesterday.Month == 2 && yesterday.Day == 28 && !DateTime.IsLeapYear(yesterday.Year) && DateTime.IsLeapYear(year))
        {
            return new DateOnly(year, 2, 29);
        }

        var day = Math.Min(yesterday.Day, DateTime.DaysInMonth(year, yesterday.Month));
        return new DateOnly(year, yesterday.Month, day);
    }
}
