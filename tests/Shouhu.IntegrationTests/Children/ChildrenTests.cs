using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Shouhu.IntegrationTests.Children;

/// <summary>The thin end-to-end child record of the foundation (<c>/api/v1/children</c>), on the configured engine.</summary>
public sealed class ChildrenTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A left-behind child as the field records one: rural household, both parents working away since 2024 outside the county (ADR-009).</summary>
    internal static object ChildBody(string name, string id, string village, string? birth = null, string sex = "male") => new
    {
        name,
        sex,
        citizenIdNumber = id,
        birthDate = birth,
        residenceRegionCode = village,
        householdKind = "Rural",
        categories = new[] { new { category = "LeftBehind" } },
        guardians = new object[]
        {
            new { name = "赵大", relation = "Father", status = "Living", isWorkingAway = true, workPlace = "广东东莞", awaySince = "2024-01-01", workRegionCode = "441900" },
            new { name = "钱二", relation = "Mother", status = "Living", isWorkingAway = true, workPlace = "浙江义乌", awaySince = "2024-01-01", workRegionCode = "330782" },
        },
    };

    [Fact]
    public async Task Journey_RegisterChild_ByDirector_IsCreatedListedAndViewed_AndNeighbourSeesNothing()
    {
        using var directorA = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        using var directorB = await app.UserAsync("ChildDirector", ShouhuApp.VillageB);
        var id = ShouhuApp.NewIdNumber(new DateOnly(2015, 6, 1), male: true);

        var created = await directorA.PostAsJsonAsync("/api/v1/children", ChildBody("赵小明", id, ShouhuApp.VillageA), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var child = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var childId = child.GetProperty("id").GetString();
        Assert.Equal($"/api/v1/children/{childId}", created.Headers.Location?.OriginalString);
        Assert.Equal("2015-06-01", child.GetProperty("birthDate").GetString());
        Assert.Equal("2031-06-01", child.GetProperty("categories")[0].GetProperty("validTo").GetString()); // left-behind ends with the 16th birthday
        Assert.Equal("pending", child.GetProperty("categories")[0].GetProperty("status").GetString());
        Assert.Equal("male", child.GetProperty("sex").GetString());
        Assert.Equal("LeftBehind", child.GetProperty("categories")[0].GetProperty("category").GetString());
        Assert.Equal("Father", child.GetProperty("guardians")[0].GetProperty("relation").GetString());

        var got = await directorA.GetFromJsonAsync<JsonElement>($"/api/v1/children/{childId}", Ct);
        Assert.Equal("赵小明", got.GetProperty("name").GetString());
        Assert.Equal(id, got.GetProperty("citizenIdNumber").GetString()); // child directors see full numbers on the record

        var listA = await directorA.GetFromJsonAsync<JsonElement>("/api/v1/children?q=赵小明", Ct);
        Assert.Equal(1, listA.GetProperty("total").GetInt32());
        Assert.Equal(CitizenMask(id), listA.GetProperty("items")[0].GetProperty("citizenIdNumber").GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await directorB.GetAsync($"/api/v1/children/{childId}", Ct)).StatusCode);
        var listB = await directorB.GetFromJsonAsync<JsonElement>("/api/v1/children?q=赵小明", Ct);
        Assert.Equal(0, listB.GetProperty("total").GetInt32());
        var byId = await directorB.GetFromJsonAsync<JsonElement>($"/api/v1/children?q={id}", Ct);
        Assert.Equal(0, byId.GetProperty("total").GetInt32());
        var byRegion = await directorB.GetFromJsonAsync<JsonElement>($"/api/v1/children?regionCode={ShouhuApp.VillageA}", Ct);
        Assert.Equal(0, byRegion.GetProperty("total").GetInt32());

        using var county = await app.UserAsync("CivilAffairsOfficer", "430702");
        var countyList = await county.GetFromJsonAsync<JsonElement>($"/api/v1/children?q={id}", Ct);
        Assert.Equal(1, countyList.GetProperty("total").GetInt32());
        using var otherCounty = await app.UserAsync("CivilAffairsOfficer", ShouhuApp.OtherCounty);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCounty.GetAsync($"/api/v1/children/{childId}", Ct)).StatusCode);
    }

    [Fact]
    public async Task ViewChild_ByHotlineOperator_ShowsAMaskedIdNumber()
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        var id = ShouhuApp.NewIdNumber(new DateOnly(2016, 3, 3), male: false);
        var created = await director.PostAsJsonAsync("/api/v1/children", ChildBody("钱小红", id, ShouhuApp.VillageA, sex: "female"), Ct);
        var childId = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        using var hotline = await app.UserAsync("HotlineOperator", "4307");
        var got = await hotline.GetFromJsonAsync<JsonElement>($"/api/v1/children/{childId}", Ct);
        Assert.Equal(CitizenMask(id), got.GetProperty("citizenIdNumber").GetString());
        // The birth date is characters 7–14 of the number: shown together they would unmask it.
        Assert.Equal(JsonValueKind.Null, got.GetProperty("birthDate").ValueKind);
        Assert.Equal(JsonValueKind.Null, got.GetProperty("birthYear").ValueKind); // characters 7–10 of the number
        Assert.InRange(got.GetProperty("age").GetInt32(), 10, 11); // the age in whole years stays
        var list = await hotline.GetFromJsonAsync<JsonElement>($"/api/v1/children?q={id}", Ct);
        Assert.False(list.GetProperty("items")[0].TryGetProperty("birthDate", out _));
    }

    [Fact]
    public async Task RegisterChild_WithWrongCheckCharacter_Returns400SayingWhichIsRight()
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        var good = ShouhuApp.NewIdNumber(new DateOnly(2014, 2, 28), male: true);
        var wrongCheck = good[17] == '0' ? '1' : '0';
        var bad = good[..17] + wrongCheck;
        var response = await director.PostAsJsonAsync("/api/v1/children", ChildBody("孙小兵", bad, ShouhuApp.VillageA), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal($"校验位应为 {good[17]}", errors.GetProperty("citizenIdNumber")[0].GetString());
        await using var db = app.SystemDb();
        Assert.False(await db.Children.AnyAsync(c => c.Name == "孙小兵", Ct));
    }

    [Theory]
    [InlineData("birthDate", "2015-06-02")]   // disagrees with the number
    [InlineData("sex", null)]                 // number says male, body says female
    public async Task RegisterChild_FactDisagreeingWithIdNumber_Returns400(string field, string? birth)
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        var id = ShouhuApp.NewIdNumber(new DateOnly(2015, 6, 1), male: true);
        var response = await director.PostAsJsonAsync("/api/v1/children", ChildBody("周小", id, ShouhuApp.VillageA, birth, sex: field == "sex" ? "female" : "male"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task RegisterChild_AdultOrNonVillageOrUnknownVillage_Returns400()
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        var adult = ShouhuApp.NewIdNumber(new DateOnly(2000, 1, 1), male: true);
        var r1 = await director.PostAsJsonAsync("/api/v1/children", ChildBody("成年人", adult, ShouhuApp.VillageA), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, r1.StatusCode);
        var r2 = await director.PostAsJsonAsync("/api/v1/children", new { name = "某", sex = "male", birthDate = "2015-01-01", residenceRegionCode = "430702001" }, Ct);
        Assert.True((await r2.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("residenceRegionCode", out _));
        var r3 = await director.PostAsJsonAsync("/api/v1/children", new { name = "某", sex = "male", birthDate = "2015-01-01", residenceRegionCode = "430702001999" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, r3.StatusCode);
    }

    [Fact]
    public async Task RegisterChild_OutsideJurisdiction_Returns403()
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        var response = await director.PostAsJsonAsync("/api/v1/children", new { name = "某", sex = "male", birthDate = "2015-01-01", residenceRegionCode = ShouhuApp.VillageB }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task RegisterChild_SameIdNumberTwice_Returns409_AndOutsideGivesNoDetails()
    {
        using var directorA = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        using var directorB = await app.UserAsync("ChildDirector", ShouhuApp.VillageB);
        var id = ShouhuApp.NewIdNumber(new DateOnly(2013, 9, 9), male: false);
        Assert.Equal(HttpStatusCode.Created, (await directorA.PostAsJsonAsync("/api/v1/children", ChildBody("吴小", id, ShouhuApp.VillageA, sex: "female"), Ct)).StatusCode);
        var again = await directorA.PostAsJsonAsync("/api/v1/children", ChildBody("吴小", id, ShouhuApp.VillageA, sex: "female"), Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.True((await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).TryGetProperty("existingId", out _));

        var elsewhere = await directorB.PostAsJsonAsync("/api/v1/children", ChildBody("吴小", id, ShouhuApp.VillageB, sex: "female"), Ct);
        Assert.Equal(HttpStatusCode.Conflict, elsewhere.StatusCode);
        var text = await elsewhere.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("existingId", text, StringComparison.Ordinal);
        Assert.DoesNotContain(ShouhuApp.VillageA, text, StringComparison.Ordinal);
        Assert.DoesNotContain("马家吉", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("𠮷野家")]
    [InlineData("阿依古丽·买买提")]
    [InlineData("𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇𠀈𠀉𠀊𠀋𠀌𠀍𠀎𠀏𠀐𠀑𠀒𠀓𠀔𠀕𠀖𠀗𠀘𠀙𠀚𠀛𠀜𠀝𠀞𠀟𠀠𠀡𠀢𠀣𠀤𠀥𠀦𠀧𠀨𠀩𠀪𠀫𠀬𠀭𠀮𠀯𠀰𠀱𠀲𠀳𠀴𠀵𠀶𠀷𠀸𠀹𠀺𠀻𠀼𠀽𠀾𠀿𠁀𠁁𠁂𠁃𠁄𠁅𠁆𠁇𠁈𠁉𠁊𠁋𠁌𠁍𠁎𠁏𠁐𠁑𠁒𠁓𠁔𠁕𠁖𠁗𠁘𠁙𠁚𠁛𠁜𠁝𠁞𠁟𠁠𠁡𠁢𠁣")]
    public async Task RegisterChild_WithRareCharactersOrMiddleDot_RoundTripsUnchanged(string name)
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        var created = await director.PostAsJsonAsync("/api/v1/children", new { name, sex = "female", birthDate = "2016-02-29", residenceRegionCode = ShouhuApp.VillageA }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();
        var got = await director.GetFromJsonAsync<JsonElement>($"/api/v1/children/{id}", Ct);
        Assert.Equal(name, got.GetProperty("name").GetString());
        Assert.Equal("2016-02-29", got.GetProperty("birthDate").GetString());
        var found = await director.GetFromJsonAsync<JsonElement>($"/api/v1/children?q={Uri.EscapeDataString(name[..2])}", Ct);
        Assert.Contains(found.GetProperty("items").EnumerateArray(), i => i.GetProperty("name").GetString() == name);
    }

    [Fact]
    public async Task Register_ByRolesWithoutRegistryAccess_Returns403()
    {
        using var volunteer = await app.UserAsync("Volunteer", ShouhuApp.VillageA);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.GetAsync("/api/v1/children", Ct)).StatusCode);
        using var admin = await app.AdminAsync();
        var post = await admin.PostAsJsonAsync("/api/v1/children", new { name = "某", sex = "male", birthDate = "2015-01-01", residenceRegionCode = ShouhuApp.VillageA }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        // Least privilege: the system administrator manages accounts and the audit trail, not the register.
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/v1/children", Ct)).StatusCode);
    }

    private static string CitizenMask(string id) => id[..6] + new string('*', 8) + id[14..];
}
