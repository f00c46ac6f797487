using Shouhu.Domain.Children;
using Xunit;

namespace Shouhu.UnitTests.Children;

/// <summary>
/// The facts behind a parent's condition (issue #11 items 7 and 8; DOMAIN.md §1 "operational threshold"; ADR-009), each
/// table written from the policy text: 服刑/戒毒/其他限制 a term of 6 months or more still being served; 失联 6 full months
/// since the police accepted the report; 重残 grade 1–2, or 3–4 mental/intellectual; 重病 on the configured list; 外出务工
/// a living parent without another condition, 6 full months away, outside the county. "6 full months since d" has passed
/// from the day after the corresponding day (Civil Code arts. 201–202).
/// </summary>
public class GuardianConditionsTests
{
    private static readonly DateOnly On = new(2026, 6, 1);
    private static readonly RegisterSettings Settings = RegisterSettings.Default;

    private static Guardian Parent(GuardianStatus status, DateOnly? since = null, int? term = null, DisabilityType? type = null, int? grade = null, string? illness = null) => new()
    {
        Name = "父亲",
        Relation = GuardianRelation.Father,
        Status = status,
        ConditionSince = since,
        ConditionTermMonths = term,
        DisabilityType = type,
        DisabilityGrade = grade,
        Illness = illness,
        RegionCode = "430702001001",
    };

    private static Guardian Away(DateOnly? since, string? workRegion, GuardianStatus status = GuardianStatus.Living) => new()
    {
        Name = "父亲",
        Relation = GuardianRelation.Father,
        Status = status,
        IsWorkingAway = true,
        AwaySince = since,
        WorkRegionCode = workRegion,
        RegionCode = "430702001001",
    };

    private static bool Counts(Guardian g, DateOnly? on = null) => GuardianConditions.WhyNotUnableToSupport(g, "父亲", on ?? On, Settings) is null;

    // ---- a term of 6 months or more, not yet served --------------------------------------------------------------

    public static TheoryData<GuardianStatus, int> TermCases()
    {
        var data = new TheoryData<GuardianStatus, int>();
        foreach (var status in new[] { GuardianStatus.Imprisoned, GuardianStatus.CompulsoryRehab, GuardianStatus.OtherRestriction })
        {
            foreach (var months in new[] { 1, 3, 5, 6, 7, 12, 24, 600 })
            {
                data.Add(status, months);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TermCases))]
    public void Term_SixMonthsOrMore_Counts_ShorterDoesNot(GuardianStatus status, int months)
    {
        var since = On.AddMonths(-1); // begun a month ago: every term here is still being served
        Assert.Equal(months >= 6, Counts(Parent(status, since, months)));
    }

    [Theory]
    [InlineData(GuardianStatus.Imprisoned)]
    [InlineData(GuardianStatus.CompulsoryRehab)]
    [InlineData(GuardianStatus.OtherRestriction)]
    public void Term_ExactlySixMonths_CountsThroughItsLastDay_NotAfter(GuardianStatus status)
    {
        var since = new DateOnly(2026, 1, 31);
        var g = Parent(status, since, 6);
        var lastDay = new DateOnly(2026, 7, 31); // the corresponding day, six months on (art. 202)
        Assert.True(Counts(g, since));
        Assert.True(Counts(g, lastDay));
        Assert.False(Counts(g, lastDay.AddDays(1)));
        Assert.Equal($"父亲“{Guardian.StatusName(status)}”的期限已于 2026-07-31 届满", GuardianConditions.WhyNotUnableToSupport(g, "父亲", lastDay.AddDays(1), Settings)?.Message);

        // 31 August + 6 months ends on the last day of February.
        var august = Parent(status, new DateOnly(2025, 8, 31), 6);
        Assert.True(Counts(august, new DateOnly(2026, 2, 28)));
        Assert.False(Counts(august, new DateOnly(2026, 3, 1)));
    }

    [Theory]
    [InlineData(GuardianStatus.Imprisoned)]
    [InlineData(GuardianStatus.CompulsoryRehab)]
    [InlineData(GuardianStatus.OtherRestriction)]
    public void Term_WithoutSinceOrTerm_DoesNotCount(GuardianStatus status)
    {
        var label = Guardian.StatusName(status);
        var expected = $"父亲“{label}”须填写起始日期和期限（月），期限6个月以上方可认定";
        Assert.Equal(expected, GuardianConditions.WhyNotUnableToSupport(Parent(status), "父亲", On, Settings)?.Message);
        Assert.Equal(expected, GuardianConditions.WhyNotUnableToSupport(Parent(status, since: On.AddYears(-1)), "父亲", On, Settings)?.Message);
        Assert.Equal(expected, GuardianConditions.WhyNotUnableToSupport(Parent(status, term: 24), "父亲", On, Settings)?.Message);
        Assert.Equal($"父亲“{label}”期限为5个月，不足6个月", GuardianConditions.WhyNotUnableToSupport(Parent(status, On, 5), "父亲", On, Settings)?.Message);
    }

