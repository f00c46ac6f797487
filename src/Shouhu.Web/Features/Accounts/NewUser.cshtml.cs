using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Children;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Accounts;

/// <summary>An administrator creates an approved account inside their own jurisdiction (same rules as <c>POST /api/v1/users</c>).</summary>
[Authorize(Policy = Policies.ManageAccounts)]
public sealed class NewUserModel(ShouhuDbContext db, CreateUser createUser) : PageModel
{
    public CreateUserRequest Form { get; private set; } = new(null, null, null, null, null, null);
    public ValidationErrors Errors { get; private set; } = new();
    public RegionPicker Picker { get; private set; } = null!;
    public List<OrganizationOption> Organizations { get; private set; } = [];
    public UserResponse? Created { get; private set; }
    public string? Forbidden { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(null, ct);

    public async Task<IActionResult> OnPostAsync(string? userName, string? displayName, string? password, string? role, string? jurisdictionCode, Guid? organizationId, CancellationToken ct)
    {
        Form = new CreateUserRequest(userName, password, displayName, role, jurisdictionCode, organizationId);
        var outcome = await createUser.RunAsync(Form, User.FindFirstValue(ClaimTypes.Role), approved: true, ct);
        Errors = outcome.Errors;
        Forbidden = outcome.Forbidden;
        Created = outcome.User;
        if (Created is not null)
        {
            Form = new CreateUserRequest(null, null, null, null, null, null);
        }

        await LoadAsync(Created is null ? RegionPicker.PickedIn(Request, "JurisdictionCode", jurisdictionCode) : null, ct);
        return Page();
    }

    private async Task LoadAsync(string? selected, CancellationToken ct)
    {
        Picker = await RegionPicker.BuildAsync(db, "JurisdictionCode", selected, 1, ct);
        // The organisations of the caller's subtree, as the organisations list scopes them (not personal data: scoped here,
        // not by the global filter).
        Organizations = await db.WithinJurisdiction(db.Organizations.AsNoTracking(), o => o.RegionCode).OrderBy(o => o.RegionCode).ThenBy(o => o.Name).Take(500)
            .Select(o => new OrganizationOption(o.Id, o.Name)).ToListAsync(ct);
    }
}

/// <summary>An organisation the new account may belong to, as the form's list offers it: its id and name.</summary>
public sealed record OrganizationOption(Guid Id, string Name);
