using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouhu.Domain.Imports;
using Shouhu.Imports;
using Shouhu.TestData;
using Shouhu.Web.Features.Imports;
using static Shouhu.IntegrationTests.Api;

namespace Shouhu.IntegrationTests.Imports;

/// <summary>
/// Issue #12 item 2 through the API on the real reader: the dry run records each sheet's header row and column mapping,
/// the status shows it (<c>mapping</c>), and <c>PUT /api/v1/imports/{id}/mapping</c> corrects it and runs the dry run
/// again — a correction kept on the import, so a restarted runner uses it too.
/// </summary>
public sealed class ImportMappingTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateOnly AsOf = new(2026, 6, 30);
    private const int Children = 20;

    // A survey of valid children whose 公民身份号码 column is headed 证件号, which no synonym matches.
    private static byte[] SurveyWithUnknownIdHeader(int seed, string idHeader = "证件号")
    {
        var fields = SurveyFields.Of(SurveyFields.ChildSheet);
        var random = new Random(seed);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<SheetRowSpec> { new(fields.Select(f => (object?)(f.Field == SurveyField.CitizenIdNumber ? idHeader : f.Header)).ToList()) };
        for (var r = 2; r < Children + 2; r++)
        {
            var v = SurveyGenerator.ValidChild(r, AsOf, random, withId: true, usedIds: used);
            v[SurveyField.BirthDate] = null; // the register reads it from the ID number: without that column, every row lacks it
            rows.Add(new(fields.Select(f => v.GetValueOrDefault(f.Field)).ToList()));
        }

        return new XlsxBuilder().Sheet(SurveyFields.ChildSheet, rows).Build();
    }

    private static string IdLetter => Columns.Letter(SurveyFields.Of(SurveyFields.ChildSheet).ToList().FindIndex(f => f.Field == SurveyField.CitizenIdNumber));

    private async Task<(HttpClient Officer, string Location)> UploadAsync(byte[] content)
    {
        await SurveyImportTests.SeedGeneratorRegionsAsync(app);
        var officer = await app.UserAsync("CivilAffairsOfficer", SurveyGenerator.County);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", "摸底表.xlsx" }, { new StringContent("2026-06-30"), "asOf" } };
        var created = await officer.PostAsync("/api/v1/imports", form, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (officer, created.Headers.Location!.OriginalString);
    }

    private static JsonElement ColumnOf(JsonElement status, string letter) =>
        status.GetProperty("mapping")[0].GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("column").GetString() == letter);

    [Fact]
    public async Task UnknownIdHeader_IsListedUnmatched_EveryRowInvalid_CorrectedThroughPut_TheRerunPasses()
    {
        var (officer, location) = await UploadAsync(SurveyWithUnknownIdHeader(101));
        using var _ = officer;
        var status = await ImportPipelineTests.SettledAsync(officer, location, TimeSpan.FromMinutes(2));

        var sheet = status.GetProperty("mapping")[0];
        Assert.Equal(("儿童", 1), (sheet.GetProperty("sheet").GetString(), sheet.GetProperty("headerRow").GetInt32()));
        var columns = sheet.GetProperty("columns").EnumerateArray().ToList();
        Assert.Equal(SurveyFields.Of(SurveyFields.ChildSheet).Count, columns.Count);
        var unmatched = Assert.Single(columns, c => c.GetProperty("field").ValueKind == JsonValueKind.Null);
        Assert.Equal((IdLetter, "证件号"), (unmatched.GetProperty("column").GetString(), unmatched.GetProperty("header").GetString()));
        Assert.Equal("invalid", status.GetProperty("status").GetString());
        Assert.Equal((Children, Children, 0), (status.GetProperty("rowsTotal").GetInt32(), status.GetProperty("rowsInvalid").GetInt32(), status.GetProperty("rowsValid").GetInt32()));

        var put = await officer.PutAsJsonAsync($"{location}/mapping", new { sheet = "儿童", columns = new[] { new { column = IdLetter, field = "CitizenIdNumber" } } }, Ct);
        Assert.Equal(HttpStatusCode.Accepted, put.StatusCode);
        Assert.Equal("validating", (await Json(put)).GetProperty("status").GetString());

        status = await ImportPipelineTests.SettledAsync(officer, location, TimeSpan.FromMinutes(2));
        Assert.Equal("validated", status.GetProperty("status").GetString());
        Assert.Equal((Children, 0, Children), (status.GetProperty("rowsTotal").GetInt32(), status.GetProperty("rowsInvalid").GetInt32(), status.GetProperty("rowsValid").GetInt32()));
        Assert.Equal("CitizenIdNumber", ColumnOf(status, IdLetter).GetProperty("field").GetString());
        Assert.Equal(0, status.GetProperty("errorsTotal").GetInt32());
    }

    [Fact]
    public async Task Correction_IsKeptOnTheImport_ARestartedRunnerValidatesWithIt()
    {
        var (officer, location) = await UploadAsync(SurveyWithUnknownIdHeader(102, "证件"));
        using var _ = officer;
        await ImportPipelineTests.SettledAsync(officer, location, TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Accepted, (await officer.PutAsJsonAsync($"{location}/mapping", new { sheet = "儿童", columns = new[] { new { column = IdLetter, field = "CitizenIdNumber" } } }, Ct)).StatusCode);
        await ImportPipelineTests.SettledAsync(officer, location, TimeSpan.FromMinutes(2));

        // A crash in the middle of the rerun leaves the import validating; at the next start the runner takes it up again (ADR-013).
        var id = Guid.Parse(location[(location.LastIndexOf('/') + 1)..]);
        await using (var db = app.SystemDb())
        {
            var job = await db.ImportJobs.SingleAsync(j => j.Id == id, Ct);
            (job.Status, job.RowsValid, job.RowsInvalid, job.Mapping) = (ImportStatus.Validating, 0, 0, null);
            await db.SaveChangesAsync(Ct);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ImportWork>().RunAsync(id, Ct);
        }

        var status = await OkJson(await officer.GetAsync(location, Ct));
        Assert.Equal(("validated", Children), (status.GetProperty("status").GetString(), status.GetProperty("rowsValid").GetInt32()));
        Assert.Equal("CitizenIdNumber", ColumnOf(status, IdLetter).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Put_BadCorrections_Return400NamingTheField_AndChangeNothing()
    {
        var (officer, location) = await UploadAsync(SurveyWithUnknownIdHeader(103));
        using var _ = officer;
        await ImportPipelineTests.SettledAsync(officer, location, TimeSpan.FromMinutes(2));
        var nameLetter = Columns.Letter(SurveyFields.Of(SurveyFields.ChildSheet).ToList().FindIndex(f => f.Field == SurveyField.Name));

        Task<HttpResponseMessage> Put(object body) => officer.PutAsJsonAsync($"{location}/mapping", body, Ct);
        Assert.Contains("Nonsense", await ErrorOf(await Put(new { sheet = "儿童", columns = new[] { new { column = IdLetter, field = "Nonsense" } } }), "columns[0].field"));
        // A field of the other sheet is no field of this one.
        Assert.Contains("MemberRelation", await ErrorOf(await Put(new { sheet = "儿童", columns = new[] { new { column = IdLetter, field = "MemberRelation" } } }), "columns[0].field"));
        Assert.Contains("公民身份号码", await ErrorOf(await Put(new { sheet = "儿童", columns = new[] { new { column = IdLetter, field = "CitizenIdNumber" }, new { column = nameLetter, field = "CitizenIdNumber" } } }), "columns"));
        Assert.Contains("ZZ", await ErrorOf(await Put(new { sheet = "儿童", columns = new[] { new { column = "ZZ", field = "CitizenIdNumber" } } }), "columns[0].column"));
        Assert.Contains("花名册", await ErrorOf(await Put(new { sheet = "花名册", columns = new[] { new { column = IdLetter, field = "CitizenIdNumber" } } }), "sheet"));
        await ErrorOf(await Put(new { sheet = "儿童", columns = Array.Empty<object>() }), "columns");

        var status = await OkJson(await officer.GetAsync(location, Ct));
        Assert.Equal("invalid", status.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, ColumnOf(status, IdLetter).GetProperty("field").ValueKind);
    }

    [Fact]
    public async Task Put_OnceCommittedOrWhileValidating_Is409_AndAnotherJurisdictionGets404()
    {
        var (officer, location) = await UploadAsync(SurveyWithUnknownIdHeader(104));
        using var _ = officer;
        await ImportPipelineTests.SettledAsync(officer, location, TimeSpan.FromMinutes(2));
        var body = new { sheet = "儿童", columns = new[] { new { column = IdLetter, field = "CitizenIdNumber" } } };
        using (var other = await app.UserAsync("CivilAffairsOfficer", "430702"))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync($"{location}/mapping", body, Ct)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Accepted, (await officer.PutAsJsonAsync($"{location}/mapping", body, Ct)).StatusCode);
        var second = await officer.PutAsJsonAsync($"{location}/mapping", body, Ct);
        if (second.StatusCode != HttpStatusCode.Accepted)
        {
            Assert.Equal(HttpStatusCode.Conflict, second.StatusCode); // still validating the first correction
        }

        await ImportPipelineTests.SettledAsync(officer, location, TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Accepted, (await officer.PostAsJsonAsync($"{location}/commit", new { skipInvalid = false }, Ct)).StatusCode);
        Assert.Equal("committed", (await ImportPipelineTests.SettledAsync(officer, location, TimeSpan.FromMinutes(2))).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PutAsJsonAsync($"{location}/mapping", body, Ct)).StatusCode);
    }
}
