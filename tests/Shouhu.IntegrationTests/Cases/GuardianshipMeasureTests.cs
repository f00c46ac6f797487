using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shouhu.Domain.Casework;
using Shouhu.IntegrationTests.Children;
using static Shouhu.IntegrationTests.Api;

namespace Shouhu.IntegrationTests.Cases;

/// <summary>
/// Guardianship measures on a case (issue #11 item 12), through HTTP: a placement, no overlap, return home only after an
/// assessment that is not high risk, adoption ends long-term, only an officer ends a measure.
/// </summary>
public sealed class GuardianshipMeasureTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Today => DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd");

    private static async Task<Guid> ChildAsync(HttpClient director, DateOnly birth, bool male)
    {
        var body = ChildrenTests.ChildBody("规则童" + Guid.NewGuid().ToString("N")[..4], ShouhuApp.NewIdNumber(birth, male), ShouhuApp.VillageA, sex: male ? "male" : "female");
        return (await OkJson(await director.PostAsJsonAsync("/api/v1/children", body, Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    private static object Report(string[] concerns, string urgency = "Routine", Guid? childId = null, object? child = null, object? policeReport = null, string? receivedAt = null) => new
    {
        channel = "MandatoryReport",
        receivedAt = receivedAt ?? DateTimeOffset.UtcNow.AddMinutes(-3).ToString("o"),
        concernTypes = concerns,
        urgency,
        narrative = "学校报告：学生情况异常。",
        childId,
        child,
        regionCode = childId is null ? ShouhuApp.VillageA : null,
        reporter = new { name = "校医", organization = "启明小学" },
        policeReport,
    };

    private static DateOnly BirthForAge(int years) => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddYears(-years).AddDays(-30);

    /// <summary>A case of a registered child, the county officer who decides guardianship, and the child's director.</summary>
    private async Task<(HttpClient Officer, HttpClient Director, Guid ChildId, Guid CaseId)> CaseAsync()
    {
        var (supervisor, _) = await app.StaffAsync("ChildSupervisor", "430702001");
        var (officer, officerId) = await app.StaffAsync("CivilAffairsOfficer", "430702");
        var (director, _) = await app.StaffAsync("ChildDirector", ShouhuApp.VillageA);
        var childId = await ChildAsync(director, BirthForAge(9), male: true);
        var report = await OkJson(await supervisor.PostAsJsonAsync("/api/v1/reports", Report(["Abandonment"], childId: childId), Ct), HttpStatusCode.Created);
        var triage = await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/reports/{report.GetProperty("id")}/triage", new { decision = "open-case", workerId = officerId, riskLevel = "high" }, Ct));
        return (officer, director, childId, triage.GetProperty("caseId").GetGuid());
    }

    private static async Task<JsonElement> MeasureAsync(HttpClient officer, Guid caseId, Guid measureId) =>
        (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}", Ct)).GetProperty("measures").EnumerateArray().Single(m => m.GetProperty("id").GetGuid() == measureId);

    [Fact]
    public async Task RecordTemporaryGuardianship_WithoutPlacementOrOverlapping_Returns400()
    {
        var (officer, _, _, caseId) = await CaseAsync();
        var start = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-20);
        var noPlacement = await officer.PostAsJsonAsync($"/api/v1/cases/{caseId}/guardianship-measures", new { kind = "Temporary", ground = "Art92GuardianMissing", startOn = start.ToString("yyyy-MM-dd") }, Ct);
        Assert.Contains("第九十三条", await ErrorOf(noPlacement, "placement"), StringComparison.Ordinal);

        // A past measure, 20 to 11 days ago, ended by becoming long-term.
        await OkJson(await officer.PostAsJsonAsync($"/api/v1/cases/{caseId}/guardianship-measures", new
        {
            kind = "Temporary", ground = "Art92GuardianMissing", placement = "ProtectionInstitution", startOn = start.ToString("yyyy-MM-dd"), endOn = start.AddDays(9).ToString("yyyy-MM-dd"), endReason = "BecameLongTerm",
        }, Ct), HttpStatusCode.Created);
        // Overlapping it (its last day, or open from before) is refused; the day after is not.
        foreach (var (from, to) in new (DateOnly, DateOnly?)[] { (start.AddDays(9), null), (start.AddDays(-5), start), (start.AddDays(3), start.AddDays(4)) })
        {
            var r = await officer.PostAsJsonAsync($"/api/v1/cases/{caseId}/guardianship-measures", new
            {
                kind = "Temporary", ground = "Art92GuardianNeglects", placement = "Kinship", startOn = from.ToString("yyyy-MM-dd"), endOn = to?.ToString("yyyy-MM-dd"), endReason = to is null ? null : "BecameLongTerm",
            }, Ct);
            Assert.Contains("不能重叠", await ErrorOf(r, "startOn"), StringComparison.Ordinal);
        }

        await OkJson(await officer.PostAsJsonAsync($"/api/v1/cases/{caseId}/guardianship-measures", new { kind = "Temporary", ground = "Art92GuardianNeglects", placement = "Kinship", startOn = start.AddDays(10).ToString("yyyy-MM-dd") }, Ct), HttpStatusCode.Created);
        // A long-term measure at the same time is of the other kind; a second open long-term one overlaps it.
        await OkJson(await officer.PostAsJsonAsync($"/api/v1/cases/{caseId}/guardianship-measures", new { kind = "LongTerm", ground = "Art94CannotBeFound", startOn = start.AddDays(10).ToString("yyyy-MM-dd") }, Ct), HttpStatusCode.Created);
        await ErrorOf(await officer.PostAsJsonAsync($"/api/v1/cases/{caseId}/guardianship-measures", new { kind = "LongTerm", ground = "Art94GuardianDead", startOn = Today }, Ct), "startOn");
    }

    [Fact]
    public async Task EndMeasure_ReturningHomeWithoutANotHighRiskAssessment_Returns400()
    {
        var (officer, director, childId, caseId) = await CaseAsync();
        var created = await OkJson(await officer.PostAsJsonAsync($"/api/v1/cases/{caseId}/guardianship-measures", new { kind = "Temporary", ground = "Art92GuardianTemporarilyUnable", placement = "FosterFamily", startOn = Today }, Ct), HttpStatusCode.Created);
        var measureId = created.GetProperty("id").GetGuid();
        var end = $"/api/v1/cases/{caseId}/guardianship-measures/{measureId}/end";

        // No assessment at all: refused naming the reason; nor may a measure be recorded as already over that way.
        Assert.Contains("监护评估", await ErrorOf(await officer.PostAsJsonAsync(end, new { endOn = Today, reason = "ReturnedHome" }, Ct), "reason"), StringComparison.Ordinal);
        await ErrorOf(await officer.PostAsJsonAsync($"/api/v1/cases/{caseId}/guardianship-measures", new { kind = "LongTerm", ground = "Art94GuardianDead", startOn = Today, endOn = Today, endReason = "ReturnedHome" }, Ct), "endReason");

        // A high-risk assessment (the emergency override) does not allow it.
        await OkJson(await director.PostAsJsonAsync($"/api/v1/children/{childId}/assessments", new { emergencyOverride = true, note = "监护人仍无法照料" }, Ct), HttpStatusCode.Created);
        Assert.Contains("高风险", await ErrorOf(await officer.PostAsJsonAsync(end, new { endOn = Today, reason = "ReturnedHome" }, Ct), "reason"), StringComparison.Ordinal);

        // A later low-risk one does; the measure records the reason and the assessment, and the timeline says so.
        var instrument = await director.GetFromJsonAsync<JsonElement>("/api/v1/assessment-instruments/current", Ct);
        var answers = instrument.GetProperty("dimensions").EnumerateArray().SelectMany(d => d.GetProperty("questions").EnumerateArray())
            .ToDictionary(q => q.GetProperty("code").GetString()!, q => q.GetProperty("options").EnumerateArray().First(o => o.GetProperty("weight").GetInt32() == 0).GetProperty("code").GetString()!);
        var low = await OkJson(await director.PostAsJsonAsync($"/api/v1/children/{childId}/assessments", new { answers }, Ct), HttpStatusCode.Created);
        Assert.NotEqual("High", low.GetProperty("level").GetString());
        await ErrorOf(await officer.PostAsJsonAsync(end, new { endOn = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-1).ToString("yyyy-MM-dd"), reason = "ReturnedHome" }, Ct), "endOn");
        await ErrorOf(await officer.PostAsJsonAsync(end, new { endOn = Today, reason = "Adopted" }, Ct), "reason"); // adoption ends long-term guardianship
        await OkJson(await officer.PostAsJsonAsync(end, new { endOn = Today, reason = "ReturnedHome", note = "评估认为父亲已能照料" }, Ct));
        var ended = await MeasureAsync(officer, caseId, measureId);
        Assert.Equal("ReturnedHome", ended.GetProperty("endReason").GetString());
        Assert.Equal(low.GetProperty("id").GetGuid(), ended.GetProperty("endAssessmentId").GetGuid());
        Assert.Equal(Today, ended.GetProperty("endOn").GetString());
        var file = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}", Ct);
        Assert.Contains(file.GetProperty("events").EnumerateArray(), e => e.GetProperty("kind").GetString() == "GuardianshipEnded");
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync(end, new { endOn = Today, reason = "CameOfAge" }, Ct)).StatusCode);
    }

    /// <summary>A long-term guardianship measure recorded today on a new case; the officer, the child's director and the measure's end route.</summary>
    private async Task<(HttpClient Officer, HttpClient Director, Guid CaseId, string End)> LongTermMeasureAsync()
    {
        var (officer, director, _, caseId) = await CaseAsync();
        var created = await OkJson(await officer.PostAsJsonAsync($"/api/v1/cases/{caseId}/guardianship-measures", new { kind = "LongTerm", ground = "Art94GuardianDead", placement = "WelfareInstitution", startOn = Today }, Ct), HttpStatusCode.Created);
        return (officer, director, caseId, $"/api/v1/cases/{caseId}/guardianship-measures/{created.GetProperty("id").GetGuid()}/end");
    }

    /// <summary>Only a county officer ends a guardianship measure (issue #11 item 12).</summary>
    [Fact]
    public async Task EndMeasure_ByAChildDirector_Returns403()
    {
        var (_, director, _, end) = await LongTermMeasureAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await director.PostAsJsonAsync(end, new { endOn = Today, reason = "Adopted" }, Ct)).StatusCode);
    }

    /// <summary>A long-term measure does not end by a return home; an unknown reason is refused; 其他 needs a note.</summary>
    [Fact]
    public async Task EndMeasure_WithAReasonThatDoesNotFitOrOtherWithoutNote_Returns400OnTheField()
    {
        var (officer, _, _, end) = await LongTermMeasureAsync();
        await ErrorOf(await officer.PostAsJsonAsync(end, new { endOn = Today, reason = "ReturnedHome" }, Ct), "reason");
        await ErrorOf(await officer.PostAsJsonAsync(end, new { endOn = Today, reason = "Other" }, Ct), "note");
        await ErrorOf(await officer.PostAsJsonAsync(end, new { endOn = Today, reason = "Returned" }, Ct), "reason");
    }

    /// <summary>Ending a measure that the case does not hold answers 404.</summary>
    [Fact]
    public async Task EndMeasure_OfAnUnknownMeasure_Returns404()
    {
        var (officer, _, caseId, _) = await LongTermMeasureAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PostAsJsonAsync($"/api/v1/cases/{caseId}/guardianship-measures/{Guid.NewGuid()}/end", new { endOn = Today, reason = "Adopted" }, Ct)).StatusCode);
    }

    /// <summary>Adoption ends long-term guardianship (issue #11 item 12); the case file shows the reason.</summary>
    [Fact]
    public async Task EndMeasure_LongTermByAdoption_IsRecordedOnTheCase()
    {
        var (officer, _, caseId, end) = await LongTermMeasureAsync();
        await OkJson(await officer.PostAsJsonAsync(end, new { endOn = Today, reason = "Adopted", note = "收养登记已办理" }, Ct));
        var file = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}", Ct);
        Assert.Equal("Adopted", file.GetProperty("measures").EnumerateArray().Single().GetProperty("endReason").GetString());
    }
}
