using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shouhu.Data;
using Shouhu.Domain.Accounts;
using Shouhu.Domain.Children;

namespace Shouhu.IntegrationTests.Authorization;

/// <summary>Where a caller stands relative to the world's records, which all lie in <see cref="ShouhuApp.VillageA"/> (Changde).</summary>
public enum Scope
{
    /// <summary>The role's own level over the records: the village, its township, its county (and, off the region axis, the assigned social worker and the receiving organisation's liaison).</summary>
    Own,

    /// <summary>Above it: the city (roles that may act there).</summary>
    Parent,

    /// <summary>Beside it: the next village, township or county — and the social worker not assigned, the liaison of another organisation.</summary>
    Sibling,

    /// <summary>Another city of the same installation (Lhasa).</summary>
    OtherCity,
}

/// <summary>One signed-in account of the matrix.</summary>
/// <param name="Role">Its role.</param>
/// <param name="Scope">Where it stands.</param>
/// <param name="UserName">Login name.</param>
/// <param name="Id">Account id.</param>
/// <param name="Api">Client with a bearer token.</param>
/// <param name="Pages">Client with the login cookie, redirects not followed.</param>
public sealed record Caller(string Role, Scope Scope, string UserName, string Id, HttpClient Api, HttpClient Pages)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Role}@{Scope}";
}

/// <summary>An installation of two cities (Changde 4307 and Lhasa 5401) where each role has an account at each scope.</summary>
public sealed class TwoCityApp : ShouhuApp
{
    /// <inheritdoc/>
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("SHOUHU_CITY", "4307,5401");
    }
}

/// <summary>
/// The world the authorisation matrix is tried on: in village A a child with family and a pending category, a report
/// recorded by the village's director, triaged into a case assigned to a social worker, a referral to the police
/// liaison's organisation, a case document, a visit, an assessment; in Lhasa another child and report. Every role has
/// an account at every scope it may hold (<see cref="Scope"/>).
/// </summary>
public sealed class MatrixWorld : IAsyncLifetime
{
    /// <summary>A village of Lhasa (绕赛社区, 八廓街道, 城关区).</summary>
    public const string LhasaVillage = "540102002001";

