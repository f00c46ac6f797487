using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shouhu.Web.Shared;

namespace Shouhu.IntegrationTests.Authorization;

/// <summary>The endpoints the application maps, named as <see cref="Rule.Key"/> names them.</summary>
internal static class Endpoints
{
    /// <summary>Each endpoint's key and metadata.</summary>
    public static List<(string Key, EndpointMetadataCollection Metadata)> Of(ShouhuApp app)
    {
        _ = app.Server; // builds the host
        var list = new List<(string, EndpointMetadataCollection)>();
        foreach (var e in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = e.RoutePattern.RawText ?? string.Empty;
            if (e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null)
            {
                list.Add(("PAGE " + (pattern.Length == 0 ? "/" : pattern), e.Metadata));
                continue;
            }

            foreach (var method in e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
            {
                list.Add(($"{method} {pattern}", e.Metadata));
            }
        }

        return list;
    }
}

/// <summary>
/// Every endpoint and page declares who may use it and is in the matrix's expectation table: a route added without
/// a named policy, or without an entry in <see cref="RouteMatrix"/>, fails here.
/// </summary>
public sealed class RouteInventoryTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    /// <summary>Authorisation is declared on every route: anonymous on purpose, or one of the named policies (not the bare fallback).</summary>
    [Fact]
    public void EveryEndpoint_DeclaresANamedPolicyOrAnonymous()
    {
        var undeclared = Endpoints.Of(app)
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null
                && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is { } p && Policies.All.Contains(p)))
            .Select(e => e.Key).Distinct().Order().ToList();
        Assert.True(undeclared.Count == 0, "Without a named policy: " + string.Join(", ", undeclared));
    }

    /// <summary>The expectation table and the application name the same endpoints.</summary>
    [Fact]
    public void EveryEndpoint_HasAnEntryInTheMatrix_AndEveryEntryAnEndpoint()
    {
        var mapped = Endpoints.Of(app).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var listed = RouteMatrix.Rules.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        Assert.True(RouteMatrix.Rules.Count == listed.Count, "A key is listed twice in RouteMatrix");
        var missing = mapped.Except(listed).Order().ToList();
        var stale = listed.Except(mapped).Order().ToList();
        Assert.True(missing.Count == 0, "Endpoints missing from RouteMatrix (add who may use them): " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "RouteMatrix names endpoints the application no longer has: " + string.Join(", ", stale));
    }
}

