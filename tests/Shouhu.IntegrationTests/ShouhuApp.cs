using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shouhu.Data;
using Shouhu.Domain.Identity;

namespace Shouhu.IntegrationTests;

/// <summary>
/// Shouhu started for real (migrations applied, Changde's regions seeded, admin created) on its own fresh database,
/// reached through HTTP. One per test class.
/// </summary>
public class ShouhuApp : WebApplicationFactory<Program>
{
    /// <summary>Password of <c>admin</c> in tests.</summary>
    public const string AdminPassword = "Test#Admin2026";

    /// <summary>Password given to every account the tests create.</summary>
    public const string UserPassword = "Worker#2026x";

    /// <summary>Two neighbouring villages of 启明街道, 武陵区, 常德市 (NBS 2023).</summary>
    public const string VillageA = "430702001004"; // 马家吉社区

    /// <inheritdoc cref="VillageA"/>
    public const string VillageB = "430702001007"; // 半边街社区

    /// <summary>A township of another county (鼎城区).</summary>
    public const string OtherCounty = "430703";

    private static int _sequence;

    private readonly bool _keepData;

    /// <summary>An application on a copy of the template database (<see cref="TestDatabase"/>).</summary>
    public ShouhuApp()
        : this(TestDatabase.Create())
    {
    }

    /// <summary>An application on the given database; <paramref name="keepData"/> leaves its data folder when disposed (the template's).</summary>
    internal ShouhuApp((string Provider, string ConnectionString, string DataDir) database, bool keepData = false)
    {
        (Provider, ConnectionString, DataDir) = database;
        _keepData = keepData;
    }

    public string Provider { get; }
    public string ConnectionString { get; }
    public string DataDir { get; }

