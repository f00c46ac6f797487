namespace Shouhu.Domain.Casework;

/// <summary>How a report reached the network (API-CONTRACT.md <c>channel</c>).</summary>
public enum ReportChannel
{
    /// <summary>未成年人保护专线 protection hotline.</summary>
    Hotline = 1,
    /// <summary>强制报告 mandatory report by an institution (school, hospital, police, residents' committee…).</summary>
    MandatoryReport = 2,
    /// <summary>网络举报 public online report (may be anonymous).</summary>
    Online = 3,
    /// <summary>来访 walk-in.</summary>
    WalkIn = 4,
    /// <summary>走访发现 found on a home visit.</summary>
    HomeVisit = 5,
    /// <summary>移送 transferred from the police or another city.</summary>
    Transfer = 6,
}

/// <summary>How fast a report must be answered (API-CONTRACT.md <c>urgency</c>); the response clock follows it.</summary>
public enum Urgency
{
    /// <summary>紧急危险 immediate danger — default clock 1 hour.</summary>
    ImmediateDanger = 1,
    /// <summary>紧急 urgent — default clock 24 hours.</summary>
    Urgent = 2,
    /// <summary>一般 routine — default clock 3 working days.</summary>
    Routine = 3,
}

/// <summary>
/// What the report is about (API-CONTRACT.md <c>concernTypes</c>): first the nine situations of the mandatory-report rules
/// (最高检等九部门《关于建立侵害未成年人案件强制报告制度的意见（试行）》, 2020-05-07; DOMAIN.md §2), in their order, then the others.
/// </summary>
public enum ConcernType
{
    /// <summary>(1) Abnormal injury to genitals or private parts.</summary>
    GenitalInjury = 1,
    /// <summary>(2) A girl under 14 sexually abused, pregnant, or had an abortion/miscarriage.</summary>
    SexualAbuseUnder14 = 2,
    /// <summary>(3) A girl of 14 or more pregnant or had an abortion/miscarriage because of (suspected) sexual abuse.</summary>
    PregnancyFromAbuse = 3,
    /// <summary>(4) Multiple injuries, severe malnutrition or impaired consciousness with (suspected) violence, abuse or drugging.</summary>
    PhysicalAbuse = 4,
    /// <summary>(5) Disability or death from abnormal causes.</summary>
    AbnormalDisabilityOrDeath = 5,
    /// <summary>(6) Abandoned, or long left without care.</summary>
    Abandonment = 6,
    /// <summary>(7) Unknown origin, missing, trafficked or bought.</summary>
    MissingOrTrafficked = 7,
    /// <summary>(8) Organised begging.</summary>
    OrganisedBegging = 8,
    /// <summary>(9) Any other serious harm, or currently facing unlawful harm.</summary>
    OtherSeriousHarm = 9,
    /// <summary>监护缺失/疏于照料 neglect.</summary>
    Neglect = 10,
    /// <summary>欺凌 bullying.</summary>
    Bullying = 11,
    /// <summary>辍学 dropping out of school.</summary>
    SchoolDropout = 12,
    /// <summary>心理危机 mental-health crisis.</summary>
    MentalHealthCrisis = 13,
    /// <summary>其他 other.</summary>
    Other = 14,
}

/// <summary>Where a report stands.</summary>
public enum ReportStatus
{
    /// <summary>待研判 waiting for triage.</summary>
    AwaitingTriage = 1,
    /// <summary>已立案 a case was opened from it.</summary>
    CaseOpened = 2,
    /// <summary>已并案 linked to an open case of the same child.</summary>
    LinkedToCase = 3,
    /// <summary>不予立案 closed with a reason.</summary>
    Closed = 4,
}

/// <summary>A triage decision (API-CONTRACT.md: <c>open-case</c>, <c>link-case</c>, <c>close</c>).</summary>
public enum TriageDecision
{
    /// <summary>Open a new case.</summary>
    OpenCase = 1,
    /// <summary>Link to an open case of the same child.</summary>
    LinkCase = 2,
    /// <summary>Close without a case, with a reason.</summary>
    Close = 3,
}

/// <summary>
/// A report (报告, DESIGN C3) received by any channel: who reported, about which child (a registered one, or a description
/// of a child still to be identified), what and how urgent, where. It is triaged against its response clock into a
/// case, linked to an open case, or closed with a reason. Never deleted.
/// </summary>
public class Report : IAudited
{
    /// <summary>Identifier (UUID v7).</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Channel.</summary>
    public ReportChannel Channel { get; set; }

    /// <summary>When the report was received (UTC; shown in China Standard Time).</summary>
    public DateTime ReceivedAt { get; set; }

    /// <summary>When the response clock runs out (UTC), from <see cref="ResponseClock"/>.</summary>
    public DateTime ResponseDueAt { get; set; }

    /// <summary>Concern types, one row each (at least one): what statistics count by (<see cref="ReportConcern"/>).</summary>
    public List<ReportConcern> Concerns { get; set; } = [];

    /// <summary>The concern types' API names joined by commas in the order of <see cref="ConcernType"/> (computed from <see cref="Concerns"/>, not stored).</summary>
    public string ConcernTypes => string.Join(',', Concerns.Select(c => c.ConcernType).Order());

