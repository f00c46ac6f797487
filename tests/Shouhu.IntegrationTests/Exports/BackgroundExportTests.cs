using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Shouhu.Domain.Exports;
using Shouhu.IntegrationTests.Children;
using Shouhu.Web.Features.Children;
using Shouhu.Web.Features.Exports;
using static Shouhu.IntegrationTests.Api;

namespace Shouhu.IntegrationTests.Exports;

/// <summary>An application whose child-list page writes any export of more than two rows in the background.</summary>
public sealed class BackgroundExportApp : ShouhuApp
{
    /// <summary>More than two rows from the page: in the background.</summary>
    public BackgroundExportApp()
    {
        Settings["Exports:PageDirectRows"] = "2";
    }
}

/// <summary>
/// Large exports in the background (ADR-016; issue #12 item 8): the same file as an export at once, a progress that ends
/// ready, only the asking account sees and fetches it, one audit entry per file and one per download, refused when the
/// role no longer grants what was asked, written again after a restart, deleted when expired.
/// </summary>
public sealed class BackgroundExportTests(BackgroundExportApp app) : IClassFixture<BackgroundExportApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task SeedAsync(string prefix, int count)
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        for (var i = 0; i < count; i++)
        {
            await OkJson(await director.PostAsJsonAsync("/api/v1/children",
                ChildrenTests.ChildBody($"{prefix}𠮷{i}", ShouhuApp.NewIdNumber(new DateOnly(2015, 3, 1 + i), true), ShouhuApp.VillageA), Ct), HttpStatusCode.Created);
        }
    }

    /// <summary>The first sheet's rows, header → cell.</summary>
    internal static List<IDictionary<string, object>> Rows(byte[] xlsx) =>
        new MemoryStream(xlsx).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();

    private Task<ExportJob> SettledAsync(Guid id) => SettledAsync(app, id);

    /// <summary>Export <paramref name="id"/> once it is ready or failed (30 s at most), read through the system context.</summary>
    internal static async Task<ExportJob> SettledAsync(ShouhuApp app, Guid id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            await using var db = app.SystemDb();
            var job = await db.ExportJobs.AsNoTracking().FirstAsync(j => j.Id == id, Ct);
            if (job.Status is ExportStatus.Ready or ExportStatus.Failed)
            {
                return job;
            }

            await Task.Delay(100, Ct);
        }

        throw new TimeoutException("the export did not finish in 30 s");
    }

    private async Task<List<string>> AuditAsync(string actorId, string action)
    {
        await using var db = app.SystemDb();
        return await db.AuditEntries.Where(a => a.ActorId == actorId && a.Action == action).OrderBy(a => a.Sequence).Select(a => a.Detail ?? "").ToListAsync(Ct);
    }

    [Fact]
    public async Task ApiExport_WithPreferRespondAsync_IsTheSameFile_OnlyItsOwnerSeesIt_AuditedOncePerFileAndPerDownload()
    {
        await SeedAsync("后台甲", 3);
        var (officer, officerId) = await app.StaffAsync("CivilAffairsOfficer", "430702", userName: "bg-api-officer");
        var direct = await officer.GetAsync("/api/v1/children/export?q=后台甲", Ct);
        Assert.Equal(HttpStatusCode.OK, direct.StatusCode);
        var expected = Rows(await direct.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(3, expected.Count);

        using var ask = new HttpRequestMessage(HttpMethod.Get, "/api/v1/children/export?q=后台甲");
        ask.Headers.Add("Prefer", "respond-async");
        var accepted = await officer.SendAsync(ask, Ct);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var location = accepted.Headers.Location!.OriginalString;
        var body = await Json(accepted);
        Assert.Equal(3, body.GetProperty("rowsTotal").GetInt64());
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/exports/{id}", location);

        var job = await SettledAsync(id);
        Assert.Equal((ExportStatus.Ready, 3L), (job.Status, job.RowsWritten));
        var status = await OkJson(await officer.GetAsync(location, Ct));
        Assert.Equal(("ready", 3L), (status.GetProperty("status").GetString(), status.GetProperty("rowsWritten").GetInt64()));

        // Kept readable by the server's account only.
        var path = app.Services.GetRequiredService<ExportFiles>().PathOf(id);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        var file = await officer.GetAsync(location + "/file", Ct);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Contains("儿童名册-", file.Content.Headers.ContentDisposition!.FileNameStar ?? file.Content.Headers.ContentDisposition.FileName);
        var rows = Rows(await file.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(expected.Select(r => (r["姓名"], r["公民身份号码"])), rows.Select(r => (r["姓名"], r["公民身份号码"])));
        Assert.Contains(rows, r => ((string)r["姓名"]).Contains("𠮷", StringComparison.Ordinal)); // outside the BMP, read back whole

        // Nobody else — same county, the city above, a village director — learns it exists.
        using var colleague = await app.UserAsync("CivilAffairsOfficer", "430702");
        using var city = await app.UserAsync("CivilAffairsOfficer", "4307");
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        foreach (var other in new[] { colleague, city, director })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(location, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(location + "/file", Ct)).StatusCode);
        }

        var exports = await AuditAsync(officerId, "Export");
        Assert.Equal(2, exports.Count); // the direct one and the background one
        Assert.Contains("rows=3", exports[1], StringComparison.Ordinal);
        Assert.Contains("background=yes", exports[1], StringComparison.Ordinal);
        Assert.Contains("q=yes", exports[1], StringComparison.Ordinal);
        Assert.DoesNotContain("后台甲", exports[1], StringComparison.Ordinal);
        Assert.Single(await AuditAsync(officerId, "ExportDownload"));
    }

    [Fact]
    public async Task PageExport_OverTheLimit_GoesToTheProgressPage_ThenDownloads_AndOthersGet404()
    {
        await SeedAsync("后台乙", 3);
        var (_, ownerId) = await app.StaffAsync("CivilAffairsOfficer", "430702", userName: "bg-page-officer");
        using var page = await app.PagesClientAsync("bg-page-officer");
        var start = await page.GetAsync("/Children?handler=Export&q=后台乙", Ct);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var location = start.Headers.Location!.OriginalString;
        Assert.Matches("^/Exports/[0-9a-f-]{36}$", location);
        var id = Guid.Parse(location.Split('/')[^1]);

        Assert.Equal(ExportStatus.Ready, (await SettledAsync(id)).Status);
        var progress = JsonDocument.Parse(await page.GetStringAsync(location + "?handler=Progress", Ct)).RootElement;
        Assert.Equal(("ready", 3L, 3L), (progress.GetProperty("status").GetString(), progress.GetProperty("rowsWritten").GetInt64(), progress.GetProperty("rowsTotal").GetInt64()));
        var details = System.Net.WebUtility.HtmlDecode(await page.GetStringAsync(location, Ct));
        Assert.Contains("已完成", details, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Exports/{id}?handler=File\"", details, StringComparison.Ordinal);
        Assert.Contains(id.ToString(), System.Net.WebUtility.HtmlDecode(await page.GetStringAsync("/Exports", Ct)), StringComparison.Ordinal);

        var file = await page.GetAsync(location + "?handler=File", Ct);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(3, Rows(await file.Content.ReadAsByteArrayAsync(Ct)).Count);
        Assert.Single(await AuditAsync(ownerId, "ExportDownload"));

        // At or under the limit the page still answers with the file at once.
        await SeedAsync("后台丙", 2);
        var small = await page.GetAsync("/Children?handler=Export&q=后台丙", Ct);
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        Assert.Equal(2, Rows(await small.Content.ReadAsByteArrayAsync(Ct)).Count);

        using var other = await app.PageUserAsync("CivilAffairsOfficer", "430702");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(location, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(location + "?handler=File", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(location + "?handler=Progress", Ct)).StatusCode);
        Assert.DoesNotContain(id.ToString(), await other.GetStringAsync("/Exports", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageExport_WithoutThePurpose_KeepsTheListAndTheChoices_AndAFullNumberFileSaysSoInItsName()
    {
        await SeedAsync("后台己", 2);
        using var page = await app.PageUserAsync("CivilAffairsOfficer", "430702");
        var refused = System.Net.WebUtility.HtmlDecode(await page.GetStringAsync("/Children?handler=Export&q=后台己&fullIdNumbers=true", Ct));
        Assert.Contains("后台己𠮷0", refused, StringComparison.Ordinal);                   // the list is still there
        Assert.DoesNotContain("共 0 人", refused, StringComparison.Ordinal);
        Assert.Matches("name=\"fullIdNumbers\" value=\"true\" checked", refused);      // and the box still ticked
        Assert.Contains("用途", refused, StringComparison.Ordinal);

        var badFilter = System.Net.WebUtility.HtmlDecode(await page.GetStringAsync("/Children?ageMin=10&ageMax=3", Ct));
        Assert.DoesNotContain("共 0 人", badFilter, StringComparison.Ordinal);             // a wrong filter is not "nobody"
        Assert.Contains("请先改正", badFilter, StringComparison.Ordinal);

        var file = await page.GetAsync("/Children?handler=Export&q=后台己&fullIdNumbers=true&purpose=" + Uri.EscapeDataString("年度核查"), Ct);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.StartsWith("儿童名册-含完整号码-", file.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);
        var masked = await page.GetAsync("/Children?handler=Export&q=后台己", Ct);
        Assert.StartsWith("儿童名册-2", masked.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);
    }

    // A job stored as the API stores it, for the cases the API cannot reach (a role that changed, a crash mid-write).
    private async Task<Guid> StoreAsync(string ownerId, string role, string parameters, ExportStatus status)
    {
        await using var db = app.SystemDb();
        var owner = await db.Users.FirstAsync(u => u.Id == ownerId, Ct);
        var id = Guid.CreateVersion7();
        db.ExportJobs.Add(new ExportJob
        {
            Id = id, RegionCode = owner.JurisdictionCode, List = ChildBackgroundExport.ListName, Parameters = parameters, CreatedBy = ownerId,
            CreatedByName = owner.UserName!, Role = role, FileName = "儿童名册-20261202.xlsx", Status = status, RowsTotal = 3, CreatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync(Ct);
        return id;
    }

    [Fact]
    public async Task Job_ARequestTheRoleDoesNotGrant_FailsWithTheReason_WritingNothing()
    {
        var (_, hotlineId) = await app.StaffAsync("HotlineOperator", "430702", userName: "bg-hotline");
        var id = await StoreAsync(hotlineId, "HotlineOperator",
            JsonSerializer.Serialize(new ChildExportParameters(new ChildFilter(), FullIdNumbers: true, IncludeCategories: false, Purpose: "核查"), ExportJson.Options), ExportStatus.Waiting);
        app.Services.GetRequiredService<ExportQueue>().Enqueue(id);
        var job = await SettledAsync(id);
        Assert.Equal(ExportStatus.Failed, job.Status);
        Assert.False(string.IsNullOrWhiteSpace(job.Failure));
        Assert.False(File.Exists(app.Services.GetRequiredService<ExportFiles>().PathOf(id)));
        Assert.Empty(await AuditAsync(hotlineId, "Export"));
    }

    [Fact]
    public async Task Job_LeftWritingByACrash_IsWrittenAgainWhole_AuditedOnce_AndDeletedWhenExpired()
    {
        await SeedAsync("后台丁", 3);
        var (_, ownerId) = await app.StaffAsync("CivilAffairsOfficer", "430702", userName: "bg-crash-officer");
        var id = await StoreAsync(ownerId, "CivilAffairsOfficer",
            JsonSerializer.Serialize(new ChildExportParameters(new ChildFilter(Q: "后台丁"), false, false, null), ExportJson.Options), ExportStatus.Writing);
        var files = app.Services.GetRequiredService<ExportFiles>();
        Directory.CreateDirectory(files.Directory);
        await File.WriteAllTextAsync(files.PathOf(id) + ".part", "half a file", Ct); // what the crash left

        app.Services.GetRequiredService<ExportQueue>().Enqueue(id); // as the runner does at start-up
        var job = await SettledAsync(id);
        Assert.Equal((ExportStatus.Ready, 3L), (job.Status, job.RowsWritten));
        Assert.False(File.Exists(files.PathOf(id) + ".part"));
        await using (var file = File.OpenRead(files.PathOf(id)))
        {
            Assert.Equal(3, file.Query(useHeaderRow: true).Count());
        }

        Assert.Single(await AuditAsync(ownerId, "Export"));

        // A day later: the job and its file are gone.
        await using (var db = app.SystemDb())
        {
            var stored = await db.ExportJobs.FirstAsync(j => j.Id == id, Ct);
            stored.ExpiresAt = DateTime.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync(Ct);
        }

        Assert.True(await app.Services.GetRequiredService<ExportRunner>().CleanAsync(Ct) >= 1);
        Assert.False(File.Exists(files.PathOf(id)));
        await using (var db = app.SystemDb())
        {
            Assert.False(await db.ExportJobs.AnyAsync(j => j.Id == id, Ct));
        }
    }

    [Fact]
    public async Task ThirdExport_WhileTwoAreUnfinished_IsRefusedWithTheReason_OnTheApiAndThePage()
    {
        await SeedAsync("后台戊", 3);
        var (api, ownerId) = await app.StaffAsync("CivilAffairsOfficer", "430702", userName: "bg-busy-officer");
        var parameters = JsonSerializer.Serialize(new ChildExportParameters(new ChildFilter(Q: "后台戊"), false, false, null), ExportJson.Options);
        await StoreAsync(ownerId, "CivilAffairsOfficer", parameters, ExportStatus.Waiting); // queued behind others: not handed to the runner here
        await StoreAsync(ownerId, "CivilAffairsOfficer", parameters, ExportStatus.Waiting);

        using var ask = new HttpRequestMessage(HttpMethod.Get, "/api/v1/children/export?q=后台戊");
        ask.Headers.Add("Prefer", "respond-async");
        var refused = await api.SendAsync(ask, Ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains(StartExport.TooMany, await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var page = await app.PagesClientAsync("bg-busy-officer");
        var shown = await page.GetAsync("/Children?handler=Export&q=后台戊", Ct);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains(StartExport.TooMany, System.Net.WebUtility.HtmlDecode(await shown.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        await using var db = app.SystemDb();
        Assert.Equal(2, await db.ExportJobs.CountAsync(j => j.CreatedBy == ownerId, Ct));
    }
}
