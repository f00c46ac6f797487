using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Shouhu.Data;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Accounts;

/// <summary><c>POST /api/v1/auth/token</c> and <c>POST /api/v1/users</c> (API-CONTRACT.md).</summary>
public static class AccountsApi
{
    /// <summary>Body of the token request.</summary>
    public sealed record TokenRequest(string? UserName, string? Password);

    /// <summary>Maps the endpoints.</summary>
    public static void MapAccountsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", IssueTokenAsync).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn).WithTags("Accounts")
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .Produces<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>(StatusCodes.Status200OK) // written by the bearer-token handler
            .WithSummary("用账号和密码换取访问令牌 → {accessToken, expiresIn}");
        api.MapPost("/users", CreateUserAsync).RequireAuthorization(Policies.ManageAccounts).WithTags("Accounts")
            .WithSummary("创建账号（辖区须在创建者辖区之内）");
    }

    /// <summary>
    /// Checks the password (5 failures lock the account for 15 minutes) and issues a bearer token; 401 otherwise, with one
    /// answer for every wrong password — and, after the right password of a locked account, "账号已锁定" with <c>lockedUntil</c> (+08:00).
    /// </summary>
    public static async Task<Results<SignInHttpResult, UnauthorizedProblem>> IssueTokenAsync(TokenRequest body, PasswordCheck check, SignInManager<ShouhuUser> signIn)
    {
        var (result, user, lockedUntil) = await check.CheckAsync(body.UserName, body.Password);
        if (result == PasswordCheckResult.LockedOut)
        {
            // Only after the right password: the account is locked, and until when (+08:00).
            return new UnauthorizedProblem("账号已锁定", PasswordCheck.LockedMessage(lockedUntil),
                new Dictionary<string, object?> { ["lockedUntil"] = lockedUntil is { } end ? Domain.Time.ChinaTime.ToChina(end.UtcDateTime) : null });
        }

        if (result != PasswordCheckResult.Ok)
        {
            return new UnauthorizedProblem("登录失败", "账号或密码错误（连续失败5次将锁定15分钟）。");
        }

        var principal = await signIn.CreateUserPrincipalAsync(user!);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    /// <summary>Creates an approved account; 400 naming the field, 403 when the caller may not create it there.</summary>
    public static async Task<Results<Created<UserResponse>, ValidationProblem, ForbiddenProblem>> CreateUserAsync(
        CreateUserRequest body, ClaimsPrincipal caller, CreateUser handler, CancellationToken ct)
    {
        var role = caller.FindFirstValue(ClaimTypes.Role);
        if (role is null || !Domain.Accounts.Roles.AccountManagers.Contains(role))
        {
            return OutcomeResults.Forbidden("您的角色不能创建账号。");
        }

        var outcome = await handler.RunAsync(body, role, approved: true, ct);
        if (outcome.Forbidden is { } why)
        {
            return OutcomeResults.Forbidden(why);
        }

        return outcome.User is { } user
            ? TypedResults.Created($"/api/v1/users/{user.Id}", user)
            : TypedResults.ValidationProblem(outcome.Errors.ToDictionary(), title: "输入有误");
    }
}
