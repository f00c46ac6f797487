using Shouhu.Domain.Children;
using Shouhu.Domain.Identity;
using Shouhu.UnitTests.Support;
using Xunit;

namespace Shouhu.UnitTests.Children;

/// <summary>
/// The optional fields of a child record (household, school, health, disability, contact, income, housing, care note,
/// entrusted care), name characters, category dates, the family-size limit and ValidateGuardian.
/// </summary>
public class ChildRulesFieldsTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private const string Village = "430702001001";
    private static readonly DateOnly ChildBirth = new(2014, 2, 28);
    private static readonly string ChildId = IdNumbers.Make("430702", ChildBirth, 123); // odd: male
    private static readonly string AdultId = IdNumbers.Make("430721", new DateOnly(1960, 3, 15), 111);
    private static readonly string MinorId = IdNumbers.Make("430721", new DateOnly(2010, 1, 1), 222);

    private const string PhoneWrongShape = "电话号码应为11位手机号或带区号的固定电话（如 0736-7252000）";
    private const string PhoneNotDigits = "电话号码只能包含数字（可带区号和“-”）";
    private const string InvalidName = "姓名含有无效字符";
    private const string CaregiverMinor = "受委托照护人须为成年人（未成年人保护法第二十二条）";
    private const string BadAgreementDate = "委托协议日期不是有效日期或晚于今天";
    private const string BadValidFrom = "起始日期不能早于出生日期或晚于今天";
    private const string BadHouseholdRegion = "户籍地应为6位县级或12位村级区划代码，前两位为省级代码（11–65、71、81、82）";
    private const string DisabilityPair = "残疾类别和等级须同时填写";
    private const string DisabilityGradeRange = "残疾等级应为1–4级";

    private static ChildInput Valid() => new(
        Name: "李小明",
        Sex: "male",
        CitizenIdNumber: ChildId,
        BirthDate: "2014-02-28",
        EthnicityCode: "01",
        ResidenceRegionCode: Village,
        Address: "3组12号");

    private static (Child? Child, ValidationErrors Errors) Run(ChildInput input, DateOnly? today = null)
    {
        var errors = new ValidationErrors();
        var child = ChildRules.Validate(input, today ?? Today, errors);
        return (child, errors);
    }

    private static string Describe(ValidationErrors errors) =>
        string.Join("; ", errors.ToDictionary().Select(kv => $"{kv.Key}: {string.Join(" / ", kv.Value)}"));

    private static Child Accepted(ChildInput input, DateOnly? today = null)
    {
        var (child, errors) = Run(input, today);
        Assert.True(errors.IsEmpty, Describe(errors));
        Assert.NotNull(child);
        return child;
    }

    /// <summary>Refused with exactly these field → message pairs (messages in order) and nothing else.</summary>
    private static void Refused(ChildInput input, params (string Field, string Message)[] expected) => RefusedOn(input, Today, expected);

    private static void RefusedOn(ChildInput input, DateOnly today, params (string Field, string Message)[] expected)
    {
        var (child, errors) = Run(input, today);
        Assert.Null(child);
        AssertExactly(errors, expected);
    }

    private static void AssertExactly(ValidationErrors errors, params (string Field, string Message)[] expected)
    {
        var actual = errors.ToDictionary();
        var want = expected.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        Assert.True(want.Keys.Order(StringComparer.Ordinal).SequenceEqual(actual.Keys.Order(StringComparer.Ordinal)), $"keys: {Describe(errors)}");
        foreach (var (field, messages) in want)
        {
            Assert.Equal(messages, actual[field]);
        }

        Assert.Equal(expected.Length, errors.Count);
    }

    // ---- round trip and defaults ---------------------------------------------------------------------------------

    [Fact]
    public void Validate_AllNewFields_RoundTripOntoChild()
    {
        var child = Accepted(Valid() with
        {
            HouseholdRegionCode = " 430702001004 ",
            HouseholdKind = " Rural ",
            SchoolStatus = "InSchool",
            SchoolName = " 鹤山区第一小学 ",
            Grade = "六年级",
            NotInSchoolReason = "  ",
            HealthStatus = "ChronicIllness",
            DisabilityType = "Hearing",
            DisabilityGrade = 3,
            DisabilityCertificateNumber = " 43070220140228123X23 ",
            ContactPhone = "+86 138-0013-8000",
            IncomeBand = "NearDibao",
            Housing = "砖混自建房",
            CareCapacityNote = "祖父年迈\n行动不便\t需照顾",
            EntrustedCare = new EntrustedCareInput(" 李大山 ", "Grandfather", AdultId, "0736 7252000", "2025年9月1日"),
        });

        Assert.Equal("430702001004", child.HouseholdRegionCode);
        Assert.Equal(HouseholdKind.Rural, child.HouseholdKind);
        Assert.Equal(SchoolStatus.InSchool, child.SchoolStatus);
        Assert.Equal("鹤山区第一小学", child.SchoolName);
        Assert.Equal("六年级", child.Grade);
        Assert.Null(child.NotInSchoolReason);
        Assert.Equal(HealthStatus.ChronicIllness, child.HealthStatus);
        Assert.Equal(DisabilityType.Hearing, child.DisabilityType);
        Assert.Equal(3, child.DisabilityGrade);
        Assert.Equal("43070220140228123X23", child.DisabilityCertificateNumber);
        Assert.Equal("13800138000", child.ContactPhone);
        Assert.Equal(IncomeBand.NearDibao, child.IncomeBand);
        Assert.Equal("砖混自建房", child.Housing);
        Assert.Equal("祖父年迈\n行动不便\t需照顾", child.CareCapacityNote);

        var care = Assert.IsType<EntrustedCare>(child.EntrustedCare);
        Assert.Equal("李大山", care.CaregiverName);
        Assert.Equal(GuardianRelation.Grandfather, care.Relation);
        Assert.Equal(AdultId, care.CitizenIdNumber);
        Assert.Equal("0736-7252000", care.Phone);
        Assert.Equal(new DateOnly(2025, 9, 1), care.AgreementDate);
        Assert.Equal(Village, care.RegionCode);
    }

    [Fact]
    public void Validate_NewFieldsAbsent_Defaults()
    {
        var child = Accepted(Valid());
        Assert.Null(child.HouseholdRegionCode);
        Assert.Equal(HouseholdKind.Unknown, child.HouseholdKind);
        Assert.Equal(SchoolStatus.Unknown, child.SchoolStatus);
        Assert.Null(child.SchoolName);
        Assert.Null(child.Grade);
        Assert.Null(child.NotInSchoolReason);
        Assert.Equal(HealthStatus.Unknown, child.HealthStatus);
        Assert.Null(child.DisabilityType);
        Assert.Null(child.DisabilityGrade);
        Assert.Null(child.DisabilityCertificateNumber);
        Assert.Null(child.ContactPhone);
        Assert.Equal(IncomeBand.Unknown, child.IncomeBand);
        Assert.Null(child.Housing);
        Assert.Null(child.CareCapacityNote);
        Assert.Null(child.EntrustedCare);
    }

    [Fact]
    public void Validate_BlankNewFields_SameAsAbsent()
    {
        var child = Accepted(Valid() with
        {
            HouseholdRegionCode = "  ",
            HouseholdKind = " ",
            SchoolStatus = "",
            SchoolName = "\t",
            HealthStatus = " ",
            DisabilityType = "  ",
            ContactPhone = "   ",
            IncomeBand = "",
            Housing = " ",
            CareCapacityNote = "\n",
        });
        Assert.Null(child.HouseholdRegionCode);
        Assert.Equal(HouseholdKind.Unknown, child.HouseholdKind);
        Assert.Equal(SchoolStatus.Unknown, child.SchoolStatus);
        Assert.Null(child.SchoolName);
        Assert.Null(child.DisabilityType);
        Assert.Null(child.ContactPhone);
        Assert.Null(child.Housing);
        Assert.Null(child.CareCapacityNote);
    }

    // ---- enumerations -------------------------------------------------------------------------------------------

    [Fact]
    public void Validate_EveryEnumName_Accepted()
    {
        foreach (var v in Enum.GetValues<HouseholdKind>())
        {
            Assert.Equal(v, Accepted(Valid() with { HouseholdKind = v.ToString() }).HouseholdKind);
        }

        foreach (var v in Enum.GetValues<SchoolStatus>())
        {
            Assert.Equal(v, Accepted(Valid() with { SchoolStatus = v.ToString(), SchoolName = "某校", NotInSchoolReason = "辍学" }).SchoolStatus);
        }

        foreach (var v in Enum.GetValues<HealthStatus>())
        {
            Assert.Equal(v, Accepted(Valid() with { HealthStatus = v.ToString() }).HealthStatus);
        }

        foreach (var v in Enum.GetValues<IncomeBand>())
        {
            Assert.Equal(v, Accepted(Valid() with { IncomeBand = v.ToString() }).IncomeBand);
        }

        foreach (var v in Enum.GetValues<DisabilityType>())
        {
            for (var grade = 1; grade <= 4; grade++)
            {
                var child = Accepted(Valid() with { DisabilityType = v.ToString(), DisabilityGrade = grade });
                Assert.Equal(v, child.DisabilityType);
                Assert.Equal(grade, child.DisabilityGrade);
            }
        }
    }

    public static TheoryData<string, string> EnumFields() => new()
    {
        { "householdKind", "户籍性质应为 Unknown, Rural, Urban 之一" },
        { "schoolStatus", "就学状况应为 Unknown, NotYetSchoolAge, Kindergarten, InSchool, NotInSchool 之一" },
        { "healthStatus", "健康状况应为 Unknown, Healthy, ChronicIllness, SeriousIllness 之一" },
        { "incomeBand", "家庭收入情况应为 Unknown, Dibao, ExtremePoverty, NearDibao, Ordinary 之一" },
        { "disabilityType", "残疾类别应为 Visual, Hearing, Speech, Physical, Intellectual, Mental, Multiple 之一" },
    };

    private static ChildInput WithEnum(string field, string value) => field switch
    {
        "householdKind" => Valid() with { HouseholdKind = value },
        "schoolStatus" => Valid() with { SchoolStatus = value },
        "healthStatus" => Valid() with { HealthStatus = value },
        "incomeBand" => Valid() with { IncomeBand = value },
        "disabilityType" => Valid() with { DisabilityType = value, DisabilityGrade = 2 },
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    [Theory]
    [MemberData(nameof(EnumFields))]
    public void Validate_EnumFieldNotAName_RefusedWithItsKey(string field, string message)
    {
        foreach (var bad in new[] { "1", "0", " 2 ", "-1", "x", "农村", "unknown", "UNKNOWN", "Unknown,Unknown", "Unknown, Unknown" })
        {
            Refused(WithEnum(field, bad), (field, message));
        }
    }

    // ---- school -------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_InSchoolWithoutSchoolName_Refused(string? school)
    {
        Refused(Valid() with { SchoolStatus = "InSchool", SchoolName = school, Grade = "三年级" }, ("schoolName", "在校儿童须填写学校"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Validate_NotInSchoolWithoutReason_Refused(string? reason)
    {
        Refused(Valid() with { SchoolStatus = "NotInSchool", NotInSchoolReason = reason, SchoolName = "原就读学校" }, ("notInSchoolReason", "未在校须填写原因（辍学、失学、休学等）"));
    }

    [Fact]
    public void Validate_NotInSchoolWithReason_Stored()
    {
        var child = Accepted(Valid() with { SchoolStatus = "NotInSchool", NotInSchoolReason = " 辍学务农 " });
        Assert.Equal(SchoolStatus.NotInSchool, child.SchoolStatus);
        Assert.Equal("辍学务农", child.NotInSchoolReason);
        Assert.Null(child.SchoolName);
    }

    [Theory]
    [InlineData("NotYetSchoolAge")]
    [InlineData("Kindergarten")]
    [InlineData("Unknown")]
    public void Validate_OtherSchoolStatuses_NeedNeitherSchoolNorReason(string status)
    {
        var child = Accepted(Valid() with { SchoolStatus = status });
        Assert.Null(child.SchoolName);
        Assert.Null(child.NotInSchoolReason);
    }

    [Fact]
    public void Validate_InSchoolWithTooLongSchoolName_OnlyTheLengthMessage()
    {
        Refused(Valid() with { SchoolStatus = "InSchool", SchoolName = new string('校', 101) }, ("schoolName", "学校不能超过100个字符"));
        Refused(Valid() with { SchoolStatus = "NotInSchool", NotInSchoolReason = "辍\u0007学" }, ("notInSchoolReason", "未在校原因含有无效字符"));
    }

    // ---- disability ---------------------------------------------------------------------------------------------

    [Fact]
    public void Validate_DisabilityTypeWithoutGrade_RefusedOnGrade()
    {
        Refused(Valid() with { DisabilityType = "Visual" }, ("disabilityGrade", DisabilityPair));
    }

    [Fact]
    public void Validate_DisabilityGradeWithoutType_RefusedOnType()
    {
        Refused(Valid() with { DisabilityGrade = 2 }, ("disabilityType", DisabilityPair));
        Refused(Valid() with { DisabilityGrade = 2, DisabilityType = " " }, ("disabilityType", DisabilityPair));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void Validate_DisabilityGradeOutOfRange_Refused(int grade)
    {
        Refused(Valid() with { DisabilityType = "Physical", DisabilityGrade = grade }, ("disabilityGrade", DisabilityGradeRange));
        Refused(Valid() with { DisabilityGrade = grade }, ("disabilityGrade", DisabilityGradeRange), ("disabilityType", DisabilityPair));
    }

    [Fact]
    public void Validate_DisabilityCertificateWithoutDisability_Stored()
    {
        Assert.Equal("残疾人证在办", Accepted(Valid() with { DisabilityCertificateNumber = "残疾人证在办" }).DisabilityCertificateNumber);
    }

    // ---- household region ---------------------------------------------------------------------------------------

    [Theory]
    [InlineData("430702", "430702")]
    [InlineData(" 430702001001 ", "430702001001")]
    [InlineData("650102", "650102")]
    [InlineData("710000", "710000")]
    [InlineData("810000", "810000")]
    [InlineData("820000", "820000")]
    [InlineData("110101", "110101")] // another province: the household may be far from the residence
    public void Validate_HouseholdRegionCode_Accepted(string input, string expected)
    {
        Assert.Equal(expected, Accepted(Valid() with { HouseholdRegionCode = input }).HouseholdRegionCode);
    }

    [Theory]
    [InlineData("4307020")]
    [InlineData("43070200")]
    [InlineData("4307020010")]
    [InlineData("43070200100")]
    [InlineData("4307020010011")]
    [InlineData("43070200100A")]
    [InlineData("430702-001")]
    [InlineData("４３０７０２")]
    [InlineData("430 702")]
    [InlineData("湖南省常德市")]
    public void Validate_HouseholdRegionCode_Malformed_Refused(string code)
    {
        Refused(Valid() with { HouseholdRegionCode = code }, ("householdRegionCode", BadHouseholdRegion));
    }

    [Theory]
    [InlineData("43")]
    [InlineData("4307")]
    [InlineData("430702001")] // a township: the household is registered in a county or a village
    [InlineData("999999")] // issue #10 item 7: no province 99
    [InlineData("000000")]
    [InlineData("101010")]
    [InlineData("161010")]
    [InlineData("660101")]
    [InlineData("700000")]
    [InlineData("830000")]
    [InlineData("999999999999")]
    public void Validate_HouseholdRegionCode_NotAProvinceCountyOrVillage_Refused(string code)
    {
        Refused(Valid() with { HouseholdRegionCode = code }, ("householdRegionCode", BadHouseholdRegion));
    }

    // ---- contact phone ------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("138 0013 8000", "13800138000")]
    [InlineData("１３８００１３８０００", "13800138000")]
    [InlineData("+8613800138000", "13800138000")]
    [InlineData("0736-7252000", "0736-7252000")]
    [InlineData("01012345678", "010-12345678")]
    public void Validate_ContactPhone_Normalised(string input, string expected)
    {
        Assert.Equal(expected, Accepted(Valid() with { ContactPhone = input }).ContactPhone);
    }

    [Theory]
    [InlineData("12345", PhoneWrongShape)]
    [InlineData("12012345678", PhoneWrongShape)]
    [InlineData("1380013800", PhoneWrongShape)]
    [InlineData("138-0013-800a", PhoneNotDigits)]
    [InlineData("电话13800138000", PhoneNotDigits)]
    public void Validate_ContactPhone_Invalid_Refused(string input, string message)
    {
        Refused(Valid() with { ContactPhone = input }, ("contactPhone", message));
    }

    // ---- free-text limits and characters ------------------------------------------------------------------------

    private sealed record TextField(string Key, string Label, int Max, Func<ChildInput, string?, ChildInput> Set, Func<Child, string?> Get);

    private static readonly Dictionary<string, TextField> TextFields = new[]
    {
        new TextField("address", "详细地址", 200, (i, v) => i with { Address = v }, c => c.Address),
        new TextField("schoolName", "学校", 100, (i, v) => i with { SchoolName = v }, c => c.SchoolName),
        new TextField("grade", "年级", 20, (i, v) => i with { Grade = v }, c => c.Grade),
        new TextField("notInSchoolReason", "未在校原因", 200, (i, v) => i with { NotInSchoolReason = v }, c => c.NotInSchoolReason),
        new TextField("disabilityCertificateNumber", "残疾人证号", 30, (i, v) => i with { DisabilityCertificateNumber = v }, c => c.DisabilityCertificateNumber),
        new TextField("housing", "住房情况", 200, (i, v) => i with { Housing = v }, c => c.Housing),
        new TextField("careCapacityNote", "家庭监护能力说明", 2000, (i, v) => i with { CareCapacityNote = v }, c => c.CareCapacityNote),
        new TextField("categories[0].subType", "类别子类", 50, (i, v) => i with { Categories = [new CategoryInput("Migrant", v)] }, c => c.Categories[0].SubType),
        new TextField("categories[0].basis", "认定依据", 500, (i, v) => i with { Categories = [new CategoryInput("InDistress", "自身残疾", null, v)] }, c => c.Categories[0].Basis),
        new TextField("guardians[0].workPlace", "务工地", 100, (i, v) => i with { Guardians = [new GuardianInput("王芳", "Mother", WorkPlace: v)] }, c => c.Guardians[0].WorkPlace),
        new TextField("guardians[0].employment", "就业情况", 100, (i, v) => i with { Guardians = [new GuardianInput("王芳", "Mother", Employment: v)] }, c => c.Guardians[0].Employment),
    }.ToDictionary(f => f.Key, StringComparer.Ordinal);

    public static TheoryData<string> TextFieldKeys() => [.. TextFields.Keys];

    [Theory]
    [MemberData(nameof(TextFieldKeys))]
    public void Validate_TextField_MaxCountedInCharactersNotUtf16Units(string key)
    {
        var f = TextFields[key];
        var longest = string.Concat(Enumerable.Repeat("𠮷", f.Max)); // each outside the BMP: 2 UTF-16 units
        Assert.Equal(longest, f.Get(Accepted(f.Set(Valid(), "  " + longest + " "))));
        var ascii = new string('a', f.Max);
        Assert.Equal(ascii, f.Get(Accepted(f.Set(Valid(), ascii))));
    }

    [Theory]
    [MemberData(nameof(TextFieldKeys))]
    public void Validate_TextField_OneOverMax_Refused(string key)
    {
        var f = TextFields[key];
        var tooLong = $"{f.Label}不能超过{f.Max}个字符";
        Refused(f.Set(Valid(), new string('a', f.Max + 1)), (f.Key, tooLong));
        Refused(f.Set(Valid(), string.Concat(Enumerable.Repeat("𠮷", f.Max + 1))), (f.Key, tooLong));
    }

    [Theory]
    [MemberData(nameof(TextFieldKeys))]
    public void Validate_TextField_ControlCharactersAndBrokenSurrogates_Refused(string key)
    {
        var f = TextFields[key];
        var invalid = $"{f.Label}含有无效字符";
        foreach (var bad in new[] { "a\u0000b", "a\u0007b", "a\u001Bb", "a\u007Fb", "a\u0085b", "a\u0008", "a\uD842b", "a\uDFB7", "\uFFFD" })
        {
            Refused(f.Set(Valid(), bad), (f.Key, invalid));
        }
    }

    [Theory]
    [MemberData(nameof(TextFieldKeys))]
    public void Validate_TextField_LineBreaksAndTabsKept_BlankIsNull(string key)
    {
        var f = TextFields[key];
        Assert.Equal("a\r\nb\tc", f.Get(Accepted(f.Set(Valid(), " a\r\nb\tc\n"))));
        Assert.Null(f.Get(Accepted(f.Set(Valid(), " \t\r\n "))));
    }

    // ---- names --------------------------------------------------------------------------------------------------

    public static TheoryData<string> NameFields() => ["name", "entrustedCare.caregiverName", "guardians[0].name"];

    private static ChildInput WithName(string field, string? name) => field switch
    {
        "name" => Valid() with { Name = name },
        "entrustedCare.caregiverName" => Valid() with { EntrustedCare = new EntrustedCareInput(name, "Grandmother") },
        "guardians[0].name" => Valid() with { Guardians = [new GuardianInput(name, "Mother")] },
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    private static string? NameOf(string field, Child c) => field switch
    {
        "name" => c.Name,
        "entrustedCare.caregiverName" => c.EntrustedCare?.CaregiverName,
        _ => c.Guardians[0].Name,
    };

    [Theory]
    [MemberData(nameof(NameFields))]
    public void Validate_NameWithFormatOrControlCharacters_Refused(string field)
    {
        var bad = new[]
        {
            "王\u202E芳", // RIGHT-TO-LEFT OVERRIDE
            "\u202E芳王",
            "王\u200B芳", // ZERO WIDTH SPACE
            "\u200B王芳",
            "王芳\uFEFF", // ZERO WIDTH NO-BREAK SPACE / BOM
            "\uFEFF王芳",
            "王\u200E芳", // LEFT-TO-RIGHT MARK
            "王\u2066芳\u2069", // LEFT-TO-RIGHT ISOLATE … POP
            "王\u200D芳", // ZERO WIDTH JOINER
            "王\u00AD芳", // SOFT HYPHEN
            "王\u0000芳",
            "王\t芳",
            "王\n芳",
            "王\u0085芳",
            "王\uD842", // broken surrogate pair
            "王\uFFFD芳",
        };
        foreach (var name in bad)
        {
            Refused(WithName(field, name), (field, InvalidName));
        }
    }

    [Theory]
    [MemberData(nameof(NameFields))]
    public void Validate_NamesAsWritten_Accepted(string field)
    {
        foreach (var name in new[] { "𠮷", "𠮷野家", "阿依古丽·买买提", "欧阳娜娜", "买买提·艾力", "李　明" })
        {
            Assert.Equal(name, NameOf(field, Accepted(WithName(field, "  " + name + " "))));
        }

        var longest = string.Concat(Enumerable.Repeat("𠮷", 100));
        Assert.Equal(longest, NameOf(field, Accepted(WithName(field, longest))));
        Refused(WithName(field, longest + "𠮷"), (field, "姓名不能超过100个字符"));
    }

    // ---- entrusted care -----------------------------------------------------------------------------------------

    [Fact]
    public void Validate_EntrustedCareBlank_Ignored()
    {
        Assert.Null(Accepted(Valid() with { EntrustedCare = new EntrustedCareInput(null, null) }).EntrustedCare);
        Assert.Null(Accepted(Valid() with { EntrustedCare = new EntrustedCareInput(" ", "  ", null, " ", null) }).EntrustedCare);
    }

    [Fact]
    public void Validate_EntrustedCareEveryFieldWrong_EachKeyed()
    {
        var right = AdultId[17];
        var wrong = right == '0' ? '1' : '0';
        Refused(
            Valid() with { EntrustedCare = new EntrustedCareInput(" ", "Uncle", AdultId[..17] + wrong, "12345", "2026-06-02") },
            ("entrustedCare.caregiverName", "姓名不能为空"),
            ("entrustedCare.relation", "未知的关系“Uncle”"),
            ("entrustedCare.citizenIdNumber", $"校验位应为 {right}"),
            ("entrustedCare.phone", PhoneWrongShape),
            ("entrustedCare.agreementDate", BadAgreementDate));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("grandfather")]
    [InlineData("祖父")]
    [InlineData("Father,Mother")]
    public void Validate_EntrustedCareRelationNotAName_Refused(string? relation)
    {
        Refused(Valid() with { EntrustedCare = new EntrustedCareInput("李大山", relation) }, ("entrustedCare.relation", $"未知的关系“{relation}”"));
    }

    [Fact]
    public void Validate_EntrustedCareOnlyPhone_NeedsNameAndRelation()
    {
        Refused(
            Valid() with { EntrustedCare = new EntrustedCareInput(null, null, null, "13800138000") },
            ("entrustedCare.caregiverName", "姓名不能为空"),
            ("entrustedCare.relation", "未知的关系“”"));
    }

    [Theory]
    [InlineData("2026-06-02")]
    [InlineData("2030-01-01")]
    [InlineData("2025-02-29")]
    [InlineData("2025-13-01")]
    [InlineData("last week")]
    public void Validate_EntrustedCareAgreementDate_InvalidOrFuture_Refused(string date)
    {
        Refused(Valid() with { EntrustedCare = new EntrustedCareInput("李大山", "Grandfather", AgreementDate: date) }, ("entrustedCare.agreementDate", BadAgreementDate));
    }

    [Theory]
    [InlineData("2026-06-01", "2026-06-01")]
    [InlineData("2024/2/29", "2024-02-29")]
    [InlineData("２０２５年９月１日", "2025-09-01")]
    [InlineData(" ", null)]
    public void Validate_EntrustedCareAgreementDate_Accepted(string date, string? expected)
    {
        var care = Accepted(Valid() with { EntrustedCare = new EntrustedCareInput("李大山", "Grandfather", AgreementDate: date) }).EntrustedCare;
        Assert.NotNull(care);
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), care.AgreementDate);
    }

    [Fact]
    public void Validate_EntrustedCaregiverMinor_Refused()
    {
        Refused(Valid() with { EntrustedCare = new EntrustedCareInput("李小红", "Sibling", MinorId) }, ("entrustedCare.citizenIdNumber", CaregiverMinor));
    }

    [Fact]
    public void Validate_EntrustedCaregiver_AdultFromTheDayAfterTheEighteenthBirthday()
    {
        var birthdayYesterday = IdNumbers.Make("430721", new DateOnly(2008, 5, 31), 333);
        var birthdayToday = IdNumbers.Make("430721", new DateOnly(2008, 6, 1), 333);
        Assert.Equal(birthdayYesterday, Accepted(Valid() with { EntrustedCare = new EntrustedCareInput("李大姐", "Sibling", birthdayYesterday) }).EntrustedCare!.CitizenIdNumber);
        Refused(Valid() with { EntrustedCare = new EntrustedCareInput("李大姐", "Sibling", birthdayToday) }, ("entrustedCare.citizenIdNumber", CaregiverMinor));
    }

    [Fact]
    public void Validate_EntrustedCaregiver_LeapDayBirth_AdultOn1MarchOfCommonYear()
    {
        var leap = IdNumbers.Make("430721", new DateOnly(2008, 2, 29), 444);
        var input = Valid() with { EntrustedCare = new EntrustedCareInput("李大姐", "Sibling", leap) };
        RefusedOn(input, new DateOnly(2026, 2, 28), ("entrustedCare.citizenIdNumber", CaregiverMinor));
        Assert.Equal(leap, Accepted(input, new DateOnly(2026, 3, 1)).EntrustedCare!.CitizenIdNumber);
    }

    [Fact]
    public void Validate_EntrustedCaregiverLegacyNumber_Upgraded()
    {
        var care = Accepted(Valid() with { EntrustedCare = new EntrustedCareInput("李建国", "Grandfather", "130503670401001") }).EntrustedCare;
        Assert.Equal("130503196704010016", care!.CitizenIdNumber);
    }

    [Fact]
    public void Validate_EntrustedCaregiverNumberMalformed_Refused()
    {
        Refused(Valid() with { EntrustedCare = new EntrustedCareInput("李建国", "Grandfather", "12345") }, ("entrustedCare.citizenIdNumber", "身份证号应为18位（或15位旧号），现为5位"));
        var future = IdNumbers.Make("430721", Today.AddDays(1), 5);
        Refused(Valid() with { EntrustedCare = new EntrustedCareInput("李建国", "Grandfather", future) }, ("entrustedCare.citizenIdNumber", "身份证号中的出生日期 2026-06-02 晚于今天"));
    }

    [Theory]
    [InlineData("12345", null)]
    [InlineData(null, "2030-01-01")]
    [InlineData("minor", "2025-09-01")]
    public void Validate_EntrustedCareWithOnlyIdOrDate_NotSilentlyDropped(string? id, string? date)
    {
        var input = Valid() with { EntrustedCare = new EntrustedCareInput(null, null, id == "minor" ? MinorId : id, null, date) };
        var (child, errors) = Run(input);
        Assert.Null(child);
        Assert.Equal(["姓名不能为空"], errors.For("entrustedCare.caregiverName"));
    }

    // ---- categories: validFrom ----------------------------------------------------------------------------------

    [Theory]
    [InlineData("2014-02-27")] // the day before birth
    [InlineData("2000-01-01")]
    [InlineData("2026-06-02")] // tomorrow
    [InlineData("2030-01-01")]
    public void Validate_CategoryValidFromOutsideBirthToToday_Refused(string from)
    {
        Refused(Valid() with { Categories = [new CategoryInput("Migrant", null, from)] }, ("categories[0].validFrom", BadValidFrom));
        // Birth date from the ID number alone.
        Refused(Valid() with { BirthDate = null, Categories = [new CategoryInput("Migrant", null, from)] }, ("categories[0].validFrom", BadValidFrom));
        // Birth date alone, no ID number.
        Refused(Valid() with { CitizenIdNumber = null, Categories = [new CategoryInput("InDistress", "自身残疾"), new CategoryInput("Migrant", null, from)] }, ("categories[1].validFrom", BadValidFrom));
    }

    [Theory]
    [InlineData("2014-02-28")] // the day of birth
    [InlineData("2026-06-01")] // today
    [InlineData("2020-02-29")]
    public void Validate_CategoryValidFromBetweenBirthAndToday_Accepted(string from)
    {
        var category = Assert.Single(Accepted(Valid() with { Categories = [new CategoryInput("Migrant", null, from)] }).Categories);
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), category.ValidFrom);
    }

    [Fact]
    public void Validate_CategoryValidFrom_EachCategoryKeyedByIndex()
    {
        Refused(
            Valid() with
            {
                Categories =
                [
                    new CategoryInput("Migrant", null, "2013-01-01"),
                    new CategoryInput("InDistress", "自身残疾", "2020-01-01"),
                    new CategoryInput("Disabled", null, "2027-01-01"),
                ],
            },
            ("categories[0].validFrom", BadValidFrom),
            ("categories[2].validFrom", BadValidFrom));
    }

    // ---- family size --------------------------------------------------------------------------------------------

    private static GuardianInput[] Family(int n) =>
        [.. Enumerable.Range(0, n).Select(i => new GuardianInput($"亲属{i + 1}", i == 0 ? "Father" : i == 1 ? "Mother" : "OtherRelative"))];

    [Fact]
    public void Validate_TwentyFamilyMembers_Accepted()
    {
        var child = Accepted(Valid() with { Guardians = Family(20) });
        Assert.Equal(20, child.Guardians.Count);
        Assert.Equal("亲属20", child.Guardians[19].Name);
        Assert.Equal(20, ChildRules.MaxFamilyMembers);
    }

    [Fact]
    public void Validate_TwentyOneFamilyMembers_Refused()
    {
        Refused(Valid() with { Guardians = Family(21) }, ("guardians", "家庭成员不能超过20人"));
        Refused(Valid() with { Guardians = Family(40) }, ("guardians", "家庭成员不能超过20人"));
    }

    [Fact]
    public void Validate_TwentyOneFamilyMembersOneInvalid_BothReported()
    {
        var family = Family(21);
        family[20] = new GuardianInput("亲属21", "Neighbour");
        Refused(Valid() with { Guardians = family }, ("guardians", "家庭成员不能超过20人"), ("guardians[20].relation", "未知的关系“Neighbour”"));
    }

    // ---- ValidateGuardian ---------------------------------------------------------------------------------------

    private static readonly string FatherId = IdNumbers.Make("430721", new DateOnly(1985, 11, 30), 135);

    [Fact]
    public void ValidateGuardian_AllFields_RoundTrip()
    {
        var errors = new ValidationErrors();
        var g = ChildRules.ValidateGuardian(
            new GuardianInput(" 李大山 ", "Father", FatherId, "Living", false, true, " 广东东莞 ", " 电子厂工人 ", "SeriousIllness", "+86 139 1234 5678",
                AwaySince: "2025-03-01", WorkRegionCode: " 441900 "),
            "member",
            Today,
            Village,
            errors);

        Assert.True(errors.IsEmpty, Describe(errors));
        Assert.NotNull(g);
        Assert.Equal("李大山", g.Name);
        Assert.Equal(GuardianRelation.Father, g.Relation);
        Assert.Equal(FatherId, g.CitizenIdNumber);
        Assert.Equal(GuardianStatus.Living, g.Status);
        Assert.False(g.IsGuardian);
        Assert.True(g.IsWorkingAway);
        Assert.Equal(new DateOnly(2025, 3, 1), g.AwaySince);
        Assert.Equal("441900", g.WorkRegionCode);
        Assert.Equal("广东东莞", g.WorkPlace);
        Assert.Equal("电子厂工人", g.Employment);
        Assert.Equal(HealthStatus.SeriousIllness, g.HealthStatus);
        Assert.Equal("13912345678", g.Phone);
        Assert.Equal(Village, g.RegionCode);
    }

    [Fact]
    public void ValidateGuardian_Defaults()
    {
        var errors = new ValidationErrors();
        var g = ChildRules.ValidateGuardian(new GuardianInput("王芳", "Mother"), "g", Today, Village, errors);
        Assert.NotNull(g);
        Assert.Equal(GuardianStatus.Living, g.Status);
        Assert.True(g.IsGuardian);
        Assert.False(g.IsWorkingAway);
        Assert.Null(g.CitizenIdNumber);
        Assert.Null(g.Phone);
        Assert.Null(g.WorkPlace);
        Assert.Null(g.Employment);
        Assert.Equal(HealthStatus.Unknown, g.HealthStatus);
    }

    [Fact]
    public void ValidateGuardian_EveryFieldWrong_KeyedWithGivenPrefix()
    {
        var errors = new ValidationErrors();
        var right = FatherId[17];
        var wrong = right == '0' ? '1' : '0';
        var g = ChildRules.ValidateGuardian(
            new GuardianInput("李\u202E山", "Uncle", FatherId[..17] + wrong, "Away", null, null, new string('厂', 101), "工\u0007人", "Sick", "12012345678"),
            "family[3]",
            Today,
            Village,
            errors);

        Assert.Null(g);
        AssertExactly(
            errors,
            ("family[3].name", InvalidName),
            ("family[3].relation", "未知的关系“Uncle”"),
            ("family[3].status", "未知的监护人状况“Away”"),
            ("family[3].citizenIdNumber", $"校验位应为 {right}"),
            ("family[3].phone", PhoneWrongShape),
            ("family[3].healthStatus", "健康状况应为 Unknown, Healthy, ChronicIllness, SeriousIllness 之一"),
            ("family[3].workPlace", "务工地不能超过100个字符"),
            ("family[3].employment", "就业情况含有无效字符"));
    }

    [Fact]
    public void ValidateGuardian_EarlierUnrelatedErrors_DoNotRejectAValidGuardian()
    {
        var errors = new ValidationErrors();
        errors.Add("name", "姓名不能为空");
        var g = ChildRules.ValidateGuardian(new GuardianInput("王芳", "Mother", null, "Deceased"), "guardians[1]", Today, Village, errors);
        Assert.NotNull(g);
        Assert.Equal(GuardianStatus.Deceased, g.Status);
        AssertExactly(errors, ("name", "姓名不能为空"));
    }

    [Fact]
    public void ValidateGuardian_OneBadField_NullAndOnlyThatKey()
    {
        var errors = new ValidationErrors();
        Assert.Null(ChildRules.ValidateGuardian(new GuardianInput("王芳", "Mother", Phone: "abc"), "x", Today, Village, errors));
        AssertExactly(errors, ("x.phone", PhoneNotDigits));

        errors = new ValidationErrors();
        Assert.Null(ChildRules.ValidateGuardian(new GuardianInput("王芳", "Mother", Employment: new string('a', 101)), "x", Today, Village, errors));
        AssertExactly(errors, ("x.employment", "就业情况不能超过100个字符"));
    }

    [Fact]
    public void Validate_GuardianNewFields_ThroughChild()
    {
        var child = Accepted(Valid() with
        {
            HouseholdKind = "Rural",
            Guardians =
            [
                new GuardianInput("李大山", "Father", null, "Living", true, true, "浙江宁波", "建筑工", "Healthy", "138 0013 8000", AwaySince: "2020-01-01", WorkRegionCode: "3302"),
                new GuardianInput("王芳", "Mother", null, "SevereDisability", true, false, null, null, "SeriousIllness", DisabilityType: "Physical", DisabilityGrade: 2),
            ],
        });
        Assert.Equal("13800138000", child.Guardians[0].Phone);
        Assert.True(child.Guardians[0].IsWorkingAway);
        Assert.Equal("浙江宁波", child.Guardians[0].WorkPlace);
        Assert.Equal(HealthStatus.Healthy, child.Guardians[0].HealthStatus);
        Assert.Equal(GuardianStatus.SevereDisability, child.Guardians[1].Status);
        Assert.False(child.Guardians[1].IsWorkingAway);

        // A validated child feeds CategoryRules directly.
        Assert.Empty(CategoryRules.Check(ProtectionCategory.LeftBehind, null, child, child.Guardians, Today));
        Assert.Equal(
            ["事实无人抚养儿童须父母双方均为重残、重病、服刑在押、强制隔离戒毒、被限制人身自由或失联，或一方死亡/失踪且另一方为上述情形（民发〔2019〕62号）",
             "父亲为“健在”，不属于重残、重病、服刑在押、强制隔离戒毒、被限制人身自由或失联"],
            CategoryRules.Check(ProtectionCategory.DeFactoUnsupported, null, child, child.Guardians, Today));
    }
}
