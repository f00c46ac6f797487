using System.Net;
using System.Net.Http.Json;
using Shouhu.IntegrationTests.Accounts;
using Shouhu.IntegrationTests.Children;

namespace Shouhu.IntegrationTests.Platform;

/// <summary>An application whose rate limits are low enough to reach in a test.</summary>
public sealed class RateLimitedApp : ShouhuApp
{
    /// <summary>Three self-registrations and three child entries a minute.</summary>
    public RateLimitedApp()
    {
        Settings["RateLimits:RegistrationsPerMinute"] = "3";
        Settings["RateLimits:ChildEntriesPerMinute"] = "3";
        Settings["RateLimits:ExportsPerMinute"] = "3";
    }
}

/// <summary>An application allowing three sign-ins a minute from one address (and nothing else limited lower).</summary>
public sealed class SignInLimitedApp : ShouhuApp
{
    /// <summary>Three sign-ins a minute.</summary>
    public SignInLimitedApp()
    {
        Settings["RateLimits:SignInsPerMinute"] = "3";
    }
}

/// <summary>Signing in, by the API and by the login page, is limited per client address (issue #17 item 3).</summary>
public sealed class SignInRateLimitTests(SignInLimitedApp app) : IClassFixture<SignInLimitedApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignIn_FourthAttemptInAMinuteFromOneAddress_Is429WithRetryAfter_OnTheApiAndThePage()
    {
        using var client = app.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = "wrong-" + i }, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        var limited = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = ShouhuApp.AdminPassword }, Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("60", limited.Headers.RetryAfter?.ToString());
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);

        // The login page shares the allowance: shown, but its POST refused with the Chinese message.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Accounts/Login", Ct)).StatusCode);
        var page = await client.PostAsync("/Accounts/Login", new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "admin", ["Password"] = ShouhuApp.AdminPassword }), Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Contains("请求过于频繁", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}

/// <summary>
/// The answers that say something exists are kept but rate-limited (issue #9 finding 14): self-registration's "name
/// taken" per client address, the register's duplicate-ID answer per account.
/// </summary>
public sealed class RateLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Register_NameTaken_IsSaidOnlyThreeTimesAMinute()
    {
        using var client = app.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            var html = await AccountSecurityTests.PostFormAsync(client, "/Accounts/Register", new()
            {
                ["UserName"] = "admin", ["DisplayName"] = "试探", ["Password"] = ShouhuApp.UserPassword, ["Role"] = "ChildDirector", ["JurisdictionCode"] = ShouhuApp.VillageA,
            });
            Assert.Contains("已被使用", html, StringComparison.Ordinal);
        }

        // The form is still shown; its POST is refused.
        var form = await client.GetAsync("/Accounts/Register", Ct);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var refused = await client.PostAsync("/Accounts/Register", new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "admin" }), Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("60", refused.Headers.RetryAfter?.ToString());
        Assert.Contains("请求过于频繁", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exports_AreLimitedPerAccount_TheListsAreNot()
    {
        using var officer = await app.UserAsync("CivilAffairsOfficer", "430702");
        using var other = await app.UserAsync("CivilAffairsOfficer", "430702");
        foreach (var path in new[] { "/api/v1/children/export", "/api/v1/reports/export", "/api/v1/alerts/export" })
        {
            Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(path, Ct)).StatusCode);
        }

        var limited = await officer.GetAsync("/api/v1/cases/export", Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("60", limited.Headers.RetryAfter?.ToString());
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/v1/cases", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/cases/export", Ct)).StatusCode);
    }

    [Fact]
    public async Task RegisterChild_DuplicateIdAnswer_IsRateLimitedPerAccount()
    {
        using var officer = await app.UserAsync("CivilAffairsOfficer", "430702");
        using var other = await app.UserAsync("CivilAffairsOfficer", "430702");
        var id = ShouhuApp.NewIdNumber(new DateOnly(2016, 2, 2), male: false);
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync("/api/v1/children", ChildrenTests.ChildBody("限流甲", id, ShouhuApp.VillageA, sex: "female"), Ct)).StatusCode);
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync("/api/v1/children", ChildrenTests.ChildBody("限流乙", id, ShouhuApp.VillageA, sex: "female"), Ct)).StatusCode);
        }

        var limited = await officer.PostAsJsonAsync("/api/v1/children", ChildrenTests.ChildBody("限流乙", id, ShouhuApp.VillageA, sex: "female"), Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        // Reading is not limited, and another account has its own allowance.
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/v1/children", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await other.PostAsJsonAsync("/api/v1/children", ChildrenTests.ChildBody("限流乙", id, ShouhuApp.VillageA, sex: "female"), Ct)).StatusCode);
    }
}
