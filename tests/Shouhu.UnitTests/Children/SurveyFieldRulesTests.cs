using Shouhu.Domain.Children;
using Shouhu.UnitTests.Support;
using Xunit;

namespace Shouhu.UnitTests.Children;

/// <summary>
/// The 2016 survey's own fields in the register (issue #12 item 1, ADR-012): the stage is the one source of truth of
/// schooling, the multi-valued answers are flags, every wrong value is refused in Chinese naming its field.
/// </summary>
public class SurveyFieldRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly DateOnly FatherBirth = new(1986, 4, 2);
    private static readonly string FatherId = IdNumbers.Make("430721", FatherBirth, 131);

    private static ChildInput Valid() => new(
        Name: "李小明", Sex: "male", CitizenIdNumber: null, BirthDate: "2016-02-28", EthnicityCode: "01", ResidenceRegionCode: "430702001201", Address: null,
        Guardians: [new GuardianInput("李大山", "Father", FatherId, "Living", IsWorkingAway: true, BirthDate: "1986-04-02"), new GuardianInput("王芳", "Mother", LacksCapacity: true)],
        EntrustedCare: new EntrustedCareInput("李老汉", "Grandfather", Address: "3组12号"),
        HouseholdRegistered: true, Boarding: true, SchoolStage: "Primary", GuardianshipType: "Fair",
        IncomeSources: ["Wages", "Farming"], Assistance: ["Dibao"]);

    private static (Child? Child, ValidationErrors Errors) Run(ChildInput input)
    {
        var errors = new ValidationErrors();
        return (ChildRules.Validate(input, Today, errors), errors);
    }

    [Fact]
    public void Validate_SurveyFields_AreKept()
    {
        var (child, errors) = Run(Valid());
        Assert.True(errors.IsEmpty, string.Join("; ", errors.ToDictionary().Select(kv => $"{kv.Key}: {string.Join(" / ", kv.Value)}")));
        Assert.Equal(SchoolStage.Primary, child!.SchoolStage);
        Assert.Equal(SchoolStatus.InSchool, child.SchoolStatus); // derived: no school name needed where the stage is recorded
        Assert.True(child.Boarding);
        Assert.True(child.HouseholdRegistered);
        Assert.Equal(GuardianshipType.Fair, child.GuardianshipType);
        Assert.Equal(IncomeSource.Wages | IncomeSource.Farming, child.IncomeSources);
        Assert.Equal(Assistance.Dibao, child.Assistance);
        Assert.Equal("3组12号", child.EntrustedCare!.Address);
        Assert.Equal(FatherBirth, child.Guardians[0].BirthDate);
        Assert.True(child.Guardians[1].LacksCapacity);
    }

    /// <summary>Every stage implies its status; the same status is accepted, any other is refused on schoolStage.</summary>
    [Fact]
    public void Validate_StageAndStatus_AgreeOrAreRefused()
    {
        foreach (var stage in Enum.GetValues<SchoolStage>())
        {
            var implied = SchoolStages.StatusOf(stage);
            foreach (var status in Enum.GetValues<SchoolStatus>())
            {
                var (child, errors) = Run(Valid() with { SchoolStage = stage.ToString(), SchoolStatus = status == SchoolStatus.Unknown ? null : status.ToString(), Boarding = null, SchoolName = "中心小学", NotInSchoolReason = "辍学" });
                if (status == SchoolStatus.Unknown || status == implied)
                {
                    Assert.True(errors.IsEmpty, $"{stage}/{status}");
                    Assert.Equal(implied, child!.SchoolStatus);
                }
                else
                {
                    Assert.Contains("不一致", Assert.Single(errors.For("schoolStage")));
                }
            }
        }
    }

    [Fact]
    public void Validate_InSchoolWithoutSchoolOrStage_IsStillRefused()
    {
        var (_, errors) = Run(Valid() with { SchoolStage = null, SchoolStatus = "InSchool", Boarding = null });
        Assert.Contains("在校儿童须填写学校", Assert.Single(errors.For("schoolName")));
    }

    [Theory]
    [InlineData("NotEnrolled")]
    [InlineData("DroppedOut")]
    [InlineData("NotInSchool")]
    public void Validate_BoardingOutsideSchool_IsRefused(string stage)
    {
        var (_, errors) = Run(Valid() with { SchoolStage = stage });
        Assert.Equal("只有在校或在园的儿童可登记为寄宿", Assert.Single(errors.For("boarding")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Healthy")]
    public void Validate_IllnessTypeWithoutIllness_IsRefused(string? health)
    {
        var (_, errors) = Run(Valid() with { HealthStatus = health, IllnessType = "哮喘" });
        Assert.Contains("患病类型", Assert.Single(errors.For("illnessType")));
        var (ok, okErrors) = Run(Valid() with { HealthStatus = "ChronicIllness", IllnessType = "哮喘" });
        Assert.True(okErrors.IsEmpty);
        Assert.Equal("哮喘", ok!.IllnessType);
    }

    [Theory]
    [InlineData("incomeSources", "家庭经济来源")]
    [InlineData("assistance", "救助帮扶情况")]
    public void Validate_UnknownMultiValue_IsRefusedNamingTheField(string field, string label)
    {
        var input = field == "incomeSources" ? Valid() with { IncomeSources = ["Wages", "Stocks"] } : Valid() with { Assistance = ["None"] };
        var (_, errors) = Run(input);
        Assert.StartsWith(label, Assert.Single(errors.For(field)));
    }

    [Fact]
    public void Validate_UnknownStageOrGuardianshipType_IsRefused()
    {
        var (_, errors) = Run(Valid() with { SchoolStage = "University", GuardianshipType = "Excellent" });
        Assert.StartsWith("就学阶段应为", Assert.Single(errors.For("schoolStage")));
        Assert.StartsWith("监护类型应为", Assert.Single(errors.For("guardianshipType")));
    }

    [Fact]
    public void ValidateGuardian_BirthDateAgainstIdNumber_AndCapacity()
    {
        var errors = new ValidationErrors();
        ChildRules.ValidateGuardian(new GuardianInput("李大山", "Father", FatherId, BirthDate: "1986-04-03"), "g", Today, "430702001201", errors);
        Assert.Contains("1986-04-02", Assert.Single(errors.For("g.birthDate")));

        errors = new ValidationErrors();
        ChildRules.ValidateGuardian(new GuardianInput("李大山", "Father", BirthDate: "2030-01-01"), "g", Today, "430702001201", errors);
        Assert.Equal("出生日期不能晚于今天", Assert.Single(errors.For("g.birthDate")));

        errors = new ValidationErrors();
        ChildRules.ValidateGuardian(new GuardianInput("李大山", "Father", IsWorkingAway: true, LacksCapacity: true), "g", Today, "430702001201", errors);
        Assert.Contains("外出务工的父母不能同时登记为无监护能力", Assert.Single(errors.For("g.lacksCapacity")));

        errors = new ValidationErrors();
        ChildRules.ValidateGuardian(new GuardianInput("李老汉", "Grandfather", LacksCapacity: true), "g", Today, "430702001201", errors);
        Assert.Contains("只适用于父亲或母亲", Assert.Single(errors.For("g.lacksCapacity")));
    }

    [Fact]
    public void Validate_CaregiverAddressTooLong_IsRefused()
    {
        var (_, errors) = Run(Valid() with { EntrustedCare = new EntrustedCareInput("李老汉", "Grandfather", Address: new string('村', 201)) });
        Assert.Equal("委托照护人居住地址不能超过200个字符", Assert.Single(errors.For("entrustedCare.address")));
    }
}
