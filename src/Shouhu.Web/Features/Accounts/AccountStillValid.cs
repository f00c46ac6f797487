using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shouhu.Data;

namespace Shouhu.Web.Features.Accounts;

/// <summary>
/// Bearer tokens are self-contained; this middleware makes every signed-in request answer to the account as it is now:
/// a token or cookie issued before a password change (new security stamp), a lockout, or a withdrawn approval counts as
/// not signed in from the next request on (401 for the API, the login page for pages). One primary-key read per request.
/// </summary>
public static class AccountStillValid
{
    /// <summary>Adds the check right after authentication.</summary>
    public static IApplicationBuilder UseAccountStillValid(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true && !await IsValidAsync(context))
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity());
            if (context.Features.Get<IAuthenticateResultFeature>() is { } result)
            {
                // Authorization reads this result: without resetting it, the request would be "authenticated but forbidden" (403).
                result.AuthenticateResult = AuthenticateResult.NoResult();
            }
        }

        await next(context);
    });

    private static async Task<bool> IsValidAsync(HttpContext context)
    {
        var db = context.RequestServices.GetRequiredService<ShouhuDbContext>();
        var identity = context.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value;
        var id = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = context.User.FindFirstValue(identity.ClaimsIdentity.SecurityStampClaimType);
        var user = id is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.SecurityStamp, u.LockoutEnd, u.IsApproved }).FirstOrDefaultAsync(context.RequestAborted);
        return user is not null && user.IsApproved && user.SecurityStamp == stamp && !(user.LockoutEnd > DateTimeOffset.UtcNow);
    }
}
