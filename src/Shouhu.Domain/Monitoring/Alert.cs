namespace Shouhu.Domain.Monitoring;

/// <summary>The alert rules (API-CONTRACT.md <c>rule</c>, issue #5).</summary>
public enum AlertRule
{
    /// <summary>走访逾期: the child's next visit is past due.</summary>
    VisitOverdue = 1,
    /// <summary>复评逾期: the next risk assessment is past due.</summary>
    ReassessmentOverdue = 2,
    /// <summary>报告超时未研判: a report passed its response clock.</summary>
    ReportClockPassed = 3,
    /// <summary>转介逾期: a referral passed its due time unfinished.</summary>
    ReferralOverdue = 4,
    /// <summary>留守儿童30天内满16周岁.</summary>
    LeftBehindTurning16 = 5,
    /// <summary>60天内满18周岁（各类别终止）.</summary>
    Turning18 = 6,
    /// <summary>身份证号与出生日期不一致.</summary>
    IdBirthDateMismatch = 7,
    /// <summary>高风险但无在办案件.</summary>
    HighRiskWithoutCase = 8,
    /// <summary>留守儿童无委托照护人.</summary>
    EntrustedCaregiverMissing = 9,
    /// <summary>类别在同一级待核查超过15个工作日 (<see cref="Children.VerificationLimit"/>).</summary>
    VerificationPending = 10,
    /// <summary>公安反馈超时: a mandatory report's police step has had no feedback to the reporting unit within its 3 days
    /// (<see cref="Casework.MandatoryReporting.PoliceFeedbackDueAt"/>); the one who recorded the report must chase it.</summary>
    PoliceFeedbackOverdue = 11,
}

/// <summary>How urgent an alert is.</summary>
public enum AlertSeverity
{
    /// <summary><c>low</c>.</summary>
    Low = 1,
    /// <summary><c>medium</c>.</summary>
    Medium = 2,
    /// <summary><c>high</c>.</summary>
    High = 3,
}

/// <summary>
/// An alert (预警): a rule that holds for one subject (a child, case, report, referral or category), who must act and by
/// when. At most one open alert per rule and subject; it closes itself when the rule stops holding. Written by the alert
/// engine only (a system task with one audit entry per run).
/// </summary>
public class Alert : IJurisdictional
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Rule.</summary>
    public AlertRule Rule { get; set; }

    /// <summary>What it is about, as text: the id of the child, report, referral or category the rule holds for.</summary>
    public string SubjectKey { get; set; } = string.Empty;

    /// <summary>Severity.</summary>
    public AlertSeverity Severity { get; set; }

    /// <summary>The child, if any.</summary>
    public Guid? ChildId { get; set; }

    /// <summary>The case, if any.</summary>
    public Guid? CaseId { get; set; }

    /// <summary>The subject's region (jurisdiction key).</summary>
    public required string RegionCode { get; set; }

    /// <summary>Account that must act, when one is known (a case's worker or supervisor); else whoever serves the region.</summary>
    public string? AssigneeId { get; set; }

    /// <summary>When action is due (UTC).</summary>
    public DateTime DueAt { get; set; }

    /// <summary>True while open.</summary>
    public bool IsOpen { get; set; } = true;

    /// <summary>What to do, in Chinese, without personal data (no names, numbers or narratives).</summary>
    public string Message { get; set; } = string.Empty;

    /// <summary>When it was raised and closed (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <inheritdoc cref="CreatedAt"/>
    public DateTime? ClosedAt { get; set; }
}
