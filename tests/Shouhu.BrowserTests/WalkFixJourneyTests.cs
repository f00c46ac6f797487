using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Shouhu.BrowserTests;

/// <summary>
/// What a new user's second walk still found on the screen (issue #10 items 12, 16 and small ones): dates typed one way
/// whatever the browser's language, messages next to their field, links only where the reader may go, messages that
/// lead to their subject, a confirmation shown once.
/// </summary>
public sealed partial class WalkFixJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Password = BrowserApp.WorkerPassword;
    private const string Township = "430702001";
    private const string Village = "430702001004";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d$")]
    private static partial Regex DateTimeText();

    [GeneratedRegex(@"/Reports/Details/[0-9a-f-]{36}$")]
    private static partial Regex ReportAddress();

    private static async Task<JsonElement> Ok(HttpResponseMessage r)
    {
        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync(Ct));
        return await r.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    /// <summary>Creates an account through the administrator's API; its id.</summary>
    private async Task<string> UserAsync(string userName, string role, string region)
    {
        using var admin = await app.ApiAsync("admin", BrowserApp.AdminPassword);
        var user = await Ok(await admin.PostAsJsonAsync("/api/v1/users", new { userName, password = Password, displayName = "用户" + userName, role, jurisdictionCode = region }, Ct));
        return user.GetProperty("id").GetString()!;
    }

    private async Task<Guid> ChildAsync(string director, string name)
    {
        using var api = await app.ApiAsync(director, Password);
        var child = await Ok(await api.PostAsJsonAsync("/api/v1/children", new { name, sex = "female", birthDate = "2016-02-02", residenceRegionCode = Village }, Ct));
        return child.GetProperty("id").GetGuid();
    }

    private async Task<Guid> ReportAsync(string reporter, string receivedAt = "2026-11-20 09:30", string channel = "Hotline")
    {
        using var api = await app.ApiAsync(reporter, Password);
        var report = await Ok(await api.PostAsJsonAsync("/api/v1/reports", new { channel, receivedAt, concernTypes = new[] { "Neglect" }, urgency = "Urgent", narrative = "来电：孩子多日独自在家。", regionCode = Village }, Ct));
        return report.GetProperty("id").GetGuid();
    }

    private async Task<Guid> OpenCaseAsync(string supervisor, Guid reportId, string workerId)
    {
        using var api = await app.ApiAsync(supervisor, Password);
        return (await Ok(await api.PostAsJsonAsync($"/api/v1/reports/{reportId}/triage", new { decision = "open-case", workerId, riskLevel = "medium" }, Ct))).GetProperty("caseId").GetGuid();
    }

    /// <summary>Item 2: in a US-English browser the visit time and every date on the case page read and are typed YYYY-MM-DD; the typed time is saved.</summary>
    [Fact]
    public async Task VisitTimeAndCaseDates_AreTypedYyyyMmDd_InAUsEnglishBrowser()
    {
        var supervisorId = await UserAsync("wfsup1", "ChildSupervisor", Township);
        var directorId = await UserAsync("wfdir1", "ChildDirector", Village);
        var childId = await ChildAsync("wfdir1", "走访日期");
        var caseId = await OpenCaseAsync("wfsup1", await ReportAsync("wfsup1"), directorId);
        _ = supervisorId;

        var page = await app.LoginAsync("wfdir1", locale: "en-US");
        await page.GotoAsync($"/Children/Visit/{childId}");
        var visitedAt = page.Locator("input[name=VisitedAt]");
        Assert.Equal("text", await visitedAt.EvaluateAsync<string>("e => e.type"));
        Assert.Matches(DateTimeText(), await visitedAt.InputValueAsync());
        await BrowserApp.ShotAsync(page, "95-visit-time-us-locale");
        await visitedAt.FillAsync(DateTime.UtcNow.AddHours(8).AddDays(-1).ToString("yyyy-MM-dd 08:30"));
        await page.Locator("input[name=Met][value=儿童本人]").CheckAsync();
        await page.Locator("input[name=GuardianPresent][value=true]").CheckAsync();
        await page.Locator("#save-visit").ClickAsync();
        await Expect(page.Locator("#monitoring-done")).ToContainTextAsync("已记录走访");

        // No page the director walks keeps a browser date box (its text follows the browser's locale).
        foreach (var url in new[] { $"/Children/Visit/{childId}", $"/Cases/Details/{caseId}", "/Prevention" })
        {
            await page.GotoAsync(url);
            await Expect(page.Locator("input[type=date], input[type=datetime-local], input[type=month], input[type=time]")).ToHaveCountAsync(0);
        }
    }

    /// <summary>Item 3: a hotline operator reads the case number of the report they recorded, without a link to a case they may not open; a triager gets the link.</summary>
    [Fact]
    public async Task ReportPage_ShowsTheCaseNumberWithoutALink_ToARoleThatMayNotOpenCases()
    {
        await UserAsync("wfsup3", "ChildSupervisor", Township);
        var directorId = await UserAsync("wfdir3", "ChildDirector", Village);
        await UserAsync("wfhot3", "HotlineOperator", "430702");
        var reportId = await ReportAsync("wfhot3");
        await OpenCaseAsync("wfsup3", reportId, directorId);

        var operatorPage = await app.LoginAsync("wfhot3");
        await operatorPage.GotoAsync($"/Reports/Details/{reportId}");
        await Expect(operatorPage.Locator("main")).ToContainTextAsync("案件 4307-");
        await Expect(operatorPage.Locator("main a[href^='/Cases/Details']")).ToHaveCountAsync(0);
        await BrowserApp.ShotAsync(operatorPage, "96-report-case-number-operator");

        var supervisorPage = await app.LoginAsync("wfsup3");
        await supervisorPage.GotoAsync($"/Reports/Details/{reportId}");
        await Expect(supervisorPage.Locator("main a[href^='/Cases/Details']")).ToHaveCountAsync(1);
    }

    /// <summary>Item 6: each message is a link to its subject, no bullet beside the cards, and an opened message is no longer unread.</summary>
    [Fact]
    public async Task Notifications_LinkToTheirSubject_HaveNoBullet_AndAreReadOnceOpened()
    {
        await UserAsync("wfsup6", "ChildSupervisor", Township);
        await UserAsync("wfdir6", "ChildDirector", Village);
        await ReportAsync("wfdir6");

        var page = await app.LoginAsync("wfsup6");
        await page.GotoAsync("/Notifications");
        var item = page.Locator("#notifications li").First;
        await Expect(item).ToContainTextAsync("未读");
        Assert.Equal("none", await item.EvaluateAsync<string>("e => getComputedStyle(e).listStyleType"));
        var link = item.Locator("a[href]");
        await Expect(link).ToHaveCountAsync(1);
        await BrowserApp.ShotAsync(page, "97-notifications");
        await link.ClickAsync();
        await page.WaitForURLAsync(ReportAddress());

        await page.GotoAsync("/Notifications");
        await Expect(page.Locator("#notifications li").First).Not.ToContainTextAsync("未读");
    }

    /// <summary>Item 5: a newly registered child's page says 已登记 once; a refresh does not say it again and the address carries no flag.</summary>
    [Fact]
    public async Task RegisteredChild_IsConfirmedOnce_NotAgainOnRefresh()
    {
        await UserAsync("wfdir5", "ChildDirector", Village);
        var page = await app.LoginAsync("wfdir5");
        await page.GotoAsync($"/Children/Create?region={Village}");
        await page.Locator("input[name=Name]").FillAsync("刷新测试");
        await page.Locator("input[name=Sex][value=male]").CheckAsync();
        await page.Locator("input[name=BirthDate]").FillAsync("2015-03-04");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.Locator("#created")).ToBeVisibleAsync();
        Assert.DoesNotContain("created=", page.Url, StringComparison.Ordinal);

        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "刷新测试" })).ToBeVisibleAsync();
        await Expect(page.Locator("#created")).ToHaveCountAsync(0);
    }

    /// <summary>Item 5: a case with two reports names each link by the report's received time and channel.</summary>
    [Fact]
    public async Task CasePage_NamesEachReportLink_ByItsTimeAndChannel()
    {
        await UserAsync("wfsup7", "ChildSupervisor", Township);
        var directorId = await UserAsync("wfdir7", "ChildDirector", Village);
        var first = await ReportAsync("wfsup7", "2026-11-20 09:30");
        var caseId = await OpenCaseAsync("wfsup7", first, directorId);
        var second = await ReportAsync("wfdir7", "2026-11-22 14:05", "HomeVisit");
        using (var api = await app.ApiAsync("wfsup7", Password))
        {
            await Ok(await api.PostAsJsonAsync($"/api/v1/reports/{second}/triage", new { decision = "link-case", caseId }, Ct));
        }

        var page = await app.LoginAsync("wfsup7");
        await page.GotoAsync($"/Cases/Details/{caseId}");
        var links = page.Locator("#case-reports a");
        await Expect(links).ToHaveCountAsync(2);
        var texts = await links.AllInnerTextsAsync();
        Assert.Equal(2, texts.Distinct().Count());
        Assert.Contains(texts, t => t.Contains("2026-11-20 09:30", StringComparison.Ordinal) && t.Contains("保护专线", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("2026-11-22 14:05", StringComparison.Ordinal));
    }

    /// <summary>Item 1b: a too-short new password is told at 新密码, not only above the form; a mismatch at 确认新密码.</summary>
    [Fact]
    public async Task ChangePassword_TooShort_IsToldAtTheNewPasswordField()
    {
        await UserAsync("wfdir8", "ChildDirector", Village);
        var page = await app.LoginAsync("wfdir8");
        await page.GotoAsync("/Accounts/ChangePassword");
        await page.Locator("input[name=CurrentPassword]").FillAsync(Password);
        await page.Locator("input[name=NewPassword]").FillAsync("Ab1!");
        await page.Locator("input[name=ConfirmPassword]").FillAsync("Ab1!");
        await page.GetByRole(AriaRole.Button, new() { Name = "修改" }).ClickAsync();
        await Expect(page.Locator(".field-error[data-field=newPassword]")).ToContainTextAsync("8");
        await BrowserApp.ShotAsync(page, "98-password-at-field");

        await page.Locator("input[name=CurrentPassword]").FillAsync(Password);
        await page.Locator("input[name=NewPassword]").FillAsync("Longer#Pass2026");
        await page.Locator("input[name=ConfirmPassword]").FillAsync("Longer#Pass2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "修改" }).ClickAsync();
        await Expect(page.Locator(".field-error[data-field=confirmPassword]")).ToContainTextAsync("不一致");
    }
}
