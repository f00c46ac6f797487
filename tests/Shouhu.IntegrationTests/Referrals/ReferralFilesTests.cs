using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shouhu.Domain.Accounts;
using static Shouhu.IntegrationTests.Api;

namespace Shouhu.IntegrationTests.Referrals;

/// <summary>
/// Issue #10 item 16: the receiver of a referral attaches a document (a 告诫书) to its feedback. Only the receiver, only
/// once accepted; the file joins the case file; the receiver reads its own referral's files and no other file of the case.
/// </summary>
public sealed class ReferralFilesTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid referralId, string name, byte[] bytes)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(bytes), "file", name);
        return await client.PostAsync($"/api/v1/referrals/{referralId}/attachments", form, Ct);
    }

    /// <summary>A case opened by a township supervisor, with a referral sent to a new police unit; the unit's liaison.</summary>
    private async Task<(HttpClient Supervisor, Guid CaseId, Guid ReferralId, HttpClient Liaison, Guid Org)> ReferralAsync()
    {
        var (supervisor, supervisorId) = await app.AccountAsync(Roles.ChildSupervisor, "430702001");
        var org = await app.OrganizationAsync("启明派出所" + Guid.NewGuid().ToString("N")[..4], "MemberUnit", "430702");
        var (liaison, _) = await app.AccountAsync(Roles.MemberUnitLiaison, "430702", org);
        var report = await OkJson(await supervisor.PostAsJsonAsync("/api/v1/reports", new
        {
            channel = "Hotline", receivedAt = DateTimeOffset.UtcNow.AddMinutes(-3).ToString("o"), concernTypes = new[] { "PhysicalAbuse" },
            urgency = "Urgent", narrative = "邻居来电：父亲酒后打孩子。", regionCode = ShouhuApp.VillageA,
        }, Ct), HttpStatusCode.Created);
        var caseId = (await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/reports/{report.GetProperty("id")}/triage",
            new { decision = "open-case", workerId = supervisorId, riskLevel = "high" }, Ct))).GetProperty("caseId").GetGuid();
        var referral = await OkJson(await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new { organizationId = org, reason = "请对父亲训诫并出具告诫书" }, Ct), HttpStatusCode.Created);
        return (supervisor, caseId, referral.GetProperty("id").GetGuid(), liaison, org);
    }

    [Fact]
    public async Task AttachFile_ByTheReceiverAfterAccepting_IsHeldByTheCaseFile()
    {
        var (supervisor, caseId, referralId, liaison, _) = await ReferralAsync();

        // Before acceptance: refused, nothing stored.
        Assert.Equal(HttpStatusCode.Conflict, (await UploadAsync(liaison, referralId, "告诫书.pdf", Pdf)).StatusCode);
        await OkJson(await liaison.PostAsJsonAsync($"/api/v1/referrals/{referralId}/accept", new { }, Ct));

        var created = await OkJson(await UploadAsync(liaison, referralId, "家庭暴力告诫书.pdf", Pdf), HttpStatusCode.Created);
        var fileId = created.GetProperty("id").GetGuid();

        var view = await liaison.GetFromJsonAsync<JsonElement>($"/api/v1/referrals/{referralId}", Ct);
        var files = view.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal("家庭暴力告诫书.pdf", Assert.Single(files).GetProperty("fileName").GetString());
        Assert.True(view.GetProperty("callerReceives").GetBoolean());
        var download = await liaison.GetAsync($"/api/v1/attachments/{fileId}", Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync(Ct));

        // The case staff find it in the case file and on the timeline, named for the receiving unit.
        var file = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}", Ct);
        Assert.Contains(file.GetProperty("attachments").EnumerateArray(), a => a.GetProperty("id").GetGuid() == fileId);
        Assert.Contains(file.GetProperty("events").EnumerateArray(), e => e.GetProperty("text").GetString()!.Contains("上传转介办理材料：家庭暴力告诫书.pdf", StringComparison.Ordinal));
        Assert.False((await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/referrals/{referralId}", Ct)).GetProperty("callerReceives").GetBoolean());

        // After completion the receiver may still add a late document.
        await OkJson(await liaison.PostAsJsonAsync($"/api/v1/referrals/{referralId}/complete", new { note = "已训诫" }, Ct));
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(liaison, referralId, "回执.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0])).StatusCode);
        Assert.Equal(2, (await liaison.GetFromJsonAsync<JsonElement>($"/api/v1/referrals/{referralId}", Ct)).GetProperty("files").GetArrayLength());

        // The download was audited.
        await using var db = app.SystemDb();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Entity == "Attachment" && e.EntityId == fileId.ToString() && e.Action == "View", Ct));
    }

    [Fact]
    public async Task ReadFiles_TheReceiverReadsNoOtherFileOfTheCase_AndOthersCannotAttachOrRead()
    {
        var (supervisor, caseId, referralId, liaison, _) = await ReferralAsync();
        await OkJson(await liaison.PostAsJsonAsync($"/api/v1/referrals/{referralId}/accept", new { }, Ct));
        var receiverFile = (await OkJson(await UploadAsync(liaison, referralId, "告诫书.pdf", Pdf), HttpStatusCode.Created)).GetProperty("id").GetGuid();

        // A file the case worker attached to the case itself stays out of the receiver's reach.
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Pdf), "file", "询问笔录.pdf");
        var caseFile = (await OkJson(await supervisor.PostAsync($"/api/v1/cases/{caseId}/attachments", form, Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await liaison.GetAsync($"/api/v1/attachments/{caseFile}", Ct)).StatusCode);
        Assert.Single((await liaison.GetFromJsonAsync<JsonElement>($"/api/v1/referrals/{referralId}", Ct)).GetProperty("files").EnumerateArray());

        // Case staff read the referral but do not attach for the receiver; another unit learns nothing.
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(supervisor, referralId, "代传.pdf", Pdf)).StatusCode);
        var (otherLiaison, _) = await app.AccountAsync(Roles.MemberUnitLiaison, "430702", await app.OrganizationAsync("区妇联" + Guid.NewGuid().ToString("N")[..4], "MemberUnit", "430702"));
        Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync(otherLiaison, referralId, "x.pdf", Pdf)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherLiaison.GetAsync($"/api/v1/attachments/{receiverFile}", Ct)).StatusCode);
        var (volunteer, _) = await app.AccountAsync(Roles.Volunteer, "430702", null);
        Assert.Equal(HttpStatusCode.NotFound, (await volunteer.GetAsync($"/api/v1/attachments/{receiverFile}", Ct)).StatusCode);

        await using var db = app.SystemDb();
        Assert.Equal(1, await db.Attachments.CountAsync(a => a.ReferralId == referralId, Ct));
    }

    /// <summary>Bad files for the referral's feedback get the same answers as on a case: 400 naming <c>file</c>, nothing kept.</summary>
    [Theory]
    [InlineData("程序.exe", "MZ")]
    [InlineData("告诫书.pdf", "")]
    [InlineData("告诫书.pdf", "not a pdf at all")]
    [InlineData("宏.docm", "PK")]
    public async Task AttachFile_Bad_Returns400NamingTheField_AndKeepsNothing(string name, string content)
    {
        var (_, _, referralId, liaison, _) = await ReferralAsync();
        await OkJson(await liaison.PostAsJsonAsync($"/api/v1/referrals/{referralId}/accept", new { }, Ct));
        var r = await UploadAsync(liaison, referralId, name, System.Text.Encoding.ASCII.GetBytes(content));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.True((await r.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("file", out _));
        await using var db = app.SystemDb();
        Assert.Equal(0, await db.Attachments.CountAsync(a => a.ReferralId == referralId, Ct));
    }

    [Fact]
    public async Task AttachFile_ToADeclinedReferral_IsRefused()
    {
        var (_, _, referralId, liaison, _) = await ReferralAsync();
        await OkJson(await liaison.PostAsJsonAsync($"/api/v1/referrals/{referralId}/decline", new { note = "不属本单位职责" }, Ct));
        var r = await UploadAsync(liaison, referralId, "告诫书.pdf", Pdf);
        Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
        Assert.Contains("已拒绝", await r.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    /// <summary>
    /// A referral whose case has since moved to another jurisdiction (the child moved; the referral went with the case):
    /// while it is open (sent or accepted) its receiver is told where the files now go (409); once completed or declined
    /// it is gone for the receiver (404), as for every other use of a referral abroad (ReferralsAbroad.Open). Nothing is kept.
    /// </summary>
    [Theory]
    [InlineData("", HttpStatusCode.Conflict)]
    [InlineData("accept", HttpStatusCode.Conflict)]
    [InlineData("accept,complete", HttpStatusCode.NotFound)]
    [InlineData("decline", HttpStatusCode.NotFound)]
    public async Task CaseMovedAway_OpenReferralRefusesFiles_ClosedOneIsGone(string steps, HttpStatusCode expected)
    {
        var (_, caseId, referralId, liaison, _) = await ReferralAsync();
        foreach (var step in steps.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            await OkJson(await liaison.PostAsJsonAsync($"/api/v1/referrals/{referralId}/{step}", new { note = "已办理，出具告诫书" }, Ct));
        }

        const string Away = "430703001001"; // a community of 鼎城区, outside the liaison's 武陵区
        await using (var db = app.SystemDb())
        {
            await db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(s => s.SetProperty(c => c.RegionCode, Away), Ct);
            await db.Referrals.Where(r => r.Id == referralId).ExecuteUpdateAsync(s => s.SetProperty(r => r.RegionCode, Away), Ct);
        }

        var response = await UploadAsync(liaison, referralId, "告诫书.pdf", Pdf);
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Conflict)
        {
            Assert.Contains("该案件已移交其他地区", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        await using var check = app.SystemDb();
        Assert.Equal(0, await check.Attachments.CountAsync(a => a.ReferralId == referralId, Ct));
    }
}
