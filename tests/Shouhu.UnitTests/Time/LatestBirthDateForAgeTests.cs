using System.Globalization;
using Shouhu.Domain.Time;
using Shouhu.UnitTests.Support;
using Xunit;

namespace Shouhu.UnitTests.Time;

/// <summary>
/// ChinaTime.LatestBirthDateForAge: its contract is <c>AgeOn(b, onDate) &gt;= age ⇔ b &lt;= result</c>. Checked at the
/// boundary (b = result holds the age, b = result + 1 day does not) and against a reference built from .NET's AddYears,
/// which moves 29 February to 28 February as Civil Code art. 202 does.
/// </summary>
public class LatestBirthDateForAgeTests
{
    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The largest b with b.AddYears(age) &lt; onDate (the birthday has passed, ADR-009), by search from onDate.AddYears(-age).</summary>
    private static DateOnly Reference(int age, DateOnly onDate)
    {
        var b = onDate.AddYears(-age);
        while (b.AddDays(1).AddYears(age) < onDate)
        {
            b = b.AddDays(1);
        }

        while (b.AddYears(age) >= onDate)
        {
            b = b.AddDays(-1);
        }

        return b;
    }

    private static void AssertContract(int age, DateOnly onDate, List<string> failures)
    {
        var latest = ChinaTime.LatestBirthDateForAge(age, onDate);
        if (ChinaTime.AgeOn(latest, onDate) < age)
        {
            failures.Add($"age {age} on {onDate:yyyy-MM-dd}: born {latest:yyyy-MM-dd} (the result) is only {ChinaTime.AgeOn(latest, onDate)}");
        }

        var dayLater = latest.AddDays(1);
        if (ChinaTime.AgeOn(dayLater, onDate) >= age)
        {
            failures.Add($"age {age} on {onDate:yyyy-MM-dd}: born {dayLater:yyyy-MM-dd} (result + 1) is already {ChinaTime.AgeOn(dayLater, onDate)}");
        }

        var dayEarlier = latest.AddDays(-1);
        if (ChinaTime.AgeOn(dayEarlier, onDate) < age)
        {
            failures.Add($"age {age} on {onDate:yyyy-MM-dd}: born {dayEarlier:yyyy-MM-dd} (result - 1) is only {ChinaTime.AgeOn(dayEarlier, onDate)}");
        }

        var reference = Reference(age, onDate);
        if (latest != reference)
        {
            failures.Add($"age {age} on {onDate:yyyy-MM-dd}: result {latest:yyyy-MM-dd}, reference {reference:yyyy-MM-dd}");
        }
    }

    [Fact]
    public void LatestBirthDateForAge_EveryLeapBoundaryDay2000To2030_AllAges()
    {
        var failures = new List<string>();
        var cases = 0;
        for (var year = 2000; year <= 2030; year++)
        {
            var days = new List<DateOnly> { new(year, 2, 27), new(year, 2, 28), new(year, 3, 1) };
            if (DateTime.IsLeapYear(year))
            {
                days.Add(new DateOnly(year, 2, 29));
            }

            foreach (var on in days)
            {
                for (var age = 1; age <= 120; age++)
                {
                    AssertContract(age, on, failures);
                    cases++;
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(50)));
        Assert.Equal(((31 * 3) + 8) * 120, cases); // 8 leap years: 2000, 2004, … 2028
    }

    [Fact]
    public void LatestBirthDateForAge_ManyRandomPairs()
    {
        var rng = new Random(2202);
        var failures = new List<string>();
        for (var i = 0; i < 30000; i++)
        {
            var on = IdNumbers.RandomDate(rng, D("1950-01-01"), D("2199-12-31"));
            var age = rng.Next(1, 131);
            AssertContract(age, on, failures);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(50)));
    }

    [Fact]
    public void LatestBirthDateForAge_EveryDayOfTwoCenturyYears()
    {
        // 2100 is not a leap year although divisible by 4; ages that land on 2096/2104 (leap) and 2097 (common).
        var failures = new List<string>();
        for (var on = D("2099-12-01"); on <= D("2101-03-31"); on = on.AddDays(1))
        {
            foreach (var age in new[] { 1, 3, 4, 16, 18, 100 })
            {
                AssertContract(age, on, failures);
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(50)));
    }

    [Theory]
    [InlineData(18, "2026-02-28", "2008-02-27")] // the birthdays of 28 February are today: not yet 18 (ADR-009)
    [InlineData(18, "2026-02-27", "2008-02-26")]
    [InlineData(18, "2026-03-01", "2008-02-29")] // common year: a 29 Feb 2008 birthday fell on 28 February, 18 from 1 March
    [InlineData(16, "2028-02-28", "2012-02-27")]
    [InlineData(16, "2028-02-29", "2012-02-28")] // leap year: the 29 Feb birthday is today, not yet 16
    [InlineData(16, "2028-03-01", "2012-02-29")]
    [InlineData(17, "2028-02-29", "2011-02-28")] // 2011 has no 29 Feb
    [InlineData(17, "2027-02-28", "2010-02-27")]
    [InlineData(16, "2100-02-28", "2084-02-27")] // 2100 is common
    [InlineData(16, "2100-03-01", "2084-02-29")]
    [InlineData(18, "2026-12-31", "2008-12-30")]
    [InlineData(18, "2026-01-01", "2007-12-31")]
    [InlineData(1, "2025-02-28", "2024-02-27")]
    [InlineData(1, "2025-03-01", "2024-02-29")]
    public void LatestBirthDateForAge_NamedCases(int age, string on, string expected)
    {
        Assert.Equal(D(expected), ChinaTime.LatestBirthDateForAge(age, D(on)));
    }

    [Fact]
    public void LatestBirthDateForAge_ZeroYears_IsTheDayItself()
    {
        Assert.Equal(D("2026-02-28"), ChinaTime.LatestBirthDateForAge(0, D("2026-02-28")));
        Assert.Equal(D("2028-02-29"), ChinaTime.LatestBirthDateForAge(0, D("2028-02-29")));
    }

    [Fact]
    public void LatestBirthDateForAge_AgreesWithAnniversary()
    {
        // b ≤ LatestBirthDateForAge(age, on) exactly when Anniversary(b, age) < on (the age is full the day after, ADR-009).
        var rng = new Random(202);
        for (var i = 0; i < 5000; i++)
        {
            var birth = IdNumbers.RandomDate(rng, D("1990-01-01"), D("2030-12-31"));
            var age = rng.Next(1, 40);
            var on = IdNumbers.RandomDate(rng, birth, birth.AddYears(age + 1));
            Assert.Equal(ChinaTime.Anniversary(birth, age) < on, birth <= ChinaTime.LatestBirthDateForAge(age, on));
        }
    }
}
