using System.Security.Claims;
using Shouhu.Data;

namespace Shouhu.Web.Shared;

/// <summary>
/// The caller of the current HTTP request, read from its authenticated principal each time it is asked — or, in a
/// background scope acting for an account (a survey import committed after the user closed the tab), the scope set on
/// <see cref="BackgroundCaller"/>.
/// </summary>
public sealed class HttpCallerContext(IHttpContextAccessor accessor, BackgroundCaller background) : ICallerContext
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
            if (background.Scope is { } acting)
            {
                return acting;
            }

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

/// <summary>
/// The account a background scope acts for (scoped; empty in a request): set once, right after the scope is created, by
/// the background work that resumes an account's task (<c>ImportRunner</c>). Every service of the scope — the context,
/// its jurisdiction filter and guard, the audit trail — then acts as that account, exactly as in its own request.
/// </summary>
public sealed class BackgroundCaller
{
    /// <summary>The account's scope, or null (the request's caller applies).</summary>
    public CallerScope? Scope { get; private set; }

    /// <summary>Sets the scope; once only.</summary>
    /// <exception cref="InvalidOperationException">A scope was set already.</exception>
    public void ActAs(CallerScope scope)
    {
        if (Scope is not null)
        {
            throw new InvalidOperationException("The background caller is set once per scope.");
        }

        Scope = scope;
    }
}