/// <summary>
/// The generated authorisation matrix: every route and page of <see cref="RouteMatrix"/> × every role × own, parent,
/// sibling and other-city scope, each answer checked against the table — past authorisation, refused for the role
/// (403), or indistinguishable from an absent record — and no answer carrying a name or case number from outside
/// what the caller may see (an export is unzipped and read). Fails with the list of every cell that differs.
/// </summary>
public sealed class AuthorizationMatrixTests(MatrixWorld world) : IClassFixture<MatrixWorld>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The API routes.</summary>
    [Fact]
    public Task ApiRoutes_AnswerEachRoleAndScopeAsTheTableSays() => RunAsync(RouteMatrix.Rules.Where(r => !r.IsPage));

    /// <summary>The pages.</summary>
    [Fact]
    public Task Pages_AnswerEachRoleAndScopeAsTheTableSays() => RunAsync(RouteMatrix.Rules.Where(r => r.IsPage));

    private async Task RunAsync(IEnumerable<Rule> rules)
    {
        var failures = new List<string>();
        var cells = 0;
        var known = 0;
        // Reads first, then writes, deletes last: a write that gets through changes nothing a read of another cell relies on.
        foreach (var rule in rules.Where(r => r.NotTried is null).OrderBy(r => r.Method switch { "GET" => 0, "DELETE" => 2, _ => 1 }))
        {
            foreach (var caller in world.Callers)
            {
                cells++;
                var expect = rule.ExpectFor(caller, world.NotificationRecipientId);
                var path = await PathAsync(rule, expect);
                var (status, body, location) = await SendAsync(caller, rule, path);
                var problem = Judge(rule, caller, expect, status, location);
                if (problem is null && expect == Expect.Hidden && !rule.IsPage)
                {
                    var (absent, _, _) = await SendAsync(caller, rule, WithRandomId(path));
                    if (absent != status)
                    {
                        problem = $"answers {(int)status}, an absent record {(int)absent}: existence shows";
                    }
                }

                problem ??= Leak(caller, rule, expect, body);
                if (problem is not null && RouteMatrix.KnownGaps.ContainsKey((rule.Key, RouteMatrix.Letter(caller.Role))))
                {
                    known++;
                }
                else if (problem is not null)
                {
                    failures.Add($"{rule.Method} {path.Replace(world.Ids.GetValueOrDefault("child") ?? "-", "{child}", StringComparison.Ordinal)} as {caller} (expected {expect}): {problem}");
                }
            }
        }

        Assert.True(cells > 100, "the matrix tried too few cells");
        TestContext.Current.SendDiagnosticMessage($"{cells} cells, {known} in known gaps");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cells} cells differ from the table:\n" + string.Join("\n", failures));
    }

    private async Task<string> PathAsync(Rule rule, Expect expect)
    {
        var path = rule.Path;
        if (rule.FreshGuardian && expect is Expect.Allowed or Expect.Reach)
        {
            path = path.Replace("{guardian}", await world.FreshGuardianAsync(), StringComparison.Ordinal);
        }

        foreach (var (name, value) in world.Ids)
        {
            path = path.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return path.Replace("{notification}", world.NotificationId.ToString(), StringComparison.Ordinal);
    }

    private static string WithRandomId(string path)
    {
        var segments = path.Split('/');
        var first = Array.FindIndex(segments, s => Guid.TryParse(s, out _));
        segments[first] = Guid.NewGuid().ToString();
        return string.Join('/', segments);
    }

    private static async Task<(HttpStatusCode Status, string Body, string? Location)> SendAsync(Caller caller, Rule rule, string path)
    {
        using var request = MatrixHttp.Request(rule.Method, path, withBody: !rule.IsPage);
        using var response = await (rule.IsPage ? caller.Pages : caller.Api).SendAsync(request, Ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        var type = response.Content.Headers.ContentType?.MediaType ?? string.Empty;
        var body = type.Contains("spreadsheetml", StringComparison.Ordinal) || type.Contains("zip", StringComparison.Ordinal)
            ? Unzipped(bytes)
            : Encoding.UTF8.GetString(bytes);
        return (response.StatusCode, Readable(body), response.Headers.Location?.OriginalString);
    }

    // JSON escapes non-ASCII characters (\u77E9) and HTML may encode them (&#x77E9;): a name must be found however written.
    private static string Readable(string body)
    {
        // (and a spreadsheet's OOXML escape _xD842_ of a character outside the BMP).
        var unescaped = Regex.Replace(body, @"\\u([0-9a-fA-F]{4})|_x([0-9a-fA-F]{4})_",
            m => ((char)Convert.ToInt32(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value, 16)).ToString());
        return WebUtility.HtmlDecode(unescaped);
    }

    private static string Unzipped(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var text = new StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            text.Append(reader.ReadToEnd());
        }

        return text.ToString();
    }

    private static string? Judge(Rule rule, Caller caller, Expect expect, HttpStatusCode status, string? location)
    {
        var code = (int)status;
        if (code >= 500)
        {
            return $"server error {code}";
        }

        var deniedPage = code == 302 && location?.Contains("/Accounts/Denied", StringComparison.Ordinal) == true;
        if (code == 401 || (code == 302 && location?.Contains("/Accounts/Login", StringComparison.Ordinal) == true))
        {
            return $"signed-in {caller} treated as signed out ({code})";
        }

        return expect switch
        {
            Expect.Allowed when rule.IsPage && rule.Path.StartsWith("/Cases/File/", StringComparison.Ordinal) => code == 200 ? null : $"answers {code}",
            Expect.Allowed when rule.IsPage => code == 200 ? null : $"answers {code}{(deniedPage ? " (拒绝访问)" : string.Empty)}",
            Expect.Allowed => code is 403 or 404 || deniedPage ? $"answers {code}" : null,
            Expect.Reach => code == 404 || deniedPage ? $"answers {code}" : null,
            Expect.Denied => code == 403 || deniedPage ? null : $"answers {code}",
            Expect.Hidden when rule.IsPage => code == 404 ? null : $"answers {code}{(deniedPage ? " (拒绝访问)" : string.Empty)}",
            Expect.Hidden => MatrixHttp.IsSuccess(status) ? $"answers {code} for a record outside" : null,
            _ => null,
        };
    }

    private string? Leak(Caller caller, Rule rule, Expect expect, string body)
    {
        if (caller.Scope != Scope.OtherCity && world.LhasaMarkers.FirstOrDefault(m => body.Contains(m, StringComparison.Ordinal)) is { } lhasa)
        {
            return $"carries Lhasa's \"{lhasa}\"";
        }

        if (caller.Scope is Scope.Sibling or Scope.OtherCity && world.VillageAMarkers.FirstOrDefault(m => body.Contains(m, StringComparison.Ordinal)) is { } a)
        {
            return $"carries village A's \"{a}\"";
        }

        if (expect == Expect.Allowed && rule.Kind == Kind.List && caller.Scope == Scope.Own
            && rule.Shows.Contains(RouteMatrix.Letter(caller.Role), StringComparison.Ordinal)
            && !world.VillageAMarkers.Any(m => body.Contains(m, StringComparison.Ordinal)))
        {
            return "does not show the jurisdiction's own child (the leak check would see nothing)";
        }

        return null;
    }
}
