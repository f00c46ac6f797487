using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Shouhu.IntegrationTests.Audit;
using Shouhu.Web.Features.Audit;
using static Shouhu.IntegrationTests.Api;

namespace Shouhu.IntegrationTests.Children;

/// <summary>The registry issue through HTTP: category rules and verification chain, edits with history and conflicts, family, duplicates, filters and the Excel export.</summary>
public sealed class RegistryTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> CreatedAsync(HttpClient client, object body)
    {
        var r = await client.PostAsJsonAsync("/api/v1/children", body, Ct);
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync(Ct));
        return await Json(r);
    }

    [Fact]
    public async Task AddCategory_OrphanNeedsBothParentsGone_AndLeftBehindNeedsParentsAway()
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        var orphan = await director.PostAsJsonAsync("/api/v1/children", new
        {
            name = "孤一", sex = "male", birthDate = "2012-01-01", residenceRegionCode = ShouhuApp.VillageA,
            categories = new[] { new { category = "Orphan" } },
            guardians = new[] { new { name = "父", relation = "Father", status = "Deceased" }, new { name = "母", relation = "Mother", status = "Living" } },
        }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, orphan.StatusCode);
        Assert.Equal("孤儿须父母双方均死亡或宣告失踪", (await Json(orphan)).GetProperty("errors").GetProperty("categories[0].category")[0].GetString());

        var deFacto = await director.PostAsJsonAsync("/api/v1/children", new
        {
            name = "事一", sex = "female", birthDate = "2012-01-01", residenceRegionCode = ShouhuApp.VillageA,
            categories = new[] { new { category = "DeFactoUnsupported", basis = "父亲服刑，母亲失联" } },
            guardians = new object[] { new { name = "父", relation = "Father", status = "Imprisoned", conditionSince = "2024-01-01", conditionTermMonths = 120 }, new { name = "母", relation = "Mother", status = "LostContact", conditionSince = "2024-01-01" } },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, deFacto.StatusCode);
        Assert.Equal("2030-01-01", (await Json(deFacto)).GetProperty("categories")[0].GetProperty("validTo").GetString());

        var notRural = await director.PostAsJsonAsync("/api/v1/children", new
        {
            name = "留一", sex = "male", birthDate = "2015-01-01", residenceRegionCode = ShouhuApp.VillageA, householdKind = "Urban",
            categories = new[] { new { category = "LeftBehind" } },
            guardians = new[] { new { name = "父", relation = "Father", isWorkingAway = true }, new { name = "母", relation = "Mother", isWorkingAway = false } },
        }, Ct);
        var errors = (await Json(notRural)).GetProperty("errors").GetProperty("categories[0].category");
        Assert.Contains(errors.EnumerateArray(), e => e.GetString() == "农村留守儿童须为农村户籍");
        Assert.Contains(errors.EnumerateArray(), e => e.GetString()!.StartsWith("农村留守儿童须父母双方外出务工", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Journey_CategoryGoesVillageToTownshipToCounty_AndExitStaysInHistory()
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        using var supervisor = await app.UserAsync("ChildSupervisor", "430702001");
        using var county = await app.UserAsync("CivilAffairsOfficer", "430702");
        var child = await CreatedAsync(director, ChildrenTests.ChildBody("链条儿", ShouhuApp.NewIdNumber(new DateOnly(2014, 4, 4), true), ShouhuApp.VillageA));
        var id = child.GetProperty("id").GetString();
        var cat = child.GetProperty("categories")[0].GetProperty("id").GetString();
        var version = child.GetProperty("categories")[0].GetProperty("version").GetString();

        // The director may not verify (403); the county may not confirm before the township (a state conflict: 409).
        Assert.Equal(HttpStatusCode.Forbidden, (await director.PostAsJsonAsync($"/api/v1/children/{id}/categories/{cat}/township-verify", new { version }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await county.PostAsJsonAsync($"/api/v1/children/{id}/categories/{cat}/confirm", new { version }, Ct)).StatusCode);

        var verified = await Json(await supervisor.PostAsJsonAsync($"/api/v1/children/{id}/categories/{cat}/township-verify", new { version }, Ct));
        Assert.Equal("township-verified", verified.GetProperty("categories")[0].GetProperty("status").GetString());
        version = verified.GetProperty("categories")[0].GetProperty("version").GetString();
        var confirmed = await Json(await county.PostAsJsonAsync($"/api/v1/children/{id}/categories/{cat}/confirm", new { version }, Ct));
        version = confirmed.GetProperty("categories")[0].GetProperty("version").GetString();
        Assert.Equal("verified", confirmed.GetProperty("categories")[0].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, confirmed.GetProperty("categories")[0].GetProperty("countyConfirmedAt").ValueKind);

        var listed = await director.GetFromJsonAsync<JsonElement>($"/api/v1/children?category=LeftBehind&q=链条儿", Ct);
        Assert.Equal(1, listed.GetProperty("total").GetInt32());

        var noReason = await director.PostAsJsonAsync($"/api/v1/children/{id}/categories/{cat}/exit", new { reason = " ", version }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var exited = await Json(await director.PostAsJsonAsync($"/api/v1/children/{id}/categories/{cat}/exit", new { reason = "父母返乡", version }, Ct));
        var k = exited.GetProperty("categories")[0];
        Assert.Equal("exited", k.GetProperty("status").GetString());
        // Exit from the month after (issue #11 item 11): exited at once, still counted to the end of this month.
        Assert.True(k.GetProperty("active").GetBoolean());
        var today = Shouhu.Domain.Time.ChinaTime.Today(TimeProvider.System);
        Assert.Equal(new DateOnly(today.Year, today.Month, DateTime.DaysInMonth(today.Year, today.Month)).ToString("yyyy-MM-dd"), k.GetProperty("validTo").GetString());
        Assert.Equal("父母返乡", k.GetProperty("statusReason").GetString());

        // An exited category is no longer verified.
        listed = await director.GetFromJsonAsync<JsonElement>($"/api/v1/children?category=LeftBehind&status=verified&q=链条儿", Ct);
        Assert.Equal(0, listed.GetProperty("total").GetInt32());
        var byStatus = await director.GetFromJsonAsync<JsonElement>($"/api/v1/children?category=LeftBehind&status=exited&q=链条儿", Ct);
        Assert.Equal(1, byStatus.GetProperty("total").GetInt32());

        var history = await director.GetFromJsonAsync<JsonElement>($"/api/v1/children/{id}/history", Ct);
        var fields = history.EnumerateArray().Select(h => h.GetProperty("field").GetString()).ToList();
        Assert.Equal(3, fields.Count(f => f == "categories.LeftBehind"));
        Assert.All(history.EnumerateArray().Where(h => h.GetProperty("field").GetString() == "categories.LeftBehind"),
            h => Assert.Equal("保护类别·农村留守儿童", h.GetProperty("fieldName").GetString()));
    }

    [Fact]
    public async Task UpdateChild_KeepsHistory_RefusesAStaleVersionNamingWho_AndMaskedRolesMayNotEdit()
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        using var other = await app.UserAsync("ChildSupervisor", "430702001");
        var child = await CreatedAsync(director, new { name = "编辑儿", sex = "female", birthDate = "2013-03-03", residenceRegionCode = ShouhuApp.VillageA });
        var id = child.GetProperty("id").GetString();
        var version = child.GetProperty("version").GetString();

        var edit = new { name = "编辑儿", sex = "female", birthDate = "2013-03-03", residenceRegionCode = ShouhuApp.VillageA, schoolStatus = "InSchool", schoolName = "启明小学", grade = "五年级", contactPhone = "139 0736 1234", version };
        var saved = await other.PutAsJsonAsync($"/api/v1/children/{id}", edit, Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var after = await Json(saved);
        Assert.Equal("13907361234", after.GetProperty("contactPhone").GetString());
        Assert.NotEqual(version, after.GetProperty("version").GetString());

        // The first editor still holds the old version: refused, nothing saved, the message names who saved.
        var stale = await director.PutAsJsonAsync($"/api/v1/children/{id}", edit with { grade = "六年级" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("测试", (await Json(stale)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("五年级", (await director.GetFromJsonAsync<JsonElement>($"/api/v1/children/{id}", Ct)).GetProperty("grade").GetString());

        // The township supervisor moves the child to the neighbouring village.
        var moved = await other.PutAsJsonAsync($"/api/v1/children/{id}", edit with { residenceRegionCode = ShouhuApp.VillageB, version = after.GetProperty("version").GetString() }, Ct);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        after = await Json(moved);

        var history = await other.GetFromJsonAsync<JsonElement>($"/api/v1/children/{id}/history", Ct);
        var changes = history.EnumerateArray().ToDictionary(h => h.GetProperty("field").GetString()!, h => (h.GetProperty("oldValue").GetString(), h.GetProperty("newValue").GetString()));
        Assert.Equal(($"马家吉社区（{ShouhuApp.VillageA}）", $"半边街社区（{ShouhuApp.VillageB}）"), changes["residenceRegionCode"]);
        Assert.Equal(((string?)null, "启明小学"), changes["schoolName"]);
        Assert.Equal(("未登记", "在校"), changes["schoolStatus"]);
        Assert.All(history.EnumerateArray(), h => Assert.StartsWith("测试", h.GetProperty("changedBy").GetString(), StringComparison.Ordinal));

        // The director of village A no longer sees the child, who moved to village B.
        Assert.Equal(HttpStatusCode.NotFound, (await director.GetAsync($"/api/v1/children/{id}", Ct)).StatusCode);

        using var hotline = await app.UserAsync("HotlineOperator", "4307");
        var byHotline = await hotline.PutAsJsonAsync($"/api/v1/children/{id}", edit with { version = after.GetProperty("version").GetString() }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, byHotline.StatusCode);

        await using var db = app.SystemDb();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == id && a.Action == "Update" && a.Detail!.Contains("RegionCode"), Ct));
    }

    [Fact]
    public async Task FamilyMembers_AddAndChange_AreValidatedAndRecorded()
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        var child = await CreatedAsync(director, new { name = "家庭儿", sex = "male", birthDate = "2016-06-06", residenceRegionCode = ShouhuApp.VillageA });
        var id = child.GetProperty("id").GetString();
        var bad = await director.PostAsJsonAsync($"/api/v1/children/{id}/guardians", new { name = "李父", relation = "Father", phone = "12345" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await Json(bad)).GetProperty("errors").TryGetProperty("phone", out _));

        var added = await Json(await director.PostAsJsonAsync($"/api/v1/children/{id}/guardians", new { name = "李父", relation = "Father", phone = "13807360000", isWorkingAway = true, workPlace = "深圳" }, Ct));
        var g = added.GetProperty("guardians")[0];
        Assert.Equal("13807360000", g.GetProperty("phone").GetString());
        var gid = g.GetProperty("id").GetString();
        var changed = await Json(await director.PutAsJsonAsync($"/api/v1/children/{id}/guardians/{gid}", new { name = "李父", relation = "Father", status = "Imprisoned", version = g.GetProperty("version").GetString() }, Ct));
        Assert.Equal("Imprisoned", changed.GetProperty("guardians")[0].GetProperty("status").GetString());

        var history = await director.GetFromJsonAsync<JsonElement>($"/api/v1/children/{id}/history", Ct);
        Assert.Contains(history.EnumerateArray(), h => h.GetProperty("field").GetString() == "guardians.父亲" && h.GetProperty("newValue").GetString() == "李父（服刑在押）");

        using var admin = await app.AdminAsync();
        var trail = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?childId={id}", Ct);
        Assert.Contains(trail.GetProperty("items").EnumerateArray(), i => i.GetProperty("detail").GetString() is { } d && d.StartsWith("Guardian:Update:", StringComparison.Ordinal) && d.Contains("Status", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RegisterChild_PossibleDuplicate_WarnsAndCanBeConfirmed_OutsideShowsNoDetail()
    {
        using var directorA = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        using var directorB = await app.UserAsync("ChildDirector", ShouhuApp.VillageB);
        await CreatedAsync(directorA, new { name = "同名同生", sex = "male", birthDate = "2015-07-07", residenceRegionCode = ShouhuApp.VillageA });

        var again = await directorA.PostAsJsonAsync("/api/v1/children", new { name = "同名同生", sex = "male", birthDate = "2015-07-07", residenceRegionCode = ShouhuApp.VillageA }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var inside = (await Json(again)).GetProperty("possibleDuplicates")[0];
        Assert.Equal("同名同生", inside.GetProperty("name").GetString());

        var elsewhere = await directorB.PostAsJsonAsync("/api/v1/children", new { name = "同名同生", sex = "male", birthDate = "2015-07-07", residenceRegionCode = ShouhuApp.VillageB }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, elsewhere.StatusCode);
        var outside = (await Json(elsewhere)).GetProperty("possibleDuplicates")[0];
        Assert.Equal(JsonValueKind.Null, outside.GetProperty("id").ValueKind);
        Assert.Equal(JsonValueKind.Null, outside.GetProperty("name").ValueKind);
        Assert.StartsWith("本乡镇（街道）其他村（社区）", outside.GetProperty("where").GetString(), StringComparison.Ordinal);

        var confirmed = await directorB.PostAsJsonAsync("/api/v1/children", new { name = "同名同生", sex = "male", birthDate = "2015-07-07", residenceRegionCode = ShouhuApp.VillageB, allowPossibleDuplicate = true }, Ct);
        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
    }

    [Fact]
    public async Task CategoryCount_EqualsTheListBehindIt_IgnoringExitedAndOutside()
    {
        using var directorA = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        using var directorB = await app.UserAsync("ChildDirector", ShouhuApp.VillageB);
        using var supervisor = await app.UserAsync("ChildSupervisor", "430702001");
        var today = Shouhu.Domain.Time.ChinaTime.Today(TimeProvider.System);
        var before = (await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/children?category=DeFactoUnsupported&pageSize=200", Ct)).GetProperty("total").GetInt32();
        object Body(string name) => new
        {
            name, sex = "female", birthDate = "2012-05-05", residenceRegionCode = ShouhuApp.VillageA,
            categories = new[] { new { category = "DeFactoUnsupported", validFrom = today.AddMonths(-2).ToString("yyyy-MM-dd") } },
            guardians = new object[] { new { name = "父", relation = "Father", status = "Imprisoned", conditionSince = "2024-01-01", conditionTermMonths = 120 }, new { name = "母", relation = "Mother", status = "SevereIllness", illness = "终末期肾病" } },
        };
        var ids = new List<string>();
        foreach (var n in new[] { "计数甲", "计数乙", "计数丙" })
        {
            ids.Add((await CreatedAsync(directorA, Body(n))).GetProperty("id").GetString()!);
        }

        var detail = await directorA.GetFromJsonAsync<JsonElement>($"/api/v1/children/{ids[0]}", Ct);
        var cat = detail.GetProperty("categories")[0].GetProperty("id").GetString();
        // Released last month: the exit took effect from this month (DOMAIN.md §1), so the child no longer counts.
        var exit = await directorA.PostAsJsonAsync($"/api/v1/children/{ids[0]}/categories/{cat}/exit", new { reason = "父亲刑满释放", date = today.AddMonths(-1).ToString("yyyy-MM-dd"), version = detail.GetProperty("categories")[0].GetProperty("version").GetString() }, Ct);
        Assert.Equal(HttpStatusCode.OK, exit.StatusCode);

        var page = await supervisor.GetFromJsonAsync<JsonElement>("/api/v1/children?category=DeFactoUnsupported&pageSize=200", Ct);
        Assert.Equal(before + 2, page.GetProperty("total").GetInt32());
        Assert.Equal(page.GetProperty("total").GetInt32(), page.GetProperty("items").GetArrayLength());
        var inRegion = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/children?category=DeFactoUnsupported&regionCode={ShouhuApp.VillageA}&pageSize=200", Ct);
        Assert.Equal(inRegion.GetProperty("items").GetArrayLength(), inRegion.GetProperty("total").GetInt32());
        var neighbour = await directorB.GetFromJsonAsync<JsonElement>("/api/v1/children?category=DeFactoUnsupported&pageSize=200", Ct);
        Assert.Equal(0, neighbour.GetProperty("total").GetInt32());
        var askingOutside = await directorB.GetFromJsonAsync<JsonElement>($"/api/v1/children?category=DeFactoUnsupported&regionCode={ShouhuApp.VillageA}", Ct);
        Assert.Equal(0, askingOutside.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ListChildren_ByAgeAndSchool_FiltersSortsAndPages()
    {
        using var county = await app.UserAsync("ChildSupervisor", "430702001");
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageB);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        foreach (var (name, age, school) in new[] { ("筛甲", 3, "NotYetSchoolAge"), ("筛乙", 10, "InSchool"), ("筛丙", 15, "NotInSchool") })
        {
            var birth = today.AddYears(-age).AddDays(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            await CreatedAsync(director, new { name, sex = "female", birthDate = birth, residenceRegionCode = ShouhuApp.VillageB, schoolStatus = school, schoolName = school == "InSchool" ? "某小学" : null, notInSchoolReason = school == "NotInSchool" ? "辍学务工" : null });
        }

        async Task<List<string>> Names(string query) =>
            (await county.GetFromJsonAsync<JsonElement>($"/api/v1/children?q=筛&{query}", Ct)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();

        Assert.Equal(["筛乙", "筛丙"], await Names("ageMin=6&sort=birthDate"));
        Assert.Equal(["筛甲", "筛乙"], await Names("ageMax=10&sort=birthDate"));
        Assert.Equal(["筛丙"], await Names("schoolStatus=NotInSchool"));
        Assert.Equal(HttpStatusCode.BadRequest, (await county.GetAsync("/api/v1/children?q=筛&schoolStatus=Nope", Ct)).StatusCode);
        var page2 = await county.GetFromJsonAsync<JsonElement>("/api/v1/children?q=筛&pageSize=2&page=2&sort=name", Ct);
        Assert.Equal(3, page2.GetProperty("total").GetInt32());
        Assert.Single(page2.GetProperty("items").EnumerateArray());
        var huge = await county.GetAsync("/api/v1/children?page=2147483647&pageSize=100000", Ct);
        Assert.Equal(HttpStatusCode.OK, huge.StatusCode);
    }

    [Fact]
    public async Task ExportChildren_IsAnXlsxOfTheFilter_MaskedForMaskedRoles_AndAudited()
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA, "exportdir");
        var id = ShouhuApp.NewIdNumber(new DateOnly(2011, 11, 11), false);
        await CreatedAsync(director, ChildrenTests.ChildBody("导出儿", id, ShouhuApp.VillageA, sex: "female"));

        var file = await director.GetAsync("/api/v1/children/export?q=导出", Ct);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.Content.Headers.ContentType?.MediaType);
        await using var stream = new MemoryStream(await file.Content.ReadAsByteArrayAsync(Ct));
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var row = Assert.Single(rows);
        Assert.Equal("导出儿", row["姓名"]);
        Assert.Equal(id[..6] + "********" + id[14..], row["公民身份号码"]); // masked by default, for every role
        Assert.False(row.ContainsKey("保护类别"));
        Assert.False(row.ContainsKey("出生日期"));

        using var hotline = await app.UserAsync("HotlineOperator", "4307");
        var masked = await hotline.GetAsync("/api/v1/children/export?q=导出", Ct);
        await using var maskedStream = new MemoryStream(await masked.Content.ReadAsByteArrayAsync(Ct));
        var maskedRow = Assert.Single(maskedStream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>());
        Assert.Equal(id[..6] + "********" + id[14..], maskedRow["公民身份号码"]);

        await using var db = app.SystemDb();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "Export" && a.ActorName == "exportdir" && a.Detail!.StartsWith("rows=1"), Ct));
    }

    [Theory]
    [InlineData("address", "{\"name\":\"某\",\"sex\":\"male\",\"birthDate\":\"2015-01-01\",\"residenceRegionCode\":\"430702001004\",\"address\":\"3组\\u0000\"}")]
    [InlineData("categories[0].subType", "{\"name\":\"某\",\"sex\":\"male\",\"birthDate\":\"2015-01-01\",\"residenceRegionCode\":\"430702001004\",\"categories\":[{\"category\":\"InDistress\",\"subType\":\"XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\"}]}")]
    [InlineData("categories[0].validFrom", "{\"name\":\"某\",\"sex\":\"male\",\"birthDate\":\"2015-01-01\",\"residenceRegionCode\":\"430702001004\",\"categories\":[{\"category\":\"Migrant\",\"validFrom\":\"0001-01-01\"}]}")]
    [InlineData("name", "{\"name\":\"\\u202e明小\",\"sex\":\"male\",\"birthDate\":\"2015-01-01\",\"residenceRegionCode\":\"430702001004\"}")]
    [InlineData("contactPhone", "{\"name\":\"某\",\"sex\":\"male\",\"birthDate\":\"2015-01-01\",\"residenceRegionCode\":\"430702001004\",\"contactPhone\":\"call me\"}")]
    [InlineData("disabilityGrade", "{\"name\":\"某\",\"sex\":\"male\",\"birthDate\":\"2015-01-01\",\"residenceRegionCode\":\"430702001004\",\"disabilityType\":\"Physical\",\"disabilityGrade\":7}")]
    [InlineData("entrustedCare.citizenIdNumber", "{\"name\":\"某\",\"sex\":\"male\",\"birthDate\":\"2015-01-01\",\"residenceRegionCode\":\"430702001004\",\"entrustedCare\":{\"caregiverName\":\"某某\",\"relation\":\"Sibling\",\"citizenIdNumber\":\"430702201001010012\"}}")]
    public async Task RegisterChild_BadField_Returns400NamingIt_AndSavesNothing(string field, string json)
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        await using var before = app.SystemDb();
        var count = await before.Children.CountAsync(Ct);
        var r = await director.PostAsync("/api/v1/children", new StringContent(json.Replace("430702201001010012", FixCheck("43070220100101001"), StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.True((await Json(r)).GetProperty("errors").TryGetProperty(field, out _), await r.Content.ReadAsStringAsync(Ct));
        await using var after = app.SystemDb();
        Assert.Equal(count, await after.Children.CountAsync(Ct));
    }

    private static string FixCheck(string first17) => first17 + Domain.Identity.CitizenIdNumber.ComputeCheckCharacter(first17);

    [Fact]
    public async Task CreateInParallel_AccountsAndChildren_AllSucceed_AndTheAuditChainHolds()
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        using var admin = await app.AdminAsync();
        var tasks = new List<Task<HttpResponseMessage>>();
        for (var i = 0; i < 12; i++)
        {
            tasks.Add(admin.PostAsJsonAsync("/api/v1/users", new { userName = $"par-user-{i}", password = ShouhuApp.UserPassword, displayName = "并发", role = "ChildDirector", jurisdictionCode = ShouhuApp.VillageA }, Ct));
            tasks.Add(director.PostAsJsonAsync("/api/v1/children", new { name = $"并发{i}", sex = "male", citizenIdNumber = ShouhuApp.NewIdNumber(new DateOnly(2014, 1, 1).AddDays(i), true), residenceRegionCode = ShouhuApp.VillageA }, Ct));
        }

        var answers = await Task.WhenAll(tasks);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        await using var db = app.SystemDb();
        var report = await AuditTests.Verifier(app, db).VerifyAsync(Ct);
        Assert.True(report.IsIntact, report.Message);
    }
}
