using Shouhu.Domain.Children;
using Shouhu.Imports;
using Xunit;

namespace Shouhu.UnitTests.Imports;

/// <summary>The spreadsheet's normalisation before the register's rules (issue #12 item 3), one test per form.</summary>
public class SurveyTextTests
{
    private static readonly DateOnly Feb28 = new(2014, 2, 28);

    [Theory]
    [InlineData("2014.2.28")]
    [InlineData("2014年2月28日")]
    [InlineData("2014/02/28")]
    [InlineData("2014-2-28")]
    [InlineData("20140228")]
    [InlineData("２０１４．２．２８")]
    [InlineData(" 2014 - 02 - 28 ")]
    [InlineData("\u00A02014-02-28\u3000")]
    public void Date_TextInEveryUsualForm_IsTheDate(string text)
    {
        Assert.Equal(Feb28, SurveyText.Date(CellValue.OfText(text), false, out var error, out _));
        Assert.Null(error);
    }

    [Fact]
    public void Date_EightDigitNumberCell_IsReadAsYearMonthDay()
    {
        Assert.Equal(Feb28, SurveyText.Date(CellValue.OfNumber(20140228), false, out _, out _));
    }

    [Theory]
    [InlineData(41698, false)] // 2014-02-28 in the 1900 system
    [InlineData(40236, true)] // the same day in the 1904 system (1,462 days fewer)
    public void Date_SerialInANumberCell_IsTheDateOfItsSystem(double serial, bool date1904)
    {
        Assert.Equal(Feb28, SurveyText.Date(CellValue.OfNumber(serial), date1904, out _, out _));
    }

    [Theory]
    [InlineData(1, 1900, 1, 1)]
    [InlineData(59, 1900, 2, 28)]
    [InlineData(61, 1900, 3, 1)]
    [InlineData(41698, 2014, 2, 28)]
    [InlineData(41698.75, 2014, 2, 28)]
    public void FromSerial_1900System_KeepsLotusLeapYearBug(double serial, int y, int m, int d)
    {
        Assert.Equal(new DateOnly(y, m, d), ExcelDates.FromSerial(serial, date1904: false));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(60)] // 1900-02-29, a day that never was
    [InlineData(-1)]
    public void FromSerial_DaysThatAreNoDate_AreNull(double serial)
    {
        Assert.Null(ExcelDates.FromSerial(serial, date1904: false));
    }

    [Fact]
    public void FromSerial_1904System_StartsOnNewYear1904()
    {
        Assert.Equal(new DateOnly(1904, 1, 1), ExcelDates.FromSerial(0, date1904: true));
        Assert.Equal(new DateOnly(1904, 1, 2), ExcelDates.FromSerial(1, date1904: true));
    }

    [Theory]
    [InlineData(14u, null, true)]
    [InlineData(31u, null, true)] // yyyy"年"m"月"d"日" built in for zh-CN
    [InlineData(57u, null, true)]
    [InlineData(0u, null, false)]
    [InlineData(49u, null, false)] // text
    [InlineData(176u, "yyyy\"年\"m\"月\"d\"日\"", true)]
    [InlineData(177u, "yyyy/mm/dd;@", true)]
    [InlineData(178u, "[$-F800]dddd, mmmm dd, yyyy", true)]
    [InlineData(179u, "0.00\"天\"", false)]
    [InlineData(180u, "[Red]0.00", false)]
    [InlineData(181u, "h:mm:ss", false)]
    public void IsDateFormat_BuiltInAndCustomFormats(uint id, string? code, bool date)
    {
        Assert.Equal(date, ExcelDates.IsDateFormat(id, code));
    }

    [Theory]
    [InlineData("2014.02")]
    [InlineData("2014年2月")]
    [InlineData("201402")]
    public void Date_MonthOnly_SaysTheDayIsMissing(string text)
    {
        Assert.Null(SurveyText.Date(CellValue.OfText(text), false, out var error, out var month));
        Assert.Equal(new DateOnly(2014, 2, 1), month);
        Assert.Equal("日期只写到了月，请写到日（如 2014-02-28）", error);
    }

