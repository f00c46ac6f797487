namespace Shouhu.Domain.Time;

/// <summary>
/// One year of the State Council's holiday arrangement (国务院办公厅关于…年部分节假日安排的通知): the days off
/// (<see cref="Holidays"/>, weekend days inside a holiday may be listed too) and the weekend days that are worked (调休上班).
/// </summary>
/// <param name="Year">The calendar year.</param>
/// <param name="Holidays">Days off of the year's holidays.</param>
/// <param name="MakeUpWorkdays">Saturdays and Sundays that are working days (调休).</param>
/// <param name="Source">The notice the dates come from, e.g. <c>国办发明电〔2024〕12号</c>.</param>
public sealed record CalendarYear(int Year, IReadOnlySet<DateOnly> Holidays, IReadOnlySet<DateOnly> MakeUpWorkdays, string Source)
{
    /// <summary>
    /// What is wrong with the entry, in Chinese (empty when nothing): a date outside <see cref="Year"/>, a make-up
    /// working day that is not a Saturday or Sunday, a day that is both a holiday and a make-up working day.
    /// </summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        problems.AddRange(Holidays.Concat(MakeUpWorkdays).Where(d => d.Year != Year).Select(d => $"{Year} 年的日历含有其他年份的日期 {d:yyyy-MM-dd}"));
        problems.AddRange(MakeUpWorkdays.Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).Select(d => $"调休上班日 {d:yyyy-MM-dd} 不是周六或周日"));
        problems.AddRange(Holidays.Intersect(MakeUpWorkdays).Select(d => $"{d:yyyy-MM-dd} 既是放假日又是调休上班日"));
        return problems;
    }
}

/// <summary>
/// The one working calendar (工作日历) of the city, shared by the response clocks of reports and the 15-working-day
/// verification limits of the register: Monday–Friday are working days, except the year's holidays; Saturdays and Sundays
/// are not, except the make-up working days. A year without an entry counts as weekdays only — callers ask
/// <see cref="MissingYears"/> and warn, and <see cref="EndsOn"/> tells an officer when the calendar needs the next notice.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly Dictionary<int, CalendarYear> _years;

    /// <summary>A calendar of the given years (one entry per year).</summary>
    /// <exception cref="ArgumentException">For two entries of one year.</exception>
    public WorkingCalendar(IEnumerable<CalendarYear> years)
    {
        _years = new Dictionary<int, CalendarYear>();
        foreach (var y in years)
        {
            if (!_years.TryAdd(y.Year, y))
            {
                throw new ArgumentException($"Two calendar entries for {y.Year}.", nameof(years));
            }
        }
    }

    /// <summary>A calendar without any year: every Monday–Friday is a working day.</summary>
    public static WorkingCalendar WeekdaysOnly { get; } = new([]);

    /// <summary>The years with an entry, ascending.</summary>
    public IReadOnlyList<int> Years => _years.Keys.Order().ToList();

    /// <summary>The entry of <paramref name="year"/>, or null.</summary>
    public CalendarYear? Year(int year) => _years.GetValueOrDefault(year);

    /// <summary>31 December of the last year with an entry; null for an empty calendar.</summary>
    public DateOnly? EndsOn => _years.Count == 0 ? null : new DateOnly(_years.Keys.Max(), 12, 31);

    /// <summary>True when <paramref name="date"/> is a working day (see the type's summary).</summary>
    public bool IsWorkingDay(DateOnly date)
    {
        if (_years.TryGetValue(date.Year, out var y))
        {
            if (y.MakeUpWorkdays.Contains(date))
            {
                return true;
            }

            if (y.Holidays.Contains(date))
            {
                return false;
            }
        }

        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>The <paramref name="count"/>th working day after <paramref name="day"/> (the day itself not counted); <paramref name="count"/> at least 1.</summary>
    public DateOnly WorkingDaysAfter(DateOnly day, int count)
    {
        for (var counted = 0; counted < Math.Max(1, count);)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    /// <summary>
    /// The end (24:00 China Standard Time, as a UTC instant) of the <paramref name="count"/>th working day after the China
    /// date of <paramref name="fromUtc"/>: a period "within N working days" counted from the next day (民法典第二百零一条).
    /// </summary>
    public DateTime EndOfWorkingDaysAfter(DateTime fromUtc, int count)
    {
        var day = WorkingDaysAfter(ChinaTime.DateOf(new DateTimeOffset(DateTime.SpecifyKind(fromUtc, DateTimeKind.Utc))), count);
        return ChinaTime.StartOfDayUtc(day.AddDays(1));
    }

    /// <summary>The years between <paramref name="from"/> and <paramref name="to"/> (inclusive) that have no entry, ascending.</summary>
    public IReadOnlyList<int> MissingYears(DateOnly from, DateOnly to) =>
        Enumerable.Range(from.Year, Math.Max(0, to.Year - from.Year + 1)).Where(y => !_years.ContainsKey(y)).ToList();
}
