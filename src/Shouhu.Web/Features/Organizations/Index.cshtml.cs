using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Children;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Organizations;

/// <summary>Organisations of the jurisdiction, and a form to add one (same rules as the API).</summary>
[Authorize(Policy = Policies.ManageAccounts)]
public sealed class IndexModel(ShouhuDbContext db, CreateOrganization create) : PageModel
{
    public List<OrganizationResponse> Organizations { get; private set; } = [];
    public Dictionary<string, string> RegionNames { get; private set; } = [];
    public CreateOrganizationRequest Form { get; private set; } = new(null, null, null, null);
    public ValidationErrors Errors { get; private set; } = new();
    public RegionPicker Picker { get; private set; } = null!;
    public OrganizationResponse? Created { get; private set; }
    public string? Forbidden { get; private set; }

    public async Task OnGetAsync(string? created, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(created))
        {
            Created = new OrganizationResponse(Guid.Empty, created, string.Empty, string.Empty, null);
        }

        await LoadAsync(null, ct);
    }

    public async Task<IActionResult> OnPostAsync(string? name, string? kind, string? regionCode, CancellationToken ct)
    {
        Form = new CreateOrganizationRequest(name, kind, regionCode, null);
        var outcome = await create.RunAsync(Form, ct);
        Errors = outcome.Errors;
        Forbidden = outcome.Forbidden;
        if (outcome.Organization is { } org)
        {
            // Post/redirect/get: a reload or a second click does not create it again.
            return RedirectToPage(new { created = org.Name });
        }

        await LoadAsync(RegionPicker.PickedIn(Request, "RegionCode", regionCode), ct);
        return Page();
    }

    private async Task LoadAsync(string? selected, CancellationToken ct)
    {
        Organizations = (await OrganizationsApi.InJurisdiction(db).OrderBy(o => o.RegionCode).ThenBy(o => o.Name).Take(1000).ToListAsync(ct))
            .Select(CreateOrganization.ToResponse).ToList();
        var codes = Organizations.Select(o => o.RegionCode).Distinct().ToList();
        RegionNames = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        Picker = await RegionPicker.BuildAsync(db, "RegionCode", selected, 1, ct);
    }
}
