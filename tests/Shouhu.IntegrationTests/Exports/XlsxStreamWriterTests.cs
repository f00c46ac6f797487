using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;
using MiniExcelLibs;
using Shouhu.Web.Shared;

namespace Shouhu.IntegrationTests.Exports;

/// <summary>
/// The writer itself (ADR-011), called directly — no server, no database: it lives in the web project, which the unit
/// tests do not reference, so these run with the integration tests (the sheet split writes 1,048,580 rows, a few seconds).
/// </summary>
public sealed class XlsxStreamWriterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async IAsyncEnumerable<IReadOnlyList<object?>> Rows(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return [i];
        }

        await Task.CompletedTask;
    }

    private static async IAsyncEnumerable<IReadOnlyList<object?>> Of(params IReadOnlyList<object?>[] rows)
    {
        foreach (var r in rows)
        {
            yield return r;
        }

        await Task.CompletedTask;
    }

    private static int CountRows(ZipArchive zip, string path)
    {
        using var reader = XmlReader.Create(zip.GetEntry(path)!.Open());
        var rows = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "row")
            {
                rows++;
            }
        }

        return rows;
    }

    [Fact]
    public async Task Write_PastTheSheetLimit_StartsASecondSheetWithTheHeader()
    {
        var path = Path.Combine(Path.GetTempPath(), $"shouhu-split-{Guid.NewGuid():N}.xlsx");
        try
        {
            long written;
            await using (var file = File.Create(path))
            {
                written = await XlsxStreamWriter.WriteAsync(file, "名册", ["序号"], Rows(1_048_580), Ct);
            }

            Assert.Equal(1_048_580, written);
            using var zip = ZipFile.OpenRead(path);
            var workbook = XDocument.Load(zip.GetEntry("xl/workbook.xml")!.Open());
            Assert.Equal(["名册", "名册（2）"], workbook.Descendants().Where(e => e.Name.LocalName == "sheet").Select(e => (string?)e.Attribute("name")).ToList());
            Assert.Equal(1_048_576, CountRows(zip, "xl/worksheets/sheet1.xml")); // the header and 1,048,575 rows
            Assert.Equal(1 + 5, CountRows(zip, "xl/worksheets/sheet2.xml")); // the header again and the last 5
            var second = MiniExcel.Query(path, useHeaderRow: true, sheetName: "名册（2）").Cast<IDictionary<string, object>>().Select(r => Convert.ToInt64(r["序号"], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal([1_048_575L, 1_048_576, 1_048_577, 1_048_578, 1_048_579], second);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Write_NoRows_IsAWorkbookWithTheHeaderOnly()
    {
        using var stream = new MemoryStream();
        Assert.Equal(0, await XlsxStreamWriter.WriteAsync(stream, "空", ["甲", "乙"], Of(), Ct));
        stream.Position = 0;
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        var sheet = XDocument.Load(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var row = Assert.Single(sheet.Descendants(), e => e.Name.LocalName == "row");
        Assert.Equal(["甲", "乙"], row.Descendants().Where(e => e.Name.LocalName == "t").Select(t => t.Value).ToList());
    }

    public static TheoryData<string, string> Texts => new()
    {
        { "𠮷", "𠮷" },                          // U+20BB7, a surrogate pair
        { "阿依古丽·买买提", "阿依古丽·买买提" },
        { "a\u0000b", "a\uFFFDb" },              // XML 1.0 cannot hold U+0000: replaced, visibly
        { "\u0001\u001F", "\uFFFD\uFFFD" },
        { "x\uFFFEy", "x\uFFFDy" },
        { "\uD842", "\uFFFD" },                  // a lone surrogate
        { "\uDFB7z", "\uFFFDz" },
        { "行一\n行二\t制表\r", "行一\n行二\t制表\r" },
        { "  两端空格  ", "  两端空格  " },
        { "字面_x0041_转义", "字面_x0041_转义" }, // a literal escape stays literal (written _x005F_x0041_)
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public async Task Write_Text_ComesBackAsWritten_OrWithU_FFFD_WhereXmlCannotHoldIt(string text, string expected)
    {
        Assert.Equal(expected, XlsxStreamWriter.XmlSafe(text));
        using var stream = new MemoryStream();
        await XlsxStreamWriter.WriteAsync(stream, "字符", ["值"], Of([text]), Ct);
        stream.Position = 0;
        // Read back as a spreadsheet reader does (MiniExcel decodes the _xHHHH_ escape, as Excel does).
        Assert.Equal(expected, Assert.Single(stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>())["值"]);
        stream.Position = 0;
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        var sheet = XDocument.Load(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var cells = sheet.Descendants().Where(e => e.Name.LocalName == "c").ToList();
        Assert.Equal(XlsxStreamWriter.Escaped(expected), cells[1].Descendants().Single(e => e.Name.LocalName == "t").Value);
    }

    public static TheoryData<string> FormulaLike => ["=1+1", "=HYPERLINK(\"http://example.com\",\"点我\")", "+86 123", "-1", "@SUM(A1)", "\t=1", "\r=1"];

    [Theory]
    [MemberData(nameof(FormulaLike))]
    public async Task Write_FormulaLikeText_IsAnInlineStringWithAQuotePrefix_NeverAFormula(string text)
    {
        using var stream = new MemoryStream();
        await XlsxStreamWriter.WriteAsync(stream, "公式", ["值", "普通"], Of([text, "普通文字"]), Ct);
        stream.Position = 0;
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        var sheet = XDocument.Load(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        Assert.DoesNotContain(sheet.Descendants(), e => e.Name.LocalName == "f");
        var row = sheet.Descendants().Where(e => e.Name.LocalName == "row").ElementAt(1).Elements().ToList();
        Assert.Equal(("inlineStr", "2"), ((string?)row[0].Attribute("t"), (string?)row[0].Attribute("s")));
        Assert.Equal(XlsxStreamWriter.Escaped(text), row[0].Descendants().Single(e => e.Name.LocalName == "t").Value);
        Assert.Equal(("inlineStr", null), ((string?)row[1].Attribute("t"), (string?)row[1].Attribute("s")));
        var styles = XDocument.Load(zip.GetEntry("xl/styles.xml")!.Open());
        var formats = styles.Descendants().Single(e => e.Name.LocalName == "cellXfs").Elements().ToList();
        Assert.Equal("1", (string?)formats[2].Attribute("quotePrefix"));
        Assert.Equal("1", (string?)formats[1].Attribute("applyFont")); // the header's bold
    }

    [Fact]
    public async Task Write_Header_IsBold_AndNumbersAreNumbers()
    {
        using var stream = new MemoryStream();
        await XlsxStreamWriter.WriteAsync(stream, "表", ["名", "数"], Of(["甲", 12], ["乙", 3.5]), Ct);
        stream.Position = 0;
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        var sheet = XDocument.Load(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var rows = sheet.Descendants().Where(e => e.Name.LocalName == "row").Select(r => r.Elements().ToList()).ToList();
        Assert.All(rows[0], c => Assert.Equal("1", (string?)c.Attribute("s")));
        Assert.Null(rows[1][1].Attribute("t"));
        Assert.Equal("12", rows[1][1].Value);
        Assert.Equal("3.5", rows[2][1].Value);
        var fonts = XDocument.Load(zip.GetEntry("xl/styles.xml")!.Open()).Descendants().Single(e => e.Name.LocalName == "fonts").Elements().ToList();
        Assert.Contains(fonts[1].Elements(), e => e.Name.LocalName == "b");
    }
}
