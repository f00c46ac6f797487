using Shouhu.Domain.Casework;

namespace Shouhu.Domain.Monitoring;

/// <summary>A stored version of an assessment instrument. Versions are never edited: a change is a new version (issue #5).</summary>
public class AssessmentInstrument
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>
    /// The city (市级民政部门) that published it: a 4-digit NBS code, e.g. <c>4307</c>; empty for the built-in default
    /// (DOMAIN.md §5), which a city uses until it publishes its own.
    /// </summary>
    public string CityCode { get; set; } = string.Empty;

    /// <summary>Version number within the city, 1…; the default is 1 and a city's first own version is 2; the highest is current.</summary>
    public int Version { get; set; }

    /// <summary>Name, e.g. 监护风险评估量表（默认）.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The <see cref="InstrumentDefinition"/> as JSON.</summary>
    public string DefinitionJson { get; set; } = string.Empty;

    /// <summary>When it was created (UTC) and by whom.</summary>
    public DateTime CreatedAt { get; set; }

    /// <inheritdoc cref="CreatedAt"/>
    public string CreatedBy { get; set; } = string.Empty;
}

/// <summary>A guardianship risk assessment (监护风险评估) of a child: who, when, which instrument version, every answer, score and level.</summary>
public class RiskAssessment : IChildPart
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The child.</summary>
    public Guid ChildId { get; set; }

    /// <summary>The child's region.</summary>
    public required string RegionCode { get; set; }

    /// <summary>Instrument version used.</summary>
    public int InstrumentVersion { get; set; }

    /// <summary>Answers, question code → option code, as JSON.</summary>
    public string AnswersJson { get; set; } = "{}";

    /// <summary>Sum of the chosen weights.</summary>
    public int Score { get; set; }

    /// <summary>Resulting level.</summary>
    public RiskLevel Level { get; set; }

    /// <summary>True when the emergency override made the level high (DOMAIN.md §5).</summary>
    public bool EmergencyOverride { get; set; }

    /// <summary>Note, free text.</summary>
    public string? Note { get; set; }

    /// <summary>When the next assessment falls due (China date), from the level.</summary>
    public DateOnly NextDueOn { get; set; }

    /// <summary>Who assessed, and when (UTC).</summary>
    public string AssessedBy { get; set; } = string.Empty;

    /// <inheritdoc cref="AssessedBy"/>
    public string AssessedByName { get; set; } = string.Empty;

    /// <inheritdoc cref="AssessedBy"/>
    public DateTime AssessedAt { get; set; }
}

/// <summary>How an aspect of a child's situation looked on a visit.</summary>
public enum SituationRating
{
    /// <summary>未了解.</summary>
    Unknown = 0,
    /// <summary>良好 fine.</summary>
    Good = 1,
    /// <summary>需关注 a concern.</summary>
    Concern = 2,
    /// <summary>严重 serious.</summary>
    Serious = 3,
}

/// <summary>A home visit (走访) by a child director or supervisor: when, who was met, the child's situation, needs and follow-up.</summary>
public class HomeVisit : IChildPart
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The child.</summary>
    public Guid ChildId { get; set; }

    /// <summary>The child's region.</summary>
    public required string RegionCode { get; set; }

    /// <summary>When (UTC); never in the future.</summary>
    public DateTime VisitedAt { get; set; }

    /// <summary>Who was met (the child, grandmother, father by video…), joined by "、".</summary>
    public string MetPersons { get; set; } = string.Empty;

    /// <summary>Whether the guardian was present.</summary>
    public bool GuardianPresent { get; set; }

    /// <summary>Safety.</summary>
    public SituationRating Safety { get; set; }

    /// <summary>Health.</summary>
    public SituationRating Health { get; set; }

    /// <summary>Schooling.</summary>
    public SituationRating Schooling { get; set; }

    /// <summary>Daily care.</summary>
    public SituationRating DailyCare { get; set; }

    /// <summary>What was seen, free text.</summary>
    public string? SituationNote { get; set; }

    /// <summary>Needs found.</summary>
    public string? Needs { get; set; }

    /// <summary>Follow-up agreed.</summary>
    public string? FollowUp { get; set; }

    /// <summary>The report this visit started, if it found a new concern.</summary>
    public Guid? ReportId { get; set; }

    /// <summary>When the next visit falls due (China date).</summary>
    public DateOnly NextDueOn { get; set; }

    /// <summary>Who visited.</summary>
    public string VisitedBy { get; set; } = string.Empty;

    /// <inheritdoc cref="VisitedBy"/>
    public string VisitedByName { get; set; } = string.Empty;
}

