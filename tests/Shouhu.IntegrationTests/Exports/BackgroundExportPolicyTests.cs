using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Shouhu.Data;
using Shouhu.Domain.Exports;
using Shouhu.IntegrationTests.Children;
using Shouhu.Web.Features.Children;
using Shouhu.Web.Features.Exports;
using static Shouhu.IntegrationTests.Api;

namespace Shouhu.IntegrationTests.Exports;

/// <summary>
/// ADR-016 (background exports) under attack, kept as regression tests: attempts to break ownership, jurisdiction, output policy, audit,
/// expiry, concurrency and input handling of the new routes. A failing test is a finding.
/// </summary>
public sealed class BackgroundExportPolicyTests(BackgroundExportApp app) : IClassFixture<BackgroundExportApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Township = "430702001"; // 启明街道, holds VillageA and VillageB

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool _seeded;

    // Three children in VillageA ("攻击甲…") and two in VillageB ("攻击乙…"), with ID numbers remembered for the log checks.
    private static readonly List<string> SeededIds = [];

    private async Task SeedOnceAsync()
    {
        await Gate.WaitAsync(Ct);
        try
        {
            if (_seeded)
            {
                return;
            }

            using var a = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
            using var b = await app.UserAsync("ChildDirector", ShouhuApp.VillageB);
            for (var i = 0; i < 3; i++)
            {
                var id = ShouhuApp.NewIdNumber(new DateOnly(2014, 4, 1 + i), true);
                SeededIds.Add(id);
                await OkJson(await a.PostAsJsonAsync("/api/v1/children", ChildrenTests.ChildBody($"攻击甲{i}", id, ShouhuApp.VillageA), Ct), HttpStatusCode.Created);
            }

            for (var i = 0; i < 2; i++)
            {
                var id = ShouhuApp.NewIdNumber(new DateOnly(2014, 5, 1 + i), false);
                SeededIds.Add(id);
                await OkJson(await b.PostAsJsonAsync("/api/v1/children", ChildrenTests.ChildBody($"攻击乙{i}", id, ShouhuApp.VillageB, sex: "female"), Ct), HttpStatusCode.Created);
            }

            _seeded = true;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static List<IDictionary<string, object>> Rows(byte[] xlsx) => BackgroundExportTests.Rows(xlsx);

    private Task<ExportJob> SettledAsync(Guid id) => BackgroundExportTests.SettledAsync(app, id);

    private static async Task<Guid> StartAsync(HttpClient client, string query)
    {
        using var ask = new HttpRequestMessage(HttpMethod.Get, "/api/v1/children/export?" + query);
        ask.Headers.Add("Prefer", "respond-async");
        var accepted = await client.SendAsync(ask, Ct);
        var body = await OkJson(accepted, HttpStatusCode.Accepted);
        return body.GetProperty("id").GetGuid();
    }

    private async Task<Guid> StoreAsync(string ownerId, string role, ChildExportParameters parameters, ExportStatus status = ExportStatus.Waiting)
    {
        await using var db = app.SystemDb();
        var owner = await db.Users.FirstAsync(u => u.Id == ownerId, Ct);
        var id = Guid.CreateVersion7();
        db.ExportJobs.Add(new ExportJob
        {
            Id = id, RegionCode = owner.JurisdictionCode, List = ChildBackgroundExport.ListName, Parameters = JsonSerializer.Serialize(parameters, ExportJson.Options),
            CreatedBy = ownerId, CreatedByName = owner.UserName!, Role = role, FileName = "儿童名册-20261202.xlsx", Status = status, RowsTotal = 3, CreatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync(Ct);
        return id;
    }

    private async Task<string> UserNameOf(string id)
    {
        await using var db = app.SystemDb();
        return await db.Users.Where(u => u.Id == id).Select(u => u.UserName!).SingleAsync(Ct);
    }

    private async Task ChangeAccountAsync(string id, string? role = null, string? jurisdiction = null, bool? approved = null)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ShouhuUser>>();
        var user = await users.FindByIdAsync(id) ?? throw new InvalidOperationException("no user");
        if (role is not null)
        {
            await users.RemoveFromRoleAsync(user, user.Role);
            await users.AddToRoleAsync(user, role);
            user.Role = role;
        }

        if (jurisdiction is not null)
        {
            user.JurisdictionCode = jurisdiction;
        }

        if (approved is { } a)
        {
            user.IsApproved = a;
        }

        Assert.True((await users.UpdateAsync(user)).Succeeded);
        await users.UpdateSecurityStampAsync(user);
    }

    private async Task<List<string>> AuditAsync(string actorId, string action)
    {
        await using var db = app.SystemDb();
        return await db.AuditEntries.Where(a => a.ActorId == actorId && a.Action == action).OrderBy(a => a.Sequence).Select(a => a.Detail ?? "").ToListAsync(Ct);
    }

    public static TheoryData<string> AllRoles => new(Shouhu.Domain.Accounts.Roles.All);

    // ---------------------------------------------------------------------------------------------------------------
    // 1. Ownership: every new route × role × scope, non-owner → 404 exactly like a random id.
    [Theory]
    [MemberData(nameof(AllRoles))]
    public async Task Matrix_AnyOtherAccount_AnyRole_AnyScope_Gets404LikeARandomId_OnEveryRoute(string role)
    {
        await SeedOnceAsync();
        string sibling;
        await using (var db = app.SystemDb())
        {
            sibling = await db.Regions.Where(r => r.Code.StartsWith("430702") && r.Code.Length == 9 && r.Code != Township).OrderBy(r => r.Code).Select(r => r.Code).FirstAsync(Ct);
        }

        var (owner, ownerId) = await app.StaffAsync("ChildSupervisor", Township);
        var id = await StartAsync(owner, "q=攻击甲");
        Assert.Equal(ExportStatus.Ready, (await SettledAsync(id)).Status);
        var random = Guid.CreateVersion7();

        var ownerApiRandom = await owner.GetAsync($"/api/v1/exports/{random}", Ct);
        var randomBody = await Json(ownerApiRandom);
        Assert.Equal(HttpStatusCode.NotFound, ownerApiRandom.StatusCode);

        foreach (var scope in new[] { Township, "430702", "4307", sibling, ShouhuApp.OtherCounty })
        {
            var (api, otherId) = await app.AccountAsync(role, scope);
            using var _ = api;
            foreach (var url in new[] { $"/api/v1/exports/{id}", $"/api/v1/exports/{id}/file" })
            {
                var r = await api.GetAsync(url, Ct);
                Assert.True(r.StatusCode == HttpStatusCode.NotFound, $"{role}@{scope} {url}: {(int)r.StatusCode}");
                var body = await Json(r);
                Assert.Equal(randomBody.GetProperty("title").GetString(), body.GetProperty("title").GetString());
            }

            using var page = await app.PagesClientAsync(await UserNameOf(otherId));
            foreach (var url in new[] { $"/Exports/{id}", $"/Exports/{id}?handler=Progress", $"/Exports/{id}?handler=File" })
            {
                var r = await page.GetAsync(url, Ct);
                Assert.True(r.StatusCode == HttpStatusCode.NotFound, $"{role}@{scope} {url}: {(int)r.StatusCode}");
            }

            var list = await page.GetAsync("/Exports", Ct);
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            Assert.DoesNotContain(id.ToString(), await list.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);
            Assert.Empty(await AuditAsync(otherId, "ExportDownload"));
        }

        // The owner still may.
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/v1/exports/{id}/file", Ct)).StatusCode);
        Assert.Single(await AuditAsync(ownerId, "ExportDownload"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 2. A filter region outside the caller's jurisdiction: nothing from outside, no outside count.
    [Fact]
    public async Task OutsideRegionFilter_InTheBackground_GivesNoRowsAndNoOutsideCount()
    {
        await SeedOnceAsync();
        var (director, directorId) = await app.StaffAsync("ChildDirector", ShouhuApp.VillageA);
        foreach (var region in new[] { ShouhuApp.VillageB, "430702", "4307", ShouhuApp.OtherCounty })
        {
            using var ask = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/children/export?regionCode={region}");
            ask.Headers.Add("Prefer", "respond-async");
            var accepted = await director.SendAsync(ask, Ct);
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            var body = await Json(accepted);
            var total = body.GetProperty("rowsTotal").GetInt64();
            var id = body.GetProperty("id").GetGuid();
            var job = await SettledAsync(id);
            var file = Rows(await (await director.GetAsync($"/api/v1/exports/{id}/file", Ct)).Content.ReadAsByteArrayAsync(Ct));
            Assert.All(file, r => Assert.StartsWith("攻击甲", (string)r["姓名"], StringComparison.Ordinal)); // never VillageB's
            Assert.DoesNotContain(file, r => ((string)r["姓名"]).StartsWith("攻击乙", StringComparison.Ordinal));
            if (region == ShouhuApp.VillageB || region == ShouhuApp.OtherCounty)
            {
                Assert.Equal(0, total);
                Assert.Equal(0, job.RowsWritten);
                Assert.Empty(file);
            }
            else
            {
                Assert.Equal(file.Count, total); // only the village's own children counted
            }

            var status = await OkJson(await director.GetAsync($"/api/v1/exports/{id}", Ct));
            Assert.Equal(file.Count, status.GetProperty("rowsTotal").GetInt64());
        }

        Assert.All(await AuditAsync(directorId, "Export"), d => Assert.DoesNotContain("攻击乙", d, StringComparison.Ordinal));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 3. Rights lost between asking and writing (ADR-016: "the runner applies the policy again … refuses what it no longer grants").
    [Fact]
    public async Task RoleLost_BetweenAskingAndWriting_FullNumbersAreNotWritten()
    {
        await SeedOnceAsync();
        var (_, officerId) = await app.StaffAsync("CivilAffairsOfficer", "430702");
        // Stored exactly as the API stores it for an officer asking for full numbers with a purpose ...
        var id = await StoreAsync(officerId, "CivilAffairsOfficer", new ChildExportParameters(new ChildFilter(Q: "攻击甲"), true, true, "核查"));
        // ... then the account is made a volunteer before the runner takes it up.
        await ChangeAccountAsync(officerId, role: "Volunteer");
        app.Services.GetRequiredService<ExportQueue>().Enqueue(id);
        var job = await SettledAsync(id);
        Assert.True(job.Status == ExportStatus.Failed, $"written as {job.Status} with {job.RowsWritten} rows for an account that is now a Volunteer");
        Assert.Empty(await AuditAsync(officerId, "Export"));
    }

    [Fact]
    public async Task AccountWithdrawn_BetweenAskingAndWriting_NothingIsWrittenOrAudited()
    {
        await SeedOnceAsync();
        var (_, officerId) = await app.StaffAsync("CivilAffairsOfficer", "430702");
        var id = await StoreAsync(officerId, "CivilAffairsOfficer", new ChildExportParameters(new ChildFilter(Q: "攻击甲"), true, false, "核查"));
        await ChangeAccountAsync(officerId, approved: false);
        app.Services.GetRequiredService<ExportQueue>().Enqueue(id);
        var job = await SettledAsync(id);
        Assert.True(job.Status == ExportStatus.Failed, $"written as {job.Status} ({job.RowsWritten} rows, full numbers) for a withdrawn account");
    }

    [Fact]
    public async Task JurisdictionMoved_BetweenAskingAndWriting_OldJurisdictionIsNotWritten()
    {
        await SeedOnceAsync();
        var (_, officerId) = await app.StaffAsync("CivilAffairsOfficer", "430702");
        var id = await StoreAsync(officerId, "CivilAffairsOfficer", new ChildExportParameters(new ChildFilter(Q: "攻击"), false, false, null));
        await ChangeAccountAsync(officerId, jurisdiction: ShouhuApp.OtherCounty);
        app.Services.GetRequiredService<ExportQueue>().Enqueue(id);
        var job = await SettledAsync(id);
        Assert.True(job.Status == ExportStatus.Failed || job.RowsWritten == 0,
            $"{job.RowsWritten} rows of 430702 written for an account now in {ShouhuApp.OtherCounty}");
    }

    [Fact]
    public async Task DemotedOwner_CannotFetchTheFullNumberFileWrittenForTheOldRole()
    {
        await SeedOnceAsync();
        var (officer, officerId) = await app.StaffAsync("CivilAffairsOfficer", "430702");
        var id = await StartAsync(officer, "q=攻击甲&fullIdNumbers=true&purpose=核查");
        Assert.Equal(ExportStatus.Ready, (await SettledAsync(id)).Status);
        await ChangeAccountAsync(officerId, role: "Volunteer");
        using var volunteer = await app.ClientForAsync(await UserNameOf(officerId), ShouhuApp.UserPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.GetAsync("/api/v1/children/export?q=攻击甲", Ct)).StatusCode); // as a volunteer now
        var file = await volunteer.GetAsync($"/api/v1/exports/{id}/file", Ct);
        Assert.True(file.StatusCode != HttpStatusCode.OK, "a Volunteer downloaded a file of full ID numbers");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 4. Expiry: the day is up but the hourly clean has not run yet.
    [Fact]
    public async Task Download_AfterExpiry_BeforeTheHourlyClean_IsGone()
    {
        await SeedOnceAsync();
        var (officer, officerId) = await app.StaffAsync("CivilAffairsOfficer", "430702");
        var userName = await UserNameOf(officerId);
        var id = await StartAsync(officer, "q=攻击甲");
        Assert.Equal(ExportStatus.Ready, (await SettledAsync(id)).Status);
        await using (var db = app.SystemDb())
        {
            var job = await db.ExportJobs.FirstAsync(j => j.Id == id, Ct);
            job.ExpiresAt = DateTime.UtcNow.AddHours(-0.5);
            await db.SaveChangesAsync(Ct);
        }

        var api = await officer.GetAsync($"/api/v1/exports/{id}/file", Ct);
        using var page = await app.PagesClientAsync(userName);
        var pageFile = await page.GetAsync($"/Exports/{id}?handler=File", Ct);
        Assert.True(api.StatusCode is HttpStatusCode.Gone or HttpStatusCode.NotFound, $"API served an expired export: {(int)api.StatusCode}");
        Assert.True(pageFile.StatusCode != HttpStatusCode.OK || pageFile.Content.Headers.ContentType?.MediaType?.Contains("spreadsheet") != true,
            "page served an expired export");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 5. Guid tampering: never a 500, never another's job.
    [Fact]
    public async Task TamperedIds_Answer404_Never500()
    {
        await SeedOnceAsync();
        var (officer, officerId) = await app.StaffAsync("CivilAffairsOfficer", "430702");
        var id = await StartAsync(officer, "q=攻击甲");
        await SettledAsync(id);
        using var page = await app.PagesClientAsync(await UserNameOf(officerId));
        var tampered = new[]
        {
            Guid.Empty.ToString(), "not-a-guid", id.ToString("N"), id.ToString().ToUpperInvariant(), "{" + id + "}", id + "%2500", id + "/../" + id,
            "..%2F..%2Fexports%2F" + id.ToString("N") + ".xlsx", new string('f', 5000), "ffffffff-ffff-ffff-ffff-ffffffffffff",
        };
        foreach (var t in tampered)
        {
            foreach (var url in new[] { $"/api/v1/exports/{t}", $"/api/v1/exports/{t}/file", $"/Exports/{t}", $"/Exports/{t}?handler=File", $"/Exports/{t}?handler=Progress" })
            {
                var client = url.StartsWith("/api", StringComparison.Ordinal) ? officer : page;
                var r = await client.GetAsync(url, Ct);
                Assert.True((int)r.StatusCode < 500, $"{url}: {(int)r.StatusCode}");
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 6. Concurrency: the two-unfinished limit under parallel requests; two owners at once.
    [Fact]
    public async Task ParallelRequests_NeverHaveMoreThanTwoUnfinishedAtOnce()
    {
        await SeedOnceAsync();
        var (officer, officerId) = await app.StaffAsync("CivilAffairsOfficer", "430702");
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            using var ask = new HttpRequestMessage(HttpMethod.Get, "/api/v1/children/export?q=攻击");
            ask.Headers.Add("Prefer", "respond-async");
            var r = await officer.SendAsync(ask, Ct);
            return (int)r.StatusCode;
        }));
        Assert.All(answers, s => Assert.True(s is 202 or 409, $"answered {s}"));
        List<ExportJob> jobs;
        await using (var db = app.SystemDb())
        {
            jobs = await db.ExportJobs.AsNoTracking().Where(j => j.CreatedBy == officerId).ToListAsync(Ct);
        }

        foreach (var j in jobs)
        {
            await SettledAsync(j.Id);
        }

        await using (var db = app.SystemDb())
        {
            jobs = await db.ExportJobs.AsNoTracking().Where(j => j.CreatedBy == officerId).ToListAsync(Ct);
        }

        // At the moment each job was created, how many of the others were created before it and not yet finished?
        var worst = jobs.Max(k => jobs.Count(o => o.Id != k.Id && o.CreatedAt <= k.CreatedAt && (o.FinishedAt is null || o.FinishedAt > k.CreatedAt)));
        Assert.True(worst < StartExport.MaxUnfinished,
            $"{jobs.Count} jobs from 10 parallel requests ({answers.Count(s => s == 202)} accepted); one was created while {worst} others were unfinished");
    }

    [Fact]
    public async Task TwoOwnersAtOnce_EachFileHoldsOnlyItsOwnersVillage_AuditedOnceEach()
    {
        await SeedOnceAsync();
        var (a, aId) = await app.StaffAsync("ChildDirector", ShouhuApp.VillageA);
        var (b, bId) = await app.StaffAsync("ChildDirector", ShouhuApp.VillageB);
        var ids = await Task.WhenAll(StartAsync(a, "q=攻击"), StartAsync(b, "q=攻击"));
        await Task.WhenAll(SettledAsync(ids[0]), SettledAsync(ids[1]));
        var fa = Rows(await (await a.GetAsync($"/api/v1/exports/{ids[0]}/file", Ct)).Content.ReadAsByteArrayAsync(Ct));
        var fb = Rows(await (await b.GetAsync($"/api/v1/exports/{ids[1]}/file", Ct)).Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(3, fa.Count);
        Assert.All(fa, r => Assert.StartsWith("攻击甲", (string)r["姓名"], StringComparison.Ordinal));
        Assert.Equal(2, fb.Count);
        Assert.All(fb, r => Assert.StartsWith("攻击乙", (string)r["姓名"], StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/api/v1/exports/{ids[1]}/file", Ct)).StatusCode);
        Assert.Single(await AuditAsync(aId, "Export"));
        Assert.Single(await AuditAsync(bId, "Export"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 7. Background = direct, for the same filter and role, cell by cell (masking, 出生日期, 保护类别), and audit alike.
    public static TheoryData<string, string, string> Policies => new()
    {
        { "CivilAffairsOfficer", "430702", "q=攻击" },
        { "CivilAffairsOfficer", "430702", "q=攻击&fullIdNumbers=true&includeCategories=true&purpose=%E6%A0%B8%E6%9F%A5" },
        { "ChildSupervisor", Township, "q=攻击&includeCategories=true&purpose=%20%E6%A0%B8%E6%9F%A5%20" },
        { "ChildDirector", ShouhuApp.VillageA, "fullIdNumbers=true&purpose=%E6%A0%B8%E6%9F%A5&sort=name" },
        { "HotlineOperator", "430702", "q=攻击&sort=birthDate" },
    };

    [Theory]
    [MemberData(nameof(Policies))]
    public async Task BackgroundFile_IsTheDirectFile_CellByCell(string role, string jurisdiction, string query)
    {
        await SeedOnceAsync();
        var (client, userId) = await app.StaffAsync(role, jurisdiction);
        var direct = await client.GetAsync("/api/v1/children/export?" + query, Ct);
        Assert.Equal(HttpStatusCode.OK, direct.StatusCode);
        var expected = Rows(await direct.Content.ReadAsByteArrayAsync(Ct));
        var id = await StartAsync(client, query);
        Assert.Equal(ExportStatus.Ready, (await SettledAsync(id)).Status);
        var got = Rows(await (await client.GetAsync($"/api/v1/exports/{id}/file", Ct)).Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(expected.Count, got.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Keys.ToList(), got[i].Keys.ToList());
            Assert.Equal(expected[i].Values.Select(v => v?.ToString()).ToList(), got[i].Values.Select(v => v?.ToString()).ToList());
        }

        // And through the page (PageDirectRows = 2 here: the page writes it in the background too).
        using var page = await app.PagesClientAsync(await UserNameOf(userId));
        var started = await page.GetAsync("/Children?handler=Export&" + query, Ct);
        if (started.StatusCode == HttpStatusCode.Redirect)
        {
            var pid = Guid.Parse(started.Headers.Location!.OriginalString.Split('/')[^1]);
            Assert.Equal(ExportStatus.Ready, (await SettledAsync(pid)).Status);
            var viaPage = Rows(await (await page.GetAsync($"/Exports/{pid}?handler=File", Ct)).Content.ReadAsByteArrayAsync(Ct));
            Assert.Equal(expected.Select(r => string.Join("|", r.Values)), viaPage.Select(r => string.Join("|", r.Values)));
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        }

        var audits = await AuditAsync(userId, "Export");
        Assert.True(audits.Count >= 2);
        static string Strip(string d) => System.Text.RegularExpressions.Regex.Replace(d, @";\s*background=yes|background=yes;\s*", string.Empty);
        Assert.Equal(Strip(audits[0]), Strip(audits[1])); // same rows, filter, grants, purpose and children digest
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 8. No search text, names or ID numbers in audit details or logs.
    [Fact]
    public async Task SearchText_NameAndIdNumber_NeverInAuditOrLogs()
    {
        await SeedOnceAsync();
        var (officer, officerId) = await app.StaffAsync("CivilAffairsOfficer", "430702");
        var idNumber = SeededIds[0];
        var secrets = new[] { "攻击甲1", idNumber, idNumber[..10] };
        foreach (var q in secrets)
        {
            var id = await StartAsync(officer, "q=" + Uri.EscapeDataString(q) + "&fullIdNumbers=true&purpose=" + Uri.EscapeDataString("核查"));
            await SettledAsync(id);
            await officer.GetAsync($"/api/v1/exports/{id}/file", Ct);
            await officer.GetAsync($"/api/v1/exports/{id}", Ct);
        }

        // A failing one too (the role may not), so the failure path is exercised.
        var (hotline, hotlineId) = await app.StaffAsync("HotlineOperator", "430702");
        var failed = await StoreAsync(hotlineId, "HotlineOperator", new ChildExportParameters(new ChildFilter(Q: idNumber), true, false, "核查"));
        app.Services.GetRequiredService<ExportQueue>().Enqueue(failed);
        var fj = await SettledAsync(failed);
        Assert.DoesNotContain(idNumber, fj.Failure ?? "", StringComparison.Ordinal);

        await using (var db = app.SystemDb())
        {
            var details = await db.AuditEntries.Where(a => a.ActorId == officerId || a.ActorId == hotlineId).Select(a => a.Detail ?? "").ToListAsync(Ct);
            foreach (var s in secrets)
            {
                Assert.DoesNotContain(details, d => d.Contains(s, StringComparison.Ordinal));
            }

            // And the status answer never carries the stored parameters.
            var status = await (await officer.GetAsync($"/api/v1/exports/{(await db.ExportJobs.FirstAsync(j => j.CreatedBy == officerId, Ct)).Id}", Ct)).Content.ReadAsStringAsync(Ct);
            Assert.DoesNotContain("攻击", status, StringComparison.Ordinal);
        }

        foreach (var line in LogCapture.Provider.Lines)
        {
            foreach (var s in secrets.Concat(SeededIds))
            {
                Assert.DoesNotContain(s, line, StringComparison.Ordinal);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 9. Bad input: a clear Chinese 4xx, never a 500.
    [Fact]
    public async Task LongSearchText_InTheBackground_IsAClear400_NotA500()
    {
        await SeedOnceAsync();
        var (officer, _) = await app.StaffAsync("CivilAffairsOfficer", "430702");
        using var ask = new HttpRequestMessage(HttpMethod.Get, "/api/v1/children/export?q=" + new string('张', 4100));
        ask.Headers.Add("Prefer", "respond-async");
        var r = await officer.SendAsync(ask, Ct);
        var body = await r.Content.ReadAsStringAsync(Ct);
        Assert.True((int)r.StatusCode < 500, $"{(int)r.StatusCode}: {body}");
    }

    [Fact]
    public async Task BadFilters_InTheBackground_AreChinese400s()
    {
        await SeedOnceAsync();
        var (officer, officerId) = await app.StaffAsync("CivilAffairsOfficer", "430702");
        foreach (var q in new[] { "regionCode=abc", "category=Nope", "status=x", "ageMin=30", "ageMin=5&ageMax=2", "sort=evil", "ageMin=abc", "fullIdNumbers=true", "fullIdNumbers=maybe", "purpose=" + new string('x', 300) + "&includeCategories=true" })
        {
            using var ask = new HttpRequestMessage(HttpMethod.Get, "/api/v1/children/export?" + q);
            ask.Headers.Add("Prefer", "respond-async");
            var r = await officer.SendAsync(ask, Ct);
            var body = await r.Content.ReadAsStringAsync(Ct);
            Assert.True(r.StatusCode == HttpStatusCode.BadRequest, $"{q}: {(int)r.StatusCode} {body}");
            Assert.Matches("[\u4e00-\u9fff]", body);
        }

        await using var db = app.SystemDb();
        Assert.False(await db.ExportJobs.AnyAsync(j => j.CreatedBy == officerId, Ct));
    }

    [Fact]
    public async Task RolesWithoutTheRegister_CannotStartABackgroundExport_AndForbiddenGrantsAreRefusedBeforeQueueing()
    {
        await SeedOnceAsync();
        foreach (var role in new[] { "SystemAdmin", "SocialWorker", "MemberUnitLiaison", "Volunteer" })
        {
            var (c, cid) = await app.AccountAsync(role, "430702");
            using var ask = new HttpRequestMessage(HttpMethod.Get, "/api/v1/children/export?q=攻击");
            ask.Headers.Add("Prefer", "respond-async");
            var r = await c.SendAsync(ask, Ct);
            Assert.True(r.StatusCode == HttpStatusCode.Forbidden, $"{role}: {(int)r.StatusCode}");
            using var page = await app.PagesClientAsync(await UserNameOf(cid));
            var p = await page.GetAsync("/Children?handler=Export&q=攻击", Ct);
            Assert.True(p.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect && p.Headers.Location?.OriginalString.StartsWith("/Exports", StringComparison.Ordinal) != true,
                $"{role} page: {(int)p.StatusCode} {p.Headers.Location}");
        }

        var (hotline, hotlineId) = await app.StaffAsync("HotlineOperator", "430702");
        foreach (var q in new[] { "fullIdNumbers=true&purpose=x", "includeCategories=true&purpose=x" })
        {
            using var ask = new HttpRequestMessage(HttpMethod.Get, "/api/v1/children/export?" + q);
            ask.Headers.Add("Prefer", "respond-async");
            Assert.Equal(HttpStatusCode.Forbidden, (await hotline.SendAsync(ask, Ct)).StatusCode);
        }

        await using var db = app.SystemDb();
        Assert.False(await db.ExportJobs.AnyAsync(j => j.CreatedBy == hotlineId, Ct));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // 10. Crash handling: a part file or a stray finished file is never offered while the job is not ready.
    [Fact]
    public async Task WritingJob_WithAStrayFinishedFile_IsNotOffered()
    {
        await SeedOnceAsync();
        var (officer, officerId) = await app.StaffAsync("CivilAffairsOfficer", "430702");
        var id = await StoreAsync(officerId, "CivilAffairsOfficer", new ChildExportParameters(new ChildFilter(Q: "攻击甲"), false, false, null), ExportStatus.Writing);
        var files = app.Services.GetRequiredService<ExportFiles>();
        Directory.CreateDirectory(files.Directory);
        await File.WriteAllTextAsync(files.PathOf(id), "renamed but not saved", Ct); // crash between rename and the save
        Assert.Equal(HttpStatusCode.Conflict, (await officer.GetAsync($"/api/v1/exports/{id}/file", Ct)).StatusCode);
        app.Services.GetRequiredService<ExportQueue>().Enqueue(id);
        var job = await SettledAsync(id);
        Assert.Equal((ExportStatus.Ready, 3L), (job.Status, job.RowsWritten));
        var got = Rows(await (await officer.GetAsync($"/api/v1/exports/{id}/file", Ct)).Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(3, got.Count);
        Assert.Single(await AuditAsync(officerId, "Export"));
    }

    [Fact]
    public async Task JobThatCannotOpenItsFile_FailsVisibly_AndDoesNotHoldTheLimitForever()
    {
        await SeedOnceAsync();
        var (officer, officerId) = await app.StaffAsync("CivilAffairsOfficer", "430702");
        var files = app.Services.GetRequiredService<ExportFiles>();
        var id = await StoreAsync(officerId, "CivilAffairsOfficer", new ChildExportParameters(new ChildFilter(Q: "攻击甲"), false, false, null));
        Directory.CreateDirectory(files.PathOf(id) + ".part"); // the part cannot be created (a disk fault stands in)
        app.Services.GetRequiredService<ExportQueue>().Enqueue(id);
        ExportJob? job = null;
        for (var i = 0; i < 50; i++)
        {
            await Task.Delay(100, Ct);
            await using var db = app.SystemDb();
            job = await db.ExportJobs.AsNoTracking().FirstAsync(j => j.Id == id, Ct);
            if (job.Status is ExportStatus.Failed or ExportStatus.Ready)
            {
                break;
            }
        }

        Directory.Delete(files.PathOf(id) + ".part");
        Assert.True(job!.Status == ExportStatus.Failed, $"left {job.Status}: the page shows 写入中 until a restart and the job counts toward the 2-unfinished limit");
    }
}
