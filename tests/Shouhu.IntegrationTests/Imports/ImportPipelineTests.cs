using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouhu.Domain.Children;
using Shouhu.Domain.Imports;
using Shouhu.Imports;
using Shouhu.IntegrationTests.Children;
using Shouhu.Web.Features.Imports;
using static Shouhu.IntegrationTests.Api;

namespace Shouhu.IntegrationTests.Imports;

/// <summary>
/// An application whose survey reader is a test one: the file is JSON lines of already-read rows
/// (<see cref="SurveyRowRead"/>), so these tests try the pipeline after the reader — the dry run's checks against the
/// register, the commit, the counts, the audit and the jurisdiction — independently of spreadsheet parsing.
/// </summary>
public sealed class ReadRowsApp : ShouhuApp
{
    /// <inheritdoc/>
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddScoped<ISurveyRowSource, JsonLinesRows>());
    }

    /// <summary>Reads one <see cref="SurveyRowRead"/> per line.</summary>
    private sealed class JsonLinesRows : ISurveyRowSource
    {
        public async IAsyncEnumerable<SurveyRowRead> ReadAsync(Stream file, SurveyReadContext context, [EnumeratorCancellation] CancellationToken ct)
        {
            using var reader = new StreamReader(file, Encoding.UTF8);
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                if (line == "NOT A SPREADSHEET")
                {
                    throw new SurveyFileException("文件不是 Excel（.xlsx）或 CSV 文件");
                }

                yield return JsonSerializer.Deserialize<SurveyRowRead>(line, Rows.Json)!;
            }
        }
    }
}

/// <summary>The rows of a test survey file (<see cref="ReadRowsApp"/>).</summary>
internal static class Rows
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static SurveyRowRead Child(int row, string name, string id, string village) => new("儿童", row, new ChildInput(
        name, "male", id, null, null, village, null, [new CategoryInput("LeftBehind")],
        [
            new GuardianInput("赵大", "Father", Status: "Living", IsWorkingAway: true, AwaySince: "2024-01-01", WorkRegionCode: "441900"),
            new GuardianInput("钱二", "Mother", Status: "Living", IsWorkingAway: true, AwaySince: "2024-01-01", WorkRegionCode: "330782"),
        ],
        HouseholdKind: "Rural"), [], new Dictionary<string, string> { ["citizenIdNumber"] = "身份证号码", ["residenceRegionCode"] = "现居住地" });

    public static SurveyRowRead Faulty(int row, string column, string value, string message) => new("儿童", row, null, [new ImportProblem("儿童", row, column, value, message)]);

    public static MultipartFormDataContent File(IEnumerable<SurveyRowRead> rows, string? asOf = null)
    {
        var text = string.Join('\n', rows.Select(r => JsonSerializer.Serialize(r, Json)));
        var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", "摸底表.xlsx" } };
        if (asOf is not null)
        {
            form.Add(new StringContent(asOf), "asOf");
        }

        return form;
    }
}

