using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shouhu.Data;

namespace Shouhu.Web.Features.Accounts;

/// <summary>Signs out (POST only, with antiforgery).</summary>
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<ShouhuUser> signIn) : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("/Accounts/Login");
    }
}
