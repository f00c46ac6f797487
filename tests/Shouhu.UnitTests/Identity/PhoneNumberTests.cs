using Shouhu.Domain.Identity;
using Xunit;

namespace Shouhu.UnitTests.Identity;

public class PhoneNumberTests
{
    private const string NotDigits = "电话号码只能包含数字（可带区号和“-”）";
    private const string WrongShape = "电话号码应为11位手机号或带区号的固定电话（如 0736-7252000）";

    private static string? Normalize(string? input, out string? error) => PhoneNumber.Normalize(input, out error);

    [Theory]
    [InlineData("13800138000", "13800138000")]
    [InlineData(" 13800138000 ", "13800138000")]
    [InlineData("138 0013 8000", "13800138000")]
    [InlineData("138-0013-8000", "13800138000")]
    [InlineData("138－0013－8000", "13800138000")] // full-width hyphen
    [InlineData("138—0013—8000", "13800138000")] // em dash
    [InlineData("138\u30000013\u30008000", "13800138000")] // ideographic space
    [InlineData("１３８００１３８０００", "13800138000")] // full-width digits
    [InlineData("１３８ ００１３-８０００", "13800138000")]
    [InlineData("+86 138 0013 8000", "13800138000")]
    [InlineData("+8613800138000", "13800138000")]
    [InlineData("8613800138000", "13800138000")]
    [InlineData("(+86) 138-0013-8000", "13800138000")]
    [InlineData("（+86）13800138000", "13800138000")]
    [InlineData("+86 １３８００１３８０００", "13800138000")]
    [InlineData("13912345678", "13912345678")]
    [InlineData("14712345678", "14712345678")]
    [InlineData("15012345678", "15012345678")]
    [InlineData("16612345678", "16612345678")]
    [InlineData("17012345678", "17012345678")]
    [InlineData("18612345678", "18612345678")]
    [InlineData("19912345678", "19912345678")]
    public void Normalize_Mobile(string input, string expected)
    {
        Assert.Equal(expected, Normalize(input, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("0736-7252000", "0736-7252000")]
    [InlineData("07367252000", "0736-7252000")]
    [InlineData("0736 7252000", "0736-7252000")]
    [InlineData("(0736)7252000", "0736-7252000")]
    [InlineData("（0736）7252000", "0736-7252000")]
    [InlineData("０７３６－７２５２０００", "0736-7252000")]
    [InlineData("010-12345678", "010-12345678")]
    [InlineData("01012345678", "010-12345678")]
    [InlineData("02112345678", "021-12345678")]
    [InlineData("021-1234-5678", "021-12345678")]
    [InlineData("029-88888888", "029-88888888")]
    [InlineData("0736-725200", "0736-725200")] // 7-digit local number: 10 digits in all
    [InlineData("0755-12345678", "0755-12345678")] // 12 digits in all
    [InlineData("+86 0736 7252000", "0736-7252000")]
    public void Normalize_FixedLine(string input, string expected)
    {
        Assert.Equal(expected, Normalize(input, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t")]
    public void Normalize_Empty_NullWithoutError(string? input)
    {
        Assert.Null(Normalize(input, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("1380013800a")]
    [InlineData("abc")]
    [InlineData("tel:13800138000")]
    [InlineData("138.0013.8000")]
    [InlineData("138_0013_8000")]
    [InlineData("13800138000转123")]
    [InlineData("138+00138000")] // + only as the very first character
    [InlineData("13800138000+")]
    [InlineData("０７３６ｘ７２５２０００")]
    [InlineData("138\u00000138000")]
    [InlineData("138\n00138000")]
    public void Normalize_NonDigits_Refused(string input)
    {
        Assert.Null(Normalize(input, out var error));
        Assert.Equal(NotDigits, error);
    }

    [Theory]
    [InlineData("110")]
    [InlineData("12345")]
    [InlineData("1380013800")] // 10 digits
    [InlineData("138001380001")] // 12 digits
    [InlineData("10012345678")] // 1[0-2]: no such mobile
    [InlineData("11012345678")]
    [InlineData("12012345678")]
    [InlineData("12345678901")]
    [InlineData("23800138000")]
    [InlineData("073672520")] // 9 digits with a 0
    [InlineData("0736725200012")] // 13 digits with a 0
    [InlineData("7252000")] // no area code
    [InlineData("86138001380")] // 86 + 9 digits
    [InlineData("+8612012345678")] // +86 then a 1[0-2] number
    [InlineData("+86 138 0013 800")]
    [InlineData("-")]
    [InlineData("+")]
    [InlineData("( )")]
    public void Normalize_WrongLengthOrPrefix_Refused(string input)
    {
        Assert.Null(Normalize(input, out var error));
        Assert.Equal(WrongShape, error);
    }

    [Theory]
    [InlineData("+1 303 555 0100")]
    [InlineData("+1 (415) 555-0100")]
    public void Normalize_ForeignCountryCode_NotReadAsChineseMobile(string input)
    {
        Assert.Null(Normalize(input, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void Normalize_Idempotent_OnItsOwnOutput()
    {
        foreach (var input in new[] { "+86 138 0013 8000", "０７３６－７２５２０００", "01012345678", "021-1234-5678", "0736-725200" })
        {
            var once = Normalize(input, out var e1);
            Assert.Null(e1);
            Assert.Equal(once, Normalize(once, out var e2));
            Assert.Null(e2);
        }
    }

    [Fact]
    public void Normalize_ErrorResetOnSuccess()
    {
        Assert.Null(Normalize("abc", out var error));
        Assert.NotNull(error);
        Assert.Equal("13800138000", Normalize("13800138000", out error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("13800138000", "138****8000")]
    [InlineData("0736-7252000", "073*****2000")]
    [InlineData("010-12345678", "010*****5678")]
    [InlineData("0736-725200", "073****5200")]
    [InlineData("12345678", "123*5678")]
    [InlineData("1234567", "*******")]
    [InlineData("123", "***")]
    [InlineData("1", "*")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Mask_KeepsFirstThreeAndLastFour(string? phone, string expected)
    {
        Assert.Equal(expected, PhoneNumber.Mask(phone));
    }

    [Fact]
    public void Mask_ManyNumbers_SameLengthOnlyEndsVisible()
    {
        var rng = new Random(11);
        for (var i = 0; i < 2000; i++)
        {
            var phone = "1" + rng.Next(3, 10) + rng.NextInt64(0, 1_000_000_000).ToString("000000000", System.Globalization.CultureInfo.InvariantCulture);
            var masked = PhoneNumber.Mask(phone);
            Assert.Equal(11, masked.Length);
            Assert.Equal(phone[..3], masked[..3]);
            Assert.Equal(phone[^4..], masked[^4..]);
            Assert.Equal("****", masked[3..7]);
        }
    }
}
