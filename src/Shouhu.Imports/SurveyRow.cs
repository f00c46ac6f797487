using Shouhu.Domain.Children;

namespace Shouhu.Imports;

/// <summary>就学情况 of the 2016 form, finer than the register's <see cref="SchoolStatus"/> (survey only; ADR 012).</summary>
public enum SchoolStage
{
    /// <summary>幼儿园.</summary>
    Kindergarten = 1,
    /// <summary>未入园.</summary>
    NotEnrolled,
    /// <summary>小学.</summary>
    Primary,
    /// <summary>初中.</summary>
    JuniorHigh,
    /// <summary>高中.</summary>
    SeniorHigh,
    /// <summary>中职.</summary>
    Vocational,
    /// <summary>辍学 (in compulsory schooling).</summary>
    DroppedOut,
    /// <summary>不在学 (14–16, not in school).</summary>
    NotInSchool,
}

/// <summary>监护类型 of the 2016 form (监护情况评估; survey only).</summary>
public enum GuardianshipType
{
    /// <summary>无人监护.</summary>
    Unattended = 1,
    /// <summary>父或母无监护能力.</summary>
    ParentIncapable,
    /// <summary>受委托监护人监护能力不足.</summary>
    CaregiverInsufficient,
    /// <summary>监护情况一般.</summary>
    Fair,
    /// <summary>监护情况较好.</summary>
    Good,
}

/// <summary>家庭经济来源 of the 2016 form, several per family (survey only).</summary>
public enum IncomeSource
{
    /// <summary>打工收入.</summary>
    Wages = 1,
    /// <summary>种养殖业.</summary>
    Farming,
    /// <summary>政府救助.</summary>
    GovernmentAid,
    /// <summary>亲朋接济.</summary>
    RelativesHelp,
    /// <summary>其他.</summary>
    Other,
}

/// <summary>救助帮扶情况 of the 2016 form, several per child (survey only).</summary>
public enum Assistance
{
    /// <summary>享受低保.</summary>
    Dibao = 1,
    /// <summary>临时救助.</summary>
    TemporaryAssistance,
    /// <summary>医疗救助.</summary>
    MedicalAssistance,
    /// <summary>住房救助.</summary>
    HousingAssistance,
    /// <summary>其他救助.</summary>
    Other,
}

/// <summary>
/// The survey's answers that the register has no field for (issue #12 item 3: parsed and validated, kept typed for the
/// lead's model decision; ADR 012 lists them). Null or empty when the sheet has no such column or the cell is empty.
/// </summary>
/// <param name="HouseholdRegistered">是否登记户口.</param>
/// <param name="IllnessType">患病类型, free text.</param>
/// <param name="Boarding">是否学校寄宿.</param>
/// <param name="SchoolStage">就学情况 (the register keeps only <see cref="SchoolStatus"/>).</param>
/// <param name="BothParentsAway">父母双方同时外出.</param>
/// <param name="OneAwayOtherIncapable">父母一方外出、另一方无监护能力.</param>
/// <param name="IncapableParent">无监护能力: the father or the mother.</param>
/// <param name="HasEntrustedCaregiver">父母外出有无委托其他监护人.</param>
/// <param name="CaregiverAddress">受委托监护人居住地地址.</param>
/// <param name="GuardianshipType">监护类型.</param>
/// <param name="IncomeSources">家庭经济来源.</param>
/// <param name="Assistance">救助帮扶情况.</param>
/// <param name="MemberBirthDates">Birth dates of family members (grandparents, parents, 家庭成员 rows), by their index in <see cref="ChildInput.Guardians"/>.</param>
public sealed record SurveyExtras(
    bool? HouseholdRegistered,
    string? IllnessType,
    bool? Boarding,
    SchoolStage? SchoolStage,
    bool? BothParentsAway,
    bool? OneAwayOtherIncapable,
    GuardianRelation? IncapableParent,
    bool? HasEntrustedCaregiver,
    string? CaregiverAddress,
    GuardianshipType? GuardianshipType,
    IReadOnlyList<IncomeSource> IncomeSources,
    IReadOnlyList<Assistance> Assistance,
    IReadOnlyDictionary<int, DateOnly> MemberBirthDates);

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
