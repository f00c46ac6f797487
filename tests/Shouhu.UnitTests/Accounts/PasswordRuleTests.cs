using Shouhu.Domain.Accounts;
using Xunit;

namespace Shouhu.UnitTests.Accounts;

public class PasswordRuleTests
{
    private const string TooShort = "密码至少需要8个字符";
    private const string TooSimple = "密码需包含大写字母、小写字母、数字、符号中的至少三类";

    [Theory]
    [InlineData("Abcdefg1")] // upper, lower, digit
    [InlineData("abcdef1!")] // lower, digit, symbol
    [InlineData("ABCDEF1!")] // upper, digit, symbol
    [InlineData("Abcdefg!")] // upper, lower, symbol
    [InlineData("Aa1!Aa1!")] // all four
    [InlineData("Shouhu@2026")]
    [InlineData("aaaa bbb1")] // a space is a symbol
    [InlineData("守护Aa1守护守护")]
    public void Check_EightOrMoreWithThreeClasses_Accepted(string password)
    {
        Assert.Null(PasswordRule.Check(password));
    }

    [Theory]
    [InlineData("abcdefgh")]
    [InlineData("ABCDEFGH")]
    [InlineData("12345678")]
    [InlineData("!@#$%^&*")]
    [InlineData("abcd1234")] // two classes
    [InlineData("ABCD1234")]
    [InlineData("abcdEFGH")]
    [InlineData("abcd!@#$")]
    [InlineData("1234!@#$")]
    [InlineData("守护守护守护守护1a")] // Chinese characters are letters of no case: not a class
    public void Check_FewerThanThreeClasses_Refused(string password)
    {
        Assert.Equal(TooSimple, PasswordRule.Check(password));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Aa1!")]
    [InlineData("Aa1!Aa1")] // 7 characters, four classes
    public void Check_ShorterThanEight_Refused(string? password)
    {
        Assert.Equal(TooShort, PasswordRule.Check(password));
    }

    [Fact]
    public void Check_EveryCombinationOfClasses_NeedsThree()
    {
        string[] samples = ["ABCDEFGH", "abcdefgh", "12345678", "!@#$%^&*"];
        for (var mask = 1; mask < 16; mask++)
        {
            var chosen = Enumerable.Range(0, 4).Where(k => (mask & (1 << k)) != 0).ToList();
            // Eight or more characters drawn round-robin from the chosen classes.
            var password = string.Concat(Enumerable.Range(0, 8).Select(i => samples[chosen[i % chosen.Count]][i]));
            Assert.Equal(chosen.Count >= 3 ? null : TooSimple, PasswordRule.Check(password));
        }
    }
}
