using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Shouhu.Web.Shared;

/// <summary>
/// Rate limits of the answers that say whether something exists (issue #9 finding 14): self-registration's "账号已被使用"
/// and the register's "该身份证号已在其他区县登记" — kept, because users need them, but not to be asked in bulk.
/// Fixed windows of one minute; over the limit the answer is 429 with a <c>Retry-After</c>.
/// </summary>
public static class RateLimits
{
    /// <summary>Policy of the self-registration form's POST, per client address: <c>RateLimits:RegistrationsPerMinute</c> (default 10).</summary>
    public const string Registration = "registration";

    /// <summary>Policy of registering or editing a child (the duplicate-ID answer), per account: <c>RateLimits:ChildEntriesPerMinute</c> (default 60).</summary>
    public const string ChildEntry = "child-entry";

    /// <summary>
    /// Policy of signing in — the login page's POST and <c>POST /api/v1/auth/token</c> — per client address:
    /// <c>RateLimits:SignInsPerMinute</c> (default 30; issue #17 item 3). A limit by address, not by account, so nobody can
    /// make another person's account unusable by trying it from elsewhere (Identity's own lockout after 5 wrong passwords
    /// still applies to the account).
    /// </summary>
    public const string SignIn = "sign-in";

    /// <summary>
    /// Policy of every list's Excel export (<c>…/export</c>, a GET), per account: <c>RateLimits:ExportsPerMinute</c> (default
    /// 20; issue #17 item 3) — an export reads the whole filtered list at once.
    /// </summary>
    public const string Export = "export";

    /// <summary>Registers the policies; GET requests (forms being shown) are never limited, except exports.</summary>
    public static IServiceCollection AddShouhuRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var registrations = int.TryParse(config["RateLimits:RegistrationsPerMinute"], out var r) && r > 0 ? r : 10;
        var entries = int.TryParse(config["RateLimits:ChildEntriesPerMinute"], out var e) && e > 0 ? e : 60;
        var signIns = int.TryParse(config["RateLimits:SignInsPerMinute"], out var si) && si > 0 ? si : 30;
        var exports = int.TryParse(config["RateLimits:ExportsPerMinute"], out var ex) && ex > 0 ? ex : 20;
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            o.AddPolicy(Registration, http => Partition(http, "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), registrations));
            o.AddPolicy(SignIn, http => Partition(http, "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), signIns));
            o.AddPolicy(Export, http => RateLimitPartition.GetFixedWindowLimiter(
                "user:" + (http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = exports, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(ChildEntry, http => Partition(http, "user:" + (http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), entries));
        });
    }

    private static RateLimitPartition<string> Partition(HttpContext http, string key, int permits) =>
        HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            ? RateLimitPartition.GetNoLimiter("read")
            : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
