using Shouhu.Imports;
using Shouhu.TestData;
using Xunit;

namespace Shouhu.UnitTests.Imports;

/// <summary>The header row is found below title rows and matched by name (issue #12 item 2).</summary>
public class ColumnMappingTests
{
    private static SurveyReading Open(IEnumerable<SheetRowSpec> rows, IEnumerable<string>? merges = null)
    {
        var xlsx = new XlsxBuilder().Sheet("Sheet1", rows, merges).Build();
        return SurveyReading.Open(xlsx, null, out var refusal) ?? throw new InvalidOperationException(refusal);
    }

    [Fact]
    public void Header_BelowTitleAndUnitRows_IsFound()
    {
        using var reading = Open(
        [
            SheetRowSpec.Of("XX县农村留守儿童基本情况登记表"),
            SheetRowSpec.Of("填报单位：某某镇人民政府", null, null, "填报日期：2016年7月31日"),
            SheetRowSpec.Of("序号", "儿童姓名", "性别", "公民身份号码"),
            SheetRowSpec.Of(1, "张三", "男", null),
        ]);
        Assert.Equal(3, reading.Children.HeaderFirstRow);
        Assert.Equal(3, reading.Children.HeaderLastRow);
        Assert.Equal([SurveyField.SerialNumber, SurveyField.Name, SurveyField.Sex, SurveyField.CitizenIdNumber], reading.Children.Columns.Select(c => c.Field));
    }

    [Theory]
    [InlineData("身份证号")]
    [InlineData("公民身份号码")]
    [InlineData("身份证号码")]
    [InlineData("身份证")]
    [InlineData("公民身份证号码")]
    [InlineData("身 份 证 号")]
    [InlineData("公民身份\n号码")]
    [InlineData("身份证号（18位）")]
    public void Header_IdNumberSynonyms_AllMatch(string header)
    {
        using var reading = Open([SheetRowSpec.Of("姓名", "性别", header)]);
        Assert.Equal(SurveyField.CitizenIdNumber, reading.Children.Of(SurveyField.CitizenIdNumber)!.Field);
        Assert.Equal(header, reading.Children.Of(SurveyField.CitizenIdNumber)!.Header);
    }

    [Theory]
    [InlineData("出生年月", SurveyField.BirthDate)]
    [InlineData("儿童姓名", SurveyField.Name)]
    [InlineData("户籍所在地", SurveyField.HouseholdRegion)]
    [InlineData("居住地址", SurveyField.Residence)]
    [InlineData("现居住地", SurveyField.Residence)]
    [InlineData("ＭＩＸ民族", null)]
    public void Header_OtherSynonyms(string header, SurveyField? field)
    {
        using var reading = Open([SheetRowSpec.Of("性别", "民族", "公民身份号码", header)]);
        Assert.Equal(field, reading.Children.Columns.FirstOrDefault(c => c.Index == 3)?.Field);
    }

    [Fact]
    public void Columns_InAnyOrder_UnknownListedAndIgnored()
    {
        using var reading = Open([SheetRowSpec.Of("备注", "公民身份号码", "性别", "爱好", "姓名")]);
        Assert.Equal([(1, SurveyField.CitizenIdNumber), (2, SurveyField.Sex), (4, SurveyField.Name)], reading.Children.Columns.Select(c => (c.Index, c.Field)));
        Assert.Equal([(0, "备注"), (3, "爱好")], reading.Children.Unmatched.Select(u => (u.Index, u.Header)));
        Assert.Contains(reading.Notices, n => n.Message == "第 D 列“爱好”：无法识别的列，已忽略");
    }

    [Fact]
    public void Columns_TheSameFieldTwice_TheSecondIsListed()
    {
        using var reading = Open([SheetRowSpec.Of("姓名", "性别", "身份证号", "公民身份号码")]);
        Assert.Equal(2, reading.Children.Of(SurveyField.CitizenIdNumber)!.Index);
        Assert.Equal("与第 C 列“身份证号”重复，已忽略", Assert.Single(reading.Children.Unmatched).Reason);
    }

    [Fact]
    public void Header_TwoRowsWithMergedGroups_JoinGroupAndSubHeader()
    {
        using var reading = Open(
        [
            SheetRowSpec.Of("姓名", "性别", "公民身份号码", "父亲", null, null, "母亲", null),
            SheetRowSpec.Of(null, null, null, "姓名", "身份证号", "务工地", "姓名", "联系电话"),
        ],
        ["A1:A2", "B1:B2", "C1:C2", "D1:F1", "G1:H1"]);
        var map = reading.Children;
        Assert.Equal((1, 2), (map.HeaderFirstRow, map.HeaderLastRow));
        Assert.Equal(
            [SurveyField.Name, SurveyField.Sex, SurveyField.CitizenIdNumber, SurveyField.FatherName, SurveyField.FatherIdNumber, SurveyField.FatherWorkPlace, SurveyField.MotherName, SurveyField.MotherPhone],
            map.Columns.Select(c => c.Field));
        Assert.Equal("父亲/身份证号", map.Of(SurveyField.FatherIdNumber)!.Header);
        Assert.Contains(reading.Notices, n => n.Message.StartsWith("表头中的合并单元格已按左上角的值填充", StringComparison.Ordinal));
    }

    [Fact]
    public void Map_CorrectedByTheUser_MovesTheField()
    {
        using var reading = Open([SheetRowSpec.Of("姓名", "性别", "身份证号", "号码")]);
        var corrected = reading.Children.With(3, SurveyField.CitizenIdNumber);
        Assert.Equal(3, corrected.Of(SurveyField.CitizenIdNumber)!.Index);
        Assert.Contains(corrected.Unmatched, u => u.Index == 2);
        Assert.DoesNotContain(corrected.Unmatched, u => u.Index == 3);
        var ignored = corrected.With(1, null);
        Assert.False(ignored.Has(SurveyField.Sex));
    }
}
