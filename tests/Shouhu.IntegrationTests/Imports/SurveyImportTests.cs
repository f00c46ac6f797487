using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shouhu.Domain.Regions;
using Shouhu.TestData;
using static Shouhu.IntegrationTests.Api;

namespace Shouhu.IntegrationTests.Imports;

/// <summary>
/// Issue #12 "Done when", through the API on the real reader: a generated 10,000-row survey with 300 planted faults of
/// 31 kinds (<see cref="SurveyGenerator"/>) — the dry run names exactly those 300 by sheet, row and column and writes
/// nothing; the commit of the rest registers exactly the rows that passed.
/// </summary>
public sealed class SurveyImportTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task SeedGeneratorRegionsAsync() => SeedGeneratorRegionsAsync(app);

    /// <summary>Adds the generator's county, towns and villages (<see cref="SurveyGenerator.Regions"/>) that the app's database lacks.</summary>
    internal static async Task SeedGeneratorRegionsAsync(ShouhuApp app)
    {
        await using var db = app.SystemDb();
        var known = (await db.Regions.Select(r => r.Code).ToListAsync(Ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var (code, name) in SurveyGenerator.Regions().Where(r => !known.Contains(r.Code)))
        {
            db.Regions.Add(new Region { Code = code, Name = name, Level = RegionCode.LevelOf(code) ?? 0, ParentCode = code.Length switch { 4 => code[..2], 6 => code[..4], 9 => code[..6], 12 => code[..9], _ => null } });
        }

        await db.SaveChangesAsync(Ct);
    }

    private static async Task<List<JsonElement>> AllErrorsAsync(HttpClient client, string location, int total)
    {
        var errors = new List<JsonElement>();
        for (var page = 1; errors.Count < total; page++)
        {
            var items = (await OkJson(await client.GetAsync($"{location}?page={page}", Ct))).GetProperty("errors").EnumerateArray().ToList();
            Assert.NotEmpty(items);
            errors.AddRange(items);
        }

        return errors;
    }

    [Fact]
    public async Task Survey10000RowsWith300Faults_DryRunNamesExactlyThose_CommitRegistersTheRest()
    {
        await SeedGeneratorRegionsAsync();
        var asOf = new DateOnly(2026, 6, 30);
        var survey = SurveyGenerator.Generate(10_000, 300, asOf);
        using var officer = await app.UserAsync("CivilAffairsOfficer", SurveyGenerator.County);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(survey.Content), "file", "示例县摸底排查.xlsx" }, { new StringContent("2026-06-30"), "asOf" } };
        var created = await officer.PostAsync("/api/v1/imports", form, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;

        var status = await ImportPipelineTests.SettledAsync(officer, location, TimeSpan.FromMinutes(5));
        Assert.Equal("invalid", status.GetProperty("status").GetString());
        var total = status.GetProperty("errorsTotal").GetInt32();
        var errors = await AllErrorsAsync(officer, location, total);
        Assert.Equal(total, errors.Count); // the pages neither overlap nor miss one
        // The totals by kind kept on the job agree with the problems themselves.
        var kinds = status.GetProperty("errorKinds").EnumerateObject().ToDictionary(k => k.Name, k => k.Value.GetInt32());
        var counted = errors.GroupBy(e => Shouhu.Web.Features.Imports.ImportProblemTally.Kind(e.GetProperty("message").GetString()!)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(counted.OrderBy(k => k.Key, StringComparer.Ordinal), kinds.OrderBy(k => k.Key, StringComparer.Ordinal));
        Assert.True(kinds.Count >= 20, $"{kinds.Count} kinds");
        var named = errors.Select(e => (e.GetProperty("sheet").GetString()!, e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString()!)).ToHashSet();
        string Said((string Sheet, int Row, string Column) at) => string.Join("/", errors.Where(e => e.GetProperty("row").GetInt32() == at.Row && e.GetProperty("sheet").GetString() == at.Sheet).Select(e => e.GetProperty("message").GetString()));
        var planted = survey.Faults.Select(f => (f.Sheet, f.Row, f.Column)).ToHashSet();
        Assert.Equal(300, planted.Count);
        Assert.True(planted.SetEquals(named), $"not named: {string.Join("; ", planted.Except(named).Take(10))} | not planted: {string.Join("; ", named.Except(planted).Take(10).Select(n => $"{n} {Said(n)}"))}");
        await using (var db = app.SystemDb())
        {
            Assert.Equal(0, await db.Children.CountAsync(c => c.RegionCode.StartsWith(SurveyGenerator.County), Ct));
        }

        // A family member's fault makes its child's row invalid too: the rows that pass are those the reader itself passes.
        using var reading = Shouhu.Imports.SurveyReading.Open(survey.Content, null, out _)!;
        var passed = reading.Rows(new Shouhu.Imports.SurveyOptions(asOf, survey.Villages)).Count(r => r.IsValid);
        Assert.InRange(passed, 10_000 - 300, 10_000 - survey.Faults.Count(f => f.Sheet == "儿童"));
        // A row with the name and birth date of an earlier row (the generator's names repeat) is flagged, not passed silently.
        var flagged = status.GetProperty("rowsFlagged").GetInt32();
        Assert.Equal(passed, status.GetProperty("rowsValid").GetInt32() + flagged);
        var matches = await OkJson(await officer.GetAsync($"{location}/matches", Ct));
        Assert.Equal(flagged, matches.GetProperty("total").GetInt32());
        Assert.All(matches.GetProperty("items").EnumerateArray(), m => Assert.True(m.GetProperty("matches")[0].GetProperty("row").GetInt32() < m.GetProperty("row").GetInt32()));
        Assert.Equal(HttpStatusCode.Accepted, (await officer.PostAsJsonAsync($"{location}/commit", new { skipInvalid = true, flagged = "apply" }, Ct)).StatusCode);
        status = await ImportPipelineTests.SettledAsync(officer, location, TimeSpan.FromMinutes(10));
        Assert.Equal("committed", status.GetProperty("status").GetString());
        Assert.Equal(passed, status.GetProperty("rowsCommitted").GetInt32());
        await using (var db = app.SystemDb())
        {
            Assert.Equal(passed, await db.Children.CountAsync(c => c.RegionCode.StartsWith(SurveyGenerator.County), Ct));
        }
    }
}
