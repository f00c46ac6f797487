using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouhu.IntegrationTests.Accounts;
using Shouhu.Web.Shared;
using static Shouhu.IntegrationTests.Api;

namespace Shouhu.IntegrationTests.Children;

/// <summary>Who writes the register (issue #9 finding 2, #10 item 8): officers, supervisors and directors; hotline operators read and report only.</summary>
public sealed class RegistryRolesTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An orphan with a confirmed category and both parents recorded, as the attacker's reproduction had it.</summary>
    private async Task<(string Id, string CategoryId, string FatherId, string Version)> ConfirmedOrphanAsync()
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        using var supervisor = await app.UserAsync("ChildSupervisor", "430702001");
        using var county = await app.UserAsync("CivilAffairsOfficer", "430702");
        var created = await director.PostAsJsonAsync("/api/v1/children", new
        {
            name = "孤角色", sex = "male", birthDate = "2013-01-01", residenceRegionCode = ShouhuApp.VillageA, allowPossibleDuplicate = true,
            categories = new[] { new { category = "Orphan" } },
            guardians = new[] { new { name = "父", relation = "Father", status = "Deceased" }, new { name = "母", relation = "Mother", status = "Deceased" } },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var child = await Json(created);
        var id = child.GetProperty("id").GetString()!;
        var cat = child.GetProperty("categories")[0].GetProperty("id").GetString()!;
        var verified = await supervisor.PostAsJsonAsync($"/api/v1/children/{id}/categories/{cat}/township-verify", new { version = child.GetProperty("categories")[0].GetProperty("version").GetString() }, Ct);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var version = (await Json(verified)).GetProperty("categories")[0].GetProperty("version").GetString();
        var confirmed = await county.PostAsJsonAsync($"/api/v1/children/{id}/categories/{cat}/confirm", new { version }, Ct);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var body = await Json(confirmed);
        var father = body.GetProperty("guardians").EnumerateArray().First(g => g.GetProperty("relation").GetString() == "Father").GetProperty("id").GetString()!;
        return (id, cat, father, body.GetProperty("version").GetString()!);
    }

    [Theory]
    [InlineData("POST", "/api/v1/children")]
    [InlineData("PUT", "/api/v1/children/{id}")]
    [InlineData("POST", "/api/v1/children/{id}/guardians")]
    [InlineData("PUT", "/api/v1/children/{id}/guardians/{gid}")]
    [InlineData("DELETE", "/api/v1/children/{id}/guardians/{gid}")]
    [InlineData("POST", "/api/v1/children/{id}/categories")]
    [InlineData("POST", "/api/v1/children/{id}/categories/{cid}/exit")]
    [InlineData("POST", "/api/v1/children/{id}/categories/{cid}/reject")]
    [InlineData("POST", "/api/v1/children/{id}/categories/{cid}/township-verify")]
    [InlineData("POST", "/api/v1/children/{id}/categories/{cid}/confirm")]
    public async Task WriteRegister_ByHotlineOperator_Returns403_AndChangesNothing(string method, string route)
    {
        var (id, cat, father, version) = await ConfirmedOrphanAsync();
        using var hotline = await app.UserAsync("HotlineOperator", "4307");
        var path = route.Replace("{id}", id, StringComparison.Ordinal).Replace("{gid}", father, StringComparison.Ordinal).Replace("{cid}", cat, StringComparison.Ordinal);
        var body = JsonContent.Create(new
        {
            name = "改名", sex = "male", birthDate = "2013-01-01", residenceRegionCode = ShouhuApp.VillageA, relation = "Father", status = "Living",
            category = "InDistress", subType = "家庭经济困难", reason = "测试", version,
        });
        var response = await hotline.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "DELETE" ? null : body }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);

        await using var db = app.SystemDb();
        var guid = Guid.Parse(id);
        var child = await db.Children.Include(c => c.Guardians).Include(c => c.Categories).AsSplitQuery().SingleAsync(c => c.Id == guid, Ct);
        Assert.Equal("孤角色", child.Name);
        Assert.Equal(2, child.Guardians.Count);
        Assert.All(child.Guardians, g => Assert.Equal(Domain.Children.GuardianStatus.Deceased, g.Status));
        var only = Assert.Single(child.Categories);
        Assert.Equal(Domain.Children.CategoryStatus.Verified, only.Status);
        Assert.Equal(0, await db.Children.CountAsync(c => c.Name == "改名", Ct));
    }

    [Fact]
    public void RegisterWriteRoutes_Every_CarriesTheOneWritePolicy()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/v1/children", StringComparison.Ordinal)
                && (raw is "/api/v1/children/" or "/api/v1/children/{id:guid}" || raw.Contains("/guardians", StringComparison.Ordinal) || raw.Contains("/categories", StringComparison.Ordinal))
                && e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Any(m => m != "GET") == true)
            .ToList();
        Assert.True(endpoints.Count >= 7, $"only {endpoints.Count} write routes found"); // register, edit, 3 family, 2 category
        foreach (var e in endpoints)
        {
            var policies = e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            Assert.True(policies.Contains(Policies.WriteRegistry), $"{e.RoutePattern.RawText} lacks {Policies.WriteRegistry}");
        }
    }

    [Fact]
    public async Task RegisterPages_ForHotlineOperator_OfferNoWrites_WhileADirectorsDo()
    {
        var (id, _, _, _) = await ConfirmedOrphanAsync();
        using var hotline = await app.PageUserAsync("HotlineOperator", "4307");
        var record = await PageAsync(hotline, $"/Children/Details/{id}");
        Assert.Contains("孤角色", record, StringComparison.Ordinal);
        foreach (var offer in new[] { "/Children/Edit/", "申报保护类别", "添加家庭成员", "乡镇查验通过", "县级确认", "name=\"reason\"" })
        {
            Assert.DoesNotContain(offer, record, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("/Children/Create", await PageAsync(hotline, "/Children"), StringComparison.Ordinal);
        AssertRefused(await hotline.GetAsync("/Children/Create", Ct));
        AssertRefused(await hotline.GetAsync($"/Children/Edit/{id}", Ct));

        using var director = await app.PageUserAsync("ChildDirector", ShouhuApp.VillageA);
        var own = await PageAsync(director, $"/Children/Details/{id}");
        Assert.Contains($"/Children/Edit/{id}", own, StringComparison.Ordinal);
        Assert.Contains("添加家庭成员", own, StringComparison.Ordinal);
        Assert.Contains("/Children/Create", await PageAsync(director, "/Children"), StringComparison.Ordinal);
    }

    /// <summary>A page's text with HTML character references decoded (Razor encodes Chinese as <c>&amp;#x…;</c>).</summary>
    internal static async Task<string> PageAsync(HttpClient client, string url)
    {
        var r = await client.GetAsync(url, Ct);
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"{url}: {r.StatusCode} {r.Headers.Location}");
        return WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>A page refused for the role: 403, or the redirect to the access-denied page.</summary>
    private static void AssertRefused(HttpResponseMessage r) =>
        Assert.True(r.StatusCode is HttpStatusCode.Forbidden || r.Headers.Location?.OriginalString.Contains("Denied", StringComparison.Ordinal) == true, $"{r.StatusCode} {r.Headers.Location}");

    [Fact]
    public async Task RegisterChild_WithoutCategory_IsNotToldACategoryWaits_AndTheConfirmationIsShownOnce()
    {
        using var page = await app.PageUserAsync("ChildDirector", ShouhuApp.VillageA);
        var create = $"/Children/Create?region={ShouhuApp.VillageA}";
        await using var db = app.SystemDb();
        // The form's answer is a redirect to the record's clean address; the first look there confirms, once.
        async Task<(string First, string Again)> RegisterAsync(string name, Dictionary<string, string> fields)
        {
            fields["Name"] = name;
            fields["ResidenceRegionCode"] = ShouhuApp.VillageA;
            Assert.Equal(string.Empty, (await AccountSecurityTests.PostFormAsync(page, create, fields)).Trim());
            var id = await db.Children.Where(c => c.Name == name).Select(c => c.Id).SingleAsync(Ct);
            return (await PageAsync(page, $"/Children/Details/{id}"), await PageAsync(page, $"/Children/Details/{id}"));
        }

        var withoutCategory = await RegisterAsync("无类别一次", new() { ["Sex"] = "female", ["BirthDate"] = "2016-02-02" });
        Assert.Contains("已登记。", withoutCategory.First, StringComparison.Ordinal);
        Assert.DoesNotContain("待乡镇查验", withoutCategory.First, StringComparison.Ordinal);
        Assert.DoesNotContain("已登记。", withoutCategory.Again, StringComparison.Ordinal);
        var withCategory = await RegisterAsync("有类别一次", new()
        {
            ["Sex"] = "male", ["CitizenIdNumber"] = ShouhuApp.NewIdNumber(new DateOnly(2015, 5, 5), true), ["HouseholdKind"] = "Rural", ["Categories"] = "LeftBehind",
            ["Father.Name"] = "赵大", ["Father.Status"] = "Living", ["Father.IsWorkingAway"] = "true", ["Father.WorkPlace"] = "广东东莞", ["Father.AwaySince"] = "2024-01-01", ["Father.WorkRegionCode"] = "441900",
            ["Mother.Name"] = "钱二", ["Mother.Status"] = "Living", ["Mother.IsWorkingAway"] = "true", ["Mother.WorkPlace"] = "浙江义乌", ["Mother.AwaySince"] = "2024-01-01", ["Mother.WorkRegionCode"] = "330782",
        });
        Assert.Contains("保护类别已提交，待乡镇查验", withCategory.First, StringComparison.Ordinal);
        Assert.DoesNotContain("已登记。", withCategory.Again, StringComparison.Ordinal);
    }
}
