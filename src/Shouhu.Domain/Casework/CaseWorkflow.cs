namespace Shouhu.Domain.Casework;

/// <summary>
/// The case status machine (issue #4): <c>open → assessing → planning → in-service → reviewing → closed</c>, and
/// <c>closed → reopened → assessing</c>. A plan may be revised during service (<c>in-service → planning</c>) and a review
/// may send the case back to service (<c>reviewing → in-service</c>). Two steps happen only through a supervisor's
/// approval: <c>planning → in-service</c> (the plan is approved) and <c>reviewing → closed</c> (the closure is approved).
/// Every other move is refused with a reason.
/// </summary>
public static class CaseWorkflow
{
    private static readonly HashSet<(CaseStatus, CaseStatus)> ByWorker =
    [
        (CaseStatus.Open, CaseStatus.Assessing),
        (CaseStatus.Reopened, CaseStatus.Assessing),
        (CaseStatus.Assessing, CaseStatus.Planning),
        (CaseStatus.InService, CaseStatus.Reviewing),
        (CaseStatus.InService, CaseStatus.Planning),
        (CaseStatus.Reviewing, CaseStatus.InService),
        (CaseStatus.Closed, CaseStatus.Reopened),
    ];

    private static readonly HashSet<(CaseStatus, CaseStatus)> ByApproval =
    [
        (CaseStatus.Planning, CaseStatus.InService),
        (CaseStatus.Reviewing, CaseStatus.Closed),
    ];

    /// <summary>Moves a worker may make directly, from <paramref name="from"/>.</summary>
    public static IReadOnlyList<CaseStatus> NextByWorker(CaseStatus from) =>
        ByWorker.Where(t => t.Item1 == from).Select(t => t.Item2).ToList();

    /// <summary>
    /// Null when a case may move from <paramref name="from"/> to <paramref name="to"/>, else the reason in Chinese.
    /// <paramref name="approval"/> is true for the move a supervisor's approval makes (plan → service, review → closed).
    /// </summary>
    public static string? Refusal(CaseStatus from, CaseStatus to, bool approval = false)
    {
        if (approval ? ByApproval.Contains((from, to)) : ByWorker.Contains((from, to)))
        {
            return null;
        }

        return (from, to) switch
        {
            _ when from == to => $"案件已是「{Name(to)}」状态",
            (_, CaseStatus.Closed) when from == CaseStatus.Reviewing => "结案须提交结案申请，经督导审批",
            (_, CaseStatus.Closed) => "须先完成服务并进入评估回顾，再申请结案",
            (CaseStatus.Planning, CaseStatus.InService) => "个案计划须经督导批准后方可进入服务阶段",
            (CaseStatus.Closed, _) => "已结案的案件须先重新开案",
            (_, CaseStatus.Reopened) => "只有已结案的案件可以重新开案",
            (_, CaseStatus.Open) => "案件不能退回「已立案」状态",
            _ => $"案件不能从「{Name(from)}」直接转为「{Name(to)}」",
        };
    }

    /// <summary>API text of a status (API-CONTRACT.md).</summary>
    public static string Text(CaseStatus s) => s switch
    {
        CaseStatus.Open => "open",
        CaseStatus.Assessing => "assessing",
        CaseStatus.Planning => "planning",
        CaseStatus.InService => "in-service",
        CaseStatus.Reviewing => "reviewing",
        CaseStatus.Closed => "closed",
        _ => "reopened",
    };

    /// <summary>Reads an API status text; null when it is none.</summary>
    public static CaseStatus? ParseText(string? text) =>
        Enum.GetValues<CaseStatus>().Cast<CaseStatus?>().FirstOrDefault(s => Text(s!.Value) == text?.Trim());

    /// <summary>Chinese name of a status.</summary>
    public static string Name(CaseStatus s) => s switch
    {
        CaseStatus.Open => "已立案",
        CaseStatus.Assessing => "评估中",
        CaseStatus.Planning => "制定计划",
        CaseStatus.InService => "服务中",
        CaseStatus.Reviewing => "评估回顾",
        CaseStatus.Closed => "已结案",
        _ => "重新开案",
    };

    /// <summary>True for every status but closed (a case that may take new reports, referrals and services).</summary>
    public static bool IsOpen(CaseStatus s) => s != CaseStatus.Closed;
}

/// <summary>Case numbers (案件编号): <c>CCCC-YYYY-NNNNN</c> — 4-digit city code, year of opening (China time), sequence per city and year.</summary>
public static class CaseNumber
{
    /// <summary>Formats a number, e.g. <c>Format("4307", 2026, 42)</c> = <c>4307-2026-00042</c>.</summary>
    public static string Format(string cityCode, int year, int sequence) => $"{cityCode}-{year:0000}-{sequence:00000}";

    /// <summary>The city part of a region code: its first 4 digits (a province-level code is padded with <c>00</c>).</summary>
    public static string CityOf(string regionCode) => regionCode.Length >= 4 ? regionCode[..4] : regionCode.PadRight(4, '0');
}

/// <summary>Chinese names of the casework enumerations, in one place for pages and exports.</summary>
public static class CaseworkNames
{
    /// <summary>Channel.</summary>
    public static string Of(ReportChannel c) => c switch
    {
        ReportChannel.Hotline => "保护专线",
        ReportChannel.MandatoryReport => "强制报告",
        ReportChannel.Online => "网络举报",
        ReportChannel.WalkIn => "来访",
        ReportChannel.HomeVisit => "走访发现",
        _ => "移送",
    };

    /// <summary>Urgency.</summary>
    public static string Of(Urgency u) => u switch
    {
        Urgency.ImmediateDanger => "紧急危险",
        Urgency.Urgent => "紧急",
        _ => "一般",
    };

