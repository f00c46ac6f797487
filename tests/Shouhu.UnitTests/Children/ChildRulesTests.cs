using System.Text;
using Shouhu.Domain.Children;
using Shouhu.Domain.Identity;
using Shouhu.UnitTests.Support;
using Xunit;

namespace Shouhu.UnitTests.Children;

public class ChildRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private const string Village = "430702001001";
    private static readonly DateOnly ChildBirth = new(2014, 2, 28);
    private static readonly string ChildId = IdNumbers.Make("430702", ChildBirth, 123); // odd: male
    private static readonly string MotherId = IdNumbers.Make("430721", new DateOnly(1988, 7, 15), 244);

    private static ChildInput Valid() => new(
        Name: "李小明",
        Sex: "male",
        CitizenIdNumber: ChildId,
        BirthDate: "2014-02-28",
        EthnicityCode: "01",
        ResidenceRegionCode: Village,
        Address: "3组12号",
        Categories: [new CategoryInput("LeftBehind", null, "2025-09-01"), new CategoryInput("InDistress", " 家庭经济困难 ")],
        Guardians: [new GuardianInput("王芳", "Mother", MotherId, "Living"), new GuardianInput("李大山", "Grandfather")]);

    private static (Child? Child, ValidationErrors Errors) Run(ChildInput input, DateOnly? today = null)
    {
        var errors = new ValidationErrors();
        var child = ChildRules.Validate(input, today ?? Today, errors);
        return (child, errors);
    }

    private static Child Accepted(ChildInput input, DateOnly? today = null)
    {
        var (child, errors) = Run(input, today);
        Assert.True(errors.IsEmpty, string.Join("; ", errors.ToDictionary().Select(kv => $"{kv.Key}: {string.Join(" / ", kv.Value)}")));
        Assert.Empty(errors.ToDictionary());
        Assert.NotNull(child);
        return child;
    }

    /// <summary>Asserts the input is refused with exactly the given field → message pairs and nothing else.</summary>
    private static void Refused(ChildInput input, params (string Field, string Message)[] expected) =>
        RefusedOn(input, Today, expected);

    private static void RefusedOn(ChildInput input, DateOnly today, params (string Field, string Message)[] expected)
    {
        var (child, errors) = Run(input, today);
        Assert.Null(child);
        Assert.False(errors.IsEmpty);
        var actual = errors.ToDictionary();
        var expectedByField = expected.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        Assert.Equal(expectedByField.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (field, messages) in expectedByField)
        {
            Assert.Equal(messages, actual[field]);
            Assert.Equal(messages, errors.For(field));
        }
    }

    [Fact]
    public void Validate_ValidInput_ReturnsChildWithCategoriesAndGuardians()
    {
        var child = Accepted(Valid());

        Assert.Equal("李小明", child.Name);
        Assert.Equal(Sex.Male, child.Sex);
        Assert.Equal(ChildId, child.CitizenIdNumber);
        Assert.Equal(ChildBirth, child.BirthDate);
        Assert.Equal("01", child.EthnicityCode);
        Assert.Equal(Village, child.RegionCode);
        Assert.Equal("3组12号", child.Address);

        Assert.Collection(
            child.Categories,
            c =>
            {
                Assert.Equal(ProtectionCategory.LeftBehind, c.Category);
                Assert.Null(c.SubType);
                Assert.Equal(new DateOnly(2025, 9, 1), c.ValidFrom);
                Assert.Null(c.ValidTo);
                Assert.Equal(CategoryStatus.Pending, c.Status);
                Assert.Equal(Village, c.RegionCode);
            },
            c =>
            {
                Assert.Equal(ProtectionCategory.InDistress, c.Category);
                Assert.Equal("家庭经济困难", c.SubType);
                Assert.Equal(Today, c.ValidFrom); // no date given: from today
                Assert.Equal(CategoryStatus.Pending, c.Status);
                Assert.Equal(Village, c.RegionCode);
            });

        Assert.Collection(
            child.Guardians,
            g =>
            {
                Assert.Equal("王芳", g.Name);
                Assert.Equal(GuardianRelation.Mother, g.Relation);
                Assert.Equal(MotherId, g.CitizenIdNumber);
                Assert.Equal(GuardianStatus.Living, g.Status);
                Assert.Equal(Village, g.RegionCode);
            },
            g =>
            {
                Assert.Equal("李大山", g.Name);
                Assert.Equal(GuardianRelation.Grandfather, g.Relation);
                Assert.Null(g.CitizenIdNumber);
                Assert.Equal(GuardianStatus.Living, g.Status);
            });
    }

    [Fact]
    public void Validate_MinimalInput_Accepted()
    {
        var child = Accepted(new ChildInput("张三", "女", null, "2020-01-01", null, Village, null));
        Assert.Equal(Sex.Female, child.Sex);
        Assert.Null(child.CitizenIdNumber);
        Assert.Equal(new DateOnly(2020, 1, 1), child.BirthDate);
        Assert.Null(child.EthnicityCode);
        Assert.Null(child.Address);
        Assert.Empty(child.Categories);
        Assert.Empty(child.Guardians);
    }

    [Fact]
    public void Validate_IdOnly_BirthDateTakenFromNumber()
    {
        var child = Accepted(Valid() with { BirthDate = null });
        Assert.Equal(ChildBirth, child.BirthDate);
    }

    [Fact]
    public void Validate_IdInFullWidthWithLowerX_StoredNormalised()
    {
        var birth = new DateOnly(2016, 3, 3);
        var sequence = Enumerable.Range(0, 1000).First(s => IdNumbers.Make("430702", birth, s)[17] == 'X');
        var withX = IdNumbers.Make("430702", birth, sequence);
        var typed = " " + IdNumbers.ToFullWidth(withX[..17]) + "x ";

        var child = Accepted(Valid() with { CitizenIdNumber = typed, BirthDate = "2016年3月3日", Sex = sequence % 2 == 1 ? "male" : "female" });

        Assert.Equal(withX, child.CitizenIdNumber);
        Assert.EndsWith("X", child.CitizenIdNumber, StringComparison.Ordinal);
        Assert.Equal(birth, child.BirthDate);
    }

    [Theory]
    [InlineData("male", Sex.Male)]
    [InlineData("MALE", Sex.Male)]
    [InlineData(" Male ", Sex.Male)]
    [InlineData("男", Sex.Male)]
    [InlineData("1", Sex.Male)]
    public void Validate_SexWritings_Male(string sex, Sex expected)
    {
        Assert.Equal(expected, Accepted(Valid() with { Sex = sex }).Sex);
    }

    [Theory]
    [InlineData("female")]
    [InlineData("女")]
    [InlineData("2")]
    public void Validate_SexWritings_Female(string sex)
    {
        Assert.Equal(Sex.Female, Accepted(Valid() with { Sex = sex, CitizenIdNumber = null }).Sex);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Validate_NoSex_Refused(string? sex)
    {
        Refused(Valid() with { Sex = sex }, ("sex", "请选择性别"));
    }

    [Theory]
    [InlineData("m")]
    [InlineData("0")]
    [InlineData("9")]
    [InlineData("unknown")]
    [InlineData("男性")]
    public void Validate_UnknownSex_Refused(string sex)
    {
        Refused(Valid() with { Sex = sex }, ("sex", "性别应为 male（男）或 female（女）"));
    }

    [Fact]
    public void Validate_IdDisagreesWithSex_RefusedOnSex()
    {
        Refused(Valid() with { Sex = "female" }, ("sex", "性别与身份证号不一致（身份证号第17位表示男）"));
    }

    [Fact]
    public void Validate_IdDisagreesWithBirthDate_RefusedOnBirthDate()
    {
        Refused(Valid() with { BirthDate = "2014-02-27" }, ("birthDate", "出生日期与身份证号不一致（身份证号中为 2014-02-28）"));
    }

    [Fact]
    public void Validate_IdDisagreesWithBirthDateAndSex_BirthDateNamedFirst()
    {
        var (child, errors) = Run(Valid() with { BirthDate = "2014-03-01", Sex = "女" });
        Assert.Null(child);
        Assert.Equal(["出生日期与身份证号不一致（身份证号中为 2014-02-28）"], errors.For("birthDate"));
    }

    [Fact]
    public void Validate_IdWrongCheck_RefusedOnCitizenIdNumber()
    {
        var right = ChildId[17];
        var wrong = right == '0' ? '1' : '0';
        Refused(Valid() with { CitizenIdNumber = ChildId[..17] + wrong }, ("citizenIdNumber", $"校验位应为 {right}"));
    }

    [Fact]
    public void Validate_LegacyFifteenDigitNumberForChild_Refused()
    {
        Refused(
            Valid() with { CitizenIdNumber = "130503670401001", BirthDate = null },
            ("citizenIdNumber", "15位旧身份证号于1999年前签发，只可能属于成年人，不能用于儿童"));
    }

    [Fact]
    public void Validate_NoIdAndNoBirthDate_Refused()
    {
        Refused(Valid() with { CitizenIdNumber = null, BirthDate = null }, ("birthDate", "没有身份证号时必须填写出生日期"));
        Refused(Valid() with { CitizenIdNumber = " ", BirthDate = "" }, ("birthDate", "没有身份证号时必须填写出生日期"));
    }

    [Theory]
    [InlineData("2014-02-30")]
    [InlineData("2023-02-29")]
    [InlineData("yesterday")]
    public void Validate_BirthDateNotADate_Refused(string birth)
    {
        Refused(Valid() with { CitizenIdNumber = null, BirthDate = birth }, ("birthDate", "出生日期不是有效日期（格式如 2014-02-28）"));
    }

    [Fact]
    public void Validate_BirthDateAfterToday_Refused()
    {
        Refused(Valid() with { CitizenIdNumber = null, BirthDate = "2026-06-02" }, ("birthDate", "出生日期不能晚于今天"));
        Assert.Equal(Today, Accepted(Valid() with { CitizenIdNumber = null, BirthDate = "2026-06-01", Categories = [] }).BirthDate);
    }

    [Fact]
    public void Validate_IdWithBirthAfterToday_Refused()
    {
        var id = IdNumbers.Make("430702", Today.AddDays(1), 1);
        Refused(Valid() with { CitizenIdNumber = id, BirthDate = null }, ("citizenIdNumber", "身份证号中的出生日期 2026-06-02 晚于今天"));
    }

    [Fact]
    public void Validate_Adult_RefusedOnBirthDateWhenNoId()
    {
        // The 18th birthday was yesterday (2008-05-31): an adult. The 18th birthday today (2008-06-01): still a minor (ADR-009).
        Refused(
            Valid() with { CitizenIdNumber = null, BirthDate = "2008-05-31" },
            ("birthDate", "按出生日期 2008-05-31 已满18周岁，不是未成年人"));
        Assert.Equal(new DateOnly(2008, 6, 1), Accepted(Valid() with { CitizenIdNumber = null, BirthDate = "2008-06-01" }).BirthDate);
    }

    [Fact]
    public void Validate_Adult_RefusedOnCitizenIdNumberWhenIdGiven()
    {
        var adult = IdNumbers.Make("430702", new DateOnly(2008, 5, 31), 11);
        Refused(
            Valid() with { CitizenIdNumber = adult, BirthDate = null },
            ("citizenIdNumber", "按出生日期 2008-05-31 已满18周岁，不是未成年人"));
        Refused(
            Valid() with { CitizenIdNumber = MotherId, BirthDate = null, Sex = "female" },
            ("citizenIdNumber", "按出生日期 1988-07-15 已满18周岁，不是未成年人"));
    }

    [Fact]
    public void Validate_LeapDayChild_AdultFrom1MarchInCommonYear()
    {
        // The 18th birthday falls on 28 February 2026 (art. 202), the last day of minority; adult from 1 March (ADR-009).
        var input = Valid() with { CitizenIdNumber = null, BirthDate = "2008-02-29" };
        Assert.Equal(new DateOnly(2008, 2, 29), Accepted(input, new DateOnly(2026, 2, 28)).BirthDate);
        RefusedOn(input, new DateOnly(2026, 3, 1), ("birthDate", "按出生日期 2008-02-29 已满18周岁，不是未成年人"));
    }

    [Fact]
    public void Validate_ManyGeneratedChildren_MinorsAcceptedAdultsRefused()
    {
        var rng = new Random(18);
        int minors = 0, adults = 0;
        for (var i = 0; i < 1500; i++)
        {
            var birth = IdNumbers.RandomDate(rng, Today.AddYears(-19), Today);
            var seq = rng.Next(1000);
            var id = IdNumbers.Make(IdNumbers.RandomAddress(rng), birth, seq);
            var input = Valid() with { CitizenIdNumber = id, BirthDate = rng.Next(2) == 0 ? null : birth.ToString("yyyy/M/d", System.Globalization.CultureInfo.InvariantCulture), Sex = seq % 2 == 1 ? "男" : "女", Categories = [] };
            var (child, errors) = Run(input);
            if (birth >= Today.AddYears(-18)) // the 18th birthday today is still a minor
            {
                Assert.True(errors.IsEmpty, $"{id}: {string.Join(";", errors.ToDictionary().SelectMany(kv => kv.Value))}");
                Assert.NotNull(child);
                Assert.Equal(id, child.CitizenIdNumber);
                Assert.Equal(birth, child.BirthDate);
                Assert.Equal(seq % 2 == 1 ? Sex.Male : Sex.Female, child.Sex);
                minors++;
            }
            else
            {
                Assert.Null(child);
                Assert.Equal([$"按出生日期 {birth:yyyy-MM-dd} 已满18周岁，不是未成年人"], errors.For("citizenIdNumber"));
                adults++;
            }
        }

        Assert.True(minors > 1000 && adults > 30, $"{minors} minors, {adults} adults");
    }

    [Theory]
    [InlineData("𠮷野家")]
    [InlineData("吉𠮷")]
    [InlineData("阿依古丽·买买提")]
    [InlineData("阿依古丽•买买提")]
    [InlineData("买买提·艾力·阿不都热依木")]
    [InlineData("𡘙𪚥𠀀")]
    [InlineData("O'Brien-李")]
    public void Validate_RareCharactersAndMiddleDots_AcceptedUnchanged(string name)
    {
        var child = Accepted(Valid() with { Name = name });
        Assert.Equal(name, child.Name);
        Assert.Equal(Encoding.UTF8.GetBytes(name), Encoding.UTF8.GetBytes(child.Name));
    }

    [Fact]
    public void Validate_NameSurroundedByWhitespace_Trimmed()
    {
        Assert.Equal("张三", Accepted(Valid() with { Name = " \u3000张三\t " }).Name);
    }

    [Fact]
    public void Validate_HundredAstralCharacters_AcceptedButHundredAndOneRefused()
    {
        var hundred = string.Concat(Enumerable.Repeat("𠮷", 100));
        Assert.Equal(200, hundred.Length); // UTF-16 code units: the limit counts characters, not units
        Assert.Equal(hundred, Accepted(Valid() with { Name = hundred }).Name);

        Refused(Valid() with { Name = hundred + "𠮷" }, ("name", "姓名不能超过100个字符"));
        Refused(Valid() with { Name = new string('张', 101) }, ("name", "姓名不能超过100个字符"));
        Assert.Equal(new string('张', 100), Accepted(Valid() with { Name = new string('张', 100) }).Name);
    }

    [Theory]
    [InlineData("张\u0000三")]
    [InlineData("张\t三")]
    [InlineData("张\n三")]
    [InlineData("张\u0007三")]
    [InlineData("张\u007F三")]
    [InlineData("张\u0085三")]
    [InlineData("张\uD842三")] // lone high surrogate
    [InlineData("张\uDFB7")] // lone low surrogate
    [InlineData("张\uFFFD")]
    public void Validate_ControlOrBrokenCharactersInName_Refused(string name)
    {
        Refused(Valid() with { Name = name }, ("name", "姓名含有无效字符"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \u3000 ")]
    public void Validate_NoName_Refused(string? name)
    {
        Refused(Valid() with { Name = name }, ("name", "姓名不能为空"));
    }

    [Theory]
    [InlineData("00")]
    [InlineData("57")]
    [InlineData("1")]
    [InlineData("001")]
    [InlineData("汉")]
    [InlineData("+1")]
    public void Validate_UnknownEthnicity_Refused(string code)
    {
        Refused(Valid() with { EthnicityCode = code }, ("ethnicityCode", "民族代码应为 GB/T 3304 的 01–56"));
    }

    [Fact]
    public void Validate_EthnicityTrimmedAndAllFiftySixAccepted()
    {
        Assert.Equal("56", Accepted(Valid() with { EthnicityCode = " 56 " }).EthnicityCode);
        foreach (var (code, _) in Ethnicity.All)
        {
            Assert.Equal(code, Accepted(Valid() with { EthnicityCode = code }).EthnicityCode);
        }

        Assert.Null(Accepted(Valid() with { EthnicityCode = "  " }).EthnicityCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_NoRegion_Refused(string? region)
    {
        Refused(Valid() with { ResidenceRegionCode = region }, ("residenceRegionCode", "请选择居住地（村/社区）"));
    }

    [Theory]
    [InlineData("43")]
    [InlineData("4307")]
    [InlineData("430702")]
    [InlineData("430702001")]
    [InlineData("43070200100")]
    [InlineData("4307020010011")]
    [InlineData("43070200100A")]
    [InlineData("４３０７０２００１００１")]
    public void Validate_RegionNotAVillageCode_Refused(string region)
    {
        Refused(Valid() with { ResidenceRegionCode = region }, ("residenceRegionCode", "居住地应为12位村（社区）级区划代码"));
    }

    [Fact]
    public void Validate_RegionTrimmed_AndCopiedToCategoriesAndGuardians()
    {
        var child = Accepted(Valid() with { ResidenceRegionCode = " 430702001002 " });
        Assert.Equal("430702001002", child.RegionCode);
        Assert.All(child.Categories, c => Assert.Equal("430702001002", c.RegionCode));
        Assert.All(child.Guardians, g => Assert.Equal("430702001002", g.RegionCode));
    }

    [Fact]
    public void Validate_Address_TrimmedLimitedTo200()
    {
        Assert.Equal(new string('路', 200), Accepted(Valid() with { Address = " " + new string('路', 200) + " " }).Address);
        Assert.Null(Accepted(Valid() with { Address = "   " }).Address);
        Refused(Valid() with { Address = new string('路', 201) }, ("address", "详细地址不能超过200个字符"));
    }

    [Theory]
    [InlineData("Orphan", ProtectionCategory.Orphan)]
    [InlineData("DeFactoUnsupported", ProtectionCategory.DeFactoUnsupported)]
    [InlineData("LeftBehind", ProtectionCategory.LeftBehind)]
    [InlineData("InDistress", ProtectionCategory.InDistress)]
    [InlineData("Migrant", ProtectionCategory.Migrant)]
    [InlineData("Disabled", ProtectionCategory.Disabled)]
    [InlineData(" Orphan ", ProtectionCategory.Orphan)]
    public void Validate_EachCategoryName_Accepted(string name, ProtectionCategory expected)
    {
        var child = Accepted(Valid() with { Categories = [new CategoryInput(name, expected == ProtectionCategory.InDistress ? "自身残疾" : null)] });
        Assert.Equal(expected, Assert.Single(child.Categories).Category);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("0")]
    [InlineData(" 3 ")]
    [InlineData("+3")]
    [InlineData("-1")]
    [InlineData("3\u00A0")]
    [InlineData("orphan")]
    [InlineData("ORPHAN")]
    [InlineData("孤儿")]
    [InlineData("Orphan,DeFactoUnsupported")] // would OR to 3 = LeftBehind
    [InlineData("Orphan, InDistress")] // would OR to 5 = Migrant
    [InlineData("Orphan,Orphan")]
    [InlineData("")]
    [InlineData(null)]
    public void Validate_UnknownCategory_RefusedNotReinterpreted(string? name)
    {
        Refused(
            Valid() with { Categories = [new CategoryInput("Migrant"), new CategoryInput(name)] },
            ("categories[1].category", $"未知的保护类别“{name}”，应为 Orphan, DeFactoUnsupported, LeftBehind, InDistress, Migrant, Disabled"));
    }

    [Fact]
    public void Validate_DuplicateCategory_RefusedAtSecondIndex()
    {
        Refused(
            Valid() with { Categories = [new CategoryInput("Orphan"), new CategoryInput("Migrant"), new CategoryInput("Orphan", "x", "2025-01-01")] },
            ("categories[2].category", "保护类别“孤儿”重复"));
    }

    [Fact]
    public void Validate_CategoryValidFromNotADate_Refused()
    {
        Refused(
            Valid() with { Categories = [new CategoryInput("Orphan", null, "2025-02-29")] },
            ("categories[0].validFrom", "起始日期不是有效日期"));
        Assert.Equal(new DateOnly(2025, 2, 28), Assert.Single(Accepted(Valid() with { Categories = [new CategoryInput("Orphan", null, "2025年2月28日")] }).Categories).ValidFrom);
    }

    [Fact]
    public void Validate_GuardianLegacyNumber_UpgradedAndAccepted()
    {
        var child = Accepted(Valid() with { Guardians = [new GuardianInput("李建国", "Grandfather", "130503670401001", "Deceased")] });
        var g = Assert.Single(child.Guardians);
        Assert.Equal("130503196704010016", g.CitizenIdNumber);
        Assert.Equal(GuardianStatus.Deceased, g.Status);
    }

    [Fact]
    public void Validate_GuardianErrors_KeyedByIndex()
    {
        var right = MotherId[17];
        var wrong = right == '0' ? '1' : '0';
        Refused(
            Valid() with
            {
                Guardians =
                [
                    new GuardianInput("王芳", "Mother", MotherId),
                    new GuardianInput(" ", "Father", MotherId[..17] + wrong),
                    new GuardianInput("李四", "Uncle", null, "Gone"),
                    new GuardianInput("赵五", "Father,Mother", null, "Living,Deceased"),
                ],
            },
            ("guardians[1].name", "姓名不能为空"),
            ("guardians[1].citizenIdNumber", $"校验位应为 {right}"),
            ("guardians[2].relation", "未知的关系“Uncle”"),
            ("guardians[2].status", "未知的监护人状况“Gone”"),
            ("guardians[3].relation", "未知的关系“Father,Mother”"),
            ("guardians[3].status", "未知的监护人状况“Living,Deceased”"));
    }

    [Theory]
    [InlineData("1")]
    [InlineData(" 2")]
    [InlineData("father")]
    [InlineData("父亲")]
    [InlineData("Father, Father")]
    public void Validate_GuardianRelationNotAName_Refused(string relation)
    {
        Refused(
            Valid() with { Guardians = [new GuardianInput("王芳", relation)] },
            ("guardians[0].relation", $"未知的关系“{relation}”"));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("living")]
    [InlineData("Living,Missing")]
    public void Validate_GuardianStatusNotAName_Refused(string status)
    {
        Refused(
            Valid() with { Guardians = [new GuardianInput("王芳", "Mother", null, status)] },
            ("guardians[0].status", $"未知的监护人状况“{status}”"));
    }

    [Fact]
    public void Validate_GuardianNameRules_SameAsChild()
    {
        Refused(Valid() with { Guardians = [new GuardianInput("王\u0000芳", "Mother")] }, ("guardians[0].name", "姓名含有无效字符"));
        Refused(Valid() with { Guardians = [new GuardianInput(new string('王', 101), "Mother")] }, ("guardians[0].name", "姓名不能超过100个字符"));
        Assert.Equal("阿依古丽·买买提", Assert.Single(Accepted(Valid() with { Guardians = [new GuardianInput(" 阿依古丽·买买提 ", "Mother")] }).Guardians).Name);
    }

    [Fact]
    public void Validate_ManyProblems_EveryFieldReportedAtOnce()
    {
        var input = new ChildInput(
            Name: "",
            Sex: "x",
            CitizenIdNumber: "12345",
            BirthDate: "2014-02-30",
            EthnicityCode: "99",
            ResidenceRegionCode: "4307",
            Address: new string('a', 201),
            Categories: [new CategoryInput("Nope"), new CategoryInput("Orphan", null, "not a date")],
            Guardians: [new GuardianInput(null, null, "1")]);
        Refused(
            input,
            ("name", "姓名不能为空"),
            ("sex", "性别应为 male（男）或 female（女）"),
            ("birthDate", "出生日期不是有效日期（格式如 2014-02-28）"),
            ("citizenIdNumber", "身份证号应为18位（或15位旧号），现为5位"),
            ("ethnicityCode", "民族代码应为 GB/T 3304 的 01–56"),
            ("residenceRegionCode", "居住地应为12位村（社区）级区划代码"),
            ("address", "详细地址不能超过200个字符"),
            ("categories[0].category", "未知的保护类别“Nope”，应为 Orphan, DeFactoUnsupported, LeftBehind, InDistress, Migrant, Disabled"),
            ("categories[1].validFrom", "起始日期不是有效日期"),
            ("guardians[0].name", "姓名不能为空"),
            ("guardians[0].relation", "未知的关系“”"),
            ("guardians[0].citizenIdNumber", "身份证号应为18位（或15位旧号），现为1位"));
    }

    [Fact]
    public void ValidationErrors_CollectsPerFieldInOrder()
    {
        var errors = new ValidationErrors();
        Assert.True(errors.IsEmpty);
        Assert.Empty(errors.For("name"));
        errors.Add("name", "a");
        errors.Add("name", "b");
        errors.Add("Name", "c");
        Assert.False(errors.IsEmpty);
        Assert.Equal(["a", "b"], errors.For("name"));
        Assert.Equal(["c"], errors.For("Name"));
        var dict = errors.ToDictionary();
        Assert.Equal(2, dict.Count);
        Assert.Equal(["a", "b"], dict["name"]);
    }
}
