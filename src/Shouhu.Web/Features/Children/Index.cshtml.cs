using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Accounts;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Children;

/// <summary>The child list of the caller's jurisdiction: search by name or ID number, filter by category and region; ID numbers masked.</summary>
[Authorize(Policy = Policies.ReadRegistry)]
public sealed class IndexModel(ChildQueries queries, ShouhuDbContext db) : PageModel
{
    public string? Q { get; private set; }
    public string? Category { get; private set; }
    public string? RegionCode { get; private set; }
    public string? RegionName { get; private set; }
    public bool CanRegister { get; private set; }
    public ChildPage Result { get; private set; } = new([], 0, 1, 20);

    public async Task OnGetAsync(string? q, string? category, string? regionCode, int? page, CancellationToken ct)
    {
        (Q, Category, RegionCode) = (q, category, regionCode);
        CanRegister = User.FindFirstValue(ClaimTypes.Role) is { } role && Roles.RegistryWriters.Contains(role);
        if (!string.IsNullOrEmpty(regionCode))
        {
            RegionName = await db.Regions.AsNoTracking().Where(r => r.Code == regionCode).Select(r => r.Name).FirstOrDefaultAsync(ct);
        }

        Result = await queries.ListAsync(q, regionCode, category, page, 20, ct);
    }
}
