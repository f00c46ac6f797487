using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Notifications;

/// <summary>A notification in the API.</summary>
public sealed record NotificationResponse(Guid Id, string Kind, string Text, string Link, DateTimeOffset CreatedAt, bool Read);

/// <summary>My messages: <c>{items, unread}</c> — at most 200, unread first, and how many are unread.</summary>
public sealed record NotificationList(IReadOnlyList<NotificationResponse> Items, int Unread);

/// <summary>An outbox row in the API: recipient account id, channel, text, the region it is about, when queued and sent (UTC).</summary>
public sealed record OutboxResponse(Guid Id, string RecipientId, string Channel, string Text, string RegionCode, DateTime CreatedAt, DateTime? SentAt);

/// <summary><c>/api/v1/notifications</c> (mine) and <c>/api/v1/outbox</c> (SystemAdmin).</summary>
public static class NotificationsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static void MapNotificationsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/notifications").WithTags("Notifications").RequireAuthorization(Policies.SignedIn);
        g.MapGet("/", async Task<Ok<NotificationList>> (ShouhuDbContext db, ClaimsPrincipal u, CancellationToken ct) =>
        {
            var me = Actor.From(u).Id;
            var rows = await db.Notifications.AsNoTracking().Where(n => n.RecipientId == me).OrderBy(n => n.ReadAt != null).ThenByDescending(n => n.CreatedAt).Take(200).ToListAsync(ct);
            return TypedResults.Ok(new NotificationList(
                rows.Select(n => new NotificationResponse(n.Id, n.Kind.ToString(), n.Text, n.Link, ChinaTime.ToChina(n.CreatedAt), n.ReadAt is not null)).ToList(),
                await db.Notifications.CountAsync(n => n.RecipientId == me && n.ReadAt == null, ct)));
        }).WithSummary("我的消息（未读在前）");
        g.MapPost("/{id:guid}/read", async Task<Results<NoContent, NotFound>> (Guid id, ShouhuDbContext db, ClaimsPrincipal u, TimeProvider clock, CancellationToken ct) =>
        {
            var me = Actor.From(u).Id;
            var changed = await db.Notifications.Where(n => n.Id == id && n.RecipientId == me && n.ReadAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, clock.GetUtcNow().UtcDateTime), ct);
            return changed == 1 || await db.Notifications.AnyAsync(n => n.Id == id && n.RecipientId == me, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
        }).WithSummary("标为已读");
        // The jurisdiction filter applies: an administrator reads the messages about their own jurisdiction only.
        api.MapGet("/outbox", async (ShouhuDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.OutboxMessages.AsNoTracking().OrderByDescending(m => m.CreatedAt).Take(500)
                .Select(m => new OutboxResponse(m.Id, m.RecipientId, m.Channel, m.Text, m.RegionCode, m.CreatedAt, m.SentAt)).ToListAsync(ct)))
            .RequireAuthorization(Policies.SystemAdmin).WithTags("Notifications").WithSummary("外发消息队列（短信/邮件适配器之前；本辖区的）");
    }
}
