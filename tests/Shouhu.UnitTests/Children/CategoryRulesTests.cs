using Shouhu.Domain.Children;
using Shouhu.Domain.Time;
using Shouhu.UnitTests.Support;
using Xunit;

namespace Shouhu.UnitTests.Children;

/// <summary>
/// CategoryRules against DOMAIN.md §1. The eligibility tables below are written from the policy texts (民发〔2019〕62号,
/// 国发〔2016〕13号), not from the domain's own lists, so a wrong list in the domain makes them fail.
/// </summary>
public class CategoryRulesTests
{
    private const string Village = "430702001001";
    private static readonly DateOnly Birth = new(2014, 2, 28);
    private static readonly DateOnly On = new(2026, 6, 1); // the child is 12

    // Exact messages, written out.
    private const string OrphanNeedsParents = "认定孤儿须登记父亲和母亲的情况";
    private const string OrphanNotBothGone = "孤儿须父母双方均死亡或宣告失踪";
    private const string DeFactoNeedsParents = "认定事实无人抚养儿童须登记父亲和母亲的情况";
    private const string DeFactoNotQualified = "事实无人抚养儿童须父母双方均为重残、重病、服刑在押、强制隔离戒毒、被限制人身自由或失联，或一方死亡/失踪且另一方为上述情形（民发〔2019〕62号）";
    private const string LeftBehindNotRural = "农村留守儿童须为农村户籍";
    private const string LeftBehindNeedsParents = "认定农村留守儿童须登记父亲和母亲的情况";
    private const string LeftBehindNotQualified = "农村留守儿童须父母双方外出务工，或一方外出务工、另一方无监护能力（国发〔2016〕13号）";
    private const string InDistressNeedsSubType = "困境儿童须选择类型：家庭经济困难、自身残疾、监护缺失或不当";
    private const string DisabledNeedsDisability = "残疾儿童须登记残疾类别和等级";

    private static Child Kid(DateOnly? birth = null, HouseholdKind kind = HouseholdKind.Rural, DisabilityType? type = null, int? grade = null) => new()
    {
        Name = "李小明",
        BirthDate = birth ?? Birth,
        RegionCode = Village,
        HouseholdKind = kind,
        DisabilityType = type,
        DisabilityGrade = grade,
    };

    /// <summary>The day a parent's situation began, by default, well over 6 months before <see cref="On"/>.</summary>
    private static readonly DateOnly FactsSince = new(2025, 1, 1);

    /// <summary>
    /// A family member whose situation is fully documented and meets its threshold (ADR-009): since <paramref name="since"/>,
    /// a 50-year term, a grade-1 disability, an illness of the default list; away for work in Dongguan (441900), outside the
    /// child's county 430702. The status tables below therefore test the statuses; the facts have tables of their own.
    /// </summary>
    private static Guardian Member(GuardianRelation relation, GuardianStatus status = GuardianStatus.Living, bool away = false, DateOnly? since = null)
    {
        var day = since ?? FactsSince;
        return new()
        {
            Name = Guardian.RelationName(relation),
            Relation = relation,
            Status = status,
            IsWorkingAway = away,
            AwaySince = away ? day : null,
            WorkRegionCode = away ? "441900" : null,
            ConditionSince = status == GuardianStatus.Living ? null : day,
            ConditionTermMonths = status is GuardianStatus.Imprisoned or GuardianStatus.CompulsoryRehab or GuardianStatus.OtherRestriction ? 600 : null,
            DisabilityType = status == GuardianStatus.SevereDisability ? DisabilityType.Physical : null,
            DisabilityGrade = status == GuardianStatus.SevereDisability ? 1 : null,
            Illness = status == GuardianStatus.SevereIllness ? "终末期肾病" : null,
            RegionCode = Village,
        };
    }

    private static Guardian[] Parents(GuardianStatus father, GuardianStatus mother, bool fatherAway = false, bool motherAway = false, DateOnly? since = null) =>
        [Member(GuardianRelation.Father, father, fatherAway, since), Member(GuardianRelation.Mother, mother, motherAway, since)];

    /// <summary>Refused, the general rule first (details of each parent may follow).</summary>
    private static void AssertRefused(string rule, IReadOnlyList<string> problems)
    {
        Assert.NotEmpty(problems);
        Assert.Equal(rule, problems[0]);
    }

    private static IReadOnlyList<string> Check(ProtectionCategory category, Child child, IReadOnlyCollection<Guardian> family, string? subType = null, DateOnly? on = null) =>
        CategoryRules.Check(category, subType, child, family, on ?? On);

    // ---- independent truth tables -------------------------------------------------------------------------------

    /// <summary>死亡 or 宣告失踪 (natural death or a court declaration).</summary>
    private static bool DeadOrDeclaredMissing(GuardianStatus s) => s switch
    {
        GuardianStatus.Deceased => true,
        GuardianStatus.Missing => true,
        _ => false,
    };

    /// <summary>The six conditions of 民发〔2019〕62号 plus the two most provinces add.</summary>
    private static bool UnableToSupport(GuardianStatus s) => s switch
    {
        GuardianStatus.SevereDisability => true, // 重残
        GuardianStatus.SevereIllness => true, // 重病
        GuardianStatus.Imprisoned => true, // 服刑在押
        GuardianStatus.CompulsoryRehab => true, // 强制隔离戒毒
        GuardianStatus.OtherRestriction => true, // 其他限制人身自由
        GuardianStatus.LostContact => true, // 失联
        GuardianStatus.GuardianshipRevoked => true, // 被撤销监护资格 (provincial addition)
        GuardianStatus.Deported => true, // 被遣送出境 (provincial addition)
        GuardianStatus.Living => false,
        GuardianStatus.Deceased => false,
        GuardianStatus.Missing => false,
        _ => throw new ArgumentOutOfRangeException(nameof(s), s, "new status: extend the table"),
    };