    /// <summary>Urgency.</summary>
    public Urgency Urgency { get; set; }

    /// <summary>What was reported, in the reporter's words (personal narrative: stored, never logged). 1–10,000 characters.</summary>
    public string Narrative { get; set; } = string.Empty;

    /// <summary>The registered child, when known.</summary>
    public Guid? ChildId { get; set; }

    /// <summary>Name of a child not (yet) in the register, as the reporter gave it; may be empty.</summary>
    public string? UnidentifiedChildName { get; set; }

    /// <summary>Sex of a child not in the register, when told.</summary>
    public Identity.Sex? UnidentifiedChildSex { get; set; }

    /// <summary>Approximate age in years of a child not in the register, when told (0–17).</summary>
    public int? UnidentifiedChildAge { get; set; }

    /// <summary>Description of a child not in the register (clothing, school, where seen…).</summary>
    public string? UnidentifiedChildDescription { get; set; }

    /// <summary>The region where it happens (any NBS level, usually the village); the record's jurisdiction key. For a registered child, the child's residence unless told otherwise.</summary>
    public required string RegionCode { get; set; }

    /// <summary>Place below the region, free text.</summary>
    public string? Location { get; set; }

    /// <summary>True when the reporter did not give their identity.</summary>
    public bool ReporterAnonymous { get; set; }

    /// <summary>Reporter's name (kept confidential: DOMAIN.md §2).</summary>
    public string? ReporterName { get; set; }

    /// <summary>Reporter's phone.</summary>
    public string? ReporterPhone { get; set; }

    /// <summary>Reporter's relation to the child (neighbour, teacher, relative…), free text.</summary>
    public string? ReporterRelation { get; set; }

    /// <summary>Reporting organisation of a mandatory report (school, hospital, police station, residents' committee…), free text.</summary>
    public string? ReporterOrganization { get; set; }

    /// <summary>Status.</summary>
    public ReportStatus Status { get; set; } = ReportStatus.AwaitingTriage;

    /// <summary>Triage decision, once made.</summary>
    public TriageDecision? Decision { get; set; }

    /// <summary>Why the report was closed (or a comment on the decision).</summary>
    public string? DecisionReason { get; set; }

    /// <summary>The case it opened or joined.</summary>
    public Guid? CaseId { get; set; }

    /// <summary>Who triaged it, and when (UTC).</summary>
    public string? TriagedBy { get; set; }

    /// <inheritdoc cref="TriagedBy"/>
    public string? TriagedByName { get; set; }

    /// <inheritdoc cref="TriagedBy"/>
    public DateTime? TriagedAt { get; set; }

    /// <summary>Account that recorded it, and when (UTC).</summary>
    public string RecordedBy { get; set; } = string.Empty;

    /// <inheritdoc cref="RecordedBy"/>
    public string RecordedByName { get; set; } = string.Empty;

    /// <inheritdoc cref="RecordedBy"/>
    public DateTime RecordedAt { get; set; }

    /// <summary>Optimistic concurrency token: a second triage of the same report fails instead of overwriting.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>When the matter was reported to the police (UTC; 强制报告 "reported to police" step), once recorded.</summary>
    public DateTime? PoliceReportedAt { get; set; }

    /// <summary>Who reported it to the police (the reporting unit's person, or the worker), free text, 1–100 characters.</summary>
    public string? PoliceReportedBy { get; set; }

    /// <summary>The police unit it was reported to (e.g. 武陵区公安分局启明派出所), 1–100 characters.</summary>
    public string? PoliceUnit { get; set; }

    /// <summary>When the police's feedback to the reporting unit is due (UTC): <see cref="MandatoryReporting.PoliceFeedbackDueAt"/>.</summary>
    public DateTime? PoliceFeedbackDueAt { get; set; }

    /// <summary>When the police's feedback arrived (UTC), once recorded.</summary>
    public DateTime? PoliceFeedbackAt { get; set; }

    /// <summary>What the police said (progress, case accepted…), free text up to 2,000 characters (may be personal: never logged).</summary>
    public string? PoliceFeedbackNote { get; set; }

    /// <summary>True when the report concerns one of the nine mandatory-report situations, so it must reach the police.</summary>
    public bool NeedsPolice => MandatoryReporting.AnySituation(Concerns.Select(c => c.ConcernType));

    /// <summary>True when the police's feedback is due and not recorded.</summary>
    public bool IsPoliceFeedbackOverdue(DateTime utcNow) => PoliceFeedbackAt is null && PoliceFeedbackDueAt is { } due && utcNow > due;

    /// <summary>True when the clock has run out and the report is still waiting.</summary>
    public bool IsOverdue(DateTime utcNow) => Status == ReportStatus.AwaitingTriage && utcNow > ResponseDueAt;
}

/// <summary>
/// One concern type of a report (report × concern type): a row per type, so statistics count reports by concern with a
/// query. Carries the report's region (the jurisdiction filter), kept equal to it when the report moves.
/// </summary>
public class ReportConcern : IJurisdictional
{
    /// <summary>The report.</summary>
    public Guid ReportId { get; set; }

    /// <summary>The concern type.</summary>
    public ConcernType ConcernType { get; set; }

    /// <summary>The report's region.</summary>
    public required string RegionCode { get; set; }
}
