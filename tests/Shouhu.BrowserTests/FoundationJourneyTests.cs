using Microsoft.Playwright;
using Shouhu.Domain.Identity;

namespace Shouhu.BrowserTests;

/// <summary>
/// The foundation's user journey in a real Chromium: a wrong password is refused, a village child director registers
/// and the city administrator approves, the director browses the region tree of Changde down to their village and
/// registers a child there (first with a wrong check character), and the director of the neighbouring village cannot
/// find the child.
/// </summary>
public sealed class FoundationJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Password = "Village#2026";

    private static async Task LoginAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/Accounts/Login");
        await page.GetByLabel("账号").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
    }

    private static async Task PickAsync(IPage page, int level, string name)
    {
        var select = page.Locator($"select[data-level='{level}']");
        // htmx fetches and swaps in the next level; wait for the answer and for htmx to settle before the next pick.
        await page.RunAndWaitForResponseAsync(
            () => select.SelectOptionAsync(new SelectOptionValue { Label = name }),
            r => r.Url.Contains("/Regions/Picker", StringComparison.Ordinal));
        await page.WaitForFunctionAsync("() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')");
        await Microsoft.Playwright.Assertions.Expect(page.Locator($"select[data-level='{level}'] option:checked")).ToHaveTextAsync(name);
    }

    [Fact]
    public async Task WrongPassword_Register_Approve_Browse_RegisterChild_NeighbourCannotSee()
    {
        // 1. A wrong password is refused with a message.
        var adminPage = await app.NewPageAsync();
        await LoginAsync(adminPage, "admin", "not-the-password");
        await Microsoft.Playwright.Assertions.Expect(adminPage.Locator("#login-error")).ToHaveTextAsync("账号或密码错误（连续失败5次将锁定15分钟）");
        await BrowserApp.ShotAsync(adminPage, "01-login-wrong-password");

        // 2. A child director registers herself for 马家吉社区 (启明街道, 武陵区) on a phone.
        var phone = await app.NewPageAsync(phone: true);
        await phone.GotoAsync("/Accounts/Register");
        await phone.Locator("input[name=UserName]").FillAsync("liu-majiaji");
        await phone.Locator("input[name=DisplayName]").FillAsync("刘晓燕");
        await phone.Locator("input[name=Password]").FillAsync(Password);
        await phone.Locator("select[name=Role]").SelectOptionAsync("ChildDirector");
        await PickAsync(phone, 3, "武陵区");
        await PickAsync(phone, 4, "启明街道");
        await PickAsync(phone, 5, "马家吉社区");
        await Microsoft.Playwright.Assertions.Expect(phone.Locator("input[name=JurisdictionCode]")).ToHaveValueAsync("430702001004");
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交注册" }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(phone.Locator("#register-done")).ToBeVisibleAsync();
        await BrowserApp.ShotAsync(phone, "02-register-pending");

        // Not yet approved: login refused with the reason.
        await LoginAsync(phone, "liu-majiaji", Password);
        await Microsoft.Playwright.Assertions.Expect(phone.Locator("#login-error")).ToHaveTextAsync("账号尚未通过辖区管理员审批");

        // 3. The administrator approves it.
        await LoginAsync(adminPage, "admin", BrowserApp.AdminPassword);
        await Microsoft.Playwright.Assertions.Expect(adminPage.GetByRole(AriaRole.Heading, new() { Name = "工作台" })).ToBeVisibleAsync();
        await adminPage.GotoAsync("/Accounts/Users");
        var row = adminPage.Locator("tr[data-user='liu-majiaji']");
        await Microsoft.Playwright.Assertions.Expect(row).ToContainTextAsync("待审批");
        await BrowserApp.ShotAsync(adminPage, "03-users-pending");
        await row.GetByRole(AriaRole.Button, new() { Name = "批准" }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(adminPage.Locator("tr[data-user='liu-majiaji']")).ToContainTextAsync("正常");
        await BrowserApp.ShotAsync(adminPage, "04-users-approved");

        // The neighbour's director, created by the administrator in the form.
        await adminPage.GotoAsync("/Accounts/NewUser");
        await adminPage.Locator("input[name=UserName]").FillAsync("chen-banbianjie");
        await adminPage.Locator("input[name=DisplayName]").FillAsync("陈建国");
        await adminPage.Locator("input[name=Password]").FillAsync(Password);
        await adminPage.Locator("select[name=Role]").SelectOptionAsync("ChildDirector");
        await PickAsync(adminPage, 3, "武陵区");
        await PickAsync(adminPage, 4, "启明街道");
        await PickAsync(adminPage, 5, "半边街社区");
        await adminPage.GetByRole(AriaRole.Button, new() { Name = "创建" }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(adminPage.Locator(".alert.ok")).ToContainTextAsync("chen-banbianjie");

        // 4. The director browses the region tree from the city down to her village.
        await LoginAsync(phone, "liu-majiaji", Password);
        await phone.GotoAsync("/Regions?code=4307");
        await Microsoft.Playwright.Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "常德市" })).ToBeVisibleAsync();
        await BrowserApp.ShotAsync(phone, "05-regions-city");
        await phone.GetByRole(AriaRole.Link, new() { Name = "武陵区", Exact = true }).ClickAsync();
        await phone.GetByRole(AriaRole.Link, new() { Name = "启明街道", Exact = true }).ClickAsync();
        await BrowserApp.ShotAsync(phone, "06-regions-township");
        await phone.GetByRole(AriaRole.Link, new() { Name = "马家吉社区", Exact = true }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "马家吉社区" })).ToBeVisibleAsync();
        await phone.Locator("#register-here").ClickAsync();

        // 5. Registers a child there — first with a wrong check character.
        var good = "430702" + "20160815" + "128";
        good += CitizenIdNumber.ComputeCheckCharacter(good);
        var wrong = good[..17] + (good[17] == '0' ? '1' : '0');
        await phone.Locator("input[name=Name]").FillAsync("杨𠮷·小雨");
        await phone.Locator("input[name=Sex][value=female]").CheckAsync();
        await phone.Locator("input[name=CitizenIdNumber]").FillAsync(wrong);
        await phone.Locator("select[name=HouseholdKind]").SelectOptionAsync("Rural");
        await phone.Locator("input[name='Father.Name']").FillAsync("杨大山");
        await phone.Locator("input[name='Father.IsWorkingAway']").CheckAsync();
        await phone.Locator("input[name='Father.WorkPlace']").FillAsync("广东东莞");
        await phone.Locator("input[name='Father.AwaySince']").FillAsync("2024-01-01");
        await phone.Locator("input[name='Father.WorkRegionCode']").FillAsync("441900");
        await phone.Locator("input[name='Mother.Name']").FillAsync("李秀英");
        await phone.Locator("input[name='Mother.IsWorkingAway']").CheckAsync();
        await phone.Locator("input[name='Mother.AwaySince']").FillAsync("2024-01-01");
        await phone.Locator("input[name='Mother.WorkRegionCode']").FillAsync("441900");
        await phone.Locator("input[name=Categories][value=LeftBehind]").CheckAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(phone.Locator(".field-error[data-field=citizenIdNumber]")).ToHaveTextAsync($"校验位应为 {good[17]}");
        await BrowserApp.ShotAsync(phone, "07-child-wrong-check");
        // Nothing was lost: the name and the village are still filled in.
        await Microsoft.Playwright.Assertions.Expect(phone.Locator("input[name=Name]")).ToHaveValueAsync("杨𠮷·小雨");
        await Microsoft.Playwright.Assertions.Expect(phone.Locator("input[name=ResidenceRegionCode]")).ToHaveValueAsync("430702001004");
        await Microsoft.Playwright.Assertions.Expect(phone.Locator("input[name='Mother.Name']")).ToHaveValueAsync("李秀英");
        await Microsoft.Playwright.Assertions.Expect(phone.Locator("input[name=Categories][value=LeftBehind]")).ToBeCheckedAsync();

        await phone.Locator("input[name=CitizenIdNumber]").FillAsync(good.ToLowerInvariant());
        await phone.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(phone.Locator("#created")).ToBeVisibleAsync();
        await Microsoft.Playwright.Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "杨𠮷·小雨" })).ToBeVisibleAsync();
        await Microsoft.Playwright.Assertions.Expect(phone.Locator("main")).ToContainTextAsync("2016-08-15");
        await Microsoft.Playwright.Assertions.Expect(phone.Locator("main")).ToContainTextAsync("农村留守儿童");
        await BrowserApp.ShotAsync(phone, "08-child-details");
        var childUrl = phone.Url;

        await phone.GotoAsync("/Children");
        await Microsoft.Playwright.Assertions.Expect(phone.Locator("#total")).ToHaveTextAsync("共 1 人");
        await Microsoft.Playwright.Assertions.Expect(phone.Locator("table")).ToContainTextAsync(good[..6] + "********" + good[14..]);
        await BrowserApp.ShotAsync(phone, "09-children-list");

        // She exports her village's register to Excel and the file reads back.
        await phone.Locator("#filters summary").ClickAsync();
        var download = await phone.RunAndWaitForDownloadAsync(() => phone.Locator("#export").ClickAsync());
        var path = Path.Combine(BrowserApp.ScreenshotDir, "09-export.xlsx");
        await download.SaveAsAsync(path);
        var rows = MiniExcelLibs.MiniExcel.Query(path, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var exported = Assert.Single(rows);
        Assert.Equal("杨𠮷·小雨", exported["姓名"]);
        // Masked by default (issue #9 findings 5–6): no full number, no birth date, no category column.
        Assert.Equal(good[..6] + "********" + good[14..], exported["公民身份号码"]);
        Assert.False(exported.ContainsKey("出生日期"));
        Assert.False(exported.ContainsKey("保护类别"));

        // Full numbers only when she asks for them and says what for (audited).
        await phone.Locator("input[name=fullIdNumbers]").CheckAsync();
        await phone.Locator("input[name=purpose]").FillAsync("村级年度核对");
        var full = await phone.RunAndWaitForDownloadAsync(() => phone.Locator("#export").ClickAsync());
        var fullPath = Path.Combine(BrowserApp.ScreenshotDir, "09-export-full.xlsx");
        await full.SaveAsAsync(fullPath);
        var fullRow = Assert.Single(MiniExcelLibs.MiniExcel.Query(fullPath, useHeaderRow: true).Cast<IDictionary<string, object>>());
        Assert.Equal(good, fullRow["公民身份号码"]);
        Assert.Equal("2016-08-15", fullRow["出生日期"]);

        // 6. The neighbouring village's director finds nothing, and the record's address answers 404.
        var neighbour = await app.NewPageAsync();
        await LoginAsync(neighbour, "chen-banbianjie", Password);
        await neighbour.GotoAsync("/Children?q=" + Uri.EscapeDataString("杨𠮷"));
        await Microsoft.Playwright.Assertions.Expect(neighbour.Locator("#total")).ToHaveTextAsync("共 0 人");
        await neighbour.GotoAsync("/Children?q=" + good);
        await Microsoft.Playwright.Assertions.Expect(neighbour.Locator("#total")).ToHaveTextAsync("共 0 人");
        await BrowserApp.ShotAsync(neighbour, "10-neighbour-sees-nothing");
        var response = await neighbour.GotoAsync(childUrl);
        Assert.Equal(404, response!.Status);
        await Microsoft.Playwright.Assertions.Expect(neighbour.Locator("body")).Not.ToContainTextAsync("杨𠮷");
        await neighbour.GotoAsync("/Regions?code=430702001");
        await Microsoft.Playwright.Assertions.Expect(neighbour.Locator("tfoot")).ToContainTextAsync("0");
        await BrowserApp.ShotAsync(neighbour, "11-neighbour-region-counts");

        // The administrator sees the trail of all this.
        await adminPage.GotoAsync("/Audit?entity=Child");
        await Microsoft.Playwright.Assertions.Expect(adminPage.Locator("table")).ToContainTextAsync("liu-majiaji");
        await BrowserApp.ShotAsync(adminPage, "12-audit");
    }
}
