using System.Globalization;
using Shouhu.Domain.Identity;
using Shouhu.UnitTests.Support;
using Xunit;

namespace Shouhu.UnitTests.Identity;

public class CitizenIdNumberTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private const string AllCheckCharacters = "0123456789X";

    /// <summary>Many well-formed numbers, each made by the independent MOD 11-2 implementation.</summary>
    private static IEnumerable<(string Number, DateOnly Birth, int Sequence)> Generated(int seed, int count)
    {
        var rng = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var birth = IdNumbers.RandomDate(rng, new DateOnly(1900, 1, 1), Today);
            var sequence = rng.Next(0, 1000);
            yield return (IdNumbers.Make(IdNumbers.RandomAddress(rng), birth, sequence), birth, sequence);
        }
    }

    private static CitizenIdNumber ParseValid(string input, DateOnly? today = null)
    {
        var ok = CitizenIdNumber.TryParse(input, today ?? Today, out var id, out var error);
        Assert.True(ok, $"{input}: {error}");
        Assert.Null(error);
        Assert.NotNull(id);
        return id;
    }

    private static string ParseError(string? input, DateOnly? today = null)
    {
        var ok = CitizenIdNumber.TryParse(input, today ?? Today, out var id, out var error);
        Assert.False(ok, $"{input} should be refused");
        Assert.Null(id);
        Assert.NotNull(error);
        return error;
    }

    [Fact]
    public void IndependentCheck_AgreesWithPublishedWeightsAndTable()
    {
        // The table printed in GB 11643-1999, kept literal here so that the generator itself is checked.
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        const string table = "10X98765432";
        var rng = new Random(11643);
        for (var i = 0; i < 2000; i++)
        {
            var first17 = string.Concat(Enumerable.Range(0, 17).Select(_ => (char)('0' + rng.Next(10))));
            var sum = first17.Select((c, k) => (c - '0') * weights[k]).Sum();
            Assert.Equal(table[sum % 11], IdNumbers.Check(first17));
        }
    }

    [Theory]
    [InlineData("11010519491231002X", "1949-12-31", Sex.Female)]
    [InlineData("130503196704010016", "1967-04-01", Sex.Male)]
    public void TryParse_PublishedValidNumbers_Accepted(string number, string birth, Sex sex)
    {
        var id = ParseValid(number);
        Assert.Equal(number, id.Value);
        Assert.Equal(number, id.ToString());
        Assert.Equal(DateOnly.ParseExact(birth, "yyyy-MM-dd", CultureInfo.InvariantCulture), id.BirthDate);
        Assert.Equal(sex, id.Sex);
        Assert.Equal(number[..6], id.AddressCode);
        Assert.False(id.UpgradedFromLegacy);
    }

    [Fact]
    public void TryParse_Published1880Example_CheckRightButBirthBefore1900Refused()
    {
        // 440524188001010014 is the standard's own example (born 1880): its check character is right, but the
        // domain deliberately refuses births before 1900 (nobody living), and says so rather than blaming the check.
        Assert.Equal('4', CitizenIdNumber.ComputeCheckCharacter("44052418800101001"));
        Assert.Equal("身份证号中的出生日期 18800101 早于1900年", ParseError("440524188001010014"));
    }

    [Theory]
    [InlineData("11010519491231002", 'X')]
    [InlineData("44052418800101001", '4')]
    [InlineData("13050319670401001", '6')]
    public void ComputeCheckCharacter_PublishedExamples(string first17, char expected)
    {
        Assert.Equal(expected, CitizenIdNumber.ComputeCheckCharacter(first17));
    }

    [Fact]
    public void ComputeCheckCharacter_ManyRandomNumbers_MatchesIndependentImplementation()
    {
        var rng = new Random(7064);
        var seen = new HashSet<char>();
        for (var i = 0; i < 5000; i++)
        {
            var first17 = string.Concat(Enumerable.Range(0, 17).Select(_ => (char)('0' + rng.Next(10))));
            var expected = IdNumbers.Check(first17);
            Assert.Equal(expected, CitizenIdNumber.ComputeCheckCharacter(first17));
            seen.Add(expected);
        }

        // Every one of the 11 check characters was exercised, X included.
        Assert.Equal(AllCheckCharacters.Order(), seen.Order());
    }

    [Theory]
    [InlineData("")]
    [InlineData("1101051949123100")]
    [InlineData("110105194912310021")]
    [InlineData("1101051949123100A")]
    [InlineData("１１０１０５１９４９１２３１００２")]
    public void ComputeCheckCharacter_NotSeventeenAsciiDigits_Throws(string input)
    {
        Assert.Throws<ArgumentException>(() => CitizenIdNumber.ComputeCheckCharacter(input));
    }

    [Fact]
    public void TryParse_ManyGeneratedNumbers_ParsedWithBirthDateSexAndAddress()
    {
        var males = 0;
        foreach (var (number, birth, sequence) in Generated(1, 3000))
        {
            var id = ParseValid(number);
            Assert.Equal(number, id.Value);
            Assert.Equal(birth, id.BirthDate);
            Assert.Equal(sequence % 2 == 1 ? Sex.Male : Sex.Female, id.Sex);
            Assert.Equal(number[..6], id.AddressCode);
            Assert.False(id.UpgradedFromLegacy);
            males += id.Sex == Sex.Male ? 1 : 0;
        }

        Assert.InRange(males, 1200, 1800);
    }

    [Fact]
    public void TryParse_WrongCheckCharacter_SaysWhichIsRight()
    {
        foreach (var (number, _, _) in Generated(2, 500))
        {
            var right = number[17];
            foreach (var wrong in AllCheckCharacters.Where(c => c != right))
            {
                Assert.Equal($"校验位应为 {right}", ParseError(number[..17] + wrong));
            }
        }
    }

    [Fact]
    public void TryParse_PublishedNumberWithWrongCheck_SaysX()
    {
        Assert.Equal("校验位应为 X", ParseError("110105194912310021"));
        Assert.Equal("校验位应为 X", ParseError("110105194912310020"));
        Assert.Equal("校验位应为 6", ParseError("13050319670401001X"));
    }

    [Fact]
    public void TryParse_AnySingleDigitChangedOutsideTheDate_Refused()
    {
        // MOD 11-2 catches every single substitution; positions outside the date keep the date valid,
        // so the refusal must come from the check character.
        int[] positions = [0, 1, 2, 3, 4, 5, 14, 15, 16];
        foreach (var (number, _, _) in Generated(3, 300))
        {
            foreach (var p in positions)
            {
                for (var d = '0'; d <= '9'; d++)
                {
                    if (d == number[p])
                    {
                        continue;
                    }

                    var changed = string.Concat(number.AsSpan(0, p), d.ToString(), number.AsSpan(p + 1));
                    Assert.Equal($"校验位应为 {IdNumbers.Check(changed[..17])}", ParseError(changed));
                }
            }
        }
    }

    [Fact]
    public void TryParse_AdjacentDigitsSwappedOutsideTheDate_Refused()
    {
        int[] positions = [0, 1, 2, 3, 4, 14, 15];
        var swaps = 0;
        foreach (var (number, _, _) in Generated(4, 500))
        {
            foreach (var p in positions)
            {
                if (number[p] == number[p + 1])
                {
                    continue;
                }

                var chars = number.ToCharArray();
                (chars[p], chars[p + 1]) = (chars[p + 1], chars[p]);
                Assert.StartsWith("校验位应为 ", ParseError(new string(chars)), StringComparison.Ordinal);
                swaps++;
            }
        }

        Assert.True(swaps > 2000);
    }

    [Fact]
    public void TryParse_LowerCaseX_NormalisedToUpperCase()
    {
        var id = ParseValid("11010519491231002x");
        Assert.Equal("11010519491231002X", id.Value);
    }

    [Fact]
    public void TryParse_FullWidthDigitsAndSpaces_Normalised()
    {
        foreach (var (number, birth, _) in Generated(5, 500))
        {
            string[] variants =
            [
                IdNumbers.ToFullWidth(number),
                $" {number[..6]} {number[6..14]} {number[14..]} ",
                $"{number[..6]}\u3000{number[6..14]}\u3000{number[14..]}",
                IdNumbers.ToFullWidth(number[..9]) + " " + number[9..].Replace('X', 'x'),
                "\t" + number.Replace("X", "ｘ", StringComparison.Ordinal) + "\n",
            ];
            foreach (var v in variants)
            {
                var id = ParseValid(v);
                Assert.Equal(number, id.Value);
                Assert.Equal(birth, id.BirthDate);
            }
        }
    }

    [Fact]
    public void Normalize_MixedInput_GivesAsciiWithUpperX()
    {
        Assert.Equal("11010519491231002X", CitizenIdNumber.Normalize("１１０１０５ 1949 1231 ００２ｘ"));
        Assert.Equal("11010519491231002X", CitizenIdNumber.Normalize("11010519491231002Ｘ"));
        Assert.Equal("ABC-", CitizenIdNumber.Normalize("A B C -"));
    }

    [Fact]
    public void TryParse_LegacyFifteenDigits_UpgradedWithComputedCheck()
    {
        var rng = new Random(15);
        for (var i = 0; i < 2000; i++)
        {
            var address = IdNumbers.RandomAddress(rng);
            var birth = IdNumbers.RandomDate(rng, new DateOnly(1900, 1, 1), new DateOnly(1999, 12, 31));
            var sequence = rng.Next(0, 1000);
            var legacy = address + birth.ToString("yyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("000", CultureInfo.InvariantCulture);
            Assert.Equal(15, legacy.Length);

            var id = ParseValid(legacy);

            Assert.Equal(IdNumbers.Make(address, birth, sequence), id.Value);
            Assert.Equal(address + "19" + legacy[6..], id.Value[..17]);
            Assert.True(id.UpgradedFromLegacy);
            Assert.Equal(birth, id.BirthDate);
            Assert.Equal(sequence % 2 == 1 ? Sex.Male : Sex.Female, id.Sex);
        }
    }

    [Fact]
    public void TryParse_PublishedLegacyNumber_UpgradedToPublishedEighteen()
    {
        var id = ParseValid("130503670401001");
        Assert.Equal("130503196704010016", id.Value);
        Assert.True(id.UpgradedFromLegacy);
        Assert.Equal(new DateOnly(1967, 4, 1), id.BirthDate);
        Assert.Equal(Sex.Male, id.Sex);

        // The upgraded form, typed in full, is the same person but not a legacy entry.
        Assert.False(ParseValid("130503196704010016").UpgradedFromLegacy);
    }

    [Fact]
    public void TryParse_LegacyFullWidth_Upgraded()
    {
        Assert.Equal("130503196704010016", ParseValid("１３０５０３ ６７０４０１ ００１").Value);
    }

    [Theory]
    [InlineData("130503000229001", "19000229")] // 1900 was not a leap year
    [InlineData("130503990229001", "19990229")]
    [InlineData("130503671301001", "19671301")]
    [InlineData("130503670431001", "19670431")]
    [InlineData("130503670400001", "19670400")]
    public void TryParse_LegacyWithInvalidDate_Refused(string legacy, string date)
    {
        Assert.Equal($"身份证号中的出生日期 {date} 不是有效日期", ParseError(legacy));
    }

    [Theory]
    [InlineData("13050367040100A")]
    [InlineData("13050367040100X")]
    [InlineData("1305036704010-1")]
    public void TryParse_LegacyWithNonDigit_Refused(string legacy)
    {
        Assert.Equal("15位旧身份证号应全部为数字", ParseError(legacy));
    }

    [Theory]
    [InlineData("20230229")]
    [InlineData("20231301")]
    [InlineData("20230001")]
    [InlineData("20230100")]
    [InlineData("20230431")]
    [InlineData("21000229")]
    [InlineData("19000229")]
    public void TryParse_InvalidBirthDate_Refused(string date)
    {
        var first17 = "430702" + date + "001";
        var number = first17 + IdNumbers.Check(first17);
        Assert.Equal($"身份证号中的出生日期 {date} 不是有效日期", ParseError(number, new DateOnly(2200, 1, 1)));
    }

    [Fact]
    public void TryParse_LeapDayBirth_Accepted()
    {
        var number = IdNumbers.Make("430702", new DateOnly(2024, 2, 29), 2);
        var id = ParseValid(number);
        Assert.Equal(new DateOnly(2024, 2, 29), id.BirthDate);
        Assert.Equal(Sex.Female, id.Sex);

        Assert.Equal(new DateOnly(2000, 2, 29), ParseValid(IdNumbers.Make("430702", new DateOnly(2000, 2, 29), 1)).BirthDate);
    }

    [Fact]
    public void TryParse_BirthBefore1900_Refused()
    {
        Assert.Equal("身份证号中的出生日期 18991231 早于1900年", ParseError(IdNumbers.Make("430702", new DateOnly(1899, 12, 31), 1)));
        Assert.Equal(new DateOnly(1900, 1, 1), ParseValid(IdNumbers.Make("430702", new DateOnly(1900, 1, 1), 1)).BirthDate);
    }

    [Fact]
    public void TryParse_BirthDateAfterToday_RefusedRelativeToTodayArgument()
    {
        var rng = new Random(99);
        for (var i = 0; i < 300; i++)
        {
            var today = IdNumbers.RandomDate(rng, new DateOnly(1990, 1, 1), new DateOnly(2090, 12, 31));
            var number = IdNumbers.Make("430702", today, rng.Next(1000));
            var tomorrow = IdNumbers.Make("430702", today.AddDays(1), rng.Next(1000));

            Assert.Equal(today, ParseValid(number, today).BirthDate);
            Assert.Equal($"身份证号中的出生日期 {today.AddDays(1):yyyy-MM-dd} 晚于今天", ParseError(tomorrow, today));
            // The same number is fine the next day: only the argument decides, not the machine's clock.
            Assert.Equal(today.AddDays(1), ParseValid(tomorrow, today.AddDays(1)).BirthDate);
        }
    }

    [Fact]
    public void TryParse_SexFromSeventeenthDigit()
    {
        for (var d = 0; d <= 9; d++)
        {
            var number = IdNumbers.Make("430702", new DateOnly(2012, 5, 17), 120 + d);
            Assert.Equal(d % 2 == 1 ? Sex.Male : Sex.Female, ParseValid(number).Sex);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u3000")]
    public void TryParse_Empty_Refused(string? input)
    {
        Assert.Equal("身份证号不能为空", ParseError(input));
    }

    [Theory]
    [InlineData("1101051949123100", 16)]
    [InlineData("11010519491231002", 17)]
    [InlineData("11010519491231002XX", 19)]
    [InlineData("110105", 6)]
    [InlineData("11010519491231002 X 1", 19)]
    public void TryParse_WrongLength_SaysLength(string input, int length)
    {
        Assert.Equal($"身份证号应为18位（或15位旧号），现为{length}位", ParseError(input));
    }

    [Theory]
    [InlineData("1101051949123100X2")]
    [InlineData("A1010519491231002X")]
    [InlineData("110105-9491231002X")]
    public void TryParse_NonDigitInFirstSeventeen_Refused(string input)
    {
        Assert.Equal("身份证号前17位应全部为数字", ParseError(input));
    }

    [Fact]
    public void Mask_KeepsFirstSixAndLastFour()
    {
        Assert.Equal("110105********002X", CitizenIdNumber.Mask("11010519491231002X"));
        foreach (var (number, _, _) in Generated(6, 500))
        {
            var masked = CitizenIdNumber.Mask(number);
            Assert.Equal(18, masked.Length);
            Assert.Equal(number[..6], masked[..6]);
            Assert.Equal(number[14..], masked[14..]);
            Assert.Equal(new string('*', 8), masked[6..14]);
        }
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("1234", "****")]
    [InlineData("1234567890", "**********")]
    [InlineData("12345678901", "123456*8901")]
    [InlineData("130503670401001", "130503*****1001")]
    public void Mask_ShortAndOddInputs(string? input, string expected)
    {
        Assert.Equal(expected, CitizenIdNumber.Mask(input));
    }

    [Fact]
    public void DisagreementWith_SameBirthDateAndSex_Null()
    {
        var id = ParseValid("11010519491231002X");
        Assert.Null(id.DisagreementWith(new DateOnly(1949, 12, 31), Sex.Female));
        Assert.Null(id.DisagreementWith(null, null));
        Assert.Null(id.DisagreementWith(null, Sex.Unknown));
        Assert.Null(id.DisagreementWith(null, Sex.NotStated));
    }

    [Fact]
    public void DisagreementWith_OtherBirthDate_NamesTheNumbersDate()
    {
        var id = ParseValid("11010519491231002X");
        Assert.Equal("出生日期与身份证号不一致（身份证号中为 1949-12-31）", id.DisagreementWith(new DateOnly(1949, 12, 30), null));
        Assert.Equal("出生日期与身份证号不一致（身份证号中为 1949-12-31）", id.DisagreementWith(new DateOnly(1950, 12, 31), Sex.Female));
    }

    [Fact]
    public void DisagreementWith_OtherSex_NamesTheNumbersSex()
    {
        Assert.Equal("性别与身份证号不一致（身份证号第17位表示女）", ParseValid("11010519491231002X").DisagreementWith(null, Sex.Male));
        Assert.Equal("性别与身份证号不一致（身份证号第17位表示男）", ParseValid("130503196704010016").DisagreementWith(new DateOnly(1967, 4, 1), Sex.Female));
    }

    [Fact]
    public void DisagreementWith_GeneratedNumbers_AgreesOnlyWithItsOwnFacts()
    {
        foreach (var (number, birth, sequence) in Generated(7, 500))
        {
            var id = ParseValid(number);
            var sex = sequence % 2 == 1 ? Sex.Male : Sex.Female;
            var other = sex == Sex.Male ? Sex.Female : Sex.Male;
            Assert.Null(id.DisagreementWith(birth, sex));
            Assert.NotNull(id.DisagreementWith(birth.AddDays(1), sex));
            Assert.NotNull(id.DisagreementWith(birth, other));
        }
    }
}
