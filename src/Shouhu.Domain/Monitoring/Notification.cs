namespace Shouhu.Domain.Monitoring;

/// <summary>What a notification is about.</summary>
public enum NotificationKind
{
    /// <summary>预警 an alert that names the recipient.</summary>
    Alert = 1,
    /// <summary>分派 a case assigned or handed to the recipient.</summary>
    Assignment = 2,
    /// <summary>转介 a referral sent to the recipient's organisation.</summary>
    Referral = 3,
    /// <summary>待研判 an immediate-danger or urgent report for the triage level of its place (issue #10).</summary>
    Report = 4,
}

/// <summary>
/// An in-app notification (站内消息) for one account: what, a link to the work, when read. The text carries no personal
/// data — case numbers and what to do, never names, ID numbers or narratives — because it may also leave by SMS or e-mail.
/// </summary>
public class Notification
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Recipient account id.</summary>
    public string RecipientId { get; set; } = string.Empty;

    /// <summary>Kind.</summary>
    public NotificationKind Kind { get; set; }

    /// <summary>Text, at most 200 characters, without personal data.</summary>
    public string Text { get; set; } = string.Empty;

    /// <summary>Relative link to the work (e.g. /Cases/Details/{id}).</summary>
    public string Link { get; set; } = string.Empty;

    /// <summary>When it was created, and read (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <inheritdoc cref="CreatedAt"/>
    public DateTime? ReadAt { get; set; }
}

/// <summary>
/// A message for an outbound channel (SMS, e-mail). The default channel only stores it here — the outbox an administrator
/// reads, and that a gateway adaptor may later send from; never a log file.
/// </summary>
public class OutboxMessage : IJurisdictional
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>
    /// The region of what the message is about (the case, report or child): the jurisdiction filter lets an administrator
    /// read only the messages of their own jurisdiction (ADR-001).
    /// </summary>
    public required string RegionCode { get; set; }

    /// <summary>Recipient account id.</summary>
    public string RecipientId { get; set; } = string.Empty;

    /// <summary>Channel name (<c>outbox</c>, <c>sms</c>, <c>email</c>…).</summary>
    public string Channel { get; set; } = string.Empty;

    /// <summary>Text (the notification's).</summary>
    public string Text { get; set; } = string.Empty;

    /// <summary>When queued, and sent by an adaptor (UTC); null while waiting.</summary>
    public DateTime CreatedAt { get; set; }

    /// <inheritdoc cref="CreatedAt"/>
    public DateTime? SentAt { get; set; }
}