/// <summary>Upload → dry run → commit of a survey, through the API (issue #12 items 4–7).</summary>
public sealed class ImportPipelineTests(ReadRowsApp app) : IClassFixture<ReadRowsApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Polls the import until the background runner has left <c>validating</c>/<c>committing</c>.</summary>
    internal static async Task<JsonElement> SettledAsync(HttpClient client, string location, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            var status = await OkJson(await client.GetAsync(location, Ct));
            if (status.GetProperty("status").GetString() is not ("validating" or "committing"))
            {
                return status;
            }

            await Task.Delay(200, Ct);
        }

        throw new TimeoutException($"the import did not settle in {within ?? TimeSpan.FromSeconds(30)}");
    }

    private async Task<int> ChildrenNamedAsync(string prefix)
    {
        await using var db = app.SystemDb();
        return await db.Children.CountAsync(c => c.Name.StartsWith(prefix), Ct);
    }

    [Fact]
    public async Task Upload_DryRunNamesEveryFaultByRowAndColumn_WritesNothing_ThenCommitWithSkipRegistersThePassedRows()
    {
        using var officer = await app.UserAsync("CivilAffairsOfficer", "430702");
        // A number registered in another county (鼎城区): only the level to contact is said.
        using var other = await app.UserAsync("CivilAffairsOfficer", "430703");
        var elsewhere = ShouhuApp.NewIdNumber(new DateOnly(2015, 3, 3), true, "430703");
        Assert.Equal(HttpStatusCode.Created, (await other.PostAsJsonAsync("/api/v1/children", ChildrenTests.ChildBody("外县已登记", elsewhere, "430703001001"), Ct)).StatusCode);

        var ids = Enumerable.Range(0, 4).Select(_ => ShouhuApp.NewIdNumber(new DateOnly(2016, 4, 4), true)).ToList();
        var rows = new[]
        {
            Rows.Child(3, "导入甲", ids[0], ShouhuApp.VillageA),
            Rows.Child(4, "导入乙", ids[1], ShouhuApp.VillageB),
            Rows.Faulty(5, "出生日期", "2014.13.01", "出生日期不是有效日期"),
            Rows.Child(6, "导入丙", ids[0], ShouhuApp.VillageA),          // the same number as row 3
            Rows.Child(7, "导入丁", elsewhere, ShouhuApp.VillageA),       // registered in another county
            Rows.Child(8, "导入戊", ids[2], "430703001001"),              // a village of another county
            Rows.Child(9, "导入己", ids[3], "430702001999"),              // no such village
        };
        var created = await officer.PostAsync("/api/v1/imports", Rows.File(rows, "2026-06-30"), Ct);
        var accepted = await OkJson(created, HttpStatusCode.Created);
        Assert.Equal("validating", accepted.GetProperty("status").GetString());
        var location = created.Headers.Location!.OriginalString;

        var status = await SettledAsync(officer, location);
        Assert.Equal("invalid", status.GetProperty("status").GetString());
        Assert.Equal((7, 2, 5, 0), (status.GetProperty("rowsTotal").GetInt32(), status.GetProperty("rowsValid").GetInt32(), status.GetProperty("rowsInvalid").GetInt32(), status.GetProperty("rowsRegistered").GetInt32()));
        var errors = status.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString(), e.GetProperty("message").GetString()!)).ToList();
        Assert.Equal([5, 6, 7, 8, 9], errors.Select(e => e.Item1));
        Assert.Equal(("出生日期", "出生日期不是有效日期"), (errors[0].Item2, errors[0].Item3));
        Assert.Equal(("身份证号码", "与第 3 行的身份证号相同：同一儿童只填写一行"), (errors[1].Item2, errors[1].Item3));
        Assert.Equal("身份证号码", errors[2].Item2);
        Assert.Equal("该身份证号已在本市其他县（区），请联系市民政局登记", errors[2].Item3);
        Assert.Equal(("现居住地", "居住地 430703001001 不在您的辖区之内"), (errors[3].Item2, errors[3].Item3));
        Assert.Equal(("现居住地", "区划代码 430702001999 不存在"), (errors[4].Item2, errors[4].Item3));
        // The values are shown as a record page shows them to this role; nothing is in the register yet.
        Assert.Equal(5, status.GetProperty("errorsTotal").GetInt32());
        Assert.Equal(0, await ChildrenNamedAsync("导入"));

        // Confirming needs skipInvalid while rows are invalid.
        var refused = await officer.PostAsJsonAsync($"{location}/commit", new { skipInvalid = false }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("5 行未通过核查", (await Json(refused)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, (await officer.PostAsJsonAsync($"{location}/commit", new { skipInvalid = true }, Ct)).StatusCode);
        status = await SettledAsync(officer, location);
        Assert.Equal(("committed", 2, 5), (status.GetProperty("status").GetString(), status.GetProperty("rowsCommitted").GetInt32(), status.GetProperty("rowsSkipped").GetInt32()));
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync($"{location}/commit", new { skipInvalid = true }, Ct)).StatusCode);

        // Registered as a registration is: by the importer, categories submitted at the importer's level, a first schedule.
        await using var db = app.SystemDb();
        var children = await db.Children.Include(c => c.Categories).Include(c => c.Guardians).Where(c => c.Name.StartsWith("导入")).OrderBy(c => c.Name).ToListAsync(Ct);
        Assert.Equal(new[] { "导入乙", "导入甲" }.Order(StringComparer.Ordinal), children.Select(c => c.Name).Order(StringComparer.Ordinal));
        var importer = await db.Users.SingleAsync(u => u.Id == children[0].CreatedBy, Ct);
        Assert.Equal("430702", importer.JurisdictionCode);
        Assert.All(children, c => Assert.Equal(CategoryStatus.Pending, Assert.Single(c.Categories).Status));
        Assert.All(children, c => Assert.Equal(2, c.Guardians.Count));
        Assert.Equal(2, await db.VisitSchedules.CountAsync(s => children.Select(c => c.Id).Contains(s.ChildId), Ct));
        // The kept file is gone, the rows keep no input, and the trail has hashes and counts, never content.
        var job = await db.ImportJobs.SingleAsync(j => j.Id == accepted.GetProperty("id").GetGuid(), Ct);
        Assert.False(File.Exists(Path.Combine(app.DataDir, "imports", job.Id.ToString("N") + ".upload")));
        Assert.False(await db.ImportJobRows.AnyAsync(r => r.JobId == job.Id && r.Input != null, Ct));
        var trail = await db.AuditEntries.Where(a => a.EntityId == job.Id.ToString()).OrderBy(a => a.Sequence).Select(a => new { a.Action, a.Detail }).ToListAsync(Ct);
        Assert.Equal(["ImportUploaded", "ImportValidated", "ImportConfirmed", "ImportRowsCommitted", "ImportCommitted"], trail.Select(t => t.Action));
        Assert.Contains($"sha256={job.FileSha256}", trail[0].Detail, StringComparison.Ordinal);
        Assert.Contains($"sha256={job.FileSha256}", trail[3].Detail, StringComparison.Ordinal);
        // The batch's one entry lists its children: each child's own trail finds who registered it, when and how.
        var batch = await db.AuditEntries.SingleAsync(a => a.EntityId == job.Id.ToString() && a.Action == "ImportRowsCommitted", Ct);
        Assert.Equal(children.Select(c => c.Id).Order(), await db.AuditChildren.Where(a => a.Sequence == batch.Sequence).Select(a => a.ChildId).OrderBy(i => i).ToListAsync(Ct));
        Assert.Equal(importer.Id, batch.ActorId);
        using var admin = await app.AdminAsync();
        foreach (var child in children)
        {
            var own = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?childId={child.Id}", Ct);
            Assert.Contains(own.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "ImportRowsCommitted");
        }

        Assert.DoesNotContain(trail, t => t.Detail!.Contains("导入", StringComparison.Ordinal) || ids.Any(id => t.Detail.Contains(id, StringComparison.Ordinal)));
    }

    /// <summary>
    /// A number registered between the dry run and the commit fails its batch on the unique index; the batch is written
    /// again row by row, that row alone refused — and nothing of the failed bulk write (rows or its audit entry) is left.
    /// </summary>
    [Fact]
    public async Task Commit_AfterANumberWasRegisteredMeanwhile_RefusesThatRowAlone_AndAuditsOnlyTheChildrenWritten()
    {
        using var officer = await app.UserAsync("CivilAffairsOfficer", "430702");
        var ids = Enumerable.Range(0, 3).Select(_ => ShouhuApp.NewIdNumber(new DateOnly(2016, 9, 9), true)).ToList();
        var created = await officer.PostAsync("/api/v1/imports", Rows.File(ids.Select((id, i) => Rows.Child(2 + i, "竞登" + i, id, ShouhuApp.VillageA))), Ct);
        var location = created.Headers.Location!.OriginalString;
        Assert.Equal("validated", (await SettledAsync(officer, location)).GetProperty("status").GetString());
        var meanwhile = await officer.PostAsJsonAsync("/api/v1/children", new { name = "抢先登记", sex = "male", citizenIdNumber = ids[1], residenceRegionCode = ShouhuApp.VillageA }, Ct);
        Assert.Equal(HttpStatusCode.Created, meanwhile.StatusCode);

        Assert.Equal(HttpStatusCode.Accepted, (await officer.PostAsJsonAsync($"{location}/commit", new { skipInvalid = true }, Ct)).StatusCode);
        var status = await SettledAsync(officer, location);
        Assert.Equal("committed", status.GetProperty("status").GetString());
        Assert.Equal((2, 1), (status.GetProperty("rowsCommitted").GetInt32(), status.GetProperty("rowsInvalid").GetInt32()));
        var error = Assert.Single(status.GetProperty("errors").EnumerateArray());
        Assert.Equal((3, "该身份证号在核查后已被登记（导入期间有人登记了同一儿童）"), (error.GetProperty("row").GetInt32(), error.GetProperty("message").GetString()));
        // The totals the status reads from the job count the problem the commit found.
        Assert.Equal(1, status.GetProperty("errorsTotal").GetInt32());
        Assert.Equal(1, status.GetProperty("errorKinds").GetProperty("该身份证号在核查后已被登记").GetInt32());

        await using var db = app.SystemDb();
        var imported = await db.Children.Where(c => c.Name.StartsWith("竞登")).Select(c => c.Id).ToListAsync(Ct);
        Assert.Equal(2, imported.Count);
        Assert.Equal(1, await db.Children.CountAsync(c => c.CitizenIdNumber == ids[1], Ct));
        var jobId = status.GetProperty("id").GetString();
        var entries = await db.AuditEntries.Where(a => a.EntityId == jobId && a.Action == "ImportRowsCommitted").Select(a => a.Sequence).ToListAsync(Ct);
        var listed = await db.AuditChildren.Where(c => entries.Contains(c.Sequence)).Select(c => c.ChildId).ToListAsync(Ct);
        Assert.Equal(imported.Order(), listed.Order());
    }

    [Fact]
    public async Task Reimport_OfTheSameRows_ChangesNothing_TheRowsAreTheRegisteredChildren()
    {
        using var officer = await app.UserAsync("CivilAffairsOfficer", "430702");
        var ids = Enumerable.Range(0, 3).Select(_ => ShouhuApp.NewIdNumber(new DateOnly(2017, 5, 5), true)).ToList();
        var rows = ids.Select((id, i) => Rows.Child(2 + i, "重导" + i, id, ShouhuApp.VillageA)).ToList();
        for (var round = 0; round < 2; round++)
        {
            var created = await officer.PostAsync("/api/v1/imports", Rows.File(rows), Ct);
            var location = created.Headers.Location!.OriginalString;
            var status = await SettledAsync(officer, location);
            Assert.Equal("validated", status.GetProperty("status").GetString());
            Assert.Equal(round == 0 ? (3, 0) : (0, 3), (status.GetProperty("rowsValid").GetInt32(), status.GetProperty("rowsRegistered").GetInt32()));
            Assert.Equal(HttpStatusCode.Accepted, (await officer.PostAsJsonAsync($"{location}/commit", new { skipInvalid = false }, Ct)).StatusCode);
            Assert.Equal("committed", (await SettledAsync(officer, location)).GetProperty("status").GetString());
            Assert.Equal(3, await ChildrenNamedAsync("重导"));
        }
    }

    [Fact]
    public async Task DetailsPage_WithNothingToImport_SaysWhy_AndOffersNoConfirmation()
    {
        using var officer = await app.UserAsync("CivilAffairsOfficer", "430702");
        using var page = await app.PageUserAsync("CivilAffairsOfficer", "430702");
        async Task<string> DetailsAsync(IEnumerable<SurveyRowRead> rows)
        {
            var created = await officer.PostAsync("/api/v1/imports", Rows.File(rows), Ct);
            var location = created.Headers.Location!.OriginalString;
            await SettledAsync(officer, location);
            return System.Net.WebUtility.HtmlDecode(await page.GetStringAsync("/Imports/" + location.Split('/')[^1], Ct));
        }

        // Every row faulty: no confirmation form, the reason and the way out instead.
        var faulty = await DetailsAsync([Rows.Faulty(2, "身份证号码", "123", "公民身份号码应为 18 位"), Rows.Faulty(3, "性别", "x", "性别应为男或女")]);
        Assert.DoesNotContain("id=\"commit\"", faulty);
        Assert.Contains("没有可导入的行：2 行未通过核查。请下载核查报告", faulty);

        // Every row already registered and unchanged: the same, with that reason.
        var rows = new[] { Rows.Child(2, "无变童", ShouhuApp.NewIdNumber(new DateOnly(2016, 3, 3), true), ShouhuApp.VillageA) };
        var first = await officer.PostAsync("/api/v1/imports", Rows.File(rows), Ct);
        await SettledAsync(officer, first.Headers.Location!.OriginalString);
        await officer.PostAsJsonAsync($"{first.Headers.Location!.OriginalString}/commit", new { skipInvalid = false }, Ct);
        Assert.Equal("committed", (await SettledAsync(officer, first.Headers.Location!.OriginalString)).GetProperty("status").GetString());
        var unchanged = await DetailsAsync(rows);
        Assert.DoesNotContain("id=\"commit\"", unchanged);
        Assert.Contains("没有可导入的行：1 名儿童已登记且档案无变化。", unchanged);

        // A row that passes keeps the confirmation.
        var passing = await DetailsAsync([Rows.Child(2, "新来童", ShouhuApp.NewIdNumber(new DateOnly(2016, 4, 4), true), ShouhuApp.VillageA)]);
        Assert.Contains("id=\"commit\"", passing);
        Assert.DoesNotContain("nothing-to-import", passing);
    }

    [Fact]
    public async Task Import_IsSeenOnlyInItsJurisdictionAndAbove_AndOnlyByRegisterWriters()
    {
        using var officer = await app.UserAsync("CivilAffairsOfficer", "430702");
        var created = await officer.PostAsync("/api/v1/imports", Rows.File([Rows.Child(2, "辖区童", ShouhuApp.NewIdNumber(new DateOnly(2016, 6, 6), true), ShouhuApp.VillageA)]), Ct);
        var location = created.Headers.Location!.OriginalString;
        await SettledAsync(officer, location);

        using var city = await app.UserAsync("CivilAffairsOfficer", "4307");
        using var otherCounty = await app.UserAsync("CivilAffairsOfficer", "430703");
        using var township = await app.UserAsync("ChildSupervisor", "430702001");
        using var hotline = await app.UserAsync("HotlineOperator", "430702");
        Assert.Equal(HttpStatusCode.OK, (await city.GetAsync(location, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCounty.GetAsync(location, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await township.GetAsync(location, Ct)).StatusCode); // below the import's jurisdiction
        Assert.Equal(HttpStatusCode.NotFound, (await otherCounty.PostAsJsonAsync($"{location}/commit", new { skipInvalid = true }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await hotline.GetAsync(location, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await hotline.PostAsync("/api/v1/imports", Rows.File([]), Ct)).StatusCode);
    }

    [Fact]
    public async Task Upload_BadInput_NamesTheField_AndAnUnreadableFileFailsWithItsReason()
    {
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        Assert.True((await Json(await director.PostAsync("/api/v1/imports", Rows.File([Rows.Child(2, "日期童", ShouhuApp.NewIdNumber(new DateOnly(2016, 7, 7), true), ShouhuApp.VillageA)], "2099-01-01"), Ct))).GetProperty("errors").TryGetProperty("asOf", out _));
        Assert.True((await Json(await director.PostAsync("/api/v1/imports", Rows.File([Rows.Child(2, "日期童", ShouhuApp.NewIdNumber(new DateOnly(2016, 7, 7), true), ShouhuApp.VillageA)], "2026/06/30"), Ct))).GetProperty("errors").TryGetProperty("asOf", out _));
        Assert.True((await Json(await director.PostAsync("/api/v1/imports", new MultipartFormDataContent { { new ByteArrayContent([]), "file", "空.xlsx" } }, Ct))).GetProperty("errors").TryGetProperty("file", out _));
        Assert.True((await Json(await director.PostAsync("/api/v1/imports", new StringContent("{}", Encoding.UTF8, "application/json"), Ct))).GetProperty("errors").TryGetProperty("file", out _));

        var unreadable = await director.PostAsync("/api/v1/imports", new MultipartFormDataContent { { new ByteArrayContent("NOT A SPREADSHEET"u8.ToArray()), "file", "a.xlsx" } }, Ct);
        var status = await SettledAsync(director, unreadable.Headers.Location!.OriginalString);
        Assert.Equal(("failed", "文件不是 Excel（.xlsx）或 CSV 文件"), (status.GetProperty("status").GetString(), status.GetProperty("failure").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await director.PostAsJsonAsync($"{unreadable.Headers.Location!.OriginalString}/commit", new { skipInvalid = true }, Ct)).StatusCode);
    }
}
