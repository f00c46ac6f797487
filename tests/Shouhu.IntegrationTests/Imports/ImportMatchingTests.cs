using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shouhu.Domain.Children;
using Shouhu.Imports;
using Shouhu.IntegrationTests.Children;
using Shouhu.Web.Features.Imports;
using static Shouhu.IntegrationTests.Api;

namespace Shouhu.IntegrationTests.Imports;

/// <summary>
/// Matching a survey against the register (issue #12 item 5): a registered child is an update shown as a per-row diff,
/// written only when chosen; a possible duplicate is flagged for review and never merged; duplicates inside the file are
/// flagged; every choice is the user's, row by row or for all.
/// </summary>
public sealed class ImportMatchingTests(ReadRowsApp app) : IClassFixture<ReadRowsApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string OtherTownshipVillage = "430702002002"; // 府坪街道 方家巷社区

    private static SurveyRowRead Row(int row, string name, string? id, string village, string? birth = null, string? address = null, string? school = null,
        string? phone = null, string? fatherId = null) =>
        new("儿童", row, new ChildInput(name, "male", id, birth, null, village, address, [new CategoryInput("LeftBehind")],
            [
                new GuardianInput("赵大", "Father", fatherId, Status: "Living", IsWorkingAway: true, AwaySince: "2024-01-01", WorkRegionCode: "441900"),
                new GuardianInput("钱二", "Mother", Status: "Living", IsWorkingAway: true, AwaySince: "2024-01-01", WorkRegionCode: "330782"),
            ],
            HouseholdKind: "Rural", SchoolStatus: school, ContactPhone: phone), [], new Dictionary<string, string> { ["citizenIdNumber"] = "身份证号码" });

    private static async Task<(string Location, JsonElement Status)> DryRunAsync(HttpClient client, params SurveyRowRead[] rows)
    {
        var created = await client.PostAsync("/api/v1/imports", Rows.File(rows), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;
        return (location, await ImportPipelineTests.SettledAsync(client, location));
    }

    private static async Task<Guid> RegisterAsync(HttpClient client, object body)
    {
        var created = await OkJson(await client.PostAsJsonAsync("/api/v1/children", body, Ct), HttpStatusCode.Created);
        return created.GetProperty("id").GetGuid();
    }

    private static (int Valid, int Registered, int ToUpdate, int Flagged, int Invalid) Counts(JsonElement s) =>
        (s.GetProperty("rowsValid").GetInt32(), s.GetProperty("rowsRegistered").GetInt32(), s.GetProperty("rowsToUpdate").GetInt32(), s.GetProperty("rowsFlagged").GetInt32(), s.GetProperty("rowsInvalid").GetInt32());

    [Fact]
    public async Task RegisteredChild_IsAnUpdateWithItsDiff_EmptyCellsKeepTheRecord_WrittenOnlyWhenChosen_WithTheHistory()
    {
        using var officer = await app.UserAsync("CivilAffairsOfficer", "430702");
        var id = ShouhuApp.NewIdNumber(new DateOnly(2015, 6, 1), true);
        var childId = await RegisterAsync(officer, new
        {
            name = "更新甲", sex = "male", citizenIdNumber = id, residenceRegionCode = ShouhuApp.VillageA, address = "老地址1号", householdKind = "Rural",
            contactPhone = "13800001111", schoolStatus = "InSchool", schoolName = "马家吉小学", categories = new[] { new { category = "LeftBehind" } },
            guardians = new object[] { new { name = "赵大", relation = "Father", status = "Living", isWorkingAway = true, awaySince = "2024-01-01", workRegionCode = "441900" }, new { name = "钱二", relation = "Mother", status = "Living", isWorkingAway = true, awaySince = "2024-01-01", workRegionCode = "330782" } },
        });

        // The survey gives a new address and village, leaves the phone and the school empty (kept) and repeats the household kind (no change).
        var (location, status) = await DryRunAsync(officer, Row(2, "更新甲", id, ShouhuApp.VillageB, address: "新地址2号"));
        Assert.Equal("validated", status.GetProperty("status").GetString());
        Assert.Equal((0, 0, 1, 0, 0), Counts(status));
        var matches = await OkJson(await officer.GetAsync($"{location}/matches", Ct));
        var item = Assert.Single(matches.GetProperty("items").EnumerateArray());
        Assert.Equal(("update", childId, 2), (item.GetProperty("kind").GetString(), item.GetProperty("childId").GetGuid(), item.GetProperty("row").GetInt32()));
        var changes = item.GetProperty("changes").EnumerateArray().ToDictionary(c => c.GetProperty("field").GetString()!, c => (c.GetProperty("old").GetString(), c.GetProperty("new").GetString()));
        Assert.Equal(["address", "residenceRegionCode"], changes.Keys.Order().ToArray());
        Assert.Equal(("老地址1号", "新地址2号"), changes["address"]);
        Assert.Contains(ShouhuApp.VillageB, changes["residenceRegionCode"].Item2);
        Assert.Contains("地址", item.GetProperty("changes")[0].GetProperty("fieldName").GetString() + item.GetProperty("changes")[1].GetProperty("fieldName").GetString());

        // No decision, no commit: the refusal says how many and how to choose.
        var refused = await officer.PostAsJsonAsync($"{location}/commit", new { skipInvalid = false }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("1 行会修改已登记儿童", await refused.Content.ReadAsStringAsync(Ct));
        await using (var db = app.SystemDb())
        {
            Assert.Equal("老地址1号", (await db.Children.SingleAsync(c => c.Id == childId, Ct)).Address);
        }

        Assert.Equal(1, (await OkJson(await officer.PostAsJsonAsync($"{location}/decisions", new { rows = new[] { new { sheet = "儿童", row = 2, decision = "apply" } } }, Ct))).GetProperty("decided").GetInt32());
        Assert.Equal(HttpStatusCode.Accepted, (await officer.PostAsJsonAsync($"{location}/commit", new { skipInvalid = false }, Ct)).StatusCode);
        var done = await ImportPipelineTests.SettledAsync(officer, location);
        Assert.Equal(("committed", 1, 0), (done.GetProperty("status").GetString(), done.GetProperty("rowsUpdated").GetInt32(), done.GetProperty("rowsCommitted").GetInt32()));

        await using (var db = app.SystemDb())
        {
            var child = await db.Children.SingleAsync(c => c.Id == childId, Ct);
            Assert.Equal(("新地址2号", ShouhuApp.VillageB, "13800001111", 1), (child.Address, child.RegionCode, child.ContactPhone, await db.Children.CountAsync(c => c.Name == "更新甲", Ct)));
            var history = await db.ChildRevisions.Where(r => r.ChildId == childId).Select(r => r.Field).ToListAsync(Ct);
            Assert.Contains("address", history);
            Assert.Contains("residenceRegionCode", history);
            Assert.DoesNotContain("contactPhone", history);
            Assert.Equal((SchoolStatus.InSchool, "马家吉小学"), (child.SchoolStatus, child.SchoolName));
        }

        // The same file again: the record already says so — nothing to update, nothing written.
        var (_, again) = await DryRunAsync(officer, Row(2, "更新甲", id, ShouhuApp.VillageB, address: "新地址2号"));
        Assert.Equal((0, 1, 0, 0, 0), Counts(again));
    }

    [Fact]
    public async Task UpdatesSkippedForAll_LeaveTheRecords_AndAStaleRecordIsRefusedForItsRowAlone()
    {
        using var officer = await app.UserAsync("CivilAffairsOfficer", "430702");
        var ids = Enumerable.Range(0, 2).Select(_ => ShouhuApp.NewIdNumber(new DateOnly(2014, 2, 2), true)).ToList();
        var first = await RegisterAsync(officer, ChildrenTests.ChildBody("跳过甲", ids[0], ShouhuApp.VillageA));
        var second = await RegisterAsync(officer, ChildrenTests.ChildBody("过期乙", ids[1], ShouhuApp.VillageA));

        var (skipAll, _) = await DryRunAsync(officer, Row(2, "跳过甲", ids[0], ShouhuApp.VillageA, address: "改了"));
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.PostAsJsonAsync($"{skipAll}/commit", new { skipInvalid = false, updates = "maybe" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await officer.PostAsJsonAsync($"{skipAll}/commit", new { skipInvalid = false, updates = "skip" }, Ct)).StatusCode);
        var skipped = await ImportPipelineTests.SettledAsync(officer, skipAll);
        Assert.Equal((0, 1), (skipped.GetProperty("rowsUpdated").GetInt32(), skipped.GetProperty("rowsSkipped").GetInt32()));

        // Edited by someone after the dry run: the chosen update is refused for its row, the edit stands.
        var (stale, _) = await DryRunAsync(officer, Row(2, "过期乙", ids[1], ShouhuApp.VillageA, address: "导入的地址"));
        var read = await OkJson(await officer.GetAsync($"/api/v1/children/{second}", Ct));
        var edit = await officer.PutAsJsonAsync($"/api/v1/children/{second}", new
        {
            name = "过期乙", sex = "male", citizenIdNumber = ids[1], residenceRegionCode = ShouhuApp.VillageA, address = "别人改的地址", householdKind = "Rural", version = read.GetProperty("version").GetGuid(),
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await officer.PostAsJsonAsync($"{stale}/commit", new { skipInvalid = false, updates = "apply" }, Ct)).StatusCode);
        var refusedRow = await ImportPipelineTests.SettledAsync(officer, stale);
        Assert.Equal((0, 1), (refusedRow.GetProperty("rowsUpdated").GetInt32(), refusedRow.GetProperty("rowsSkipped").GetInt32()));
        Assert.Contains("未更新：该档案已于", refusedRow.GetProperty("errors")[0].GetProperty("message").GetString());

        await using var db = app.SystemDb();
        Assert.Equal("别人改的地址", (await db.Children.SingleAsync(c => c.Id == second, Ct)).Address);
        Assert.NotEqual("改了", (await db.Children.SingleAsync(c => c.Id == first, Ct)).Address);
    }

    [Fact]
    public async Task PossibleDuplicates_AreFlaggedNeverMerged_InsideTheFile_ByBirthDate_ByGuardian_AndOutsideTheJurisdictionOnlyTheLevel()
    {
        using var county = await app.UserAsync("CivilAffairsOfficer", "430702");
        var birth = new DateOnly(2016, 8, 8);
        var registeredId = await RegisterAsync(county, ChildrenTests.ChildBody("同名丙", ShouhuApp.NewIdNumber(birth, true), ShouhuApp.VillageA));
        var fatherId = ShouhuApp.NewIdNumber(new DateOnly(1985, 1, 1), true);
        var withGuardian = await RegisterAsync(county, new
        {
            name = "同名丁", sex = "male", citizenIdNumber = ShouhuApp.NewIdNumber(new DateOnly(2013, 3, 3), true), residenceRegionCode = ShouhuApp.VillageA, householdKind = "Rural",
            categories = new[] { new { category = "LeftBehind" } },
            guardians = new object[] { new { name = "赵大", relation = "Father", citizenIdNumber = fatherId, status = "Living", isWorkingAway = true, awaySince = "2024-01-01", workRegionCode = "441900" }, new { name = "钱二", relation = "Mother", status = "Living", isWorkingAway = true, awaySince = "2024-01-01", workRegionCode = "330782" } },
        });
        var elsewhere = await RegisterAsync(county, ChildrenTests.ChildBody("同名戊", ShouhuApp.NewIdNumber(birth, true), OtherTownshipVillage));

        using var township = await app.UserAsync("ChildSupervisor", "430702001");
        var twin = ShouhuApp.NewIdNumber(new DateOnly(2012, 12, 12), true);
        var (location, status) = await DryRunAsync(township,
            Row(2, "同名丙", ShouhuApp.NewIdNumber(birth, true), ShouhuApp.VillageA),                      // same name and birth date as a registered child
            Row(3, "同名丁", ShouhuApp.NewIdNumber(new DateOnly(2014, 4, 4), true), ShouhuApp.VillageA, fatherId: fatherId), // same name and a guardian's number
            Row(4, "同名戊", ShouhuApp.NewIdNumber(birth, true), ShouhuApp.VillageB),                      // matches one in another township
            Row(5, "文件内", twin, ShouhuApp.VillageA),
            Row(6, "文件内", ShouhuApp.NewIdNumber(new DateOnly(2012, 12, 12), true), ShouhuApp.VillageB),  // the same name and birth date as row 5
            Row(7, "全新的", ShouhuApp.NewIdNumber(new DateOnly(2015, 5, 5), true), ShouhuApp.VillageA));
        Assert.Equal((2, 0, 0, 4, 0), Counts(status));
        var items = (await OkJson(await township.GetAsync($"{location}/matches", Ct))).GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("row").GetInt32(), i => i.GetProperty("matches").EnumerateArray().Single());
        Assert.Equal([2, 3, 4, 6], items.Keys.Order().ToArray());
        Assert.Equal(registeredId, items[2].GetProperty("childId").GetGuid());
        Assert.Equal(withGuardian, items[3].GetProperty("childId").GetGuid());
        Assert.Equal(JsonValueKind.Null, items[4].GetProperty("childId").ValueKind);     // outside the township: not named
        Assert.DoesNotContain(elsewhere.ToString(), items[4].GetRawText());
        Assert.DoesNotContain("府坪", items[4].GetRawText());
        Assert.Contains("县", items[4].GetProperty("where").GetString()!);
        Assert.Equal(5, items[6].GetProperty("row").GetInt32());

        var refused = await township.PostAsJsonAsync($"{location}/commit", new { skipInvalid = false }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("4 行可能", await refused.Content.ReadAsStringAsync(Ct));
        // A row that needs no choice, and a row that does not exist, are named.
        var bad = await township.PostAsJsonAsync($"{location}/decisions", new { rows = new[] { new { sheet = "儿童", row = 7, decision = "apply" }, new { sheet = "儿童", row = 99, decision = "skip" } } }, Ct);
        var problem = await OkJson(bad, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("rows[0]", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("rows[1]", out _));

        // Row 6 is a different child after all: registered as new; the rest skipped for all.
        Assert.Equal(HttpStatusCode.OK, (await township.PostAsJsonAsync($"{location}/decisions", new { rows = new[] { new { sheet = "儿童", row = 6, decision = "apply" } } }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await township.PostAsJsonAsync($"{location}/commit", new { skipInvalid = false, flagged = "skip" }, Ct)).StatusCode);
        var done = await ImportPipelineTests.SettledAsync(township, location);
        Assert.Equal((3, 3), (done.GetProperty("rowsCommitted").GetInt32(), done.GetProperty("rowsSkipped").GetInt32()));

        await using var db = app.SystemDb();
        Assert.Equal((1, 1, 1, 2, 1), (await db.Children.CountAsync(c => c.Name == "同名丙", Ct), await db.Children.CountAsync(c => c.Name == "同名丁", Ct),
            await db.Children.CountAsync(c => c.Name == "同名戊", Ct), await db.Children.CountAsync(c => c.Name == "文件内", Ct), await db.Children.CountAsync(c => c.Name == "全新的", Ct)));
        // Each look past the jurisdiction is audited against the record found.
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "DuplicateHit" && a.EntityId == elsewhere.ToString(), Ct));
    }

    [Fact]
    public async Task Decisions_AreForTheImportersJurisdiction_AndOnlyBeforeTheCommit()
    {
        using var officer = await app.UserAsync("CivilAffairsOfficer", "430702");
        using var other = await app.UserAsync("CivilAffairsOfficer", ShouhuApp.OtherCounty);
        var id = ShouhuApp.NewIdNumber(new DateOnly(2013, 9, 9), true);
        await RegisterAsync(officer, ChildrenTests.ChildBody("决定己", id, ShouhuApp.VillageA));
        var (location, _) = await DryRunAsync(officer, Row(2, "决定己", id, ShouhuApp.VillageA, address: "某处"));
        var decide = new { rows = new[] { new { sheet = "儿童", row = 2, decision = "apply" } } };
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{location}/matches", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"{location}/decisions", decide, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await officer.PostAsJsonAsync($"{location}/commit", new { skipInvalid = false, updates = "apply" }, Ct)).StatusCode);
        await ImportPipelineTests.SettledAsync(officer, location);
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync($"{location}/decisions", decide, Ct)).StatusCode);
        var after = (await OkJson(await officer.GetAsync($"{location}/matches", Ct))).GetProperty("items")[0];
        Assert.Equal(("updated", "apply"), (after.GetProperty("status").GetString(), after.GetProperty("decision").GetString()));
    }

    [Fact]
    public async Task ThePage_ShowsTheDiffAndTheFlaggedRows_AndItsCommitAsksForTheChoice()
    {
        var page = await app.PageUserAsync("CivilAffairsOfficer", "430702");
        using var api = await app.UserAsync("CivilAffairsOfficer", "430702");
        var id = ShouhuApp.NewIdNumber(new DateOnly(2014, 7, 7), true);
        var birth = new DateOnly(2016, 1, 9);
        await RegisterAsync(api, ChildrenTests.ChildBody("页面庚", id, ShouhuApp.VillageA));
        await RegisterAsync(api, ChildrenTests.ChildBody("页面辛", ShouhuApp.NewIdNumber(birth, true), ShouhuApp.VillageA));
        var (location, _) = await DryRunAsync(api, Row(2, "页面庚", id, ShouhuApp.VillageA, address: "页面新地址"), Row(3, "页面辛", ShouhuApp.NewIdNumber(birth, true), ShouhuApp.VillageA));
        var importId = location[(location.LastIndexOf('/') + 1)..];
        var html = WebUtility.HtmlDecode(await page.GetStringAsync($"/Imports/{importId}", Ct));
        Assert.Contains("id=\"matches-table\"", html);
        Assert.Contains("页面新地址", html);
        Assert.Contains("将更新", html);
        Assert.Contains("疑似重复", html);
        Assert.Contains("name=\"updates\"", html);
        Assert.Contains("name=\"flagged\"", html);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        // Row by row: the flagged row 3 registered as a new child after all, from its own buttons; a row that needs no
        // choice is refused with the reason on the page.
        Assert.Contains("class=\"row-decision\"", html);
        var decided = await page.PostAsync($"/Imports/{importId}?handler=Decide", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["sheet"] = "儿童", ["row"] = "3", ["decision"] = "apply",
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        var row3 = (await OkJson(await api.GetAsync($"{location}/matches", Ct))).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("row").GetInt32() == 3);
        Assert.Equal("apply", row3.GetProperty("decision").GetString());
        var needless = await page.PostAsync($"/Imports/{importId}?handler=Decide", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["sheet"] = "儿童", ["row"] = "99", ["decision"] = "apply",
        }), Ct);
        Assert.Equal(HttpStatusCode.OK, needless.StatusCode);
        Assert.Contains("id=\"message\"", await needless.Content.ReadAsStringAsync(Ct));

        // Without the choice the page says why; with it, the import goes on.
        var refused = await page.PostAsync($"/Imports/{importId}?handler=Commit", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), Ct);
        Assert.Contains("行会修改已登记儿童", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct)));
        var accepted = await page.PostAsync($"/Imports/{importId}?handler=Commit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["updates"] = "apply", ["flagged"] = "skip",
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var done = await ImportPipelineTests.SettledAsync(api, location);
        // The row decided on its own was registered, despite "skip" for the flagged rows as a whole.
        Assert.Equal((1, 1, 0), (done.GetProperty("rowsUpdated").GetInt32(), done.GetProperty("rowsCommitted").GetInt32(), done.GetProperty("rowsSkipped").GetInt32()));
    }
}
