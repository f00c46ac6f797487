namespace Shouhu.Domain.Casework;

/// <summary>Status of a case (API-CONTRACT.md case <c>status</c>); moves only as <see cref="CaseWorkflow"/> allows.</summary>
public enum CaseStatus
{
    /// <summary><c>open</c> 已立案: opened from a report, not yet assessed.</summary>
    Open = 1,
    /// <summary><c>assessing</c> 评估中.</summary>
    Assessing = 2,
    /// <summary><c>planning</c> 制定计划: the plan is written and goes to the supervisor.</summary>
    Planning = 3,
    /// <summary><c>in-service</c> 服务中: the approved plan is carried out.</summary>
    InService = 4,
    /// <summary><c>reviewing</c> 评估回顾: results are reviewed; closure is requested from here.</summary>
    Reviewing = 5,
    /// <summary><c>closed</c> 已结案 (with supervisor approval).</summary>
    Closed = 6,
    /// <summary><c>reopened</c> 重新开案.</summary>
    Reopened = 7,
}

/// <summary>Risk level of a case or a child (high / medium / low; DOMAIN.md §5 colours red / orange / green).</summary>
public enum RiskLevel
{
    /// <summary>未评估 not assessed yet.</summary>
    Unknown = 0,
    /// <summary>低 low (green).</summary>
    Low = 1,
    /// <summary>中 medium (orange).</summary>
    Medium = 2,
    /// <summary>高 high (red).</summary>
    High = 3,
}

/// <summary>Why a case is closed (issue #4).</summary>
public enum ClosureReason
{
    /// <summary>目标达成 goals met.</summary>
    GoalsMet = 1,
    /// <summary>迁出 moved away.</summary>
    MovedAway = 2,
    /// <summary>年满18周岁 turned 18.</summary>
    TurnedEighteen = 3,
    /// <summary>转出 transferred.</summary>
    Transferred = 4,
    /// <summary>其他 other (explained in the note).</summary>
    Other = 5,
}

/// <summary>Where a request for approval (plan or closure) stands.</summary>
public enum ApprovalState
{
    /// <summary>Nothing submitted.</summary>
    None = 0,
    /// <summary>待审批 waiting for the supervisor.</summary>
    Submitted = 1,
    /// <summary>已批准 approved.</summary>
    Approved = 2,
    /// <summary>已退回 returned with a comment.</summary>
    Returned = 3,
}

/// <summary>
/// A case (个案, DESIGN C4): one child and concern, from opening to closure, with an assigned worker and a supervisor who
/// approves the plan and the closure. Its number is unique per city and year (<see cref="CaseNumber"/>). Every step is a
/// <see cref="CaseEvent"/> on its timeline.
/// </summary>
public class Case : IAudited
{
    /// <summary>Identifier (UUID v7).</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Case number, e.g. <c>4307-2026-00042</c> (<see cref="Casework.CaseNumber"/>).</summary>
    public string CaseNumber { get; set; } = string.Empty;

    /// <summary>City part of the number (first 4 digits of the region).</summary>
    public string CityCode { get; set; } = string.Empty;

    /// <summary>Year part of the number (China time of opening).</summary>
    public int Year { get; set; }

    /// <summary>Sequence part of the number, 1… per city and year.</summary>
    public int Sequence { get; set; }

    /// <summary>The child; null while the child of the report is still to be identified.</summary>
    public Guid? ChildId { get; set; }

    /// <summary>The child's residence (or the report's region while the child is unknown): the record's jurisdiction key.</summary>
    public required string RegionCode { get; set; }

    /// <summary>Status.</summary>
    public CaseStatus Status { get; set; } = CaseStatus.Open;

    /// <summary>Risk level.</summary>
    public RiskLevel RiskLevel { get; set; }

    /// <summary>Urgency of the report that opened it.</summary>
    public Urgency Urgency { get; set; }

    /// <summary>Assigned worker's account id.</summary>
    public string? AssignedWorkerId { get; set; }

    /// <summary>Assigned worker's display name (kept for the timeline and lists).</summary>
    public string? AssignedWorkerName { get; set; }

    /// <summary>Supervisor's account id (approves plan and closure).</summary>
    public string? SupervisorId { get; set; }

    /// <summary>Supervisor's display name.</summary>
    public string? SupervisorName { get; set; }

