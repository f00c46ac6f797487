using System.Globalization;
using Shouhu.Domain.Time;
using Shouhu.UnitTests.Support;
using Xunit;

namespace Shouhu.UnitTests.Time;

public class ChinaTimeTests
{
    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset Utc(string s) =>
        DateTimeOffset.Parse(s, CultureInfo.InvariantCulture);

    // ADR-009 (Civil Code arts. 201–202; 法释〔2006〕1号 art. 2 "从周岁生日的第二天起算"): the birthday is the last day of
    // the old age, the new one begins the next day; a 29 February birthday falls on 28 February in a common year.
    [Theory]
    [InlineData("2008-02-29", "2026-02-27", 17)]
    [InlineData("2008-02-29", "2026-02-28", 17)] // common year: 28 February is the birthday, still 17
    [InlineData("2008-02-29", "2026-03-01", 18)] // adult from the next day
    [InlineData("2008-02-29", "2027-02-28", 18)]
    [InlineData("2008-02-29", "2027-03-01", 19)]
    [InlineData("2008-02-29", "2028-02-28", 19)] // leap year: the birthday itself exists
    [InlineData("2008-02-29", "2028-02-29", 19)]
    [InlineData("2008-02-29", "2028-03-01", 20)]
    [InlineData("2008-02-29", "2008-02-29", 0)]
    [InlineData("2008-02-29", "2009-02-28", 0)]
    [InlineData("2008-02-29", "2009-03-01", 1)]
    [InlineData("2012-02-29", "2028-02-29", 15)]
    [InlineData("2012-02-29", "2028-03-01", 16)] // left-behind status ends at 16
    public void AgeOn_LeapDayBirth(string birth, string on, int age)
    {
        Assert.Equal(age, ChinaTime.AgeOn(D(birth), D(on)));
    }

    [Theory]
    [InlineData("2008-06-15", "2026-06-14", 17)]
    [InlineData("2008-06-15", "2026-06-15", 17)] // the 18th birthday: still a minor
    [InlineData("2008-06-15", "2026-06-16", 18)]
    [InlineData("2008-01-01", "2026-01-01", 17)]
    [InlineData("2008-01-01", "2026-01-02", 18)]
    [InlineData("2007-12-31", "2025-12-31", 17)]
    [InlineData("2007-12-31", "2026-01-01", 18)]
    [InlineData("2008-03-01", "2026-03-01", 17)]
    [InlineData("2008-03-01", "2026-03-02", 18)]
    [InlineData("2024-02-28", "2025-02-28", 0)]
    [InlineData("2024-02-28", "2025-03-01", 1)]
    public void AgeOn_BirthdayAndDayAfter(string birth, string on, int age)
    {
        Assert.Equal(age, ChinaTime.AgeOn(D(birth), D(on)));
    }

    [Theory]
    [InlineData("2008-06-15", 18, "2026-06-16")]
    [InlineData("2008-02-29", 18, "2026-03-01")]
    [InlineData("2012-02-29", 16, "2028-03-01")]
    [InlineData("2010-12-31", 16, "2027-01-01")]
    public void ReachesAge_DayAfterTheBirthday(string birth, int years, string expected)
    {
        Assert.Equal(D(expected), ChinaTime.ReachesAge(D(birth), years));
        Assert.Equal(years - 1, ChinaTime.AgeOn(D(birth), D(expected).AddDays(-1)));
        Assert.Equal(years, ChinaTime.AgeOn(D(birth), D(expected)));
    }

    [Fact]
    public void AgeOn_BeforeBirth_Zero()
    {
        Assert.Equal(0, ChinaTime.AgeOn(D("2020-05-05"), D("2020-05-04")));
        Assert.Equal(0, ChinaTime.AgeOn(D("2020-05-05"), D("1990-01-01")));
    }

    [Fact]
    public void AgeOn_ManyRandomDates_MatchesCountOfAnniversariesReached()
    {
        // Independent reference: .NET's AddYears moves 29 February to 28 February in a common year, the Civil Code rule;
        // a year is full once its birthday has passed (ADR-009).
        var rng = new Random(201);
        for (var i = 0; i < 20000; i++)
        {
            var birth = IdNumbers.RandomDate(rng, D("1990-01-01"), D("2030-12-31"));
            var on = IdNumbers.RandomDate(rng, birth, D("2060-12-31"));
            var expected = 0;
            while (birth.AddYears(expected + 1) < on)
            {
                expected++;
            }

            Assert.Equal(expected, ChinaTime.AgeOn(birth, on));
        }
    }

    [Fact]
    public void AgeOn_DayByDay_RisesByOneOnlyTheDayAfterAnniversaries()
    {
        var rng = new Random(202);
        var births = new List<DateOnly> { D("2008-02-29"), D("2000-02-29"), D("2010-12-31"), D("2011-01-01") };
        births.AddRange(Enumerable.Range(0, 20).Select(_ => IdNumbers.RandomDate(rng, D("2000-01-01"), D("2010-12-31"))));
        foreach (var birth in births)
        {
            var previous = ChinaTime.AgeOn(birth, birth);
            Assert.Equal(0, previous);
            for (var day = birth.AddDays(1); day <= birth.AddYears(20).AddDays(1); day = day.AddDays(1))
            {
                var age = ChinaTime.AgeOn(birth, day);
                if (day.AddDays(-1) == birth.AddYears(age) && age > 0)
                {
                    Assert.Equal(previous + 1, age);
                }
                else
                {
                    Assert.Equal(previous, age);
                }

                previous = age;
            }

            Assert.Equal(20, previous);
        }
    }

