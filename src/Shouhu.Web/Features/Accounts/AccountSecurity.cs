using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Shouhu.Data;
using Shouhu.Domain.Accounts;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Accounts;

/// <summary>Password rule of <see cref="PasswordRule"/> as an Identity validator (8+ characters, 3 of 4 classes).</summary>
public sealed class ThreeOfFourClassesPasswordValidator : IPasswordValidator<ShouhuUser>
{
    /// <inheritdoc/>
    public Task<IdentityResult> ValidateAsync(UserManager<ShouhuUser> manager, ShouhuUser user, string? password) =>
        Task.FromResult(PasswordRule.Check(password) is { } message
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordStrength", Description = message })
            : IdentityResult.Success);
}

/// <summary>Adds the jurisdiction and display name to every principal (cookie and bearer token alike).</summary>
public sealed class ShouhuClaimsFactory(UserManager<ShouhuUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ShouhuUser, IdentityRole>(users, roles, options)
{
    /// <inheritdoc/>
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ShouhuUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(HttpCallerContext.JurisdictionClaim, user.JurisdictionCode));
        identity.AddClaim(new Claim(HttpCallerContext.DisplayNameClaim, user.DisplayName));
        if (user.OrganizationId is { } org)
        {
            identity.AddClaim(new Claim(HttpCallerContext.OrganizationClaim, org.ToString()));
        }
        return identity;
    }
}

/// <summary>Sign-in that refuses accounts still waiting for approval (self-registration).</summary>
public sealed class ShouhuSignInManager(
    UserManager<ShouhuUser> users,
    IHttpContextAccessor accessor,
    IUserClaimsPrincipalFactory<ShouhuUser> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<ShouhuUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ShouhuUser> confirmation)
    : SignInManager<ShouhuUser>(users, accessor, claims, options, logger, schemes, confirmation)
{
    /// <inheritdoc/>
    public override async Task<bool> CanSignInAsync(ShouhuUser user) => user.IsApproved && await base.CanSignInAsync(user);
}
