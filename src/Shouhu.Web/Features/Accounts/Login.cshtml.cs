using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shouhu.Data;

namespace Shouhu.Web.Features.Accounts;

/// <summary>Account + password login; 5 failures lock the account for 15 minutes; unapproved accounts are refused.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Shared.RateLimits.SignIn)]
public sealed class LoginModel(SignInManager<ShouhuUser> signIn, PasswordCheck check) : PageModel
{
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (result, user, lockedUntil) = await check.CheckAsync(UserName, Password);
        if (result == PasswordCheckResult.Ok)
        {
            await signIn.SignInAsync(user!, isPersistent: false);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        Error = result switch
        {
            PasswordCheckResult.NotApproved => "账号尚未通过辖区管理员审批",
            PasswordCheckResult.LockedOut => PasswordCheck.LockedMessage(lockedUntil),
            _ => "账号或密码错误（连续失败5次将锁定15分钟）",
        };
        return Page();
    }
}
