using System.Security.Claims;

namespace Shouhu.Web.Shared;

/// <summary>The signed-in account as casework needs it: id, names, role, jurisdiction and organisation (from the claims of the token or cookie).</summary>
/// <param name="Id">Account id.</param>
/// <param name="UserName">Login name.</param>
/// <param name="DisplayName">Real name shown to colleagues.</param>
/// <param name="Role">The account's one role (<c>Shouhu.Domain.Accounts.Roles</c>).</param>
/// <param name="Jurisdiction">NBS code of the account's jurisdiction.</param>
/// <param name="OrganizationId">The account's organisation, if any.</param>
public sealed record Actor(string Id, string UserName, string DisplayName, string Role, string Jurisdiction, Guid? OrganizationId)
{
    /// <summary>Reads the actor from a principal.</summary>
    public static Actor From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty,
        user.Identity?.Name ?? string.Empty,
        user.FindFirstValue(HttpCallerContext.DisplayNameClaim) ?? user.Identity?.Name ?? string.Empty,
        user.FindFirstValue(ClaimTypes.Role) ?? string.Empty,
        user.FindFirstValue(HttpCallerContext.JurisdictionClaim) ?? string.Empty,
        Guid.TryParse(user.FindFirstValue(HttpCallerContext.OrganizationClaim), out var org) ? org : null);
}
