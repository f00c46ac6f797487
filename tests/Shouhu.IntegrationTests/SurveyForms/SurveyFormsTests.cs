using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Shouhu.Domain.Children;
using Shouhu.Domain.Identity;
using Shouhu.Web.Features.DemoData;
using Shouhu.Web.Features.SurveyForms;
using static Shouhu.IntegrationTests.Api;

namespace Shouhu.IntegrationTests.SurveyForms;

/// <summary>
/// The official layouts on the demo data (issue #12 item 8): the 汇总表's 勾稽 equations hold on every row and on 合计, the
/// rows sum to 合计, and 合计's col1 is the register's own count of left-behind children under 16 in the region — for the
/// city and for a county; the 花名册 read back lists exactly those children, masked as the children export is; a caller of
/// another county gets nothing of this one, the counts included.
/// </summary>
public sealed class SurveyFormsTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string City = "4307";
    private const string RareName = "𠮷";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static World? _world;

    private sealed record World(HttpClient CityOfficer, HttpClient CountyOfficer, string County, HttpClient OtherOfficer, string OtherCounty, string RareVillage);

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

    // The demo data as `demo generate` makes it, plus one left-behind child named 𠮷 in the busiest county.
    private async Task<World> BuildAsync()
    {
        await using (var db = app.SystemDb())
        {
            await new DemoDataGenerator(db, app.Services.GetRequiredService<TimeProvider>(), app.Services.GetRequiredService<RegisterSettings>()).EnsureAsync(7000, ct: Ct); // 7,000 spread the birth dates over all 18 years: the under-16 cut is tested too
        }

        var cityOfficer = await app.UserAsync("CivilAffairsOfficer", City, "forms-city");
        var city = await OkJson(await cityOfficer.GetAsync($"/api/v1/forms/left-behind-summary?regionCode={City}", Ct));
        var rows = city.GetProperty("rows").EnumerateArray().OrderByDescending(r => r.GetProperty("columns")[0].GetInt64()).ToList();
        var county = rows[0].GetProperty("regionCode").GetString()!;
        var other = rows[1].GetProperty("regionCode").GetString()!;
        string village;
        await using (var db = app.SystemDb())
        {
            village = await db.Children.Where(c => c.RegionCode.StartsWith(county) && c.Categories.Any(k => k.Category == ProtectionCategory.LeftBehind)).Select(c => c.RegionCode).FirstAsync(Ct);
            var birth = new DateOnly(2016, 3, 9);
            var child = new Child
            {
                Name = RareName, Sex = Sex.Male, BirthDate = birth, CitizenIdNumber = ShouhuApp.NewIdNumber(birth, true, county), RegionCode = village, HouseholdKind = HouseholdKind.Rural,
                SchoolStage = SchoolStage.Primary, SchoolStatus = SchoolStatus.InSchool, Boarding = true, ContactPhone = "13912345678", CreatedAt = DateTime.UtcNow,
            };
            child.Categories.Add(new ChildCategory { Category = ProtectionCategory.LeftBehind, ValidFrom = birth, RegionCode = village, Status = CategoryStatus.Verified });
            db.Children.Add(child);
            await db.SaveChangesAsync(Ct);
        }

        return new World(cityOfficer, await app.UserAsync("CivilAffairsOfficer", county, "forms-county"), county,
            await app.UserAsync("CivilAffairsOfficer", other, "forms-other"), other, village);
    }

    private static async Task<long> ListedAsync(HttpClient client, string region)
    {
        var page = await OkJson(await client.GetAsync($"/api/v1/children?category=LeftBehind&ageMax=15&regionCode={region}&pageSize=1", Ct));
        return page.GetProperty("total").GetInt64();
    }

    private static long[] Row(JsonElement row) => [0, .. row.GetProperty("columns").EnumerateArray().Select(c => c.GetInt64())];

    [Fact]
    public async Task Summary_OnTheDemoData_EveryEquationHolds_RowsSumToTotal_TotalIsTheRegistersCount()
    {
        var w = await WorldAsync();
        foreach (var (client, region) in new[] { (w.CityOfficer, City), (w.CountyOfficer, w.County), (w.CityOfficer, w.County) })
        {
            var table = await OkJson(await client.GetAsync($"/api/v1/forms/left-behind-summary?regionCode={region}", Ct));
            var rows = table.GetProperty("rows").EnumerateArray().Select(Row).ToList();
            var total = Row(table.GetProperty("total"));
            Assert.True(rows.Count > 1, region);
            foreach (var row in rows.Append(total))
            {
                Assert.Empty(LeftBehindSummary.BrokenEquations(row));
            }

            for (var c = 1; c <= LeftBehindSummary.ColumnCount; c++)
            {
                Assert.Equal(total[c], rows.Sum(r => r[c]));
            }

            Assert.Equal(await ListedAsync(client, region), total[1]);
            Assert.Empty(table.GetProperty("brokenEquations").EnumerateArray());
            // Not trivial on the demo data: every group has more than one column in use.
            foreach (var (first, last) in new[] { (3, 10), (11, 18), (19, 20), (21, 25), (26, 29), (30, 32) })
            {
                Assert.True(Enumerable.Range(first, last - first + 1).Count(c => total[c] > 0) > 1, $"{region}: columns {first}–{last}: {string.Join(",", total[first..(last + 1)])}");
            }
        }
    }

    [Fact]
    public async Task Summary_Xlsx_HasTheFormsLayout_AndTheJsonsNumbers()
    {
        var w = await WorldAsync();
        var json = await OkJson(await w.CountyOfficer.GetAsync("/api/v1/forms/left-behind-summary", Ct));
        var response = await w.CountyOfficer.GetAsync("/api/v1/forms/left-behind-summary?format=xlsx", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        var rows = new MemoryStream(bytes).Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().Select(r => r.Values.ToList()).ToList();
        Assert.Equal($"{json.GetProperty("regionName").GetString()}农村留守儿童信息汇总表", rows[0][0]);
        Assert.StartsWith($"填报单位：{json.GetProperty("regionName").GetString()}", (string)rows[1][0]!);
        Assert.Contains("统计截止日：", (string)rows[1][0]!);
        Assert.Equal(["地区", "合计", "按年龄分"], rows[2].Take(3));
        Assert.Equal("按监护情况分", rows[2][26]);
        Assert.Equal(LeftBehindSummary.Headings.Skip(1), rows[3].Skip(2).Select(v => (string?)v));
        Assert.Equal("甲", rows[4][0]);
        var dataRows = json.GetProperty("rows").GetArrayLength();
        var totalLine = rows[5 + dataRows];
        Assert.Equal("合计", totalLine[0]);
        Assert.Equal(Row(json.GetProperty("total"))[1..], totalLine.Skip(1).Take(32).Select(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.StartsWith("说明：", (string)rows[6 + dataRows][0]!);
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()).ReadToEnd();
        foreach (var merge in new[] { "A1:AG1", "A2:AG2", "A3:A4", "B3:B4", "C3:K3", "L3:S3", "T3:U3", "V3:Z3", "AA3:AD3", "AE3:AG3" })
        {
            Assert.Contains($"ref=\"{merge}\"", sheet, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Roster_ReadBack_ListsTheRegionsLeftBehindChildren_MaskedAsTheExport()
    {
        var w = await WorldAsync();
        var response = await w.CountyOfficer.GetAsync("/api/v1/forms/left-behind-roster", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)).Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().Select(r => r.Values.ToList()).ToList();
        Assert.EndsWith("农村留守儿童花名册", (string)rows[0][0]!);
        Assert.Equal(WriteLeftBehindRoster.Columns, rows[2].Select(v => (string?)v));
        var data = rows.Skip(3).ToList();
        Assert.Equal(await ListedAsync(w.CountyOfficer, w.County), data.Count);
        Assert.Equal(Enumerable.Range(1, data.Count).Select(i => (double)i), data.Select(r => Convert.ToDouble(r[0], System.Globalization.CultureInfo.InvariantCulture)));
        var rare = Assert.Single(data, r => (string?)r[1] == RareName);
        Assert.Null(rare[4]); // no birth date where numbers are masked
        Assert.Matches(@"^\d{6}\*{8}\d{3}[\dX]$", (string)rare[5]!);
        Assert.Equal("小学", rare[8]);
        Assert.Equal("是", rare[9]);
        Assert.Equal("139****5678", rare[15]);
        Assert.All(data, r => Assert.Contains("*", (string?)r[5] ?? "*", StringComparison.Ordinal));

        var full = await w.CountyOfficer.GetAsync("/api/v1/forms/left-behind-roster?fullIdNumbers=true&purpose=%E4%B8%8A%E6%8A%A5%E6%B0%91%E6%94%BF%E5%8E%85", Ct);
        var fullRows = new MemoryStream(await full.Content.ReadAsByteArrayAsync(Ct)).Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().Select(r => r.Values.ToList()).ToList();
        var rareFull = Assert.Single(fullRows.Skip(3), r => (string?)r[1] == RareName);
        Assert.Equal("2016-03-09", rareFull[4]);
        Assert.DoesNotContain("*", (string)rareFull[5]!, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.BadRequest, (await w.CountyOfficer.GetAsync("/api/v1/forms/left-behind-roster?fullIdNumbers=true", Ct)).StatusCode);
        await using var db = app.SystemDb();
        var audits = await db.AuditEntries.Where(a => a.Action == "Export" && a.Detail!.Contains("form=roster")).Select(a => a.Detail!).ToListAsync(Ct);
        Assert.Contains(audits, a => a.Contains("fullIdNumbers=yes", StringComparison.Ordinal) && a.Contains("purpose=上报民政厅", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Forms_OfAnotherCounty_AnswerAsAbsent_AndItsOwnHoldNothingOfThisOne()
    {
        var w = await WorldAsync();
        foreach (var path in new[] { "left-behind-summary", "left-behind-summary?format=xlsx", "left-behind-roster" })
        {
            var sep = path.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            Assert.Equal(HttpStatusCode.NotFound, (await w.OtherOfficer.GetAsync($"/api/v1/forms/{path}{sep}regionCode={w.County}", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await w.OtherOfficer.GetAsync($"/api/v1/forms/{path}{sep}regionCode={City}", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await w.OtherOfficer.GetAsync($"/api/v1/forms/{path}{sep}regionCode={w.RareVillage}", Ct)).StatusCode);
        }

        var own = await OkJson(await w.OtherOfficer.GetAsync("/api/v1/forms/left-behind-summary", Ct));
        Assert.Equal(w.OtherCounty, own.GetProperty("regionCode").GetString());
        Assert.Equal(await ListedAsync(w.OtherOfficer, w.OtherCounty), Row(own.GetProperty("total"))[1]);
        Assert.DoesNotContain(own.GetProperty("rows").EnumerateArray(), r => r.GetProperty("regionCode").GetString()!.StartsWith(w.County, StringComparison.Ordinal));
        var roster = await w.OtherOfficer.GetAsync("/api/v1/forms/left-behind-roster", Ct);
        var names = new MemoryStream(await roster.Content.ReadAsByteArrayAsync(Ct)).Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().Skip(3).Select(r => r.Values.ElementAt(1)).ToList();
        Assert.DoesNotContain(RareName, names);
        Assert.NotEmpty(names);
    }

    [Theory]
    [InlineData("left-behind-summary?asOf=2099-01-01", "asOf", "统计截止日不能晚于今天")]
    [InlineData("left-behind-summary?asOf=2026-02-30", "asOf", "统计截止日不是有效日期（格式如 2026-06-30）")]
    [InlineData("left-behind-summary?regionCode=43x7", "regionCode", "区划代码应为2、4、6、9或12位数字")]
    [InlineData("left-behind-summary?format=pdf", "format", "format 应为 json 或 xlsx")]
    [InlineData("left-behind-roster?category=Orphans", "category", "未知的保护类别“Orphans”，应为 Orphan, DeFactoUnsupported, LeftBehind, InDistress, Migrant, Disabled")]
    public async Task Forms_BadParameters_Answer400NamingTheField(string path, string field, string message)
    {
        var w = await WorldAsync();
        var response = await w.CountyOfficer.GetAsync($"/api/v1/forms/{path}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, await ErrorOf(response, field));
    }

    [Fact]
    public async Task Summary_AsOfInThePast_CountsAgesOnThatDay()
    {
        var w = await WorldAsync();
        var asOf = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-1);
        var table = await OkJson(await w.CountyOfficer.GetAsync($"/api/v1/forms/left-behind-summary?asOf={asOf:yyyy-MM-dd}", Ct));
        var total = Row(table.GetProperty("total"));
        Assert.Empty(LeftBehindSummary.BrokenEquations(total));
        await using var db = app.DbFor(w.County);
        var tooOld = Domain.Time.ChinaTime.LatestBirthDateForAge(16, asOf);
        var active = ChildCategory.ActiveOn(asOf);
        var expected = await db.Children.Where(c => c.BirthDate > tooOld && c.BirthDate <= asOf && c.Categories.AsQueryable().Where(active).Any(k => k.Category == ProtectionCategory.LeftBehind)).CountAsync(Ct);
        Assert.Equal(expected, total[1]);
    }
}
