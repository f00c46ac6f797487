using Shouhu.Domain.Time;

namespace Shouhu.Domain.Children;

/// <summary>
/// What each protection category needs and when it ends (DOMAIN.md §1). Messages are Chinese and name what is missing.
/// <list type="bullet">
/// <item>孤儿: both parents dead, or one dead and the other declared missing, or both missing.</item>
/// <item>事实无人抚养儿童 (民发〔2019〕62号): (A) both parents each in one of the six conditions — 重残, 重病, 服刑在押, 强制隔离戒毒,
/// 其他限制人身自由, 失联 — or (B) one parent dead or missing and the other in one of them; guardianship revoked and
/// deportation count as most provinces add.</item>
/// <item>农村留守儿童 (国发〔2016〕13号): rural household registration, both parents working away, or one away and the other
/// without capacity (重病/重残); ends at 16.</item>
/// <item>A parent's condition counts only with its facts — term, since-date, grade, illness (<see cref="GuardianConditions"/>).</item>
/// <item>流动儿童: age limit configurable, default 16. Every category ends at 18.</item>
/// <item>困境儿童 (国发〔2016〕36号): one of the configured sub-types. 残疾儿童: the child's disability is recorded.</item>
/// </list>
/// </summary>
public static class CategoryRules
{
    /// <summary>Age at which left-behind status ends (国发〔2016〕13号).</summary>
    public const int LeftBehindAgeLimit = 16;

    /// <summary>
    /// The refusal of a left-behind claim for a child without rural household registration (国发〔2016〕13号); it is about
    /// 户籍性质, so <see cref="Apply"/> files it under <c>householdKind</c> as well as under the category.
    /// </summary>
    public const string LeftBehindNotRural = "农村留守儿童须为农村户籍";

    /// <summary>Default age at which migrant status ends (no national definition; configurable).</summary>
    public const int DefaultMigrantAgeLimit = 16;

    /// <summary>The three national sub-types of 困境儿童 (国发〔2016〕36号); provinces add their own.</summary>
    public static readonly IReadOnlyList<string> InDistressSubTypes = ["家庭经济困难", "自身残疾", "监护缺失或不当"];

    /// <summary>Age at which <paramref name="category"/> ends.</summary>
    public static int AgeLimit(ProtectionCategory category, int migrantAgeLimit = DefaultMigrantAgeLimit) => category switch
    {
        ProtectionCategory.LeftBehind => LeftBehindAgeLimit,
        ProtectionCategory.Migrant => migrantAgeLimit,
        _ => ChildRules.AdultAge,
    };

    /// <summary>
    /// The last day the category can apply by age: the birthday of its age limit itself, the last day of minority
    /// (ADR-009, Civil Code art. 201: the day of birth is not counted, the years end on the corresponding day; for a
    /// 29 February birth in a common year, 28 February, art. 202). The next day the child has reached the limit.
    /// </summary>
    public static DateOnly LastDay(ProtectionCategory category, DateOnly birthDate, int migrantAgeLimit = DefaultMigrantAgeLimit) =>
        ChinaTime.Anniversary(birthDate, AgeLimit(category, migrantAgeLimit));

    /// <summary>
    /// The last day of a category that exits because circumstances changed on <paramref name="changeDay"/> (a parent came
    /// home, a condition ended, adoption, death): exit takes effect from the month after (DOMAIN.md §1 "Exit from the month
    /// after the change of circumstances"), so it still applies to the end of that day's month — but never past
    /// <paramref name="lastDayByAge"/>, the day the child outgrows it anyway (<see cref="LastDay"/>), when given.
    /// </summary>
    public static DateOnly ExitLastDay(DateOnly changeDay, DateOnly? lastDayByAge = null)
    {
        var monthEnd = new DateOnly(changeDay.Year, changeDay.Month, DateTime.DaysInMonth(changeDay.Year, changeDay.Month));
        return lastDayByAge is { } age && age < monthEnd ? age : monthEnd;
    }

    /// <summary>
    /// Problems that keep <paramref name="category"/> from applying to the child on <paramref name="onDate"/>; empty when it may.
    /// For 事实无人抚养儿童 and 农村留守儿童 the general rule comes first, then why each parent's situation does not count.
    /// </summary>
    /// <param name="category">The category claimed.</param>
    /// <param name="subType">Its sub-type (required for 困境儿童).</param>
    /// <param name="child">The child (birth date, household kind and region, disability).</param>
    /// <param name="family">Guardians and family members as entered, with their conditions' facts.</param>
    /// <param name="onDate">Date in China the category starts.</param>
    /// <param name="settings">The city's rules (migrant age limit, catastrophic-illness list); <see cref="RegisterSettings.Default"/> when null.</param>
    public static IReadOnlyList<string> Check(ProtectionCategory category, string? subType, Child child, IReadOnlyCollection<Guardian> family, DateOnly onDate, RegisterSettings? settings = null) =>
        Problems(category, subType, child, family, onDate, settings).Select(p => p.Message).ToList();