    [Theory]
    [InlineData("2008-02-29", 18, "2026-02-28")]
    [InlineData("2008-02-29", 20, "2028-02-29")]
    [InlineData("2008-02-29", 0, "2008-02-29")]
    [InlineData("2010-01-31", 1, "2011-01-31")]
    [InlineData("2010-12-31", 16, "2026-12-31")]
    public void Anniversary_Civil_Code_Rule(string birth, int years, string expected)
    {
        Assert.Equal(D(expected), ChinaTime.Anniversary(D(birth), years));
    }

    [Theory]
    [InlineData("2026-11-30T16:30:00Z", "2026-12-01")]
    [InlineData("2026-11-30T16:00:00Z", "2026-12-01")]
    [InlineData("2026-11-30T15:59:59.9999999Z", "2026-11-30")]
    [InlineData("2026-12-31T16:00:00Z", "2027-01-01")]
    [InlineData("2026-12-31T15:59:59Z", "2026-12-31")]
    [InlineData("2028-02-28T16:00:00Z", "2028-02-29")]
    [InlineData("2026-12-01T07:59:59+08:00", "2026-12-01")]
    [InlineData("2026-11-30T11:30:00-05:00", "2026-12-01")]
    [InlineData("2026-11-30T10:59:59-05:00", "2026-11-30")]
    [InlineData("2026-12-01T05:00:00+14:00", "2026-11-30")]
    public void DateOf_InstantsNearMidnight_ChinaCalendarDate(string instant, string expected)
    {
        Assert.Equal(D(expected), ChinaTime.DateOf(Utc(instant)));
    }

    [Fact]
    public void DateOf_ManyInstants_AgreesWithShiftingUtcByEightHours()
    {
        var rng = new Random(8);
        var start = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        for (var i = 0; i < 5000; i++)
        {
            var utc = new DateTime(start + rng.NextInt64(0, TimeSpan.TicksPerDay * 365 * 10), DateTimeKind.Utc);
            var expected = DateOnly.FromDateTime(utc.AddHours(8));
            var offset = TimeSpan.FromMinutes(rng.Next(-14 * 4, 14 * 4 + 1) * 15);
            Assert.Equal(expected, ChinaTime.DateOf(new DateTimeOffset(utc).ToOffset(offset)));
        }
    }

    [Fact]
    public void Today_UsesClockUtcNotItsLocalZone()
    {
        var clock = new FixedClock(Utc("2026-11-30T16:30:00Z"), TimeZoneInfo.CreateCustomTimeZone("far-west", TimeSpan.FromHours(-11), "far-west", "far-west"));
        Assert.Equal(D("2026-12-01"), ChinaTime.Today(clock));
        Assert.Equal(D("2026-11-30"), ChinaTime.Today(new FixedClock(Utc("2026-11-30T15:59:59Z"), TimeZoneInfo.Utc)));
    }

    [Fact]
    public void ToChina_UtcOrUnspecified_ShownAtPlusEight()
    {
        var unspecified = new DateTime(2026, 11, 30, 16, 30, 0, DateTimeKind.Unspecified);
        var shown = ChinaTime.ToChina(unspecified);
        Assert.Equal(TimeSpan.FromHours(8), shown.Offset);
        Assert.Equal(new DateTime(2026, 12, 1, 0, 30, 0), shown.DateTime);
        Assert.Equal(shown, ChinaTime.ToChina(DateTime.SpecifyKind(unspecified, DateTimeKind.Utc)));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 16, 30, 0, TimeSpan.Zero), shown);
    }

    private sealed class FixedClock(DateTimeOffset now, TimeZoneInfo zone) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => zone;
    }
}

[CollectionDefinition(DisableParallelization = true)]
public sealed class ProcessTimeZoneCollection;

/// <summary>Changes the process time zone (TZ), so runs alone.</summary>
[Collection(typeof(ProcessTimeZoneCollection))]
public class ChinaTimeProcessZoneTests
{
    [Theory]
    [InlineData("America/New_York", -5)]
    [InlineData("Pacific/Kiritimati", 14)]
    [InlineData("Pacific/Pago_Pago", -11)]
    [InlineData("Asia/Shanghai", 8)]
    [InlineData("Etc/UTC", 0)]
    public void DateOf_SameInstant_SameChinaDateWhateverTheProcessZone(string zone, int standardOffsetHours)
    {
        var saved = Environment.GetEnvironmentVariable("TZ");
        try
        {
            Environment.SetEnvironmentVariable("TZ", zone);
            TimeZoneInfo.ClearCachedData();
            // The switch really happened, so the assertions below are about a foreign process zone.
            Assert.Equal(TimeSpan.FromHours(standardOffsetHours), TimeZoneInfo.Local.BaseUtcOffset);

            var utc = new DateTime(2026, 11, 30, 16, 30, 0, DateTimeKind.Utc);
            Assert.Equal(new DateOnly(2026, 12, 1), ChinaTime.DateOf(new DateTimeOffset(utc)));
            // The same instant carried at the process's own offset.
            Assert.Equal(new DateOnly(2026, 12, 1), ChinaTime.DateOf(new DateTimeOffset(utc).ToLocalTime()));
            Assert.Equal(new DateOnly(2026, 12, 1), ChinaTime.DateOf(new DateTimeOffset(utc.ToLocalTime())));
            Assert.Equal(new DateOnly(2026, 11, 30), ChinaTime.DateOf(new DateTimeOffset(utc.AddTicks(-TimeSpan.TicksPerHour / 2 - 1))));
            Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 30, 0, TimeSpan.FromHours(8)), ChinaTime.ToChina(utc));
            Assert.Equal(new DateTime(2026, 12, 1, 0, 30, 0), ChinaTime.ToChina(utc).DateTime);
        }
        finally
        {
            Environment.SetEnvironmentVariable("TZ", saved);
            TimeZoneInfo.ClearCachedData();
        }
    }
}
