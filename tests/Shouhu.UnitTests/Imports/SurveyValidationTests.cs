using Shouhu.Domain.Children;
using Shouhu.Imports;
using Shouhu.TestData;
using Xunit;

namespace Shouhu.UnitTests.Imports;

/// <summary>Each row is validated with the register's own rules on the 统计截止日, every problem at its Excel row and column (issue #12 item 3).</summary>
public class SurveyValidationTests
{
    private static readonly DateOnly AsOf = new(2026, 6, 30);
    private static readonly VillageDirectory Villages = new(SurveyGenerator.Regions(), SurveyGenerator.County);

    private static List<SurveyRow> Read(SurveyField[] fields, params object?[][] rows)
    {
        var sheet = new List<SheetRowSpec> { new(fields.Select(f => (object?)SurveyFields.Info(f).Header).ToList()) };
        sheet.AddRange(rows.Select(r => new SheetRowSpec(r)));
        using var reading = SurveyReading.Open(new XlsxBuilder().Sheet("儿童", sheet).Build(), null, out var refusal) ?? throw new InvalidOperationException(refusal);
        return reading.Rows(new SurveyOptions(AsOf, Villages)).ToList();
    }

    private static readonly SurveyField[] Basic = [SurveyField.Name, SurveyField.Sex, SurveyField.BirthDate, SurveyField.Residence];

    [Theory]
    [InlineData("甲3村", "430799100203")]
    [InlineData("甲镇甲3村", "430799100203")]
    [InlineData("示例县甲镇甲3村", "430799100203")]
    [InlineData("430799100203", "430799100203")]
    [InlineData("甲镇和平村", "430799100200")]
    public void Village_ByNameOrCodeInsideTheJurisdiction_IsItsCode(string written, string code)
    {
        var row = Assert.Single(Read(Basic, ["张三", "男", "2014-02-28", written]));
        Assert.Empty(row.Problems);
        Assert.Equal(code, row.Child!.RegionCode);
    }

    [Fact]
    public void Village_Ambiguous_ListsTheCandidates()
    {
        var problem = Assert.Single(Assert.Single(Read(Basic, ["张三", "男", "2014-02-28", "和平村"])).Problems);
        Assert.Equal(("儿童", 2, "现居住地", "和平村"), (problem.Sheet, problem.Row, problem.Column, problem.Value));
        Assert.Equal("辖区内有 2 个“和平村”：甲镇和平村（430799100200）；乙镇和平村（430799101200），请写上乡镇名或填写12位区划代码", problem.Message);
    }

    [Theory]
    [InlineData("外县村", "“外县村”（外镇外县村）不在您的辖区之内")]
    [InlineData("430798100200", "外镇外县村（430798100200）不在您的辖区之内")]
    [InlineData("丙镇甲3村", "辖区内没有村（社区）“丙镇甲3村”，请核对名称（同名时写成“乡镇名+村名”）或填写12位区划代码")]
    [InlineData("430799999999", "区划代码 430799999999 不存在")]
    public void Village_OutsideOrUnknown_IsSaidSo(string written, string message)
    {
        var problem = Assert.Single(Assert.Single(Read(Basic, ["张三", "男", "2014-02-28", written])).Problems);
        Assert.Equal(("现居住地", message), (problem.Column, problem.Message));
    }

    [Fact]
    public void Age_IsTakenOnTheAsOfDay()
    {
        // The age is reached the day after the birthday (ADR-009): born 2010-06-30, the child is still 15 on 2026-06-30.
        var rows = Read(Basic, ["张三", "男", "2010-06-29", "甲1村"], ["李四", "女", "2010-06-30", "甲1村"]);
        Assert.Equal([16, 15], rows.Select(r => r.AgeOnAsOf));
        Assert.Equal([false, true], rows.Select(r => r.UnderSixteen));
    }

