using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Shouhu.Domain.Identity;
using static Microsoft.Playwright.Assertions;

namespace Shouhu.BrowserTests;

/// <summary>
/// Issue #5's scenario in Chromium: a child director records a visit on a phone that finds the guardian gone (reporting
/// it in the same step) → the risk assessment is high → an alert asks for a case → the supervisor's home page shows it.
/// </summary>
public sealed class MonitoringJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Password = BrowserApp.WorkerPassword;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task AccountAsync(string userName, string displayName, string role, string region)
    {
        using var admin = await app.ApiAsync("admin", BrowserApp.AdminPassword);
        var r = await admin.PostAsJsonAsync("/api/v1/users", new { userName, password = Password, displayName, role, jurisdictionCode = region }, Ct);
        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync(Ct));
    }

    // A child of 马家吉社区 registered by the account, with no category; first17 = the ID number without its check character.
    private async Task<Guid> ChildAsync(string userName, string name, string sex, string first17)
    {
        using var api = await app.ApiAsync(userName, Password);
        var created = await api.PostAsJsonAsync("/api/v1/children", new { name, sex, citizenIdNumber = first17 + CitizenIdNumber.ComputeCheckCharacter(first17), residenceRegionCode = "430702001004" }, Ct);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(Ct));
        return (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task VisitFindsGuardianGone_AssessmentHigh_AlertOnTheSupervisorsWorkbench()
    {
        await AccountAsync("mon-director", "何主任", "ChildDirector", "430702001004");
        await AccountAsync("mon-supervisor", "韩督导", "ChildSupervisor", "430702001");
        var childId = await ChildAsync("mon-director", "黄留守", "female", "43070220130707234");

        // 1. On a phone: the visit finds the grandmother in hospital and the parents unreachable; reported at once.
        var phone = await app.LoginAsync("mon-director", phone: true);
        await phone.GotoAsync($"/Children/Details/{childId}");
        await phone.Locator("#new-visit").ClickAsync();
        await phone.GetByLabel("儿童本人").CheckAsync();
        await phone.Locator("input[name=GuardianPresent][value=false]").CheckAsync();
        await phone.Locator("select[name=Safety]").SelectOptionAsync("serious");
        await phone.Locator("select[name=DailyCare]").SelectOptionAsync("serious");
        await phone.Locator("textarea[name=Note]").FillAsync("祖母住院，父母外出务工失联，孩子独自在家三天。");
        await phone.Locator("#open-concern").ClickAsync();
        await phone.Locator("#report-concern").CheckAsync();
        await phone.Locator("input[name=ConcernTypes][value=Abandonment]").CheckAsync();
        await phone.Locator("select[name=Urgency]").SelectOptionAsync("Urgent");
        await phone.Locator("textarea[name=Narrative]").FillAsync("走访发现儿童独自在家，监护人失联。");
        await BrowserApp.ShotAsync(phone, "20-visit-on-phone");
        await phone.Locator("#save-visit").ClickAsync();
        await Expect(phone.Locator("#monitoring-done")).ToContainTextAsync("新情况已报告");

        // 2. The assessment: the age is not asked (the register knows it: issue #10 item 16); emergency override → high.
        await phone.Locator("#new-assessment").ClickAsync();
        await Expect(phone.Locator("#age-answer")).ToContainTextAsync("按出生日期");
        Assert.Equal(0, await phone.Locator("input[name='q:child.age']").CountAsync());
        await phone.GetByText("紧急情况：直接评为高风险").ClickAsync();
        await phone.Locator("#emergency").CheckAsync();
        await phone.Locator("input[name=note]").FillAsync("监护人失联，儿童独自生活");
        await phone.Locator("#save-assessment").ClickAsync();
        await Expect(phone.Locator("#monitoring-done")).ToContainTextAsync("高风险");
        await BrowserApp.ShotAsync(phone, "21-assessment-high-phone");

        // 3. The supervisor's workbench shows the alert asking for a case.
        var sup = await app.LoginAsync("mon-supervisor");
        await Expect(sup.Locator("#alert-count a")).Not.ToHaveTextAsync("0");
        await sup.Locator("#alert-count a").ClickAsync();
        var row = sup.Locator("#alerts tr[data-rule=HighRiskWithoutCase]", new() { HasText = "黄留守" });
        await Expect(row).ToContainTextAsync("请立案");
        await BrowserApp.ShotAsync(sup, "22-alert-on-workbench");

        // The director's home page links to the visits due; counts equal the list.
        await phone.GotoAsync("/");
        var count = await phone.Locator("#due-visit-count a").InnerTextAsync();
        await phone.Locator("#due-visit-count a").ClickAsync();
        await Expect(phone.Locator("#due-visits tbody tr")).ToHaveCountAsync(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture));
        // High risk: weekly from the visit just made.
        var weekAhead = DateTime.UtcNow.AddHours(8).AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await Expect(phone.Locator("#due-visits tbody tr", new() { HasText = "黄留守" })).ToContainTextAsync(weekAhead);

        // 4. The alert's button leads to the child, whose record shows the monitoring at a glance.
        await row.GetByRole(AriaRole.Button, new() { Name = "报告立案" }).ClickAsync();
        await Expect(sup.Locator("#risk-level")).ToContainTextAsync("高");
        await Expect(sup.Locator("#next-visit")).ToContainTextAsync(weekAhead);
        await Expect(sup.Locator("#child-alerts")).ToContainTextAsync("请立案");
        await Expect(sup.Locator("#visits .visit-line")).ToHaveCountAsync(1);
        await Expect(sup.Locator("#visits .visit-note")).ToContainTextAsync("祖母住院"); // what the director saw, for the supervisor
        await Expect(sup.Locator("#visits")).ToContainTextAsync("已报告");
        await BrowserApp.ShotAsync(sup, "23-child-monitoring");

        // 5. The director records a drowning-prevention session with the child on the phone; the record shows it.
        await phone.GotoAsync($"/Children/Details/{childId}");
        await phone.Locator("#record-prevention").ClickAsync();
        await phone.Locator("select[name=Topic]").SelectOptionAsync("DrowningPrevention");
        await phone.Locator("input[name=Title]").FillAsync("暑期防溺水安全教育进村");
        await phone.Locator("input[name=Location]").FillAsync("村委会");
        await phone.Locator("#attendees").GetByText("黄留守").ClickAsync();
        await BrowserApp.ShotAsync(phone, "24-prevention-on-phone");
        await phone.Locator("#save-prevention").ClickAsync();
        await Expect(phone.Locator("#prevention-done")).ToContainTextAsync("1 名儿童参加");
        await phone.GotoAsync($"/Children/Details/{childId}");
        await Expect(phone.Locator("#prevention")).ToContainTextAsync("防溺水");

        // 6. On the phone every alert's button is on the screen (the table stacks), not off to the right.
        await phone.GotoAsync("/Alerts");
        var button = phone.Locator("#alerts tr[data-rule=HighRiskWithoutCase] a[role=button]");
        await Expect(button).ToBeVisibleAsync();
        var box = await button.BoundingBoxAsync();
        Assert.True(box is not null && box.X + box.Width <= 390, $"button at {box?.X}+{box?.Width} on a 390 px screen");
        await BrowserApp.ShotAsync(phone, "26-alerts-on-phone");
    }

    [Fact]
    public async Task AVisitTypedWhenTheSessionHasExpired_IsThereAgainAfterLoggingIn()
    {
        await AccountAsync("mon-director2", "吕主任", "ChildDirector", "430702001004");
        var childId = await ChildAsync("mon-director2", "草稿童", "male", "43070220140808123");

        var phone = await app.LoginAsync("mon-director2", phone: true);
        await phone.GotoAsync($"/Children/Visit/{childId}");
        await phone.GetByLabel("祖父母", new() { Exact = true }).CheckAsync();
        await phone.Locator("input[name=GuardianPresent][value=true]").CheckAsync();
        await phone.Locator("textarea[name=Note]").FillAsync("奶奶说孩子最近常去河边玩，已叮嘱。");
        await phone.Context.ClearCookiesAsync(); // the session ends while the director types
        await phone.Locator("#save-visit").ClickAsync();
        await Expect(phone.GetByLabel("账号")).ToBeVisibleAsync();
        await Expect(phone.Locator("#login-return")).ToContainTextAsync("未保存的内容仍保存在本页签");
        await phone.GetByLabel("账号").FillAsync("mon-director2");
        await phone.GetByLabel("密码").FillAsync(Password);
        await phone.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await phone.GotoAsync($"/Children/Visit/{childId}");
        await Expect(phone.Locator("textarea[name=Note]")).ToHaveValueAsync(string.Empty); // offered, not put back silently
        await phone.Locator("#draft-continue").ClickAsync();
        await Expect(phone.Locator("#draft-restored")).ToBeVisibleAsync();
        await Expect(phone.Locator("textarea[name=Note]")).ToHaveValueAsync("奶奶说孩子最近常去河边玩，已叮嘱。");
        await Expect(phone.GetByLabel("祖父母", new() { Exact = true })).ToBeCheckedAsync();
        await BrowserApp.ShotAsync(phone, "25-visit-draft-restored");
        await phone.Locator("#save-visit").ClickAsync();
        await Expect(phone.Locator("#monitoring-done")).ToContainTextAsync("已记录走访");
        await phone.GotoAsync($"/Children/Visit/{childId}"); // saved: the draft is gone
        await Expect(phone.Locator("#draft-offer")).ToHaveCountAsync(0);
        await Expect(phone.Locator("textarea[name=Note]")).ToHaveValueAsync(string.Empty);
    }
}
