namespace Shouhu.Domain.Children;

/// <summary>
/// 就学情况 of the 2016 national form (民发〔2016〕42号 附件1), finer than <see cref="SchoolStatus"/>. The stage is the one
/// source of truth where recorded: the status follows from it (<see cref="SchoolStages.StatusOf"/>) and may not disagree (ADR-012).
/// </summary>
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

/// <summary>监护类型 of the 2016 form (监护情况评估).</summary>
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

/// <summary>家庭经济来源 of the 2016 form, several per family: stored as one flags column (0 = not recorded).</summary>
[Flags]
public enum IncomeSource
{
    /// <summary>未登记.</summary>
    None = 0,
    /// <summary>打工收入.</summary>
    Wages = 1,
    /// <summary>种养殖业.</summary>
    Farming = 2,
    /// <summary>政府救助.</summary>
    GovernmentAid = 4,
    /// <summary>亲朋接济.</summary>
    RelativesHelp = 8,
    /// <summary>其他.</summary>
    Other = 16,
}

/// <summary>救助帮扶情况 of the 2016 form, several per child: stored as one flags column (0 = none recorded).</summary>
[Flags]
public enum Assistance
{
    /// <summary>未登记.</summary>
    None = 0,
    /// <summary>享受低保.</summary>
    Dibao = 1,
    /// <summary>临时救助.</summary>
    TemporaryAssistance = 2,
    /// <summary>医疗救助.</summary>
    MedicalAssistance = 4,
    /// <summary>住房救助.</summary>
    HousingAssistance = 8,
    /// <summary>其他救助.</summary>
    Other = 16,
}

/// <summary>How a <see cref="SchoolStage"/> and the register's <see cref="SchoolStatus"/> agree (ADR-012).</summary>
public static class SchoolStages
{
    /// <summary>The status a stage implies: 幼儿园 → 在园, 未入园 → 学龄前, 小学…中职 → 在校, 辍学/不在学 → 未在校.</summary>
    public static SchoolStatus StatusOf(SchoolStage stage) => stage switch
    {
        SchoolStage.Kindergarten => SchoolStatus.Kindergarten,
        SchoolStage.NotEnrolled => SchoolStatus.NotYetSchoolAge,
        SchoolStage.Primary or SchoolStage.JuniorHigh or SchoolStage.SeniorHigh or SchoolStage.Vocational => SchoolStatus.InSchool,
        _ => SchoolStatus.NotInSchool,
    };

    /// <summary>The single values of a flags enum, in order (<c>Wages | Farming</c> → Wages, Farming); none for 0.</summary>
    public static IEnumerable<T> Each<T>(T flags)
        where T : struct, Enum =>
        Enum.GetValues<T>().Where(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) != 0 && flags.HasFlag(v));
}