    /// <summary>
    /// <see cref="Check"/>'s problems, each with the parent and the parent's field it is about when it is about one
    /// (<see cref="CategoryProblem"/>): a form marks that field as well as the category.
    /// </summary>
    public static IReadOnlyList<CategoryProblem> Problems(ProtectionCategory category, string? subType, Child child, IReadOnlyCollection<Guardian> family, DateOnly onDate, RegisterSettings? settings = null)
    {
        settings ??= RegisterSettings.Default;
        var problems = new List<CategoryProblem>();
        var limit = AgeLimit(category, settings.MigrantAgeLimit);
        if (ChinaTime.AgeOn(child.BirthDate, onDate) >= limit)
        {
            problems.Add(new($"{ChildCategory.ChineseName(category)}限{limit}周岁以下，该儿童已满{limit}周岁"));
        }

        var father = family.FirstOrDefault(g => g.Relation == GuardianRelation.Father);
        var mother = family.FirstOrDefault(g => g.Relation == GuardianRelation.Mother);
        switch (category)
        {
            case ProtectionCategory.Orphan:
                if (father is null || mother is null)
                {
                    problems.Add(new("认定孤儿须登记父亲和母亲的情况"));
                }
                else if (!(GuardianConditions.IsGone(father, onDate) && GuardianConditions.IsGone(mother, onDate)))
                {
                    problems.Add(new("孤儿须父母双方均死亡或宣告失踪"));
                }

                break;
            case ProtectionCategory.DeFactoUnsupported:
                if (father is null || mother is null)
                {
                    problems.Add(new("认定事实无人抚养儿童须登记父亲和母亲的情况"));
                }
                else
                {
                    var fatherWhy = GuardianConditions.WhyNotUnableToSupport(father, "父亲", onDate, settings);
                    var motherWhy = GuardianConditions.WhyNotUnableToSupport(mother, "母亲", onDate, settings);
                    var (fatherGone, motherGone) = (GuardianConditions.IsGone(father, onDate), GuardianConditions.IsGone(mother, onDate));
                    var a = fatherWhy is null && motherWhy is null;
                    var b = (fatherGone && motherWhy is null) || (motherGone && fatherWhy is null);
                    if (!a && !b)
                    {
                        problems.Add(new("事实无人抚养儿童须父母双方均为重残、重病、服刑在押、强制隔离戒毒、被限制人身自由或失联，或一方死亡/失踪且另一方为上述情形（民发〔2019〕62号）"));
                        problems.AddRange(new[] { fatherGone ? null : Of(father, fatherWhy), motherGone ? null : Of(mother, motherWhy) }.OfType<CategoryProblem>());
                    }
                }

                break;
            case ProtectionCategory.LeftBehind:
                if (child.HouseholdKind != HouseholdKind.Rural)
                {
                    problems.Add(new(LeftBehindNotRural));
                }

                if (father is null || mother is null)
                {
                    problems.Add(new("认定农村留守儿童须登记父亲和母亲的情况"));
                }
                else
                {
                    var county = GuardianConditions.CountyOf(child);
                    var fatherAway = GuardianConditions.WhyNotWorkingAway(father, "父亲", onDate, county);
                    var motherAway = GuardianConditions.WhyNotWorkingAway(mother, "母亲", onDate, county);
                    var fatherIncapable = GuardianConditions.WhyNotIncapable(father, "父亲", onDate, settings);
                    var motherIncapable = GuardianConditions.WhyNotIncapable(mother, "母亲", onDate, settings);
                    var bothAway = fatherAway is null && motherAway is null;
                    var oneAwayOtherIncapable = (fatherAway is null && motherIncapable is null) || (motherAway is null && fatherIncapable is null);
                    if (!bothAway && !oneAwayOtherIncapable)
                    {
                        problems.Add(new("农村留守儿童须父母双方外出务工，或一方外出务工、另一方无监护能力（国发〔2016〕13号）"));
                        problems.AddRange(new[] { Of(father, LeftBehindDetail(father, fatherAway, fatherIncapable)), Of(mother, LeftBehindDetail(mother, motherAway, motherIncapable)) }.OfType<CategoryProblem>());
                    }
                }

                break;
            case ProtectionCategory.InDistress when SubTypeProblem(category, subType) is { } subTypeProblem:
                problems.Add(new(subTypeProblem));
                break;
            case ProtectionCategory.Disabled:
                if (child.DisabilityType is null || child.DisabilityGrade is null)
                {
                    problems.Add(new("残疾儿童须登记残疾类别和等级"));
                }

                break;
        }

        return problems;
    }

