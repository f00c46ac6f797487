using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shouhu.Data;

namespace Shouhu.Web.Features.Accounts;

/// <summary>Signs out (POST only, with antiforgery).</summary>
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<ShouhuUser> signIn, ShouhuDbContext db) : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            db.RecordAudit("Logout", "User", db.Caller.ActorId, db.Caller.JurisdictionCode ?? string.Empty);
            await db.SaveChangesAsync();
        }

        await signIn.SignOutAsync();
        return RedirectToPage("/Accounts/Login");
    }
}
