using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shouhu.IntegrationTests.Children;
using static Shouhu.IntegrationTests.Api;

namespace Shouhu.IntegrationTests.Referrals;

/// <summary>Who sees a referral: the receiving organisation's roles only; outsiders cannot name registered children.</summary>
public sealed class ReferralAccessTests(ShouhuApp app) : IClassFixture<ShouhuApp>
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

    [Fact]
    public async Task ViewReferral_ByAnotherOrganisationOrAnUnassignedSocialWorker_ShowsNothingOfItOrTheCase()
    {
        var (supervisor, _) = await app.StaffAsync("ChildSupervisor", "430702001");
        var org = await app.OrganizationAsync("启明派出所", "MemberUnit", "430702001");
        var otherOrg = await app.OrganizationAsync("武陵区妇联", "MemberUnit", "430702");
        var (otherLiaison, _) = await app.StaffAsync("MemberUnitLiaison", "430702", otherOrg);
        var (socialWorker, _) = await app.StaffAsync("SocialWorker", "430702");
        var report = await OkJson(await supervisor.PostAsJsonAsync("/api/v1/reports", HotlineReport(null, ShouhuApp.VillageA, "Urgent"), Ct), HttpStatusCode.Created);
        var caseId = (await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/reports/{report.GetProperty("id")}/triage", await app.OpenCaseBodyAsync(), Ct))).GetProperty("caseId").GetGuid();
        var referral = await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new { organizationId = org, reason = "请出警核实" }, Ct), HttpStatusCode.Created);
        var referralId = referral.GetProperty("id").GetGuid();

        Assert.Equal(0, (await otherLiaison.GetFromJsonAsync<JsonElement>("/api/v1/referrals", Ct)).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await otherLiaison.GetAsync($"/api/v1/referrals/{referralId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherLiaison.PostAsJsonAsync($"/api/v1/referrals/{referralId}/accept", new { }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await socialWorker.GetAsync($"/api/v1/cases/{caseId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await socialWorker.GetAsync($"/api/v1/referrals/{referralId}", Ct)).StatusCode);
        // The sender may read the referral but not act for the receiver.
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsJsonAsync($"/api/v1/referrals/{referralId}/accept", new { }, Ct)).StatusCode);
    }

    private async Task<(HttpClient Supervisor, Guid CaseId)> OpenCaseAsync(string village = ShouhuApp.VillageA, Guid? childId = null)
    {
        var (supervisor, _) = await app.StaffAsync("ChildSupervisor", "430702001");
        var report = await OkJson(await supervisor.PostAsJsonAsync("/api/v1/reports", HotlineReport(childId, childId is null ? village : null, "Urgent"), Ct), HttpStatusCode.Created);
        var caseId = (await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/reports/{report.GetProperty("id")}/triage", await app.OpenCaseBodyAsync(), Ct))).GetProperty("caseId").GetGuid();
        return (supervisor, caseId);
    }

    /// <summary>Review findings: a volunteer of the receiving organisation acted as receiver; a liaison could read a child's name through a report.</summary>
    [Fact]
    public async Task ListReferrals_OnlyReceivingRolesSeeThem_AndOutsidersCannotNameRegisteredChildren()
    {
        var org = await app.OrganizationAsync("启明社区志愿服务队", "SocialOrganization", "430702001");
        var (volunteer, _) = await app.StaffAsync("Volunteer", "430702001", org);
        var (liaison, _) = await app.StaffAsync("MemberUnitLiaison", "430702", org);
        var (supervisor, caseId) = await OpenCaseAsync();
        var referralId = (await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new { organizationId = org, reason = "请安排陪伴" }, Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        // Volunteers are no party to referrals: the route refuses the role (Policies.Referrals) whatever the record.
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.GetAsync("/api/v1/referrals", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.GetAsync($"/api/v1/referrals/{referralId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.PostAsJsonAsync($"/api/v1/referrals/{referralId}/decline", new { note = "x" }, Ct)).StatusCode);

        var childId = await ChildAsync("查名童");
        var byLiaison = await liaison.PostAsJsonAsync("/api/v1/reports", HotlineReport(childId), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, byLiaison.StatusCode);
        Assert.DoesNotContain("查名童", await byLiaison.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.True((await Json(byLiaison)).GetProperty("errors").TryGetProperty("childId", out _));
    }
}