    /// <summary>Without capacity to be guardian for 国发〔2016〕13号: serious illness or disability.</summary>
    private static bool WithoutCapacity(GuardianStatus s) => s is GuardianStatus.SevereIllness or GuardianStatus.SevereDisability;

    /// <summary>Working away counts only for a living parent without another condition (issue #11 item 8).</summary>
    private static bool WorksAway(GuardianStatus s, bool away) => away && s == GuardianStatus.Living;

    private static bool OrphanExpected(GuardianStatus f, GuardianStatus m) => DeadOrDeclaredMissing(f) && DeadOrDeclaredMissing(m);

    private static bool DeFactoExpected(GuardianStatus f, GuardianStatus m) =>
        (UnableToSupport(f) && UnableToSupport(m)) // A
        || (DeadOrDeclaredMissing(f) && UnableToSupport(m)) // B
        || (DeadOrDeclaredMissing(m) && UnableToSupport(f)); // B

    private static bool LeftBehindExpected(GuardianStatus f, bool fAway, GuardianStatus m, bool mAway) =>
        (WorksAway(f, fAway) && WorksAway(m, mAway)) || (WorksAway(f, fAway) && WithoutCapacity(m)) || (WorksAway(m, mAway) && WithoutCapacity(f));

    private static IEnumerable<(GuardianStatus Father, GuardianStatus Mother)> Pairs() =>
        from f in Enum.GetValues<GuardianStatus>() from m in Enum.GetValues<GuardianStatus>() select (f, m);

    public static TheoryData<GuardianStatus, GuardianStatus> AllStatusPairs()
    {
        var data = new TheoryData<GuardianStatus, GuardianStatus>();
        foreach (var (f, m) in Pairs())
        {
            data.Add(f, m);
        }

        return data;
    }

    // ---- Orphan -------------------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(AllStatusPairs))]
    public void Check_Orphan_EveryParentPair_MatchesTruthTable(GuardianStatus father, GuardianStatus mother)
    {
        var problems = Check(ProtectionCategory.Orphan, Kid(), Parents(father, mother));
        if (OrphanExpected(father, mother))
        {
            Assert.Empty(problems);
        }
        else
        {
            Assert.Equal([OrphanNotBothGone], problems);
        }
    }

    [Fact]
    public void Check_Orphan_TruthTableHasExactlyFourPassingPairs()
    {
        var passing = Pairs().Count(p => Check(ProtectionCategory.Orphan, Kid(), Parents(p.Father, p.Mother)).Count == 0);
        Assert.Equal(4, passing); // 死亡/死亡, 死亡/失踪, 失踪/死亡, 失踪/失踪
    }

    [Fact]
    public void Check_Orphan_ParentsNotBothInFamilyList_Refused()
    {
        var dead = GuardianStatus.Deceased;
        Assert.Equal([OrphanNeedsParents], Check(ProtectionCategory.Orphan, Kid(), []));
        Assert.Equal([OrphanNeedsParents], Check(ProtectionCategory.Orphan, Kid(), [Member(GuardianRelation.Father, dead)]));
        Assert.Equal([OrphanNeedsParents], Check(ProtectionCategory.Orphan, Kid(), [Member(GuardianRelation.Mother, dead)]));
        Assert.Equal([OrphanNeedsParents], Check(ProtectionCategory.Orphan, Kid(), [Member(GuardianRelation.Father, dead), Member(GuardianRelation.Father, dead)]));
        Assert.Equal(
            [OrphanNeedsParents],
            Check(ProtectionCategory.Orphan, Kid(), [Member(GuardianRelation.Grandfather, dead), Member(GuardianRelation.Grandmother, dead), Member(GuardianRelation.OtherRelative, dead)]));
    }

    [Fact]
    public void Check_Orphan_OtherFamilyMembersDoNotMatter()
    {
        Guardian[] family =
        [
            Member(GuardianRelation.Grandmother), Member(GuardianRelation.Mother, GuardianStatus.Missing),
            Member(GuardianRelation.Sibling), Member(GuardianRelation.Father, GuardianStatus.Deceased),
        ];
        Assert.Empty(Check(ProtectionCategory.Orphan, Kid(), family));
    }

    // ---- De facto unsupported ------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(AllStatusPairs))]
    public void Check_DeFactoUnsupported_EveryParentPair_MatchesTruthTable(GuardianStatus father, GuardianStatus mother)
    {
        var problems = Check(ProtectionCategory.DeFactoUnsupported, Kid(), Parents(father, mother));
        if (DeFactoExpected(father, mother))
        {
            Assert.Empty(problems);
        }
        else
        {
            AssertRefused(DeFactoNotQualified, problems);
        }
    }

    [Fact]
    public void Check_DeFactoUnsupported_TruthTableCounts()
    {
        // 8 conditions × 8 (A) + 2 gone × 8 conditions × 2 orders (B) = 96 of the 121 pairs.
        var passing = Pairs().Count(p => Check(ProtectionCategory.DeFactoUnsupported, Kid(), Parents(p.Father, p.Mother)).Count == 0);
        Assert.Equal(121, Pairs().Count());
        Assert.Equal(96, passing);
    }

