using Shouhu.Domain.Identity;
using Xunit;

namespace Shouhu.UnitTests.Identity;

public class EthnicityAndSexTests
{
    [Fact]
    public void All_FiftySixInCodeOrder()
    {
        var all = Ethnicity.All.ToList();
        Assert.Equal(56, all.Count);
        Assert.Equal(("01", "汉族"), all[0]);
        Assert.Equal(("05", "维吾尔族"), all[4]);
        Assert.Equal(("29", "柯尔克孜族"), all[28]);
        Assert.Equal(("56", "基诺族"), all[55]);
        Assert.Equal(Enumerable.Range(1, 56).Select(n => n.ToString("00", System.Globalization.CultureInfo.InvariantCulture)), all.Select(e => e.Code));
        Assert.Equal(56, all.Select(e => e.Name).Distinct().Count());
        Assert.All(all, e => Assert.EndsWith("族", e.Name, StringComparison.Ordinal));
        Assert.All(all, e => Assert.Equal(e.Name, Ethnicity.NameOf(e.Code)));
    }

    [Theory]
    [InlineData("01", "汉族")]
    [InlineData("02", "蒙古族")]
    [InlineData("30", "土族")]
    [InlineData("15", "土家族")]
    [InlineData("56", "基诺族")]
    [InlineData("00", null)]
    [InlineData("57", null)]
    [InlineData("99", null)]
    [InlineData("1", null)]
    [InlineData("001", null)]
    [InlineData("+1", null)]
    [InlineData(" 1", null)]
    [InlineData("０１", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void NameOf_Codes(string? code, string? name)
    {
        Assert.Equal(name, Ethnicity.NameOf(code));
    }

    [Theory]
    [InlineData("male", Sex.Male)]
    [InlineData(" MALE ", Sex.Male)]
    [InlineData("男", Sex.Male)]
    [InlineData("1", Sex.Male)]
    [InlineData("female", Sex.Female)]
    [InlineData("Female", Sex.Female)]
    [InlineData("女", Sex.Female)]
    [InlineData("2", Sex.Female)]
    [InlineData("0", null)]
    [InlineData("9", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("m", null)]
    public void SexText_Parse(string? text, Sex? expected)
    {
        Assert.Equal(expected, SexText.Parse(text));
    }

    [Fact]
    public void SexText_ApiAndChineseForms_AndGbCodes()
    {
        Assert.Equal("male", SexText.ToApi(Sex.Male));
        Assert.Equal("female", SexText.ToApi(Sex.Female));
        Assert.Equal("unknown", SexText.ToApi(Sex.Unknown));
        Assert.Equal("unknown", SexText.ToApi(Sex.NotStated));
        Assert.Equal("男", SexText.ToChinese(Sex.Male));
        Assert.Equal("女", SexText.ToChinese(Sex.Female));
        Assert.Equal("未知", SexText.ToChinese(Sex.NotStated));
        // GB/T 2261.1-2003 codes are what is stored.
        Assert.Equal([0, 1, 2, 9], Enum.GetValues<Sex>().Select(s => (int)s));
        foreach (var s in new[] { Sex.Male, Sex.Female })
        {
            Assert.Equal(s, SexText.Parse(SexText.ToApi(s)));
            Assert.Equal(s, SexText.Parse(SexText.ToChinese(s)));
        }
    }
}
