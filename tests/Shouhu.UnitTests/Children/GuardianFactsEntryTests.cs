using Shouhu.Domain.Children;
using Xunit;

namespace Shouhu.UnitTests.Children;

/// <summary>
/// Entering the facts of a guardian's condition and absence (issue #11 items 7, 8): each field is checked where it is
/// typed, keyed by its own name, in Chinese; whether the facts meet a category's threshold is the category's question.
/// </summary>
public class GuardianFactsEntryTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private const string Key = "guardians[0]";

    private static (Guardian? Guardian, Dictionary<string, string[]> Errors) Run(GuardianInput input, RegisterSettings? settings = null)
    {
        var errors = new ValidationErrors();
        var g = ChildRules.ValidateGuardian(input, Key, Today, "430702001001", errors, settings);
        return (g, errors.ToDictionary());
    }

    private static void Refused(GuardianInput input, string field, string message, RegisterSettings? settings = null)
    {
        var (g, errors) = Run(input, settings);
        Assert.Null(g);
        Assert.Equal([$"{Key}.{field}"], errors.Keys);
        Assert.Equal([message], errors[$"{Key}.{field}"]);
    }

    private static Guardian Accepted(GuardianInput input, RegisterSettings? settings = null)
    {
        var (g, errors) = Run(input, settings);
        Assert.True(errors.Count == 0, string.Join("; ", errors.SelectMany(kv => kv.Value.Select(v => $"{kv.Key}: {v}"))));
        return g!;
    }

    [Fact]
    public void AllFacts_RoundTrip()
    {
        var g = Accepted(new GuardianInput("李大山", "Father", Status: "Imprisoned", ConditionSince: "2025-12-01", ConditionTermMonths: 6, DisabilityType: "Mental", DisabilityGrade: 3, Illness: "儿童白血病"));
        Assert.Equal(new DateOnly(2025, 12, 1), g.ConditionSince);
        Assert.Equal(6, g.ConditionTermMonths);
        Assert.Equal(DisabilityType.Mental, g.DisabilityType);
        Assert.Equal(3, g.DisabilityGrade);
        Assert.Equal("儿童白血病", g.Illness);

        var away = Accepted(new GuardianInput("王芳", "Mother", IsWorkingAway: true, AwaySince: "2025-01-01", WorkRegionCode: "4419"));
        Assert.Equal((new DateOnly(2025, 1, 1), "4419"), (away.AwaySince, away.WorkRegionCode));
    }

    [Theory]
    [InlineData("2026-06-02")]
    [InlineData("2030-01-01")]
    public void ConditionSince_InTheFuture_Refused(string since)
    {
        Refused(new GuardianInput("李大山", "Father", Status: "LostContact", ConditionSince: since), "conditionSince", "情形起始日期不能晚于今天");
    }

    [Fact]
    public void ConditionSince_TodayAccepted_NotADate_Refused()
    {
        Assert.Equal(Today, Accepted(new GuardianInput("李大山", "Father", Status: "Deceased", ConditionSince: "2026-06-01")).ConditionSince);
        Refused(new GuardianInput("李大山", "Father", Status: "Deceased", ConditionSince: "2026-02-30"), "conditionSince", "情形起始日期不是有效日期（格式如 2024-03-01）");
    }

    [Fact]
    public void ConditionSince_ForALivingParent_Refused()
    {
        Refused(new GuardianInput("李大山", "Father", Status: "Living", ConditionSince: "2025-01-01"), "conditionSince", "监护人健在且无其他情形时不填写情形起始日期");
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public void TermMonths_OnlyForSentenceDetentionOrRehabilitation(GuardianStatus status)
    {
        var input = new GuardianInput("李大山", "Father", Status: status.ToString(), ConditionTermMonths: 12);
        if (status is GuardianStatus.Imprisoned or GuardianStatus.CompulsoryRehab or GuardianStatus.OtherRestriction)
        {
            Assert.Equal(12, Accepted(input).ConditionTermMonths);
        }
        else
        {
            Refused(input, "conditionTermMonths", $"只有服刑在押、强制隔离戒毒、其他限制人身自由措施填写期限，“{Guardian.StatusName(status)}”不填");
        }
    }

    public static TheoryData<GuardianStatus> Statuses() => [.. Enum.GetValues<GuardianStatus>()];

    [Theory]
    [InlineData(0, false)]
    [InlineData(-6, false)]
    [InlineData(1, true)]
    [InlineData(6, true)]
    [InlineData(600, true)]
    [InlineData(601, false)]
    public void TermMonths_Range(int months, bool ok)
    {
        var input = new GuardianInput("李大山", "Father", Status: "Imprisoned", ConditionTermMonths: months);
        if (ok)
        {
            Assert.Equal(months, Accepted(input).ConditionTermMonths);
        }
        else
        {
            Refused(input, "conditionTermMonths", "期限应为1–600个月（整月数）");
        }
    }

    [Fact]
    public void Disability_TypeAndGradeTogether_GradeOneToFour()
    {
        Refused(new GuardianInput("李大山", "Father", Status: "SevereDisability", DisabilityGrade: 5, DisabilityType: "Physical"), "disabilityGrade", "残疾等级应为1–4级");
        Refused(new GuardianInput("李大山", "Father", Status: "SevereDisability", DisabilityGrade: 0, DisabilityType: "Physical"), "disabilityGrade", "残疾等级应为1–4级");
        Refused(new GuardianInput("李大山", "Father", Status: "SevereDisability", DisabilityType: "Physical"), "disabilityGrade", "残疾类别和等级须同时填写");
        Refused(new GuardianInput("李大山", "Father", Status: "SevereDisability", DisabilityGrade: 2), "disabilityType", "残疾类别和等级须同时填写");
        Refused(new GuardianInput("李大山", "Father", Status: "SevereDisability", DisabilityType: "Blind", DisabilityGrade: 2), "disabilityType", "残疾类别应为 Visual, Hearing, Speech, Physical, Intellectual, Mental, Multiple 之一");
    }

    [Fact]
    public void Illness_FromTheConfiguredList()
    {
        Refused(new GuardianInput("李大山", "Father", Status: "SevereIllness", Illness: "感冒"), "illness", "病种须从本地重特大疾病目录中选择");
        Assert.Equal("尿毒症", Accepted(new GuardianInput("李大山", "Father", Status: "SevereIllness", Illness: " 尿毒症 "), new RegisterSettings { CatastrophicIllnesses = ["尿毒症"] }).Illness);
        Refused(new GuardianInput("李大山", "Father", Status: "SevereIllness", Illness: "儿童白血病"), "illness", "病种须从本地重特大疾病目录中选择", new RegisterSettings { CatastrophicIllnesses = ["尿毒症"] });
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public void WorkingAway_OnlyForALivingParent(GuardianStatus status)
    {
        var input = new GuardianInput("李大山", "Father", Status: status.ToString(), IsWorkingAway: true);
        if (status == GuardianStatus.Living)
        {
            Assert.True(Accepted(input).IsWorkingAway);
        }
        else
        {
            Refused(input, "isWorkingAway", $"外出务工只适用于健在且无其他情形的父母，“{Guardian.StatusName(status)}”不能同时登记为外出务工");
        }
    }

    [Fact]
    public void AwaySince_InTheFuture_Or_WithoutWorkingAway_Refused()
    {
        Refused(new GuardianInput("李大山", "Father", IsWorkingAway: true, AwaySince: "2026-06-02"), "awaySince", "外出务工起始日期不能晚于今天");
        Refused(new GuardianInput("李大山", "Father", AwaySince: "2025-01-01"), "awaySince", "未外出务工时不填写外出起始日期和务工地区划代码");
        Refused(new GuardianInput("李大山", "Father", IsWorkingAway: false, WorkRegionCode: "441900"), "workRegionCode", "未外出务工时不填写外出起始日期和务工地区划代码");
    }

    [Theory]
    [InlineData("4419001")]
    [InlineData("44190A")]
    [InlineData("991900")]
    [InlineData("4")]
    public void WorkRegionCode_NotARegionCode_Refused(string code)
    {
        Refused(new GuardianInput("李大山", "Father", IsWorkingAway: true, WorkRegionCode: code), "workRegionCode", "务工地区划代码应为2、4、6、9或12位区划代码，前两位为省级代码");
    }
}
