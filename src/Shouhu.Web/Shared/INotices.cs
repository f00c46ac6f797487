using Shouhu.Data;
using Shouhu.Domain.Monitoring;

namespace Shouhu.Web.Shared;

/// <summary>
/// Notices (通知) to accounts about a subject — a case assigned, a referral received, an urgent report, an alert: each an
/// inbox entry and a message on the outbound channel (SMS, e-mail…). A port implemented by the Notifications feature
/// (its <c>Notifier</c>, registered by <c>AddNotifications</c>); Alerts, Cases and Reports name only this (ADR-008).
/// </summary>
public interface INotices
{
    /// <summary>
    /// Queues a notice for each of <paramref name="recipients"/> (account ids; once each, empty ones skipped) in
    /// <paramref name="db"/>'s unit of work: the caller's save writes them with the action they announce, or neither.
    /// <paramref name="text"/> is the inbox text, <paramref name="link"/> the page it opens (a path such as
    /// <c>/Cases/Details/{id}</c>), <paramref name="regionCode"/> the NBS code of the subject, which scopes the outbox row.
    /// The outbound channel sends <paramref name="outboundText"/> when given (an alert's inbox text may name the child's
    /// situation, its outbound text must not), else <paramref name="text"/>. What leaves by the channel must carry no name
    /// and no protection category (<see cref="OutboundText"/>, the 2025 no-labelling rule): an
    /// <see cref="ArgumentException"/> otherwise (a programming error).
    /// </summary>
    void Queue(ShouhuDbContext db, IEnumerable<string?> recipients, NotificationKind kind, string text, string link, string regionCode, string? outboundText = null);
}
