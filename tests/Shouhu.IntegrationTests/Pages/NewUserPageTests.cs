using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Monitoring;
using Shouhu.IntegrationTests.Accounts;
using Shouhu.IntegrationTests.Children;

namespace Shouhu.IntegrationTests.Pages;

/// <summary>
/// What the new user's walk still found on the screen (issue #10, the last items), on the pages' HTML: plan-row messages
/// at their row and field, the household field marked for a left-behind child, a liaison's workbench, reports and menu,
/// empty lists saying so, the verification chain naming the role, the child's risk next to a case's.
/// </summary>
public sealed partial class NewUserPageTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string InAWeek => DateTime.UtcNow.AddHours(8).AddDays(7).ToString("yyyy-MM-dd");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    private static async Task<JsonElement> OkJson(HttpResponseMessage r)
    {
        Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode}: {await r.Content.ReadAsStringAsync(Ct)}");
        return await r.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    /// <summary>A new account of <paramref name="role"/>: its API client, its page client (cookies, no redirects followed) and its id.</summary>
    private async Task<(HttpClient Api, HttpClient Page, string Id)> PersonAsync(string role, string jurisdiction)
    {
        var userName = $"w2{role.ToLowerInvariant()}{Guid.NewGuid():N}"[..28];
        var api = await app.UserAsync(role, jurisdiction, userName);
        await using var db = app.SystemDb();
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(Ct);
        return (api, await app.PagesClientAsync(userName), id);
    }

    /// <summary>An account made directly (a liaison without an organisation, an administrator): its page client.</summary>
    private async Task<HttpClient> DirectAsync(string role, string jurisdiction)
    {
        var (api, id) = await app.AccountAsync(role, jurisdiction);
        api.Dispose();
        await using var db = app.SystemDb();
        return await app.PagesClientAsync(await db.Users.Where(u => u.Id == id).Select(u => u.UserName!).SingleAsync(Ct));
    }

    private static async Task<string> PageAsync(HttpClient client, string url) => await RegistryRolesTests.PageAsync(client, url);

    /// <summary>Posts a page's form (its handler) with the antiforgery token read from <paramref name="path"/>; the page shown after the redirect.</summary>
    private static async Task<string> PostAndFollowAsync(HttpClient client, string path, string handler, List<KeyValuePair<string, string>> fields)
    {
        var form = await client.GetStringAsync(path, Ct);
        fields.Add(new("__RequestVerificationToken", Token().Match(form).Groups[1].Value));
        var r = await client.PostAsync($"{path}?handler={handler}", new FormUrlEncodedContent(fields), Ct);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        return await PageAsync(client, r.Headers.Location!.OriginalString);
    }

    private async Task<(HttpClient Worker, Guid CaseId)> CaseInAssessmentAsync()
    {
        var (supervisor, _, _) = await PersonAsync("ChildSupervisor", "430702001");
        var (workerApi, worker, workerId) = await PersonAsync("ChildDirector", ShouhuApp.VillageA);
        var report = await OkJson(await supervisor.PostAsJsonAsync("/api/v1/reports", new { channel = "Hotline", receivedAt = DateTimeOffset.UtcNow.AddMinutes(-3).ToString("o"), concernTypes = new[] { "Neglect" }, urgency = "Urgent", narrative = "来电：孩子独自在家多日。", regionCode = ShouhuApp.VillageA }, Ct));
        var triage = await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/reports/{report.GetProperty("id")}/triage", new { decision = "open-case", workerId, riskLevel = "medium" }, Ct));
        var caseId = triage.GetProperty("caseId").GetGuid();
        await OkJson(await workerApi.PostAsJsonAsync($"/api/v1/cases/{caseId}/status", new { to = "assessing" }, Ct));
        return (worker, caseId);
    }

    /// <summary>The plan row <paramref name="row"/> (0-based) of the case page's editor.</summary>
    private static string PlanRow(string html, int row)
    {
        var start = html.IndexOf($"data-row=\"{row}\"", StringComparison.Ordinal);
        Assert.True(start > 0, "plan row not found");
        return html[start..html.IndexOf("</fieldset>", start, StringComparison.Ordinal)];
    }

    public static TheoryData<string, string, string, string, string[]> PartialRows() => new()
    {
        // type, description, responsible, due → the fields of row 2 that must be marked
        { "", "家访", "", "", ["serviceType", "responsible", "dueOn"] },
        { "Other", "", "", "", ["description", "responsible", "dueOn"] },
        { "", "", "社工", "", ["serviceType", "description", "dueOn"] },
        { "", "", "", "2030-01-01", ["serviceType", "description", "responsible"] },
        { "Bogus", "家访", "社工", "2030-01-01", ["serviceType"] },
    };

    /// <summary>Item 1: each problem of a partly filled plan row is shown at that row's field (not only in the banner); an unchosen type says 请选择服务类型.</summary>
    [Theory]
    [MemberData(nameof(PartialRows))]
    public async Task PlanRowProblems_AreShownAtTheirRowAndField(string type, string description, string responsible, string due, string[] marked)
    {
        var (worker, caseId) = await CaseInAssessmentAsync();
        var path = $"/Cases/Details/{caseId}";
        var html = await PostAndFollowAsync(worker, path, "Plan",
        [
            new("version", (await worker.GetStringAsync(path, Ct)).Split("name=\"version\" value=\"")[1].Split('"')[0]),
            new("goals", "保障安全"),
            new("itemType", "Other"), new("itemDescription", "家访"), new("itemResponsible", "儿童主任"), new("itemDueOn", InAWeek),
            new("itemType", type), new("itemDescription", description), new("itemResponsible", responsible), new("itemDueOn", due),
        ]);

        var row = PlanRow(html, 1);
        foreach (var field in marked)
        {
            Assert.Contains($"data-field=\"items[1].{field}\"", row, StringComparison.Ordinal);
        }

        Assert.Equal(marked.Length, Regex.Count(row, "aria-invalid=\"true\""));
        Assert.DoesNotContain("field-error", PlanRow(html, 0), StringComparison.Ordinal);
        if (marked.Contains("serviceType"))
        {
            Assert.Contains(type == "" ? "请选择服务类型" : "服务类型无效", row, StringComparison.Ordinal);
        }

        // The banner counts; it does not repeat the messages.
        var banner = Regex.Match(html, "<div class=\"alert error\"[^>]*id=\"message\">([^<]*)</div>").Groups[1].Value;
        Assert.Equal($"未保存：请改正下面标出的{marked.Length}处", banner);
        Assert.Contains("value=\"家访\"", html, StringComparison.Ordinal); // typed values kept
    }

    /// <summary>Item 2: a left-behind claim without rural registration is filed under householdKind too, and the page marks 户籍性质.</summary>
    [Fact]
    public async Task LeftBehindWithoutRuralRegistration_MarksTheHouseholdField()
    {
        var (director, page, _) = await PersonAsync("ChildDirector", ShouhuApp.VillageA);
        foreach (var kind in new[] { "Urban", "" })
        {
            var r = await director.PostAsJsonAsync("/api/v1/children", new
            {
                name = "留二", sex = "male", birthDate = "2015-01-01", residenceRegionCode = ShouhuApp.VillageA, householdKind = kind == "" ? null : kind,
                categories = new[] { new { category = "LeftBehind" } },
            }, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            var errors = (await r.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
            Assert.Equal("农村留守儿童须为农村户籍", errors.GetProperty("householdKind")[0].GetString());
        }

        var html = await AccountSecurityTests.PostFormAsync(page, $"/Children/Create?region={ShouhuApp.VillageA}", new()
        {
            ["Name"] = "留三", ["Sex"] = "female", ["BirthDate"] = "2015-05-05", ["ResidenceRegionCode"] = ShouhuApp.VillageA, ["HouseholdKind"] = "Urban", ["Categories"] = "LeftBehind",
        });
        Assert.Matches("<select name=\"HouseholdKind\" aria-invalid=\"true\"", html);
        Assert.Contains("data-field=\"householdKind\">农村留守儿童须为农村户籍", html, StringComparison.Ordinal);

        // A rural child is not told so.
        var rural = await director.PostAsJsonAsync("/api/v1/children", new { name = "留四", sex = "male", birthDate = "2015-01-01", residenceRegionCode = ShouhuApp.VillageA, householdKind = "Rural", categories = new[] { new { category = "LeftBehind" } } }, Ct);
        Assert.False((await rural.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("householdKind", out _));
    }

    /// <summary>Item 3: a police liaison's workbench says 报告 (no cases), the reports page shows their own without triage tabs and says when there are none; the 区划 menu only for roles that pick regions.</summary>
    [Fact]
    public async Task Liaison_SeesReportsByWhatTheRoleHas_AndNoRegionsMenu()
    {
        var liaison = await DirectAsync("MemberUnitLiaison", "430702");
        var home = await PageAsync(liaison, "/");
        Assert.Contains("<header>报告</header>", home, StringComparison.Ordinal);
        Assert.DoesNotContain("报告与个案", home, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Regions", home, StringComparison.Ordinal);

        var reports = await PageAsync(liaison, "/Reports");
        Assert.Contains("我登记的报告", reports, StringComparison.Ordinal);
        foreach (var tab in new[] { "待研判", "已立案", "已并案", "不予立案" })
        {
            Assert.DoesNotContain(tab, reports, StringComparison.Ordinal);
        }

        Assert.Contains("id=\"empty\">（您还没有登记报告）", reports, StringComparison.Ordinal);

        var worker = await DirectAsync("SocialWorker", "430702");
        Assert.DoesNotContain("href=\"/Regions", await PageAsync(worker, "/"), StringComparison.Ordinal);
        var (_, director, _) = await PersonAsync("ChildDirector", ShouhuApp.VillageB);
        var directorHome = await PageAsync(director, "/");
        Assert.Contains("href=\"/Regions\"", directorHome, StringComparison.Ordinal);
        Assert.Contains("<header>报告与个案</header>", directorHome, StringComparison.Ordinal);
    }

    /// <summary>Item 3: every list page with no rows says so in Chinese (a table with an empty body has an empty-state line).</summary>
    [Fact]
    public async Task EveryListWithNoRows_SaysSo()
    {
        var (_, director, _) = await PersonAsync("ChildDirector", ShouhuApp.VillageB);
        var (_, officer, _) = await PersonAsync("CivilAffairsOfficer", ShouhuApp.OtherCounty);
        using var admin = await DirectAsync("SystemAdmin", "430702");
        var pages = new (HttpClient Client, string Url)[]
        {
            (director, "/Children?category=Orphan"), (director, "/Cases"), (director, "/Cases?mine=false"), (director, "/Reports"), (director, "/Reports?status=all"),
            (director, "/Referrals"), (director, "/Alerts"), (director, "/Visits/Due"), (director, "/Notifications"), (director, "/Prevention"),
            (director, $"/Regions?code={ShouhuApp.VillageB}"), (officer, "/Organizations"), (officer, "/Cases/Transfers"),
            (admin, "/Audit?entity=AssessmentInstrument"),
        };
        foreach (var (client, url) in pages)
        {
            var html = await PageAsync(client, url);
            Assert.True(html.Contains("id=\"empty\"", StringComparison.Ordinal) || html.Contains("id=\"prevention-empty\"", StringComparison.Ordinal), url + " has no empty-state line");
        }
    }

    /// <summary>Item 4: the chain names the role and the level without nested brackets: 某某（儿童主任·村级）申报.</summary>
    [Fact]
    public async Task VerificationChain_NamesTheRoleAndLevel_WithoutNestedBrackets()
    {
        var (director, page, _) = await PersonAsync("ChildDirector", ShouhuApp.VillageA);
        var child = await OkJson(await director.PostAsJsonAsync("/api/v1/children", new
        {
            name = "链一", sex = "male", birthDate = "2015-01-01", residenceRegionCode = ShouhuApp.VillageA,
            categories = new[] { new { category = "InDistress", subType = "家庭经济困难" } },
        }, Ct));
        var html = await PageAsync(page, $"/Children/Details/{child.GetProperty("id")}");
        var chain = Regex.Match(html, "<td class=\"chain text\">(.*?)</td>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Matches("（儿童主任·村级）申报 \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d", chain);
        Assert.DoesNotMatch("（[^）]*（", chain);
    }

    /// <summary>
    /// Item 6: a blank assessment (no answer, 0 points) reads 未评估, with its date and assessor; a closed high-risk case of
    /// the last 12 months is named next to it for a role that reads cases, and not at all for one that does not.
    /// </summary>
    [Fact]
    public async Task ChildRisk_BlankAssessmentIsNotLow_AndAHigherCaseRiskIsNamed_ToCaseReadersOnly()
    {
        var (director, page, directorId) = await PersonAsync("ChildDirector", ShouhuApp.VillageA);
        var (supervisor, _, _) = await PersonAsync("ChildSupervisor", "430702001");
        var childId = (await OkJson(await director.PostAsJsonAsync("/api/v1/children", new { name = "险一", sex = "female", birthDate = "2014-03-03", residenceRegionCode = ShouhuApp.VillageA }, Ct))).GetProperty("id").GetGuid();
        var report = await OkJson(await supervisor.PostAsJsonAsync("/api/v1/reports", new { channel = "Hotline", receivedAt = DateTimeOffset.UtcNow.AddMinutes(-3).ToString("o"), concernTypes = new[] { "Neglect" }, urgency = "Urgent", narrative = "来电：孩子独自在家多日。", childId }, Ct));
        var caseId = (await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/reports/{report.GetProperty("id")}/triage", new { decision = "open-case", workerId = directorId, riskLevel = "high" }, Ct))).GetProperty("caseId").GetGuid();
        var closedAt = DateTime.UtcNow.AddMonths(-2);
        string caseNumber;
        await using (var db = app.SystemDb())
        {
            var c = await db.Cases.SingleAsync(x => x.Id == caseId, Ct);
            (c.Status, c.ClosedAt, caseNumber) = (CaseStatus.Closed, closedAt, c.CaseNumber);
            db.RiskAssessments.Add(new RiskAssessment { ChildId = childId, RegionCode = ShouhuApp.VillageA, InstrumentVersion = 1, AnswersJson = "{}", Score = 0, Level = RiskLevel.Low, NextDueOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(180)), AssessedBy = directorId, AssessedByName = "评估人甲", AssessedAt = DateTime.UtcNow.AddDays(-1) });
            await db.SaveChangesAsync(Ct);
        }

        var html = await PageAsync(page, $"/Children/Details/{childId}");
        var risk = Regex.Match(html, "<dd id=\"risk-level\">(.*?)</dd>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("未评估", risk, StringComparison.Ordinal);
        Assert.DoesNotContain("低", risk.Replace(caseNumber, "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("0 分", risk, StringComparison.Ordinal);
        Assert.Contains("评估人甲", risk, StringComparison.Ordinal);
        Assert.Contains(DateTime.UtcNow.AddHours(8).AddDays(-1).ToString("yyyy-MM-dd"), risk, StringComparison.Ordinal);
        Assert.Matches($"个案 {Regex.Escape(caseNumber)}</a> 评定风险：<strong[^>]*>高</strong>（已结案 {closedAt.AddHours(8):yyyy-MM-dd}）", risk);

        var (_, hotline, _) = await PersonAsync("HotlineOperator", "430702");
        var operatorHtml = await PageAsync(hotline, $"/Children/Details/{childId}");
        Assert.DoesNotContain(caseNumber, operatorHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("评定风险", operatorHtml, StringComparison.Ordinal);
    }
}