    /// <summary>Further configuration for this application (set before its first use).</summary>
    public Dictionary<string, string> Settings { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The application's clock when a test pins it (<see cref="PinnedClockApp"/>): a <c>FakeTimeProvider</c> that stands
    /// still until the test sets or advances it, so a 29 February or a midnight in China Standard Time can be tried. Null:
    /// the system clock.
    /// </summary>
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider? Clock { get; protected init; }

    /// <summary>
    /// PBKDF2 iterations for the passwords the tests hash, or null for Identity's own (100,000, HMAC-SHA512). The suite
    /// creates and signs in thousands of accounts; at Identity's cost that hashing was 40 % of the integration suite's CPU
    /// time. 1,000 keeps the same hash format and code path; <c>PasswordHashingTests</c> checks that Shouhu itself never
    /// lowers Identity's cost.
    /// </summary>
    public int? TestPasswordIterations { get; protected init; } = 1000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:Shouhu", ConnectionString);
        builder.UseSetting("SHOUHU_DATA_DIR", DataDir);
        builder.UseSetting("SHOUHU_CITY", "4307");
        builder.UseSetting("SHOUHU_ADMIN_PASSWORD", AdminPassword);
        // Tests run the alert engine when they mean to; the schedule has its own test (AlertTests).
        builder.UseSetting("Alerts:IntervalMinutes", "0");
        // Every test signs its accounts in from one address; the sign-in limit has its own test (RateLimitTests).
        builder.UseSetting("RateLimits:SignInsPerMinute", "1000000");
        builder.UseSetting("RateLimits:ExportsPerMinute", "1000000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning).AddProvider(LogCapture.Provider));
        // TestServer has no socket; give every request a documentation-range client address so the audit trail can be checked.
        builder.ConfigureServices(s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddressFilter>());
        if (TestPasswordIterations is { } iterations)
        {
            builder.ConfigureServices(s => s.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = iterations));
        }
        if (Clock is { } clock)
        {
            builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(clock));
        }
    }

    /// <summary>The client address every test request appears to come from (RFC 5737 documentation range).</summary>
    public const string ClientAddress = "203.0.113.7";

    private sealed class ClientAddressFilter : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use((ctx, n) =>
            {
                ctx.Connection.RemoteIpAddress ??= System.Net.IPAddress.Parse(ClientAddress);
                return n(ctx);
            });
            next(app);
        };
    }

    /// <summary>A context acting for the application itself, for arranging and inspecting data.</summary>
    public ShouhuDbContext SystemDb()
    {
        var scope = Services.CreateScope();
        return new ShouhuDbContext(scope.ServiceProvider.GetRequiredService<DbContextOptions<ShouhuDbContext>>(), new FixedCallerContext(CallerScope.System));
    }

    /// <summary>A context acting for a user of <paramref name="jurisdiction"/>.</summary>
    public ShouhuDbContext DbFor(string jurisdiction)
    {
        var scope = Services.CreateScope();
        return new ShouhuDbContext(scope.ServiceProvider.GetRequiredService<DbContextOptions<ShouhuDbContext>>(),
            new FixedCallerContext(new CallerScope("test-user", "test-user", jurisdiction, false, "127.0.0.1")));
    }

    /// <summary>An HTTP client carrying a bearer token of <paramref name="userName"/>.</summary>
    public async Task<HttpClient> ClientForAsync(string userName, string password)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The admin's client.</summary>
    public Task<HttpClient> AdminAsync() => ClientForAsync("admin", AdminPassword);

    /// <summary>Creates an approved account through the API and returns its client (<see cref="StaffAsync"/>).</summary>
    public async Task<HttpClient> UserAsync(string role, string jurisdiction, string? userName = null) =>
        (await StaffAsync(role, jurisdiction, userName: userName)).Client;

    /// <summary>
    /// The one way tests make a member of staff: the admin creates an approved account of <paramref name="role"/> in
    /// <paramref name="jurisdiction"/> through the API (so the account rules apply), and the account signs in. Its display
    /// name is 测试 + <paramref name="userName"/>, or 测试 + the role when no name is given (a test may look for it). A
    /// social worker or member-unit liaison without <paramref name="organizationId"/> gets a new social organisation of the
    /// jurisdiction (the account rules require one). Returns the bearer client and the account's id.
    /// </summary>
    public async Task<(HttpClient Client, string Id)> StaffAsync(string role, string jurisdiction, Guid? organizationId = null, string? userName = null)
    {
        var displayName = "测试" + (userName ?? role);
        userName ??= $"{role.ToLowerInvariant()}{Interlocked.Increment(ref _sequence)}";
        organizationId ??= role is Shouhu.Domain.Accounts.Roles.SocialWorker or Shouhu.Domain.Accounts.Roles.MemberUnitLiaison
            ? await OrganizationAsync("测试单位" + userName, "SocialOrganization", jurisdiction)
            : null;
        using var admin = await AdminAsync();
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { userName, password = UserPassword, displayName, role, jurisdictionCode = jurisdiction, organizationId });
        Assert.True(created.StatusCode == System.Net.HttpStatusCode.Created, $"{(int)created.StatusCode}: {await created.Content.ReadAsStringAsync()}");
        var id = created.Headers.Location!.OriginalString.Split('/')[^1];
        return (await ClientForAsync(userName, UserPassword), id);
    }

    /// <summary>An organisation created by the admin (<paramref name="kind"/>: an <c>OrganizationKind</c> name, e.g. MemberUnit); its id.</summary>
    public async Task<Guid> OrganizationAsync(string name, string kind, string region)
    {
        using var admin = await AdminAsync();
        var created = await admin.PostAsJsonAsync("/api/v1/organizations", new { name, kind, regionCode = region });
        return (await Api.OkJson(created, System.Net.HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    /// <summary>
    /// The triage body that opens a case in the test county (430702): its worker a county officer made for it, and a risk
    /// level — both are choices a triage must make (issue #10).
    /// </summary>
    public async Task<object> OpenCaseBodyAsync(string riskLevel = "medium")
    {
        var (worker, workerId) = await StaffAsync("CivilAffairsOfficer", "430702");
        worker.Dispose();
        return new { decision = "open-case", workerId, riskLevel };
    }

    /// <summary>Imports the regions of <paramref name="cities"/> (e.g. Lhasa, 5401) beside Changde; a second call changes nothing.</summary>
    public async Task ImportRegionsAsync(params string[] cities)
    {
        await using var db = SystemDb();
        await new Shouhu.Web.Features.Regions.RegionImporter(db).ImportAsync(cities);
    }

    /// <summary>
    /// An approved account created directly (not through an administrator, so it may lie outside Changde, e.g. in Lhasa),
    /// its client and its id.
    /// </summary>
    public async Task<(HttpClient Client, string Id)> AccountAsync(string role, string jurisdiction, Guid? organizationId = null)
    {
        var userName = $"{role.ToLowerInvariant()}{Interlocked.Increment(ref _sequence)}x{jurisdiction}";
        using (var scope = Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ShouhuUser>>();
            var user = new ShouhuUser { UserName = userName, DisplayName = "测试" + userName, Role = role, JurisdictionCode = jurisdiction, OrganizationId = organizationId, IsApproved = true, CreatedAt = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, UserPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }

        await using var db = SystemDb();
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return (await ClientForAsync(userName, UserPassword), id);
    }

    /// <summary>
    /// A cookie client signed in through the login page as a new account of <paramref name="role"/>, for page tests
    /// (redirects are not followed, so a refusal shows as itself).
    /// </summary>
    public async Task<HttpClient> PageUserAsync(string role, string jurisdiction)
    {
        var userName = $"{role.ToLowerInvariant()}p{Interlocked.Increment(ref _sequence)}";
        using (await UserAsync(role, jurisdiction, userName))
        {
        }

        return await PagesClientAsync(userName);
    }

    /// <summary>A cookie client signed in through the login page as the existing account <paramref name="userName"/> (redirects not followed).</summary>
    public async Task<HttpClient> PagesClientAsync(string userName)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await client.GetStringAsync("/Accounts/Login");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        var login = await client.PostAsync("/Accounts/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = UserPassword, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, login.StatusCode);
        return client;
    }

    /// <summary>Every ID number <see cref="NewIdNumber"/> gave out in this run (none may reach a log line).</summary>
    public static readonly System.Collections.Concurrent.ConcurrentBag<string> IssuedIdNumbers = [];

    /// <summary>A valid 18-character ID number for a birth date and sex, unique per call.</summary>
    public static string NewIdNumber(DateOnly birth, bool male, string address = "430702")
    {
        var seq = Interlocked.Increment(ref _sequence) % 500 * 2 + (male ? 1 : 0);
        var first17 = $"{address}{birth:yyyyMMdd}{seq:000}";
        var id = first17 + CitizenIdNumber.ComputeCheckCharacter(first17);
        IssuedIdNumbers.Add(id);
        return id;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && !_keepData)
        {
            try
            {
                Directory.Delete(DataDir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}

/// <summary>
/// Records every log line of every test application in this run — message, exception and all — so a test can check
/// that no personal data reaches a log (STYLE.md "Logging").
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    /// <summary>The one provider, shared by every application of the run.</summary>
    public static readonly LogCapture Provider = new();

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

    /// <summary>Every line so far: level, category, message and the exception's full text.</summary>
    public IReadOnlyCollection<string> Lines => _lines;

    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // The structured values too: a template can carry a name in a field that the message does not show.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
            capture._lines.Enqueue($"{logLevel} {category}[{eventId.Id}] {formatter(state, exception)} {values} {exception}");
        }
    }
}

/// <summary>
/// An application whose clock stands still at 2026-06-01 10:00 China Standard Time until a test moves it
/// (<see cref="ShouhuApp.Clock"/>): for rules that turn on a day — midnight in China Standard Time, a leap day, a deadline.
/// Requests in a class sharing it see the clock the test last set; set it before each step that depends on it.
/// </summary>
/// <summary>An application hashing passwords at Identity's own cost, as Shouhu runs (<see cref="ShouhuApp.TestPasswordIterations"/>).</summary>
public sealed class ProductionHashingApp : ShouhuApp
{
    /// <summary>An application on a copy of the template database, with Shouhu's own password hashing options.</summary>
    public ProductionHashingApp()
    {
        TestPasswordIterations = null;
    }
}

public sealed class PinnedClockApp : ShouhuApp
{
    /// <summary>Where the clock starts: 2026-06-01 10:00 +08:00.</summary>
    public static readonly DateTimeOffset Start = new(2026, 6, 1, 10, 0, 0, TimeSpan.FromHours(8));

    /// <summary>An application on a copy of the template database, its clock pinned at <see cref="Start"/>.</summary>
    public PinnedClockApp()
    {
        Clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Start);
    }

    /// <summary>Sets the clock to <paramref name="chinaTime"/> (a China Standard Time wall-clock time).</summary>
    public void SetChinaTime(DateTime chinaTime) => Clock!.SetUtcNow(new DateTimeOffset(chinaTime, TimeSpan.FromHours(8)));
}