    [Theory]
    [InlineData(GuardianStatus.Deceased, GuardianStatus.Deceased)] // an orphan, not de facto unsupported
    [InlineData(GuardianStatus.Deceased, GuardianStatus.Missing)]
    [InlineData(GuardianStatus.Missing, GuardianStatus.Missing)]
    [InlineData(GuardianStatus.Living, GuardianStatus.Imprisoned)]
    [InlineData(GuardianStatus.LostContact, GuardianStatus.Living)]
    [InlineData(GuardianStatus.Deceased, GuardianStatus.Living)]
    [InlineData(GuardianStatus.Living, GuardianStatus.Living)]
    public void Check_DeFactoUnsupported_NamedFailingPairs(GuardianStatus father, GuardianStatus mother)
    {
        AssertRefused(DeFactoNotQualified, Check(ProtectionCategory.DeFactoUnsupported, Kid(), Parents(father, mother)));
    }

    [Theory]
    [InlineData(GuardianStatus.Imprisoned, GuardianStatus.CompulsoryRehab)] // A
    [InlineData(GuardianStatus.SevereDisability, GuardianStatus.SevereIllness)] // A
    [InlineData(GuardianStatus.GuardianshipRevoked, GuardianStatus.Deported)] // A with the provincial additions
    [InlineData(GuardianStatus.Deceased, GuardianStatus.LostContact)] // B
    [InlineData(GuardianStatus.OtherRestriction, GuardianStatus.Missing)] // B
    [InlineData(GuardianStatus.Missing, GuardianStatus.Deported)] // B
    public void Check_DeFactoUnsupported_NamedPassingPairs(GuardianStatus father, GuardianStatus mother)
    {
        Assert.Empty(Check(ProtectionCategory.DeFactoUnsupported, Kid(), Parents(father, mother)));
    }

    [Fact]
    public void Check_DeFactoUnsupported_ParentsMissingFromFamily_Refused()
    {
        Assert.Equal([DeFactoNeedsParents], Check(ProtectionCategory.DeFactoUnsupported, Kid(), []));
        Assert.Equal([DeFactoNeedsParents], Check(ProtectionCategory.DeFactoUnsupported, Kid(), [Member(GuardianRelation.Mother, GuardianStatus.Imprisoned)]));
        Assert.Equal([DeFactoNeedsParents], Check(ProtectionCategory.DeFactoUnsupported, Kid(), [Member(GuardianRelation.Father, GuardianStatus.Imprisoned), Member(GuardianRelation.Grandmother, GuardianStatus.Imprisoned)]));
    }

    // ---- Left behind --------------------------------------------------------------------------------------------