    [Fact]
    public void LeftBehind_SixteenOnTheAsOfDay_IsRefusedByTheRegistersCategoryRule()
    {
        var random = new Random(3);
        var child = SurveyGenerator.ValidChild(2, AsOf, random);
        var fields = SurveyFields.Of(SurveyFields.ChildSheet).Select(f => f.Field).ToArray();
        var sixteen = AsOf.AddYears(-16).AddDays(-1); // 16 is reached the day after the 16th birthday (ADR-009)
        child[SurveyField.BirthDate] = sixteen;
        child[SurveyField.CitizenIdNumber] = SurveyGenerator.Id(SurveyGenerator.County, sixteen, 13);
        child[SurveyField.Sex] = "男";
        child[SurveyField.Category] = "农村留守儿童";
        var row = Assert.Single(Read(fields, fields.Select(f => child.GetValueOrDefault(f)).ToArray()));
        var problem = Assert.Single(row.Problems);
        Assert.Equal(("保护类别", "农村留守儿童限16周岁以下，该儿童已满16周岁"), (problem.Column, problem.Message));
    }

    [Fact]
    public void LeftBehind_UrbanHousehold_IsFiledAtTheCategoryAndTheHouseholdKind()
    {
        var child = SurveyGenerator.ValidChild(2, AsOf, new Random(4));
        child[SurveyField.HouseholdKind] = "城镇";
        child[SurveyField.Category] = "农村留守儿童";
        var fields = SurveyFields.Of(SurveyFields.ChildSheet).Select(f => f.Field).ToArray();
        var row = Assert.Single(Read(fields, fields.Select(f => child.GetValueOrDefault(f)).ToArray()));
        Assert.Equivalent(new[] { ("户籍性质", CategoryRules.LeftBehindNotRural), ("保护类别", CategoryRules.LeftBehindNotRural) }, row.Problems.Select(p => (p.Column, p.Message)), strict: true);
    }

    [Fact]
    public void IdNumberStoredAsNumber_IsRefusedAtItsCell_AndNothingElse()
    {
        var row = Assert.Single(Read([SurveyField.Name, SurveyField.Sex, SurveyField.CitizenIdNumber, SurveyField.Residence], ["张三", "男", 430799201402280013d, "甲1村"]));
        var problem = Assert.Single(row.Problems);
        Assert.Equal(("公民身份号码", "4.3079920140228E+17", SurveyText.NumericIdNumber), (problem.Column, problem.Value, problem.Message));
    }

    [Fact]
    public void MonthOnlyBirth_AgreeingWithTheIdNumber_IsTakenFromTheIdNumber()
    {
        var id = SurveyGenerator.Id(SurveyGenerator.County, new DateOnly(2014, 2, 28), 13);
        var row = Assert.Single(Read([SurveyField.Name, SurveyField.Sex, SurveyField.BirthDate, SurveyField.CitizenIdNumber, SurveyField.Residence], ["张三", "男", "2014.02", id, "甲1村"]));
        Assert.Empty(row.Problems);
        Assert.Equal(new DateOnly(2014, 2, 28), row.Child!.BirthDate);
    }

    [Fact]
    public void RegisterMessages_AreTheRegistersOwn()
    {
        // The same input through ChildRules directly gives the same message: one implementation, not a copy.
        var row = Assert.Single(Read(Basic, ["１２３", "男", "2014-02-28", "甲1村"]));
        var errors = new ValidationErrors();
        ChildRules.Validate(row.Input, AsOf, errors);
        Assert.Equal(errors.For("name"), row.Problems.Where(p => p.Column == "姓名").Select(p => p.Message));
    }

    [Fact]
    public void MergedDataCells_AreReportedOnTheRowsTheyEmpty()
    {
        var sheet = new List<SheetRowSpec>
        {
            SheetRowSpec.Of("姓名", "性别", "出生日期", "现居住地"),
            SheetRowSpec.Of("张三", "男", "2014-02-28", "甲1村"),
            SheetRowSpec.Of("李四", "女", "2014-03-01", null),
        };
        using var reading = SurveyReading.Open(new XlsxBuilder().Sheet("儿童", sheet, ["D2:D3"]).Build(), null, out _)!;
        var rows = reading.Rows(new SurveyOptions(AsOf, Villages)).ToList();
        Assert.Empty(rows[0].Problems);
        Assert.Contains(rows[1].Problems, p => p is { Row: 3, Column: "现居住地" } && p.Message.StartsWith("合并单元格 D2:D3", StringComparison.Ordinal));
    }

