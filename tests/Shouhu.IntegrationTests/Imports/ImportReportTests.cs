using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Shouhu.Imports;
using Shouhu.TestData;
using Shouhu.Web.Features.Imports;
using Shouhu.Web.Shared;
using static Shouhu.IntegrationTests.Api;
using Columns = Shouhu.Imports.Columns;

namespace Shouhu.IntegrationTests.Imports;

/// <summary>A workbook read back for the report's tests: per sheet each cell's text and whether it is marked, and the comments.</summary>
internal sealed record ReadSheet(Dictionary<(int Row, int Column), string> Cells, HashSet<(int Row, int Column)> Marked, Dictionary<(int Row, int Column), string> Comments, bool HasVml);

/// <summary>Reads an .xlsx with DocumentFormat.OpenXml, independently of the code that wrote it.</summary>
internal static class WorkbookReader
{
    public static Dictionary<string, ReadSheet> Read(byte[] content)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(content), false);
        var wb = doc.WorkbookPart!;
        var shared = wb.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var formats = wb.WorkbookStylesPart?.Stylesheet.CellFormats?.Elements<CellFormat>().ToList() ?? [];
        var fills = wb.WorkbookStylesPart?.Stylesheet.Fills?.Elements<Fill>().ToList() ?? [];
        bool IsMarked(uint s) => s < formats.Count && formats[(int)s].FillId?.Value is { } f && f < fills.Count
            && fills[(int)f].PatternFill?.ForegroundColor?.Rgb?.Value == ReportWorkbook.MarkColour;
        var result = new Dictionary<string, ReadSheet>(StringComparer.Ordinal);
        foreach (var sheet in wb.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)wb.GetPartById(sheet.Id!);
            var cells = new Dictionary<(int, int), string>();
            var marked = new HashSet<(int, int)>();
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                var column = -1;
                foreach (var c in row.Elements<Cell>())
                {
                    column = Columns.TryParse(c.CellReference?.Value, out var i, out _) ? i : column + 1;
                    var at = ((int)row.RowIndex!.Value, column);
                    var text = c.DataType?.Value == CellValues.SharedString ? shared[int.Parse(c.CellValue!.Text)]
                        : c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText
                        : c.CellValue?.Text ?? string.Empty;
                    if (text.Length > 0)
                    {
                        cells[at] = text;
                    }

                    if (IsMarked(c.StyleIndex?.Value ?? 0))
                    {
                        marked.Add(at);
                    }
                }
            }

            var comments = new Dictionary<(int, int), string>();
            foreach (var comment in part.WorksheetCommentsPart?.Comments.CommentList?.Elements<Comment>() ?? [])
            {
                Assert.True(Columns.TryParse(comment.Reference!.Value, out var col, out var r));
                comments[(r, col)] = comment.CommentText!.InnerText;
            }

            var hasVml = part.VmlDrawingParts.Any() && part.Worksheet.GetFirstChild<LegacyDrawing>() is not null;
            result[sheet.Name!.Value!] = new ReadSheet(cells, marked, comments, hasVml);
        }

        return result;
    }
}

