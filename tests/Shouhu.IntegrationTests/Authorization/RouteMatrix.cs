using Shouhu.Domain.Accounts;

namespace Shouhu.IntegrationTests.Authorization;

/// <summary>What kind of answer a route gives, which decides what each caller should get.</summary>
public enum Kind
{
    /// <summary>Not bound to a record or region (the instrument, the API description, regions): every role in Who gets an answer.</summary>
    Global,

    /// <summary>A write that creates (body <c>{}</c>, so it stops at validation): every role in Who gets past authorisation.</summary>
    Create,

    /// <summary>A list or count of the caller's jurisdiction: 200 for Who, nothing from outside.</summary>
    List,

    /// <summary>A read of the world's record: Who ∩ Sees at own or parent scope read it; anyone else in Who gets what an absent record gets.</summary>
    Record,

    /// <summary>A write to the world's record (body <c>{}</c>): Who ∩ Sees at own or parent scope get past authorisation (a per-record rule may still answer 403); anyone else gets what an absent record gets.</summary>
    Step,

    /// <summary>The recipient's own record (a notification): only the recipient reaches it.</summary>
    Mine,
}

/// <summary>What a caller should get.</summary>
public enum Expect
{
    /// <summary>Past authorisation: not 401, 403 or 404 (a page: 200).</summary>
    Allowed,

    /// <summary>Reaches the record: not 401 or 404 (403 from a per-record rule is an answer about a record the caller may see).</summary>
    Reach,

    /// <summary>Refused for the role: 403 (a page: to 拒绝访问).</summary>
    Denied,

    /// <summary>Indistinguishable from an absent record: not a success, and the same status as for a random id.</summary>
    Hidden,
}

/// <summary>One route or page of the application and who may use it.</summary>
/// <param name="Key">The endpoint as the inventory names it: <c>GET /api/v1/cases/{id:guid}</c>, or <c>PAGE Cases/Details/{id:guid}</c>.</param>
/// <param name="Path">The path tried, with placeholders <c>{child}</c>, <c>{case}</c>, <c>{report}</c>, <c>{referral}</c>, <c>{guardian}</c>, <c>{category}</c>, <c>{attachment}</c>, <c>{import}</c>, <c>{notification}</c>, <c>{export}</c> (the notification recipient's).</param>
/// <param name="Who">Roles the route's policy admits, as letters: A SystemAdmin, O CivilAffairsOfficer, S ChildSupervisor, D ChildDirector, H HotlineOperator, W SocialWorker, L MemberUnitLiaison, V Volunteer; <c>*</c> every role.</param>
/// <param name="Kind">What kind of answer it gives.</param>
/// <param name="Sees">For records: the roles that reach the world's record at own or parent scope (W: the assigned social worker; L: the receiving organisation's liaison).</param>
/// <param name="Shows">For lists: the roles whose own-scope answer must contain the world's child (proves the leak check can see a leak).</param>
/// <param name="NotTried">Why the route is listed but not requested (e.g. it signs the caller out).</param>
/// <param name="Custom">An expectation other than the kind's, per caller.</param>
/// <param name="FreshGuardian">Replace <c>{guardian}</c> with a new family member before each request (the route deletes it).</param>
public sealed record Rule(string Key, string Path, string Who, Kind Kind, string Sees = "", string Shows = "", string? NotTried = null,
    Func<Caller, Expect>? Custom = null, bool FreshGuardian = false)
{
    /// <summary>HTTP method of the route (pages: GET).</summary>
    public string Method => Key.StartsWith("PAGE ", StringComparison.Ordinal) ? "GET" : Key[..Key.IndexOf(' ', StringComparison.Ordinal)];

    /// <summary>Whether it is a page or a page-side route (cookie: not under <c>/api/</c>) rather than an API route (bearer token).</summary>
    public bool IsPage => Key.StartsWith("PAGE ", StringComparison.Ordinal) || !Path.StartsWith("/api/", StringComparison.Ordinal);

    /// <summary>The expectation for <paramref name="caller"/>.</summary>
    public Expect ExpectFor(Caller caller, string notificationRecipient)
    {
        if (Custom is not null)
        {
            return Custom(caller);
        }

        if (Who != "*" && !Who.Contains(RouteMatrix.Letter(caller.Role), StringComparison.Ordinal))
        {
            return Expect.Denied;
        }

        var inScope = caller.Scope is Scope.Own or Scope.Parent;
        return Kind switch
        {
            Kind.Global or Kind.Create or Kind.List => Expect.Allowed,
            Kind.Record => inScope && Sees.Contains(RouteMatrix.Letter(caller.Role), StringComparison.Ordinal) ? Expect.Allowed : Expect.Hidden,
            Kind.Step => inScope && Sees.Contains(RouteMatrix.Letter(caller.Role), StringComparison.Ordinal) ? Expect.Reach : Expect.Hidden,
            Kind.Mine => caller.Id == notificationRecipient ? Expect.Reach : Expect.Hidden,
            _ => throw new InvalidOperationException(Kind.ToString()),
        };
    }
}

