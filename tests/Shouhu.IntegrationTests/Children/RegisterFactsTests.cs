using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Shouhu.Domain.Children;
using Shouhu.Domain.Time;
using static Shouhu.IntegrationTests.Api;

namespace Shouhu.IntegrationTests.Children;

/// <summary>
/// The register's rules that used to stop at an enum (issue #11 items 7, 8, 11; ADR-009), through HTTP on the configured
/// engine: a guardian's condition with its facts, working away only for a living parent 6 months outside the county, and
/// one period rule for statuses in the list, the record and the workbench (China Standard Time).
/// </summary>
public sealed class RegisterFactsTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => ChinaTime.Today(TimeProvider.System);

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static int _names;

    private static string Name(string stem) => stem + "甲乙丙丁戊己庚辛壬癸"[Interlocked.Increment(ref _names) % 10] + "子丑寅卯辰巳午未申酉"[_names / 10 % 10];

    private static string[] Messages(JsonElement problem, string field) =>
        problem.GetProperty("errors").TryGetProperty(field, out var list) ? [.. list.EnumerateArray().Select(e => e.GetString()!)] : [];

    private static object Child(string name, string category, params object[] guardians) => new
    {
        name, sex = "female", birthDate = "2014-03-03", residenceRegionCode = ShouhuApp.VillageA, householdKind = "Rural",
        categories = new[] { new { category } },
        guardians,
    };

    private async Task<int> CountNamedAsync(string name)
    {
        await using var db = app.SystemDb();
        return await db.Children.CountAsync(c => c.Name == name, Ct);
    }

    [Fact]
    public async Task RegisterChild_BadGuardianFacts_Returns400NamingEachFieldInChinese_AndSavesNothing()
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        var name = Name("事实");
        var r = await director.PostAsJsonAsync("/api/v1/children", Child(name, "Migrant",
            new { name = "父", relation = "Father", status = "Deceased", isWorkingAway = true },
            new { name = "母", relation = "Mother", status = "LostContact", conditionSince = D(Today.AddDays(1)) },
            new { name = "祖", relation = "Grandfather", status = "LostContact", conditionTermMonths = 12 },
            new { name = "姥", relation = "MaternalGrandmother", status = "SevereDisability", disabilityType = "Physical", disabilityGrade = 5 },
            new { name = "姑", relation = "OtherRelative", status = "SevereIllness", illness = "感冒" },
            new { name = "舅", relation = "OtherRelative", isWorkingAway = true, workRegionCode = "4419001" }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var problem = await Json(r);
        Assert.Equal(["外出务工只适用于健在且无其他情形的父母，“死亡”不能同时登记为外出务工"], Messages(problem, "guardians[0].isWorkingAway"));
        Assert.Equal(["情形起始日期不能晚于今天"], Messages(problem, "guardians[1].conditionSince"));
        Assert.Equal(["只有服刑在押、强制隔离戒毒、其他限制人身自由措施填写期限，“失联”不填"], Messages(problem, "guardians[2].conditionTermMonths"));
        Assert.Equal(["残疾等级应为1–4级"], Messages(problem, "guardians[3].disabilityGrade"));
        Assert.Equal(["病种须从本地重特大疾病目录中选择"], Messages(problem, "guardians[4].illness"));
        Assert.Equal(["务工地区划代码应为2、4、6、9或12位区划代码，前两位为省级代码"], Messages(problem, "guardians[5].workRegionCode"));
        Assert.Equal(0, await CountNamedAsync(name));

        // The same rules on the family-member routes, keyed by the field alone.
        var child = await Json(await director.PostAsJsonAsync("/api/v1/children", Child(Name("事实"), "Migrant"), Ct));
        var id = child.GetProperty("id").GetString();
        var add = await director.PostAsJsonAsync($"/api/v1/children/{id}/guardians", new { name = "父", relation = "Father", status = "Imprisoned", conditionSince = "2025-01-01", conditionTermMonths = 0 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, add.StatusCode);
        Assert.Equal(["期限应为1–600个月（整月数）"], Messages(await Json(add), "conditionTermMonths"));
        var away = await director.PostAsJsonAsync($"/api/v1/children/{id}/guardians", new { name = "父", relation = "Father", status = "Imprisoned", isWorkingAway = true }, Ct);
        Assert.Equal(["外出务工只适用于健在且无其他情形的父母，“服刑在押”不能同时登记为外出务工"], Messages(await Json(away), "isWorkingAway"));
        var saved = await Json(await director.GetAsync($"/api/v1/children/{id}", Ct));
        Assert.Equal(0, saved.GetProperty("guardians").GetArrayLength());
    }

    [Fact]
    public async Task DeFactoUnsupported_TermOfExactlySixMonths_Qualifies_FiveDoesNot()
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        object Family(int months) => new object[]
        {
            new { name = "父", relation = "Father", status = "Deceased", conditionSince = "2020-05-05" },
            new { name = "母", relation = "Mother", status = "Imprisoned", conditionSince = D(Today.AddMonths(-1)), conditionTermMonths = months },
        };

        var five = await director.PostAsJsonAsync("/api/v1/children", Child(Name("刑期"), "DeFactoUnsupported", (object[])Family(5)), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, five.StatusCode);
        Assert.Contains("母亲“服刑在押”期限为5个月，不足6个月", Messages(await Json(five), "categories[0].category"));

        var six = await director.PostAsJsonAsync("/api/v1/children", Child(Name("刑期"), "DeFactoUnsupported", (object[])Family(6)), Ct);
        Assert.Equal(HttpStatusCode.Created, six.StatusCode);
        var mother = (await Json(six)).GetProperty("guardians").EnumerateArray().Single(g => g.GetProperty("relation").GetString() == "Mother");
        Assert.Equal(6, mother.GetProperty("conditionTermMonths").GetInt32());
        Assert.Equal(D(Today.AddMonths(-1)), mother.GetProperty("conditionSince").GetString());
    }

    [Fact]
    public async Task LeftBehind_SixMonthsAwayOutsideTheCounty_Qualifies_LessOrInsideTheCountyDoesNot()
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        object[] Parents(DateOnly since, string work) =>
        [
            new { name = "父", relation = "Father", isWorkingAway = true, awaySince = D(since), workRegionCode = work },
            new { name = "母", relation = "Mother", isWorkingAway = true, awaySince = D(new DateOnly(2020, 1, 1)), workRegionCode = "441900" },
        ];

        var exactlySix = await director.PostAsJsonAsync("/api/v1/children", Child(Name("留守"), "LeftBehind", Parents(Today.AddMonths(-6), "441900")), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, exactlySix.StatusCode);
        Assert.Contains($"父亲外出务工未满连续6个月（满6个月之次日为 {D(Today.AddMonths(-6).AddMonths(6).AddDays(1))}）", Messages(await Json(exactlySix), "categories[0].category"));

        var inCounty = await director.PostAsJsonAsync("/api/v1/children", Child(Name("留守"), "LeftBehind", Parents(new DateOnly(2020, 1, 1), "430702001")), Ct);
        Assert.Contains("父亲的务工地在本县（市、区）内，不算外出务工", Messages(await Json(inCounty), "categories[0].category"));

        var ok = await director.PostAsJsonAsync("/api/v1/children", Child(Name("留守"), "LeftBehind", Parents(Today.AddMonths(-6).AddDays(-1), "430703")), Ct);
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var father = (await Json(ok)).GetProperty("guardians").EnumerateArray().Single(g => g.GetProperty("relation").GetString() == "Father");
        Assert.Equal("430703", father.GetProperty("workRegionCode").GetString());
    }

    [Fact]
    public async Task CategoryEnd_TodayKeepsItsStatus_YesterdayIsExited_InListRecordAndWorkbench()
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        using var supervisorApi = await app.UserAsync("ChildSupervisor", "430702001");
        using var supervisorPage = await app.PageUserAsync("ChildSupervisor", "430702001");

        async Task<int> WorkbenchPendingAsync()
        {
            var html = await supervisorPage.GetStringAsync("/", Ct);
            return int.Parse(Regex.Match(html, "id=\"verification-count\">.*?<a href=\"/Children\\?status=pending\">(\\d+)</a>", RegexOptions.Singleline).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        async Task<int> ListAsync(string status) =>
            (await supervisorApi.GetFromJsonAsync<JsonElement>($"/api/v1/children?status={status}&pageSize=500", Ct)).GetProperty("total").GetInt32();

        var pendingBefore = await WorkbenchPendingAsync();
        Assert.Equal(await ListAsync("pending"), pendingBefore);
        var (verifiedBefore, exitedBefore) = (await ListAsync("verified"), await ListAsync("exited"));

        async Task<string> ChildWithAsync(CategoryStatus status, DateOnly lastDay)
        {
            var body = ChildrenTests.ChildBody(Name("期末"), ShouhuApp.NewIdNumber(new DateOnly(2013, 7, 7), true), ShouhuApp.VillageA);
            var id = (await Json(await director.PostAsJsonAsync("/api/v1/children", body, Ct))).GetProperty("id").GetString()!;
            await using var db = app.SystemDb();
            var k = await db.ChildCategories.SingleAsync(x => x.ChildId == Guid.Parse(id), Ct);
            (k.Status, k.ValidTo) = (status, lastDay);
            await db.SaveChangesAsync(Ct);
            return id;
        }

        var verifiedToday = await ChildWithAsync(CategoryStatus.Verified, Today);
        var verifiedYesterday = await ChildWithAsync(CategoryStatus.Verified, Today.AddDays(-1));
        await ChildWithAsync(CategoryStatus.Pending, Today);
        await ChildWithAsync(CategoryStatus.Pending, Today.AddDays(-1));

        Assert.Equal(verifiedBefore + 1, await ListAsync("verified"));
        Assert.Equal(exitedBefore + 2, await ListAsync("exited"));
        Assert.Equal(pendingBefore + 1, await ListAsync("pending"));
        Assert.Equal(pendingBefore + 1, await WorkbenchPendingAsync());

        var today = (await supervisorApi.GetFromJsonAsync<JsonElement>($"/api/v1/children/{verifiedToday}", Ct)).GetProperty("categories")[0];
        Assert.Equal(("verified", true), (today.GetProperty("status").GetString(), today.GetProperty("active").GetBoolean()));
        var yesterday = (await supervisorApi.GetFromJsonAsync<JsonElement>($"/api/v1/children/{verifiedYesterday}", Ct)).GetProperty("categories")[0];
        Assert.Equal(("exited", false), (yesterday.GetProperty("status").GetString(), yesterday.GetProperty("active").GetBoolean()));

        var withCategory = await supervisorApi.GetFromJsonAsync<JsonElement>("/api/v1/children?category=LeftBehind&status=verified&pageSize=500", Ct);
        Assert.Contains(withCategory.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() == verifiedToday);
        Assert.DoesNotContain(withCategory.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() == verifiedYesterday);
    }

    [Fact]
    public async Task ExitCategory_TakesEffectFromTheMonthAfterTheChange()
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        async Task<(string Id, string Cat, string Version)> SubmittedAsync()
        {
            var child = await Json(await director.PostAsJsonAsync("/api/v1/children", ChildrenTests.ChildBody(Name("退出"), ShouhuApp.NewIdNumber(new DateOnly(2013, 8, 8), true), ShouhuApp.VillageA), Ct));
            var id = child.GetProperty("id").GetString()!;
            await using var db = app.SystemDb();
            var k = await db.ChildCategories.SingleAsync(x => x.ChildId == Guid.Parse(id), Ct);
            k.ValidFrom = Today.AddMonths(-3);
            await db.SaveChangesAsync(Ct);
            return (id, k.Id.ToString(), k.Version.ToString());
        }

        // Parents came home today: the category still applies to the end of this month.
        var (id, cat, v) = await SubmittedAsync();
        var now = await Json(await director.PostAsJsonAsync($"/api/v1/children/{id}/categories/{cat}/exit", new { reason = "父母返乡", date = D(Today), version = v }, Ct));
        var k = now.GetProperty("categories")[0];
        var monthEnd = new DateOnly(Today.Year, Today.Month, DateTime.DaysInMonth(Today.Year, Today.Month));
        Assert.Equal((D(monthEnd), "exited", true), (k.GetProperty("validTo").GetString(), k.GetProperty("status").GetString(), k.GetProperty("active").GetBoolean()));

        // They came home last month: it ended on the last day of last month.
        (id, cat, v) = await SubmittedAsync();
        var last = await Json(await director.PostAsJsonAsync($"/api/v1/children/{id}/categories/{cat}/exit", new { reason = "父母返乡", date = D(Today.AddMonths(-1)), version = v }, Ct));
        k = last.GetProperty("categories")[0];
        var firstOfMonth = new DateOnly(Today.Year, Today.Month, 1);
        Assert.Equal((D(firstOfMonth.AddDays(-1)), false), (k.GetProperty("validTo").GetString(), k.GetProperty("active").GetBoolean()));
        await using var check = app.SystemDb();
        Assert.Equal(0, await check.ChildCategories.Where(x => x.Id == Guid.Parse(cat)).Where(ChildCategory.ActiveOn(firstOfMonth)).CountAsync(Ct));
        Assert.Equal(1, await check.ChildCategories.Where(x => x.Id == Guid.Parse(cat)).Where(ChildCategory.ActiveOn(firstOfMonth.AddDays(-1))).CountAsync(Ct));
    }
}

