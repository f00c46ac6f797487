using System.Security.Claims;
using Shouhu.Data;
using Shouhu.Domain.Monitoring;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Notifications;

/// <summary>
/// An outbound channel (SMS, e-mail…) behind one interface. The default, <see cref="OutboxChannel"/>, stores the message in
/// the outbox table; a gateway adaptor registered instead of it sends for real. Texts carry no personal data.
/// </summary>
public interface INotificationChannel
{
    /// <summary>Queues or sends <paramref name="message"/> (added to <paramref name="db"/>; the caller saves).</summary>
    void Send(ShouhuDbContext db, OutboxMessage message);
}

/// <summary>The default channel: the outbox table, read by administrators at <c>GET /api/v1/outbox</c>.</summary>
public sealed class OutboxChannel : INotificationChannel
{
    /// <inheritdoc/>
    public void Send(ShouhuDbContext db, OutboxMessage message)
    {
        message.Channel = "outbox";
        db.OutboxMessages.Add(message);
    }
}

/// <summary>
/// Creates notices (in-app, and through the outbound channel) for assignments, referrals, reports and alerts: the
/// implementation of the shared port <see cref="INotices"/>.
/// </summary>
public sealed class Notifier(INotificationChannel channel, TimeProvider clock) : INotices
{
    /// <inheritdoc/>
    public void Queue(ShouhuDbContext db, IEnumerable<string?> recipients, NotificationKind kind, string text, string link, string regionCode, string? outboundText = null)
    {
        var outbound = outboundText ?? text;
        if (OutboundText.HasLabel(outbound))
        {
            throw new ArgumentException("An outbound text names a protection category.", outboundText is null ? nameof(text) : nameof(outboundText));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var id in recipients.Where(r => !string.IsNullOrEmpty(r)).Distinct())
        {
            db.Notifications.Add(new Notification { RecipientId = id!, Kind = kind, Text = text, Link = link, CreatedAt = now });
            channel.Send(db, new OutboxMessage { RecipientId = id!, Text = outbound, CreatedAt = now, RegionCode = regionCode });
        }
    }
}