    [Fact]
    public void HiddenRows_AreValidatedAndListed()
    {
        var sheet = new List<SheetRowSpec>
        {
            SheetRowSpec.Of("姓名", "性别", "出生日期", "现居住地"),
            SheetRowSpec.Of("张三", "男", "2014-02-28", "甲1村"),
            SheetRowSpec.HiddenOf("李四", "女", "2014-03-01", "甲1村"),
        };
        using var reading = SurveyReading.Open(new XlsxBuilder().Sheet("儿童", sheet).Build(), null, out _)!;
        var rows = reading.Rows(new SurveyOptions(AsOf, Villages)).ToList();
        Assert.Equal(2, rows.Count(r => r.IsValid));
        Assert.True(rows[1].Hidden);
        Assert.Equal([3], reading.HiddenRows);
    }

    [Fact]
    public void FamilyMembers_JoinTheirChildByIdNumberOrRow_AndStraysAreReported()
    {
        var id = SurveyGenerator.Id(SurveyGenerator.County, new DateOnly(2014, 2, 28), 13);
        var children = new List<SheetRowSpec>
        {
            SheetRowSpec.Of("姓名", "性别", "公民身份号码", "出生日期", "现居住地"),
            SheetRowSpec.Of("张三", "男", id, null, "甲1村"),
            SheetRowSpec.Of("李四", "女", null, "2015-01-01", "甲1村"),
        };
        var family = new List<SheetRowSpec>
        {
            SheetRowSpec.Of("儿童公民身份号码", "儿童行号", "姓名", "与儿童关系", "状况"),
            SheetRowSpec.Of(id, null, "张大", "父亲", "服刑"),
            SheetRowSpec.Of(null, 3, "李奶奶", "奶奶", null),
            SheetRowSpec.Of(null, 9, "王某", "舅舅", null),
        };
        using var reading = SurveyReading.Open(new XlsxBuilder().Sheet("儿童", children).Sheet("家庭成员", family).Build(), null, out _)!;
        var rows = reading.Rows(new SurveyOptions(AsOf, Villages)).ToList();
        Assert.All(rows, r => Assert.Empty(r.Problems));
        var father = Assert.Single(rows[0].Child!.Guardians);
        Assert.Equal((GuardianRelation.Father, GuardianStatus.Imprisoned, true), (father.Relation, father.Status, father.IsGuardian));
        var grandmother = Assert.Single(rows[1].Child!.Guardians);
        Assert.Equal((GuardianRelation.Grandmother, false), (grandmother.Relation, grandmother.IsGuardian));
        var stray = Assert.Single(reading.OtherProblems);
        Assert.Equal(("家庭成员", 4, "儿童行号", "9"), (stray.Sheet, stray.Row, stray.Column, stray.Value));
    }

    [Fact]
    public void GeneratedSurvey_With300FaultsOf31Kinds_NamesExactlyThose()
    {
        var survey = SurveyGenerator.Generate(10_000, 300, AsOf);
        Assert.True(survey.Faults.Select(f => f.Kind).Distinct().Count() >= 20);
        using var reading = SurveyReading.Open(survey.Content, null, out var refusal)!;
        Assert.Null(refusal);
        Assert.Empty(reading.Children.Unmatched);
        Assert.Empty(reading.Family!.Unmatched);
        var rows = reading.Rows(new SurveyOptions(survey.AsOf, survey.Villages)).ToList();
        Assert.Equal(10_000, rows.Count);
        var named = rows.SelectMany(r => r.Problems).Concat(reading.OtherProblems).Select(p => (p.Sheet, p.Row, p.Column)).ToList();
        var planted = survey.Faults.Select(f => (f.Sheet, f.Row, f.Column)).ToList();
        var extra = named.Except(planted).Take(5).Select(k => rows.SelectMany(r => r.Problems).Concat(reading.OtherProblems).First(p => (p.Sheet, p.Row, p.Column) == k));
        Assert.Empty(extra);
        Assert.Empty(planted.Except(named).Select(k => survey.Faults.First(f => (f.Sheet, f.Row, f.Column) == k)));
        Assert.Equal(300, named.Distinct().Count());
        Assert.Equal(10_000 - survey.Faults.Count(f => f.Sheet == "儿童" || f.Kind != "member-child-missing"), rows.Count(r => r.IsValid));
    }
}