/// <summary>
/// The expectation table of the authorisation matrix: every endpoint and page of the application, with who may use
/// it. <see cref="RouteInventoryTests"/> fails when the application has an endpoint this table lacks (a new route
/// must be entered here, and so is tried by <see cref="AuthorizationMatrixTests"/> for every role and scope) or the
/// table names one the application no longer has.
/// </summary>
public static class RouteMatrix
{
    private const string Registry = "OSDH";       // Policies.ReadRegistry
    private const string RegistryWrite = "OSD";   // Policies.WriteRegistry: hotline operators record reports, they do not write the register
    private const string Monitor = "OSD";         // Policies.Monitor
    private const string Casework = "OSDW";       // Policies.Casework
    private const string Referral = "OSDWL";      // Policies.Referrals
    private const string Reports = "OSDHWL";      // Policies.ReadReports / RecordReports
    private const string Accounts = "AO";         // Policies.ManageAccounts

    /// <summary>The letter of a role in <see cref="Rule.Who"/>.</summary>
    public static string Letter(string role) => role switch
    {
        Roles.SystemAdmin => "A",
        Roles.CivilAffairsOfficer => "O",
        Roles.ChildSupervisor => "S",
        Roles.ChildDirector => "D",
        Roles.HotlineOperator => "H",
        Roles.SocialWorker => "W",
        Roles.MemberUnitLiaison => "L",
        Roles.Volunteer => "V",
        _ => throw new ArgumentException(role),
    };

    private static IEnumerable<Rule> Steps(string prefix, string path, string who, string sees, params string[] actions) =>
        actions.Select(a => new Rule($"POST {prefix}/{a}", $"{path}/{a}", who, Kind.Step, sees));

    private static IEnumerable<Rule> Page(string path, string who, Kind kind, string sees = "", string shows = "", params string[] keys) =>
        keys.Select(k => new Rule("PAGE " + k, path, who, kind, sees, shows));

    /// <summary>Every endpoint and page.</summary>
    public static readonly IReadOnlyList<Rule> Rules = BuildRules();

    /// <summary>
    /// Cells known to differ, each with the issue finding that fixes it (key, role letter): tolerated until that fix
    /// lands, when its line here must go. Empty is the goal.
    /// </summary>
    public static readonly IReadOnlyDictionary<(string Key, string Role), string> KnownGaps = new Dictionary<(string, string), string>
    {
    };

