using Shouhu.Domain.Children;
using Xunit;

namespace Shouhu.UnitTests.Children;

/// <summary>
/// A category's period (issue #11 item 11): past its last day it is exited in every list and count, whatever status the
/// chain left it in; an exit takes effect from the month after the change of circumstances (DOMAIN.md §1).
/// </summary>
public class CategoryPeriodTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static ChildCategory Cat(CategoryStatus status, DateOnly? validTo) => new()
    {
        Category = ProtectionCategory.InDistress,
        ValidFrom = new DateOnly(2025, 1, 1),
        ValidTo = validTo,
        Status = status,
        RegionCode = "430702001001",
    };

    public static TheoryData<CategoryStatus, int?> Cases()
    {
        var data = new TheoryData<CategoryStatus, int?>();
        foreach (var status in Enum.GetValues<CategoryStatus>())
        {
            foreach (var offset in new int?[] { null, -400, -1, 0, 1, 30 })
            {
                data.Add(status, offset);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void StatusOn_PastItsLastDay_IsExited_ElseAsRecorded(CategoryStatus status, int? lastDayOffset)
    {
        var k = Cat(status, lastDayOffset is { } o ? Today.AddDays(o) : null);
        // Written from the rule: ended yesterday or earlier → exited, unless rejected; ending today still holds today.
        var ended = lastDayOffset is < 0;
        var expected = status == CategoryStatus.Rejected ? CategoryStatus.Rejected : ended ? CategoryStatus.Exited : status;
        Assert.Equal(expected, k.StatusOn(Today));

        // The query form agrees for every status asked about.
        foreach (var asked in Enum.GetValues<CategoryStatus>())
        {
            Assert.Equal(expected == asked, ChildCategory.HasStatusOn(asked, Today).Compile()(k));
        }
    }

    [Fact]
    public void StatusOn_VerifiedEndingToday_StillVerified_EndedYesterday_Exited()
    {
        Assert.Equal(CategoryStatus.Verified, Cat(CategoryStatus.Verified, Today).StatusOn(Today));
        Assert.Equal(CategoryStatus.Exited, Cat(CategoryStatus.Verified, Today.AddDays(-1)).StatusOn(Today));
        Assert.Equal(CategoryStatus.Pending, Cat(CategoryStatus.Pending, Today).StatusOn(Today));
        Assert.Equal(CategoryStatus.Exited, Cat(CategoryStatus.TownshipVerified, Today.AddDays(-1)).StatusOn(Today));
    }

    [Theory]
    [InlineData("2026-12-01", "2026-12-31")]
    [InlineData("2026-12-31", "2026-12-31")]
    [InlineData("2026-02-01", "2026-02-28")]
    [InlineData("2028-02-10", "2028-02-29")]
    [InlineData("2026-11-30", "2026-11-30")]
    [InlineData("2026-04-15", "2026-04-30")]
    public void ExitLastDay_EndOfTheMonthOfTheChange(string change, string last)
    {
        var lastDay = DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(lastDay, CategoryRules.ExitLastDay(DateOnly.Parse(change, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(1, lastDay.AddDays(1).Day); // from the month after it no longer applies
    }

    [Fact]
    public void ExitLastDay_EveryDayOfTwoYears_IsTheSameMonthsLastDay()
    {
        for (var d = new DateOnly(2027, 1, 1); d <= new DateOnly(2028, 12, 31); d = d.AddDays(1))
        {
            var last = CategoryRules.ExitLastDay(d);
            Assert.Equal((d.Year, d.Month), (last.Year, last.Month));
            Assert.True(last >= d);
            Assert.NotEqual(d.Month, last.AddDays(1).Month);
        }
    }
}