    /// <summary>Concern type.</summary>
    public static string Of(ConcernType c) => c switch
    {
        ConcernType.GenitalInjury => "生殖器官或隐私部位异常损伤",
        ConcernType.SexualAbuseUnder14 => "不满十四周岁女性遭受性侵、怀孕、流产",
        ConcernType.PregnancyFromAbuse => "十四周岁以上女性疑似遭受性侵怀孕、流产",
        ConcernType.PhysicalAbuse => "多处损伤、严重营养不良、意识不清（疑似家暴、欺凌、虐待）",
        ConcernType.AbnormalDisabilityOrDeath => "非正常原因致残、死亡",
        ConcernType.Abandonment => "被遗弃或长期处于无人照料状态",
        ConcernType.MissingOrTrafficked => "来源不明、失踪、被拐卖、被收买",
        ConcernType.OrganisedBegging => "被组织乞讨",
        ConcernType.OtherSeriousHarm => "其他严重侵害或正在面临不法侵害",
        ConcernType.Neglect => "监护缺失、疏于照料",
        ConcernType.Bullying => "欺凌",
        ConcernType.SchoolDropout => "辍学",
        ConcernType.MentalHealthCrisis => "心理危机",
        _ => "其他",
    };

    /// <summary>True for the nine situations of the mandatory-report rules.</summary>
    public static bool IsMandatoryReportSituation(ConcernType c) => c <= ConcernType.OtherSeriousHarm;

    /// <summary>Report status.</summary>
    public static string Of(ReportStatus s) => s switch
    {
        ReportStatus.AwaitingTriage => "待研判",
        ReportStatus.CaseOpened => "已立案",
        ReportStatus.LinkedToCase => "已并案",
        _ => "不予立案",
    };

    /// <summary>Risk level.</summary>
    public static string Of(RiskLevel r) => r switch
    {
        RiskLevel.High => "高",
        RiskLevel.Medium => "中",
        RiskLevel.Low => "低",
        _ => "未评估",
    };

    /// <summary>Closure reason.</summary>
    public static string Of(ClosureReason r) => r switch
    {
        ClosureReason.GoalsMet => "目标达成",
        ClosureReason.MovedAway => "迁出",
        ClosureReason.TurnedEighteen => "年满18周岁",
        ClosureReason.Transferred => "转出",
        _ => "其他",
    };

    /// <summary>Service type.</summary>
    public static string Of(ServiceType t) => t switch
    {
        ServiceType.TemporaryCare => "临时照料",
        ServiceType.HardshipRelief => "扶贫帮困",
        ServiceType.LegalAid => "法律援助",
        ServiceType.PsychologicalCounselling => "心理疏导",
        ServiceType.EducationCorrection => "教育矫治",
        ServiceType.FamilyEducation => "家庭教育指导",
        ServiceType.MedicalHelp => "医疗救助",
        ServiceType.SchoolReturn => "返校复学",
        _ => "其他",
    };

    /// <summary>Guardianship kind.</summary>
    public static string Of(GuardianshipKind k) => k == GuardianshipKind.Temporary ? "临时监护" : "长期监护";

    /// <summary>Legal ground.</summary>
    public static string Of(GuardianshipGround g) => g switch
    {
        GuardianshipGround.Art92BeggingOrUnknown => "第92条(一) 流浪乞讨或身份不明，暂时查找不到监护人",
        GuardianshipGround.Art92GuardianMissing => "第92条(二) 监护人下落不明且无其他人可以担任监护人",
        GuardianshipGround.Art92GuardianTemporarilyUnable => "第92条(三) 监护人因自身客观原因或突发事件等暂时无法履行监护职责",
        GuardianshipGround.Art92GuardianNeglects => "第92条(四) 监护人拒绝或者怠于履行监护职责，处于无人照料状态",
        GuardianshipGround.Art92GuardianIncitesOffence => "第92条(五) 监护人教唆、利用未成年人实施违法犯罪行为，需要被带离安置",
        GuardianshipGround.Art92SeriousHarmByGuardian => "第92条(六) 遭受监护人严重伤害或者面临人身安全威胁，需要被紧急安置",
        GuardianshipGround.Art92Other => "第92条(七) 法律规定的其他情形",
        GuardianshipGround.Art94CannotBeFound => "第94条(一) 查找不到未成年人的父母或者其他监护人",
        GuardianshipGround.Art94GuardianDead => "第94条(二) 监护人死亡或者被宣告死亡且无其他人可以担任监护人",
        GuardianshipGround.Art94GuardianIncapacitated => "第94条(三) 监护人丧失监护能力且无其他人可以担任监护人",
        GuardianshipGround.Art94Revoked => "第94条(四) 人民法院判决撤销监护人资格并指定由民政部门担任监护人",
        _ => "第94条(五) 法律规定的其他情形",
    };

    /// <summary>Why a guardianship measure ended.</summary>
    public static string Of(GuardianshipEndReason r) => r switch
    {
        GuardianshipEndReason.ReturnedHome => "经评估送返监护人",
        GuardianshipEndReason.Adopted => "被依法收养",
        GuardianshipEndReason.BecameLongTerm => "转为长期监护",
        GuardianshipEndReason.CameOfAge => "年满18周岁",
        _ => "其他",
    };

    /// <summary>Placement.</summary>
    public static string Of(Placement p) => p switch
    {
        Placement.Kinship => "亲属抚养",
        Placement.FosterFamily => "家庭寄养",
        Placement.ProtectionInstitution => "未成年人救助保护机构",
        Placement.WelfareInstitution => "儿童福利机构",
        _ => "（无）",
    };
}
