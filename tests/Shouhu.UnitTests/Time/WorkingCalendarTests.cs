using Shouhu.Domain.Casework;
using Shouhu.Domain.Children;
using Shouhu.Domain.Time;
using Xunit;

namespace Shouhu.UnitTests;

/// <summary>The one working calendar (issue #11 §9): the 2026 notice, 调休 days, a year missing, and the clocks that use it.</summary>
public sealed class WorkingCalendarTests
{
    private static HashSet<DateOnly> Days(params string[] ranges) =>
        ranges.SelectMany(r =>
        {
            var ends = r.Split('~');
            var (from, to) = (DateOnly.Parse(ends[0], System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(ends[^1], System.Globalization.CultureInfo.InvariantCulture));
            return Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays);
        }).ToHashSet();

    /// <summary>国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04), as appsettings.json carries it.</summary>
    public static readonly WorkingCalendar Calendar2026 = new([new CalendarYear(2026,
        Days("2026-01-01~2026-01-03", "2026-02-15~2026-02-23", "2026-04-04~2026-04-06", "2026-05-01~2026-05-05", "2026-06-19~2026-06-21", "2026-09-25~2026-09-27", "2026-10-01~2026-10-07"),
        Days("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"), "2026 notice")]);

    private static DateTime Utc(string chinaLocal) => new DateTimeOffset(DateTime.Parse(chinaLocal, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromHours(8)).UtcDateTime;

    private static readonly ResponseClock Clock = ResponseClock.Default with { Calendar = Calendar2026 };

    [Theory]
    [InlineData("2026-02-14", true)]  // Saturday, 调休上班 before 春节
    [InlineData("2026-02-28", true)]  // Saturday, 调休上班 after 春节
    [InlineData("2026-02-16", false)] // Monday inside 春节
    [InlineData("2026-02-23", false)] // Monday, last day of 春节
    [InlineData("2026-02-24", true)]  // Tuesday after
    [InlineData("2026-01-04", true)]  // Sunday worked after 元旦
    [InlineData("2026-09-25", false)] // Friday, 中秋
    [InlineData("2026-10-08", true)]  // Thursday after 国庆
    [InlineData("2026-03-07", false)] // an ordinary Saturday
    [InlineData("2026-03-09", true)]  // an ordinary Monday
    public void TheNotice_DecidesWhichDaysAreWorked(string date, bool working) =>
        Assert.Equal(working, Calendar2026.IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Routine_ReceivedAt2359OnTheEveOfAHoliday_CountsFromTheDayAfterTheHoliday()
    {
        // Wednesday 30 September 23:59 China time (15:59 UTC): 1–7 October are off, Thursday 8th, Friday 9th, Saturday 10th (调休) worked.
        Assert.Equal(Utc("2026-10-11 00:00"), Clock.DueAt(Urgency.Routine, Utc("2026-09-30 23:59")));
        // One minute later it is 1 October in China: still the 8th, 9th and 10th.
        Assert.Equal(Utc("2026-10-11 00:00"), Clock.DueAt(Urgency.Routine, Utc("2026-10-01 00:00")));
        // Received on the eve of 春节 (Saturday 14 February, itself a 调休 working day) at 23:59: 24th, 25th, 26th.
        Assert.Equal(Utc("2026-02-27 00:00"), Clock.DueAt(Urgency.Routine, Utc("2026-02-14 23:59")));
    }

    [Fact]
    public void Routine_ReceivedOnA调休Saturday_CountsTheNextWorkingDays()
    {
        // Saturday 9 May 2026 is worked; received that day, the clock counts Monday 11th, Tuesday 12th, Wednesday 13th.
        Assert.Equal(Utc("2026-05-14 00:00"), Clock.DueAt(Urgency.Routine, Utc("2026-05-09 10:00")));
        // Received Friday 8 May: Saturday 9th counts (调休), then Monday and Tuesday.
        Assert.Equal(Utc("2026-05-13 00:00"), Clock.DueAt(Urgency.Routine, Utc("2026-05-08 10:00")));
    }

    [Fact]
    public void AYearMissingFromTheCalendar_IsWeekdaysOnly_AndNamed()
    {
        // 2027 has no entry: 1 January 2027 (a Friday) counts as a working day, and the calendar says where it ends.
        Assert.True(Calendar2026.IsWorkingDay(new DateOnly(2027, 1, 1)));
        Assert.Equal(Utc("2027-01-06 00:00"), Clock.DueAt(Urgency.Routine, Utc("2026-12-31 09:00")));
        Assert.Equal(new DateOnly(2026, 12, 31), Calendar2026.EndsOn);
        Assert.Equal([2027], Calendar2026.MissingYears(new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 6)));
        Assert.Empty(Calendar2026.MissingYears(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
        Assert.Null(WorkingCalendar.WeekdaysOnly.EndsOn);
    }

    [Fact]
    public void AnEntry_WithAWeekdayMakeUpDay_OrADayOfAnotherYear_OrBoth_IsAProblem()
    {
        var entry = new CalendarYear(2026, Days("2026-10-01", "2027-01-01"), Days("2026-10-01", "2026-10-09"), "test");
        var problems = entry.Problems();
        Assert.Contains(problems, p => p.Contains("2027-01-01", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("2026-10-09", StringComparison.Ordinal) && p.Contains("不是周六或周日", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("2026-10-01", StringComparison.Ordinal) && p.Contains("既是放假日又是调休上班日", StringComparison.Ordinal));
        Assert.Empty(Calendar2026.Year(2026)!.Problems());
        Assert.Throws<ArgumentException>(() => new WorkingCalendar([entry, entry]));
    }

    [Fact]
    public void Verification_Is15WorkingDays_AcrossTheSpringFestival()
    {
        // Submitted Friday 13 February 2026: the 14th (调休 Saturday) is day 1, 春节 15–23 off, then 24, 25, 26, 27, 28 (调休) and
        // 2, 3, 4, 5, 6, 9, 10, 11, 12 March: the 15th working day is Thursday 12 March.
        Assert.Equal(Utc("2026-03-13 00:00"), VerificationLimit.DueAt(Utc("2026-02-13 17:00"), Calendar2026));
        // Fifteen calendar days would have ended on 28 February.
    }

    [Theory]
    [InlineData("2026-03-12 23:59", "2026-02-13 00:00")] // not yet due: nothing submitted on the 13th or later is overdue
    [InlineData("2026-03-13 00:00", "2026-02-14 00:00")] // from midnight, the 13th's are overdue
    public void OverdueCutoff_MatchesDueAt(string now, string cutoff)
    {
        var at = Utc(now);
        var cut = VerificationLimit.OverdueCutoff(at, Calendar2026);
        Assert.Equal(Utc(cutoff), cut);
        // The cutoff is exact: for every start in the two months before, overdue (DueAt <= now) exactly when start < cutoff.
        for (var start = Utc("2026-01-10 00:00"); start < at; start = start.AddHours(7))
        {
            Assert.Equal(VerificationLimit.DueAt(start, Calendar2026) <= at, start < cut);
        }
    }
}
