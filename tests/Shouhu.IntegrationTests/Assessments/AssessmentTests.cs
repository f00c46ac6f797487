using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shouhu.IntegrationTests.Children;
using static Shouhu.IntegrationTests.Api;

namespace Shouhu.IntegrationTests.Assessments;

/// <summary>Risk assessments through HTTP: the age question, instrument versions, missing answers, the override, the level reaching an open case.</summary>
public sealed class AssessmentTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Director, Guid ChildId)> ChildAsync(string name)
    {
        var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        var child = await OkJson(await director.PostAsJsonAsync("/api/v1/children", ChildrenTests.ChildBody(name, ShouhuApp.NewIdNumber(new DateOnly(2015, 9, 9), true), ShouhuApp.VillageA), Ct), HttpStatusCode.Created);
        return (director, child.GetProperty("id").GetGuid());
    }

    private static Dictionary<string, string> Answers(JsonElement instrument, int weight) =>
        instrument.GetProperty("dimensions").EnumerateArray().SelectMany(d => d.GetProperty("questions").EnumerateArray())
            .ToDictionary(q => q.GetProperty("code").GetString()!, q => q.GetProperty("options").EnumerateArray().First(o => o.GetProperty("weight").GetInt32() == weight).GetProperty("code").GetString()!);

    /// <summary>
    /// Issue #10 item 16: the assessment does not ask the age the register knows. Whatever is posted for it (or nothing),
    /// the birth date's band counts: a child of 10 scores the 8–11 band's weight, an infant the under-3 band's.
    /// </summary>
    [Theory]
    [InlineData("龄童甲", 10, 1, "12plus")]
    [InlineData("龄童乙", 10, 1, null)]
    [InlineData("龄童丙", 5, 2, "12plus")]
    [InlineData("龄童丁", 1, 3, "8to11")]
    [InlineData("龄童戊", 13, 0, "infant")]
    public async Task RecordAssessment_AgeQuestion_IsAnsweredFromTheBirthDateWhateverWasPosted(string name, int years, int ageWeight, string? posted)
    {
        var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        var birth = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddYears(-years).AddDays(-40);
        var child = await OkJson(await director.PostAsJsonAsync("/api/v1/children", ChildrenTests.ChildBody(name, ShouhuApp.NewIdNumber(birth, true), ShouhuApp.VillageA, birth.ToString("yyyy-MM-dd")), Ct), HttpStatusCode.Created);
        var instrument = await director.GetFromJsonAsync<JsonElement>("/api/v1/assessment-instruments/current", Ct);
        var answers = Answers(instrument, 0);
        if (posted is null)
        {
            answers.Remove("child.age");
        }
        else
        {
            answers["child.age"] = posted;
        }

        var assessed = await OkJson(await director.PostAsJsonAsync($"/api/v1/children/{child.GetProperty("id")}/assessments", new { answers }, Ct), HttpStatusCode.Created);
        Assert.Equal(ageWeight, assessed.GetProperty("score").GetInt32());
    }

    [Fact]
    public async Task PublishInstrument_NewVersion_HasTheContractShapeAndLeavesOldAssessmentsOnTheirs()
    {
        var (director, childId) = await ChildAsync("量表童");
        var current = await director.GetFromJsonAsync<JsonElement>("/api/v1/assessment-instruments/current", Ct);
        var version = current.GetProperty("version").GetInt32();
        Assert.True(current.GetProperty("thresholds").GetProperty("high").GetInt32() > current.GetProperty("thresholds").GetProperty("medium").GetInt32());
        var first = current.GetProperty("dimensions")[0].GetProperty("questions")[0].GetProperty("options")[0];
        Assert.True(first.TryGetProperty("code", out _) && first.TryGetProperty("label", out _) && first.TryGetProperty("weight", out _));

        var assessed = await OkJson(await director.PostAsJsonAsync($"/api/v1/children/{childId}/assessments", new { answers = Answers(current, 0) }, Ct), HttpStatusCode.Created);
        Assert.Equal(version, assessed.GetProperty("instrumentVersion").GetInt32());

        // The instrument belongs to the city: a director or a county officer may not change it; the city's officer
        // publishes a new version (never an edit). Who else may not: ScopeLeakTests.
        var county = await app.UserAsync("CivilAffairsOfficer", "430702");
        Assert.Equal(HttpStatusCode.Forbidden, (await county.PostAsJsonAsync("/api/v1/assessment-instruments", new { name = "x" }, Ct)).StatusCode);
        using var officer = await app.UserAsync("CivilAffairsOfficer", "4307");
        var nulls = await officer.PostAsync("/api/v1/assessment-instruments", new StringContent("{\"name\":\"n\",\"dimensions\":[null],\"thresholds\":{\"medium\":1,\"high\":2}}", System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, nulls.StatusCode);
        var body = new
        {
            name = "武陵区量表",
            dimensions = new[] { new { code = "g", name = "监护", questions = new[] { new { code = "g.present", text = "监护人在身边吗", options = new[] { new { code = "yes", label = "在", weight = 0 }, new { code = "no", label = "不在", weight = 5 } } } } } },
            thresholds = new { medium = 3, high = 5 },
        };
        Assert.Equal(HttpStatusCode.Forbidden, (await director.PostAsJsonAsync("/api/v1/assessment-instruments", body, Ct)).StatusCode);
        var created = await OkJson(await officer.PostAsJsonAsync("/api/v1/assessment-instruments", body, Ct), HttpStatusCode.Created);
        Assert.Equal(version + 1, created.GetProperty("version").GetInt32());
        var bad = await officer.PostAsJsonAsync("/api/v1/assessment-instruments", new { name = "坏", dimensions = Array.Empty<object>(), thresholds = new { medium = 5, high = 1 } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var second = await OkJson(await director.PostAsJsonAsync($"/api/v1/children/{childId}/assessments", new { answers = new Dictionary<string, string> { ["g.present"] = "no" } }, Ct), HttpStatusCode.Created);
        Assert.Equal((version + 1, "high", 5), (second.GetProperty("instrumentVersion").GetInt32(), second.GetProperty("level").GetString(), second.GetProperty("score").GetInt32()));
        var list = await director.GetFromJsonAsync<JsonElement>($"/api/v1/children/{childId}/assessments", Ct);
        Assert.Equal(version, list[1].GetProperty("instrumentVersion").GetInt32()); // the old assessment keeps its version

        // Put the default back as the newest version so that other tests see it (versions only grow).
        await using var db = app.SystemDb();
        var v1 = await db.AssessmentInstruments.AsNoTracking().SingleAsync(i => i.Version == 1 && i.CityCode == string.Empty, Ct);
        var def = Shouhu.Domain.Monitoring.InstrumentDefinition.FromJson(v1.DefinitionJson);
        await OkJson(await officer.PostAsJsonAsync("/api/v1/assessment-instruments", new { name = "默认（恢复）", dimensions = def.Dimensions, thresholds = def.Thresholds }, Ct), HttpStatusCode.Created);
    }

    [Fact]
    public async Task RecordAssessment_MissingAnswerOverrideOrLevelChange_IsNamedGradedHighOrPassedToTheOpenCase()
    {
        var (director, childId) = await ChildAsync("评估童");
        var supervisor = await app.UserAsync("ChildSupervisor", "430702001");
        var report = await OkJson(await supervisor.PostAsJsonAsync("/api/v1/reports", new { channel = "HomeVisit", concernTypes = new[] { "Neglect" }, urgency = "Urgent", narrative = "走访发现无人照料", childId }, Ct), HttpStatusCode.Created);
        var caseId = (await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/reports/{report.GetProperty("id")}/triage", await app.OpenCaseBodyAsync(), Ct))).GetProperty("caseId").GetGuid();

        var instrument = await director.GetFromJsonAsync<JsonElement>("/api/v1/assessment-instruments/current", Ct);
        var answers = Answers(instrument, 1);
        var missing = answers.Keys.First(k => k != "child.age"); // the age one is answered from the birth date
        answers.Remove(missing);
        var refused = await director.PostAsJsonAsync($"/api/v1/children/{childId}/assessments", new { answers }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.StartsWith("请回答：", (await Json(refused)).GetProperty("errors").GetProperty($"answers.{missing}")[0].GetString(), StringComparison.Ordinal);

        var emergency = await OkJson(await director.PostAsJsonAsync($"/api/v1/children/{childId}/assessments", new { emergencyOverride = true, note = "父亲持刀威胁" }, Ct), HttpStatusCode.Created);
        Assert.Equal("high", emergency.GetProperty("level").GetString());
        Assert.Contains("TemporaryCare", emergency.GetProperty("requiredServices").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(7, emergency.GetProperty("visitEveryDays").GetInt32());
        var c = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}", Ct);
        Assert.Equal("high", c.GetProperty("riskLevel").GetString());
        Assert.Contains(c.GetProperty("events").EnumerateArray(), e => e.GetProperty("kind").GetString() == "RiskChanged");

        var outsider = await app.UserAsync("ChildDirector", ShouhuApp.VillageB);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/v1/children/{childId}/assessments", new { emergencyOverride = true, note = "x" }, Ct)).StatusCode);
        var hotline = await app.UserAsync("HotlineOperator", "430702");
        Assert.Equal(HttpStatusCode.Forbidden, (await hotline.PostAsJsonAsync($"/api/v1/children/{childId}/assessments", new { emergencyOverride = true, note = "x" }, Ct)).StatusCode);
    }
}
