using Microsoft.AspNetCore.Identity;

namespace Shouhu.Data;

/// <summary>An account (ASP.NET Core Identity user) with its organisation, role and jurisdiction.</summary>
public class ShouhuUser : IdentityUser
{
    /// <summary>Real name shown to colleagues (real-name registration is required in the field).</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The one role of the account (see <c>Shouhu.Domain.Accounts.Roles</c>); also held as an Identity role.</summary>
    public string Role { get; set; } = string.Empty;

    /// <summary>NBS code of the region subtree the account acts in.</summary>
    public string JurisdictionCode { get; set; } = string.Empty;

    /// <summary>Organisation the account belongs to.</summary>
    public Guid? OrganizationId { get; set; }

    /// <summary>False while a self-registration waits for an administrator of the jurisdiction.</summary>
    public bool IsApproved { get; set; }

    /// <summary>When the account was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Account id of whoever approved it.</summary>
    public string? ApprovedBy { get; set; }
}
