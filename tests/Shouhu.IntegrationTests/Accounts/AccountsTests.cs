using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Shouhu.IntegrationTests.Accounts;

/// <summary>Token, users and organisations through HTTP (API-CONTRACT.md), on the configured engine.</summary>
public sealed class AccountsTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Token_WithRightPassword_ReturnsAccessTokenAndExpiry()
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = ShouhuApp.AdminPassword }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("accessToken").GetString()));
        Assert.Equal(3600, body.GetProperty("expiresIn").GetInt32());
    }

    [Theory]
    [InlineData("admin", "wrong-password")]
    [InlineData("nobody-here", "Whatever#2026")]
    [InlineData("", "")]
    public async Task Token_WithBadCredentials_Returns401Problem(string userName, string password)
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Token_AfterFiveFailures_IsRefusedEvenWithTheRightPassword()
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA, "lockme");
        using var client = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            var bad = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "lockme", password = "Wrong#pass1" }, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        }

        var right = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "lockme", password = ShouhuApp.UserPassword }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        await using var db = app.SystemDb();
        var user = await db.Users.SingleAsync(u => u.UserName == "lockme", Ct);
        Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14));
    }

    [Fact]
    public async Task Token_ForUnapprovedRegistration_Returns401()
    {
        await using (var db = app.SystemDb())
        {
            var users = app.Services.CreateScope().ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Data.ShouhuUser>>();
            var pending = new Data.ShouhuUser { UserName = "pending1", DisplayName = "待审", Role = "ChildDirector", JurisdictionCode = ShouhuApp.VillageA, IsApproved = false };
            Assert.True((await users.CreateAsync(pending, ShouhuApp.UserPassword)).Succeeded);
        }

        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "pending1", password = ShouhuApp.UserPassword }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task CreateUser_InsideJurisdiction_Returns201Approved()
    {
        using var admin = await app.AdminAsync();
        var response = await admin.PostAsJsonAsync("/api/v1/users", new { userName = "sup-qiming", password = ShouhuApp.UserPassword, displayName = "王督导", role = "ChildSupervisor", jurisdictionCode = "430702001" }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("430702001", body.GetProperty("jurisdictionCode").GetString());
        Assert.True(body.GetProperty("isApproved").GetBoolean());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("id").GetString()));
        Assert.False(body.TryGetProperty("passwordHash", out _));
    }

    [Fact]
    public async Task CreateUser_OutsideCreatorsJurisdiction_Returns403AndCreatesNothing()
    {
        using var officer = await app.UserAsync("CivilAffairsOfficer", "430702");
        var response = await officer.PostAsJsonAsync("/api/v1/users", new { userName = "outsider1", password = ShouhuApp.UserPassword, displayName = "外区", role = "CivilAffairsOfficer", jurisdictionCode = ShouhuApp.OtherCounty }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var db = app.SystemDb();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "outsider1", Ct));
    }

    [Theory]
    [InlineData("ChildDirector", "430702")]
    [InlineData("ChildDirector", "430702001")]
    [InlineData("ChildSupervisor", ShouhuApp.VillageA)]
    [InlineData("CivilAffairsOfficer", "430702001")]
    [InlineData("HotlineOperator", ShouhuApp.VillageA)]
    public async Task CreateUser_RoleAtTheWrongLevel_Returns400OnJurisdiction(string role, string jurisdiction)
    {
        using var admin = await app.AdminAsync();
        var response = await admin.PostAsJsonAsync("/api/v1/users", new { userName = $"lvl-{role}-{jurisdiction}", password = ShouhuApp.UserPassword, displayName = "某", role, jurisdictionCode = jurisdiction }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("jurisdictionCode", out _));
    }

    [Fact]
    public async Task CreateUser_ByChildDirector_Returns403()
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        var response = await director.PostAsJsonAsync("/api/v1/users", new { userName = "byDirector", password = ShouhuApp.UserPassword, displayName = "某", role = "ChildDirector", jurisdictionCode = ShouhuApp.VillageA }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task CreateUser_SystemAdminByAnOfficer_Returns403()
    {
        using var officer = await app.UserAsync("CivilAffairsOfficer", "4307");
        var response = await officer.PostAsJsonAsync("/api/v1/users", new { userName = "admin2", password = ShouhuApp.UserPassword, displayName = "某", role = "SystemAdmin", jurisdictionCode = "430702" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("jurisdictionCode", "{\"userName\":\"u-bad1\",\"password\":\"Worker#2026x\",\"displayName\":\"某\",\"role\":\"ChildDirector\",\"jurisdictionCode\":\"430702999999\"}")]
    [InlineData("jurisdictionCode", "{\"userName\":\"u-bad2\",\"password\":\"Worker#2026x\",\"displayName\":\"某\",\"role\":\"ChildDirector\",\"jurisdictionCode\":\"43x7\"}")]
    [InlineData("password", "{\"userName\":\"u-bad3\",\"password\":\"weakpassword\",\"displayName\":\"某\",\"role\":\"CivilAffairsOfficer\",\"jurisdictionCode\":\"430702\"}")]
    [InlineData("role", "{\"userName\":\"u-bad4\",\"password\":\"Worker#2026x\",\"displayName\":\"某\",\"role\":\"King\",\"jurisdictionCode\":\"430702\"}")]
    [InlineData("userName", "{\"userName\":\"admin\",\"password\":\"Worker#2026x\",\"displayName\":\"某\",\"role\":\"CivilAffairsOfficer\",\"jurisdictionCode\":\"430702\"}")]
    [InlineData("displayName", "{\"userName\":\"u-bad6\",\"password\":\"Worker#2026x\",\"displayName\":\"  \",\"role\":\"CivilAffairsOfficer\",\"jurisdictionCode\":\"430702\"}")]
    public async Task CreateUser_WithBadField_Returns400NamingTheField(string field, string json)
    {
        using var admin = await app.AdminAsync();
        var response = await admin.PostAsync("/api/v1/users", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"errors should name {field}: {problem}");
        Assert.NotEqual(0, messages.GetArrayLength());
        await using var db = app.SystemDb();
        Assert.Equal(1, await db.Users.CountAsync(u => u.UserName!.StartsWith("u-bad") || u.UserName == "admin", Ct));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"userName\": 5}")]
    public async Task CreateUser_WithMalformedJson_Returns400Problem(string json)
    {
        using var admin = await app.AdminAsync();
        var response = await admin.PostAsync("/api/v1/users", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateOrganization_InsideTheOfficersCounty_Returns201()
    {
        using var officer = await app.UserAsync("CivilAffairsOfficer", "430702");
        var inside = await officer.PostAsJsonAsync("/api/v1/organizations", new { name = "武陵区未成年人救助保护中心", kind = "ProtectionCentre", regionCode = "430702" }, Ct);
        Assert.Equal(HttpStatusCode.Created, inside.StatusCode);
    }

    [Fact]
    public async Task CreateOrganization_InAnotherCounty_Returns403()
    {
        using var officer = await app.UserAsync("CivilAffairsOfficer", "430702");
        var outside = await officer.PostAsJsonAsync("/api/v1/organizations", new { name = "鼎城区某单位", kind = "MemberUnit", regionCode = ShouhuApp.OtherCounty }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
    }

    [Fact]
    public async Task CreateOrganization_OfAnUnknownKind_Returns400OnKind()
    {
        using var officer = await app.UserAsync("CivilAffairsOfficer", "430702");
        var badKind = await officer.PostAsJsonAsync("/api/v1/organizations", new { name = "某", kind = "Bank", regionCode = "430702" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.True((await badKind.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("kind", out _));
    }

    [Fact]
    public async Task ListOrganizations_ByAnOfficer_ShowsOnlyTheirCounty()
    {
        using var officer = await app.UserAsync("CivilAffairsOfficer", "430702");
        await app.OrganizationAsync("鼎城区民政局" + Guid.NewGuid().ToString("N")[..4], "MemberUnit", ShouhuApp.OtherCounty);
        await app.OrganizationAsync("武陵区民政局" + Guid.NewGuid().ToString("N")[..4], "MemberUnit", "430702");
        var list = await officer.GetFromJsonAsync<JsonElement>("/api/v1/organizations", Ct);
        var regions = list.EnumerateArray().Select(o => o.GetProperty("regionCode").GetString()!).ToList();
        Assert.Contains("430702", regions);
        Assert.All(regions, r => Assert.StartsWith("430702", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Api_WithoutToken_Returns401()
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/children", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/regions/4307", Ct)).StatusCode);
    }

    [Fact]
    public async Task Page_WithoutSignIn_RedirectsToLogin()
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await client.GetAsync("/Children", Ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Accounts/Login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_WithABogusBearerToken_Returns401()
    {
        using var bogus = app.CreateClient();
        bogus.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await bogus.GetAsync("/api/v1/children", Ct)).StatusCode);
    }
}
