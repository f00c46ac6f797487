using System.Globalization;
using Shouhu.Domain.Time;
using Shouhu.UnitTests.Support;
using Xunit;

namespace Shouhu.UnitTests.Time;

public class DateTextTests
{
    [Theory]
    [InlineData("2014-02-28")]
    [InlineData("2014-2-28")]
    [InlineData("2014/2/28")]
    [InlineData("2014/02/28")]
    [InlineData("2014.2.28")]
    [InlineData("2014.02.28")]
    [InlineData("2014年2月28日")]
    [InlineData("2014年02月28日")]
    [InlineData("2014年2月28")]
    [InlineData("20140228")]
    [InlineData("２０１４－０２－２８")]
    [InlineData("２０１４／２／２８")]
    [InlineData("２０１４年２月２８日")]
    [InlineData("２０１４０２２８")]
    [InlineData("  2014-02-28  ")]
    [InlineData("\u30002014-02-28\u3000")]
    [InlineData("2014-02-28T00:00:00+08:00")]
    [InlineData("2014-02-28T23:59:59-05:00")]
    [InlineData("2014-02-28T10:00:00Z")]
    [InlineData("2014-02-28T10:00:00.1234567+14:00")]
    public void TryParse_CommonWritings_Read(string text)
    {
        Assert.True(DateText.TryParse(text, out var date), text);
        Assert.Equal(new DateOnly(2014, 2, 28), date);
    }

    [Fact]
    public void TryParse_IsoDateTime_TakesTheCalendarDateItNames()
    {
        // The date written first is the one meant; it is not shifted to any zone.
        Assert.True(DateText.TryParse("2014-03-01T00:30:00+08:00", out var d1));
        Assert.Equal(new DateOnly(2014, 3, 1), d1);
        Assert.True(DateText.TryParse("2014-02-28T23:30:00-10:00", out var d2));
        Assert.Equal(new DateOnly(2014, 2, 28), d2);
    }

    [Theory]
    [InlineData("2024-02-29", 2024, 2, 29)]
    [InlineData("2000年2月29日", 2000, 2, 29)]
    [InlineData("1900-01-01", 1900, 1, 1)]
    [InlineData("2014-12-31", 2014, 12, 31)]
    [InlineData("2014.1.1", 2014, 1, 1)]
    public void TryParse_EdgeDates_Read(string text, int y, int m, int d)
    {
        Assert.True(DateText.TryParse(text, out var date));
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("2023-02-29")]
    [InlineData("1900-02-29")]
    [InlineData("20230229")]
    [InlineData("2023年2月29日")]
    [InlineData("2014-13-01")]
    [InlineData("2014-00-10")]
    [InlineData("2014-02-00")]
    [InlineData("2014-04-31")]
    [InlineData("2014-02-30")]
    [InlineData("abc")]
    [InlineData("明天")]
    [InlineData("14-02-28")]
    [InlineData("2014-02")]
    [InlineData("2014年2月")]
    [InlineData("2014")]
    [InlineData("2014-02-28-01")]
    [InlineData("2014022")]
    [InlineData("201402281")]
    [InlineData("2014-002-28")]
    [InlineData("2014 02 28")]
    [InlineData("28/02/2014")]
    [InlineData("02/28/2014")]
    [InlineData("2014-02-28 10:00")]
    [InlineData("2023-02-29T00:00:00+08:00")]
    public void TryParse_NotADate_Refused(string? text)
    {
        Assert.False(DateText.TryParse(text, out var date), text);
        Assert.Equal(default, date);
    }

    [Fact]
    public void TryParse_ManyRandomDates_EveryWritingRoundTrips()
    {
        var rng = new Random(2014);
        for (var i = 0; i < 3000; i++)
        {
            var date = IdNumbers.RandomDate(rng, new DateOnly(1900, 1, 1), new DateOnly(2099, 12, 31));
            string[] writings =
            [
                date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                date.ToString("yyyy/M/d", CultureInfo.InvariantCulture),
                date.ToString("yyyy.M.d", CultureInfo.InvariantCulture),
                $"{date.Year}年{date.Month}月{date.Day}日",
                date.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
                IdNumbers.ToFullWidth(date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)),
                IdNumbers.ToFullWidth($"{date.Year}年{date.Month:00}月{date.Day:00}日"),
                date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T12:00:00+08:00",
            ];
            foreach (var w in writings)
            {
                Assert.True(DateText.TryParse(w, out var parsed), w);
                Assert.Equal(date, parsed);
            }
        }
    }

    [Fact]
    public void TryParse_EveryDayOfFourYears_OnlyRealDatesAccepted()
    {
        var accepted = 0;
        for (var y = 2023; y <= 2026; y++)
        {
            for (var m = 1; m <= 12; m++)
            {
                for (var d = 1; d <= 31; d++)
                {
                    var real = d <= DateTime.DaysInMonth(y, m);
                    Assert.Equal(real, DateText.TryParse($"{y}-{m}-{d}", out _));
                    Assert.Equal(real, DateText.TryParse($"{y}{m:00}{d:00}", out _));
                    accepted += real ? 1 : 0;
                }
            }
        }

        Assert.Equal(365 * 3 + 366, accepted);
    }
}
