using Shouhu.Domain.Children;
using Shouhu.Domain.Identity;
using Shouhu.Domain.Time;
using Xunit;

namespace Shouhu.UnitTests.Children;

/// <summary>
/// The register's rules added for issue #9 (findings 10, 15) and #10 (items 9, 10): when a category is active, four eyes on
/// the verification chain, state conflicts apart from role refusals, names with a letter, bounded dates, Chinese labels.
/// </summary>
public class RegisterRulesTests
{
    private static readonly DateOnly D = new(2026, 11, 30);

    // ---- item 9: active on day D, both ends included, whatever ended it ----------------------------------------------

    /// <summary>The truth table, written from the rule: not rejected, from ≤ D ≤ last day; an exit without a last day never counts.</summary>
    public static TheoryData<CategoryStatus, int, int?, bool> ActiveTable()
    {
        var data = new TheoryData<CategoryStatus, int, int?, bool>();
        foreach (var status in new[] { CategoryStatus.Pending, CategoryStatus.TownshipVerified, CategoryStatus.Verified })
        {
            data.Add(status, -10, null, true);   // open
            data.Add(status, 0, null, true);     // starts today
            data.Add(status, 1, null, false);    // starts tomorrow
            data.Add(status, -10, 0, true);      // last day today (an 18th birthday: the last day of minority)
            data.Add(status, -10, -1, false);    // ended yesterday
            data.Add(status, -10, 5, true);
            data.Add(status, 0, 0, true);        // one day
        }

        data.Add(CategoryStatus.Exited, -10, 0, true);   // exited with today as its last day: counts today, like an age end
        data.Add(CategoryStatus.Exited, -10, -1, false); // its last day was yesterday (an exit the month before)
        data.Add(CategoryStatus.Exited, -10, 3, true);
        data.Add(CategoryStatus.Exited, -10, null, false);
        data.Add(CategoryStatus.Exited, 0, -1, false);   // exited on the day it started
        foreach (var (from, to) in new (int, int?)[] { (-10, null), (-10, 0), (0, 0), (-10, 5) })
        {
            data.Add(CategoryStatus.Rejected, from, to, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ActiveTable))]
    public void ActiveOn_TruthTable_AndTheQueryExpressionAgrees(CategoryStatus status, int fromDays, int? toDays, bool expected)
    {
        var k = new ChildCategory { Status = status, ValidFrom = D.AddDays(fromDays), ValidTo = toDays is { } t ? D.AddDays(t) : null, RegionCode = "430702001004" };
        Assert.Equal(expected, k.IsActiveOn(D));
        Assert.Equal(expected, ChildCategory.ActiveOn(D).Compile()(k));
    }

    [Fact]
    public void AnExit_RunsToTheEndOfTheMonth_ButNotPastTheAgeEnd()
    {
        var birth = new DateOnly(2008, 12, 10);
        var lastDay = CategoryRules.LastDay(ProtectionCategory.Orphan, birth); // the 18th birthday itself (ADR-009)
        Assert.Equal(new DateOnly(2026, 12, 10), lastDay);
        // A change of circumstances on 2 December: exit from the month after, but the child outgrows it on the 10th.
        Assert.Equal(lastDay, CategoryRules.ExitLastDay(new DateOnly(2026, 12, 2), lastDay));
        // A change in November: the category still applies to 30 November.
        Assert.Equal(new DateOnly(2026, 11, 30), CategoryRules.ExitLastDay(new DateOnly(2026, 11, 3), lastDay));
        var byExit = new ChildCategory { Status = CategoryStatus.Exited, ValidFrom = birth, ValidTo = CategoryRules.ExitLastDay(new DateOnly(2026, 11, 3), lastDay), RegionCode = "x" };
        Assert.True(byExit.IsActiveOn(new DateOnly(2026, 11, 30)));
        Assert.False(byExit.IsActiveOn(new DateOnly(2026, 12, 1)));
    }

    // ---- finding 10: four eyes, role refusals apart from state conflicts -----------------------------------------------