    /// <summary>A worker the case is being handed to, until they accept.</summary>
    public string? PendingWorkerId { get; set; }

    /// <summary>Display name of <see cref="PendingWorkerId"/>.</summary>
    public string? PendingWorkerName { get; set; }

    /// <summary>
    /// The village a transfer to another jurisdiction is waiting for (the child has moved there); the receiving side —
    /// a supervisor or officer whose jurisdiction contains it — accepts, and the case and the child's file move there.
    /// </summary>
    public string? PendingRegionCode { get; set; }

    /// <summary>Why the case is handed to another jurisdiction (where the child moved, what is under way).</summary>
    public string? PendingRegionNote { get; set; }

    /// <summary>Who asked for the transfer, and when (UTC).</summary>
    public string? PendingRegionRequestedByName { get; set; }

    /// <inheritdoc cref="PendingRegionRequestedByName"/>
    public DateTime? PendingRegionRequestedAt { get; set; }

    /// <summary>Account id of who asked for the pending transfer to another jurisdiction (who may withdraw it, besides supervisors and officers).</summary>
    public string? PendingRegionRequestedBy { get; set; }

    /// <summary>Plan approval state.</summary>
    public ApprovalState PlanState { get; set; }

    /// <summary>Who submitted the plan for approval (may not approve it).</summary>
    public string? PlanSubmittedBy { get; set; }

    /// <summary>Who requested closure (may not approve it).</summary>
    public string? ClosureRequestedBy { get; set; }

    /// <summary>Closure approval state.</summary>
    public ApprovalState ClosureState { get; set; }

    /// <summary>Requested or approved reason of closure.</summary>
    public ClosureReason? ClosureReason { get; set; }

    /// <summary>Closing note (what "other" means, where the child moved…).</summary>
    public string? ClosureNote { get; set; }

    /// <summary>Closing assessment (结案评估): the child's situation at closure. Required to request closure.</summary>
    public string? ClosingAssessment { get; set; }

    /// <summary>Date of the follow-up visit after closure (回访), scheduled when the closure is approved.</summary>
    public DateOnly? FollowUpOn { get; set; }

    /// <summary>When it was opened (UTC) and by whom.</summary>
    public DateTime OpenedAt { get; set; }

    /// <inheritdoc cref="OpenedAt"/>
    public string OpenedBy { get; set; } = string.Empty;

    /// <summary>When it was closed (UTC), if closed.</summary>
    public DateTime? ClosedAt { get; set; }

    /// <summary>Last change (UTC) and who made it — named in a concurrency conflict.</summary>
    public DateTime UpdatedAt { get; set; }

    /// <inheritdoc cref="UpdatedAt"/>
    public string UpdatedByName { get; set; } = string.Empty;

    /// <summary>Optimistic concurrency token (renewed on every change).</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>Kinds of step on a case's timeline.</summary>
public enum CaseEventKind
{
    /// <summary>立案.</summary>
    Opened = 1,
    /// <summary>并入报告.</summary>
    ReportLinked = 2,
    /// <summary>状态变更.</summary>
    StatusChanged = 3,
    /// <summary>记录.</summary>
    Note = 4,
    /// <summary>上传文件.</summary>
    Document = 5,
    /// <summary>分派.</summary>
    Assigned = 6,
    /// <summary>移交（待接收）.</summary>
    TransferRequested = 7,
    /// <summary>接收移交.</summary>
    TransferAccepted = 8,
    /// <summary>计划提交.</summary>
    PlanSubmitted = 9,
    /// <summary>计划批准.</summary>
    PlanApproved = 10,
    /// <summary>计划退回.</summary>
    PlanReturned = 11,
    /// <summary>服务记录.</summary>
    ServiceRecorded = 12,
    /// <summary>监护措施.</summary>
    GuardianshipMeasure = 13,
    /// <summary>转介发出.</summary>
    ReferralSent = 14,
    /// <summary>转介接收.</summary>
    ReferralAccepted = 15,
    /// <summary>转介拒绝.</summary>
    ReferralDeclined = 16,
    /// <summary>转介进展.</summary>
    ReferralProgress = 17,
    /// <summary>转介完成.</summary>
    ReferralCompleted = 18,
    /// <summary>申请结案.</summary>
    ClosureRequested = 19,
    /// <summary>结案批准.</summary>
    ClosureApproved = 20,
    /// <summary>结案退回.</summary>
    ClosureReturned = 21,
    /// <summary>风险等级变更.</summary>
    RiskChanged = 22,
    /// <summary>确认儿童身份.</summary>
    ChildIdentified = 23,
    /// <summary>已报警 (强制报告: reported to the police, with the police unit; starts the 3-day feedback clock).</summary>
    ReportedToPolice = 24,
    /// <summary>公安机关反馈 (the police told the reporting unit of progress).</summary>
    PoliceFeedback = 25,
    /// <summary>监护措施终止 (a guardianship measure ended, with its reason).</summary>
    GuardianshipEnded = 26,
}

/// <summary>One step on a case's timeline (CaseEvent): who, when, what. Written by every action on the case; never edited.</summary>
public class CaseEvent : ICasePart
{
    /// <summary>Identifier (UUID v7, so ids sort by time).</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The case.</summary>
    public Guid CaseId { get; set; }

