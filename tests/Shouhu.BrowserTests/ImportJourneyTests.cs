using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Identity;
using Shouhu.Domain.Regions;
using Shouhu.TestData;
using static Microsoft.Playwright.Assertions;

namespace Shouhu.BrowserTests;

/// <summary>
/// Issue #12 "Done when": a county clerk imports a generated survey through the browser — upload, the progress bar to
/// the end, the faults listed, the report downloaded, the commit with 跳过未通过的行 — and finds the children in the register;
/// on a desktop and on the village child director's 390 px phone.
/// </summary>
public sealed class ImportJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateOnly AsOf = new(2026, 6, 30);

    private async Task SeedGeneratorRegionsAsync()
    {
        using var scope = app.Services.CreateScope();
        await using var db = new ShouhuDbContext(scope.ServiceProvider.GetRequiredService<DbContextOptions<ShouhuDbContext>>(), new FixedCallerContext(CallerScope.System));
        var known = (await db.Regions.Select(r => r.Code).ToListAsync(Ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var (code, name) in SurveyGenerator.Regions().Where(r => !known.Contains(r.Code)))
        {
            db.Regions.Add(new Region { Code = code, Name = name, Level = RegionCode.LevelOf(code) ?? 0, ParentCode = code.Length switch { 4 => code[..2], 6 => code[..4], 9 => code[..6], 12 => code[..9], _ => null } });
        }

        await db.SaveChangesAsync(Ct);
    }

    private async Task UserAsync(string userName, string role, string region)
    {
        using var admin = await app.ApiAsync("admin", BrowserApp.AdminPassword);
        var r = await admin.PostAsJsonAsync("/api/v1/users", new { userName, password = BrowserApp.WorkerPassword, displayName = "用户" + userName, role, jurisdictionCode = region }, Ct);
        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Clerk_ImportsASurvey_SeesProgressAndFaults_DownloadsTheReport_CommitsWithSkip_FindsTheChildren()
    {
        const string user = "imp1";
        const int rows = 1500;
        await SeedGeneratorRegionsAsync();
        await UserAsync(user, "CivilAffairsOfficer", SurveyGenerator.County);
        var survey = SurveyGenerator.Generate(rows, 20, AsOf, seed: 51);
        const string shot = "desktop";

        var page = await app.LoginAsync(user);
        var phone = await app.LoginAsync(user, phone: true);
        await page.Locator("#nav-imports").ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("摸底排查导入");
        Assert.Equal(DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd"), await page.Locator("input[name=AsOf]").InputValueAsync());
        await page.Locator("input[name=Upload]").SetInputFilesAsync(new FilePayload { Name = "示例县摸底排查.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = survey.Content });
        await page.Locator("input[name=AsOf]").FillAsync(AsOf.ToString("yyyy-MM-dd"));
        await BrowserApp.ShotAsync(page, $"import-1-upload-{shot}");
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并核查" }).ClickAsync();

        // The progress bar follows the dry run to the end (the page loads itself again when it is done).
        await Expect(page.Locator("#import-status")).ToHaveAttributeAsync("data-status", "invalid", new() { Timeout = 120_000 });
        var bar = page.Locator("#progress-bar");
        Assert.Equal((rows.ToString(), rows.ToString()), (await bar.GetAttributeAsync("value"), await bar.GetAttributeAsync("max")));
        await Expect(page.Locator("#progress-text")).ToContainTextAsync($"已核查 {rows} / {rows} 行");

        // The faults listed: exactly the planted rows.
        var listed = await page.Locator("#problems tbody tr").EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.sheet + ':' + r.dataset.row)");
        Assert.Equal(survey.Faults.Select(f => $"{f.Sheet}:{f.Row}").Distinct().Order(), listed.Distinct().Order());
        await BrowserApp.ShotAsync(page, $"import-2-validated-{shot}");
        await phone.GotoAsync(page.Url);
        await Expect(phone.Locator("#import-status")).ToHaveAttributeAsync("data-status", "invalid");
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"), "the page is wider than the phone");
        await BrowserApp.ShotAsync(phone, "import-2-validated-phone");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, "import-2-validated-phone-top.png") });
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, "import-2-validated-desktop-top.png") });

        // The report: the user's workbook with 错误说明.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#report").ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(path);
        using (var doc = SpreadsheetDocument.Open(path, false))
        {
            var wb = doc.WorkbookPart!;
            var sheet = (WorksheetPart)wb.GetPartById(wb.Workbook.Sheets!.Elements<Sheet>().First().Id!);
            Assert.Contains("错误说明", sheet.Worksheet.Descendants<Cell>().Where(c => System.Text.RegularExpressions.Regex.IsMatch(c.CellReference!.Value!, "^[A-Z]+1$") && c.InlineString is not null).Select(c => c.InlineString!.InnerText));
            Assert.NotNull(sheet.WorksheetCommentsPart);
        }

        File.Delete(path);

        // The commit, with the faulty rows skipped explicitly.
        var valid = int.Parse(await page.Locator("#rows-valid").InnerTextAsync());
        await page.Locator("#skip-invalid").CheckAsync();
        await page.Locator("#commit-button").ClickAsync();
        await Expect(page.Locator("#committed")).ToBeVisibleAsync(new() { Timeout = 180_000 });
        await Expect(page.Locator("#committed")).ToContainTextAsync($"已导入 {valid} 名儿童");
        await Expect(page.Locator("#progress-text")).ToContainTextAsync($"已导入 {valid} / {valid} 行");
        await BrowserApp.ShotAsync(page, $"import-3-committed-{shot}");
        await phone.GotoAsync(page.Url);
        await BrowserApp.ShotAsync(phone, "import-3-committed-phone");

        await page.Locator("#committed a[href='/Children']").ClickAsync();
        await Expect(page.Locator("#total")).ToContainTextAsync($"共 {valid} 人");
        await BrowserApp.ShotAsync(page, $"import-4-children-{shot}");

        // The whole register exported: more rows than the page downloads at once, so written in the background — the
        // export's page follows it to the end and offers the file, which holds every child.
        await page.Locator("#filters summary").ClickAsync();
        await page.Locator("#export").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/Exports/[0-9a-f-]{36}$"));
        await Expect(page.Locator("#export-status")).ToHaveAttributeAsync("data-status", "ready", new() { Timeout = 60_000 });
        await Expect(page.Locator("#progress-text")).ToHaveTextAsync($"已写入 {valid} 行");
        await BrowserApp.ShotAsync(page, $"import-4-export-ready-{shot}");
        var exported = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download").ClickAsync());
        Assert.StartsWith("儿童名册-", exported.SuggestedFilename, StringComparison.Ordinal);
        var exportPath = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.xlsx");
        await exported.SaveAsAsync(exportPath);
        using (var doc = SpreadsheetDocument.Open(exportPath, false))
        {
            var wb = doc.WorkbookPart!;
            var sheet = (WorksheetPart)wb.GetPartById(wb.Workbook.Sheets!.Elements<Sheet>().First().Id!);
            Assert.Equal(valid + 1, sheet.Worksheet.Descendants<Row>().Count()); // the header and every child
        }

        File.Delete(exportPath);
        await phone.GotoAsync(page.Url);
        await Expect(phone.Locator("#download")).ToBeVisibleAsync();
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"), "the export page is wider than the phone");
        await BrowserApp.ShotAsync(phone, "import-4-export-ready-phone");
        await phone.GotoAsync("/Exports");
        await Expect(phone.Locator("#exports tbody tr")).ToHaveCountAsync(1);
        await BrowserApp.ShotAsync(phone, "import-4-exports-phone");

        // Closing the tab and coming back: the list of the caller's imports still leads to it.
        var again = await app.LoginAsync(user, phone: true);
        await again.GotoAsync("/Imports");
        await Expect(again.Locator("#imports tbody tr")).ToHaveCountAsync(1);
        await Expect(again.Locator("#imports tbody tr td").Nth(3)).ToHaveTextAsync("已导入");
        await BrowserApp.ShotAsync(again, "import-5-list-phone");
    }
}