    private static ChildCategory Chain(string? submitted, string? verified) =>
        new() { SubmittedBy = submitted, TownshipVerifiedBy = verified, RegionCode = "430702001004" };

    [Theory]
    [InlineData(CategoryAction.TownshipVerify, "a", null, "a", 3, false)]
    [InlineData(CategoryAction.TownshipVerify, "a", null, "b", 3, true)]
    [InlineData(CategoryAction.TownshipVerify, "a", null, "a", 2, false)]
    [InlineData(CategoryAction.CountyConfirm, "a", "b", "a", 3, false)]
    [InlineData(CategoryAction.CountyConfirm, "a", "b", "b", 3, false)]
    [InlineData(CategoryAction.CountyConfirm, "a", "b", "c", 3, true)]
    [InlineData(CategoryAction.CountyConfirm, "a", "b", "a", 2, false)]
    [InlineData(CategoryAction.CountyConfirm, "a", "b", "b", 2, true)]
    [InlineData(CategoryAction.CountyConfirm, "a", "b", "c", 2, true)]
    [InlineData(CategoryAction.Reject, "a", null, "a", 3, true)]
    [InlineData(CategoryAction.Exit, "a", "b", "a", 3, true)]
    public void SamePersonRefusal_FourEyesTable(CategoryAction action, string submitted, string? verified, string actor, int minimumPeople, bool allowed)
    {
        Assert.Equal(allowed, CategoryWorkflow.SamePersonRefusal(Chain(submitted, verified), action, actor, minimumPeople) is null);
    }

    [Fact]
    public void StateConflict_AndRoleRefusal_AreJudgedApart()
    {
        // An officer may confirm, but not a pending category: a state conflict, not a role refusal.
        Assert.Null(CategoryWorkflow.RoleRefusal(CategoryAction.CountyConfirm, Domain.Accounts.Roles.CivilAffairsOfficer, 3));
        Assert.Equal("当前状态为“待乡镇查验”，须先经乡镇查验", CategoryWorkflow.StateConflict(CategoryStatus.Pending, CategoryAction.CountyConfirm));
        // A director may never verify, whatever the state.
        Assert.NotNull(CategoryWorkflow.RoleRefusal(CategoryAction.TownshipVerify, Domain.Accounts.Roles.ChildDirector, 5));
        Assert.Null(CategoryWorkflow.StateConflict(CategoryStatus.Pending, CategoryAction.TownshipVerify));
        // Hotline operators do not write the register: not even an exit.
        Assert.NotNull(CategoryWorkflow.RoleRefusal(CategoryAction.Exit, Domain.Accounts.Roles.HotlineOperator, 3));
    }

    // ---- finding 15: names, dates ---------------------------------------------------------------------------------

    [Theory]
    [InlineData("123")]
    [InlineData("１２３")]
    [InlineData("１２3")]
    [InlineData("٣٤٥")] // Arabic-Indic digits
    [InlineData("·")]
    [InlineData("-·-")]
    [InlineData("(1)")]
    [InlineData("№7")]
    public void ValidName_WithoutALetter_IsRefused(string name)
    {
        var errors = new ValidationErrors();
        Assert.Null(ChildRules.ValidName(name, "name", errors));
        Assert.Equal(["姓名须包含汉字或字母，不能只有数字或符号"], errors.For("name"));
    }

    [Theory]
    [InlineData("李")]
    [InlineData("𠮷")]
    [InlineData("阿依古丽·买买提")]
    [InlineData("Anna")]
    [InlineData("李2")] // a digit beside a letter is written, as in 李二 → the record keeps what was typed
    [InlineData("ཚེ་རིང་")]
    public void ValidName_WithALetter_IsAccepted(string name)
    {
        var errors = new ValidationErrors();
        Assert.Equal(name, ChildRules.ValidName(name, "name", errors));
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("2026-11-30T25:61:00+08:00")]
    [InlineData("2026-11-30T24:00:00+08:00")]
    [InlineData("2026-11-30T10:60:00Z")]
    [InlineData("2026-11-30T10:00:61Z")]
    [InlineData("2026-11-30Tabc")]
    [InlineData("2026-11-30T10:00:00+25:00")]
    [InlineData("0001-01-01")]
    [InlineData("1899-12-31")]
    [InlineData("18991231")]
    [InlineData("2101-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01T00:00:00Z")]
    public void DateText_ImpossibleTimesAndDatesOutOfRange_AreRefused(string text)
    {
        Assert.False(DateText.TryParse(text, out var date), text);
        Assert.Equal(default, date);
    }

