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

    /// <summary>May publish a new version of a city's assessment instrument: civil-affairs officers (the handler admits only city- and province-level ones).</summary>
    public const string ManageInstruments = nameof(ManageInstruments);

    /// <summary>Any signed-in account, declared where a route is open to every role and its handler scopes what each sees (home, inbox, workbench, regions).</summary>
    public const string SignedIn = nameof(SignedIn);

    /// <summary>May read reports: whoever may record one (the reports they recorded; <c>Roles.ReportReaders</c> read every report of their jurisdiction).</summary>
    public const string ReadReports = nameof(ReadReports);

    /// <summary>May triage reports (研判): supervisors and officers.</summary>
    public const string TriageReports = nameof(TriageReports);

    /// <summary>May work on cases (个案): officers, supervisors, directors and social workers; which cases, per record (<c>CaseAccess</c>).</summary>
    public const string Casework = nameof(Casework);

    /// <summary>May send or receive referrals (转介): case staff send, the receiving organisation's staff receive (per record).</summary>
    public const string Referrals = nameof(Referrals);

    /// <summary>May assess guardianship risk and record home visits: officers, supervisors, directors (DOMAIN.md §4).</summary>
    public const string Monitor = nameof(Monitor);

    /// <summary>Every policy name, for the route inventory test: a route declares one of these or is anonymous.</summary>
    public static readonly IReadOnlyList<string> All =
        [SignedIn, SystemAdmin, ManageAccounts, ReadRegistry, WriteRegistry, RecordReports, ReadReports, TriageReports, Casework, Referrals, Monitor, ManageInstruments];

    /// <summary>Registers the policies.</summary>
    public static void Add(AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.AddPolicy(SystemAdmin, p => p.RequireRole(Roles.SystemAdmin));
        options.AddPolicy(ReadReports, p => p.RequireRole(Roles.ReportWriters));
        options.AddPolicy(TriageReports, p => p.RequireRole(Roles.CaseSupervisors));
        options.AddPolicy(Casework, p => p.RequireRole(Roles.CaseStaff));
        options.AddPolicy(Referrals, p => p.RequireRole(Roles.ReferralParties));
        options.AddPolicy(Monitor, p => p.RequireRole(Roles.Monitors));
        options.AddPolicy(ManageAccounts, p => p.RequireRole(Roles.AccountManagers));
        options.AddPolicy(ReadRegistry, p => p.RequireRole(Roles.RegistryReaders));
        options.AddPolicy(WriteRegistry, p => p.RequireRole(Roles.RegistryWriters));
        options.AddPolicy(RecordReports, p => p.RequireRole(Roles.ReportWriters));
        // An instrument belongs to a city (市级民政部门); the handler checks the level (Assessments/Instruments.cs).
        options.AddPolicy(ManageInstruments, p => p.RequireRole(Roles.CivilAffairsOfficer));
    }
}