/// <summary>
/// A child's visit schedule (走访计划): when the next home visit falls due — the last visit (or, never visited, the day of
/// registration) plus the shortest interval of the child's current risk level and active categories
/// (<see cref="MonitoringSchedule.VisitDays(RiskLevel, IEnumerable{Children.ProtectionCategory})"/>). Derived data, one row
/// per child: rewritten after every visit and assessment and reconciled for every child by each full run of the alert
/// engine, so a change of category or of the city's intervals reaches it within one run. Not audited (it holds nothing a
/// person wrote); scoped to the jurisdiction like the child.
/// </summary>
public class VisitSchedule : IJurisdictional
{
    /// <summary>The child (the key).</summary>
    public Guid ChildId { get; set; }

    /// <summary>The child's region.</summary>
    public required string RegionCode { get; set; }

    /// <summary>China date of the last visit; null when never visited.</summary>
    public DateOnly? LastVisitedOn { get; set; }

    /// <summary>Days between visits that applied (the shortest of level and categories).</summary>
    public int IntervalDays { get; set; }

    /// <summary>China date the next visit falls due.</summary>
    public DateOnly NextDueOn { get; set; }
}

/// <summary>
/// Visit and re-assessment intervals per risk level (DOMAIN.md §4: default low monthly, medium every 2 weeks, high weekly;
/// configurable per city). A child never assessed is visited monthly. Re-assessment: high every 30 days, medium 90, low 180 [U].
/// </summary>
/// <param name="VisitDaysLow">Days between visits at low risk (or not assessed).</param>
/// <param name="VisitDaysMedium">Days between visits at medium risk.</param>
/// <param name="VisitDaysHigh">Days between visits at high risk.</param>
/// <param name="ReassessDaysLow">Days to the next assessment after a low result.</param>
/// <param name="ReassessDaysMedium">After a medium result.</param>
/// <param name="ReassessDaysHigh">After a high result.</param>
public sealed record MonitoringSchedule(int VisitDaysLow, int VisitDaysMedium, int VisitDaysHigh, int ReassessDaysLow, int ReassessDaysMedium, int ReassessDaysHigh)
{
    /// <summary>The defaults.</summary>
    public static readonly MonitoringSchedule Default = new(30, 14, 7, 180, 90, 30);

    /// <summary>Days between visits for a child at <paramref name="level"/>.</summary>
    public int VisitDays(RiskLevel level) => level switch
    {
        RiskLevel.High => VisitDaysHigh,
        RiskLevel.Medium => VisitDaysMedium,
        _ => VisitDaysLow,
    };

    /// <summary>
    /// Days between visits by protection category (per city; default 30 for every category — left-behind children monthly,
    /// DOMAIN.md §4). The interval of a child is the shortest of its risk level's and its active categories'.
    /// </summary>
    public IReadOnlyDictionary<Children.ProtectionCategory, int> VisitDaysByCategory { get; init; } = new Dictionary<Children.ProtectionCategory, int>();

    /// <summary>
    /// Services each level requires, and who intervenes (DOMAIN.md §5: red/orange/green → county centre / township
    /// workstation / village post, as 萧山 does) — defaults [U], configurable per city.
    /// </summary>
    public IReadOnlyDictionary<RiskLevel, IReadOnlyList<ServiceType>> RequiredServices { get; init; } = new Dictionary<RiskLevel, IReadOnlyList<ServiceType>>
    {
        [RiskLevel.High] = [ServiceType.TemporaryCare, ServiceType.PsychologicalCounselling, ServiceType.LegalAid],
        [RiskLevel.Medium] = [ServiceType.FamilyEducation, ServiceType.PsychologicalCounselling],
        [RiskLevel.Low] = [ServiceType.FamilyEducation],
    };

    /// <summary>Days between visits for a child at <paramref name="level"/> holding <paramref name="categories"/> (the shortest applies).</summary>
    public int VisitDays(RiskLevel level, IEnumerable<Children.ProtectionCategory> categories) =>
        categories.Select(k => VisitDaysByCategory.TryGetValue(k, out var d) ? d : int.MaxValue).Append(VisitDays(level)).Min();

    /// <summary>Services required at <paramref name="level"/> (empty when not assessed).</summary>
    public IReadOnlyList<ServiceType> ServicesFor(RiskLevel level) => RequiredServices.TryGetValue(level, out var s) ? s : [];

    /// <summary>Who intervenes at <paramref name="level"/>.</summary>
    public static string InterveningLevel(RiskLevel level) => level switch
    {
        RiskLevel.High => "县级未成年人救助保护中心",
        RiskLevel.Medium => "乡镇（街道）未成年人保护工作站",
        RiskLevel.Low => "村（社区）儿童主任",
        _ => "（待评估）",
    };

    /// <summary>Days to the next assessment after a result of <paramref name="level"/>.</summary>
    public int ReassessDays(RiskLevel level) => level switch
    {
        RiskLevel.High => ReassessDaysHigh,
        RiskLevel.Medium => ReassessDaysMedium,
        _ => ReassessDaysLow,
    };
}