/// <summary>
/// Issue #12 item 4 through the API: <c>GET /api/v1/imports/{id}/report</c> gives the user's own workbook with 错误说明 and
/// the faulty cells marked (fill and comment), nothing else changed; masked by the caller's view; only while the upload is kept.
/// </summary>
public sealed class ImportReportTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateOnly AsOf = new(2026, 6, 30);

    private async Task<(HttpClient Officer, string Location, JsonElement Status)> ImportAsync(byte[] content, string name)
    {
        await SurveyImportTests.SeedGeneratorRegionsAsync(app);
        var officer = await app.UserAsync("CivilAffairsOfficer", SurveyGenerator.County);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", name }, { new StringContent("2026-06-30"), "asOf" } };
        var created = await officer.PostAsync("/api/v1/imports", form, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;
        return (officer, location, await ImportPipelineTests.SettledAsync(officer, location, TimeSpan.FromMinutes(3)));
    }

    private static async Task<List<JsonElement>> ErrorsAsync(HttpClient client, string location, int total)
    {
        var errors = new List<JsonElement>();
        for (var page = 1; errors.Count < total; page++)
        {
            errors.AddRange((await OkJson(await client.GetAsync($"{location}?page={page}", Ct))).GetProperty("errors").EnumerateArray());
        }

        return errors;
    }

    [Fact]
    public async Task Report_NotesExactlyThePlantedFaults_MarksExactlyTheirCells_LeavesEveryOtherRowAsItWas()
    {
        var survey = SurveyGenerator.Generate(400, 40, AsOf, seed: 31);
        var (officer, location, status) = await ImportAsync(survey.Content, "摸底表.xlsx");
        using var _ = officer;
        var errors = await ErrorsAsync(officer, location, status.GetProperty("errorsTotal").GetInt32());

        var response = await officer.GetAsync($"{location}/report", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxStreamWriter.ContentType, response.Content.Headers.ContentType?.MediaType);
        var report = WorkbookReader.Read(await response.Content.ReadAsByteArrayAsync(Ct));
        var original = WorkbookReader.Read(survey.Content);

        foreach (var sheetName in new[] { SurveyFields.ChildSheet, SurveyFields.FamilySheet })
        {
            var sheet = report[sheetName];
            var before = original[sheetName];
            var last = before.Cells.Keys.Max(k => k.Column);
            var note = last + 1;
            Assert.Equal(ReportWorkbook.NoteHeader, sheet.Cells[(1, note)]);
            var header = before.Cells.Where(c => c.Key.Row == 1).ToDictionary(c => c.Value, c => c.Key.Column);
            var planted = survey.Faults.Where(f => f.Sheet == sheetName).Select(f => (f.Row, header[f.Column])).ToHashSet();
            var faultyRows = planted.Select(p => p.Row).ToHashSet();

            // 错误说明: on exactly the rows with problems, exactly the messages the dry run gave for that row.
            var noted = sheet.Cells.Where(c => c.Key.Column == note && c.Key.Row > 1).ToDictionary(c => c.Key.Row, c => c.Value);
            var said = errors.Where(e => e.GetProperty("sheet").GetString() == sheetName).GroupBy(e => e.GetProperty("row").GetInt32())
                .ToDictionary(g => g.Key, g => g.Select(e => e.GetProperty("message").GetString()!).ToHashSet());
            Assert.Equal(faultyRows.Order(), noted.Keys.Order());
            Assert.Equal(said.Keys.Order(), noted.Keys.Order());
            foreach (var (row, text) in noted)
            {
                Assert.True(said[row].SetEquals(text.Split('\n')), $"row {row}: {text}");
            }

            // The marked cells are the faulty ones, each with its message as a comment.
            Assert.True(planted.SetEquals(sheet.Marked), $"{sheetName}: not marked {string.Join(",", planted.Except(sheet.Marked))}; marked but not planted {string.Join(",", sheet.Marked.Except(planted))}");
            Assert.True(sheet.HasVml);
            Assert.Equal(planted.Order(), sheet.Comments.Keys.Order());
            foreach (var (at, text) in sheet.Comments)
            {
                Assert.Subset(said[at.Row], text.Split('\n').ToHashSet());
            }

            // Every cell of the user's is still there, unchanged.
            foreach (var (at, text) in before.Cells)
            {
                Assert.Equal(text, sheet.Cells.GetValueOrDefault(at));
            }

            Assert.DoesNotContain(sheet.Cells.Keys, k => k.Column != note && !before.Cells.ContainsKey(k));
        }

        await using var db = app.SystemDb();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "ImportReport" && a.EntityId == location.Substring(location.LastIndexOf('/') + 1), Ct));
    }

    private static (byte[] Content, List<(int Row, string Header)> Faults) SmallSurvey(int seed)
    {
        var fields = SurveyFields.Of(SurveyFields.ChildSheet);
        var random = new Random(seed);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<SheetRowSpec> { new(fields.Select(f => (object?)f.Header).ToList()) };
        var faults = new List<(int, string)>();
        for (var r = 2; r < 14; r++)
        {
            var v = SurveyGenerator.ValidChild(r, AsOf, random, withId: true, usedIds: used);
            v[SurveyField.Address] = "𠮷村" + r + "组";
            if (r % 3 == 0)
            {
                v[SurveyField.Name] = "𠮷" + v[SurveyField.Name];
            }

            if (r % 4 == 0)
            {
                v[SurveyField.Sex] = "未知";
                faults.Add((r, SurveyFields.Info(SurveyField.Sex).Header));
            }

            rows.Add(new(fields.Select(f => v.GetValueOrDefault(f.Field)).ToList()));
        }

        return (new XlsxBuilder().Sheet(SurveyFields.ChildSheet, rows).Build(), faults);
    }

    [Fact]
    public async Task Report_KeepsCharactersOutsideTheBmp_InFaultyAndCleanRows()
    {
        var (content, faults) = SmallSurvey(41);
        var (officer, location, _) = await ImportAsync(content, "摸底表.xlsx");
        using var __ = officer;
        var report = WorkbookReader.Read(await (await officer.GetAsync($"{location}/report", Ct)).Content.ReadAsByteArrayAsync(Ct))[SurveyFields.ChildSheet];
        var original = WorkbookReader.Read(content)[SurveyFields.ChildSheet];
        Assert.Contains(original.Cells.Values, v => v.StartsWith("𠮷", StringComparison.Ordinal));
        foreach (var (at, text) in original.Cells)
        {
            Assert.Equal(text, report.Cells[at]);
        }

        Assert.Equal(faults.Select(f => f.Row).Order(), report.Marked.Select(m => m.Row).Order());
    }

    [Fact]
    public async Task Report_OfACsv_IsAnXlsxOfItsRows_WithTheSameMarks()
    {
        var header = new[] { "姓名", "性别", "出生日期", "现居住地", "详细地址" };
        var csv = string.Join("\n", [string.Join(",", header), "𠮷小明,男,2016-05-01,甲1村,𠮷村3组", "王小红,未知,2015-03-02,甲1村,2组", "赵小华,女,2014-07-07,甲1村,5组"]) + "\n";
        var (officer, location, status) = await ImportAsync(Encoding.UTF8.GetBytes(csv), "摸底表.csv");
        using var _ = officer;
        Assert.Equal("invalid", status.GetProperty("status").GetString());
        var report = WorkbookReader.Read(await (await officer.GetAsync($"{location}/report", Ct)).Content.ReadAsByteArrayAsync(Ct))[SurveyFields.ChildSheet];
        Assert.Equal("𠮷小明", report.Cells[(2, 0)]);
        Assert.Equal("𠮷村3组", report.Cells[(2, 4)]);
        Assert.Equal(ReportWorkbook.NoteHeader, report.Cells[(1, 5)]);
        Assert.Equal([(3, 1)], report.Marked);
        Assert.Equal([(3, 1)], report.Comments.Keys);
        Assert.False(report.Cells.ContainsKey((2, 5)));
        Assert.True(report.Cells.ContainsKey((3, 5)));
    }

    [Fact]
    public async Task Report_ForAViewThatMasksNumbers_MasksEveryIdNumberOfTheWorkbook()
    {
        var survey = SurveyGenerator.Generate(60, 6, AsOf, seed: 37);
        var rows = survey.Faults.GroupBy(f => (f.Sheet, f.Row)).Select(g => new ReportRow(g.Key.Sheet, g.Key.Row, [(null, "测试")])).ToList();
        var headerRows = new Dictionary<string, int> { [SurveyFields.ChildSheet] = 1, [SurveyFields.FamilySheet] = 1 };
        string Everything(PersonalDataView view)
        {
            using var output = new MemoryStream();
            ReportWorkbook.Write(survey.Content, output, rows, headerRows, view);
            return string.Join("|", WorkbookReader.Read(output.ToArray()).Values.SelectMany(s => s.Cells.Values));
        }

        var idShape = new System.Text.RegularExpressions.Regex(@"\b\d{17}[\dX]\b");
        Assert.Matches(idShape, Everything(PersonalDataPolicy.For("CivilAffairsOfficer", OutputChannel.ImportReport)));
        var masked = Everything(PersonalDataPolicy.For("HotlineOperator", OutputChannel.ImportReport));
        Assert.DoesNotMatch(idShape, masked);
        Assert.Contains("********", masked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_AfterTheCommit_Is410_AnotherJurisdiction404_AndAHotlineOperator403()
    {
        var (content, _) = SmallSurvey(43);
        var (officer, location, _) = await ImportAsync(content, "摸底表.xlsx");
        using var __ = officer;
        using (var other = await app.UserAsync("CivilAffairsOfficer", "430702"))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{location}/report", Ct)).StatusCode);
        }

        using (var hotline = await app.UserAsync("HotlineOperator", SurveyGenerator.County))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await hotline.GetAsync($"{location}/report", Ct)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Accepted, (await officer.PostAsJsonAsync($"{location}/commit", new { skipInvalid = true }, Ct)).StatusCode);
        Assert.Equal("committed", (await ImportPipelineTests.SettledAsync(officer, location, TimeSpan.FromMinutes(2))).GetProperty("status").GetString());
        var gone = await officer.GetAsync($"{location}/report", Ct);
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Contains("不再提供", (await Json(gone)).GetProperty("detail").GetString());
    }
}