    [Theory]
    [InlineData("1900-01-01")]
    [InlineData("2100-12-31")]
    [InlineData("2026-11-30T23:59:59+08:00")]
    [InlineData("2026-11-30T00:00")]
    public void DateText_BoundsAndRealTimes_AreAccepted(string text)
    {
        Assert.True(DateText.TryParse(text, out _), text);
    }

    // ---- item 10: one place names each value in Chinese -------------------------------------------------------------

    [Fact]
    public void ChildNames_NameEveryEnumValueInChinese()
    {
        static void AllChinese<T>(Func<T, string> name)
            where T : struct, Enum
        {
            foreach (var v in Enum.GetValues<T>())
            {
                var text = name(v);
                Assert.False(string.IsNullOrEmpty(text));
                Assert.DoesNotContain(v.ToString(), text, StringComparison.Ordinal);
                Assert.True(text.Any(c => c >= '\u4e00' && c <= '\u9fff'), $"{typeof(T).Name}.{v}: {text}");
            }
        }

        AllChinese<SchoolStatus>(ChildNames.Of);
        AllChinese<HouseholdKind>(ChildNames.Of);
        AllChinese<HealthStatus>(ChildNames.Of);
        AllChinese<DisabilityType>(ChildNames.Of);
        AllChinese<IncomeBand>(ChildNames.Of);
        AllChinese<GuardianRelation>(Guardian.RelationName);
        AllChinese<GuardianStatus>(Guardian.StatusName);
        AllChinese<ProtectionCategory>(ChildCategory.ChineseName);
    }

    [Theory]
    [InlineData("schoolStatus", "就学状况", "InSchool", "在校")]
    [InlineData("householdKind", "户籍性质", "Rural", "农村户籍")]
    [InlineData("healthStatus", "健康状况", "SeriousIllness", "大病/重病")]
    [InlineData("incomeBand", "家庭收入情况", "Dibao", "低保户")]
    [InlineData("disabilityType", "残疾类别", "Hearing", "听力残疾")]
    [InlineData("sex", "性别", "Female", "女")]
    [InlineData("entrustedCare.relation", "委托照护人关系", "Grandmother", "祖母")]
    [InlineData("categories.LeftBehind", "保护类别·农村留守儿童", "待乡镇查验", "待乡镇查验")]
    [InlineData("guardians.父亲", "家庭成员·父亲", "李父（健在）", "李父（健在）")]
    [InlineData("schoolName", "学校", "InSchool", "InSchool")] // free text stays as typed
    public void ChildNames_HistoryFieldsAndValues(string field, string label, string stored, string shown)
    {
        Assert.Equal(label, ChildNames.FieldName(field));
        Assert.Equal(shown, ChildNames.ValueName(field, stored));
    }

    [Fact]
    public void ChildNames_EveryFieldAnEditRecords_HasAChineseLabel()
    {
        foreach (var field in new[]
        {
            "name", "sex", "citizenIdNumber", "birthDate", "ethnicityCode", "residenceRegionCode", "address", "householdRegionCode", "householdKind",
            "schoolStatus", "schoolName", "grade", "notInSchoolReason", "healthStatus", "disabilityType", "disabilityGrade", "disabilityCertificateNumber",
            "contactPhone", "incomeBand", "housing", "careCapacityNote", "entrustedCare", "entrustedCare.caregiverName", "entrustedCare.relation",
            "entrustedCare.citizenIdNumber", "entrustedCare.phone", "entrustedCare.agreementDate", "categories",
        })
        {
            Assert.NotEqual(field, ChildNames.FieldName(field));
        }

        Assert.Equal(SexText.ToChinese(Sex.Male), ChildNames.ValueName("sex", "Male"));
    }
}