    [Fact]
    public void Check_LeftBehind_EveryParentStatusAndAwayCombination_MatchesTruthTable()
    {
        var mismatches = new List<string>();
        var passing = 0;
        foreach (var f in Enum.GetValues<GuardianStatus>())
        {
            foreach (var m in Enum.GetValues<GuardianStatus>())
            {
                foreach (var fAway in new[] { false, true })
                {
                    foreach (var mAway in new[] { false, true })
                    {
                        var problems = Check(ProtectionCategory.LeftBehind, Kid(), Parents(f, m, fAway, mAway));
                        var expected = LeftBehindExpected(f, fAway, m, mAway);
                        passing += expected ? 1 : 0;
                        if (expected ? problems.Count != 0 : problems.Count == 0 || problems[0] != LeftBehindNotQualified)
                        {
                            mismatches.Add($"father {f} away={fAway}, mother {m} away={mAway}: [{string.Join(" | ", problems)}]");
                        }
                    }
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        // Both living and away: 1; one living and away with the other 重病/重残 (marked away or not): 2 orders × 2 × 2.
        // A deceased, imprisoned or ill parent marked as away is not working away (the old table counted 121 + 44).
        Assert.Equal(1 + 8, passing);
    }

    [Fact]
    public void Check_LeftBehind_NamedCases()
    {
        var living = GuardianStatus.Living;
        Assert.Empty(Check(ProtectionCategory.LeftBehind, Kid(), Parents(living, living, true, true)));
        Assert.Empty(Check(ProtectionCategory.LeftBehind, Kid(), Parents(living, GuardianStatus.SevereIllness, fatherAway: true)));
        Assert.Empty(Check(ProtectionCategory.LeftBehind, Kid(), Parents(GuardianStatus.SevereDisability, living, motherAway: true)));
        Assert.Equal([LeftBehindNotQualified], Check(ProtectionCategory.LeftBehind, Kid(), Parents(living, living, fatherAway: true)));
        Assert.Equal([LeftBehindNotQualified], Check(ProtectionCategory.LeftBehind, Kid(), Parents(living, living)));
        // The away parent's own incapacity does not count; the one at home must be the incapable one.
        Assert.Equal([LeftBehindNotQualified, "父亲为“重病”，不能算作外出务工"], Check(ProtectionCategory.LeftBehind, Kid(), Parents(GuardianStatus.SevereIllness, living, fatherAway: true)));
        // Imprisoned is not 无监护能力 for 国发〔2016〕13号.
        Assert.Equal([LeftBehindNotQualified], Check(ProtectionCategory.LeftBehind, Kid(), Parents(living, GuardianStatus.Imprisoned, fatherAway: true)));
        // A deceased or imprisoned parent marked as working away is not away (issue #11 item 8).
        Assert.Equal([LeftBehindNotQualified, "父亲为“死亡”，不能算作外出务工"], Check(ProtectionCategory.LeftBehind, Kid(), Parents(GuardianStatus.Deceased, living, true, true)));
        Assert.Equal([LeftBehindNotQualified, "母亲为“服刑在押”，不能算作外出务工"], Check(ProtectionCategory.LeftBehind, Kid(), Parents(living, GuardianStatus.Imprisoned, true, true)));
    }

    [Theory]
    [InlineData(HouseholdKind.Urban)]
    [InlineData(HouseholdKind.Unknown)]
    public void Check_LeftBehind_NotRural_Refused(HouseholdKind kind)
    {
        var living = GuardianStatus.Living;
        Assert.Equal([LeftBehindNotRural], Check(ProtectionCategory.LeftBehind, Kid(kind: kind), Parents(living, living, true, true)));
        Assert.Equal([LeftBehindNotRural, LeftBehindNotQualified], Check(ProtectionCategory.LeftBehind, Kid(kind: kind), Parents(living, living)));
        Assert.Equal([LeftBehindNotRural, LeftBehindNeedsParents], Check(ProtectionCategory.LeftBehind, Kid(kind: kind), []));
    }

    [Fact]
    public void Check_LeftBehind_ParentsMissingFromFamily_Refused()
    {
        Assert.Equal([LeftBehindNeedsParents], Check(ProtectionCategory.LeftBehind, Kid(), [Member(GuardianRelation.Father, away: true)]));
        Assert.Equal([LeftBehindNeedsParents], Check(ProtectionCategory.LeftBehind, Kid(), [Member(GuardianRelation.Mother, away: true), Member(GuardianRelation.Grandfather, away: true)]));
    }

    [Fact]
    public void Check_LeftBehind_AllProblemsAtOnce_InOrder()
    {
        var sixteen = ChinaTime.ReachesAge(Birth, 16);
        Assert.Equal(
            ["农村留守儿童限16周岁以下，该儿童已满16周岁", LeftBehindNotRural, LeftBehindNeedsParents],
            Check(ProtectionCategory.LeftBehind, Kid(kind: HouseholdKind.Urban), [], on: sixteen));
    }

    // ---- Migrant, in distress, disabled --------------------------------------------------------------------------

    [Fact]
    public void Check_Migrant_NeedsNoParentsOrRuralRegistration()
    {
        Assert.Empty(Check(ProtectionCategory.Migrant, Kid(kind: HouseholdKind.Urban), []));
        Assert.Empty(Check(ProtectionCategory.Migrant, Kid(kind: HouseholdKind.Unknown), Parents(GuardianStatus.Living, GuardianStatus.Living)));
    }

    [Fact]
    public void Check_Migrant_DefaultLimit16_Configurable()
    {
        var birth = new DateOnly(2010, 7, 15);
        var child = Kid(birth);
        var birthday16 = new DateOnly(2026, 7, 15); // still 15 on the birthday (ADR-009)
        var sixteen = new DateOnly(2026, 7, 16);
        Assert.Empty(Check(ProtectionCategory.Migrant, child, [], on: birthday16));
        Assert.Equal(["流动儿童限16周岁以下，该儿童已满16周岁"], Check(ProtectionCategory.Migrant, child, [], on: sixteen));
        Assert.Equal(["流动儿童限16周岁以下，该儿童已满16周岁"], CategoryRules.Check(ProtectionCategory.Migrant, null, child, [], sixteen, RegisterSettings.Default));
        Assert.Equal(16, RegisterSettings.Default.MigrantAgeLimit);

        // Research usage: under 18.
        var eighteenLimit = new RegisterSettings { MigrantAgeLimit = 18 };
        Assert.Empty(CategoryRules.Check(ProtectionCategory.Migrant, null, child, [], sixteen, eighteenLimit));
        Assert.Empty(CategoryRules.Check(ProtectionCategory.Migrant, null, child, [], new DateOnly(2028, 7, 15), eighteenLimit));
        Assert.Equal(["流动儿童限18周岁以下，该儿童已满18周岁"], CategoryRules.Check(ProtectionCategory.Migrant, null, child, [], new DateOnly(2028, 7, 16), eighteenLimit));

        // A stricter local limit.
        var fourteenLimit = new RegisterSettings { MigrantAgeLimit = 14 };
        Assert.Equal(["流动儿童限14周岁以下，该儿童已满14周岁"], CategoryRules.Check(ProtectionCategory.Migrant, null, child, [], new DateOnly(2024, 7, 16), fourteenLimit));
        Assert.Empty(CategoryRules.Check(ProtectionCategory.Migrant, null, child, [], new DateOnly(2024, 7, 15), fourteenLimit));
    }

    [Fact]
    public void Check_MigrantLimit_DoesNotChangeOtherCategories()
    {
        var child = Kid(new DateOnly(2010, 7, 15));
        var seventeen = new DateOnly(2027, 7, 16);
        Guardian[] away = Parents(GuardianStatus.Living, GuardianStatus.Living, true, true);
        Assert.Equal(["农村留守儿童限16周岁以下，该儿童已满16周岁"], CategoryRules.Check(ProtectionCategory.LeftBehind, null, child, away, seventeen, new RegisterSettings { MigrantAgeLimit = 18 }));
        Assert.Empty(CategoryRules.Check(ProtectionCategory.InDistress, "自身残疾", child, [], seventeen, new RegisterSettings { MigrantAgeLimit = 12 }));
        Assert.Equal(18, CategoryRules.AgeLimit(ProtectionCategory.Orphan, 12));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("\t")]
    public void Check_InDistress_NeedsSubType(string? subType)
    {
        Assert.Equal([InDistressNeedsSubType], Check(ProtectionCategory.InDistress, Kid(), [], subType));
    }

    [Theory]
    [InlineData("家庭经济困难")]
    [InlineData("自身残疾")]
    [InlineData("监护缺失或不当")]
    [InlineData(" 自身残疾 ")]
    public void Check_InDistress_WithSubType_NoParentsNeeded(string subType)
    {
        Assert.Empty(Check(ProtectionCategory.InDistress, Kid(kind: HouseholdKind.Urban), [], subType));
    }

    [Theory]
    [InlineData("临时困境")] // a provincial sub-type (Shenzhen) is not one of the national three
    [InlineData("任意文字")]
    [InlineData("自身残疾儿童")]
    [InlineData("家庭经济")]
    public void Check_InDistress_OtherSubTypes_AreRefused(string subType)
    {
        Assert.Equal([InDistressNeedsSubType], Check(ProtectionCategory.InDistress, Kid(), [], subType));
        Assert.Equal(InDistressNeedsSubType, CategoryRules.SubTypeProblem(ProtectionCategory.InDistress, subType));
    }

    [Fact]
    public void InDistressSubTypes_AreTheThreeNationalOnes()
    {
        Assert.Equal(["家庭经济困难", "自身残疾", "监护缺失或不当"], CategoryRules.InDistressSubTypes);
    }

    [Fact]
    public void Check_Disabled_NeedsTypeAndGrade()
    {
        Assert.Equal([DisabledNeedsDisability], Check(ProtectionCategory.Disabled, Kid(), []));
        Assert.Equal([DisabledNeedsDisability], Check(ProtectionCategory.Disabled, Kid(type: DisabilityType.Visual), []));
        Assert.Equal([DisabledNeedsDisability], Check(ProtectionCategory.Disabled, Kid(grade: 2), []));
        foreach (var type in Enum.GetValues<DisabilityType>())
        {
            for (var grade = 1; grade <= 4; grade++)
            {
                Assert.Empty(Check(ProtectionCategory.Disabled, Kid(type: type, grade: grade), []));
            }
        }
    }

    [Fact]
    public void Check_CategoriesOtherThanDisabled_IgnoreDisability()
    {
        Assert.Empty(Check(ProtectionCategory.Migrant, Kid(type: DisabilityType.Visual), []));
        Assert.Empty(Check(ProtectionCategory.InDistress, Kid(grade: 3), [], "自身残疾"));
    }

    // ---- age limits ---------------------------------------------------------------------------------------------

    public static TheoryData<ProtectionCategory, int, string> CategoryLimits() => new()
    {
        { ProtectionCategory.Orphan, 18, "孤儿" },
        { ProtectionCategory.DeFactoUnsupported, 18, "事实无人抚养儿童" },
        { ProtectionCategory.LeftBehind, 16, "农村留守儿童" },
        { ProtectionCategory.InDistress, 18, "困境儿童" },
        { ProtectionCategory.Migrant, 16, "流动儿童" },
        { ProtectionCategory.Disabled, 18, "残疾儿童" },
    };

    /// <summary>A child and family for which <paramref name="category"/> has no problem except possibly age.</summary>
    private static (Child Child, Guardian[] Family, string? SubType) Qualifying(ProtectionCategory category, DateOnly birth) => category switch
    {
        ProtectionCategory.Orphan => (Kid(birth), Parents(GuardianStatus.Deceased, GuardianStatus.Missing, since: birth.AddYears(-1)), null),
        ProtectionCategory.DeFactoUnsupported => (Kid(birth), Parents(GuardianStatus.Imprisoned, GuardianStatus.LostContact, since: birth.AddYears(-1)), null),
        ProtectionCategory.LeftBehind => (Kid(birth), Parents(GuardianStatus.Living, GuardianStatus.Living, true, true, since: birth.AddYears(-1)), null),
        ProtectionCategory.InDistress => (Kid(birth), [], "家庭经济困难"),
        ProtectionCategory.Migrant => (Kid(birth), [], null),
        ProtectionCategory.Disabled => (Kid(birth, type: DisabilityType.Intellectual, grade: 2), [], null),
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    [Theory]
    [MemberData(nameof(CategoryLimits))]
    public void AgeLimit_PerCategory(ProtectionCategory category, int limit, string chineseName)
    {
        Assert.Equal(limit, CategoryRules.AgeLimit(category));
        Assert.Equal(chineseName, ChildCategory.ChineseName(category));
    }

    [Theory]
    [MemberData(nameof(CategoryLimits))]
    public void Check_AgeLimit_BirthdayPasses_DayAfterFails(ProtectionCategory category, int limit, string chineseName)
    {
        var birth = new DateOnly(2009, 10, 31);
        var (child, family, subType) = Qualifying(category, birth);
        var birthday = new DateOnly(2009 + limit, 10, 31);
        var tooOld = $"{chineseName}限{limit}周岁以下，该儿童已满{limit}周岁";

        Assert.Empty(CategoryRules.Check(category, subType, child, family, birthday.AddDays(-1)));
        Assert.Empty(CategoryRules.Check(category, subType, child, family, birthday)); // the birthday is the last day (ADR-009)
        Assert.Equal([tooOld], CategoryRules.Check(category, subType, child, family, birthday.AddDays(1)));
        Assert.Equal([tooOld], CategoryRules.Check(category, subType, child, family, birthday.AddYears(1)));
        Assert.Empty(CategoryRules.Check(category, subType, child, family, birth)); // the day of birth
    }

    [Theory]
    [MemberData(nameof(CategoryLimits))]
    public void Check_AgeLimit_LeapDayBirth(ProtectionCategory category, int limit, string chineseName)
    {
        var tooOld = $"{chineseName}限{limit}周岁以下，该儿童已满{limit}周岁";

        // Born 29 Feb 2008: the 16th birthday is 29 Feb 2024 (a leap year), the 18th 28 Feb 2026 (common year, Civil Code
        // art. 202); the age is reached the day after, 1 March either way (ADR-009).
        var birth = new DateOnly(2008, 2, 29);
        var (child, family, subType) = Qualifying(category, birth);
        var birthday = limit == 18 ? new DateOnly(2026, 2, 28) : new DateOnly(2024, 2, 29);
        Assert.Empty(CategoryRules.Check(category, subType, child, family, birthday));
        Assert.Equal([tooOld], CategoryRules.Check(category, subType, child, family, birthday.AddDays(1)));
        Assert.Equal(3, birthday.AddDays(1).Month);

        // Born 29 Feb 2084: 16 in 2100 and 18 in 2102, both common years (2100 is not a leap year) → birthday 28 Feb.
        var late = new DateOnly(2084, 2, 29);
        var (child2, family2, subType2) = Qualifying(category, late);
        var birthday2 = new DateOnly(2084 + limit, 2, 28);
        Assert.Empty(CategoryRules.Check(category, subType2, child2, family2, birthday2));
        Assert.Equal([tooOld], CategoryRules.Check(category, subType2, child2, family2, new DateOnly(2084 + limit, 3, 1)));
    }

    [Fact]
    public void Check_LeftBehind_LeapDayBirthInLeapYearOf16_StillUnder16On29February()
    {
        // 29 Feb 2012 → the 16th birthday is 29 Feb 2028, which exists: 28 and 29 Feb 2028 are still under 16.
        var (child, family, _) = Qualifying(ProtectionCategory.LeftBehind, new DateOnly(2012, 2, 29));
        Assert.Empty(CategoryRules.Check(ProtectionCategory.LeftBehind, null, child, family, new DateOnly(2028, 2, 28)));
        Assert.Empty(CategoryRules.Check(ProtectionCategory.LeftBehind, null, child, family, new DateOnly(2028, 2, 29)));
        Assert.Equal(["农村留守儿童限16周岁以下，该儿童已满16周岁"], CategoryRules.Check(ProtectionCategory.LeftBehind, null, child, family, new DateOnly(2028, 3, 1)));
    }

    // ---- LastDay ------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(ProtectionCategory.Orphan, "2008-02-29", 16, "2026-02-28")] // the 18th birthday in a common year (art. 202)
    [InlineData(ProtectionCategory.DeFactoUnsupported, "2008-02-29", 16, "2026-02-28")]
    [InlineData(ProtectionCategory.InDistress, "2010-01-01", 16, "2028-01-01")]
    [InlineData(ProtectionCategory.Disabled, "2009-12-31", 16, "2027-12-31")]
    [InlineData(ProtectionCategory.LeftBehind, "2012-02-29", 16, "2028-02-29")] // the 16th birthday exists (leap)
    [InlineData(ProtectionCategory.LeftBehind, "2084-02-29", 16, "2100-02-28")] // 2100 is common
    [InlineData(ProtectionCategory.LeftBehind, "2010-03-01", 16, "2026-03-01")]
    [InlineData(ProtectionCategory.Migrant, "2010-03-01", 16, "2026-03-01")]
    [InlineData(ProtectionCategory.Migrant, "2010-03-01", 18, "2028-03-01")]
    [InlineData(ProtectionCategory.Migrant, "2008-02-29", 17, "2025-02-28")]
    [InlineData(ProtectionCategory.Migrant, "2012-02-29", 14, "2026-02-28")]
    [InlineData(ProtectionCategory.Orphan, "2012-02-29", 14, "2030-02-28")] // migrant limit ignored
    public void LastDay_TheLimitBirthdayItself(ProtectionCategory category, string birth, int migrantLimit, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), CategoryRules.LastDay(category, DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), migrantLimit));
    }

    [Fact]
    public void LastDay_DefaultMigrantLimitIs16()
    {
        Assert.Equal(new DateOnly(2026, 3, 1), CategoryRules.LastDay(ProtectionCategory.Migrant, new DateOnly(2010, 3, 1)));
        Assert.Equal(16, CategoryRules.DefaultMigrantAgeLimit);
        Assert.Equal(16, CategoryRules.LeftBehindAgeLimit);
    }

    [Fact]
    public void LastDay_ManyBirths_IsLastDayUnderLimitAndCheckAgrees()
    {
        var rng = new Random(1602);
        var births = new List<DateOnly> { new(2000, 2, 29), new(2004, 2, 29), new(2008, 2, 29), new(2011, 2, 28), new(2011, 3, 1), new(2012, 12, 31) };
        births.AddRange(Enumerable.Range(0, 400).Select(_ => IdNumbers.RandomDate(rng, new DateOnly(1995, 1, 1), new DateOnly(2030, 12, 31))));
        foreach (var birth in births)
        {
            foreach (var category in Enum.GetValues<ProtectionCategory>())
            {
                var migrantLimit = rng.Next(12, 19);
                var limit = category switch
                {
                    ProtectionCategory.LeftBehind => 16,
                    ProtectionCategory.Migrant => migrantLimit,
                    _ => 18,
                };
                var last = CategoryRules.LastDay(category, birth, migrantLimit);
                Assert.Equal(limit - 1, ChinaTime.AgeOn(birth, last));
                Assert.Equal(limit, ChinaTime.AgeOn(birth, last.AddDays(1)));

                var (child, family, subType) = Qualifying(category, birth);
                var settings = new RegisterSettings { MigrantAgeLimit = migrantLimit };
                Assert.Empty(CategoryRules.Check(category, subType, child, family, last, settings));
                Assert.Single(CategoryRules.Check(category, subType, child, family, last.AddDays(1), settings));
            }
        }
    }

    // ---- Apply --------------------------------------------------------------------------------------------------

    private static ChildCategory Cat(ProtectionCategory category, DateOnly from, string? subType = null, DateOnly? validTo = null) => new()
    {
        Category = category,
        SubType = subType,
        ValidFrom = from,
        ValidTo = validTo,
        RegionCode = Village,
    };

    [Fact]
    public void Apply_AllQualify_TrueNoErrors_ValidToSetToLastDay()
    {
        var child = Kid(new DateOnly(2012, 2, 29));
        child.Guardians = [.. Parents(GuardianStatus.Living, GuardianStatus.Living, true, true)];
        child.Categories = [Cat(ProtectionCategory.LeftBehind, new DateOnly(2025, 9, 1)), Cat(ProtectionCategory.InDistress, new DateOnly(2026, 1, 1), "家庭经济困难"), Cat(ProtectionCategory.Migrant, new DateOnly(2020, 1, 1))];
        var errors = new ValidationErrors();

        Assert.True(CategoryRules.Apply(child, errors));

        Assert.True(errors.IsEmpty);
        Assert.Equal(new DateOnly(2028, 2, 29), child.Categories[0].ValidTo);
        Assert.Equal(new DateOnly(2030, 2, 28), child.Categories[1].ValidTo); // the 18th birthday, 28 Feb 2030
        Assert.Equal(new DateOnly(2028, 2, 29), child.Categories[2].ValidTo);
    }

    /// <summary>
    /// A parent's fact that keeps a left-behind claim from holding is also filed at that parent's field (the walk: the
    /// mother's missing 务工地区划代码 was told only under the category), for every fact the away rule reads.
    /// </summary>
    [Theory]
    [InlineData("workRegionCode", "母亲外出务工须填写务工地区划代码")]
    [InlineData("awaySince", "母亲外出务工须填写外出起始日期")]
    [InlineData("awaySince", "母亲外出务工未满连续6个月")]
    [InlineData("workRegionCode", "母亲的务工地在本县（市、区）内，不算外出务工")]
    [InlineData("isWorkingAway", "母亲为“死亡”，不能算作外出务工")]
    public void Apply_LeftBehindParentFact_IsFiledAtTheParentsField(string field, string message)
    {
        var child = Kid();
        var father = Member(GuardianRelation.Father, away: true);
        var mother = Member(GuardianRelation.Mother, away: true);
        switch (field, message)
        {
            case ("workRegionCode", _) when message.Contains("本县", StringComparison.Ordinal): mother.WorkRegionCode = "430702"; break;
            case ("workRegionCode", _): mother.WorkRegionCode = null; break;
            case ("awaySince", _) when message.Contains("6个月", StringComparison.Ordinal): mother.AwaySince = On.AddMonths(-2); break;
            case ("awaySince", _): mother.AwaySince = null; break;
            default: mother.Status = GuardianStatus.Deceased; mother.ConditionSince = FactsSince; break;
        }

        child.Guardians = [mother, father]; // the mother is the first row of the form
        child.Categories = [Cat(ProtectionCategory.LeftBehind, On)];
        var errors = new ValidationErrors();

        Assert.False(CategoryRules.Apply(child, errors));

        var atField = Assert.Single(errors.For($"guardians[0].{field}"));
        Assert.StartsWith(message, atField, StringComparison.Ordinal);
        Assert.Contains(atField, errors.For("categories[0].category"));
        Assert.DoesNotContain(errors.ToDictionary().Keys, k => k.StartsWith("guardians[1]", StringComparison.Ordinal));
    }

    /// <summary>
    /// The same for every fact a parent's condition is judged by (de facto unsupported, and the incapable parent of a
    /// left-behind child): the term, the since-date, the grade, the illness — each at its own field of that parent's row.
    /// </summary>
    [Theory]
    [InlineData(ProtectionCategory.DeFactoUnsupported, GuardianStatus.Imprisoned, "conditionTermMonths", "母亲“服刑在押”期限为5个月，不足6个月")]
    [InlineData(ProtectionCategory.DeFactoUnsupported, GuardianStatus.Imprisoned, "conditionSince", "母亲“服刑在押”须填写起始日期和期限")]
    [InlineData(ProtectionCategory.DeFactoUnsupported, GuardianStatus.LostContact, "conditionSince", "母亲失联须填写公安机关受理报案的日期")]
    [InlineData(ProtectionCategory.DeFactoUnsupported, GuardianStatus.SevereDisability, "disabilityGrade", "母亲残疾等级为3级")]
    [InlineData(ProtectionCategory.DeFactoUnsupported, GuardianStatus.SevereIllness, "illness", "母亲重病须从重特大疾病目录中选择病种")]
    [InlineData(ProtectionCategory.LeftBehind, GuardianStatus.SevereDisability, "disabilityType", "母亲重残须填写残疾类别和等级")]
    [InlineData(ProtectionCategory.LeftBehind, GuardianStatus.SevereIllness, "illness", "母亲的病种“感冒”不在本地重特大疾病目录中")]
    public void Apply_ParentConditionFact_IsFiledAtTheParentsField(ProtectionCategory category, GuardianStatus status, string field, string message)
    {
        var child = Kid();
        var father = category == ProtectionCategory.LeftBehind ? Member(GuardianRelation.Father, away: true) : Member(GuardianRelation.Father, GuardianStatus.Imprisoned);
        var mother = Member(GuardianRelation.Mother, status);
        switch (field)
        {
            case "conditionTermMonths": mother.ConditionTermMonths = 5; break;
            case "conditionSince": mother.ConditionSince = null; break;
            case "disabilityGrade": mother.DisabilityGrade = 3; break;
            case "disabilityType": mother.DisabilityType = null; break;
            case "illness": mother.Illness = category == ProtectionCategory.LeftBehind ? "感冒" : null; break;
        }

        child.Guardians = [mother, father];
        child.Categories = [Cat(category, On)];
        var errors = new ValidationErrors();

        Assert.False(CategoryRules.Apply(child, errors));

        var atField = Assert.Single(errors.For($"guardians[0].{field}"));
        Assert.StartsWith(message, atField, StringComparison.Ordinal);
        Assert.Contains(atField, errors.For("categories[0].category"));
        Assert.DoesNotContain(errors.ToDictionary().Keys, k => k.StartsWith("guardians[1]", StringComparison.Ordinal));
    }

    [Fact]
    public void Apply_ProblemsKeyedByCategoryIndex_FalseReturned()
    {
        var child = Kid(new DateOnly(2009, 5, 20), HouseholdKind.Urban);
        child.Guardians = [Member(GuardianRelation.Father, GuardianStatus.Deceased), Member(GuardianRelation.Mother, GuardianStatus.Living)];
        child.Categories =
        [
            Cat(ProtectionCategory.InDistress, new DateOnly(2024, 1, 1), "监护缺失或不当"),
            Cat(ProtectionCategory.Orphan, new DateOnly(2024, 1, 1)),
            Cat(ProtectionCategory.LeftBehind, new DateOnly(2025, 5, 21)), // the day after the 16th birthday
            Cat(ProtectionCategory.Disabled, new DateOnly(2024, 1, 1)),
        ];
        var errors = new ValidationErrors();
        errors.Add("name", "unrelated");

        Assert.False(CategoryRules.Apply(child, errors));

        var all = errors.ToDictionary();
        // The household-registration problem is also filed under the field it is about (issue #10: the page marks 户籍性质).
        Assert.Equal(["categories[1].category", "categories[2].category", "categories[3].category", "householdKind", "name"], all.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([LeftBehindNotRural], all["householdKind"]);
        Assert.Equal([OrphanNotBothGone], all["categories[1].category"]);
        Assert.Equal(["农村留守儿童限16周岁以下，该儿童已满16周岁", LeftBehindNotRural, LeftBehindNotQualified], all["categories[2].category"]);
        Assert.Equal([DisabledNeedsDisability], all["categories[3].category"]);
        Assert.Equal(["unrelated"], all["name"]);
        Assert.Empty(errors.For("categories[0].category"));
        Assert.Equal(7, errors.Count);

        // Every category gets its last day (documented: "sets each one's last day").
        Assert.Equal(new DateOnly(2027, 5, 20), child.Categories[0].ValidTo);
        Assert.Equal(new DateOnly(2027, 5, 20), child.Categories[1].ValidTo);
        Assert.Equal(new DateOnly(2025, 5, 20), child.Categories[2].ValidTo);
        Assert.Equal(new DateOnly(2027, 5, 20), child.Categories[3].ValidTo);
    }

    [Fact]
    public void Apply_ChecksOnEachCategoryValidFrom()
    {
        // Over 16 now but 15 on the day the left-behind period started (the 16th birthday): it applies, until that day.
        var child = Kid(new DateOnly(2009, 5, 20));
        child.Guardians = [.. Parents(GuardianStatus.Living, GuardianStatus.Living, true, true, since: new DateOnly(2024, 1, 1))];
        child.Categories = [Cat(ProtectionCategory.LeftBehind, new DateOnly(2025, 5, 20))];
        var errors = new ValidationErrors();
        Assert.True(CategoryRules.Apply(child, errors));
        Assert.True(errors.IsEmpty);
        Assert.Equal(new DateOnly(2025, 5, 20), child.Categories[0].ValidTo);
    }

    [Fact]
    public void Apply_KeepsValidToAlreadySet()
    {
        var child = Kid();
        var set = new DateOnly(2026, 12, 31);
        child.Categories = [Cat(ProtectionCategory.Migrant, new DateOnly(2025, 1, 1), validTo: set), Cat(ProtectionCategory.InDistress, new DateOnly(2025, 1, 1), "自身残疾")];
        Assert.True(CategoryRules.Apply(child, new ValidationErrors()));
        Assert.Equal(set, child.Categories[0].ValidTo);
        Assert.Equal(new DateOnly(2032, 2, 28), child.Categories[1].ValidTo);
    }

    [Fact]
    public void Apply_MigrantLimitUsedForCheckAndLastDay()
    {
        var child = Kid(new DateOnly(2009, 5, 20));
        child.Categories = [Cat(ProtectionCategory.Migrant, new DateOnly(2025, 6, 1))]; // 16 already
        var strict = new ValidationErrors();
        Assert.False(CategoryRules.Apply(child, strict));
        Assert.Equal(["流动儿童限16周岁以下，该儿童已满16周岁"], strict.For("categories[0].category"));

        child.Categories = [Cat(ProtectionCategory.Migrant, new DateOnly(2025, 6, 1))];
        var lenient = new ValidationErrors();
        Assert.True(CategoryRules.Apply(child, lenient, new RegisterSettings { MigrantAgeLimit = 18 }));
        Assert.True(lenient.IsEmpty);
        Assert.Equal(new DateOnly(2027, 5, 20), child.Categories[0].ValidTo);
    }

    [Fact]
    public void Apply_NoCategories_True()
    {
        var errors = new ValidationErrors();
        Assert.True(CategoryRules.Apply(Kid(), errors));
        Assert.True(errors.IsEmpty);
    }
}
