using Microsoft.AspNetCore.Identity;
using Shouhu.Data;

namespace Shouhu.Web.Features.Accounts;

/// <summary>Outcome of a password check.</summary>
public enum PasswordCheckResult
{
    /// <summary>Right password, account usable.</summary>
    Ok,
    /// <summary>Unknown account, wrong password, or locked out — told apart to nobody.</summary>
    Failed,
    /// <summary>Right password, but the self-registration still waits for approval (only said after the right password).</summary>
    NotApproved,
}

/// <summary>
/// The one password check of pages and API: 5 failures lock the account for 15 minutes; an unknown account costs the
/// same hashing work as a known one and gets the same answer, so neither timing nor wording tells which accounts exist;
/// "waiting for approval" is said only to whoever knows the password. Every attempt is audited.
/// </summary>
public sealed class PasswordCheck(UserManager<ShouhuUser> users, SignInManager<ShouhuUser> signIn, ShouhuDbContext db)
{
    private static readonly string DummyHash = new PasswordHasher<ShouhuUser>().HashPassword(new ShouhuUser(), "not-a-real-password-Aa1!");

    /// <summary>Checks; returns the account only for <see cref="PasswordCheckResult.Ok"/>.</summary>
    public async Task<(PasswordCheckResult Result, ShouhuUser? User)> CheckAsync(string? userName, string? password)
    {
        var user = string.IsNullOrWhiteSpace(userName) ? null : await users.FindByNameAsync(userName.Trim());
        if (user is null || string.IsNullOrEmpty(password))
        {
            users.PasswordHasher.VerifyHashedPassword(new ShouhuUser(), DummyHash, password ?? string.Empty);
            return (PasswordCheckResult.Failed, null);
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        var actor = (user.Id, user.UserName ?? string.Empty);
        if (result.Succeeded)
        {
            db.RecordAudit("Login", "User", user.Id, user.JurisdictionCode, actor: actor);
            await db.SaveChangesAsync();
            return (PasswordCheckResult.Ok, user);
        }

        if (result.IsNotAllowed && await users.CheckPasswordAsync(user, password))
        {
            db.RecordAudit("LoginNotApproved", "User", user.Id, user.JurisdictionCode, actor: actor);
            await db.SaveChangesAsync();
            return (PasswordCheckResult.NotApproved, null);
        }

        if (result.IsNotAllowed)
        {
            await users.AccessFailedAsync(user);
        }

        db.RecordAudit(result.IsLockedOut ? "LoginLockedOut" : "LoginFailed", "User", user.Id, user.JurisdictionCode, actor: actor);
        await db.SaveChangesAsync();
        return (PasswordCheckResult.Failed, null);
    }
}
