using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shouhu.Data;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Visits;

/// <summary>Visits due within a week and overdue, earliest first, 100 a page — the list behind the workbench's due-visit count.</summary>
[Authorize(Policy = Policies.ReadRegistry)]
public sealed class DueModel(DueVisitList dueVisits, ShouhuDbContext db) : PageModel
{
    public DueVisitPage Due { get; private set; } = new([], 0, 1, 100);

    public int Pages => Math.Max(1, (Due.Total + Due.PageSize - 1) / Due.PageSize);

    /// <summary>The townships of the caller's county (an officer narrows the list to one), else empty.</summary>
    public List<(string Code, string Name)> Townships { get; private set; } = [];

    public string? Region { get; private set; }

    public async Task OnGetAsync(int? p, string? region, CancellationToken ct)
    {
        Region = region;
        var scope = db.Caller.JurisdictionCode ?? string.Empty;
        if (Domain.Regions.RegionCode.LevelOf(scope) is { } level && level <= 3)
        {
            var (low, high) = Domain.Regions.RegionCode.SubtreeRange(scope);
            Townships = (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                db.Regions.Where(r => r.Level == 4 && string.Compare(r.Code, low) >= 0 && string.Compare(r.Code, high) <= 0).OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }), ct))
                .Select(r => (r.Code, r.Name)).ToList();
        }

        Due = await dueVisits.PageAsync(p, 100, ct, region);
        db.RecordAudit("List", "Child", null, db.Caller.JurisdictionCode ?? string.Empty, $"due-visits;rows={Due.Items.Count}", children: Due.Items.Select(v => v.ChildId));
        await db.SaveChangesAsync(ct);
    }
}
