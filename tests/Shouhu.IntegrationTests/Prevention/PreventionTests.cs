using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shouhu.IntegrationTests.Children;
using static Shouhu.IntegrationTests.Api;

namespace Shouhu.IntegrationTests.Prevention;

/// <summary>Prevention activities through HTTP: they reach the child's record and stay inside the jurisdiction.</summary>
public sealed class PreventionTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Director, Guid ChildId)> ChildAsync(string name)
    {
        var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        var child = await OkJson(await director.PostAsJsonAsync("/api/v1/children", ChildrenTests.ChildBody(name, ShouhuApp.NewIdNumber(new DateOnly(2015, 9, 9), true), ShouhuApp.VillageA), Ct), HttpStatusCode.Created);
        return (director, child.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task RecordPreventionActivity_ReachesTheChildsRecord_AndStaysInsideTheJurisdiction()
    {
        var (director, childId) = await ChildAsync("防溺水童");
        var (_, other) = await ChildAsync("同村童");
        var outsiderDirector = await app.UserAsync("ChildDirector", ShouhuApp.VillageB);
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd");
        var body = new { topic = "DrowningPrevention", title = "暑期防溺水安全教育进村", heldOn = today, regionCode = ShouhuApp.VillageA, location = "村委会", childIds = new[] { childId, other } };
        var created = await OkJson(await director.PostAsJsonAsync("/api/v1/prevention-activities", body, Ct), HttpStatusCode.Created);
        Assert.Equal(2, created.GetProperty("attended").GetInt32());
        var reached = await director.GetFromJsonAsync<JsonElement>($"/api/v1/children/{childId}/prevention", Ct);
        Assert.Equal("防溺水", Assert.Single(reached.EnumerateArray()).GetProperty("topicName").GetString());

        // A child of another village, a future date, an unknown topic: refused, nothing saved.
        var bad = await outsiderDirector.PostAsJsonAsync("/api/v1/prevention-activities", new { topic = "Fire", title = "x", heldOn = DateTime.UtcNow.AddHours(8).AddDays(3).ToString("yyyy-MM-dd"), regionCode = ShouhuApp.VillageB, childIds = new[] { childId } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await Json(bad)).GetProperty("errors");
        foreach (var field in new[] { "topic", "heldOn", "childIds" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        Assert.Empty((await outsiderDirector.GetFromJsonAsync<JsonElement>("/api/v1/prevention-activities", Ct)).GetProperty("items").EnumerateArray());
        Assert.Equal(0, (await outsiderDirector.GetFromJsonAsync<JsonElement>("/api/v1/prevention-activities", Ct)).GetProperty("total").GetInt32());
        var old = await director.PostAsJsonAsync("/api/v1/prevention-activities", new { topic = "DrowningPrevention", title = "x", heldOn = "1900-01-01", regionCode = ShouhuApp.VillageA, childIds = new[] { childId } }, Ct);
        Assert.Equal("只能补录365天内举办的活动，请核对年份", (await Json(old)).GetProperty("errors").GetProperty("heldOn")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await outsiderDirector.GetAsync($"/api/v1/children/{childId}/prevention", Ct)).StatusCode);
    }
}
