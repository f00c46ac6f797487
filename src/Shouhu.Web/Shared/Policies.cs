using Microsoft.AspNetCore.Authorization;
using Shouhu.Domain.Accounts;

namespace Shouhu.Web.Shared;

/// <summary>Named authorisation policies, in one place. The fallback policy requires a signed-in user everywhere.</summary>
public static class Policies
{
    /// <summary>System administrators only (audit trail).</summary>
    public const string SystemAdmin = nameof(SystemAdmin);

    /// <summary>May create and approve accounts and organisations inside their jurisdiction.</summary>
    public const string ManageAccounts = nameof(ManageAccounts);

    /// <summary>May read the child register of their jurisdiction.</summary>
    public const string ReadRegistry = nameof(ReadRegistry);

    /// <summary>May register and edit children.</summary>
    public const string WriteRegistry = nameof(WriteRegistry);

    /// <summary>May record reports (报告).</summary>
    public const string RecordReports = nameof(RecordReports);

    /// <summary>May create a new version of the assessment instrument (system administrators: it serves the whole deployment).</summary>
    public const string ManageInstruments = nameof(ManageInstruments);

    /// <summary>Registers the policies.</summary>
    public static void Add(AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(SystemAdmin, p => p.RequireRole(Roles.SystemAdmin));
        options.AddPolicy(ManageAccounts, p => p.RequireRole(Roles.AccountManagers));
        options.AddPolicy(ReadRegistry, p => p.RequireRole(Roles.RegistryReaders));
        options.AddPolicy(WriteRegistry, p => p.RequireRole(Roles.RegistryWriters));
        options.AddPolicy(RecordReports, p => p.RequireRole(Roles.ReportWriters));
        // The instrument is one for the whole deployment (not per jurisdiction): a county officer must not change what every
        // city scores with.
        options.AddPolicy(ManageInstruments, p => p.RequireRole(Roles.SystemAdmin));
    }
}
