using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shouhu.Data;
using Shouhu.Web.Features.Workbench;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Visits;

/// <summary>Visits due within a week and overdue, earliest first, 100 a page — the list behind the workbench's due-visit count.</summary>
[Authorize(Policy = Policies.ReadRegistry)]
public sealed class DueModel(WorkbenchQueries workbench, ShouhuDbContext db) : PageModel
{
    public DueVisitPage Due { get; private set; } = new([], 0, 1, 100);

    public int Pages => Math.Max(1, (Due.Total + Due.PageSize - 1) / Due.PageSize);

    public async Task OnGetAsync(int? p, CancellationToken ct)
    {
        Due = await workbench.DueVisitPageAsync(p, 100, ct);
        db.RecordAudit("List", "Child", null, db.Caller.JurisdictionCode ?? string.Empty, $"due-visits;rows={Due.Items.Count}");
        await db.SaveChangesAsync(ct);
    }
}