    /// <summary>The case's region.</summary>
    public required string RegionCode { get; set; }

    /// <summary>When (UTC).</summary>
    public DateTime At { get; set; }

    /// <summary>Kind.</summary>
    public CaseEventKind Kind { get; set; }

    /// <summary>Actor's account id.</summary>
    public string ActorId { get; set; } = string.Empty;

    /// <summary>Actor's display name.</summary>
    public string ActorName { get; set; } = string.Empty;

    /// <summary>What happened, in Chinese; may quote a note (personal narrative: stored, never logged).</summary>
    public string Text { get; set; } = string.Empty;

    /// <summary>The record the step concerns (a referral, service, document…), if one.</summary>
    public Guid? SubjectId { get; set; }
}

/// <summary>A case plan (个案计划): goals and planned services; the supervisor approves or returns it.</summary>
public class CasePlan : ICasePart
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The case (one plan per case, revised in place; every version is on the timeline).</summary>
    public Guid CaseId { get; set; }

    /// <summary>The case's region.</summary>
    public required string RegionCode { get; set; }

    /// <summary>Goals (服务目标), free text.</summary>
    public string Goals { get; set; } = string.Empty;

    /// <summary>Revision number, 1… (raised on every save).</summary>
    public int Revision { get; set; }

    /// <summary>Last saved (UTC) and by whom.</summary>
    public DateTime UpdatedAt { get; set; }

    /// <inheritdoc cref="UpdatedAt"/>
    public string UpdatedBy { get; set; } = string.Empty;

    /// <summary>Planned services.</summary>
    public List<CasePlanItem> Items { get; set; } = [];
}

/// <summary>One planned service: what, who, by when.</summary>
public class CasePlanItem : ICasePart
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The plan.</summary>
    public Guid PlanId { get; set; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; set; }

    /// <summary>The case's region.</summary>
    public required string RegionCode { get; set; }

    /// <summary>Service type.</summary>
    public ServiceType ServiceType { get; set; }

    /// <summary>What exactly, free text.</summary>
    public string Description { get; set; } = string.Empty;

    /// <summary>Who is responsible (person or organisation), free text.</summary>
    public string Responsible { get; set; } = string.Empty;

    /// <summary>Due date (China calendar date).</summary>
    public DateOnly DueOn { get; set; }
}

/// <summary>What an approval decided on.</summary>
public enum ApprovalSubject
{
    /// <summary>个案计划.</summary>
    Plan = 1,
    /// <summary>结案.</summary>
    Closure = 2,
}

/// <summary>A supervisor's decision (审批): approved or returned with a comment.</summary>
public class CaseApproval : ICasePart
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The case.</summary>
    public Guid CaseId { get; set; }

    /// <summary>The case's region.</summary>
    public required string RegionCode { get; set; }

    /// <summary>Plan or closure.</summary>
    public ApprovalSubject Subject { get; set; }

    /// <summary>True when approved; false when returned.</summary>
    public bool Approved { get; set; }

    /// <summary>Comment (required when returned).</summary>
    public string? Comment { get; set; }

    /// <summary>Who requested it.</summary>
    public string RequestedBy { get; set; } = string.Empty;

    /// <summary>Who decided, and when (UTC).</summary>
    public string DecidedBy { get; set; } = string.Empty;

    /// <inheritdoc cref="DecidedBy"/>
    public string DecidedByName { get; set; } = string.Empty;

    /// <inheritdoc cref="DecidedBy"/>
    public DateTime DecidedAt { get; set; }
}