    // ---- a since-date after the day ------------------------------------------------------------------------------

    [Theory]
    [InlineData(GuardianStatus.Imprisoned, 24)]
    [InlineData(GuardianStatus.CompulsoryRehab, 24)]
    [InlineData(GuardianStatus.OtherRestriction, 24)]
    [InlineData(GuardianStatus.LostContact, null)]
    [InlineData(GuardianStatus.SevereIllness, null)]
    [InlineData(GuardianStatus.SevereDisability, null)]
    [InlineData(GuardianStatus.GuardianshipRevoked, null)]
    [InlineData(GuardianStatus.Deported, null)]
    public void SinceAfterTheDay_DoesNotCountYet(GuardianStatus status, int? term)
    {
        var g = Parent(status, On.AddDays(1), term, DisabilityType.Physical, 1, "儿童白血病");
        Assert.False(Counts(g));
        Assert.Equal($"父亲“{Guardian.StatusName(status)}”的起始日期 2026-06-02 晚于认定日期", GuardianConditions.WhyNotUnableToSupport(g, "父亲", On, Settings)?.Message);
        Assert.True(Counts(g, On.AddMonths(7))); // the same facts count once the day has come (and, for 失联, six months passed)
    }

    [Fact]
    public void Gone_SinceAfterTheDay_IsNotGoneYet()
    {
        Assert.True(GuardianConditions.IsGone(Parent(GuardianStatus.Deceased), On));
        Assert.True(GuardianConditions.IsGone(Parent(GuardianStatus.Deceased, On), On));
        Assert.False(GuardianConditions.IsGone(Parent(GuardianStatus.Deceased, On.AddDays(1)), On));
        Assert.False(GuardianConditions.IsGone(Parent(GuardianStatus.Missing, On.AddDays(1)), On));
        Assert.True(GuardianConditions.IsGone(Parent(GuardianStatus.Missing, On.AddYears(-3)), On));
        Assert.False(GuardianConditions.IsGone(Parent(GuardianStatus.LostContact, On.AddYears(-3)), On)); // 失联 is not 宣告失踪
    }

    // ---- 失联: 6 full months since the police accepted the report ----------------------------------------------------