/// <summary>An application with a city's own rules: a catastrophic-illness list of one, migrants up to 14, a 10-day 18th-birthday window.</summary>
public sealed class LocalRulesApp : ShouhuApp
{
    /// <summary>The settings of <c>Registry:*</c>.</summary>
    public LocalRulesApp()
    {
        Settings["Registry:CatastrophicIllnesses:0"] = "尿毒症";
        Settings["Registry:MigrantAgeLimit"] = "14";
        Settings["Registry:Alerts:AdultWarningDays"] = "10";
    }
}

/// <summary>The register's configurable rules (issue #11 items 7 and 11): the illness list, the migrant age limit and an alert window.</summary>
public sealed class RegisterSettingsTests(LocalRulesApp app) : IClassFixture<LocalRulesApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => ChinaTime.Today(TimeProvider.System);

    [Fact]
    public async Task RegisterSettings_TheCitysIllnessListAndMigrantLimit_Apply()
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        var ill = await director.PostAsJsonAsync("/api/v1/children", new
        {
            name = "病种甲", sex = "male", birthDate = "2014-03-03", residenceRegionCode = ShouhuApp.VillageA,
            guardians = new[] { new { name = "父", relation = "Father", status = "SevereIllness", illness = "儿童白血病" } },
        }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, ill.StatusCode);
        Assert.True((await ill.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("guardians[0].illness", out _));
        Assert.Equal(HttpStatusCode.Created, (await director.PostAsJsonAsync("/api/v1/children", new
        {
            name = "病种乙", sex = "male", birthDate = "2014-03-03", residenceRegionCode = ShouhuApp.VillageA,
            guardians = new[] { new { name = "父", relation = "Father", status = "SevereIllness", illness = "尿毒症" } },
        }, Ct)).StatusCode);

        // 14 years and a day: no longer a migrant child here; its last day is the 14th birthday.
        var fourteen = Today.AddYears(-14).AddDays(-1);
        var old = await director.PostAsJsonAsync("/api/v1/children", new { name = "流动甲", sex = "male", birthDate = fourteen.ToString("yyyy-MM-dd"), residenceRegionCode = ShouhuApp.VillageA, categories = new[] { new { category = "Migrant" } } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        Assert.Contains("流动儿童限14周岁以下，该儿童已满14周岁", (await old.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        var young = await director.PostAsJsonAsync("/api/v1/children", new { name = "流动乙", sex = "male", birthDate = "2014-03-03", residenceRegionCode = ShouhuApp.VillageA, categories = new[] { new { category = "Migrant" } } }, Ct);
        Assert.Equal("2028-03-03", (await young.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("categories")[0].GetProperty("validTo").GetString());
    }

    [Fact]
    public async Task RegisterSettings_TheAdultWarningWindow_IsConfiguration()
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        using var admin = await app.AdminAsync();
        using var officer = await app.UserAsync("CivilAffairsOfficer", "430702");
        async Task<Guid> InDistressAsync(string name, DateOnly birth) => (await (await director.PostAsJsonAsync("/api/v1/children", new
        {
            name, sex = "female", birthDate = birth.ToString("yyyy-MM-dd"), residenceRegionCode = ShouhuApp.VillageA,
            categories = new[] { new { category = "InDistress", subType = "家庭经济困难" } },
        }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        // Adult in 10 days (the 18th birthday in 9): inside the window of 10; adult in 20 days: outside it (default would be 60).
        var soon = await InDistressAsync("成年甲", Today.AddYears(-18).AddDays(9));
        var later = await InDistressAsync("成年乙", Today.AddYears(-18).AddDays(19));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/v1/alerts/run", null, Ct)).StatusCode);
        async Task<int> OpenAsync(Guid child) => (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/alerts?childId={child}&rule=Turning18&status=open", Ct)).GetProperty("total").GetInt32();
        Assert.Equal(1, await OpenAsync(soon));
        Assert.Equal(0, await OpenAsync(later));
    }
}

/// <summary>A category's end on the pinned clock (issue #11 item 11): the day is China's, not the server's or UTC's.</summary>
public sealed class CategoryEndPinnedClockTests(PinnedClockApp app) : IClassFixture<PinnedClockApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// At 00:30 on 2 June in China (16:30 on 1 June in UTC) a category whose last day was 1 June has ended: exited, not
    /// verified; one whose last day is 2 June is still verified. At 23:59 on 1 June both were verified.
    /// </summary>
    [Fact]
    public async Task CategoryEnd_YesterdayInChina_IsExitedAfterChinasMidnight()
    {
        app.SetChinaTime(new DateTime(2026, 6, 1, 23, 59, 0));
        var (director, _) = await app.AccountAsync(Shouhu.Domain.Accounts.Roles.ChildDirector, ShouhuApp.VillageA);
        async Task<string> VerifiedUntilAsync(string name, DateOnly lastDay)
        {
            var body = ChildrenTests.ChildBody(name, ShouhuApp.NewIdNumber(new DateOnly(2013, 9, 9), true), ShouhuApp.VillageA);
            var r = await director.PostAsJsonAsync("/api/v1/children", body, Ct);
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            var id = (await r.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString()!;
            await using var db = app.SystemDb();
            var k = await db.ChildCategories.SingleAsync(x => x.ChildId == Guid.Parse(id), Ct);
            (k.Status, k.ValidTo) = (CategoryStatus.Verified, lastDay);
            await db.SaveChangesAsync(Ct);
            return id;
        }

        var endsFirst = await VerifiedUntilAsync("六一止", new DateOnly(2026, 6, 1));
        var endsSecond = await VerifiedUntilAsync("六二止", new DateOnly(2026, 6, 2));
        async Task<string> StatusAsync(string id) =>
            (await director.GetFromJsonAsync<JsonElement>($"/api/v1/children/{id}", Ct)).GetProperty("categories")[0].GetProperty("status").GetString()!;

        Assert.Equal(("verified", "verified"), (await StatusAsync(endsFirst), await StatusAsync(endsSecond)));

        app.SetChinaTime(new DateTime(2026, 6, 2, 0, 30, 0)); // UTC: 2026-06-01 16:30
        Assert.Equal(("exited", "verified"), (await StatusAsync(endsFirst), await StatusAsync(endsSecond)));
        var verified = await director.GetFromJsonAsync<JsonElement>("/api/v1/children?status=verified&pageSize=500", Ct);
        var ids = verified.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToList();
        Assert.DoesNotContain(endsFirst, ids);
        Assert.Contains(endsSecond, ids);
    }
}