    /// <summary>
    /// Why <paramref name="subType"/> does not fit <paramref name="category"/>, or null: a 困境儿童 needs one of the three
    /// national sub-types of 国发〔2016〕36号 (<see cref="InDistressSubTypes"/>; DOMAIN.md §1) and nothing else.
    /// </summary>
    public static string? SubTypeProblem(ProtectionCategory category, string? subType) =>
        category == ProtectionCategory.InDistress && !InDistressSubTypes.Contains(subType?.Trim() ?? string.Empty)
            ? $"困境儿童须选择类型：{string.Join("、", InDistressSubTypes)}"
            : null;

    /// <summary>
    /// Checks every category of a validated child against its family and sets each one's last day; problems are keyed
    /// <c>categories[i].category</c> by the category's position, and one about the household registration
    /// (<see cref="LeftBehindNotRural"/>) also <c>householdKind</c>, the field to change. Returns true when all may apply.
    /// </summary>
    public static bool Apply(Child child, ValidationErrors errors, RegisterSettings? settings = null)
    {
        settings ??= RegisterSettings.Default;
        var ok = true;
        for (var i = 0; i < child.Categories.Count; i++)
        {
            var k = child.Categories[i];
            foreach (var (problem, parent, parentField) in Problems(k.Category, k.SubType, child, child.Guardians, k.ValidFrom, settings))
            {
                errors.Add($"categories[{i}].category", problem);
                if (problem == LeftBehindNotRural && !errors.For("householdKind").Contains(problem))
                {
                    errors.Add("householdKind", problem);
                }

                // A parent's missing or insufficient fact is also filed at that parent's field, so the form marks it.
                var index = parent is null ? -1 : child.Guardians.FindIndex(g => ReferenceEquals(g, parent));
                if (index >= 0 && $"guardians[{index}].{parentField}" is var field && !errors.For(field).Contains(problem))
                {
                    errors.Add(field, problem);
                }

                ok = false;
            }

            k.ValidTo ??= LastDay(k.Category, child.BirthDate, settings.MigrantAgeLimit);
        }

        return ok;
    }

    private static CategoryProblem? Of(Guardian parent, ConditionProblem? why) => why is null ? null : new(why.Message, parent, why.Field);

    // Why a parent's situation does not help a left-behind claim: the reason working away does not count when they were
    // marked as away, the reason incapacity does not count when they were recorded as 重病/重残; else nothing to add.
    private static ConditionProblem? LeftBehindDetail(Guardian g, ConditionProblem? awayWhy, ConditionProblem? incapableWhy) =>
        g.IsWorkingAway ? awayWhy : g.Status is GuardianStatus.SevereIllness or GuardianStatus.SevereDisability ? incapableWhy : null;
}

/// <summary>
/// A problem that keeps a category from applying (<see cref="CategoryRules.Problems"/>): the Chinese
/// <paramref name="Message"/>, and when it is about one parent's recorded situation, that <paramref name="Parent"/> and
/// the guardian field holding the fact (<paramref name="ParentField"/>, e.g. <c>awaySince</c>; <see cref="ConditionProblem"/>).
/// </summary>
public sealed record CategoryProblem(string Message, Guardian? Parent = null, string? ParentField = null);

/// <summary>The actions of the category verification chain.</summary>
public enum CategoryAction
{
    /// <summary>乡镇查验通过.</summary>
    TownshipVerify = 1,
    /// <summary>县级确认.</summary>
    CountyConfirm = 2,
    /// <summary>不予确认 (needs a reason).</summary>
    Reject = 3,
    /// <summary>退出 (needs a reason).</summary>
    Exit = 4,
}

/// <summary>
/// The verification chain of a category (DOMAIN.md §1 "Verification chain"): village submits → township (ChildSupervisor,
/// or an officer whose jurisdiction is a township or above) verifies → county (CivilAffairsOfficer of a county or above)
/// confirms; either may reject with reasons; any registry writer may exit an active category with a reason.
/// </summary>
public static class CategoryWorkflow
{
    /// <summary>Fewest distinct people in a category's chain by default: submitter, township verifier and county confirmer.</summary>
    public const int DefaultMinimumPeople = 3;