    [Theory]
    [InlineData("2014-02-30")]
    [InlineData("明年")]
    [InlineData("1899-12-31")]
    public void Date_NoDate_IsAnError(string text)
    {
        Assert.Null(SurveyText.Date(CellValue.OfText(text), false, out var error, out _));
        Assert.StartsWith("日期不是有效日期", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ＡＢＣ１２３", "ABC123")]
    [InlineData("  张\u3000三  ", "张 三")]
    [InlineData("a\u00A0\u00A0b", "a b")]
    [InlineData("甲\r\n乙\t丙", "甲 乙 丙")]
    [InlineData("x\u200By", "xy")]
    public void Clean_FullWidthAndStraySpaces(string raw, string clean)
    {
        Assert.Equal(clean, SurveyText.Clean(raw));
    }

    [Theory]
    [InlineData("张 三", "张三")]
    [InlineData(" 张\u3000三 ", "张三")]
    [InlineData("阿依古丽•买买提", "阿依古丽·买买提")]
    [InlineData("阿依古丽 ・ 买买提", "阿依古丽·买买提")]
    [InlineData("阿依古丽．买买提", "阿依古丽·买买提")]
    [InlineData("Anna Li", "Anna Li")]
    public void Name_SpacesBetweenHanAndMiddleDotLookAlikes(string raw, string name)
    {
        Assert.Equal(name, SurveyText.Name(raw));
    }

    [Theory]
    [InlineData("男", "male")]
    [InlineData("男性", "male")]
    [InlineData("1", "male")]
    [InlineData("１", "male")]
    [InlineData(" M ", "male")]
    [InlineData("女", "female")]
    [InlineData("女性", "female")]
    [InlineData("2", "female")]
    [InlineData("f", "female")]
    public void Sex_EveryForm(string text, string sex)
    {
        Assert.Equal(sex, SurveyText.Sex(text, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("未知")]
    [InlineData("3")]
    [InlineData("男女")]
    public void Sex_Other_IsAnError(string text)
    {
        Assert.Null(SurveyText.Sex(text, out var error));
        Assert.Equal("性别应为 男 或 女（也可填 1 / 2）", error);
    }

    [Theory]
    [InlineData("汉", "01")]
    [InlineData("汉族", "01")]
    [InlineData("土家", "15")]
    [InlineData("土家族", "15")]
    [InlineData(" 蒙古 族 ", "02")]
    [InlineData("维吾尔族", "05")]
    [InlineData("01", "01")]
    [InlineData("1", "01")]
    [InlineData("５６", "56")]
    public void Ethnicity_WithOrWithoutZu_OrCode(string text, string code)
    {
        Assert.Equal(code, SurveyText.Ethnicity(text, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("火星族")]
    [InlineData("57")]
    [InlineData("穿青人")]
    public void Ethnicity_Unknown_IsAnError(string text)
    {
        Assert.Null(SurveyText.Ethnicity(text, out var error));
        Assert.StartsWith("民族应为56个民族之一", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(430702201402281234d)]
    [InlineData(1234567890123456d)] // 16 digits
    [InlineData(4.30702e17)]
    public void IdNumber_StoredAsANumberOfMoreThan15Digits_IsRefusedWithTheReason(double number)
    {
        Assert.Null(SurveyText.IdNumber(CellValue.OfNumber(number), out var error));
        Assert.Equal(SurveyText.NumericIdNumber, error);
    }

    [Theory]
    [InlineData("4.30702E+17")]
    [InlineData("4.30702e17")]
    [InlineData("４.３０７０２Ｅ＋１７")]
    public void IdNumber_ScientificNotationAsText_IsRefusedWithTheReason(string text)
    {
        Assert.Null(SurveyText.IdNumber(CellValue.OfText(text), out var error));
        Assert.Equal(SurveyText.NumericIdNumber, error);
    }

    [Theory]
    [InlineData("４３０７０２２０１４０２２８１２３ｘ", "43070220140228123x")]
    [InlineData("430702 2014 0228 1234", "430702201402281234")]
    public void IdNumber_Text_IsCompactedAndLeftToTheRegister(string text, string compact)
    {
        Assert.Equal(compact, SurveyText.IdNumber(CellValue.OfText(text), out var error));
        Assert.Null(error);
    }

    [Fact]
    public void Phone_StoredAsANumber_KeepsItsDigits()
    {
        Assert.Equal("13800000000", SurveyText.Phone(CellValue.OfNumber(13800000000)));
    }

    [Theory]
    [InlineData("是", true)]
    [InlineData("有", true)]
    [InlineData("√", true)]
    [InlineData("TRUE", true)]
    [InlineData("否", false)]
    [InlineData("无", false)]
    [InlineData("×", false)]
    public void YesNo_UsualForms(string text, bool value)
    {
        Assert.Equal(value, SurveyText.YesNo(CellValue.OfText(text), out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("肢体残疾二级", DisabilityType.Physical, 2)]
    [InlineData("肢体二级", DisabilityType.Physical, 2)]
    [InlineData("视力 1级", DisabilityType.Visual, 1)]
    [InlineData("多重残疾四级", DisabilityType.Multiple, 4)]
    [InlineData("智力三级残疾", DisabilityType.Intellectual, 3)]
    public void Disability_TypeAndGrade(string text, DisabilityType type, int grade)
    {
        Assert.Equal((type, grade), SurveyText.Disability(text, out var error));
        Assert.Null(error);
    }

    [Fact]
    public void SeveralOf_AnySeparator_AndNamesTheUnknownOne()
    {
        var values = SurveyText.SeveralOf("打工收入，种养殖业;政府救助 炒股", SurveyValues.IncomeSources, "…", out var error);
        Assert.Equal([IncomeSource.Wages, IncomeSource.Farming, IncomeSource.GovernmentAid], values);
        Assert.StartsWith("“炒股”不是可选的值", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("性别（男/女）", "性别")]
    [InlineData("公民身份\n号码", "公民身份号码")]
    [InlineData("＊姓 名：", "姓名")]
    [InlineData("父母一方外出、另一方无监护能力", "父母一方外出另一方无监护能力")]
    public void HeaderKey_IgnoresHintsSpacesAndPunctuation(string header, string key)
    {
        Assert.Equal(key, SurveyText.HeaderKey(header));
    }
}
