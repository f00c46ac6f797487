using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using static Shouhu.IntegrationTests.Api;

namespace Shouhu.IntegrationTests.Children;

/// <summary>
/// The register's rules from issue #9 (findings 7, 8, 10, 15) and #10 (items 6, 7, 9, 10): versions on every editable
/// part, PUT as a full replacement that never erases an ID number, four eyes on the verification chain, and one rule for
/// dates, names, sub-types, household codes and list filters.
/// </summary>
public sealed class RegistryRulesTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int _names;

    /// <summary>A unique Chinese name (the fuzzy duplicate check matches on name and birth date).</summary>
    private static string Name(string stem) => stem + "甲乙丙丁戊己庚辛壬癸"[Interlocked.Increment(ref _names) % 10] + "子丑寅卯辰巳午未申酉"[_names / 10 % 10];

    private static async Task<JsonElement> CreatedAsync(HttpClient client, object body)
    {
        var r = await client.PostAsJsonAsync("/api/v1/children", body, Ct);
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync(Ct));
        return await Json(r);
    }

    private static void AssertFieldError(JsonElement problem, string field) =>
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());

    // ---- finding 7: versions on family members and categories ----------------------------------------------------

    [Fact]
    public async Task ChangeGuardian_FromAStaleRead_Returns409NamingWhoChangedIt_AndKeepsTheFirstChange()
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        using var supervisor = await app.UserAsync("ChildSupervisor", "430702001", "sup-guardian");
        var child = await CreatedAsync(director, new { name = Name("家"), sex = "male", birthDate = "2015-01-01", residenceRegionCode = ShouhuApp.VillageA, guardians = new[] { new { name = "王父", relation = "Father" } } });
        var id = child.GetProperty("id").GetString();
        var g = child.GetProperty("guardians")[0];
        var (gid, version) = (g.GetProperty("id").GetString(), g.GetProperty("version").GetString());

        Assert.Equal(HttpStatusCode.OK, (await supervisor.PutAsJsonAsync($"/api/v1/children/{id}/guardians/{gid}", new { name = "王父", relation = "Father", status = "Imprisoned", version }, Ct)).StatusCode);
        var stale = await director.PutAsJsonAsync($"/api/v1/children/{id}/guardians/{gid}", new { name = "王父", relation = "Father", status = "Deceased", version }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("测试sup-guardian", (await Json(stale)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var missing = await director.PutAsJsonAsync($"/api/v1/children/{id}/guardians/{gid}", new { name = "王父", relation = "Father", status = "Deceased" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        AssertFieldError(await Json(missing), "version");
        Assert.Equal(HttpStatusCode.Conflict, (await director.DeleteAsync($"/api/v1/children/{id}/guardians/{gid}?version={version}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await director.DeleteAsync($"/api/v1/children/{id}/guardians/{gid}", Ct)).StatusCode);

        var now = await director.GetFromJsonAsync<JsonElement>($"/api/v1/children/{id}", Ct);
        Assert.Equal("Imprisoned", now.GetProperty("guardians")[0].GetProperty("status").GetString());
        var current = now.GetProperty("guardians")[0].GetProperty("version").GetString();
        Assert.Equal(HttpStatusCode.OK, (await director.DeleteAsync($"/api/v1/children/{id}/guardians/{gid}?version={current}", Ct)).StatusCode);
    }

    [Fact]
    public async Task CategoryAction_FromAStaleRead_Returns409_AndWithoutVersion400()
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        using var supervisor = await app.UserAsync("ChildSupervisor", "430702001");
        var child = await CreatedAsync(director, ChildrenTests.ChildBody(Name("版"), ShouhuApp.NewIdNumber(new DateOnly(2014, 4, 4), true), ShouhuApp.VillageA));
        var id = child.GetProperty("id").GetString();
        var k = child.GetProperty("categories")[0];
        var (cat, version) = (k.GetProperty("id").GetString(), k.GetProperty("version").GetString());
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PostAsJsonAsync($"/api/v1/children/{id}/categories/{cat}/township-verify", new { version }, Ct)).StatusCode);
        // The director read the category before the township verified it: the exit is refused, naming the verifier.
        var stale = await director.PostAsJsonAsync($"/api/v1/children/{id}/categories/{cat}/exit", new { reason = "父母返乡", version }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("测试", (await Json(stale)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var missing = await director.PostAsJsonAsync($"/api/v1/children/{id}/categories/{cat}/exit", new { reason = "父母返乡" }, Ct);
        AssertFieldError(await Json(missing), "version");
    }

    // ---- finding 8: PUT is a full replacement; an ID number is never erased ----------------------------------------

    public static TheoryData<string> RequiredOnPut() => ["name", "sex", "birthDate", "residenceRegionCode", "citizenIdNumber"];

    [Theory]
    [MemberData(nameof(RequiredOnPut))]
    public async Task UpdateChild_OmittingARequiredOrRecordedField_Returns400NamingIt_AndChangesNothing(string field)
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        // The birth date is required where no ID number carries it: that case is tried on a child without one.
        var idNumber = field == "birthDate" ? null : ShouhuApp.NewIdNumber(new DateOnly(2012, 12, 12), false);
        var name = Name("整");
        var child = await CreatedAsync(director, new { name, sex = "female", citizenIdNumber = idNumber, birthDate = "2012-12-12", residenceRegionCode = ShouhuApp.VillageA, schoolStatus = "InSchool", schoolName = "启明小学" });
        var body = new Dictionary<string, object?>
        {
            ["name"] = name, ["sex"] = "female", ["citizenIdNumber"] = idNumber, ["birthDate"] = "2012-12-12", ["residenceRegionCode"] = ShouhuApp.VillageA,
            ["schoolStatus"] = "InSchool", ["schoolName"] = "另一小学", ["version"] = child.GetProperty("version").GetString(),
        };
        body.Remove(field);
        var r = await director.PutAsJsonAsync($"/api/v1/children/{child.GetProperty("id").GetString()}", body, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var problem = await Json(r);
        AssertFieldError(problem, field);
        if (field == "citizenIdNumber")
        {
            Assert.Equal("身份证号不能删除；如有错误，请填写正确的号码", problem.GetProperty("errors").GetProperty(field)[0].GetString());
        }

        if (idNumber is not null)
        {
            // Also an explicit empty ID number does not erase it.
            body["citizenIdNumber"] = "";
            body[field] = field == "citizenIdNumber" ? "" : field switch { "name" => name, "sex" => "female", _ => ShouhuApp.VillageA };
            Assert.Equal(HttpStatusCode.BadRequest, (await director.PutAsJsonAsync($"/api/v1/children/{child.GetProperty("id").GetString()}", body, Ct)).StatusCode);
        }

        var after = await director.GetFromJsonAsync<JsonElement>($"/api/v1/children/{child.GetProperty("id").GetString()}", Ct);
        Assert.Equal(idNumber, after.GetProperty("citizenIdNumber").GetString());
        Assert.Equal("启明小学", after.GetProperty("schoolName").GetString());
    }

    [Fact]
    public async Task UpdateChild_OmittingAnOptionalField_ClearsIt_AndACorrectionReplacesTheIdNumber()
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        var name = Name("替");
        var wrong = ShouhuApp.NewIdNumber(new DateOnly(2012, 12, 12), false);
        var child = await CreatedAsync(director, new { name, sex = "female", citizenIdNumber = wrong, residenceRegionCode = ShouhuApp.VillageA, address = "3组" });
        var right = ShouhuApp.NewIdNumber(new DateOnly(2012, 12, 12), false);
        var saved = await director.PutAsJsonAsync($"/api/v1/children/{child.GetProperty("id").GetString()}",
            new { name, sex = "female", citizenIdNumber = right, birthDate = "2012-12-12", residenceRegionCode = ShouhuApp.VillageA, version = child.GetProperty("version").GetString() }, Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var after = await Json(saved);
        Assert.Equal(right, after.GetProperty("citizenIdNumber").GetString());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("address").ValueKind);
    }

    // ---- finding 10: four eyes, state conflicts, dates on category actions -----------------------------------------

    private static async Task<(string Id, string Cat, string Version)> SubmittedAsync(HttpClient submitter, string village = ShouhuApp.VillageA)
    {
        var child = await CreatedAsync(submitter, ChildrenTests.ChildBody(Name("核"), ShouhuApp.NewIdNumber(new DateOnly(2014, 5, 5), true), village));
        var k = child.GetProperty("categories")[0];
        return (child.GetProperty("id").GetString()!, k.GetProperty("id").GetString()!, k.GetProperty("version").GetString()!);
    }

    private static async Task<(HttpStatusCode Status, string? Version)> ActAsync(HttpClient client, string id, string cat, string action, string version, object? extra = null)
    {
        var body = new Dictionary<string, object?> { ["version"] = version, ["reason"] = "理由" };
        if (extra is not null)
        {
            foreach (var p in extra.GetType().GetProperties())
            {
                body[p.Name] = p.GetValue(extra);
            }
        }

        var r = await client.PostAsJsonAsync($"/api/v1/children/{id}/categories/{cat}/{action}", body, Ct);
        if (r.StatusCode != HttpStatusCode.OK)
        {
            return (r.StatusCode, null);
        }

        var json = await Json(r);
        return (r.StatusCode, json.GetProperty("categories").EnumerateArray().Single(x => x.GetProperty("id").GetString() == cat).GetProperty("version").GetString());
    }

    [Fact]
    public async Task CategoryReview_OfOnesOwnStep_IsRefused_AndTheConfirmationRecordsTheRule()
    {
        using var supervisor = await app.UserAsync("ChildSupervisor", "430702001");
        using var officer = await app.UserAsync("CivilAffairsOfficer", "430702");
        using var otherOfficer = await app.UserAsync("CivilAffairsOfficer", "430702");

        // A supervisor who submits may not verify their own submission.
        var (id, cat, v) = await SubmittedAsync(supervisor);
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(supervisor, id, cat, "township-verify", v)).Status);

        // An officer who verified may not confirm the same category; another officer may.
        (var status, v) = await ActAsync(officer, id, cat, "township-verify", v);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(officer, id, cat, "confirm", v!)).Status);
        (status, _) = await ActAsync(otherOfficer, id, cat, "confirm", v!);
        Assert.Equal(HttpStatusCode.OK, status);

        // An officer who submitted may neither verify nor confirm it.
        var (id2, cat2, v2) = await SubmittedAsync(officer);
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(officer, id2, cat2, "township-verify", v2)).Status);
        (status, v2) = await ActAsync(supervisor, id2, cat2, "township-verify", v2);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(officer, id2, cat2, "confirm", v2!)).Status);

        await using var db = app.SystemDb();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "ConfirmCategory" && a.EntityId == cat && a.Detail == "minimumPeople=3", Ct));
    }

    [Fact]
    public async Task CategoryReview_WithTwoPeopleConfigured_TheVerifierMayConfirm_ButNeverTheSubmitter()
    {
        using var twoPeople = app.WithWebHostBuilder(b => b.UseSetting("Registry:Verification:MinimumPeople", "2"));
        using (await app.UserAsync("CivilAffairsOfficer", "430702", "officer-two"))
        using (await app.UserAsync("ChildDirector", ShouhuApp.VillageA, "director-two"))
        {
        }

        async Task<HttpClient> As(string user)
        {
            var c = twoPeople.CreateClient();
            var token = await c.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = ShouhuApp.UserPassword }, Ct);
            c.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", (await Json(token)).GetProperty("accessToken").GetString());
            return c;
        }

        using var officer2 = await As("officer-two");
        using var director2 = await As("director-two");
        var (id, cat, v) = await SubmittedAsync(director2);
        (var status, v) = await ActAsync(officer2, id, cat, "township-verify", v);
        Assert.Equal(HttpStatusCode.OK, status);
        (status, _) = await ActAsync(officer2, id, cat, "confirm", v!);
        Assert.Equal(HttpStatusCode.OK, status);

        var (id2, cat2, v2) = await SubmittedAsync(officer2);
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(officer2, id2, cat2, "township-verify", v2)).Status);
        await using var db = app.SystemDb();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "ConfirmCategory" && a.EntityId == cat && a.Detail == "minimumPeople=2", Ct));
    }

    [Fact]
    public async Task CategoryAction_InTheWrongState_Returns409_AndADateIsValidated()
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        using var supervisor = await app.UserAsync("ChildSupervisor", "430702001");
        using var officer = await app.UserAsync("CivilAffairsOfficer", "430702");
        var (id, cat, v) = await SubmittedAsync(director);
        Assert.Equal(HttpStatusCode.Conflict, (await ActAsync(officer, id, cat, "confirm", v)).Status); // not verified yet

        foreach (var bad in new[] { "2026-11-30T25:61:00+08:00", "0001-01-01", "2019-02-29", "明天", "2099-01-01" })
        {
            var r = await director.PostAsJsonAsync($"/api/v1/children/{id}/categories/{cat}/exit", new { reason = "父母返乡", date = bad, version = v }, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            AssertFieldError(await Json(r), "date");
        }

        var onVerify = await supervisor.PostAsJsonAsync($"/api/v1/children/{id}/categories/{cat}/township-verify", new { date = "2020-01-01", version = v }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, onVerify.StatusCode);
        AssertFieldError(await Json(onVerify), "date");

        (var status, v) = await ActAsync(supervisor, id, cat, "township-verify", v);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.Conflict, (await ActAsync(supervisor, id, cat, "township-verify", v!)).Status);
        (status, v) = await ActAsync(director, id, cat, "exit", v!);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.Conflict, (await ActAsync(director, id, cat, "exit", v!)).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await ActAsync(supervisor, id, cat, "reject", v!)).Status);
    }

    // ---- #10 item 6: the verification chain by name, level and time -------------------------------------------------

    [Fact]
    public async Task ViewChild_ShowsWhoSubmittedVerifiedAndConfirmed_ByDisplayNameAndLevel()
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA, "chain-director");
        using var supervisor = await app.UserAsync("ChildSupervisor", "430702001", "chain-supervisor");
        using var officer = await app.UserAsync("CivilAffairsOfficer", "430702", "chain-officer");
        var (id, cat, v) = await SubmittedAsync(director);
        (_, v) = await ActAsync(supervisor, id, cat, "township-verify", v);
        await ActAsync(officer, id, cat, "confirm", v!);

        var k = (await director.GetFromJsonAsync<JsonElement>($"/api/v1/children/{id}", Ct)).GetProperty("categories")[0];
        Assert.Equal(("测试chain-director", "村（社区）"), (k.GetProperty("submitted").GetProperty("by").GetString(), k.GetProperty("submitted").GetProperty("level").GetString()));
        Assert.Equal(("测试chain-supervisor", "乡镇（街道）"), (k.GetProperty("townshipVerified").GetProperty("by").GetString(), k.GetProperty("townshipVerified").GetProperty("level").GetString()));
        Assert.Equal(("测试chain-officer", "县（区）"), (k.GetProperty("countyConfirmed").GetProperty("by").GetString(), k.GetProperty("countyConfirmed").GetProperty("level").GetString()));
        Assert.Equal(JsonValueKind.String, k.GetProperty("countyConfirmed").GetProperty("at").ValueKind);

        using var page = await app.PageUserAsync("ChildDirector", ShouhuApp.VillageA);
        var html = await RegistryRolesTests.PageAsync(page, $"/Children/Details/{id}");
        // The role and the level, no nested brackets (issue #10, the walk).
        Assert.Contains("测试chain-supervisor（儿童督导员·乡镇级）乡镇查验", html, StringComparison.Ordinal);
        Assert.Contains("测试chain-officer（民政干部·县级）县级确认", html, StringComparison.Ordinal);
    }

    // ---- finding 15: dates, names, sub-types; #10 item 7: household code --------------------------------------------

    [Theory]
    [InlineData("birthDate", "{\"name\":\"某日\",\"sex\":\"male\",\"birthDate\":\"2026-11-30T25:61:00+08:00\",\"residenceRegionCode\":\"430702001004\"}")]
    [InlineData("birthDate", "{\"name\":\"某日\",\"sex\":\"male\",\"birthDate\":\"0001-01-01\",\"residenceRegionCode\":\"430702001004\"}")]
    [InlineData("birthDate", "{\"name\":\"某日\",\"sex\":\"male\",\"birthDate\":\"1899-12-31\",\"residenceRegionCode\":\"430702001004\"}")]
    [InlineData("birthDate", "{\"name\":\"某日\",\"sex\":\"male\",\"birthDate\":\"2099-01-01\",\"residenceRegionCode\":\"430702001004\"}")]
    [InlineData("entrustedCare.agreementDate", "{\"name\":\"某日\",\"sex\":\"male\",\"birthDate\":\"2015-01-01\",\"residenceRegionCode\":\"430702001004\",\"entrustedCare\":{\"caregiverName\":\"某某\",\"relation\":\"Sibling\",\"agreementDate\":\"0001-01-01\"}}")]
    [InlineData("name", "{\"name\":\"１２３\",\"sex\":\"male\",\"birthDate\":\"2015-01-01\",\"residenceRegionCode\":\"430702001004\"}")]
    [InlineData("name", "{\"name\":\"123\",\"sex\":\"male\",\"birthDate\":\"2015-01-01\",\"residenceRegionCode\":\"430702001004\"}")]
    [InlineData("name", "{\"name\":\"·-·\",\"sex\":\"male\",\"birthDate\":\"2015-01-01\",\"residenceRegionCode\":\"430702001004\"}")]
    [InlineData("guardians[0].name", "{\"name\":\"某名\",\"sex\":\"male\",\"birthDate\":\"2015-01-01\",\"residenceRegionCode\":\"430702001004\",\"guardians\":[{\"name\":\"８８\",\"relation\":\"Father\"}]}")]
    [InlineData("categories[0].subType", "{\"name\":\"某类\",\"sex\":\"male\",\"birthDate\":\"2015-01-01\",\"residenceRegionCode\":\"430702001004\",\"categories\":[{\"category\":\"InDistress\",\"subType\":\"随便写\"}]}")]
    [InlineData("householdRegionCode", "{\"name\":\"某户\",\"sex\":\"male\",\"birthDate\":\"2015-01-01\",\"residenceRegionCode\":\"430702001004\",\"householdRegionCode\":\"999999\"}")]
    [InlineData("householdRegionCode", "{\"name\":\"某户\",\"sex\":\"male\",\"birthDate\":\"2015-01-01\",\"residenceRegionCode\":\"430702001004\",\"householdRegionCode\":\"430799\"}")]
    [InlineData("householdRegionCode", "{\"name\":\"某户\",\"sex\":\"male\",\"birthDate\":\"2015-01-01\",\"residenceRegionCode\":\"430702001004\",\"householdRegionCode\":\"430702001999\"}")]
    public async Task RegisterChild_BadValue_Returns400NamingTheField_AndSavesNothing(string field, string json)
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        await using var before = app.SystemDb();
        var count = await before.Children.CountAsync(Ct);
        var r = await director.PostAsync("/api/v1/children", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        AssertFieldError(await Json(r), field);
        await using var after = app.SystemDb();
        Assert.Equal(count, await after.Children.CountAsync(Ct));
    }

    [Fact]
    public async Task RegisterChild_HouseholdCodeOfAnImportedVillage_IsShownByName_AndOfAnotherProvinceAccepted()
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        var here = await CreatedAsync(director, new { name = Name("户"), sex = "male", birthDate = "2015-01-01", residenceRegionCode = ShouhuApp.VillageA, householdRegionCode = ShouhuApp.VillageB, householdKind = "Urban" });
        Assert.Equal("半边街社区", here.GetProperty("householdRegionName").GetString());
        var far = await CreatedAsync(director, new { name = Name("户"), sex = "male", birthDate = "2015-01-01", residenceRegionCode = ShouhuApp.VillageA, householdRegionCode = "110101" });
        Assert.Equal("110101", far.GetProperty("householdRegionCode").GetString());
        using var page = await app.PageUserAsync("ChildDirector", ShouhuApp.VillageA);
        Assert.Contains("城镇户籍 半边街社区", await RegistryRolesTests.PageAsync(page, $"/Children/Details/{here.GetProperty("id").GetString()}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddCategory_InDistressWithAnUnlistedSubType_Returns400OnSubType()
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        var child = await CreatedAsync(director, new { name = Name("困"), sex = "male", birthDate = "2015-01-01", residenceRegionCode = ShouhuApp.VillageA });
        var r = await director.PostAsJsonAsync($"/api/v1/children/{child.GetProperty("id").GetString()}/categories", new { category = "InDistress", subType = "临时困境" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        AssertFieldError(await Json(r), "subType");
        var ok = await director.PostAsJsonAsync($"/api/v1/children/{child.GetProperty("id").GetString()}/categories", new { category = "InDistress", subType = "家庭经济困难" }, Ct);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    // ---- finding 15: one rule for list filters ----------------------------------------------------------------------

    [Theory]
    [InlineData("category", "category=Nope")]
    [InlineData("category", "category=orphans")]
    [InlineData("status", "status=confirmed")]
    [InlineData("schoolStatus", "schoolStatus=Nope")]
    [InlineData("sort", "sort=age")]
    [InlineData("ageMin", "ageMin=-1")]
    [InlineData("ageMax", "ageMax=19")]
    [InlineData("ageMin", "ageMin=200")]
    [InlineData("ageMax", "ageMin=10&ageMax=5")]
    [InlineData("regionCode", "regionCode=4307ab")]
    [InlineData("regionCode", "regionCode=43070")]
    public async Task ListChildren_UnknownFilterValue_Returns400NamingTheParameter_OnListExportAndPage(string parameter, string query)
    {
        using var supervisor = await app.UserAsync("ChildSupervisor", "430702001");
        foreach (var url in new[] { $"/api/v1/children?{query}", $"/api/v1/children/export?{query}" })
        {
            var r = await supervisor.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            AssertFieldError(await Json(r), parameter);
        }

        using var page = await app.PageUserAsync("ChildSupervisor", "430702001");
        var html = await RegistryRolesTests.PageAsync(page, $"/Children?{query}");
        Assert.Contains("id=\"filter-errors\"", html, StringComparison.Ordinal);
        // A wrong filter lists nothing, and does not say "0 children" (which would read as "no such child").
        Assert.Contains("请先改正上面的筛选条件", html, StringComparison.Ordinal);
        Assert.DoesNotContain("共 0 人", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("category=Orphan")]
    [InlineData("status=township-verified")]
    [InlineData("schoolStatus=InSchool")]
    [InlineData("sort=birthDate")]
    [InlineData("sort=region")]
    [InlineData("ageMin=0&ageMax=18")]
    [InlineData("regionCode=430702001")]
    public async Task ListChildren_KnownFilterValues_AreAccepted(string query)
    {
        using var supervisor = await app.UserAsync("ChildSupervisor", "430702001");
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/api/v1/children?{query}", Ct)).StatusCode);
    }

    // ---- #10 item 9, as issue #11 item 11 changed it: an exit runs to the end of the month of the change -------------

    [Fact]
    public async Task ExitCategory_OnADay_CountsToTheEndOfThatMonth_LikeEveryOtherEnd()
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        var (id, cat, v) = await SubmittedAsync(director);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        await using (var db = app.SystemDb())
        {
            var k = await db.ChildCategories.SingleAsync(x => x.Id == Guid.Parse(cat), Ct);
            k.ValidFrom = today.AddDays(-40);
            await db.SaveChangesAsync(Ct);
            v = k.Version.ToString();
        }

        var change = today.AddDays(-35);
        var exited = await director.PostAsJsonAsync($"/api/v1/children/{id}/categories/{cat}/exit", new { reason = "父母返乡", date = change.ToString("yyyy-MM-dd"), version = v }, Ct);
        Assert.Equal(HttpStatusCode.OK, exited.StatusCode);
        var k2 = (await Json(exited)).GetProperty("categories")[0];
        var monthEnd = new DateOnly(change.Year, change.Month, DateTime.DaysInMonth(change.Year, change.Month));
        Assert.Equal(monthEnd.ToString("yyyy-MM-dd"), k2.GetProperty("validTo").GetString());
        await using var check = app.SystemDb();
        var row = await check.ChildCategories.AsNoTracking().SingleAsync(x => x.Id == Guid.Parse(cat), Ct);
        Assert.True(row.IsActiveOn(monthEnd));
        Assert.False(row.IsActiveOn(monthEnd.AddDays(1)));
        Assert.Equal(1, await check.ChildCategories.Where(x => x.Id == row.Id).Where(Domain.Children.ChildCategory.ActiveOn(monthEnd)).CountAsync(Ct));
        Assert.Equal(0, await check.ChildCategories.Where(x => x.Id == row.Id).Where(Domain.Children.ChildCategory.ActiveOn(monthEnd.AddDays(1))).CountAsync(Ct));
    }

    // ---- #10 item 10: Chinese labels in the history ------------------------------------------------------------------

    [Fact]
    public async Task ChildHistory_NamesFieldsValuesAndEditorsInChinese()
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA, "history-director");
        var name = Name("史");
        var child = await CreatedAsync(director, new { name, sex = "male", birthDate = "2015-01-01", residenceRegionCode = ShouhuApp.VillageA });
        var id = child.GetProperty("id").GetString();
        var saved = await director.PutAsJsonAsync($"/api/v1/children/{id}", new
        {
            name, sex = "male", birthDate = "2015-01-01", residenceRegionCode = ShouhuApp.VillageA, householdKind = "Rural", schoolStatus = "InSchool", schoolName = "启明小学",
            healthStatus = "ChronicIllness", incomeBand = "Dibao", ethnicityCode = "15", version = child.GetProperty("version").GetString(),
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var lines = (await director.GetFromJsonAsync<JsonElement>($"/api/v1/children/{id}/history", Ct)).EnumerateArray()
            .ToDictionary(h => h.GetProperty("field").GetString()!, h => (Label: h.GetProperty("fieldName").GetString(), New: h.GetProperty("newValue").GetString(), By: h.GetProperty("changedBy").GetString()));
        Assert.Equal(("户籍性质", "农村户籍"), (lines["householdKind"].Label, lines["householdKind"].New));
        Assert.Equal(("就学状况", "在校"), (lines["schoolStatus"].Label, lines["schoolStatus"].New));
        Assert.Equal(("健康状况", "慢性病"), (lines["healthStatus"].Label, lines["healthStatus"].New));
        Assert.Equal(("家庭收入情况", "低保户"), (lines["incomeBand"].Label, lines["incomeBand"].New));
        Assert.Equal(("民族", "土家族"), (lines["ethnicityCode"].Label, lines["ethnicityCode"].New));
        Assert.All(lines.Values, l => Assert.Equal("测试history-director", l.By));
        using var page = await app.PageUserAsync("ChildDirector", ShouhuApp.VillageA);
        var html = await RegistryRolesTests.PageAsync(page, $"/Children/Details/{id}");
        var history = html[html.IndexOf("修改记录", StringComparison.Ordinal)..];
        foreach (var english in new[] { "InSchool", "Rural", "Dibao", "ChronicIllness", "schoolStatus", "<td>history-director</td>" })
        {
            Assert.DoesNotContain(english, history, StringComparison.Ordinal);
        }

        Assert.Contains("<td>测试history-director</td>", history, StringComparison.Ordinal);
    }
}