    /// <summary>
    /// Null when <paramref name="role"/> with <paramref name="jurisdictionLevel"/> (1 province … 5 village) may take
    /// <paramref name="action"/> on a category in <paramref name="status"/>; else why not (<see cref="StateConflict"/>
    /// first, then <see cref="RoleRefusal"/>). The page offers only the actions this allows; the API answers the two apart
    /// (403 for the role, 409 for the state).
    /// </summary>
    public static string? Refusal(CategoryStatus status, CategoryAction action, string role, int jurisdictionLevel) =>
        StateConflict(status, action) ?? RoleRefusal(action, role, jurisdictionLevel);

    /// <summary>Why <paramref name="role"/> at <paramref name="jurisdictionLevel"/> may never take <paramref name="action"/> (answered 403), or null.</summary>
    public static string? RoleRefusal(CategoryAction action, string role, int jurisdictionLevel) => action switch
    {
        CategoryAction.TownshipVerify when !(role is Accounts.Roles.ChildSupervisor or Accounts.Roles.CivilAffairsOfficer) || jurisdictionLevel > 4 => "乡镇查验须由乡镇（街道）儿童督导员或上级民政干部办理",
        CategoryAction.CountyConfirm when role != Accounts.Roles.CivilAffairsOfficer || jurisdictionLevel > 3 => "县级确认须由县（区）以上民政干部办理",
        CategoryAction.Reject when !(role is Accounts.Roles.ChildSupervisor or Accounts.Roles.CivilAffairsOfficer) || jurisdictionLevel > 4 => "不予确认须由乡镇以上办理",
        CategoryAction.Exit when !Accounts.Roles.RegistryWriters.Contains(role) => "退出须由儿童主任、督导员或民政干部办理",
        _ => null,
    };

    /// <summary>Why a category in <paramref name="status"/> does not allow <paramref name="action"/> now (a state conflict, answered 409), or null.</summary>
    public static string? StateConflict(CategoryStatus status, CategoryAction action) => action switch
    {
        CategoryAction.TownshipVerify when status != CategoryStatus.Pending => $"当前状态为“{ChildCategory.StatusName(status)}”，不能乡镇查验",
        CategoryAction.CountyConfirm when status != CategoryStatus.TownshipVerified => $"当前状态为“{ChildCategory.StatusName(status)}”，须先经乡镇查验",
        CategoryAction.Reject when status is not (CategoryStatus.Pending or CategoryStatus.TownshipVerified) => $"当前状态为“{ChildCategory.StatusName(status)}”，不能不予确认",
        CategoryAction.Exit when status is CategoryStatus.Exited or CategoryStatus.Rejected => $"当前状态为“{ChildCategory.StatusName(status)}”，无需退出",
        _ => null,
    };

    /// <summary>
    /// Four eyes (issue #9 finding 10): whoever submits, verifies and confirms a category are <paramref name="minimumPeople"/>
    /// different accounts — 3 by default; 2 where a county has too few staff, and then still nobody verifies or confirms
    /// their own submission. Null when <paramref name="actorId"/> may take <paramref name="action"/> on <paramref name="category"/>.
    /// </summary>
    public static string? SamePersonRefusal(ChildCategory category, CategoryAction action, string actorId, int minimumPeople) => action switch
    {
        CategoryAction.TownshipVerify when category.SubmittedBy == actorId => "不能查验自己申报的类别：申报、查验、确认须由不同的人办理",
        CategoryAction.CountyConfirm when category.SubmittedBy == actorId => "不能确认自己申报的类别：申报、查验、确认须由不同的人办理",
        CategoryAction.CountyConfirm when minimumPeople >= 3 && category.TownshipVerifiedBy == actorId => "不能确认自己查验的类别：申报、查验、确认须由三个不同的人办理",
        _ => null,
    };

    /// <summary>The action named in the API's path: township-verify, confirm, reject, exit; null for anything else.</summary>
    public static CategoryAction? ParseActionText(string? text) => text switch
    {
        "township-verify" => CategoryAction.TownshipVerify,
        "confirm" => CategoryAction.CountyConfirm,
        "reject" => CategoryAction.Reject,
        "exit" => CategoryAction.Exit,
        _ => null,
    };

    /// <summary>The status after <paramref name="action"/>.</summary>
    public static CategoryStatus Next(CategoryAction action) => action switch
    {
        CategoryAction.TownshipVerify => CategoryStatus.TownshipVerified,
        CategoryAction.CountyConfirm => CategoryStatus.Verified,
        CategoryAction.Reject => CategoryStatus.Rejected,
        _ => CategoryStatus.Exited,
    };
}
