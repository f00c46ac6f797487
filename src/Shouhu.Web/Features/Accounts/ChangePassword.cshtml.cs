using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shouhu.Data;
using Shouhu.Domain.Children;

namespace Shouhu.Web.Features.Accounts;

/// <summary>Changes the caller's own password (same strength rule) and renews the sign-in.</summary>
public sealed class ChangePasswordModel(UserManager<ShouhuUser> users, SignInManager<ShouhuUser> signIn, ShouhuDbContext db) : PageModel
{
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }
    /// <summary>Messages by field (<c>currentPassword</c>, <c>newPassword</c>, <c>confirmPassword</c>), each shown at its field.</summary>
    public ValidationErrors Errors { get; } = new();
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
            Errors.Add("confirmPassword", "两次输入的新密码不一致");
            return Page();
        }

        if (NewPassword == CurrentPassword)
        {
            Errors.Add("newPassword", "新密码不能与原密码相同");
            return Page();
        }

        // A wrong current password counts towards the lockout, as at login: a stolen session cannot guess it.
        if (!await users.CheckPasswordAsync(user, CurrentPassword ?? string.Empty))
        {
            await users.AccessFailedAsync(user);
            if (await users.IsLockedOutAsync(user))
            {
                await signIn.SignOutAsync();
                return RedirectToPage("/Accounts/Login");
            }

            Errors.Add("currentPassword", "原密码不正确");
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, CurrentPassword ?? string.Empty, NewPassword ?? string.Empty);
        if (!result.Succeeded)
        {
            // Identity's password rules (length, classes) are about the new password; anything else is shown there too.
            foreach (var e in result.Errors)
            {
                Errors.Add("newPassword", e.Description);
            }

            return Page();
        }

        db.RecordAudit("ChangePassword", "User", user.Id, user.JurisdictionCode);
        await db.SaveChangesAsync();
        await signIn.RefreshSignInAsync(user);
        Done = true;
        return Page();
    }
}
