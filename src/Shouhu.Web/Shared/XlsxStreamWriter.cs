using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Shouhu.Web.Shared;

/// <summary>
/// The one streamed .xlsx writer every list export uses (issue #12 item 8, ADR-011). Rows come in as an
/// <see cref="IAsyncEnumerable{T}"/> and go out as they come: each part is written by DocumentFormat.OpenXml's SAX
/// <see cref="OpenXmlWriter"/> straight into a zip entry (<see cref="ZipArchiveMode.Create"/>), so memory stays the same
/// for 100 or 1,000,000 rows — the SDK's own package would buffer every part in memory until it is saved. Text is
/// written as inline strings (no shared-string table held in memory), never as a formula; the header row is bold; past
/// <see cref="SheetRowLimit"/> rows (the header included) a further sheet <c>名称（2）</c>, <c>名称（3）</c> … starts with
/// the header again.
/// </summary>
/// <remarks>
/// Cell values: <c>null</c> or empty → an empty cell; <see cref="int"/>, <see cref="long"/>, <see cref="decimal"/>,
/// <see cref="double"/> → a number; anything else → its invariant text. Text keeps every character, also those outside
/// the Basic Multilingual Plane (𠮷, a surrogate pair) and <c>·</c>; a character XML 1.0 cannot hold (U+0000–U+001F other
/// than tab, line feed and carriage return, U+FFFE, U+FFFF, a lone surrogate) becomes U+FFFD (�) — see
/// <see cref="XmlSafe"/>; a carriage return is written as <c>_x000D_</c>, Excel's own escape (<see cref="Escaped"/>). Text beginning with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return is
/// written unchanged as an inline string with the cell style's quote prefix (<c>quotePrefix="1"</c>), so Excel shows and
/// keeps it as text — it is never evaluated (see ADR-011 for why no <c>'</c> is added to the value).
/// A title row and merged header cells (the 花名册 and 汇总表 layouts) fit in <see cref="WriteSheetStart"/>: rows before the
/// header and a <c>mergeCells</c> element after <c>sheetData</c>.
/// </remarks>
public static class XlsxStreamWriter
{
    /// <summary>Most rows of one worksheet, the header included (Excel's limit, 2^20).</summary>
    public const int SheetRowLimit = 1_048_576;

    /// <summary>The .xlsx content type.</summary>
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // Cell formats in styles.xml: 0 plain, 1 bold (header), 2 text with a quote prefix (formula-like text).
    private const uint BoldStyle = 1;
    private const uint QuotePrefixStyle = 2;

    /// <summary>
    /// Writes the workbook: <paramref name="columns"/> as the bold header of every sheet, then each row's cells in order.
    /// Returns the number of data rows (the headers not counted). <paramref name="output"/> need not be seekable and is
    /// left open.
    /// </summary>
    /// <param name="output">Where the .xlsx goes.</param>
    /// <param name="sheetName">The first sheet's name (at most 25 characters, leaving room for <c>（N）</c>).</param>
    /// <param name="columns">The header cells.</param>
    /// <param name="rows">The rows; each at most as many cells as <paramref name="columns"/> is expected, not enforced.</param>
    /// <param name="ct">Cancellation, checked between rows.</param>
    public static Task<long> WriteAsync(Stream output, string sheetName, IReadOnlyList<string> columns, IAsyncEnumerable<IReadOnlyList<object?>> rows, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return WriteAsync(output, sheetName, new SheetLayout([[.. columns]], columns.Count), rows, ct);
    }

