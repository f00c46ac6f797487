using Shouhu.Domain.Regions;
using Xunit;

namespace Shouhu.UnitTests.Regions;

public class RegionCodeTests
{
    [Theory]
    [InlineData("43", 1)]
    [InlineData("4307", 2)]
    [InlineData("430702", 3)]
    [InlineData("430702001", 4)]
    [InlineData("430702001001", 5)]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("4", null)]
    [InlineData("430", null)]
    [InlineData("43070", null)]
    [InlineData("4307020", null)]
    [InlineData("43070200", null)]
    [InlineData("4307020010", null)]
    [InlineData("43070200100", null)]
    [InlineData("4307020010011", null)]
    public void LevelOf_ByLength(string? code, int? level)
    {
        Assert.Equal(level, RegionCode.LevelOf(code));
    }

    [Fact]
    public void LengthOf_InverseOfLevelOf()
    {
        for (var level = 1; level <= 5; level++)
        {
            Assert.Equal(level, RegionCode.LevelOf(new string('1', RegionCode.LengthOf(level))));
        }

        Assert.Equal(RegionCode.MaxLength, RegionCode.LengthOf(5));
        Assert.Throws<ArgumentOutOfRangeException>(() => RegionCode.LengthOf(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => RegionCode.LengthOf(6));
    }

    [Theory]
    [InlineData("43", true)]
    [InlineData("4307", true)]
    [InlineData("430702", true)]
    [InlineData("430702001", true)]
    [InlineData("430702001001", true)]
    [InlineData("000000", true)]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("430", false)]
    [InlineData("43070A", false)]
    [InlineData("43 702", false)]
    [InlineData("-43070", false)]
    [InlineData("４３", false)]
    [InlineData("٤٣", false)]
    [InlineData("4307020010011", false)]
    public void IsWellFormed_DigitsOfALevelLength(string? code, bool expected)
    {
        Assert.Equal(expected, RegionCode.IsWellFormed(code));
    }

    [Theory]
    [InlineData("430702001001", "43", true)]
    [InlineData("430702001001", "4307", true)]
    [InlineData("430702001001", "430702", true)]
    [InlineData("430702001001", "430702001", true)]
    [InlineData("430702001001", "430702001001", true)]
    [InlineData("430702", "430702", true)]
    [InlineData("430702001001", "430703", false)]
    [InlineData("430702001001", "44", false)]
    [InlineData("430702", "430702001", false)] // a county is not within one of its townships
    [InlineData("4307", "430702", false)]
    [InlineData("430702001001", "430702001002", false)]
    [InlineData("440702001001", "4307", false)]
    [InlineData(null, "43", false)]
    [InlineData("43", null, false)]
    [InlineData(null, null, false)]
    public void IsWithin_Examples(string? code, string? jurisdiction, bool expected)
    {
        Assert.Equal(expected, RegionCode.IsWithin(code, jurisdiction));
    }

    [Theory]
    [InlineData("43", null)]
    [InlineData("4307", "43")]
    [InlineData("430702", "4307")]
    [InlineData("430702001", "430702")]
    [InlineData("430702001001", "430702001")]
    [InlineData("", null)]
    [InlineData("430", null)]
    [InlineData("4307020010011", null)]
    public void ParentOf_OneLevelUp(string code, string? parent)
    {
        Assert.Equal(parent, RegionCode.ParentOf(code));
    }

    [Fact]
    public void ParentOf_ChainFromVillageReachesProvinceInFourSteps_AllContaining()
    {
        var rng = new Random(2260);
        for (var i = 0; i < 500; i++)
        {
            var village = RandomDigits(rng, 12);
            var chain = new List<string> { village };
            for (var p = RegionCode.ParentOf(village); p is not null; p = RegionCode.ParentOf(p))
            {
                chain.Add(p);
            }

            Assert.Equal([12, 9, 6, 4, 2], chain.Select(c => c.Length));
            Assert.All(chain, ancestor => Assert.True(RegionCode.IsWithin(village, ancestor)));
            Assert.All(chain.Skip(1), ancestor => Assert.False(RegionCode.IsWithin(ancestor, village)));
        }
    }

    [Theory]
    [InlineData("43", "43", "439999999999")]
    [InlineData("4307", "4307", "430799999999")]
    [InlineData("430702", "430702", "430702999999")]
    [InlineData("430702001", "430702001", "430702001999")]
    [InlineData("430702001001", "430702001001", "430702001001")]
    public void SubtreeRange_CodeToCodePaddedWithNines(string code, string low, string high)
    {
        Assert.Equal((low, high), RegionCode.SubtreeRange(code));
    }

    [Fact]
    public void SubtreeRange_AgreesWithIsWithin_ForRandomDigitCodes()
    {
        // The database filter is "code BETWEEN low AND high" under ordinal (binary) comparison; it must select exactly
        // the codes IsWithin selects, or a list could show a record from outside the caller's jurisdiction.
        var rng = new Random(9457);
        int inside = 0, outside = 0, nearMisses = 0;
        int[] levelLengths = [2, 4, 6, 9, 12];
        for (var i = 0; i < 200_000; i++)
        {
            var j = RandomDigits(rng, levelLengths[rng.Next(levelLengths.Length)]);
            var c = rng.Next(4) switch
            {
                // A descendant or the region itself.
                0 => j + RandomDigits(rng, rng.Next(0, 12 - j.Length + 1)),
                // Shares part of the prefix, then differs by one up or down (the neighbours in the index).
                1 => NearMiss(rng, j),
                // Any digit string of any length up to 12, including ancestors and strings of nines.
                2 => RandomDigits(rng, rng.Next(1, 13), rng.Next(3) == 0 ? "09" : "0123456789"),
                // A prefix of j (an ancestor or a non-level truncation).
                _ => j[..rng.Next(1, j.Length + 1)],
            };

            var (low, high) = RegionCode.SubtreeRange(j);
            var between = string.CompareOrdinal(c, low) >= 0 && string.CompareOrdinal(c, high) <= 0;
            var within = RegionCode.IsWithin(c, j);
            Assert.True(within == between, $"c={c} j={j} IsWithin={within} between=[{low},{high}]={between}");

            if (within)
            {
                inside++;
            }
            else
            {
                outside++;
                nearMisses += c.Length > 1 && c[..^1] == j[..Math.Min(j.Length, c.Length - 1)] ? 1 : 0;
            }
        }

        Assert.True(inside > 50_000 && outside > 50_000 && nearMisses > 1_000, $"inside {inside}, outside {outside}, near misses {nearMisses}");
    }

    [Fact]
    public void SubtreeRange_ExhaustiveOverSmallAlphabet()
    {
        // Every code of length 1..6 over {0, 1, 9} against every jurisdiction of length 2 or 4 over the same digits.
        var alphabet = "019";
        var codes = new List<string> { string.Empty };
        var all = new List<string>();
        for (var len = 1; len <= 6; len++)
        {
            codes = codes.SelectMany(p => alphabet.Select(ch => p + ch)).ToList();
            all.AddRange(codes);
        }

        var jurisdictions = all.Where(c => c.Length is 2 or 4).ToList();
        foreach (var j in jurisdictions)
        {
            var (low, high) = RegionCode.SubtreeRange(j);
            foreach (var c in all)
            {
                var between = string.CompareOrdinal(c, low) >= 0 && string.CompareOrdinal(c, high) <= 0;
                Assert.True(RegionCode.IsWithin(c, j) == between, $"c={c} j={j}");
            }
        }
    }

    private static string NearMiss(Random rng, string j)
    {
        var keep = rng.Next(0, j.Length);
        var digit = j[keep];
        var changed = rng.Next(2) == 0 ? (digit == '9' ? '8' : (char)(digit + 1)) : (digit == '0' ? '1' : (char)(digit - 1));
        var head = j[..keep] + changed;
        return head + RandomDigits(rng, rng.Next(0, 12 - head.Length + 1), rng.Next(2) == 0 ? "9" : "0123456789");
    }

    private static string RandomDigits(Random rng, int length, string alphabet = "0123456789") =>
        string.Concat(Enumerable.Range(0, length).Select(_ => alphabet[rng.Next(alphabet.Length)]));
}
