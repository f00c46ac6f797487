using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Monitoring;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Notifications;

/// <summary>My notifications (消息), unread first; opening one marks it read and goes to the work.</summary>
public sealed class IndexModel(ShouhuDbContext db, TimeProvider clock) : PageModel
{
    public List<Notification> Items { get; private set; } = [];

    /// <summary>
    /// Names of the children the notifications lead to, as the reader may see them now: the stored text names no one
    /// (it also goes out through the outbound channel); the page adds the name from the register, within the reader's
    /// jurisdiction — a child who has moved away simply shows none.
    /// </summary>
    public Dictionary<string, string> ChildNames { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = Actor.From(User).Id;
        await MarkTriagedReportsReadAsync(me, ct);
        Items = await db.Notifications.AsNoTracking().Where(n => n.RecipientId == me).OrderBy(n => n.ReadAt != null).ThenByDescending(n => n.CreatedAt).Take(200).ToListAsync(ct);
        const string prefix = "/Children/Details/";
        var ids = Items.Select(n => n.Link.StartsWith(prefix, StringComparison.Ordinal) && Guid.TryParse(n.Link[prefix.Length..], out var g) ? g : (Guid?)null)
            .Where(g => g is not null).Select(g => g!.Value).Distinct().ToList();
        if (ids.Count > 0)
        {
            ChildNames = await db.Children.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => prefix + c.Id, c => c.Name, ct);
        }
    }

    /// <summary>
    /// Opens a message (<c>GET /Notifications?handler=Open&amp;id=…</c>, the card's link): marks it read and goes to its
    /// subject (report, case, child or referral page), so the address left is the subject's own. 404 for another's message.
    /// </summary>
    public async Task<IActionResult> OnGetOpenAsync(Guid id, CancellationToken ct)
    {
        var me = Actor.From(User).Id;
        var n = await db.Notifications.FirstOrDefaultAsync(x => x.Id == id && x.RecipientId == me, ct);
        if (n is null)
        {
            return NotFound();
        }

        n.ReadAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return LocalRedirect(n.Link.StartsWith('/') ? n.Link : "/");
    }

    /// <summary>
    /// A new-report notice goes to every triager of the level; once one of them has triaged the report, the others'
    /// notices have nothing left to do and no longer count as unread (they stay in the list, as read).
    /// </summary>
    private async Task MarkTriagedReportsReadAsync(string me, CancellationToken ct)
    {
        const string prefix = "/Reports/Details/";
        var unread = await db.Notifications.Where(n => n.RecipientId == me && n.ReadAt == null && n.Kind == NotificationKind.Report).ToListAsync(ct);
        var reportIds = unread.Select(n => n.Link.StartsWith(prefix, StringComparison.Ordinal) && Guid.TryParse(n.Link[prefix.Length..], out var g) ? g : (Guid?)null)
            .Where(g => g is not null).Select(g => g!.Value).Distinct().ToList();
        if (reportIds.Count == 0)
        {
            return;
        }

        var triaged = (await db.Reports.AsNoTracking().Where(r => reportIds.Contains(r.Id) && r.Status != Domain.Casework.ReportStatus.AwaitingTriage).Select(r => r.Id).ToListAsync(ct))
            .Select(id => prefix + id).ToHashSet(StringComparer.Ordinal);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var n in unread.Where(n => triaged.Contains(n.Link)))
        {
            n.ReadAt = now;
        }

        await db.SaveChangesAsync(ct);
    }
}
