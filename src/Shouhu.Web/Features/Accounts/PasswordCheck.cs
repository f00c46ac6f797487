using Microsoft.AspNetCore.Identity;
using Shouhu.Data;
using Shouhu.Domain.Time;

namespace Shouhu.Web.Features.Accounts;

/// <summary>Outcome of a password check.</summary>
public enum PasswordCheckResult
{
    /// <summary>Right password, account usable.</summary>
    Ok,
    /// <summary>Unknown account, wrong password (a locked account's included) — told apart to nobody.</summary>
    Failed,
    /// <summary>Right password, but the self-registration still waits for approval (only said after the right password).</summary>
    NotApproved,
    /// <summary>Right password, but the account is locked (only said after the right password, with the time it opens again).</summary>
    LockedOut,
}

/// <summary>
/// The one password check of pages and API: 5 failures lock the account for 15 minutes. Every answer without the right
/// password is the same and costs the same — one password hash and one audit entry — whether the account is unknown,
/// locked or exists (issue #9 finding 14), so neither wording nor timing tells which accounts exist or are locked. Only
/// whoever knows the password learns that the account waits for approval or is locked, and until when (issue #10 item 15).
/// Every attempt is audited.
/// </summary>
public sealed class PasswordCheck(UserManager<ShouhuUser> users, SignInManager<ShouhuUser> signIn, ShouhuDbContext db, DummyPasswordHash dummy)
{

    /// <summary>Checks; returns the account only for <see cref="PasswordCheckResult.Ok"/>, and the end of a lockout (UTC) only for <see cref="PasswordCheckResult.LockedOut"/>.</summary>
    public async Task<(PasswordCheckResult Result, ShouhuUser? User, DateTimeOffset? LockedUntil)> CheckAsync(string? userName, string? password)
    {
        var user = string.IsNullOrWhiteSpace(userName) ? null : await users.FindByNameAsync(userName.Trim());
        if (user is null || string.IsNullOrEmpty(password))
        {
            users.PasswordHasher.VerifyHashedPassword(new ShouhuUser(), dummy.Value, password ?? string.Empty);
            // Audited like a failure on a known account (the same write, so the same time); the typed name is not kept.
            db.RecordAudit("LoginFailed", "User", user?.Id, user?.JurisdictionCode ?? string.Empty, user is null ? "unknown-account" : "no-password",
                actor: user is null ? ("anonymous", "anonymous") : (user.Id, user.UserName ?? string.Empty));
            await db.SaveChangesAsync();
            return (PasswordCheckResult.Failed, null, null);
        }

        var actor = (user.Id, user.UserName ?? string.Empty);
        if (await users.IsLockedOutAsync(user))
        {
            // Identity answers a locked account without hashing (fast, so it gave the lockout away); hash here as for any other.
            var right = user.PasswordHash is { } hash && users.PasswordHasher.VerifyHashedPassword(user, hash, password) != PasswordVerificationResult.Failed;
            db.RecordAudit("LoginLockedOut", "User", user.Id, user.JurisdictionCode, right ? "password-right" : null, actor: actor);
            await db.SaveChangesAsync();
            return right ? (PasswordCheckResult.LockedOut, null, user.LockoutEnd) : (PasswordCheckResult.Failed, null, null);
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            db.RecordAudit("Login", "User", user.Id, user.JurisdictionCode, actor: actor);
            await db.SaveChangesAsync();
            return (PasswordCheckResult.Ok, user, null);
        }

        if (result.IsNotAllowed && await users.CheckPasswordAsync(user, password))
        {
            db.RecordAudit("LoginNotApproved", "User", user.Id, user.JurisdictionCode, actor: actor);
            await db.SaveChangesAsync();
            return (PasswordCheckResult.NotApproved, null, null);
        }

        if (result.IsNotAllowed)
        {
            await users.AccessFailedAsync(user);
        }

        // A wrong password, also the fifth one that locks the account now: the same answer as any wrong password.
        db.RecordAudit(result.IsLockedOut ? "LoginLockedOut" : "LoginFailed", "User", user.Id, user.JurisdictionCode, actor: actor);
        await db.SaveChangesAsync();
        return (PasswordCheckResult.Failed, null, null);
    }

    /// <summary>What a locked account is told once its password was right: until when, in China Standard Time.</summary>
    public static string LockedMessage(DateTimeOffset? until) =>
        until is { } end
            ? $"账号已锁定（连续5次密码错误），请于北京时间 {ChinaTime.ToChina(end.UtcDateTime):yyyy-MM-dd HH:mm} 后再登录，或请辖区管理员解锁。"
            : "账号已锁定，请联系辖区管理员解锁。";
}

/// <summary>
/// The hash an attempt on an unknown account is checked against, made once by the configured password hasher so that
/// checking it costs what checking a real account's hash costs (the same PBKDF2 iteration count, whatever
/// <see cref="PasswordHasherOptions"/> say). Singleton.
/// </summary>
public sealed class DummyPasswordHash(Microsoft.Extensions.Options.IOptions<PasswordHasherOptions> options)
{
    private readonly Lazy<string> _hash = new(() => new PasswordHasher<ShouhuUser>(options).HashPassword(new ShouhuUser(), "not-a-real-password-Aa1!"));

    /// <summary>The hash (Identity v3 format).</summary>
    public string Value => _hash.Value;
}
