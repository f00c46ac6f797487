namespace Shouhu.Domain.Casework;

/// <summary>Status of a referral (API-CONTRACT.md referral <c>status</c>).</summary>
public enum ReferralStatus
{
    /// <summary><c>sent</c> 已发送, waiting for the receiver.</summary>
    Sent = 1,
    /// <summary><c>accepted</c> 已接收.</summary>
    Accepted = 2,
    /// <summary><c>declined</c> 已拒绝 (with a reason).</summary>
    Declined = 3,
    /// <summary><c>completed</c> 已完成 (with feedback).</summary>
    Completed = 4,
}

/// <summary>
/// A referral (转介, DESIGN C5): a case, or one task in it, sent to a member unit or social organisation. The receiver sees
/// only the referral — its reason, the information the sender chose to share and the child's basic identity — never the
/// case file. Sent → accepted or declined → completed with feedback; overdue when its due time passes unfinished.
/// </summary>
public class Referral : ICasePart
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The case.</summary>
    public Guid CaseId { get; set; }

    /// <summary>The case's region.</summary>
    public required string RegionCode { get; set; }

    /// <summary>Receiving organisation.</summary>
    public Guid OrganizationId { get; set; }

    /// <summary>Why, and what is asked (转介事由), 1–2,000 characters; shown to the receiver.</summary>
    public string Reason { get; set; } = string.Empty;

    /// <summary>What else the sender shares with the receiver (situation, contact, address), free text; the receiver sees nothing else of the case.</summary>
    public string? SharedInformation { get; set; }

    /// <summary>When the receiver must have finished (UTC); in the future when sent.</summary>
    public DateTime? DueAt { get; set; }

    /// <summary>Status.</summary>
    public ReferralStatus Status { get; set; } = ReferralStatus.Sent;

    /// <summary>Who sent it, and when (UTC).</summary>
    public string SentBy { get; set; } = string.Empty;

    /// <inheritdoc cref="SentBy"/>
    public string SentByName { get; set; } = string.Empty;

    /// <inheritdoc cref="SentBy"/>
    public DateTime SentAt { get; set; }

    /// <summary>Who accepted or declined it, and when (UTC).</summary>
    public string? RespondedBy { get; set; }

    /// <inheritdoc cref="RespondedBy"/>
    public string? RespondedByName { get; set; }

    /// <inheritdoc cref="RespondedBy"/>
    public DateTime? RespondedAt { get; set; }

    /// <summary>Why it was declined.</summary>
    public string? DeclineReason { get; set; }

    /// <summary>What the receiver did (办理情况), appended note by note.</summary>
    public string? ActionsTaken { get; set; }

    /// <summary>Feedback at completion (办理结果反馈).</summary>
    public string? Feedback { get; set; }

    /// <summary>When it was completed (UTC).</summary>
    public DateTime? CompletedAt { get; set; }

    /// <summary>Optimistic concurrency token.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>
    /// True when an account of organisation <paramref name="organizationId"/> in role <paramref name="role"/> receives this
    /// referral: the organisation it was sent to, in a role that handles referrals (<see cref="Accounts.Roles.ReferralReceivers"/>;
    /// DESIGN C5, ADR-005). Case staff read a referral through its case, never as its receiver.
    /// </summary>
    public bool IsReceivedBy(Guid? organizationId, string role) =>
        organizationId is { } org && org == OrganizationId && Accounts.Roles.ReferralReceivers.Contains(role);

    /// <summary>True when its due time has passed and it is neither declined nor completed (it then escalates to the case supervisor).</summary>
    public bool IsOverdue(DateTime utcNow) => DueAt is { } due && utcNow > due && Status is ReferralStatus.Sent or ReferralStatus.Accepted;

    /// <summary>API text of a status.</summary>
    public static string StatusText(ReferralStatus s) => s switch
    {
        ReferralStatus.Sent => "sent",
        ReferralStatus.Accepted => "accepted",
        ReferralStatus.Declined => "declined",
        _ => "completed",
    };

    /// <summary>Chinese name of a status.</summary>
    public static string StatusName(ReferralStatus s) => s switch
    {
        ReferralStatus.Sent => "待接收",
        ReferralStatus.Accepted => "办理中",
        ReferralStatus.Declined => "已拒绝",
        _ => "已完成",
    };

    /// <summary>
    /// Null when the receiver may take <paramref name="action"/> now, else why not: accept and decline only while sent,
    /// a progress note and completion only once accepted.
    /// </summary>
    public static string? Refusal(ReferralStatus current, ReferralAction action) => (current, action) switch
    {
        (ReferralStatus.Sent, ReferralAction.Accept or ReferralAction.Decline) => null,
        (ReferralStatus.Accepted, ReferralAction.Progress or ReferralAction.Complete) => null,
        (ReferralStatus.Sent, _) => "转介尚未接收，请先接收",
        (ReferralStatus.Accepted, _) => "转介已接收，不能再接收或拒绝",
        (ReferralStatus.Declined, _) => "转介已被拒绝，不能再办理",
        _ => "转介已完成，不能再办理",
    };
}

/// <summary>What a receiver does with a referral.</summary>
public enum ReferralAction
{
    /// <summary>接收.</summary>
    Accept = 1,
    /// <summary>拒绝 (reason required).</summary>
    Decline = 2,
    /// <summary>记录办理情况.</summary>
    Progress = 3,
    /// <summary>办结反馈 (feedback required).</summary>
    Complete = 4,
}
