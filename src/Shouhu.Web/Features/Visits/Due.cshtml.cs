using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shouhu.Data;
using Shouhu.Web.Features.Workbench;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Visits;

/// <summary>Visits due within a week and overdue, earliest first — the list behind the workbench's due-visit count.</summary>
[Authorize(Policy = Policies.ReadRegistry)]
public sealed class DueModel(WorkbenchQueries workbench, ShouhuDbContext db) : PageModel
{
    public List<DueVisit> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Items = await workbench.DueVisitsAsync(Actor.From(User), ct);
        db.RecordAudit("List", "Child", null, db.Caller.JurisdictionCode ?? string.Empty, $"due-visits;rows={Items.Count}");
        await db.SaveChangesAsync(ct);
    }
}
