using System.Net.Http.Json;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Shouhu.IntegrationTests.Platform;

/// <summary>
/// Issue #11 item 4: every endpoint is typed, so <c>/openapi/v1.json</c> describes every response — a success with its
/// schema, and the refusals (problem details) an operation can answer.
/// </summary>
public sealed class OpenApiTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>File downloads: a 200 whose content is the file, with the content type it declares (no JSON schema).</summary>
    private static readonly Dictionary<string, string> FileDownloads = new(StringComparer.Ordinal)
    {
        ["GET /api/v1/children/export"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ["GET /api/v1/reports/export"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ["GET /api/v1/cases/export"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ["GET /api/v1/referrals/export"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ["GET /api/v1/visits/due/export"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ["GET /api/v1/alerts/export"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ["GET /api/v1/forms/left-behind-roster"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ["GET /api/v1/attachments/{id}"] = "application/octet-stream",
        ["GET /api/v1/exports/{id}/file"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    /// <summary>Result types that only ever answer a success; any other member of a handler's union can refuse.</summary>
    private static readonly Type[] SuccessTypes =
    [
        typeof(Ok), typeof(Ok<>), typeof(Created), typeof(Created<>), typeof(NoContent), typeof(FileStreamHttpResult),
        typeof(PhysicalFileHttpResult), typeof(FileContentHttpResult), typeof(SignInHttpResult),
    ];

    [Fact]
    public async Task OpenApi_EverySuccessResponse_DescribesItsContent()
    {
        var missing = new List<string>();
        foreach (var (operation, responses) in await OperationsAsync())
        {
            if (!responses.EnumerateObject().Any(r => r.Name.StartsWith('2')))
            {
                missing.Add($"{operation}: no success response");
            }

            foreach (var response in responses.EnumerateObject().Where(r => r.Name.StartsWith('2')))
            {
                var content = response.Value.TryGetProperty("content", out var c) ? c : default;
                if (response.Name == "204")
                {
                    continue;
                }

                // The file is the 200; another success (a list export's 202 for the background) has its own schema.
                if (response.Name == "200" && FileDownloads.TryGetValue(operation, out var fileType))
                {
                    if (content.ValueKind != JsonValueKind.Object || !content.TryGetProperty(fileType, out _))
                    {
                        missing.Add($"{operation} {response.Name}: no {fileType}");
                    }

                    continue;
                }

                if (content.ValueKind != JsonValueKind.Object || !content.EnumerateObject().Any(m => m.Value.TryGetProperty("schema", out _)))
                {
                    missing.Add($"{operation} {response.Name}");
                }
            }
        }

        Assert.True(missing.Count == 0, $"{missing.Count} success responses without a schema:\n" + string.Join("\n", missing));
    }

    [Fact]
    public async Task OpenApi_EveryOperationThatCanRefuse_DeclaresItsProblems()
    {
        var operations = (await OperationsAsync()).ToDictionary(o => o.Operation, o => o.Responses, StringComparer.Ordinal);
        var undeclared = new List<string>();
        foreach (var (operation, results) in ApiEndpoints())
        {
            if (!results.Any(CanRefuse))
            {
                continue;
            }

            Assert.True(operations.TryGetValue(operation, out var responses), $"OpenAPI lacks {operation}");
            if (!responses.EnumerateObject().Any(r => r.Name.StartsWith('4')))
            {
                undeclared.Add(operation);
            }
        }

        Assert.True(undeclared.Count == 0, $"{undeclared.Count} operations that can refuse declare no 4xx:\n" + string.Join("\n", undeclared));
    }

    /// <summary>No handler answers a bare <see cref="IResult"/>, a result whose status OpenAPI cannot know, or an anonymous object.</summary>
    [Fact]
    public void Endpoints_AnswerTypedResults()
    {
        var untyped = new List<string>();
        foreach (var (operation, results) in ApiEndpoints())
        {
            foreach (var t in results)
            {
                if (t == typeof(IResult) || t == typeof(object) || t == typeof(ProblemHttpResult) || t == typeof(JsonHttpResult<>) || IsAnonymous(t))
                {
                    untyped.Add($"{operation}: {t.Name}");
                }
            }
        }

        Assert.True(untyped.Count == 0, $"{untyped.Count} untyped answers:\n" + string.Join("\n", untyped));
    }

    private static bool CanRefuse(Type result) => !SuccessTypes.Contains(result.IsGenericType ? result.GetGenericTypeDefinition() : result);

    private static bool IsAnonymous(Type t) =>
        (t.IsDefined(typeof(CompilerGeneratedAttribute)) && t.Name.Contains("AnonymousType", StringComparison.Ordinal))
        || (t.IsGenericType && t.GetGenericArguments().Any(IsAnonymous));

    /// <summary>"METHOD /path" → the responses object, for every operation of the document.</summary>
    private async Task<List<(string Operation, JsonElement Responses)>> OperationsAsync()
    {
        using var client = app.CreateClient();
        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);
        var list = new List<(string, JsonElement)>();
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        {
            foreach (var op in path.Value.EnumerateObject().Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("responses", out _)))
            {
                list.Add(($"{op.Name.ToUpperInvariant()} {path.Name}", op.Value.GetProperty("responses")));
            }
        }

        Assert.NotEmpty(list);
        return list;
    }

    /// <summary>
    /// Every API endpoint as "METHOD /path" (route constraints dropped, as OpenAPI writes them) with the result types its
    /// handler can answer: the members of a <c>Results&lt;…&gt;</c> union, or the one type it returns (unwrapped from its task).
    /// </summary>
    private List<(string Operation, List<Type> Results)> ApiEndpoints()
    {
        _ = app.Server; // builds the host
        var list = new List<(string, List<Type>)>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            if (!route.StartsWith("/api/", StringComparison.Ordinal) || endpoint.Metadata.GetMetadata<MethodInfo>() is not { } method)
            {
                continue;
            }

            var path = System.Text.RegularExpressions.Regex.Replace(route, @"\{([^}:?]+)[^}]*\}", "{$1}").TrimEnd('/');
            var type = method.ReturnType;
            if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
            {
                type = type.GetGenericArguments()[0];
            }

            var results = type.IsGenericType && type.GetGenericTypeDefinition().FullName!.StartsWith("Microsoft.AspNetCore.Http.HttpResults.Results`", StringComparison.Ordinal)
                ? type.GetGenericArguments().ToList()
                : [type];
            foreach (var verb in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
            {
                list.Add(($"{verb} {path}", results));
            }
        }

        Assert.NotEmpty(list);
        return list;
    }
}
