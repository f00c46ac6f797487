using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouhu.Data;

namespace Shouhu.IntegrationTests.Platform;

/// <summary>
/// Several cities in one installation (issue #9 finding 16): <c>admin</c> administers the first city of SHOUHU_CITY,
/// <c>admin-CODE</c> each further one; a start with a city added creates what is missing and changes nothing else.
/// </summary>
public sealed class MultiCityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddCity_GetsItsOwnAdministrator_WhoCreatesAccountsThere_AndTheFirstCannot()
    {
        using var app = new ShouhuApp();
        app.Settings["SHOUHU_CITY"] = "4307,5401";
        using var lhasa = await app.ClientForAsync("admin-5401", ShouhuApp.AdminPassword);
        using var changde = await app.AdminAsync();
        string village;
        await using (var db = app.SystemDb())
        {
            var admins = await db.Users.Where(u => u.Role == "SystemAdmin").OrderBy(u => u.UserName).Select(u => new { u.UserName, u.JurisdictionCode, u.OrganizationId }).ToListAsync(Ct);
            Assert.Equal(["admin:4307", "admin-5401:5401"], admins.Select(a => $"{a.UserName}:{a.JurisdictionCode}"));
            var bureau = await db.Organizations.SingleAsync(o => o.Id == admins[1].OrganizationId, Ct);
            Assert.Equal(("拉萨市民政局", "5401"), (bureau.Name, bureau.RegionCode));
            village = await db.Regions.Where(r => r.Level == 5 && r.Code.StartsWith("5401")).OrderBy(r => r.Code).Select(r => r.Code).FirstAsync(Ct);
        }

        var body = new { userName = "lhasa-director", password = ShouhuApp.UserPassword, displayName = "拉萨儿童主任", role = "ChildDirector", jurisdictionCode = village };
        Assert.Equal(HttpStatusCode.Forbidden, (await changde.PostAsJsonAsync("/api/v1/users", body, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await lhasa.PostAsJsonAsync("/api/v1/users", body, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lhasa.PostAsJsonAsync("/api/v1/users", body with { userName = "changde-x", jurisdictionCode = ShouhuApp.VillageA }, Ct)).StatusCode);
        var trail = await lhasa.GetFromJsonAsync<JsonElement>("/api/v1/audit?pageSize=200", Ct);
        Assert.All(trail.GetProperty("items").EnumerateArray(), i => Assert.StartsWith("5401", i.GetProperty("regionCode").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Startup_WithACityAdded_CreatesItsAdministrator_AndChangesNothingElse()
    {
        using var app = new ShouhuApp();
        await using var before = app.SystemDb();
        var admin = await before.Users.AsNoTracking().SingleAsync(u => u.UserName == "admin", Ct);
        var organizations = await before.Organizations.CountAsync(Ct);

        await using var again = app.WithWebHostBuilder(b => b.UseSetting("SHOUHU_CITY", "4307,5401"));
        using (again.CreateClient())
        {
            await using var after = new ShouhuDbContext(again.Services.GetRequiredService<DbContextOptions<ShouhuDbContext>>(), new FixedCallerContext(CallerScope.System));
            var same = await after.Users.AsNoTracking().SingleAsync(u => u.UserName == "admin", Ct);
            Assert.Equal((admin.PasswordHash, admin.JurisdictionCode, admin.SecurityStamp, admin.OrganizationId), (same.PasswordHash, same.JurisdictionCode, same.SecurityStamp, same.OrganizationId));
            Assert.Equal("5401", (await after.Users.SingleAsync(u => u.UserName == "admin-5401", Ct)).JurisdictionCode);
            Assert.Equal(organizations + 1, await after.Organizations.CountAsync(Ct));
        }

        await using var third = app.WithWebHostBuilder(b => b.UseSetting("SHOUHU_CITY", "4307,5401"));
        using (third.CreateClient())
        {
            await using var unchanged = new ShouhuDbContext(third.Services.GetRequiredService<DbContextOptions<ShouhuDbContext>>(), new FixedCallerContext(CallerScope.System));
            Assert.Equal(2, await unchanged.Users.CountAsync(u => u.Role == "SystemAdmin", Ct));
            Assert.Equal(organizations + 1, await unchanged.Organizations.CountAsync(Ct));
        }
    }
}
