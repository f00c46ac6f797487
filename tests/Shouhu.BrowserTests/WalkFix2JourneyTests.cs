using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Shouhu.BrowserTests;

/// <summary>
/// The last items of the new user's walk (issue #10) in a real browser: after a refused submit the page goes to the first
/// field in error (on a phone it may be far below the banner), and a plan row's problems are shown at the row.
/// </summary>
public sealed class WalkFix2JourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Password = BrowserApp.WorkerPassword;
    private const string Village = "430702001004";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> Ok(HttpResponseMessage r)
    {
        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync(Ct));
        return await r.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private async Task<string> UserAsync(string userName, string role, string region)
    {
        using var admin = await app.ApiAsync("admin", BrowserApp.AdminPassword);
        var user = await Ok(await admin.PostAsJsonAsync("/api/v1/users", new { userName, password = Password, displayName = "用户" + userName, role, jurisdictionCode = region }, Ct));
        return user.GetProperty("id").GetString()!;
    }

    /// <summary>Item 2: on a phone, a left-behind child with urban registration is refused; the page is at 户籍性质, marked and focused.</summary>
    [Fact]
    public async Task RefusedRegistration_OnAPhone_GoesToTheHouseholdField()
    {
        await UserAsync("w2dir1", "ChildDirector", Village);
        var page = await app.LoginAsync("w2dir1", phone: true);
        await page.GotoAsync($"/Children/Create?region={Village}");
        await page.Locator("input[name=Name]").FillAsync("留守手机");
        await page.Locator("input[name=Sex][value=male]").CheckAsync();
        await page.Locator("input[name=BirthDate]").FillAsync("2015-03-04");
        await page.Locator("select[name=HouseholdKind]").SelectOptionAsync("Urban");
        await page.Locator("input[name=Categories][value=LeftBehind]").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        var household = page.Locator("select[name=HouseholdKind]");
        await Expect(household).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator(".field-error[data-field=householdKind]")).ToContainTextAsync("农村留守儿童须为农村户籍");
        // The first field in error has the focus and is on the screen (the banner is far above on a phone).
        Assert.Equal("HouseholdKind", await page.EvaluateAsync<string>("() => document.activeElement && document.activeElement.name"));
        Assert.True(await household.EvaluateAsync<bool>("e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; }"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, "w2-01-household-phone.png") });
    }

    /// <summary>Item 1: a row with a description but no type is refused at that row: 请选择服务类型 under its type, the editor open and focused there.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PlanRowWithoutType_IsToldAtTheRow(bool phone)
    {
        var suffix = phone ? "p" : "d";
        await UserAsync("w2sup2" + suffix, "ChildSupervisor", "430702001");
        var directorId = await UserAsync("w2dir2" + suffix, "ChildDirector", Village);
        Guid caseId;
        using (var api = await app.ApiAsync("w2sup2" + suffix, Password))
        {
            var report = await Ok(await api.PostAsJsonAsync("/api/v1/reports", new { channel = "Hotline", receivedAt = "2026-11-20 09:30", concernTypes = new[] { "Neglect" }, urgency = "Urgent", narrative = "来电：孩子多日独自在家。", regionCode = Village }, Ct));
            caseId = (await Ok(await api.PostAsJsonAsync($"/api/v1/reports/{report.GetProperty("id")}/triage", new { decision = "open-case", workerId = directorId, riskLevel = "medium" }, Ct))).GetProperty("caseId").GetGuid();
        }

        using (var worker = await app.ApiAsync("w2dir2" + suffix, Password))
        {
            await Ok(await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/status", new { to = "assessing" }, Ct));
        }

        var page = await app.LoginAsync("w2dir2" + suffix, phone);
        if (!phone)
        {
            await page.SetViewportSizeAsync(1366, 900);
        }

        await page.GotoAsync($"/Cases/Details/{caseId}");
        await page.Locator("#plan-editor summary").ClickAsync();
        await page.Locator("textarea[name=goals]").FillAsync("保障安全");
        var rows = page.Locator("fieldset.plan-item");
        await rows.Nth(0).Locator("select[name=itemType]").SelectOptionAsync("Other");
        await rows.Nth(0).Locator("input[name=itemDescription]").FillAsync("家访");
        await rows.Nth(0).Locator("input[name=itemResponsible]").FillAsync("儿童主任");
        await rows.Nth(0).Locator("input[name=itemDueOn]").FillAsync(DateTime.UtcNow.AddHours(8).AddDays(7).ToString("yyyy-MM-dd"));
        await rows.Nth(1).Locator("input[name=itemDescription]").FillAsync("心理疏导");
        await page.Locator("#save-plan").ClickAsync();

        await Expect(page.Locator("#message")).ToHaveTextAsync("未保存：请改正下面标出的3处");
        var second = page.Locator("fieldset.plan-item[data-row='1']");
        await Expect(second.Locator(".field-error[data-field='items[1].serviceType']")).ToHaveTextAsync("请选择服务类型");
        await Expect(second.Locator(".field-error[data-field='items[1].responsible']")).ToBeVisibleAsync();
        await Expect(second.Locator(".field-error[data-field='items[1].dueOn']")).ToBeVisibleAsync();
        await Expect(second.Locator("input[name=itemDescription]")).ToHaveValueAsync("心理疏导");
        Assert.Equal("itemType", await page.EvaluateAsync<string>("() => document.activeElement && document.activeElement.name"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.ScreenshotDir, $"w2-02-plan-row-{(phone ? "390" : "1366")}.png") });
    }
}
