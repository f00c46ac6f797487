using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Monitoring;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Alerts;

/// <summary>My open alerts (预警), most severe and earliest due first — the same query as the workbench count.</summary>
public sealed class IndexModel(Workbench.WorkbenchQueries workbench, ShouhuDbContext db) : PageModel
{
    public List<Alert> Items { get; private set; } = [];
    public Dictionary<Guid, string> ChildNames { get; private set; } = [];
    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var q = workbench.Alerts(Actor.From(User));
        Total = await q.CountAsync(ct);
        Items = await q.OrderByDescending(a => a.Severity).ThenBy(a => a.DueAt).Take(200).ToListAsync(ct);
        var ids = Items.Where(a => a.ChildId is not null).Select(a => a.ChildId!.Value).Distinct().ToList();
        ChildNames = await db.Children.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        db.RecordAudit("List", "Alert", null, db.Caller.JurisdictionCode ?? string.Empty, $"rows={Items.Count}");
        await db.SaveChangesAsync(ct);
    }
}
