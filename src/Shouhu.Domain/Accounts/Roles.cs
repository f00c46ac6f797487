namespace Shouhu.Domain.Accounts;

/// <summary>The roles of API-CONTRACT.md; each account has exactly one.</summary>
public static class Roles
{
    /// <summary>System administrator (系统管理员): accounts, organisations, audit.</summary>
    public const string SystemAdmin = nameof(SystemAdmin);
    /// <summary>Civil-affairs officer (民政干部) of a county or city.</summary>
    public const string CivilAffairsOfficer = nameof(CivilAffairsOfficer);
    /// <summary>Township child supervisor (儿童督导员).</summary>
    public const string ChildSupervisor = nameof(ChildSupervisor);
    /// <summary>Village child director (儿童主任).</summary>
    public const string ChildDirector = nameof(ChildDirector);
    /// <summary>Social worker (社工) of a contracted social organisation.</summary>
    public const string SocialWorker = nameof(SocialWorker);
    /// <summary>Protection hotline operator (热线接线员).</summary>
    public const string HotlineOperator = nameof(HotlineOperator);
    /// <summary>Member-unit liaison (成员单位联络员): police, procuratorate, courts, schools, health...</summary>
    public const string MemberUnitLiaison = nameof(MemberUnitLiaison);
    /// <summary>Volunteer (志愿者).</summary>
    public const string Volunteer = nameof(Volunteer);

    /// <summary>Every role, in the contract's order.</summary>
    public static readonly IReadOnlyList<string> All =
        [SystemAdmin, CivilAffairsOfficer, ChildSupervisor, ChildDirector, SocialWorker, HotlineOperator, MemberUnitLiaison, Volunteer];

    /// <summary>Roles that may manage accounts and organisations inside their own jurisdiction.</summary>
    public static readonly IReadOnlyList<string> AccountManagers = [SystemAdmin, CivilAffairsOfficer];

    /// <summary>Roles that work with the child register of their jurisdiction (the others see only what is referred or assigned to them).</summary>
    public static readonly IReadOnlyList<string> RegistryReaders = [CivilAffairsOfficer, ChildSupervisor, ChildDirector, HotlineOperator];

    /// <summary>
    /// Roles that write the register: register a child, correct the record, its family and caregiver, submit and act on its
    /// categories. Hotline operators do not (issue #9 finding 2, #10 item 8): they record reports, in which an unregistered
    /// child is described, and the village, township or county registers the child.
    /// </summary>
    public static readonly IReadOnlyList<string> RegistryWriters = [CivilAffairsOfficer, ChildSupervisor, ChildDirector];

    /// <summary>Roles that see citizen ID numbers in full on a record's detail (least privilege: everyone else sees them masked).</summary>
    public static readonly IReadOnlyList<string> FullIdNumberReaders = [CivilAffairsOfficer, ChildSupervisor, ChildDirector];

    /// <summary>Roles that may record a report (报告): everyone in the network who may receive one, but not volunteers or administrators.</summary>
    public static readonly IReadOnlyList<string> ReportWriters = [CivilAffairsOfficer, ChildSupervisor, ChildDirector, HotlineOperator, SocialWorker, MemberUnitLiaison];

    /// <summary>Roles that see every report of their jurisdiction (the others see the reports they recorded).</summary>
    public static readonly IReadOnlyList<string> ReportReaders = [CivilAffairsOfficer, ChildSupervisor, ChildDirector, HotlineOperator];

    /// <summary>Roles that triage reports (研判) and supervise cases: approve plans and closures.</summary>
    public static readonly IReadOnlyList<string> CaseSupervisors = [CivilAffairsOfficer, ChildSupervisor];

    /// <summary>Roles a case may be assigned to.</summary>
    public static readonly IReadOnlyList<string> CaseWorkers = [CivilAffairsOfficer, ChildSupervisor, ChildDirector, SocialWorker];

    /// <summary>Roles that read every case of their jurisdiction; a social worker reads the cases assigned to them, a liaison only what is referred.</summary>
    public static readonly IReadOnlyList<string> CaseReaders = [CivilAffairsOfficer, ChildSupervisor, ChildDirector];

    /// <summary>Roles that may be on a case in some capacity (worker, supervisor, reader): the union of <see cref="CaseWorkers"/>, <see cref="CaseSupervisors"/> and <see cref="CaseReaders"/>.</summary>
    public static readonly IReadOnlyList<string> CaseStaff = [CivilAffairsOfficer, ChildSupervisor, ChildDirector, SocialWorker];

    /// <summary>Roles that assess guardianship risk and visit homes (DOMAIN.md §4).</summary>
    public static readonly IReadOnlyList<string> Monitors = [CivilAffairsOfficer, ChildSupervisor, ChildDirector];

    /// <summary>Roles of an organisation's staff who receive and handle the referrals sent to it (not volunteers or operators).</summary>
    public static readonly IReadOnlyList<string> ReferralReceivers = [MemberUnitLiaison, SocialWorker, CivilAffairsOfficer];

    /// <summary>Roles on either side of a referral: case staff who send it and the receiving organisation's staff.</summary>
    public static readonly IReadOnlyList<string> ReferralParties = [CivilAffairsOfficer, ChildSupervisor, ChildDirector, SocialWorker, MemberUnitLiaison];

    /// <summary>
    /// Roles the region tree (区划) is of use to: those who pick regions — register children, read the register by village,
    /// create accounts and organisations for a jurisdiction (<see cref="RegistryReaders"/>, <see cref="AccountManagers"/>).
    /// The others (social worker, liaison, volunteer) work from what is assigned or referred to them; the menu hides it.
    /// </summary>
    public static readonly IReadOnlyList<string> RegionUsers = [SystemAdmin, CivilAffairsOfficer, ChildSupervisor, ChildDirector, HotlineOperator];

    /// <summary>Chinese name of a role.</summary>
    public static string ChineseName(string role) => role switch
    {
        SystemAdmin => "系统管理员",
        CivilAffairsOfficer => "民政干部",
        ChildSupervisor => "儿童督导员",
        ChildDirector => "儿童主任",
        SocialWorker => "社工",
        HotlineOperator => "热线接线员",
        MemberUnitLiaison => "成员单位联络员",
        Volunteer => "志愿者",
        _ => role,
    };

    /// <summary>
    /// Null when an account of <paramref name="role"/> may act at a jurisdiction of <paramref name="level"/> (1 province … 5
    /// village), else why not: a child director works in a village (or community), a supervisor in a township, an officer
    /// or hotline operator at county level or above (DOMAIN.md §4). Social workers, liaisons and volunteers may have any.
    /// </summary>
    public static string? LevelProblem(string role, int level) => role switch
    {
        ChildDirector when level != 5 => "儿童主任的辖区应为村（社区）",
        ChildSupervisor when level != 4 => "儿童督导员的辖区应为乡镇（街道）",
        CivilAffairsOfficer or HotlineOperator or SystemAdmin when level > 3 => $"{ChineseName(role)}的辖区应为县（区）或以上",
        _ => null,
    };
}
