using System.Net;
using System.Text.RegularExpressions;

namespace Shouhu.IntegrationTests.Platform;

/// <summary>
/// The headers of issue #17 item 4 on every kind of answer — a page, the API, an error, a static file — and the page
/// markup the content security policy relies on: no inline script and no inline event handler in any page.
/// </summary>
public sealed partial class SecurityHeadersTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryAnswer_CarriesTheCsp_AndPersonalDataAnswersAreNoStore_StaticFilesCacheable()
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        using var anonymous = app.CreateClient();
        var answers = new (string What, HttpResponseMessage Response, bool Personal)[]
        {
            ("login page", await anonymous.GetAsync("/Accounts/Login", Ct), true),
            ("API list", await director.GetAsync("/api/v1/children", Ct), true),
            ("API 404", await director.GetAsync($"/api/v1/children/{Guid.NewGuid()}", Ct), true),
            ("API 401", await anonymous.GetAsync("/api/v1/children", Ct), true),
            ("static script", await anonymous.GetAsync("/js/forms.js", Ct), false),
        };
        foreach (var (what, response, personal) in answers)
        {
            var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
            Assert.True(csp.Contains("script-src 'self';", StringComparison.Ordinal) && csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal) && !csp.Contains("unsafe-eval", StringComparison.Ordinal), what);
            Assert.DoesNotMatch(@"script-src[^;]*'unsafe-inline'", csp);
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.True(personal == (response.Headers.CacheControl?.NoStore == true), $"{what}: Cache-Control {response.Headers.CacheControl}");
        }

        Assert.Equal(HttpStatusCode.OK, answers[4].Response.StatusCode);
    }

    /// <summary>Every page and partial in src/Shouhu.Web: scripts only by <c>src</c>, no <c>on…=</c> handler attribute, no <c>javascript:</c> link.</summary>
    [Fact]
    public void NoPage_HasInlineScriptOrHandlers_TheCspWouldBlock()
    {
        var pages = Directory.EnumerateFiles(Path.Combine(Repository.Root, "src", "Shouhu.Web"), "*.cshtml", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(pages);
        var found = pages.SelectMany(p => File.ReadLines(p).Select((line, i) => (Page: Path.GetFileName(p), Line: i + 1, Text: line)))
            .Where(l => InlineScript().IsMatch(l.Text) || Handler().IsMatch(l.Text) || l.Text.Contains("javascript:", StringComparison.OrdinalIgnoreCase))
            .Select(l => $"{l.Page}:{l.Line}: {l.Text.Trim()}").ToList();
        Assert.True(found.Count == 0, string.Join('\n', found));
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<[a-z][^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex Handler();
}

/// <summary>An application behind a reverse proxy at the tests' client address (<see cref="ShouhuApp.ClientAddress"/>).</summary>
public sealed class ProxiedApp : ShouhuApp
{
    /// <summary>The proxy is the address every test request comes from.</summary>
    public ProxiedApp()
    {
        Settings["ReverseProxy:KnownProxies"] = ClientAddress;
    }
}

/// <summary>Behind a configured proxy the forwarded client address and https are believed; otherwise they are ignored.</summary>
public sealed class ReverseProxyTests(ProxiedApp proxied) : IClassFixture<ProxiedApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> LoginThroughAsync(ShouhuApp app)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await client.GetStringAsync("/Accounts/Login", Ct);
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Accounts/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "admin", ["Password"] = ShouhuApp.AdminPassword, ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add("X-Forwarded-For", "198.51.100.9");
        request.Headers.Add("X-Forwarded-Proto", "https");
        return await client.SendAsync(request, Ct);
    }

    [Fact]
    public async Task Login_ThroughTheKnownProxy_AuditsTheClientsAddress_AndSetsASecureCookie()
    {
        var response = await LoginThroughAsync(proxied);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("shouhu.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        await using var db = proxied.SystemDb();
        var login = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.AuditEntries.Where(a => a.Action == "Login" && a.ActorName == "admin" && a.ClientAddress == "198.51.100.9"), Ct);
        Assert.NotNull(login);
    }

    [Fact]
    public async Task Login_WithoutAConfiguredProxy_IgnoresTheForwardedHeaders()
    {
        await using var plain = new ShouhuApp();
        var response = await LoginThroughAsync(plain);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("shouhu.auth=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
        await using var db = plain.SystemDb();
        Assert.False(await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.AuditEntries.Where(a => a.ClientAddress == "198.51.100.9"), Ct));
    }
}