    private static readonly Dictionary<string, (string? Own, string? Parent, string? Sibling, string? Other)> Jurisdictions = new()
    {
        [Roles.SystemAdmin] = ("430702", "4307", "430703", "540102"),
        [Roles.CivilAffairsOfficer] = ("430702", "4307", "430703", "540102"),
        [Roles.ChildSupervisor] = ("430702001", null, "430702002", "540102002"),
        [Roles.ChildDirector] = (ShouhuApp.VillageA, null, ShouhuApp.VillageB, LhasaVillage),
        [Roles.HotlineOperator] = ("430702", "4307", "430703", "540102"),
        [Roles.SocialWorker] = ("430702", null, "430702", "540102"),
        [Roles.MemberUnitLiaison] = ("430702", null, "430702", "540102"),
        [Roles.Volunteer] = ("430702", "4307", "430703", "540102"),
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The application.</summary>
    public TwoCityApp App { get; } = new();

    /// <summary>Every account of the matrix.</summary>
    public List<Caller> Callers { get; } = [];

    /// <summary>Values for the route templates' placeholders: <c>{child}</c>, <c>{case}</c>, <c>{report}</c>, <c>{referral}</c>, <c>{guardian}</c>, <c>{category}</c>, <c>{attachment}</c>.</summary>
    public Dictionary<string, string> Ids { get; } = new(StringComparer.Ordinal);

    /// <summary>Strings that only someone who may see village A's records may ever receive (names, the case number).</summary>
    public List<string> VillageAMarkers { get; } = [];

    /// <summary>Strings no account of Changde may ever receive (the Lhasa child's and reporter's names).</summary>
    public List<string> LhasaMarkers { get; } = [];

    /// <summary>A notification addressed to <see cref="NotificationRecipientId"/>.</summary>
    public Guid NotificationId { get; private set; }

    /// <summary>The recipient of <see cref="NotificationId"/>.</summary>
    public string NotificationRecipientId { get; private set; } = string.Empty;

    /// <summary>The caller of <paramref name="role"/> at <paramref name="scope"/>.</summary>
    public Caller Get(string role, Scope scope) => Callers.Single(c => c.Role == role && c.Scope == scope);

    /// <inheritdoc/>
    public async ValueTask InitializeAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var police = await OrganizationAsync("武陵区公安分局" + tag, OrganizationKind.MemberUnit, "430702");
        var school = await OrganizationAsync("武陵区某小学" + tag, OrganizationKind.MemberUnit, "430702");
        var socialOrg = await OrganizationAsync("武陵区社工站" + tag, OrganizationKind.SocialOrganization, "430702");
        var lhasaOrg = await OrganizationAsync("城关区社工站" + tag, OrganizationKind.SocialOrganization, "540102");
        foreach (var (role, codes) in Jurisdictions)
        {
            foreach (var (scope, code) in new[] { (Scope.Own, codes.Own), (Scope.Parent, codes.Parent), (Scope.Sibling, codes.Sibling), (Scope.OtherCity, codes.Other) })
            {
                if (code is null)
                {
                    continue;
                }

                Guid? org = role switch
                {
                    Roles.MemberUnitLiaison => scope switch { Scope.Own => police, Scope.Sibling => school, _ => lhasaOrg },
                    Roles.SocialWorker => scope == Scope.OtherCity ? lhasaOrg : socialOrg,
                    _ => null,
                };
                Callers.Add(await CallerAsync(role, scope, code, org, tag));
            }
        }

        var director = Get(Roles.ChildDirector, Scope.Own);
        var supervisor = Get(Roles.ChildSupervisor, Scope.Own);
        var worker = Get(Roles.SocialWorker, Scope.Own);

        var childName = "矩阵" + Rare(tag);
        var guardianName = "矩阵父" + Rare(tag);
        var child = await OkAsync(await director.Api.PostAsJsonAsync("/api/v1/children", new
        {
            name = childName,
            sex = "male",
            citizenIdNumber = ShouhuApp.NewIdNumber(new DateOnly(2015, 4, 9), true),
            residenceRegionCode = ShouhuApp.VillageA,
            householdKind = "Rural",
            categories = new[] { new { category = "LeftBehind" } },
            guardians = new object[]
            {
                new { name = guardianName, relation = "Father", status = "Living", isWorkingAway = true, workPlace = "广东东莞", phone = "13912345678", awaySince = "2024-01-01", workRegionCode = "441900" },
                new { name = "矩阵母" + Rare(tag), relation = "Mother", status = "Living", isWorkingAway = true, workPlace = "浙江义乌", awaySince = "2024-01-01", workRegionCode = "330782" },
            },
        }, Ct), HttpStatusCode.Created);
        Ids["child"] = child.GetProperty("id").GetString()!;
        Ids["guardian"] = child.GetProperty("guardians")[0].GetProperty("id").GetString()!;
        Ids["category"] = child.GetProperty("categories")[0].GetProperty("id").GetString()!;
        VillageAMarkers.AddRange([childName, guardianName]);

        var report = await OkAsync(await director.Api.PostAsJsonAsync("/api/v1/reports", new
        {
            channel = "HomeVisit",
            receivedAt = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("o"),
            concernTypes = new[] { "Neglect" },
            urgency = "Urgent",
            narrative = "走访发现矩阵叙述" + tag,
            childId = Ids["child"],
            reporter = new { name = "矩阵报告人" + Rare(tag), phone = "13800000001", relation = "儿童主任" },
        }, Ct), HttpStatusCode.Created);
        Ids["report"] = report.GetProperty("id").GetString()!;
        VillageAMarkers.Add("矩阵叙述" + tag);

        var triage = await OkAsync(await supervisor.Api.PostAsJsonAsync($"/api/v1/reports/{Ids["report"]}/triage",
            new { decision = "open-case", workerId = worker.Id, riskLevel = "medium" }, Ct), HttpStatusCode.OK);
        Ids["case"] = triage.GetProperty("caseId").GetString()!;
        VillageAMarkers.Add(triage.GetProperty("caseNumber").GetString()!);

        var referral = await OkAsync(await supervisor.Api.PostAsJsonAsync($"/api/v1/cases/{Ids["case"]}/referrals",
            new { organizationId = police, reason = "请出警核实矩阵" + tag, dueAt = DateTimeOffset.UtcNow.AddDays(3).ToString("o") }, Ct), HttpStatusCode.Created);
        Ids["referral"] = referral.GetProperty("id").GetString()!;

        using (var form = new MultipartFormDataContent())
        {
            form.Add(new ByteArrayContent("%PDF-1.4 matrix"u8.ToArray()), "file", "走访记录.pdf");
            var uploaded = await OkAsync(await worker.Api.PostAsync($"/api/v1/cases/{Ids["case"]}/attachments", form, Ct), HttpStatusCode.Created);
            Ids["attachment"] = uploaded.GetProperty("id").GetString()!;
        }

        using (var survey = new MultipartFormDataContent())
        {
            // A survey the village's director uploaded: its import belongs to the village.
            survey.Add(new ByteArrayContent("姓名,性别\n矩阵导入,男\n"u8.ToArray()), "file", "摸底表.csv");
            Ids["import"] = (await OkAsync(await director.Api.PostAsync("/api/v1/imports", survey, Ct), HttpStatusCode.Created)).GetProperty("id").GetString()!;
        }

        await OkAsync(await director.Api.PostAsJsonAsync($"/api/v1/children/{Ids["child"]}/visits",
            new { visitedAt = DateTimeOffset.UtcNow.AddHours(-1).ToString("o"), metPersons = new[] { "儿童本人" }, guardianPresent = false }, Ct), HttpStatusCode.Created);
        await OkAsync(await director.Api.PostAsJsonAsync($"/api/v1/children/{Ids["child"]}/assessments", new { emergencyOverride = true, note = "矩阵评估" }, Ct), HttpStatusCode.Created);

        // Lhasa: a child and a report of its own, made through Lhasa's own director.
        var lhasaName = "拉萨" + Rare(tag);
        var lhasaDirector = Get(Roles.ChildDirector, Scope.OtherCity);
        var lhasaChild = await OkAsync(await lhasaDirector.Api.PostAsJsonAsync("/api/v1/children", new
        {
            name = lhasaName,
            sex = "female",
            citizenIdNumber = ShouhuApp.NewIdNumber(new DateOnly(2014, 2, 28), false, "540102"),
            residenceRegionCode = LhasaVillage,
            householdKind = "Urban",
            guardians = new object[] { new { name = "拉萨母" + Rare(tag), relation = "Mother", status = "Living" } },
        }, Ct), HttpStatusCode.Created);
        LhasaMarkers.AddRange([lhasaName, "拉萨母" + Rare(tag)]);
        await OkAsync(await lhasaDirector.Api.PostAsJsonAsync("/api/v1/reports", new
        {
            channel = "HomeVisit",
            receivedAt = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("o"),
            concernTypes = new[] { "Neglect" },
            urgency = "Routine",
            narrative = "拉萨叙述" + tag,
            childId = lhasaChild.GetProperty("id").GetString(),
            reporter = new { name = "拉萨报告人" + Rare(tag), relation = "儿童主任" },
        }, Ct), HttpStatusCode.Created);
        LhasaMarkers.Add("拉萨叙述" + tag);

        await using var db = App.SystemDb();
        var notification = db.Notifications.Where(n => n.RecipientId == worker.Id).Select(n => n.Id).FirstOrDefault();
        NotificationId = notification;
        NotificationRecipientId = worker.Id;
        Assert.NotEqual(Guid.Empty, NotificationId); // the assignment notified the worker

        // A background export of the same account's: only its owner reaches it (ready, its file gone: 410 for the owner).
        var exportId = Guid.CreateVersion7();
        db.ExportJobs.Add(new Shouhu.Domain.Exports.ExportJob
        {
            Id = exportId, RegionCode = db.Users.Where(u => u.Id == worker.Id).Select(u => u.JurisdictionCode).First(), List = "children",
            Parameters = "{}", CreatedBy = worker.Id, CreatedByName = worker.UserName, Role = worker.Role, FileName = "儿童名册-20261202.xlsx",
            Status = Shouhu.Domain.Exports.ExportStatus.Ready, RowsTotal = 1, RowsWritten = 1, CreatedAt = DateTime.UtcNow, FinishedAt = DateTime.UtcNow,
            ExpiresAt = DateTime.UtcNow.AddDays(1),
        });
        await db.SaveChangesAsync(Ct);
        Ids["export"] = exportId.ToString();
    }

