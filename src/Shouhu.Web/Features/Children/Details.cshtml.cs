using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shouhu.Data;
using Shouhu.Domain.Regions;
using Shouhu.Web.Features.Regions;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Children;

/// <summary>One child's record (audited as a View); 404 outside the jurisdiction.</summary>
[Authorize(Policy = Policies.ReadRegistry)]
public sealed class DetailsModel(ChildQueries queries, ShouhuDbContext db) : PageModel
{
    public ChildResponse Child { get; private set; } = null!;
    public List<Region> Path { get; private set; } = [];
    public bool JustCreated { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, bool created, CancellationToken ct)
    {
        if (await queries.GetAsync(id, User.FindFirstValue(ClaimTypes.Role), ct) is not { } child)
        {
            return NotFound();
        }

        Child = child;
        JustCreated = created;
        Path = (await RegionsApi.PathAsync(db, child.ResidenceRegionCode, ct)).Where(r => r.Level >= 3).ToList();
        return Page();
    }
}
