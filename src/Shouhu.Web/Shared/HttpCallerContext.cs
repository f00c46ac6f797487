using System.Security.Claims;
using Shouhu.Data;

namespace Shouhu.Web.Shared;

/// <summary>The caller of the current HTTP request, read from its authenticated principal each time it is asked.</summary>
public sealed class HttpCallerContext(IHttpContextAccessor accessor) : ICallerContext
{
    /// <summary>Claim type carrying the account's jurisdiction (NBS code).</summary>
    public const string JurisdictionClaim = "shouhu:jurisdiction";

    /// <summary>Claim type carrying the account's display name.</summary>
    public const string DisplayNameClaim = "shouhu:display_name";

    /// <summary>Claim type carrying the account's organisation id (referral inbox).</summary>
    public const string OrganizationClaim = "shouhu:organization";

    /// <inheritdoc/>
    public CallerScope Scope
    {
        get
        {
            var http = accessor.HttpContext;
            if (http is null)
            {
                return CallerScope.Nobody;
            }

            var user = http.User;
            var address = http.Connection.RemoteIpAddress?.ToString();
            if (user.Identity?.IsAuthenticated != true)
            {
                return CallerScope.Nobody with { ClientAddress = address };
            }

            return new CallerScope(
                user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown",
                user.Identity.Name ?? "unknown",
                user.FindFirstValue(JurisdictionClaim),
                IsSystem: false,
                address);
        }
    }
}
