using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Shouhu.Data;
using Shouhu.Domain.Accounts;
using Shouhu.Domain.Children;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Accounts;

/// <summary>Self-registration: the account waits until an administrator of its jurisdiction approves it.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Shared.RateLimits.Registration)]
public sealed class RegisterModel(ShouhuDbContext db, CreateUser createUser) : PageModel
{
    public CreateUserRequest Form { get; private set; } = new(null, null, null, null, null, null);
    public ValidationErrors Errors { get; private set; } = new();
    public RegionPicker Picker { get; private set; } = null!;
    public bool Registered { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Picker = await RegionPicker.BuildAsync(db, "JurisdictionCode", null, 1, ct);

    public async Task<IActionResult> OnPostAsync(string? userName, string? displayName, string? password, string? role, string? jurisdictionCode, CancellationToken ct)
    {
        Form = new CreateUserRequest(userName, password, displayName, role, jurisdictionCode, null);
        if (role == Roles.SystemAdmin)
        {
            Errors.Add("role", "系统管理员账号不能自行注册");
        }
        else
        {
            var outcome = await createUser.RunAsync(Form, creatorRole: null, approved: false, ct);
            Errors = outcome.Errors;
            Registered = outcome.User is not null;
        }

        Picker = await RegionPicker.BuildAsync(db, "JurisdictionCode", RegionPicker.PickedIn(Request, "JurisdictionCode", jurisdictionCode), 1, ct);
        return Page();
    }
}
