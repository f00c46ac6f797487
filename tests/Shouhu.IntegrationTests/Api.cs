using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Shouhu.IntegrationTests;

/// <summary>Reading the API's answers in tests: the body as JSON, an expected status, a problem's message for a field.</summary>
public static class Api
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The body of <paramref name="response"/> as JSON, whatever its status.</summary>
    public static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    /// <summary>The body of <paramref name="response"/> as JSON after asserting its status (200 unless told); a failure shows the body.</summary>
    public static async Task<JsonElement> OkJson(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        return await Json(response);
    }

    /// <summary>
    /// Asserts that <paramref name="response"/> is a 400 problem with <c>errors.<paramref name="field"/></c> and returns that
    /// field's messages joined by spaces.
    /// </summary>
    public static async Task<string> ErrorOf(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"no errors.{field}: {body}");
        return string.Join(" ", messages.EnumerateArray().Select(m => m.GetString()));
    }
}
