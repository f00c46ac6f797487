using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Shouhu.IntegrationTests.Accounts;

/// <summary>
/// No existence oracles (issue #9 finding 14, issue #10 item 15) and the input rules of finding 15: one answer in one time
/// for every wrong password; the locked account told so only after the right password; organisations for liaisons and
/// social workers; JSON type errors naming the field; the bearer scheme in any case.
/// </summary>
public sealed partial class AccountSecurityTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> TokenAsync(string userName, string password)
    {
        using var client = app.CreateClient();
        return await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password }, Ct);
    }

    private async Task LockAsync(string userName)
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(userName, "Wrong#pass1")).StatusCode);
        }
    }

    [Fact]
    public async Task Token_LockedAccountWithTheRightPassword_SaysLockedAndUntilWhenInChinaTime()
    {
        (await app.UserAsync("ChildDirector", ShouhuApp.VillageA, "locked-right")).Dispose();
        await LockAsync("locked-right");

        var right = await TokenAsync("locked-right", ShouhuApp.UserPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        var problem = await right.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("账号已锁定", problem.GetProperty("title").GetString());
        await using var db = app.SystemDb();
        var end = (await db.Users.SingleAsync(u => u.UserName == "locked-right", Ct)).LockoutEnd!.Value;
        var china = end.ToOffset(TimeSpan.FromHours(8));
        Assert.Contains($"北京时间 {china:yyyy-MM-dd HH:mm}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var until = problem.GetProperty("lockedUntil").GetString()!;
        Assert.EndsWith("+08:00", until, StringComparison.Ordinal);
        Assert.Equal(end.ToUnixTimeSeconds(), DateTimeOffset.Parse(until, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds());

        // The login page says the same, once the password is right.
        using var browser = app.CreateClient();
        var page = await PostFormAsync(browser, "/Accounts/Login", new() { ["UserName"] = "locked-right", ["Password"] = ShouhuApp.UserPassword });
        Assert.Contains($"北京时间 {china:yyyy-MM-dd HH:mm}", page, StringComparison.Ordinal);
        var wrong = await PostFormAsync(browser, "/Accounts/Login", new() { ["UserName"] = "locked-right", ["Password"] = "Wrong#pass1" });
        Assert.DoesNotContain("锁定（", wrong, StringComparison.Ordinal);
        Assert.Contains("账号或密码错误", wrong, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_WrongPassword_GivesTheSameAnswerInTheSameTime_ForUnknownLockedAndExistingAccounts()
    {
        (await app.UserAsync("ChildDirector", ShouhuApp.VillageA, "timing-locked")).Dispose();
        await LockAsync("timing-locked");
        var existing = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            (await app.UserAsync("ChildDirector", ShouhuApp.VillageA, $"timing-open{i}")).Dispose();
            existing.Add($"timing-open{i}");
        }

        var samples = new Dictionary<string, List<double>> { ["unknown"] = [], ["locked"] = [], ["existing"] = [] };
        var answers = new HashSet<string>(StringComparer.Ordinal);
        await TokenAsync("warm-up", "Wrong#pass1");
        for (var round = 0; round < 12; round++)
        {
            // Interleaved, so that a busy machine slows every kind alike; 3 wrong passwords per open account (it locks at 5).
            foreach (var (kind, name) in new[] { ("unknown", $"nobody-{round}"), ("locked", "timing-locked"), ("existing", existing[round % existing.Count]) })
            {
                var watch = Stopwatch.StartNew();
                var response = await TokenAsync(name, "Wrong#pass1");
                watch.Stop();
                samples[kind].Add(watch.Elapsed.TotalMilliseconds);
                var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
                answers.Add($"{(int)response.StatusCode} {body.GetProperty("title").GetString()} {body.GetProperty("detail").GetString()}");
            }
        }

        Assert.Single(answers);
        var medians = samples.ToDictionary(s => s.Key, s => s.Value.Order().ElementAt(s.Value.Count / 2));
        var slowest = medians.Values.Max();
        var fastest = medians.Values.Min();
        // Before: a locked account answered in ~2 ms, an unknown one in ~120 ms (60×). A generous bound for a busy machine.
        Assert.True(slowest <= fastest * 3, "medians (ms): " + string.Join(", ", medians.Select(m => $"{m.Key} {m.Value:F1}")));
    }

    [Theory]
    [InlineData("MemberUnitLiaison", "430702", null)]
    [InlineData("SocialWorker", "430702", null)]
    [InlineData("MemberUnitLiaison", "430702001", "430702")]
    [InlineData("SocialWorker", "430702001", ShouhuApp.OtherCounty)]
    public async Task CreateUser_LiaisonOrSocialWorker_WithoutAnOrganisationInTheJurisdiction_Returns400OnOrganizationId(string role, string jurisdiction, string? orgRegion)
    {
        using var admin = await app.AdminAsync();
        Guid? org = null;
        if (orgRegion is not null)
        {
            var created = await admin.PostAsJsonAsync("/api/v1/organizations", new { name = $"单位{Guid.NewGuid():N}"[..12], kind = "MemberUnit", regionCode = orgRegion }, Ct);
            org = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        }

        var userName = "org-" + Guid.NewGuid().ToString("N")[..10];
        var response = await admin.PostAsJsonAsync("/api/v1/users", new { userName, password = ShouhuApp.UserPassword, displayName = "联络", role, jurisdictionCode = jurisdiction, organizationId = org }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Contains("单位", errors.GetProperty("organizationId")[0].GetString(), StringComparison.Ordinal);
        await using var db = app.SystemDb();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == userName, Ct));

        // With an organisation inside the jurisdiction the account is created.
        var inside = await admin.PostAsJsonAsync("/api/v1/organizations", new { name = $"单位{Guid.NewGuid():N}"[..12], kind = "MemberUnit", regionCode = jurisdiction }, Ct);
        var insideId = (await inside.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var ok = await admin.PostAsJsonAsync("/api/v1/users", new { userName, password = ShouhuApp.UserPassword, displayName = "联络", role, jurisdictionCode = jurisdiction, organizationId = insideId }, Ct);
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/children", "{\"name\":\"类型\",\"sex\":5,\"birthDate\":\"2015-01-01\",\"residenceRegionCode\":\"430702001004\"}", "sex")]
    [InlineData("/api/v1/children", "{\"name\":\"类型\",\"sex\":\"male\",\"birthDate\":\"2015-01-01\",\"residenceRegionCode\":430702001004}", "residenceRegionCode")]
    [InlineData("/api/v1/children", "{\"name\":\"类型\",\"sex\":\"male\",\"guardians\":[{\"name\":7}]}", "guardians[0].name")]
    [InlineData("/api/v1/children", "{\"name\":\"类型\",\"allowPossibleDuplicate\":\"yes\"}", "allowPossibleDuplicate")]
    [InlineData("/api/v1/children", "[1,2,3]", "body")]
    [InlineData("/api/v1/children", "{not json", "body")]
    [InlineData("/api/v1/users", "{\"userName\":5}", "userName")]
    [InlineData("/api/v1/users", "{\"userName\":\"x\",\"organizationId\":12}", "organizationId")]
    [InlineData("/api/v1/organizations", "{\"name\":[\"a\"]}", "name")]
    [InlineData("/api/v1/reports", "{\"channel\":\"Hotline\",\"concernTypes\":\"Neglect\"}", "concernTypes")]
    public async Task Api_JsonValueOfTheWrongType_Returns400NamingTheField(string route, string json, string field)
    {
        using var officer = await app.UserAsync("CivilAffairsOfficer", "430702");
        var response = await officer.PostAsync(route, new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"errors should name {field}: {problem}");
        Assert.NotEqual(0, messages.GetArrayLength());
        Assert.DoesNotContain("   at ", problem.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bearer")]
    [InlineData("BEARER")]
    [InlineData("Bearer")]
    [InlineData("bEaReR")]
    public async Task Api_BearerScheme_InAnyLetterCase_IsAccepted(string scheme)
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        var token = director.DefaultRequestHeaders.Authorization!.Parameter!;
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"{scheme} {token}");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/children", Ct)).StatusCode);
        using var wrong = app.CreateClient();
        wrong.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"{scheme} {token}x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/api/v1/children", Ct)).StatusCode);
    }

    /// <summary>GETs a page for its antiforgery token, posts the form with it and returns the answer's HTML, decoded.</summary>
    internal static async Task<string> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var form = await client.GetStringAsync(path, Ct);
        fields["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value;
        var response = await client.PostAsync(path, new FormUrlEncodedContent(fields), Ct);
        // Razor writes Chinese as character references (&#x8D26;…): decoded, the text reads as the user sees it.
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
