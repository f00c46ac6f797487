using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouhu.Data;
using Shouhu.Web.Features.Regions;
using Shouhu.Web.Shared;

namespace Shouhu.IntegrationTests.Platform;

/// <summary>Start-up, migrations, regions, health and the OpenAPI document, on the configured engine.</summary>
public sealed class PlatformTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Model_HasNoPendingChanges_ForThisProvidersMigrations()
    {
        await using var db = app.SystemDb();
        Assert.False(db.Database.HasPendingModelChanges(), $"{app.Provider}: add a migration to the {app.Provider} migrations project");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
    }

    /// <summary>
    /// API-CONTRACT.md: ASPNETCORE_URLS decides where Shouhu listens. A "Urls" in appsettings.json (and launchSettings'
    /// applicationUrl) once overrode it, so the app listened on 5080 whatever was asked. The real executable is started.
    /// </summary>
    [Fact]
    public async Task AspNetCoreUrls_DecidesWhereTheApplicationListens()
    {
        Assert.SkipWhen(app.Provider != "sqlite", "a process of its own on an embedded database: once, on SQLite, is enough");

        var testBin = new DirectoryInfo(AppContext.BaseDirectory); // tests/Shouhu.IntegrationTests/bin/<Configuration>/net10.0/
        var configuration = testBin.Parent!.Name;
        var root = testBin.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(root, "src", "Shouhu.Web", "bin", configuration, "net10.0", "Shouhu.Web.dll");
        Assert.True(File.Exists(dll), dll);
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        var data = Path.Combine(Path.GetTempPath(), "shouhu-urls-" + Guid.NewGuid().ToString("N"));
        var start = new System.Diagnostics.ProcessStartInfo("dotnet", $"\"{dll}\"") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["SHOUHU_DATA_DIR"] = data;
        start.Environment["SHOUHU_ADMIN_PASSWORD"] = "Urls#Test2026";
        using var process = System.Diagnostics.Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // A busy machine may take longer than a request's timeout for the first answer: a timeout is one more try.
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var healthy = false;
            // A first start migrates and seeds: on a busy 2-core machine that has taken over a minute.
            var deadline = DateTime.UtcNow.AddMinutes(4);
            while (DateTime.UtcNow < deadline && !healthy && !process.HasExited)
            {
                try
                {
                    healthy = (await http.GetAsync($"http://127.0.0.1:{port}/healthz", TestContext.Current.CancellationToken)).IsSuccessStatusCode;
                }
                catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !TestContext.Current.CancellationToken.IsCancellationRequested))
                {
                    await Task.Delay(500, TestContext.Current.CancellationToken);
                }
            }

            Assert.True(healthy, "no answer on the port of ASPNETCORE_URLS");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    [Fact]
    public async Task FirstStart_SeedsRealChangdeRegions()
    {
        // An empty database of its own (the other tests start on a copy of an already seeded template).
        using var fresh = new ShouhuApp(TestDatabase.CreateEmpty());
        _ = fresh.Server;
        await using var db = fresh.SystemDb();
        Assert.Equal(10, await db.Regions.CountAsync(r => r.ParentCode == "4307", Ct));
        Assert.Equal(178, await db.Regions.CountAsync(r => r.Level == 4 && r.Code.StartsWith("4307"), Ct));
        Assert.Equal(2273, await db.Regions.CountAsync(r => r.Level == 5 && r.Code.StartsWith("4307"), Ct));
        Assert.Equal("湖南省", (await db.Regions.SingleAsync(r => r.Code == "43", Ct)).Name);
    }

    [Fact]
    public async Task SecondStart_OnTheSameData_ChangesNothing()
    {
        await using var before = app.SystemDb();
        var regions = await before.Regions.CountAsync(Ct);
        var users = await before.Users.CountAsync(Ct);
        var orgs = await before.Organizations.CountAsync(Ct);
        var hash = (await before.Users.SingleAsync(u => u.UserName == "admin", Ct)).PasswordHash;

        // Start the same application again on the same database.
        var app2 = app.WithWebHostBuilder(_ => { });
        using (app2.CreateClient())
        {
            await using var after = new ShouhuDbContext(app2.Services.GetRequiredService<DbContextOptions<ShouhuDbContext>>(), new FixedCallerContext(CallerScope.System));
            Assert.Equal(regions, await after.Regions.CountAsync(Ct));
            Assert.Equal(users, await after.Users.CountAsync(Ct));
            Assert.Equal(orgs, await after.Organizations.CountAsync(Ct));
            Assert.Equal(hash, (await after.Users.SingleAsync(u => u.UserName == "admin", Ct)).PasswordHash);
        }

        await app2.DisposeAsync();
    }

    [Fact]
    public async Task RegionImport_OfLhasa_IsCompleteAndIdempotent()
    {
        await using var db = app.SystemDb();
        var first = await new RegionImporter(db).ImportAsync(["5401"], ct: Ct);
        Assert.Equal(370, first.Inserted);
        // 8 counties and districts plus 4 development zones (开发区/园区), kept as regions.
        Assert.Equal(12, await db.Regions.CountAsync(r => r.ParentCode == "5401", Ct));
        Assert.Equal("拉萨市", (await db.Regions.SingleAsync(r => r.Code == "5401", Ct)).Name);
        var second = await new RegionImporter(db).ImportAsync(["5401"], ct: Ct);
        Assert.Equal(0, second.Inserted);
        Assert.Equal(370, second.Matched);
    }

    [Fact]
    public async Task GetRegion_ReturnsItsChildren_And404ForAnUnknownCode()
    {
        using var admin = await app.AdminAsync();
        var city = await admin.GetFromJsonAsync<JsonElement>("/api/v1/regions/4307", Ct);
        Assert.Equal("常德市", city.GetProperty("name").GetString());
        Assert.Equal(2, city.GetProperty("level").GetInt32());
        Assert.Equal("43", city.GetProperty("parentCode").GetString());
        Assert.Equal(10, city.GetProperty("children").GetArrayLength());
        Assert.Equal("430702", city.GetProperty("children")[0].GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/regions/439999", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/regions/abc", Ct)).StatusCode);
    }

    [Fact]
    public async Task HealthAndOpenApi_AreServed()
    {
        using var client = app.CreateClient();
        Assert.Equal("ok", await client.GetStringAsync("/healthz", Ct));
        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);
        var paths = doc.GetProperty("paths");
        foreach (var p in new[] { "/api/v1/auth/token", "/api/v1/regions/{code}", "/api/v1/users", "/api/v1/organizations", "/api/v1/children", "/api/v1/children/{id}", "/api/v1/audit",
            "/api/v1/reports", "/api/v1/reports/{id}/triage", "/api/v1/cases/{id}", "/api/v1/cases/{id}/referrals",
            "/api/v1/referrals/{id}/accept", "/api/v1/referrals/{id}/decline", "/api/v1/referrals/{id}/complete",
            "/api/v1/assessment-instruments/current", "/api/v1/children/{id}/assessments", "/api/v1/children/{id}/visits",
            "/api/v1/alerts/run", "/api/v1/alerts", "/api/v1/workbench" })
        {
            Assert.True(paths.TryGetProperty(p, out _), $"OpenAPI lacks {p}");
        }

        var ui = await client.GetAsync("/api-docs/index.html", Ct);
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
    }
}
