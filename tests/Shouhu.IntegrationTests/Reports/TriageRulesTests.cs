using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shouhu.IntegrationTests.Children;
using static Shouhu.IntegrationTests.Api;

namespace Shouhu.IntegrationTests.Reports;

/// <summary>Triage rules through HTTP: case numbers under parallel triage, who supervises, a child outside the triager's area.</summary>
public sealed class TriageRulesTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Guid> ChildAsync(string name)
    {
        var (director, _) = await app.StaffAsync("ChildDirector", ShouhuApp.VillageA);
        using (director)
        {
            var r = await OkJson(await director.PostAsJsonAsync("/api/v1/children", ChildrenTests.ChildBody(name, ShouhuApp.NewIdNumber(new DateOnly(2016, 3, 3), true), ShouhuApp.VillageA), Ct), HttpStatusCode.Created);
            return r.GetProperty("id").GetGuid();
        }
    }

    private static object HotlineReport(Guid? childId, string? region = null, string urgency = "ImmediateDanger") => new
    {
        channel = "Hotline",
        receivedAt = DateTimeOffset.UtcNow.AddMinutes(-3).ToString("o"),
        concernTypes = new[] { "PhysicalAbuse", "Neglect" },
        urgency,
        narrative = "邻居来电：孩子身上多处淤青，父亲酒后打人，孩子晚上不敢回家。",
        childId,
        regionCode = region,
        reporter = new { name = "王邻居", phone = "13800138000", relation = "邻居" },
    };

    /// <summary>Review finding: 20 triages at once made 14 answers 500 on the unique case number.</summary>
    [Fact]
    public async Task TriageReport_InParallel_AllSucceedWithUniqueConsecutiveCaseNumbers()
    {
        var (supervisor, _) = await app.StaffAsync("ChildSupervisor", "430702001");
        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add((await OkJson(await supervisor.PostAsJsonAsync("/api/v1/reports", HotlineReport(null, ShouhuApp.VillageB, "Routine"), Ct), HttpStatusCode.Created)).GetProperty("id").GetString()!);
        }

        var open = await app.OpenCaseBodyAsync();
        var answers = await Task.WhenAll(ids.Select(id => supervisor.PostAsJsonAsync($"/api/v1/reports/{id}/triage", open, Ct)));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var numbers = new List<int>();
        foreach (var a in answers)
        {
            numbers.Add(int.Parse((await Json(a)).GetProperty("caseNumber").GetString()![^5..], System.Globalization.CultureInfo.InvariantCulture));
        }

        numbers.Sort();
        Assert.Equal(20, numbers.Distinct().Count());
        Assert.Equal(numbers[0] + 19, numbers[^1]);
    }

    /// <summary>UX review: an officer who triaged a case to himself became its supervisor too, and nobody could approve its plan.</summary>
    [Fact]
    public async Task TriageReport_TriagerTakingTheCase_IsNotItsSupervisor_AndWorkerAndSupervisorDiffer()
    {
        var (officer, officerId) = await app.StaffAsync("CivilAffairsOfficer", "430702");
        var (colleague, _) = await app.StaffAsync("CivilAffairsOfficer", "430702");
        var (supervisor, supervisorId) = await app.StaffAsync("ChildSupervisor", "430702001");
        var report = await OkJson(await officer.PostAsJsonAsync("/api/v1/reports", HotlineReport(null, ShouhuApp.VillageA, "Urgent"), Ct), HttpStatusCode.Created);
        var caseId = (await OkJson(await officer.PostAsJsonAsync($"/api/v1/reports/{report.GetProperty("id")}/triage", new { decision = "open-case", workerId = officerId, riskLevel = "medium" }, Ct))).GetProperty("caseId").GetGuid();
        var c = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}", Ct);
        Assert.Equal(officerId, c.GetProperty("assignedWorkerId").GetString());
        Assert.Equal(JsonValueKind.Null, c.GetProperty("supervisorId").ValueKind);

        var same = await officer.PostAsJsonAsync($"/api/v1/cases/{caseId}/assignment", new { workerId = supervisorId, supervisorId }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, same.StatusCode);
        Assert.Equal("承办人和督导不能是同一人", (await Json(same)).GetProperty("errors").GetProperty("supervisorId")[0].GetString());

        // The officer plans; a colleague approves.
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd");
        await OkJson(await officer.PostAsJsonAsync($"/api/v1/cases/{caseId}/status", new { to = "assessing" }, Ct));
        await OkJson(await officer.PostAsJsonAsync($"/api/v1/cases/{caseId}/status", new { to = "planning" }, Ct));
        await OkJson(await officer.PutAsJsonAsync($"/api/v1/cases/{caseId}/plan", new { goals = "g", items = new[] { new { serviceType = "Other", description = "d", responsible = "r", dueOn = today } } }, Ct));
        await OkJson(await officer.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/submit", new { }, Ct));
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/approve", new { }, Ct)).StatusCode);
        await OkJson(await colleague.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/approve", new { }, Ct));
        await OkJson(await officer.PostAsJsonAsync($"/api/v1/cases/{caseId}/assignment", new { workerId = officerId, supervisorId }, Ct));
        Assert.Equal(supervisorId, (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}", Ct)).GetProperty("supervisorId").GetString());
    }

    /// <summary>Second review: a report naming a child of another township answered 500 to its township's triage; a moved case left its reports and workers behind.</summary>
    [Fact]
    public async Task TriageReport_ChildOutsideTheTriagersArea_IsRefusedClearly_AndAMoveTakesReportsAndFreesWorkers()
    {
        var (director, _) = await app.StaffAsync("ChildDirector", "430702002002");
        var elsewhere = (await OkJson(await director.PostAsJsonAsync("/api/v1/children", ChildrenTests.ChildBody("邻镇童", ShouhuApp.NewIdNumber(new DateOnly(2016, 4, 4), true), "430702002002"), Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var (hotline, _) = await app.StaffAsync("HotlineOperator", "430702");
        var (supervisor, _) = await app.StaffAsync("ChildSupervisor", "430702001");
        var body = new { channel = "Hotline", concernTypes = new[] { "Neglect" }, urgency = "Urgent", narrative = "在启明街道看到邻镇的孩子", childId = elsewhere, regionCode = "430702001004" };
        var report = await OkJson(await hotline.PostAsJsonAsync("/api/v1/reports", body, Ct), HttpStatusCode.Created);
        Assert.Equal("430702001004", report.GetProperty("regionCode").GetString()); // where it happened, which is not where the child lives
        var refused = await supervisor.PostAsJsonAsync($"/api/v1/reports/{report.GetProperty("id")}/triage", await app.OpenCaseBodyAsync(), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await Json(refused)).GetProperty("errors").TryGetProperty("decision", out _));

        // A case opened on an unknown child in village B, with a file on its report and village B's director as worker…
        var (directorB, directorBId) = await app.StaffAsync("ChildDirector", ShouhuApp.VillageB);
        var (directorA, _) = await app.StaffAsync("ChildDirector", ShouhuApp.VillageA);
        var unknown = await OkJson(await supervisor.PostAsJsonAsync("/api/v1/reports", HotlineReport(null, ShouhuApp.VillageB, "Urgent"), Ct), HttpStatusCode.Created);
        var reportId = unknown.GetProperty("id").GetGuid();
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new ByteArrayContent("%PDF-1.4 x"u8.ToArray()), "file", "来电记录.pdf");
            await OkJson(await supervisor.PostAsync($"/api/v1/reports/{reportId}/attachments", form, Ct), HttpStatusCode.Created);
        }

        var caseId = (await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/reports/{reportId}/triage", new { decision = "open-case", workerId = directorBId, riskLevel = "medium" }, Ct))).GetProperty("caseId").GetGuid();
        // …is identified as a child of village A: the report goes with it, village B's director is freed from it.
        var childA = await ChildAsync("认定童");
        await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/child", new { childId = childA }, Ct));
        var moved = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}", Ct);
        Assert.Equal(JsonValueKind.Null, moved.GetProperty("assignedWorkerId").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await directorB.GetAsync($"/api/v1/reports/{reportId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await directorA.GetAsync($"/api/v1/reports/{reportId}", Ct)).StatusCode);
        Assert.Single(moved.GetProperty("attachments").EnumerateArray()); // the supervisor sees the report's file on the case
    }
}
