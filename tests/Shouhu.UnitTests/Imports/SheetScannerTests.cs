using System.Text;
using Shouhu.Imports;
using Shouhu.TestData;
using Xunit;

namespace Shouhu.UnitTests.Imports;

/// <summary>
/// The byte walk of a sheet (<see cref="SheetScanner"/>) finds what the XmlReader walk finds — merged ranges, row elements
/// that hold a cell, the first row numbers — on every way the XML may be written, across its buffer's boundaries, and gives
/// up (null) on what it does not follow.
/// </summary>
public class SheetScannerTests
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static MemoryStream Utf8(string xml, bool bom = false) =>
        new MemoryStream([.. bom ? Encoding.UTF8.GetPreamble() : [], .. Encoding.UTF8.GetBytes(xml)]);

    private static void AssertSameAsXmlReader(string xml, int afterRow = 0)
    {
        var scan = SheetScanner.TryScan(Utf8(xml), afterRow);
        var walk = XlsxSource.Walk(Utf8(xml), afterRow);
        Assert.NotNull(scan);
        Assert.Equal(walk.RowElements, scan.RowElements);
        Assert.Equal(walk.FirstRows, scan.FirstRows);
        Assert.Equal(walk.Merges, scan.Merges);
    }

    public static TheoryData<string> Sheets => new()
    {
        // Unprefixed, as Excel writes it; rows numbered with gaps, one of them a row element with no cell.
        $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{Main}"><sheetData><row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c></row><row r="3"/><row r="5"><c r="A5"><v>1</v></c></row></sheetData><mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="B5:B9"/></mergeCells></worksheet>""",
        // The OpenXml SDK's prefix, no declaration.
        $"""<x:worksheet xmlns:x="{Main}"><x:sheetData><x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>row mergeCell &lt;row r="9"&gt;</x:t></x:is></x:c></x:row><x:row r="4"></x:row></x:sheetData><x:mergeCells><x:mergeCell ref="A2:A4"></x:mergeCell></x:mergeCells></x:worksheet>""",
        // Rows without a number follow the one before; attributes in single quotes, with spaces and new lines around '='.
        $"""<?xml version='1.0'?>{"\r\n"}<worksheet xmlns="{Main}">{"\n"}<sheetData>{"\n"}  <row><c><v>1</v></c></row>{"\n"}  <row{"\t"}ht = '15' r = '7' ><c><v>2</v></c></row>{"\n"}  <row><c><v>3</v></c></row>{"\n"}  <row customHeight="1"/>{"\n"}</sheetData>{"\n"}<rowBreaks count="1"><brk id="3"/></rowBreaks><mergeCells count="1"><mergeCell  ref='D1:E2' /></mergeCells></worksheet>""",
        // Names that contain the searched ones: an element named throw, text "grow", a prefix of several letters.
        $"""<s:worksheet xmlns:s="{Main}" xmlns:o="urn:other"><s:sheetData><s:row r="1"><s:c t="inlineStr"><s:is><s:t>grow:row</s:t></s:is></s:c></s:row><o:throw/><o:mergeCells/></s:sheetData></s:worksheet>""",
        // No data, no merges.
        $"""<worksheet xmlns="{Main}"><sheetData/></worksheet>""",
    };

    [Theory]
    [MemberData(nameof(Sheets))]
    public void TryScan_FindsWhatTheXmlReaderFinds(string xml)
    {
        AssertSameAsXmlReader(xml);
        AssertSameAsXmlReader(xml, afterRow: 2);
    }

    [Theory]
    [InlineData("")]
    [InlineData("x:")]
    public void TryScan_FindsWhatTheXmlReaderFinds_AcrossItsBuffers(string prefix)
    {
        // About 3 MB: the 1 MB chunks end inside tags, attribute values and text; a byte order mark in front.
        var xml = new StringBuilder($"""<?xml version="1.0" encoding="utf-8"?><{prefix}worksheet xmlns{(prefix.Length > 0 ? ":x" : string.Empty)}="{Main}"><{prefix}sheetData>""");
        for (var r = 1; r <= 20_000; r++)
        {
            xml.Append(r % 97 == 0 ? $"""<{prefix}row r="{r}"/>""" : $"""<{prefix}row r="{r}" spans="1:2"><{prefix}c r="A{r}" t="inlineStr"><{prefix}is><{prefix}t>{new string('行', r % 40)}𠮷row</{prefix}t></{prefix}is></{prefix}c><{prefix}c r="B{r}"><{prefix}v>{r}</{prefix}v></{prefix}c></{prefix}row>""");
        }

        xml.Append($"""</{prefix}sheetData><{prefix}mergeCells>""");
        for (var m = 1; m <= 500; m++)
        {
            xml.Append($"""<{prefix}mergeCell ref="A{m * 10}:B{(m * 10) + 1}"/>""");
        }

        xml.Append($"""</{prefix}mergeCells></{prefix}worksheet>""");
        var text = xml.ToString();
        Assert.True(Encoding.UTF8.GetByteCount(text) > 3 << 20);
        var scan = SheetScanner.TryScan(Utf8(text, bom: true), 0);
        var walk = XlsxSource.Walk(Utf8(text, bom: true), 0);
        Assert.NotNull(scan);
        Assert.Equal(20_000 - (20_000 / 97), scan.RowElements);
        Assert.Equal(walk.RowElements, scan.RowElements);
        Assert.Equal(walk.FirstRows, scan.FirstRows);
        Assert.Equal(500, scan.Merges.Count);
        Assert.Equal(walk.Merges, scan.Merges);
    }

    [Theory]
    [InlineData($"""<worksheet xmlns="{Main}"><sheetData><!-- <row r="1"/> --><row r="2"><c/></row></sheetData></worksheet>""")]
    [InlineData($"""<worksheet xmlns="{Main}"><sheetData><row r="2"><c t="inlineStr"><is><t><![CDATA[<row r="3">]]></t></is></c></row></sheetData></worksheet>""")]
    [InlineData($"""<?xml version="1.0"?><!DOCTYPE worksheet><worksheet xmlns="{Main}"/>""")]
    [InlineData($"""<worksheet xmlns="{Main}"><?pi <row r="1"> ?><sheetData/></worksheet>""")]
    [InlineData($"""<worksheet xmlns="{Main}"><sheetData><row r="&#49;"><c/></row></sheetData></worksheet>""")]
    [InlineData($"""<worksheet xmlns="{Main}"><sheetData><row r=1><c/></row></sheetData></worksheet>""")]
    [InlineData("not xml at all")]
    public void TryScan_GivesUp_OnMarkupItDoesNotFollow(string xml) =>
        Assert.Null(SheetScanner.TryScan(Utf8(xml), 0));

    [Fact]
    public void TryScan_GivesUp_OnUtf16()
    {
        var xml = $"""<?xml version="1.0" encoding="UTF-16"?><worksheet xmlns="{Main}"><sheetData><row r="1"><c/></row></sheetData></worksheet>""";
        Assert.Null(SheetScanner.TryScan(new MemoryStream([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(xml)]), 0));
        Assert.Null(SheetScanner.TryScan(new MemoryStream(Encoding.BigEndianUnicode.GetBytes(xml)), 0));
    }

    [Fact]
    public void Workbook_ThroughTheSource_GivesItsMergesAndEstimate()
    {
        // A sheet written by the workbook builder, with merged cells above and in the data, rows hidden and with gaps.
        var header = SurveyFields.Of(SurveyFields.ChildSheet).Select(f => (object?)f.Header).ToArray();
        var rows = new List<SheetRowSpec> { new(["2016年农村留守儿童基本情况登记表"]), new(header, Number: 3) };
        rows.AddRange(Enumerable.Range(0, 400).Select(i => new SheetRowSpec([i + 1, "儿童" + i], Hidden: i % 7 == 0, Number: 4 + (i * 3))));
        var content = new XlsxBuilder().Sheet(SurveyFields.ChildSheet, rows, ["A1:F1", "C10:C12"]).Build();
        using var source = SurveySources.Open(content, null, out var refusal)!;
        Assert.Null(refusal);
        Assert.Equal([new MergedRange(1, 0, 1, 5), new MergedRange(10, 2, 12, 2)], source.MergedRanges(SurveyFields.ChildSheet));
        using var reading = SurveyReading.Open(content, null, out _)!;
        Assert.Equal(400, reading.EstimateChildRows());
    }
}
