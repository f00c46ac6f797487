using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shouhu.Data;

namespace Shouhu.Web.Features.Accounts;

/// <summary>Changes the caller's own password (same strength rule) and renews the sign-in.</summary>
public sealed class ChangePasswordModel(UserManager<ShouhuUser> users, SignInManager<ShouhuUser> signIn) : PageModel
{
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }
    public List<string> Errors { get; } = [];
    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (NewPassword != ConfirmPassword)
        {
            Errors.Add("两次输入的新密码不一致");
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, CurrentPassword ?? string.Empty, NewPassword ?? string.Empty);
        if (!result.Succeeded)
        {
            Errors.AddRange(result.Errors.Select(e => e.Description));
            return Page();
        }

        await signIn.RefreshSignInAsync(user);
        Done = true;
        return Page();
    }
}
