using Shouhu.Imports;
using Shouhu.TestData;
using Xunit;

namespace Shouhu.UnitTests.Imports;

/// <summary>What the xlsx reader makes of cells as Excel stores them (issue #12 item 1).</summary>
public class XlsxReadingTests
{
    private static List<SheetRow> Rows(byte[] xlsx, out ISurveySource source)
    {
        source = SurveySources.Open(xlsx, null, out var refusal) ?? throw new InvalidOperationException(refusal);
        return source.Rows(source.Sheets[0]).ToList();
    }

    [Fact]
    public void Cells_SharedStringsNumbersBooleansAndFormulas_AreReadAsStored()
    {
        var xlsx = new XlsxBuilder().Sheet("儿童", [SheetRowSpec.Of("张三", 13800000000L, true, new Formula("A1&\"\"", "张三丰"), new Formula("1+1", 2), null, "末列")]).Build();
        var row = Rows(xlsx, out var source)[0];
        using (source)
        {
            Assert.Equal(CellValue.OfText("张三"), row[0]);
            Assert.Equal(CellKind.Number, row[1]!.Value.Kind);
            Assert.Equal("13800000000", row[1]!.Value.Text);
            Assert.Equal(new CellValue(CellKind.Boolean, "TRUE"), row[2]);
            Assert.Equal("张三丰", row[3]!.Value.Text); // the formula's cached value, not its expression
            Assert.Equal(2d, row[4]!.Value.Number);
            Assert.Null(row[5]);
            Assert.Equal("末列", row[6]!.Value.Text);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Cells_DateFormattedNumbers_AreDatesInEitherSystem(bool date1904)
    {
        var day = new DateOnly(2014, 2, 28);
        var xlsx = new XlsxBuilder { Date1904 = date1904 }.Sheet("儿童", [SheetRowSpec.Of(day, new CustomDate(day), date1904 ? new DateOnly(1904, 1, 1) : new DateOnly(1900, 1, 1), new Number(41698))]).Build();
        var row = Rows(xlsx, out var source)[0];
        using (source)
        {
            Assert.Equal(date1904, source.Date1904);
            Assert.Equal(day, row[0]!.Value.Date);
            Assert.Equal(CellKind.Date, row[1]!.Value.Kind);
            Assert.Equal(day, row[1]!.Value.Date);
            Assert.Equal(date1904 ? new DateOnly(1904, 1, 1) : new DateOnly(1900, 1, 1), row[2]!.Value.Date);
            Assert.Equal(CellKind.Number, row[3]!.Value.Kind); // formatted as text (@): still a number, not a date
        }
    }

    [Fact]
    public void Sheets_Hidden_AreSkippedAndSaidSo()
    {
        var xlsx = new XlsxBuilder()
            .Sheet("旧数据", [SheetRowSpec.Of("姓名")], hidden: true)
            .Sheet("儿童", [SheetRowSpec.Of("姓名")])
            .Build();
        using var source = SurveySources.Open(xlsx, null, out _)!;
        Assert.Equal(["儿童"], source.Sheets);
        var notice = Assert.Single(source.Notices);
        Assert.Equal("工作表“旧数据”是隐藏的，未读取；如需导入请取消隐藏后重新上传", notice.Message);
    }

    [Fact]
    public void Rows_Hidden_AreReadAndMarked()
    {
        var xlsx = new XlsxBuilder().Sheet("儿童", [SheetRowSpec.Of("姓名"), SheetRowSpec.HiddenOf("张三"), SheetRowSpec.Of("李四")]).Build();
        var rows = Rows(xlsx, out var source);
        using (source)
        {
            Assert.Equal([false, true, false], rows.Select(r => r.Hidden));
            Assert.Equal("张三", rows[1][0]!.Value.Text);
        }
    }

    [Fact]
    public void MergedRanges_AreTold()
    {
        var xlsx = new XlsxBuilder().Sheet("儿童", [SheetRowSpec.Of("父亲", null, null)], ["A1:C1", "B3:B5"]).Build();
        using var source = SurveySources.Open(xlsx, null, out _)!;
        Assert.Equal([new MergedRange(1, 0, 1, 2), new MergedRange(3, 1, 5, 1)], source.MergedRanges("儿童"));
        Assert.Equal("B3:B5", source.MergedRanges("儿童")[1].ToString());
    }

    [Fact]
    public void Rows_OfALargeSheet_AreStreamed()
    {
        // 100,000 rows are read one by one: the reader yields the first before it has read the last.
        var xlsx = new XlsxBuilder().Sheet("儿童", Enumerable.Range(0, 100_000).Select(i => SheetRowSpec.Of("张三", i))).Build();
        using var source = SurveySources.Open(xlsx, null, out _)!;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var first = source.Rows("儿童").First();
        Assert.Equal(1, first.Number);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 50 << 20);
    }
}

/// <summary>The progress bar's quick count of the child rows agrees with the full read on what it may count.</summary>
public sealed class RowEstimateTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(37)]
    [InlineData(300)] // past the row numbers the sheet's walk keeps
    [InlineData(1000)]
    public void EstimateChildRows_OfRowsWithValues_IsTheCountOfTheFullRead(int children)
    {
        var header = SurveyFields.Of(SurveyFields.ChildSheet).Select(f => (object?)f.Header).ToArray();
        var rows = new List<SheetRowSpec> { new(["2016年农村留守儿童基本情况登记表"]), new(header, Number: 3) };
        // Rows numbered with gaps (Excel leaves blank rows out), some hidden, a few cells each.
        rows.AddRange(Enumerable.Range(0, children).Select(i => new SheetRowSpec([i + 1, "儿童" + i, null, "男"], Hidden: i % 5 == 0, Number: 4 + (i * 2))));
        using var reading = SurveyReading.Open(new XlsxBuilder().Sheet(SurveyFields.ChildSheet, rows).Build(), null, out var refusal)!;
        Assert.Null(refusal);
        Assert.Equal(children, reading.CountChildRows());
        Assert.Equal(reading.CountChildRows(), reading.EstimateChildRows());
    }
}

