using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shouhu.Domain.Time;
using Shouhu.IntegrationTests.Children;
using static Shouhu.IntegrationTests.Api;

namespace Shouhu.IntegrationTests.Children;

/// <summary>Changing a child's residence while casework is open: refused while a case is open here or elsewhere; an untriaged report follows the child.</summary>
public sealed class ResidenceChangeTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Guid> ChildAsync(HttpClient director, string name, string village, DateOnly? birth = null) =>
        (await OkJson(await director.PostAsJsonAsync("/api/v1/children", ChildrenTests.ChildBody(name, ShouhuApp.NewIdNumber(birth ?? new DateOnly(2016, 4, 4), true), village), Ct), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();

    // The edit of the record as read (the fields the test children have), with its version.
    private static Dictionary<string, object?> EditBody(JsonElement record) => new()
    {
        ["name"] = record.GetProperty("name").GetString(),
        ["sex"] = record.GetProperty("sex").GetString(),
        ["citizenIdNumber"] = record.GetProperty("citizenIdNumber").GetString(),
        ["residenceRegionCode"] = record.GetProperty("residenceRegionCode").GetString(),
        ["householdKind"] = record.GetProperty("householdKind").GetString(),
        ["version"] = record.GetProperty("version").GetString(),
    };

    private async Task<string> FirstVillageOutsideAsync(string township)
    {
        await using var db = app.SystemDb();
        return await db.Regions.AsNoTracking().Where(r => r.Level == 5 && r.Code.StartsWith("430702") && !r.Code.StartsWith(township)).OrderBy(r => r.Code).Select(r => r.Code).FirstAsync(Ct);
    }

    [Fact]
    public async Task UpdateResidence_WhileACaseIsOpen_IsRefused_AndAnUntriagedReportFollowsTheChild()
    {
        var officer = await app.UserAsync("CivilAffairsOfficer", "430702");
        var supervisor = await app.UserAsync("ChildSupervisor", "430702001");
        var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        var newVillage = await FirstVillageOutsideAsync("430702001");

        var withCase = await ChildAsync(director, "有案童", ShouhuApp.VillageA);
        var report = await OkJson(await supervisor.PostAsJsonAsync("/api/v1/reports", new { channel = "HomeVisit", concernTypes = new[] { "Neglect" }, urgency = "Urgent", narrative = "无人照料", childId = withCase }, Ct), HttpStatusCode.Created);
        var caseNumber = (await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/reports/{report.GetProperty("id")}/triage", await app.OpenCaseBodyAsync(), Ct))).GetProperty("caseNumber").GetString();
        var record = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/children/{withCase}", Ct);
        var body = EditBody(record);
        body["residenceRegionCode"] = newVillage;
        var refused = await officer.PutAsJsonAsync($"/api/v1/children/{withCase}", body, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(caseNumber!, (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("residenceRegionCode")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(ShouhuApp.VillageA, (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/children/{withCase}", Ct)).GetProperty("residenceRegionCode").GetString());

        var waiting = await ChildAsync(director, "待研判童", ShouhuApp.VillageA);
        var pending = await OkJson(await director.PostAsJsonAsync("/api/v1/reports", new { channel = "HomeVisit", concernTypes = new[] { "Neglect" }, urgency = "Routine", narrative = "需关注", childId = waiting }, Ct), HttpStatusCode.Created);
        record = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/children/{waiting}", Ct);
        body = EditBody(record);
        body["residenceRegionCode"] = newVillage;
        await OkJson(await officer.PutAsJsonAsync($"/api/v1/children/{waiting}", body, Ct));
        var newTownship = await app.UserAsync("ChildSupervisor", newVillage[..9]);
        Assert.Equal(HttpStatusCode.OK, (await newTownship.GetAsync($"/api/v1/reports/{pending.GetProperty("id")}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.GetAsync($"/api/v1/reports/{pending.GetProperty("id")}", Ct)).StatusCode);
    }

    [Fact]
    public async Task UpdateResidence_WithAnOpenCaseHeldElsewhere_IsRefusedWithoutNamingIt()
    {
        var supervisor = await app.UserAsync("ChildSupervisor", "430702001");
        var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        var childId = await ChildAsync(director, "两案童", ShouhuApp.VillageA);
        var report = await OkJson(await supervisor.PostAsJsonAsync("/api/v1/reports", new { channel = "HomeVisit", concernTypes = new[] { "Neglect" }, urgency = "Urgent", narrative = "x", childId }, Ct), HttpStatusCode.Created);
        var caseNumber = (await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/reports/{report.GetProperty("id")}/triage", await app.OpenCaseBodyAsync(), Ct))).GetProperty("caseNumber").GetString()!;
        // As after another case of the child was transferred: the child lives in the other county, this case stayed here.
        const string there = "430703001001";
        await using (var db = app.SystemDb())
        {
            (await db.Children.SingleAsync(c => c.Id == childId, Ct)).RegionCode = there;
            foreach (var k in await db.ChildCategories.Where(k => k.ChildId == childId).ToListAsync(Ct)) k.RegionCode = there;
            foreach (var g in await db.Guardians.Where(g => g.ChildId == childId).ToListAsync(Ct)) g.RegionCode = there;
            await db.SaveChangesAsync(Ct);
        }

        var officer = await app.UserAsync("CivilAffairsOfficer", ShouhuApp.OtherCounty);
        var body = EditBody(await officer.GetFromJsonAsync<JsonElement>($"/api/v1/children/{childId}", Ct));
        body["residenceRegionCode"] = "430703001002";
        var refused = await officer.PutAsJsonAsync($"/api/v1/children/{childId}", body, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var message = (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("residenceRegionCode")[0].GetString()!;
        Assert.Contains("其他辖区有在办案件", message, StringComparison.Ordinal);
        Assert.DoesNotContain(caseNumber, message, StringComparison.Ordinal);
    }
}
