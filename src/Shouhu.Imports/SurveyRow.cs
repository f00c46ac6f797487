using Shouhu.Domain.Children;

namespace Shouhu.Imports;

/// <summary>
/// The survey's answers that stay survey-only because the register derives them from its own facts (ADR 012): whether
/// both parents or one are away comes from the parents' 外出务工 and 无监护能力 (<see cref="Guardian.IsWorkingAway"/>,
/// <see cref="Guardian.LacksCapacity"/>), whether a caregiver was entrusted from <see cref="Child.EntrustedCare"/>. Kept as
/// the sheet said them, for the dry run's checks. Null when the sheet has no such column or the cell is empty.
/// </summary>
/// <param name="BothParentsAway">父母双方同时外出.</param>
/// <param name="OneAwayOtherIncapable">父母一方外出、另一方无监护能力.</param>
/// <param name="IncapableParent">无监护能力: the father or the mother (mapped to that parent's <see cref="GuardianInput.LacksCapacity"/>).</param>
/// <param name="HasEntrustedCaregiver">父母外出有无委托其他监护人.</param>
public sealed record SurveyExtras(
    bool? BothParentsAway,
    bool? OneAwayOtherIncapable,
    GuardianRelation? IncapableParent,
    bool? HasEntrustedCaregiver);

/// <summary>
/// One child's row, read, normalised and validated: where it is (sheet and Excel row, hidden or not), the register's
/// input it became (<see cref="ChildInput"/>, the same the form and the API submit), the survey's extra answers, the
/// validated record when there is no problem (<see cref="Child"/>, categories checked by <see cref="CategoryRules"/> on
/// the survey's 统计截止日), the age on that day, and every problem of the row and of its family-member rows.
/// </summary>
public sealed record SurveyRow(
    string Sheet,
    int Row,
    bool Hidden,
    ChildInput Input,
    SurveyExtras Extras,
    Child? Child,
    int? AgeOnAsOf,
    IReadOnlyList<ImportProblem> Problems)
{
    /// <summary>True when the row has no problem (and so <see cref="Child"/> is set).</summary>
    public bool IsValid => Problems.Count == 0 && Child is not null;

    /// <summary>Under 16 on the 统计截止日 (the age limit of 农村留守儿童, 国发〔2016〕13号); null when the birth date is not known.</summary>
    public bool? UnderSixteen => AgeOnAsOf is { } age ? age < CategoryRules.LeftBehindAgeLimit : null;
}
