using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
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

/// <summary>Creates notifications (in-app, and through the outbound channel) for assignments, referrals and alerts.</summary>
public sealed class Notifier(ShouhuDbContext db, INotificationChannel channel, TimeProvider clock)
{
    /// <summary>
    /// Queues a notification for each of <paramref name="recipients"/> (once each, empty ids skipped) in the caller's unit
    /// of work: the caller's save writes them with the action they announce, or neither. <paramref name="regionCode"/> is
    /// the region of what it is about (the case), which scopes the outbox row. The text must carry no name and no
    /// protection category (<see cref="OutboundText"/>): an <see cref="ArgumentException"/> otherwise (a programming error).
    /// </summary>
    public void Queue(IEnumerable<string?> recipients, NotificationKind kind, string text, string link, string regionCode)
    {
        if (OutboundText.HasLabel(text))
        {
            throw new ArgumentException("An outbound text names a protection category.", nameof(text));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var id in recipients.Where(r => !string.IsNullOrEmpty(r)).Distinct())
        {
            db.Notifications.Add(new Notification { RecipientId = id!, Kind = kind, Text = text, Link = link, CreatedAt = now });
            channel.Send(db, new OutboxMessage { RecipientId = id!, Text = text, CreatedAt = now, RegionCode = regionCode });
        }
    }

    /// <summary>The accounts that receive referrals for <paramref name="organizationId"/>.</summary>
    public Task<List<string>> ReceiversAsync(Guid organizationId, CancellationToken ct) =>
        db.Users.AsNoTracking().Where(u => u.OrganizationId == organizationId && u.IsApproved && Domain.Accounts.Roles.ReferralReceivers.Contains(u.Role)).Select(u => u.Id).ToListAsync(ct);
}
