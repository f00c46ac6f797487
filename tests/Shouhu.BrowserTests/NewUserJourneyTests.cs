using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Shouhu.BrowserTests;

/// <summary>
/// What a new user tripped over in casework (issue #10), walked again in Chromium: a plan revised twice, a row with only
/// its type, a triage form with nothing chosen — each refusal names the field, keeps what was typed, and leaves a clean
/// address (post, redirect, show) so that a refresh never posts again.
/// </summary>
public sealed partial class NewUserJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Password = BrowserApp.WorkerPassword;
    private const string Village = "430702001004";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("handler=")]
    private static partial Regex Handler();

    private static async Task<JsonElement> Ok(HttpResponseMessage r)
    {
        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync(Ct));
        return await r.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    /// <summary>A supervisor of the township and a director of the village, with fresh names; their ids.</summary>
    private async Task<(string Supervisor, string SupervisorId, string Director, string DirectorId)> PeopleAsync(string tag)
    {
        using var admin = await app.ApiAsync("admin", BrowserApp.AdminPassword);
        var ids = new List<string>();
        foreach (var (user, name, role, region) in new[] { ($"sup{tag}", $"督导{tag}", "ChildSupervisor", "430702001"), ($"dir{tag}", $"主任{tag}", "ChildDirector", Village) })
        {
            ids.Add((await Ok(await admin.PostAsJsonAsync("/api/v1/users", new { userName = user, password = Password, displayName = name, role, jurisdictionCode = region }, Ct))).GetProperty("id").GetString()!);
        }

        return ($"sup{tag}", ids[0], $"dir{tag}", ids[1]);
    }

    private async Task<IPage> AdminPageAsync()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/Accounts/Login");
        await page.GetByLabel("账号").FillAsync("admin");
        await page.GetByLabel("密码").FillAsync(BrowserApp.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Accounts/Login", StringComparison.Ordinal));
        return page;
    }

    private async Task<Guid> ReportAsync(string supervisor, string urgency = "Urgent")
    {
        using var api = await app.ApiAsync(supervisor, Password);
        var report = await Ok(await api.PostAsJsonAsync("/api/v1/reports", new { channel = "Hotline", concernTypes = new[] { "Neglect" }, urgency, narrative = "来电：孩子多日独自在家。", regionCode = Village }, Ct));
        return report.GetProperty("id").GetGuid();
    }

    /// <summary>Items 1, 4 and 14: the plan is saved, revised, a type-only row is named; no address keeps <c>?handler=</c>.</summary>
    [Fact]
    public async Task CasePlan_IsRevisedTwice_ATypeOnlyRowIsNamed_AndEveryActionEndsOnACleanAddress()
    {
        var (supervisor, _, director, directorId) = await PeopleAsync("p1");
        var reportId = await ReportAsync(supervisor);
        Guid caseId;
        using (var api = await app.ApiAsync(supervisor, Password))
        {
            caseId = (await Ok(await api.PostAsJsonAsync($"/api/v1/reports/{reportId}/triage", new { decision = "open-case", workerId = directorId, riskLevel = "medium" }, Ct))).GetProperty("caseId").GetGuid();
        }

        var page = await app.LoginAsync(director);
        await page.GotoAsync($"/Cases/Details/{caseId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "转为「评估中」" }).ClickAsync();
        await Expect(page.Locator("#case-status")).ToHaveTextAsync("评估中");
        Assert.DoesNotMatch(Handler(), page.Url);

        var due = DateTime.UtcNow.AddHours(8).AddDays(10).ToString("yyyy-MM-dd");
        async Task FillRowAsync(int row, string? type, string? description, string? responsible, string? dueOn)
        {
            var r = page.Locator(".plan-item").Nth(row);
            await r.Locator("select[name=itemType]").SelectOptionAsync(type ?? "");
            await r.Locator("input[name=itemDescription]").FillAsync(description ?? "");
            await r.Locator("input[name=itemResponsible]").FillAsync(responsible ?? "");
            await r.Locator("input[name=itemDueOn]").FillAsync(dueOn ?? "");
        }

        // The first draft.
        await page.Locator("#plan-editor summary").ClickAsync();
        await page.Locator("textarea[name=goals]").FillAsync("保障儿童日常照料");
        await FillRowAsync(0, "Other", "每周家访", "村儿童主任", due);
        await page.Locator("#save-plan").ClickAsync();
        await Expect(page.Locator("#message")).ToHaveTextAsync("计划已保存");
        Assert.DoesNotMatch(Handler(), page.Url);

        // Revised: the second row has only its type — refused, naming the row and its fields; the typed goals stay.
        await page.ReloadAsync();
        await page.Locator("#plan-editor summary").ClickAsync();
        await page.Locator("textarea[name=goals]").FillAsync("保障儿童日常照料；恢复上学");
        await FillRowAsync(1, "SchoolReturn", null, null, null);
        await page.Locator("#save-plan").ClickAsync();
        // Each message at its row and field; the banner only counts them (issue #10, the walk).
        var second = page.Locator("fieldset.plan-item[data-row='1']");
        await Expect(second.Locator(".field-error[data-field='items[1].description']")).ToContainTextAsync("服务内容不能为空");
        await Expect(second.Locator(".field-error[data-field='items[1].responsible']")).ToContainTextAsync("负责人不能为空");
        await Expect(page.Locator("#message")).ToContainTextAsync("未保存：请改正下面标出的");
        await Expect(page.Locator("textarea[name=goals]")).ToHaveValueAsync("保障儿童日常照料；恢复上学");
        await Expect(page.Locator(".plan-item").Nth(1).Locator("select[name=itemType]")).ToHaveValueAsync("SchoolReturn");
        Assert.DoesNotMatch(Handler(), page.Url);
        await BrowserApp.ShotAsync(page, "90-plan-row-named");

        // Completed and saved: the second revision; a refresh posts nothing again.
        await FillRowAsync(1, "SchoolReturn", "联系学校复学", "社工站", due);
        await page.Locator("#save-plan").ClickAsync();
        await Expect(page.Locator("#message")).ToHaveTextAsync("计划已保存");
        await Expect(page.Locator("#plan-items tbody tr")).ToHaveCountAsync(2);
        await page.ReloadAsync();
        await Expect(page.Locator("#message")).ToHaveCountAsync(0);
        await Expect(page.Locator("#plan-items tbody tr")).ToHaveCountAsync(2);
        await Expect(page.GetByText("（第2版）")).ToBeVisibleAsync();
    }

    /// <summary>Items 2 and 14: nothing is chosen for the triager; an untouched form is refused naming what to choose.</summary>
    [Fact]
    public async Task TriageForm_ChoosesNothing_AndAnUntouchedFormIsRefusedByField_ThenConfirmed()
    {
        var (supervisor, _, _, _) = await PeopleAsync("t1");
        var reportId = await ReportAsync(supervisor, "ImmediateDanger");
        var page = await app.LoginAsync(supervisor);
        await page.GotoAsync($"/Reports/Details/{reportId}");
        await Expect(page.Locator("input[name='Triage.Decision']:checked")).ToHaveCountAsync(0);
        await Expect(page.Locator("select[name='Triage.WorkerId']")).ToHaveValueAsync("");
        await Expect(page.Locator("select[name='Triage.RiskLevel']")).ToHaveValueAsync("");

        await page.Locator("#triage-submit").ClickAsync();
        await Expect(page.Locator("#decision-error")).ToContainTextAsync("请选择研判结果");
        Assert.DoesNotMatch(Handler(), page.Url);

        await page.Locator("input[name='Triage.Decision'][value=open-case]").CheckAsync();
        await page.Locator("#triage-submit").ClickAsync();
        await Expect(page.Locator(".field-error", new() { HasText = "立案须选择承办人" })).ToBeVisibleAsync();
        await Expect(page.Locator(".field-error", new() { HasText = "立案须选择初始风险等级" })).ToBeVisibleAsync();
        await Expect(page.Locator("input[name='Triage.Decision'][value=open-case]")).ToBeCheckedAsync(); // the choice is kept
        await BrowserApp.ShotAsync(page, "91-triage-choices-named");
        await page.ReloadAsync();
        await Expect(page.Locator(".field-error")).ToHaveCountAsync(0); // a refresh posts nothing

        // Chosen and confirmed: the dialog names the decision, the worker and the risk level.
        string? asked = null;
        page.Dialog += (_, dialog) =>
        {
            asked = dialog.Message;
            _ = dialog.AcceptAsync();
        };
        await page.Locator("input[name='Triage.Decision'][value=open-case]").CheckAsync();
        await page.Locator("select[name='Triage.WorkerId']").SelectOptionAsync(new SelectOptionValue { Label = "主任t1（儿童主任）" });
        await page.Locator("select[name='Triage.RiskLevel']").SelectOptionAsync("high");
        await page.Locator("#triage-submit").ClickAsync();
        await Expect(page.Locator("#case-number")).ToHaveTextAsync(new Regex(@"^4307-20\d\d-\d{5}$"));
        Assert.Contains("主任t1", asked, StringComparison.Ordinal);
        Assert.Contains("高", asked, StringComparison.Ordinal);
    }

    /// <summary>Item 5: after closure the child's record still shows the case, its report and a 不予立案 decision.</summary>
    [Fact]
    public async Task ChildsRecord_ShowsClosedCasesAndEveryReport_WithTheirOutcome()
    {
        var (supervisor, _, director, directorId) = await PeopleAsync("h1");
        using var sup = await app.ApiAsync(supervisor, Password);
        using var dir = await app.ApiAsync(director, Password);
        var first17 = "43070220160707123";
        var childId = (await Ok(await dir.PostAsJsonAsync("/api/v1/children", new { name = "林小溪", sex = "male", citizenIdNumber = first17 + Shouhu.Domain.Identity.CitizenIdNumber.ComputeCheckCharacter(first17), residenceRegionCode = Village }, Ct))).GetProperty("id").GetGuid();
        async Task<Guid> ChildReportAsync() => (await Ok(await sup.PostAsJsonAsync("/api/v1/reports", new { channel = "WalkIn", concernTypes = new[] { "Neglect" }, urgency = "Routine", narrative = "来访：孩子无人照料。", childId }, Ct))).GetProperty("id").GetGuid();

        var caseId = (await Ok(await sup.PostAsJsonAsync($"/api/v1/reports/{await ChildReportAsync()}/triage", new { decision = "open-case", workerId = directorId, riskLevel = "low" }, Ct))).GetProperty("caseId").GetGuid();
        var due = DateTime.UtcNow.AddHours(8).AddDays(5).ToString("yyyy-MM-dd");
        await Ok(await dir.PostAsJsonAsync($"/api/v1/cases/{caseId}/status", new { to = "assessing" }, Ct));
        await Ok(await dir.PostAsJsonAsync($"/api/v1/cases/{caseId}/status", new { to = "planning" }, Ct));
        await Ok(await dir.PutAsJsonAsync($"/api/v1/cases/{caseId}/plan", new { goals = "照料", items = new[] { new { serviceType = "Other", description = "家访", responsible = "主任", dueOn = due } } }, Ct));
        await Ok(await dir.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/submit", new { }, Ct));
        await Ok(await sup.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/approve", new { }, Ct));
        await Ok(await dir.PostAsJsonAsync($"/api/v1/cases/{caseId}/status", new { to = "reviewing" }, Ct));
        await Ok(await dir.PostAsJsonAsync($"/api/v1/cases/{caseId}/closure", new { reason = "GoalsMet", closingAssessment = "照料恢复" }, Ct));
        await Ok(await sup.PostAsJsonAsync($"/api/v1/cases/{caseId}/closure/approve", new { }, Ct));
        await Ok(await sup.PostAsJsonAsync($"/api/v1/reports/{await ChildReportAsync()}/triage", new { decision = "close", reason = "重复来访，已核实无虞" }, Ct));

        var page = await app.LoginAsync(director);
        await page.GotoAsync($"/Children/Details/{childId}");
        var history = page.Locator("#case-history");
        await Expect(history.Locator("#child-cases li")).ToHaveCountAsync(1);
        await Expect(history.Locator("#child-cases li")).ToContainTextAsync("已结案");
        await Expect(history.Locator("#child-cases li")).ToContainTextAsync("目标达成");
        await Expect(history.Locator("#child-report-history li")).ToHaveCountAsync(2);
        await Expect(history.Locator("#child-report-history li", new() { HasText = "不予立案" })).ToContainTextAsync("重复来访，已核实无虞");
        await Expect(history.Locator("#child-report-history li", new() { HasText = "已立案" })).ToHaveCountAsync(1);
        await BrowserApp.ShotAsync(page, "92-child-case-history");
    }

    /// <summary>Item 13: an abandoned report is offered (继续填写 / 放弃) and never put into the next report silently.</summary>
    [Fact]
    public async Task AbandonedReportDraft_IsOffered_NeverRestoredSilently_AndCanBeDiscarded()
    {
        var (supervisor, _, _, _) = await PeopleAsync("d1");
        var page = await app.LoginAsync(supervisor);
        await page.GotoAsync("/Reports/New");
        await page.Locator("textarea[name='Form.Narrative']").FillAsync("第一位来电人：孩子被锁在家里。");
        await page.GotoAsync("/"); // the call ends without saving

        await page.GotoAsync("/Reports/New"); // the next call
        await Expect(page.Locator("#draft-offer")).ToContainTextAsync("是否继续填写");
        await Expect(page.Locator("textarea[name='Form.Narrative']")).ToHaveValueAsync(string.Empty);
        await BrowserApp.ShotAsync(page, "93-report-draft-offered");
        await page.Locator("#draft-discard").ClickAsync();
        await Expect(page.Locator("#draft-offer")).ToHaveCountAsync(0);
        await Expect(page.Locator("textarea[name='Form.Narrative']")).ToHaveValueAsync(string.Empty);
        await page.ReloadAsync();
        await Expect(page.Locator("#draft-offer")).ToHaveCountAsync(0); // discarded for good

        await page.Locator("textarea[name='Form.Narrative']").FillAsync("第二位来电人：孩子在河边独自玩耍。");
        await page.GotoAsync("/");
        await page.GotoAsync("/Reports/New");
        await page.Locator("#draft-continue").ClickAsync();
        await Expect(page.Locator("textarea[name='Form.Narrative']")).ToHaveValueAsync("第二位来电人：孩子在河边独自玩耍。");
        await Expect(page.Locator("#draft-restored")).ToBeVisibleAsync();
    }

    /// <summary>
    /// Item 12: in an English browser no form shows the browser's own bubbles (every form is novalidate; an empty required
    /// field gets the server's Chinese message next to it) and dates are typed and shown as YYYY-MM-DD.
    /// </summary>
    [Fact]
    public async Task InAnEnglishBrowser_FormsUseTheServersChineseMessages_AndDatesReadYyyyMmDd()
    {
        var (_, _, director, _) = await PeopleAsync("v1");
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, Locale = "en-US", TimezoneId = "America/New_York", ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Accounts/Login");
        await page.GetByLabel("账号").FillAsync(director);
        await page.GetByLabel("密码").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("工作台");

        foreach (var path in new[] { "/Reports/New", $"/Prevention?village={Village}", "/Children/Create", "/Accounts/ChangePassword" })
        {
            await page.GotoAsync(path);
            Assert.True(await page.EvaluateAsync<bool>("() => Array.from(document.forms).every(f => f.noValidate)"), path);
            Assert.Equal(0, await page.Locator("input[type=date]").CountAsync());
        }

        // The prevention form sent empty: the server answers in Chinese by the fields; no bubble held the post back.
        await page.GotoAsync($"/Prevention?village={Village}");
        var held = page.Locator("#prevention-form input[name=HeldOn]");
        await Expect(held).ToHaveAttributeAsync("placeholder", "YYYY-MM-DD");
        await Expect(held).ToHaveValueAsync(new Regex(@"^(\d{4}-\d{2}-\d{2})?$"));
        await held.FillAsync("2026-13-40");
        await page.Locator("#save-prevention").ClickAsync();
        await Expect(page.Locator("#prevention-form .field-error").First).ToBeVisibleAsync();
        foreach (var message in await page.Locator("#prevention-form .field-error").AllInnerTextsAsync())
        {
            Assert.Matches(@"^[^A-Za-z]*\p{IsCJKUnifiedIdeographs}[^A-Za-z]*$", message); // Chinese, no internal English values
        }
        await BrowserApp.ShotAsync(page, "94-english-browser-chinese-messages");
        await context.CloseAsync();
    }

    /// <summary>
    /// Item 11: at 1366×768 no table is wider than its container on the case page (long referral and service texts), the
    /// child's page (a category waiting for verification), the audit trail and the prevention page (attendees one line
    /// each); on a 390 px phone the ID number is on one line.
    /// </summary>
    [Fact]
    public async Task At1366_NoTableOverflowsItsContainer_AndOnAPhoneTheIdNumberIsOneLine()
    {
        var (supervisor, _, director, directorId) = await PeopleAsync("w1");
        using var admin = await app.ApiAsync("admin", BrowserApp.AdminPassword);
        var org = (await Ok(await admin.PostAsJsonAsync("/api/v1/organizations", new { name = "武陵区人民检察院未成年人检察科", kind = "MemberUnit", regionCode = "430702" }, Ct))).GetProperty("id").GetGuid();
        await Ok(await admin.PostAsJsonAsync("/api/v1/users", new { userName = "liaisonw1", password = Password, displayName = "检察联络员", role = "MemberUnitLiaison", jurisdictionCode = "430702", organizationId = org }, Ct));
        using var sup = await app.ApiAsync(supervisor, Password);
        using var dir = await app.ApiAsync(director, Password);
        using var liaison = await app.ApiAsync("liaisonw1", Password);
        var first17 = "43070220150909456";
        var childId = (await Ok(await dir.PostAsJsonAsync("/api/v1/children", new { name = "欧阳小星", sex = "female", citizenIdNumber = first17 + Shouhu.Domain.Identity.CitizenIdNumber.ComputeCheckCharacter(first17), residenceRegionCode = Village, householdKind = "Rural", categories = new[] { new { category = "LeftBehind" } },
            guardians = new object[] { new { name = "欧阳大", relation = "Father", status = "Living", isWorkingAway = true, workPlace = "广东东莞", awaySince = "2024-01-01", workRegionCode = "441900" }, new { name = "李二", relation = "Mother", status = "Living", isWorkingAway = true, workPlace = "浙江义乌", awaySince = "2024-01-01", workRegionCode = "330782" } } }, Ct))).GetProperty("id").GetGuid();
        var reportId = (await Ok(await sup.PostAsJsonAsync("/api/v1/reports", new { channel = "WalkIn", concernTypes = new[] { "Neglect" }, urgency = "Routine", narrative = "来访。", childId }, Ct))).GetProperty("id").GetGuid();
        var caseId = (await Ok(await sup.PostAsJsonAsync($"/api/v1/reports/{reportId}/triage", new { decision = "open-case", workerId = directorId, riskLevel = "medium" }, Ct))).GetProperty("caseId").GetGuid();
        var long1 = string.Concat(Enumerable.Repeat("监护人长期外出务工，祖母年迈多病无力照料，儿童多次夜不归宿", 4));
        var due = DateTime.UtcNow.AddHours(8).AddDays(5).ToString("yyyy-MM-dd");
        await Ok(await dir.PostAsJsonAsync($"/api/v1/cases/{caseId}/status", new { to = "assessing" }, Ct));
        await Ok(await dir.PostAsJsonAsync($"/api/v1/cases/{caseId}/status", new { to = "planning" }, Ct));
        await Ok(await dir.PutAsJsonAsync($"/api/v1/cases/{caseId}/plan", new { goals = "照料", items = new[] { new { serviceType = "Other", description = long1, responsible = "村儿童主任和镇社工站", dueOn = due } } }, Ct));
        await Ok(await dir.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/submit", new { }, Ct));
        await Ok(await sup.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/approve", new { }, Ct));
        await Ok(await dir.PostAsJsonAsync($"/api/v1/cases/{caseId}/services", new { serviceType = "FamilyEducation", provider = "武陵区阳光社工服务中心驻镇社工站", servedOn = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd"), durationMinutes = 90, outcome = long1 }, Ct));
        var referralId = (await Ok(await dir.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new { organizationId = org, reason = long1, dueAt = due, sharedInformation = "儿童现住祖母家" }, Ct))).GetProperty("id").GetGuid();
        await Ok(await liaison.PostAsJsonAsync($"/api/v1/referrals/{referralId}/accept", new { note = "已接收" }, Ct));
        await Ok(await liaison.PostAsJsonAsync($"/api/v1/referrals/{referralId}/complete", new { note = long1 }, Ct));

        const string overflowing = """
            () => Array.from(document.querySelectorAll('table')).filter(t => {
                const box = t.closest('.table-scroll') || t.parentElement;
                return box.scrollWidth > box.clientWidth + 1 || t.getBoundingClientRect().right > document.documentElement.clientWidth + 1;
            }).map(t => { const box = t.closest('.table-scroll') || t.parentElement; return (t.id || t.className || 'table') + ' ' + box.scrollWidth + '>' + box.clientWidth + ' right ' + Math.round(t.getBoundingClientRect().right) + '>' + document.documentElement.clientWidth; })
            """;
        async Task NoOverflowAsync(IPage page, string path, string shot)
        {
            await page.SetViewportSizeAsync(1366, 768);
            await page.GotoAsync(path);
            await Expect(page.Locator("table").First).ToBeVisibleAsync();
            var wide = await page.EvaluateAsync<string[]>(overflowing);
            await BrowserApp.ShotAsync(page, shot);
            Assert.True(wide.Length == 0, $"{path}: {string.Join(", ", wide)}");
        }

        var director1 = await app.LoginAsync(director);
        await NoOverflowAsync(director1, $"/Cases/Details/{caseId}", "95-case-1366");
        var supervisor1 = await app.LoginAsync(supervisor);
        await NoOverflowAsync(supervisor1, $"/Children/Details/{childId}", "96-child-pending-category-1366");
        var admin1 = await AdminPageAsync();
        await NoOverflowAsync(admin1, "/Audit", "97-audit-1366");

        // The prevention form: every attendee's name on one line.
        await director1.GotoAsync($"/Prevention?village={Village}");
        var tall = await director1.EvaluateAsync<int>("() => Array.from(document.querySelectorAll('#attendees label')).filter(l => { const s = getComputedStyle(l); const lh = parseFloat(s.lineHeight) || parseFloat(s.fontSize) * 1.6; return l.getBoundingClientRect().height > 1.9 * lh; }).length");
        Assert.Equal(0, tall);

        // A phone: the ID number stays on one line.
        await director1.SetViewportSizeAsync(390, 844);
        await director1.GotoAsync($"/Children/Details/{childId}");
        var id = director1.Locator("code.id").First;
        var lines = await id.EvaluateAsync<double>("e => e.getClientRects().length");
        await BrowserApp.ShotAsync(director1, "98-child-phone-id");
        Assert.Equal(1, lines);
    }

    /// <summary>
    /// Item 16: a liaison's home page has no dangling "·" and the referral page no 我的案件发出的 tab; a routine report's
    /// deadline reads "…当日24时"; a page not found keeps the navigation bar.
    /// </summary>
    [Fact]
    public async Task SmallerThings_LiaisonsLinks_TheRoutineDeadline_AndThe404PagesNavigation()
    {
        var (supervisor, _, _, _) = await PeopleAsync("s1");
        using (var admin = await app.ApiAsync("admin", BrowserApp.AdminPassword))
        {
            var org = (await Ok(await admin.PostAsJsonAsync("/api/v1/organizations", new { name = "武陵区教育局", kind = "MemberUnit", regionCode = "430702" }, Ct))).GetProperty("id").GetGuid();
            await Ok(await admin.PostAsJsonAsync("/api/v1/users", new { userName = "liaisons1", password = Password, displayName = "教育联络员", role = "MemberUnitLiaison", jurisdictionCode = "430702", organizationId = org }, Ct));
        }

        var liaison = await app.LoginAsync("liaisons1");
        // A liaison has reports and no cases: the card says 报告 (issue #10, the walk).
        await Expect(liaison.Locator("article", new() { HasText = "报告与个案" })).ToHaveCountAsync(0);
        var links = (await liaison.Locator("article", new() { HasText = "收到的转介" }).Locator("p").Last.InnerTextAsync()).Trim();
        Assert.Matches(@"^我登记的报告\s*·\s*收到的转介$", links); // a dot only between two links
        await liaison.GotoAsync("/Referrals");
        await Expect(liaison.GetByText("我的案件发出的")).ToHaveCountAsync(0);

        var reportId = await ReportAsync(supervisor, "Routine");
        var sup = await app.LoginAsync(supervisor);
        await sup.GotoAsync($"/Reports/Details/{reportId}");
        await Expect(sup.Locator("dd", new() { HasText = "当日24时" })).ToHaveCountAsync(1);
        await Expect(sup.Locator("article")).Not.ToContainTextAsync("00:00");

        var missing = await sup.GotoAsync($"/Cases/Details/{Guid.NewGuid()}");
        Assert.Equal(404, missing!.Status);
        await Expect(sup.Locator("#error-title")).ToHaveTextAsync("未找到");
        await Expect(sup.Locator("header.bar nav a", new() { HasText = "报告" })).ToBeVisibleAsync();
        await Expect(sup.Locator("#nav-notifications")).ToBeVisibleAsync();
        await BrowserApp.ShotAsync(sup, "99-not-found-with-navigation");
    }

    /// <summary>Item 10: one page view of a child's record, a case or a report writes one 查看 entry, and the audit page reads in Chinese.</summary>
    [Fact]
    public async Task OnePageView_WritesOneViewEntry_AndTheAuditPageReadsAsWhoDidWhatToWhom()
    {
        var (supervisor, _, director, directorId) = await PeopleAsync("a1");
        using var sup = await app.ApiAsync(supervisor, Password);
        using var dir = await app.ApiAsync(director, Password);
        var first17 = "43070220170101345";
        var childId = (await Ok(await dir.PostAsJsonAsync("/api/v1/children", new { name = "白小鹭", sex = "male", citizenIdNumber = first17 + Shouhu.Domain.Identity.CitizenIdNumber.ComputeCheckCharacter(first17), residenceRegionCode = Village }, Ct))).GetProperty("id").GetGuid();
        var reportId = (await Ok(await sup.PostAsJsonAsync("/api/v1/reports", new { channel = "WalkIn", concernTypes = new[] { "Neglect" }, urgency = "Routine", narrative = "来访。", childId }, Ct))).GetProperty("id").GetGuid();
        var caseId = (await Ok(await sup.PostAsJsonAsync($"/api/v1/reports/{reportId}/triage", new { decision = "open-case", workerId = directorId, riskLevel = "low" }, Ct))).GetProperty("caseId").GetGuid();

        async Task<int> ViewsAsync(string entity, Guid id)
        {
            using var scope = app.Services.CreateScope();
            await using var db = new Shouhu.Data.ShouhuDbContext(scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.DbContextOptions<Shouhu.Data.ShouhuDbContext>>(), new Shouhu.Data.FixedCallerContext(Shouhu.Data.CallerScope.System));
            var key = id.ToString();
            return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.AuditEntries, a => a.Action == "View" && a.Entity == entity && a.EntityId == key, Ct);
        }

        var page = await app.LoginAsync(supervisor);
        foreach (var (entity, id, path) in new[] { ("Child", childId, $"/Children/Details/{childId}"), ("Case", caseId, $"/Cases/Details/{caseId}"), ("Report", reportId, $"/Reports/Details/{reportId}") })
        {
            var before = await ViewsAsync(entity, id);
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.True(await ViewsAsync(entity, id) - before == 1, $"{path}: {await ViewsAsync(entity, id) - before} view entries");
        }

        var admin = await AdminPageAsync();
        await admin.GotoAsync("/Audit");
        await admin.Locator("#audit-kind").SelectOptionAsync(new SelectOptionValue { Label = "个案" });
        await admin.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        var rows = admin.Locator("#audit tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        var text = await admin.Locator("#audit tbody").InnerTextAsync();
        Assert.DoesNotMatch(@"[0-9a-f]{8}-[0-9a-f]{4}-", text); // no identifiers
        Assert.DoesNotMatch(@"\b(Case|Report|Child|CaseEvent|Create|Update|View|Status|UpdatedAt)\b", text); // no internal English
        Assert.Contains("督导a1", text, StringComparison.Ordinal); // display names
        Assert.Contains("个案 4307-", text, StringComparison.Ordinal);
        await BrowserApp.ShotAsync(admin, "9a-audit-chinese");

        // To whom: the child by masked name and village, never the whole name; places by name; list details in Chinese.
        await admin.Locator("#audit-kind").SelectOptionAsync(new SelectOptionValue { Label = "儿童档案" });
        await admin.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Expect(rows.First).ToBeVisibleAsync();
        var children = await admin.Locator("#audit tbody").InnerTextAsync();
        Assert.Contains("儿童档案 白*鹭（", children, StringComparison.Ordinal);
        Assert.DoesNotContain("白小鹭", await admin.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotMatch(@"[0-9]{12}", children); // a region by its name, not its code
        Assert.DoesNotMatch(@"(rows|children|box)=|[0-9a-f]{64}", children); // no raw detail or digest
        await BrowserApp.ShotAsync(admin, "9b-audit-to-whom");
    }
}