    /// <summary>
    /// Writes the workbook with an official form's layout (the 花名册, the 汇总表): <see cref="SheetLayout.TopRows"/> (title,
    /// 填报单位, a grouped header …) in bold at the top of every sheet, frozen below them, with their merged ranges; then the
    /// rows. Returns the number of data rows.
    /// </summary>
    /// <param name="output">Where the .xlsx goes.</param>
    /// <param name="sheetName">The first sheet's name (at most 25 characters).</param>
    /// <param name="layout">The rows above the data and their merges.</param>
    /// <param name="rows">The rows.</param>
    /// <param name="ct">Cancellation, checked between rows.</param>
    public static async Task<long> WriteAsync(Stream output, string sheetName, SheetLayout layout, IAsyncEnumerable<IReadOnlyList<object?>> rows, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sheetName.Length, 25);
        long count = 0;
        var sheets = new List<string>();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8))
        {
            OpenXmlWriter? sheet = null;
            Stream? entry = null;
            uint rowIndex = 0;
            var references = ColumnNames(Math.Max(layout.TopRows.Select(r => r.Count).DefaultIfEmpty(0).Max(), Math.Max(layout.ColumnCount, 1)));
            try
            {
                await foreach (var row in rows.WithCancellation(ct))
                {
                    if (sheet is null || rowIndex == SheetRowLimit)
                    {
                        EndSheet(sheet, entry, layout.Merges);
                        sheets.Add(sheets.Count == 0 ? sheetName : $"{sheetName}（{sheets.Count + 1}）");
                        (sheet, entry) = StartSheet(zip, sheets.Count, layout);
                        rowIndex = WriteTop(sheet, layout, references);
                    }

                    if (references.Length < row.Count)
                    {
                        references = ColumnNames(row.Count);
                    }

                    WriteRow(sheet, ++rowIndex, row, references, 0);
                    count++;
                }

                if (sheet is null)
                {
                    sheets.Add(sheetName);
                    (sheet, entry) = StartSheet(zip, 1, layout);
                    WriteTop(sheet, layout, references);
                }
            }
            finally
            {
                EndSheet(sheet, entry, layout.Merges);
            }

            WritePackageParts(zip, sheets);
        }

        await output.FlushAsync(ct);
        return count;
    }

    /// <summary>
    /// <paramref name="text"/> with every character XML 1.0 cannot hold replaced by U+FFFD (�): C0 controls other than tab,
    /// line feed and carriage return, U+FFFE, U+FFFF and unpaired surrogates. Surrogate pairs (𠮷) are kept as they are.
    /// </summary>
    public static string XmlSafe(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder? fixedText = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var ok = c switch
            {
                '\t' or '\n' or '\r' => true,
                < ' ' => false,
                '\uFFFE' or '\uFFFF' => false,
                _ when char.IsHighSurrogate(c) => i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]),
                _ when char.IsLowSurrogate(c) => i > 0 && char.IsHighSurrogate(text[i - 1]),
                _ => true,
            };
            if (!ok)
            {
                fixedText ??= new StringBuilder(text, 0, i, text.Length);
                fixedText.Append('\uFFFD');
            }
            else
            {
                fixedText?.Append(c);
            }
        }

        return fixedText?.ToString() ?? text;
    }

    /// <summary>
    /// <paramref name="text"/> in the spreadsheet's own escape (ECMA-376 Part 1, 22.9.2.19 ST_Xstring), as Excel writes it:
    /// a carriage return as <c>_x000D_</c> (an XML reader would turn a literal one into a line feed), and the <c>_</c> of a
    /// literal <c>_xHHHH_</c> as <c>_x005F_</c>, so a reader that decodes the escape gives back the text as it was.
    /// </summary>
    public static string Escaped(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains('\r', StringComparison.Ordinal) && !text.Contains("_x", StringComparison.Ordinal))
        {
            return text;
        }

        var escaped = System.Text.RegularExpressions.Regex.Replace(text, "_(x[0-9A-Fa-f]{4}_)", "_x005F_$1");
        return escaped.Replace("\r", "_x000D_", StringComparison.Ordinal);
    }

    /// <summary>True when Excel (or a program reading the file re-saved as CSV) could take <paramref name="text"/> for a formula (OWASP "CSV injection").</summary>
    public static bool LooksLikeFormula(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    private static (OpenXmlWriter Writer, Stream Entry) StartSheet(ZipArchive zip, int number, SheetLayout layout)
    {
        var entry = zip.CreateEntry($"xl/worksheets/sheet{number}.xml", CompressionLevel.Fastest).Open();
        var writer = OpenXmlWriter.Create(entry, Encoding.UTF8);
        WriteSheetStart(writer, layout.ColumnCount, layout.TopRows.Count);
        return (writer, entry);
    }

    // The rows above the data, bold; returns the index of the last one written.
    private static uint WriteTop(OpenXmlWriter sheet, SheetLayout layout, string[] references)
    {
        uint index = 0;
        foreach (var row in layout.TopRows)
        {
            WriteRow(sheet, ++index, row, references, BoldStyle);
        }

        return index;
    }

    // The sheet up to its first row: frozen panes below the rows above the data, column widths.
    private static void WriteSheetStart(OpenXmlWriter writer, int columnCount, int frozenRows)
    {
        writer.WriteStartDocument();
        writer.WriteStartElement(new Worksheet());
        if (frozenRows > 0)
        {
            var topLeft = "A" + (frozenRows + 1).ToString(CultureInfo.InvariantCulture);
            writer.WriteElement(new SheetViews(new SheetView(new Pane { VerticalSplit = frozenRows, TopLeftCell = topLeft, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }));
        }

        if (columnCount > 0)
        {
            writer.WriteElement(new Columns(new Column { Min = 1, Max = (uint)columnCount, Width = 16, CustomWidth = true }));
        }

        writer.WriteStartElement(new SheetData());
    }

    private static void EndSheet(OpenXmlWriter? writer, Stream? entry, IReadOnlyList<string> merges)
    {
        if (writer is null)
        {
            return;
        }

        writer.WriteEndElement(); // sheetData
        if (merges.Count > 0)
        {
            writer.WriteElement(new MergeCells(merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)merges.Count });
        }

        writer.WriteEndElement(); // worksheet
        writer.Close();
        entry?.Dispose();
    }

    private static void WriteRow(OpenXmlWriter writer, uint rowIndex, IReadOnlyList<object?> cells, string[] references, uint style)
    {
        var index = rowIndex.ToString(CultureInfo.InvariantCulture);
        writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", string.Empty, index)]);
        for (var i = 0; i < cells.Count; i++)
        {
            WriteCell(writer, references[i] + index, cells[i], style);
        }

        writer.WriteEndElement();
    }

    private static void WriteCell(OpenXmlWriter writer, string reference, object? value, uint style)
    {
        switch (value)
        {
            case null:
            case string { Length: 0 }:
                return;
            case int or long or decimal or double:
                var number = Convert.ToString(value, CultureInfo.InvariantCulture)!;
                writer.WriteStartElement(new Cell(), CellAttributes(reference, null, style));
                writer.WriteElement(new CellValue(number));
                writer.WriteEndElement();
                return;
            default:
                var text = XmlSafe(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
                var cellStyle = style == 0 && LooksLikeFormula(text) ? QuotePrefixStyle : style;
                writer.WriteStartElement(new Cell(), CellAttributes(reference, "inlineStr", cellStyle));
                writer.WriteStartElement(new InlineString());
                writer.WriteElement(new Text(Escaped(text)) { Space = SpaceProcessingModeValues.Preserve });
                writer.WriteEndElement();
                writer.WriteEndElement();
                return;
        }
    }

    private static List<OpenXmlAttribute> CellAttributes(string reference, string? type, uint style)
    {
        var attributes = new List<OpenXmlAttribute>(3) { new("r", string.Empty, reference) };
        if (style != 0)
        {
            attributes.Add(new("s", string.Empty, style.ToString(CultureInfo.InvariantCulture)));
        }

        if (type is not null)
        {
            attributes.Add(new("t", string.Empty, type));
        }

        return attributes;
    }

    // A, B, … Z, AA, AB … for the first n columns.
    private static string[] ColumnNames(int n)
    {
        var names = new string[n];
        for (var i = 0; i < n; i++)
        {
            var name = string.Empty;
            for (var k = i + 1; k > 0; k = (k - 1) / 26)
            {
                name = (char)('A' + ((k - 1) % 26)) + name;
            }

            names[i] = name;
        }

        return names;
    }

    // The small parts around the sheets: styles, workbook with its sheet list, relationships and content types.
    private static void WritePackageParts(ZipArchive zip, List<string> sheets)
    {
        WritePart(zip, "xl/styles.xml", new Stylesheet(
            new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "等线" }), new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "等线" })) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
                new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, QuotePrefix = true }) { Count = 3 }));
        var workbook = new Workbook(new Sheets(sheets.Select((name, i) => new Sheet { Name = name, SheetId = (uint)(i + 1), Id = $"rId{i + 1}" })));
        workbook.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        WritePart(zip, "xl/workbook.xml", workbook);

        const string relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
        const string officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        var workbookRelationships = new StringBuilder($"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"{relationships}\">");
        for (var i = 0; i < sheets.Count; i++)
        {
            workbookRelationships.Append(CultureInfo.InvariantCulture, $"<Relationship Id=\"rId{i + 1}\" Type=\"{officeRelationships}/worksheet\" Target=\"worksheets/sheet{i + 1}.xml\"/>");
        }

        workbookRelationships.Append(CultureInfo.InvariantCulture, $"<Relationship Id=\"rId{sheets.Count + 1}\" Type=\"{officeRelationships}/styles\" Target=\"styles.xml\"/></Relationships>");
        WriteText(zip, "xl/_rels/workbook.xml.rels", workbookRelationships.ToString());
        WriteText(zip, "_rels/.rels", $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"{relationships}\">"
            + $"<Relationship Id=\"rId1\" Type=\"{officeRelationships}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");

        var types = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
        for (var i = 0; i < sheets.Count; i++)
        {
            types.Append(CultureInfo.InvariantCulture, $"<Override PartName=\"/xl/worksheets/sheet{i + 1}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }

        WriteText(zip, "[Content_Types].xml", types.Append("</Types>").ToString());
    }

    private static void WritePart(ZipArchive zip, string path, OpenXmlElement root)
    {
        using var entry = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
        using var writer = OpenXmlWriter.Create(entry, Encoding.UTF8);
        writer.WriteStartDocument(true);
        writer.WriteElement(root);
        writer.Close();
    }

    private static void WriteText(ZipArchive zip, string path, string xml)
    {
        using var entry = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
        using var writer = new StreamWriter(entry, new UTF8Encoding(false));
        writer.Write(xml);
    }
}

/// <summary>
/// The rows above the data of a sheet (an official form's title, its 填报单位 line, a one- or two-row header) and their
/// merged ranges (<c>A1:L1</c>), repeated on every further sheet; <see cref="ColumnCount"/> columns get the default width.
/// A list export's layout is its header row alone.
/// </summary>
/// <param name="TopRows">The rows above the data, written bold; the last one is the column header.</param>
/// <param name="ColumnCount">How many columns the sheet has.</param>
/// <param name="Merges">Merged ranges in A1 notation; empty for none.</param>
public sealed record SheetLayout(IReadOnlyList<IReadOnlyList<object?>> TopRows, int ColumnCount, IReadOnlyList<string>? Merges = null)
{
    /// <summary>The merged ranges (never null).</summary>
    public IReadOnlyList<string> Merges { get; } = Merges ?? [];
}