/// <summary>Strings as Excel stores them with a phonetic guide (rPh) or in runs, shared and inline (issue #12 item 3).</summary>
public class XlsxStringTests
{
    // A workbook written by hand: the builder writes neither phonetic guides nor runs.
    private static byte[] Workbook(string sharedStrings, string cells)
    {
        const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var parts = new Dictionary<string, string>
        {
            ["[Content_Types].xml"] = """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""",
            ["_rels/.rels"] = """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""",
            ["xl/workbook.xml"] = $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{Main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="儿童" sheetId="1" r:id="rId1"/></sheets></workbook>""",
            ["xl/_rels/workbook.xml.rels"] = """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>""",
            ["xl/worksheets/sheet1.xml"] = $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{Main}"><sheetData><row r="1">{cells}</row></sheetData></worksheet>""",
            ["xl/sharedStrings.xml"] = $"""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{Main}">{sharedStrings}</sst>""",
        };
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, xml) in parts)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new System.Text.UTF8Encoding(false));
                writer.Write(xml);
            }
        }

        return buffer.ToArray();
    }

    [Fact]
    public void Strings_PhoneticGuidesAreLeftOut_RunsAreJoined_SpacesKept_SharedAndInline()
    {
        var xlsx = Workbook(
            """<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/></si><si><r><t>张</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 三𠮷</t></r></si><si><t/></si><si><rPh sb="0" eb="1"><t>よみ</t></rPh><t>阿·依</t></si>""",
            """<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="inlineStr"><is><t>李</t><rPh sb="0" eb="1"><t>り</t></rPh></is></c><c r="F1" t="inlineStr"><is><r><t>王</t></r><r><t>五</t></r></is></c>""");
        using var source = SurveySources.Open(xlsx, null, out var refusal) ?? throw new InvalidOperationException(refusal);
        var row = Assert.Single(source.Rows("儿童"));
        Assert.Equal("漢字", row[0]!.Value.Text);
        Assert.Equal("张 三𠮷", row[1]!.Value.Text);
        Assert.True(row[2] is null || row[2]!.Value.Text.Length == 0);
        Assert.Equal("阿·依", row[3]!.Value.Text);
        Assert.Equal("李", row[4]!.Value.Text);
        Assert.Equal("王五", row[5]!.Value.Text);
    }
}