    private static List<Rule> BuildRules()
    {
        const string cases = "/api/v1/cases/{id:guid}";
        const string children = "/api/v1/children/{id:guid}";
        const string referrals = "/api/v1/referrals/{id:guid}";
        var rules = new List<Rule>
        {
            // Platform
            new("GET /healthz", "/healthz", "*", Kind.Global),
            new("GET /openapi/{documentName}.json", "/openapi/v1.json", "*", Kind.Global),
            new("POST /api/v1/auth/token", "/api/v1/auth/token", "*", Kind.Global, NotTried: "the login itself, anonymous: AccountsTests try its answers"),
            new("GET /api/v1/regions/{code}", "/api/v1/regions/430702", "*", Kind.Global),
            new("POST /api/v1/users", "/api/v1/users", Accounts, Kind.Create),
            new("GET /api/v1/organizations/", "/api/v1/organizations", "*", Kind.List),
            new("POST /api/v1/organizations/", "/api/v1/organizations", Accounts, Kind.Create),
            new("GET /api/v1/audit/", "/api/v1/audit", "A", Kind.List),
            new("GET /api/v1/workbench", "/api/v1/workbench", "*", Kind.List),
            new("GET /api/v1/notifications/", "/api/v1/notifications", "*", Kind.List),
            new("POST /api/v1/notifications/{id:guid}/read", "/api/v1/notifications/{notification}/read", "*", Kind.Mine),
            new("GET /api/v1/exports/{id:guid}", "/api/v1/exports/{export}", "*", Kind.Mine),
            new("GET /api/v1/exports/{id:guid}/file", "/api/v1/exports/{export}/file", "*", Kind.Mine),
            new("GET /api/v1/outbox", "/api/v1/outbox", "A", Kind.List),

            // Register
            new("GET /api/v1/children/", "/api/v1/children?pageSize=200", Registry, Kind.List, Shows: Registry),
            new("POST /api/v1/children/", "/api/v1/children", RegistryWrite, Kind.Create),
            new("GET /api/v1/children/export", "/api/v1/children/export", Registry, Kind.List, Shows: Registry),
            new($"GET {children}", "/api/v1/children/{child}", Registry, Kind.Record, Registry),
            new($"PUT {children}", "/api/v1/children/{child}", RegistryWrite, Kind.Step, RegistryWrite),
            new($"GET {children}/history", "/api/v1/children/{child}/history", Registry, Kind.Record, Registry),
            new($"GET {children}/assessments", "/api/v1/children/{child}/assessments", Registry, Kind.Record, Registry),
            new($"GET {children}/visits", "/api/v1/children/{child}/visits", Registry, Kind.Record, Registry),
            new($"GET {children}/prevention", "/api/v1/children/{child}/prevention", Registry, Kind.Record, Registry),
            new($"POST {children}/assessments", "/api/v1/children/{child}/assessments", Monitor, Kind.Step, Monitor),
            new($"POST {children}/visits", "/api/v1/children/{child}/visits", Monitor, Kind.Step, Monitor),
            new($"POST {children}/categories", "/api/v1/children/{child}/categories", RegistryWrite, Kind.Step, RegistryWrite),
            new($"POST {children}/categories/{{categoryId:guid}}/{{action}}", "/api/v1/children/{child}/categories/{category}/reject", RegistryWrite, Kind.Step, RegistryWrite),
            new($"POST {children}/guardians", "/api/v1/children/{child}/guardians", RegistryWrite, Kind.Step, RegistryWrite),
            new($"PUT {children}/guardians/{{guardianId:guid}}", "/api/v1/children/{child}/guardians/{guardian}", RegistryWrite, Kind.Step, RegistryWrite),
            new($"DELETE {children}/guardians/{{guardianId:guid}}", "/api/v1/children/{child}/guardians/{guardian}", RegistryWrite, Kind.Step, RegistryWrite, FreshGuardian: true),
            new("POST /api/v1/imports/", "/api/v1/imports", RegistryWrite, Kind.Create),
            // The official forms name each child's category (a roster of 农村留守儿童): the register's writers only.
            new("GET /api/v1/forms/left-behind-roster", "/api/v1/forms/left-behind-roster", RegistryWrite, Kind.List),
            new("GET /api/v1/forms/left-behind-summary", "/api/v1/forms/left-behind-summary", RegistryWrite, Kind.List),
            new("GET /api/v1/imports/{id:guid}", "/api/v1/imports/{import}", RegistryWrite, Kind.Record, RegistryWrite),
            new("GET /api/v1/imports/template", "/api/v1/imports/template", RegistryWrite, Kind.Global),
            new("POST /api/v1/imports/{id:guid}/commit", "/api/v1/imports/{import}/commit", RegistryWrite, Kind.Step, RegistryWrite),
            new("GET /api/v1/imports/{id:guid}/matches", "/api/v1/imports/{import}/matches", RegistryWrite, Kind.Record, RegistryWrite),
            new("POST /api/v1/imports/{id:guid}/decisions", "/api/v1/imports/{import}/decisions", RegistryWrite, Kind.Step, RegistryWrite),
            new("PUT /api/v1/imports/{id:guid}/mapping", "/api/v1/imports/{import}/mapping", RegistryWrite, Kind.Step, RegistryWrite),
            new("GET /api/v1/imports/{id:guid}/report", "/api/v1/imports/{import}/report", RegistryWrite, Kind.Record, RegistryWrite),
            new("GET /api/v1/prevention-activities/", "/api/v1/prevention-activities", RegistryWrite, Kind.List),
            new("POST /api/v1/prevention-activities/", "/api/v1/prevention-activities", RegistryWrite, Kind.Create),

            // Monitoring
            new("GET /api/v1/assessment-instruments/current", "/api/v1/assessment-instruments/current", "*", Kind.Global),
            // An instrument belongs to a city: only a city-level civil-affairs officer publishes a version.
            new("POST /api/v1/assessment-instruments/", "/api/v1/assessment-instruments", "O", Kind.Create,
                Custom: c => c.Role == Roles.CivilAffairsOfficer && c.Scope == Scope.Parent ? Expect.Allowed : Expect.Denied),
            new("GET /api/v1/alerts/", "/api/v1/alerts?pageSize=200", "*", Kind.List),
            new("GET /api/v1/alerts/export", "/api/v1/alerts/export", "*", Kind.List),
            new("GET /Exports/alerts", "/Exports/alerts", "*", Kind.List),
            new("GET /Exports/visits-due", "/Exports/visits-due", Registry, Kind.List),
            new("GET /Exports/reports", "/Exports/reports", Reports, Kind.List, Shows: "OSDH"),
            new("GET /Exports/cases", "/Exports/cases", Casework, Kind.List, Shows: "OSDW"),
            new("GET /Exports/referrals", "/Exports/referrals", Referral, Kind.List),
            new("POST /api/v1/alerts/run", "/api/v1/alerts/run", "A", Kind.List),
            new("GET /api/v1/visits/due", "/api/v1/visits/due?pageSize=200", Registry, Kind.List),
            new("GET /api/v1/visits/due/export", "/api/v1/visits/due/export", Registry, Kind.List),

            // Reports
            new("POST /api/v1/reports/", "/api/v1/reports", Reports, Kind.Create),
            new("GET /api/v1/reports/", "/api/v1/reports?pageSize=200", Reports, Kind.List, Shows: "OSDH"),
            new("GET /api/v1/reports/export", "/api/v1/reports/export", Reports, Kind.List, Shows: "OSDH"),
            new("GET /api/v1/reports/{id:guid}", "/api/v1/reports/{report}", Reports, Kind.Record, "OSDH"),
            new("POST /api/v1/reports/{id:guid}/attachments", "/api/v1/reports/{report}/attachments", Reports, Kind.Step, "OSDH"),
            new("POST /api/v1/reports/{id:guid}/triage", "/api/v1/reports/{report}/triage", "OS", Kind.Step, "OS"),
            // The mandatory-report police step: readers reach the report; who does not see the reporter is refused (403).
            new("POST /api/v1/reports/{id:guid}/police-report", "/api/v1/reports/{report}/police-report", Reports, Kind.Step, "OSDH"),
            new("POST /api/v1/reports/{id:guid}/police-feedback", "/api/v1/reports/{report}/police-feedback", Reports, Kind.Step, "OSDH"),

            // Cases
            new("GET /api/v1/cases/", "/api/v1/cases?pageSize=200", Casework, Kind.List, Shows: "OSDW"),
            new("GET /api/v1/cases/export", "/api/v1/cases/export", Casework, Kind.List, Shows: "OSDW"),
            new("GET /api/v1/cases/incoming-transfers", "/api/v1/cases/incoming-transfers", Casework, Kind.List),
            new($"GET {cases}", "/api/v1/cases/{case}", Casework, Kind.Record, Casework),
            new($"GET {cases}/referral-targets", "/api/v1/cases/{case}/referral-targets", Casework, Kind.Record, Casework),
            new($"PUT {cases}/plan", "/api/v1/cases/{case}/plan", Casework, Kind.Step, Casework),
            new("GET /api/v1/attachments/{id:guid}", "/api/v1/attachments/{attachment}", "*", Kind.Record, Casework),
            // Ending a measure: the world's case has none, so the officer (who alone decides guardianship) gets the 404 of an
            // absent measure; the others on the case are refused for their role (403).
            new($"POST {cases}/guardianship-measures/{{measureId:guid}}/end", "/api/v1/cases/{case}/guardianship-measures/" + Guid.Empty + "/end", Casework, Kind.Step, Casework,
                Custom: c => !Casework.Contains(Letter(c.Role), StringComparison.Ordinal) ? Expect.Denied
                    : c.Scope is Scope.Own or Scope.Parent && c.Role != Roles.CivilAffairsOfficer ? Expect.Reach : Expect.Hidden),

            // Referrals
            new("GET /api/v1/referrals/", "/api/v1/referrals", Referral, Kind.List),
            new("GET /api/v1/referrals/export", "/api/v1/referrals/export", Referral, Kind.List),
            new($"GET {referrals}", "/api/v1/referrals/{referral}", Referral, Kind.Record, Referral),

            // Pages
            new("PAGE Accounts/Logout", "/Accounts/Logout", "*", Kind.Global, NotTried: "signs the caller out"),
            new("PAGE Error/{status:int}", "/Error/404", "*", Kind.Global, NotTried: "the site's error page, anonymous: answers the status it shows (a page not found re-executes to it); the journey checks it"),
            new("GET /Cases/File/{id:guid}", "/Cases/File/{attachment}", "*", Kind.Record, Casework),
        };
        rules.AddRange(Steps(cases, "/api/v1/cases/{case}", Casework, Casework, "assignment", "attachments", "child", "closure", "closure/approve", "closure/return",
            "guardianship-measures", "notes", "plan/approve", "plan/return", "plan/submit", "referrals", "region-transfer", "region-transfer/withdraw", "risk", "services", "status", "transfer", "transfer/accept"));
        // Only the receiving jurisdiction reaches a case's pending region transfer; the world's case has none pending.
        rules.AddRange(Steps(cases, "/api/v1/cases/{case}", Casework, string.Empty, "region-transfer/accept", "region-transfer/decline"));
        rules.AddRange(Steps(referrals, "/api/v1/referrals/{referral}", Referral, Referral, "accept", "attachments", "complete", "decline", "progress"));

        rules.AddRange(Page("/", "*", Kind.List, keys: ["/", "Index"]));
        rules.AddRange(Page("/Accounts/ChangePassword", "*", Kind.Global, keys: "Accounts/ChangePassword"));
        rules.AddRange(Page("/Accounts/Denied", "*", Kind.Global, keys: "Accounts/Denied"));
        rules.AddRange(Page("/Accounts/Login", "*", Kind.Global, keys: "Accounts/Login"));
        rules.AddRange(Page("/Accounts/Register", "*", Kind.Global, keys: "Accounts/Register"));
        rules.AddRange(Page("/Regions/Picker", "*", Kind.Global, keys: "Regions/Picker"));
        rules.AddRange(Page("/Accounts/NewUser", Accounts, Kind.Global, keys: "Accounts/NewUser"));
        rules.AddRange(Page("/Accounts/Users", Accounts, Kind.List, keys: "Accounts/Users"));
        rules.AddRange(Page("/Organizations", Accounts, Kind.List, keys: ["Organizations", "Organizations/Index"]));
        rules.AddRange(Page("/Audit", "A", Kind.List, keys: ["Audit", "Audit/Index"]));
        rules.AddRange(Page("/Imports", RegistryWrite, Kind.List, keys: ["Imports", "Imports/Index"]));
        rules.AddRange(Page("/Imports/{import}", RegistryWrite, Kind.Record, RegistryWrite, keys: "Imports/{id:guid}"));
        rules.AddRange(Page("/Exports", "*", Kind.List, keys: ["Exports", "Exports/Index"]));
        rules.AddRange(Page("/Exports/{export}", "*", Kind.Mine, keys: "Exports/{id:guid}"));
        rules.AddRange(Page("/Alerts", "*", Kind.List, keys: ["Alerts", "Alerts/Index"]));
        rules.AddRange(Page("/Notifications", "*", Kind.List, keys: ["Notifications", "Notifications/Index"]));
        rules.AddRange(Page("/Regions", "*", Kind.List, keys: ["Regions", "Regions/Index"]));
        rules.AddRange(Page("/Children", Registry, Kind.List, shows: Registry, keys: ["Children", "Children/Index"]));
        rules.AddRange(Page("/SurveyForms", RegistryWrite, Kind.List, keys: "SurveyForms"));
        rules.AddRange(Page("/Children/Create", RegistryWrite, Kind.Global, keys: "Children/Create"));
        rules.AddRange(Page("/Children/Details/{child}", Registry, Kind.Record, Registry, keys: "Children/Details/{id:guid}"));
        rules.AddRange(Page("/Children/Edit/{child}", RegistryWrite, Kind.Record, RegistryWrite, keys: "Children/Edit/{id:guid}"));
        rules.AddRange(Page("/Children/Assess/{child}", Monitor, Kind.Record, Monitor, keys: "Children/Assess/{id:guid}"));
        rules.AddRange(Page("/Children/Visit/{child}", Monitor, Kind.Record, Monitor, keys: "Children/Visit/{id:guid}"));
        rules.AddRange(Page("/Prevention", RegistryWrite, Kind.List, keys: "Prevention"));
        rules.AddRange(Page("/Visits/Due", Registry, Kind.List, keys: "Visits/Due"));
        rules.AddRange(Page("/Reports?status=all", Reports, Kind.List, shows: "OSDH", keys: ["Reports", "Reports/Index"]));
        rules.AddRange(Page("/Reports/New", Reports, Kind.Global, keys: "Reports/New"));
        rules.AddRange(Page("/Reports/Details/{report}", Reports, Kind.Record, "OSDH", keys: "Reports/Details/{id:guid}"));
        rules.AddRange(Page("/Cases", Casework, Kind.List, keys: ["Cases", "Cases/Index"]));
        rules.AddRange(Page("/Cases/Transfers", Casework, Kind.List, keys: "Cases/Transfers"));
        rules.AddRange(Page("/Cases/Details/{case}", Casework, Kind.Record, Casework, keys: "Cases/Details/{id:guid}"));
        rules.AddRange(Page("/Referrals", Referral, Kind.List, keys: ["Referrals", "Referrals/Index"]));
        rules.AddRange(Page("/Referrals/Details/{referral}", Referral, Kind.Record, Referral, keys: "Referrals/Details/{id:guid}"));
        return rules;
    }
}