    [Theory]
    [InlineData("2025-12-01", "2026-06-01", false)] // the corresponding day closes the six months
    [InlineData("2025-12-01", "2026-06-02", true)]
    [InlineData("2025-08-31", "2026-02-28", false)] // no 31 February: the month's last day closes them
    [InlineData("2025-08-31", "2026-03-01", true)]
    [InlineData("2023-08-31", "2024-02-29", false)] // leap year
    [InlineData("2023-08-31", "2024-03-01", true)]
    [InlineData("2026-01-15", "2026-06-01", false)]
    [InlineData("2020-01-01", "2026-06-01", true)]
    public void LostContact_SixFullMonthsSinceReport(string reported, string on, bool counts)
    {
        var g = Parent(GuardianStatus.LostContact, DateOnly.Parse(reported, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(counts, Counts(g, DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void LostContact_WithoutReportDate_DoesNotCount()
    {
        Assert.Equal("父亲失联须填写公安机关受理报案的日期", GuardianConditions.WhyNotUnableToSupport(Parent(GuardianStatus.LostContact), "父亲", On, Settings)?.Message);
    }

    [Fact]
    public void FirstDayAfter_IsTheDayAfterTheCorrespondingDay()
    {
        Assert.Equal(new DateOnly(2026, 6, 2), GuardianConditions.FirstDayAfter(new DateOnly(2025, 12, 1), 6));
        Assert.Equal(new DateOnly(2026, 3, 1), GuardianConditions.FirstDayAfter(new DateOnly(2025, 8, 31), 6));
        Assert.Equal(new DateOnly(2024, 3, 1), GuardianConditions.FirstDayAfter(new DateOnly(2023, 8, 31), 6));
        Assert.Equal(new DateOnly(2026, 3, 1), GuardianConditions.FirstDayAfter(new DateOnly(2025, 2, 28), 12));
    }

    // ---- 重残 -----------------------------------------------------------------------------------------------------

    public static TheoryData<DisabilityType, int> DisabilityCases()
    {
        var data = new TheoryData<DisabilityType, int>();
        foreach (var type in Enum.GetValues<DisabilityType>())
        {
            for (var grade = 1; grade <= 4; grade++)
            {
                data.Add(type, grade);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DisabilityCases))]
    public void SevereDisability_Grade1Or2_Or3Or4MentalOrIntellectual(DisabilityType type, int grade)
    {
        // Written from the threshold: 一、二级残疾, 或三、四级精神、智力残疾.
        var expected = grade <= 2 || type is DisabilityType.Mental or DisabilityType.Intellectual;
        var g = Parent(GuardianStatus.SevereDisability, type: type, grade: grade);
        Assert.Equal(expected, Counts(g));
        Assert.Equal(expected, GuardianConditions.WhyNotIncapable(g, "父亲", On, Settings) is null);
    }

    [Fact]
    public void SevereDisability_WithoutTypeOrGrade_DoesNotCount()
    {
        Assert.Equal("父亲重残须填写残疾类别和等级", GuardianConditions.WhyNotUnableToSupport(Parent(GuardianStatus.SevereDisability), "父亲", On, Settings)?.Message);
        Assert.False(Counts(Parent(GuardianStatus.SevereDisability, grade: 1)));
        Assert.False(Counts(Parent(GuardianStatus.SevereDisability, type: DisabilityType.Mental)));
    }

    // ---- 重病 -----------------------------------------------------------------------------------------------------

    [Fact]
    public void SevereIllness_OnTheConfiguredListOnly()
    {
        foreach (var illness in RegisterSettings.DefaultCatastrophicIllnesses)
        {
            Assert.True(Counts(Parent(GuardianStatus.SevereIllness, illness: illness)), illness);
        }

        Assert.Equal("父亲重病须从重特大疾病目录中选择病种", GuardianConditions.WhyNotUnableToSupport(Parent(GuardianStatus.SevereIllness), "父亲", On, Settings)?.Message);
        Assert.Equal("父亲的病种“感冒”不在本地重特大疾病目录中", GuardianConditions.WhyNotUnableToSupport(Parent(GuardianStatus.SevereIllness, illness: "感冒"), "父亲", On, Settings)?.Message);

        var local = new RegisterSettings { CatastrophicIllnesses = ["尿毒症"] };
        Assert.Null(GuardianConditions.WhyNotUnableToSupport(Parent(GuardianStatus.SevereIllness, illness: "尿毒症"), "父亲", On, local));
        Assert.NotNull(GuardianConditions.WhyNotUnableToSupport(Parent(GuardianStatus.SevereIllness, illness: "儿童白血病"), "父亲", On, local));
    }

    [Fact]
    public void DefaultIllnessList_HasThe2017NineAndNoDuplicates()
    {
        string[] first = ["儿童先天性心脏病", "儿童白血病", "食管癌", "胃癌", "结肠癌", "直肠癌", "终末期肾病", "乳腺癌", "宫颈癌"];
        Assert.All(first, d => Assert.Contains(d, RegisterSettings.DefaultCatastrophicIllnesses));
        Assert.Equal(RegisterSettings.DefaultCatastrophicIllnesses.Count, RegisterSettings.DefaultCatastrophicIllnesses.Distinct().Count());
    }

    [Theory]
    [InlineData(GuardianStatus.Living)]
    [InlineData(GuardianStatus.Deceased)]
    [InlineData(GuardianStatus.Missing)]
    public void NotAConditionAtAll(GuardianStatus status)
    {
        Assert.Equal($"父亲为“{Guardian.StatusName(status)}”，不属于重残、重病、服刑在押、强制隔离戒毒、被限制人身自由或失联",
            GuardianConditions.WhyNotUnableToSupport(Parent(status, status == GuardianStatus.Living ? null : On.AddYears(-1)), "父亲", On, Settings)?.Message);
    }

    // ---- 外出务工 -------------------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void WorkingAway_OnlyALivingParentWithoutAnotherCondition(GuardianStatus status)
    {
        var g = Away(On.AddYears(-1), "441900", status);
        var why = GuardianConditions.WhyNotWorkingAway(g, "父亲", On, "430702");
        if (status == GuardianStatus.Living)
        {
            Assert.Null(why);
        }
        else
        {
            Assert.Equal(new ConditionProblem("isWorkingAway", $"父亲为“{Guardian.StatusName(status)}”，不能算作外出务工"), why);
        }
    }

    public static TheoryData<GuardianStatus> AllStatuses() => [.. Enum.GetValues<GuardianStatus>()];

    [Theory]
    [InlineData("2025-12-01", "2026-06-01", false)] // exactly six months on the corresponding day: not yet
    [InlineData("2025-12-01", "2026-06-02", true)]
    [InlineData("2025-08-31", "2026-02-28", false)]
    [InlineData("2025-08-31", "2026-03-01", true)]
    [InlineData("2026-05-01", "2026-06-01", false)]
    [InlineData("2026-06-02", "2026-06-01", false)] // a since-date after the day
    public void WorkingAway_SixFullMonths(string since, string on, bool counts)
    {
        var g = Away(DateOnly.Parse(since, System.Globalization.CultureInfo.InvariantCulture), "441900");
        Assert.Equal(counts, GuardianConditions.WhyNotWorkingAway(g, "父亲", DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture), "430702") is null);
    }

    [Theory]
    [InlineData("441900", true)] // another province
    [InlineData("44", true)]
    [InlineData("430703", true)] // another county of the same city
    [InlineData("430703001", true)]
    [InlineData("430702", false)] // the child's own county
    [InlineData("430702001", false)] // a township of it
    [InlineData("430702001001", false)]
    [InlineData("4307", false)] // only the city: not said to be outside the county
    [InlineData("43", false)]
    public void WorkingAway_OutsideTheCounty(string workRegion, bool outside)
    {
        Assert.Equal(outside, GuardianConditions.IsOutsideCounty(workRegion, "430702"));
        var why = GuardianConditions.WhyNotWorkingAway(Away(On.AddYears(-1), workRegion), "父亲", On, "430702");
        Assert.Equal(outside ? null : new ConditionProblem("workRegionCode", "父亲的务工地在本县（市、区）内，不算外出务工"), why);
    }

    [Fact]
    public void WorkingAway_MissingFacts()
    {
        Assert.Equal("父亲外出务工须填写外出起始日期", GuardianConditions.WhyNotWorkingAway(Away(null, "441900"), "父亲", On, "430702")?.Message);
        Assert.Equal("父亲外出务工须填写务工地区划代码", GuardianConditions.WhyNotWorkingAway(Away(On.AddYears(-1), null), "父亲", On, "430702")?.Message);
        Assert.Equal("父亲未外出务工", GuardianConditions.WhyNotWorkingAway(Parent(GuardianStatus.Living), "父亲", On, "430702")?.Message);
    }

    [Fact]
    public void CountyOf_HouseholdWhenKnown_ElseResidence()
    {
        var child = new Child { Name = "李小明", RegionCode = "430702001001" };
        Assert.Equal("430702", GuardianConditions.CountyOf(child));
        child.HouseholdRegionCode = "430721";
        Assert.Equal("430721", GuardianConditions.CountyOf(child));
        child.HouseholdRegionCode = "441900003001";
        Assert.Equal("441900", GuardianConditions.CountyOf(child));
    }

    // ---- through the category rules -----------------------------------------------------------------------------

    private static Guardian Mother(GuardianStatus status, DateOnly? since = null, int? term = null)
    {
        var g = Parent(status, since, term);
        (g.Name, g.Relation) = ("母亲", GuardianRelation.Mother);
        return g;
    }

    [Fact]
    public void DeFactoB_DeceasedFatherAndMotherImprisonedExactlySixMonths_Qualifies_FiveDoesNot()
    {
        var child = new Child { Name = "李小明", BirthDate = new DateOnly(2014, 2, 28), RegionCode = "430702001001" };
        var father = Parent(GuardianStatus.Deceased, new DateOnly(2024, 1, 1));
        Assert.Empty(CategoryRules.Check(ProtectionCategory.DeFactoUnsupported, null, child, [father, Mother(GuardianStatus.Imprisoned, On.AddMonths(-1), 6)], On));
        var problems = CategoryRules.Check(ProtectionCategory.DeFactoUnsupported, null, child, [father, Mother(GuardianStatus.Imprisoned, On.AddMonths(-1), 5)], On);
        Assert.Equal(2, problems.Count);
        Assert.Equal("母亲“服刑在押”期限为5个月，不足6个月", problems[1]);
    }

    [Fact]
    public void Orphan_DeathAfterTheStartDay_DoesNotQualifyYet()
    {
        var child = new Child { Name = "李小明", BirthDate = new DateOnly(2014, 2, 28), RegionCode = "430702001001" };
        Guardian[] family = [Parent(GuardianStatus.Deceased, On.AddDays(1)), Mother(GuardianStatus.Deceased, new DateOnly(2020, 1, 1))];
        Assert.Equal(["孤儿须父母双方均死亡或宣告失踪"], CategoryRules.Check(ProtectionCategory.Orphan, null, child, family, On));
        Assert.Empty(CategoryRules.Check(ProtectionCategory.Orphan, null, child, family, On.AddDays(1)));
    }
}