    /// <summary>A new guardian of the world's child (for a DELETE that succeeds).</summary>
    public async Task<string> FreshGuardianAsync()
    {
        await using var db = App.SystemDb();
        var g = new Guardian { ChildId = Guid.Parse(Ids["child"]), Name = "临时成员", Relation = GuardianRelation.Other, RegionCode = ShouhuApp.VillageA };
        db.Guardians.Add(g);
        await db.SaveChangesAsync(Ct);
        return g.Id.ToString();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        foreach (var c in Callers)
        {
            c.Api.Dispose();
            c.Pages.Dispose();
        }

        await App.DisposeAsync();
    }

    // A name with a character outside the BMP and a middle dot, unique per run: no other test's data can match it.
    private static string Rare(string tag) => "𠮷·" + new string(tag.Select(ch => (char)('甲' + (ch % 10))).ToArray());

    private async Task<Guid> OrganizationAsync(string name, OrganizationKind kind, string region)
    {
        await using var db = App.SystemDb();
        var org = new Organization { Name = name, Kind = kind, RegionCode = region, CreatedAt = DateTime.UtcNow };
        db.Organizations.Add(org);
        await db.SaveChangesAsync(Ct);
        return org.Id;
    }

    private async Task<Caller> CallerAsync(string role, Scope scope, string jurisdiction, Guid? organizationId, string tag)
    {
        var userName = $"m{tag}{RouteMatrix.Letter(role).ToLowerInvariant()}{(int)scope}";
        string id;
        using (var serviceScope = App.Services.CreateScope())
        {
            var users = serviceScope.ServiceProvider.GetRequiredService<UserManager<ShouhuUser>>();
            var user = new ShouhuUser
            {
                UserName = userName,
                DisplayName = "矩阵" + Roles.ChineseName(role),
                Role = role,
                JurisdictionCode = jurisdiction,
                OrganizationId = organizationId,
                IsApproved = true,
                CreatedAt = DateTime.UtcNow,
            };
            var created = await users.CreateAsync(user, ShouhuApp.UserPassword);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
            id = user.Id;
        }

        var api = await App.ClientForAsync(userName, ShouhuApp.UserPassword);
        var pages = await App.PagesClientAsync(userName);
        return new Caller(role, scope, userName, id, api, pages);
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage r, HttpStatusCode expected)
    {
        var text = await r.Content.ReadAsStringAsync(Ct);
        Assert.True(r.StatusCode == expected, $"{r.RequestMessage?.Method} {r.RequestMessage?.RequestUri?.AbsolutePath}: {(int)r.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}

/// <summary>Small helpers for requests of the matrix.</summary>
internal static class MatrixHttp
{
    /// <summary>A request of <paramref name="method"/> to <paramref name="path"/>; a body of <c>{}</c> for writes (invalid on purpose: a write that passes authorisation stops at validation).</summary>
    public static HttpRequestMessage Request(string method, string path, bool withBody)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (withBody && method is "POST" or "PUT")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        return request;
    }

    /// <summary>Whether the status is a success.</summary>
    public static bool IsSuccess(HttpStatusCode s) => (int)s is >= 200 and < 300;

    /// <summary>Bearer scheme header for a token.</summary>
    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);
}
