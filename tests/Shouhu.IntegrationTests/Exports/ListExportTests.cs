using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Shouhu.IntegrationTests.Children;
using Shouhu.Web.Features.Alerts;
using Shouhu.Web.Features.Cases;
using Shouhu.Web.Features.Referrals;
using Shouhu.Web.Features.Reports;
using Shouhu.Web.Features.Visits;
using static Shouhu.IntegrationTests.Api;

namespace Shouhu.IntegrationTests.Exports;

/// <summary>
/// Every list's export (issue #12 item 8): read back, it holds exactly the rows the list answers for the same caller and
/// filter — in the list's order, as the list shows them — for a village child director and a county officer; rows of
/// another village or county are absent; each export is audited once with its row count.
/// </summary>
public sealed class ListExportTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    // One world per test class (xUnit runs a class's tests one after another).
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static World? _world;

    private sealed record World(HttpClient Director, HttpClient Officer, string DirectorName, string OfficerName, string OtherVillage);

    private async Task<World> WorldAsync()
    {
        await Gate.WaitAsync(Ct);
        try
        {
            return _world ??= await BuildAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    // Children, reports, cases, referrals, due visits and alerts in village A (the director's), village B (same county) and
    // another county — each of the other two outside the director's, the last outside the officer's jurisdiction.
    private async Task<World> BuildAsync()
    {
        string otherVillage;
        await using (var db = app.SystemDb())
        {
            otherVillage = await db.Regions.Where(r => r.Code.StartsWith(ShouhuApp.OtherCounty) && r.Code.Length == 12).OrderBy(r => r.Code).Select(r => r.Code).FirstAsync(Ct);
        }

        var (director, directorId) = await app.StaffAsync("ChildDirector", ShouhuApp.VillageA, userName: "export-director");
        var (directorB, directorBId) = await app.StaffAsync("ChildDirector", ShouhuApp.VillageB, userName: "export-director-b");
        var (officer, officerId) = await app.StaffAsync("CivilAffairsOfficer", "430702", userName: "export-officer");
        var (outsider, outsiderId) = await app.StaffAsync("CivilAffairsOfficer", ShouhuApp.OtherCounty, userName: "export-outsider");
        var org = await app.OrganizationAsync("导出测试派出所", "MemberUnit", "430702");
        var otherOrg = await app.OrganizationAsync("导出测试外县派出所", "MemberUnit", ShouhuApp.OtherCounty);

        foreach (var (client, name, village, worker, supervisor, organization) in new[]
                 {
                     (director, "导出甲", ShouhuApp.VillageA, directorId, officer, org),
                     (directorB, "导出乙", ShouhuApp.VillageB, directorBId, officer, org),
                     (outsider, "导出丙", otherVillage, outsiderId, outsider, otherOrg),
                 })
        {
            var child = (await OkJson(await client.PostAsJsonAsync("/api/v1/children", ChildrenTests.ChildBody(name, ShouhuApp.NewIdNumber(new DateOnly(2015, 5, 5), true, village[..6]), village), Ct), HttpStatusCode.Created))
                .GetProperty("id").GetGuid();
            // High risk: weekly visits, so the child is on the due list, and the engine has something to raise.
            await OkJson(await client.PostAsJsonAsync($"/api/v1/children/{child}/assessments", new { emergencyOverride = true, note = "失联" }, Ct), HttpStatusCode.Created);
            var report = await OkJson(await supervisor.PostAsJsonAsync("/api/v1/reports", Cases.CaseSetup.Report(childId: child), Ct), HttpStatusCode.Created);
            await OkJson(await supervisor.PostAsJsonAsync("/api/v1/reports", new
            {
                channel = "Hotline", receivedAt = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("o"), concernTypes = new[] { "Neglect" }, urgency = "Routine",
                narrative = "未研判的报告", regionCode = village, child = new { name = name + "之友", description = "邻居家的孩子" },
            }, Ct), HttpStatusCode.Created);
            var triage = await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/reports/{report.GetProperty("id")}/triage", new { decision = "open-case", workerId = worker, riskLevel = "high" }, Ct));
            await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/cases/{triage.GetProperty("caseId")}/referrals", new { organizationId = organization, reason = "请核实 " + name }, Ct), HttpStatusCode.Created);
        }

        using var admin = await app.AdminAsync();
        await OkJson(await admin.PostAsync("/api/v1/alerts/run", null, Ct));
        return new World(director, officer, "export-director", "export-officer", otherVillage);
    }

    /// <summary>The workbook's first sheet as rows of text (header → cell; empty cells as ""), and its header in order.</summary>
    private static async Task<(List<string> Header, List<Dictionary<string, string>> Rows)> ReadAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        var header = stream.GetColumns(useHeaderRow: true).Select(c => c.ToString()!).ToList();
        stream.Position = 0;
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>()
            .Select(r => r.ToDictionary(kv => kv.Key, kv => Text(kv.Value), StringComparer.Ordinal)).ToList();
        return (header, rows);
    }

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        double d => d.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>Every item of a paged list (pages of <paramref name="pageSize"/>) as <typeparamref name="T"/>.</summary>
    private static async Task<List<T>> ListAsync<T>(HttpClient client, string path, int pageSize)
    {
        var items = new List<T>();
        for (var page = 1; ; page++)
        {
            var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            var json = await OkJson(await client.GetAsync($"{path}{separator}page={page}&pageSize={pageSize}", Ct));
            var batch = json.GetProperty("items").Deserialize<List<T>>(Web)!;
            items.AddRange(batch);
            if (batch.Count < pageSize)
            {
                return items;
            }
        }
    }

    /// <summary>The export equals the list: the header given, then one row per list item, each as <paramref name="line"/> shows it, in order.</summary>
    private static void AssertSame<T>(IReadOnlyList<string> columns, Func<T, IReadOnlyList<object?>> line, List<T> listed, (List<string> Header, List<Dictionary<string, string>> Rows) export)
    {
        Assert.Equal(columns, export.Header);
        Assert.Equal(listed.Count, export.Rows.Count);
        for (var i = 0; i < listed.Count; i++)
        {
            var expected = line(listed[i]).Select(Text).ToList();
            Assert.Equal(expected, columns.Select(c => export.Rows[i][c]).ToList());
        }
    }

    /// <summary>The last audit entry's sequence (before an export is fetched: after it, exactly one more Export entry, with its row count).</summary>
    private async Task<long> LastAuditAsync()
    {
        await using var db = app.SystemDb();
        return await db.AuditEntries.MaxAsync(a => a.Sequence, Ct);
    }

    private async Task AssertAuditedOnceAsync(string actor, string entity, int rows, long since)
    {
        await using var db = app.SystemDb();
        var entries = await db.AuditEntries.Where(a => a.Sequence > since && a.Action == "Export" && a.ActorName == actor).ToListAsync(Ct);
        var entry = Assert.Single(entries);
        Assert.Equal(entity, entry.Entity);
        Assert.StartsWith($"rows={rows};", entry.Detail + ";", StringComparison.Ordinal);
    }

    public static TheoryData<string> Callers => ["director", "officer"];

    private static (HttpClient Client, string Name) Caller(World w, string who) => who == "director" ? (w.Director, w.DirectorName) : (w.Officer, w.OfficerName);

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task ExportReports_EqualsTheList_InsideTheCallersJurisdiction_AuditedOnce(string who)
    {
        var w = await WorldAsync();
        var (client, name) = Caller(w, who);
        foreach (var status in new[] { "", "awaiting-triage", "case-opened" })
        {
            var query = status.Length == 0 ? "" : $"?status={status}";
            var listed = await ListAsync<ReportListItem>(client, "/api/v1/reports" + query, 200);
            var since = await LastAuditAsync();
            AssertSame(ExportReports.Columns, ExportReports.Line, listed, await ReadAsync(await client.GetAsync("/api/v1/reports/export" + query, Ct)));
            await AssertAuditedOnceAsync(name, "Report", listed.Count, since);
            Assert.NotEmpty(listed);
            Assert.DoesNotContain(listed, r => r.RegionCode.StartsWith(ShouhuApp.OtherCounty, StringComparison.Ordinal));
            Assert.True(who == "officer" || listed.All(r => r.RegionCode == ShouhuApp.VillageA));
        }

        var all = await ListAsync<ReportListItem>(client, "/api/v1/reports", 200);
        Assert.Equal(who == "officer", all.Any(r => r.RegionCode == ShouhuApp.VillageB));
        Assert.Contains(all, r => r.ChildName == "导出甲");
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task ExportCases_EqualsTheList_InsideTheCallersJurisdiction_AuditedOnce(string who)
    {
        var w = await WorldAsync();
        var (client, name) = Caller(w, who);
        foreach (var query in new[] { "", "?status=active", "?mine=true" })
        {
            var listed = await ListAsync<CaseListItem>(client, "/api/v1/cases" + query, 200);
            var since = await LastAuditAsync();
            AssertSame(ExportCases.Columns, ExportCases.Line, listed, await ReadAsync(await client.GetAsync("/api/v1/cases/export" + query, Ct)));
            await AssertAuditedOnceAsync(name, "Case", listed.Count, since);
            Assert.NotEmpty(listed);
            Assert.DoesNotContain(listed, c => c.RegionCode.StartsWith(ShouhuApp.OtherCounty, StringComparison.Ordinal));
            Assert.True(who == "officer" || listed.All(c => c.RegionCode == ShouhuApp.VillageA));
        }
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task ExportReferrals_EqualsTheList_OfTheCallersCases_AuditedOnce(string who)
    {
        var w = await WorldAsync();
        var (client, name) = Caller(w, who);
        var json = await OkJson(await client.GetAsync("/api/v1/referrals?box=outgoing", Ct));
        var listed = json.GetProperty("items").Deserialize<List<ReferralListItem>>(Web)!;
        var since = await LastAuditAsync();
        AssertSame(ExportReferrals.Columns, ExportReferrals.Line, listed, await ReadAsync(await client.GetAsync("/api/v1/referrals/export?box=outgoing", Ct)));
        await AssertAuditedOnceAsync(name, "Referral", listed.Count, since);
        Assert.Equal(who == "officer" ? ["请核实 导出乙", "请核实 导出甲"] : ["请核实 导出甲"], listed.Select(r => r.Reason).Order(StringComparer.Ordinal).ToList());
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task ExportDueVisits_EqualsTheList_InsideTheCallersJurisdiction_AuditedOnce(string who)
    {
        var w = await WorldAsync();
        var (client, name) = Caller(w, who);
        foreach (var query in new[] { "", "?regionCode=430702001" })
        {
            var listed = await ListAsync<DueVisit>(client, "/api/v1/visits/due" + query, 500);
            var since = await LastAuditAsync();
            AssertSame(ExportDueVisits.Columns, ExportDueVisits.Line, listed, await ReadAsync(await client.GetAsync("/api/v1/visits/due/export" + query, Ct)));
            await AssertAuditedOnceAsync(name, "Child", listed.Count, since);
            Assert.Contains(listed, v => v.Name == "导出甲");
            Assert.DoesNotContain(listed, v => v.Name == "导出丙");
            Assert.Equal(who == "officer", listed.Any(v => v.Name == "导出乙"));
        }
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task ExportAlerts_EqualsTheList_InsideTheCallersJurisdiction_AuditedOnce(string who)
    {
        var w = await WorldAsync();
        var (client, name) = Caller(w, who);
        foreach (var query in new[] { "", "?status=all" })
        {
            var listed = await ListAsync<AlertResponse>(client, "/api/v1/alerts" + query, 200);
            var since = await LastAuditAsync();
            AssertSame(ExportAlerts.Columns, ExportAlerts.Line, listed, await ReadAsync(await client.GetAsync("/api/v1/alerts/export" + query, Ct)));
            await AssertAuditedOnceAsync(name, "Alert", listed.Count, since);
            Assert.NotEmpty(listed);
            Assert.DoesNotContain(listed, a => a.RegionCode.StartsWith(ShouhuApp.OtherCounty, StringComparison.Ordinal));
            Assert.Equal(who == "officer", listed.Any(a => a.RegionCode == ShouhuApp.VillageB));
        }
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task ExportChildren_EqualsTheList_MaskedAsTheListIs_AuditedOnce(string who)
    {
        var w = await WorldAsync();
        var (client, name) = Caller(w, who);
        var listed = await ListAsync<JsonElement>(client, "/api/v1/children?q=导出&sort=name", 200);
        var since = await LastAuditAsync();
        var (header, rows) = await ReadAsync(await client.GetAsync("/api/v1/children/export?q=导出&sort=name", Ct));
        await AssertAuditedOnceAsync(name, "Child", listed.Count, since);
        Assert.DoesNotContain("保护类别", header); // the list shows no category, nor does its default export
        Assert.DoesNotContain("出生日期", header);
        Assert.Equal(
            listed.Select(c => (c.GetProperty("name").GetString(), c.GetProperty("citizenIdNumber").GetString(), c.GetProperty("residenceRegionCode").GetString())).ToList(),
            rows.Select(r => ((string?)r["姓名"], (string?)r["公民身份号码"], (string?)r["区划代码"])).ToList());
        Assert.All(rows, r => Assert.Matches(@"^\d{6}\*{8}[\dX]{4}$", r["公民身份号码"])); // masked, as in the list
        Assert.Equal(who == "officer" ? ["导出乙", "导出甲"] : ["导出甲"], rows.Select(r => r["姓名"]).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task EveryListPagesExportLink_DownloadsForTheSignedInBrowser_TheSameRowsAsTheApi()
    {
        var w = await WorldAsync();
        using var page = await app.PagesClientAsync("export-officer");
        foreach (var (list, api) in new[]
                 {
                     ("/Reports?status=all", "/api/v1/reports/export"), ("/Cases", "/api/v1/cases/export?mine=false"), ("/Referrals", "/api/v1/referrals/export?box=inbox"),
                     ("/Alerts", "/api/v1/alerts/export"), ("/Visits/Due", "/api/v1/visits/due/export"),
                 })
        {
            var html = System.Net.WebUtility.HtmlDecode(await page.GetStringAsync(list, Ct));
            var href = System.Text.RegularExpressions.Regex.Match(html, "href=\"([^\"]+)\" id=\"export\"").Groups[1].Value;
            Assert.StartsWith("/Exports/", href, StringComparison.Ordinal); // a page may not link to the API: it takes bearer tokens only
            var file = await page.GetAsync(href, Ct);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.Content.Headers.ContentType?.MediaType);
            static async Task<List<string>> LinesAsync(HttpResponseMessage r)
            {
                using var stream = new MemoryStream(await r.Content.ReadAsByteArrayAsync(Ct));
                return stream.Query().Cast<IDictionary<string, object?>>().Select(row => string.Join('|', row.Values.Select(Text))).ToList();
            }

            var fromApi = await w.Officer.GetAsync(api, Ct);
            Assert.Equal(HttpStatusCode.OK, fromApi.StatusCode);
            Assert.Equal(await LinesAsync(fromApi), await LinesAsync(file)); // the header and every row
        }
    }

    [Fact]
    public async Task Export_UnknownFilterValue_Returns400NamingIt()
    {
        var w = await WorldAsync();
        foreach (var (path, field) in new[]
                 {
                     ("/api/v1/reports/export?status=nope", "status"), ("/api/v1/cases/export?status=nope", "status"), ("/api/v1/referrals/export?box=nope", "box"),
                     ("/api/v1/referrals/export?status=nope", "status"), ("/api/v1/visits/due/export?regionCode=12345", "regionCode"), ("/api/v1/alerts/export?status=nope", "status"),
                     ("/api/v1/alerts/export?rule=Nope", "rule"), ("/api/v1/children/export?category=Nope", "category"),
                 })
        {
            var r = await w.Officer.GetAsync(path, Ct);
            Assert.True(r.StatusCode == HttpStatusCode.BadRequest, path);
            Assert.False(string.IsNullOrEmpty(await ErrorOf(r, field)), path);
        }
    }

    [Fact]
    public async Task ExportChildren_KeepsEveryCharacter_AndAFormulaLikeNameIsText()
    {
        var w = await WorldAsync();
        string[] names = ["𠮷", "阿依古丽·买买提", "=HYPERLINK(\"http://example.com\",\"点我\")", "+李", "-王", "@张"];
        foreach (var n in names)
        {
            await OkJson(await w.Director.PostAsJsonAsync("/api/v1/children", new { name = n, sex = "female", citizenIdNumber = ShouhuApp.NewIdNumber(new DateOnly(2013, 3, 3), false), residenceRegionCode = ShouhuApp.VillageA, address = "字符测试" }, Ct), HttpStatusCode.Created);
        }

        var response = await w.Director.GetAsync("/api/v1/children/export?sort=name", Ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        var (_, rows) = await ReadAsync(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(bytes) { Headers = { ContentType = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") } } });
        Assert.All(names, n => Assert.Contains(n, rows.Select(r => r["姓名"])));

        using var zip = new ZipArchive(new MemoryStream(bytes));
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var xml = await reader.ReadToEndAsync(Ct);
        Assert.DoesNotContain("<f>", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<x:f>", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("_xD842_", xml, StringComparison.Ordinal);
        var sheet = System.Xml.Linq.XDocument.Parse(xml);
        var ns = sheet.Root!.Name.Namespace;
        foreach (var n in names)
        {
            var cell = Assert.Single(sheet.Descendants(ns + "c"), c => c.Descendants(ns + "t").Any(t => t.Value == n));
            Assert.Equal("inlineStr", (string?)cell.Attribute("t"));
        }
    }
}
