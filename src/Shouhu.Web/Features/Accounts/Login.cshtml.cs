using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shouhu.Data;

namespace Shouhu.Web.Features.Accounts;

/// <summary>Account + password login; 5 failures lock the account for 15 minutes; unapproved accounts are refused.</summary>
[AllowAnonymous]
public sealed class LoginModel(SignInManager<ShouhuUser> signIn, UserManager<ShouhuUser> users) : PageModel
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
        var user = string.IsNullOrWhiteSpace(UserName) ? null : await users.FindByNameAsync(UserName.Trim());
        if (user is null || string.IsNullOrEmpty(Password))
        {
            Error = "账号或密码错误";
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        Error = result.IsLockedOut ? "登录失败次数过多，账号已锁定15分钟"
            : result.IsNotAllowed ? "账号尚未通过辖区管理员审批"
            : "账号或密码错误";
        return Page();
    }
}
