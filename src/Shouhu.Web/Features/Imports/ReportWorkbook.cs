using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Shouhu.Imports;
using Shouhu.Web.Shared;
using Columns = Shouhu.Imports.Columns;

namespace Shouhu.Web.Features.Imports;

/// <summary>One faulty row of the validation report: its sheet, Excel's row number, and each problem's message with the 0-based column it marks (null: the row as a whole).</summary>
public sealed record ReportRow(string Sheet, int Row, IReadOnlyList<(int? Column, string Message)> Problems);

/// <summary>
/// The validation report (issue #12 item 4): the user's own workbook with, on each sheet that has problems, a column
/// 错误说明 after the last used column holding every message of the row, and each faulty cell filled light red with a
/// cell comment (a <see cref="WorksheetCommentsPart"/> with the legacy VML drawing Excel needs to show it) giving its
/// message. Everything else is the user's, byte for byte where the sheet is not touched, cell for cell where it is:
/// each touched sheet part is copied row by row with <see cref="XmlReader"/>/<see cref="XmlWriter"/> (one row in memory,
/// as <c>XlsxSource</c> reads), so a big sheet is never loaded whole. A CSV upload becomes an xlsx of its rows (text
/// cells, as the reader read them) with the same marks. When the caller's <see cref="PersonalDataView"/> masks numbers,
/// every cell of every sheet that looks like an ID or phone number is masked as the status answer masks it (ADR-013).
/// </summary>
/// <remarks>A sheet that already has comments of its own keeps them; its faulty cells are filled and listed in 错误说明, without comments of ours.</remarks>
public static class ReportWorkbook
{
    /// <summary>The added column's header.</summary>
    public const string NoteHeader = "错误说明";

    /// <summary>The fill of a faulty cell (ARGB; Excel's "bad" red).</summary>
    public const string MarkColour = "FFFFC7CE";

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace M = Main;

    // Children of <worksheet> that come after <legacyDrawing> (ECMA-376 Part 1, 18.3.1.99 CT_Worksheet).
    private static readonly HashSet<string> AfterLegacyDrawing = new(StringComparer.Ordinal)
        { "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst" };

    /// <summary>
    /// Writes the report of <paramref name="upload"/> into <paramref name="output"/> (read-write, seekable, empty; left
    /// open). <paramref name="headerRows"/> gives each mapped sheet's header row (where 错误说明 is written).
    /// </summary>
    /// <exception cref="SurveyFileException">The upload can no longer be read as a spreadsheet.</exception>
    public static void Write(byte[] upload, Stream output, IReadOnlyList<ReportRow> rows, IReadOnlyDictionary<string, int> headerRows, PersonalDataView view)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(view);
        switch (SurveyFile.Check(upload, null, out var refusal))
        {
            case SurveyFileKind.Xlsx:
                output.Write(upload);
                break;
            case SurveyFileKind.Csv:
                CsvToXlsx(upload, output);
                break;
            default:
                throw new SurveyFileException(refusal ?? SurveyFile.NotSpreadsheet);
        }

        output.Position = 0;
        using (var doc = SpreadsheetDocument.Open(output, isEditable: true))
        {
            Annotate(doc, rows, headerRows, view);
        }

        output.Position = 0;
    }

    private static void Annotate(SpreadsheetDocument doc, IReadOnlyList<ReportRow> rows, IReadOnlyDictionary<string, int> headerRows, PersonalDataView view)
    {
        var wb = doc.WorkbookPart ?? throw new SurveyFileException("Excel 文件已损坏，无法打开");
        var styles = new Styles(wb);
        var shared = view.FullNumbers ? [] : SharedStrings(wb.SharedStringTablePart);
        var shapeBlock = 1;
        foreach (var sheet in wb.Workbook.Sheets?.Elements<Sheet>() ?? [])
        {
            if (sheet.Name?.Value is not { } name || sheet.Id?.Value is not { } rid || wb.GetPartById(rid) is not WorksheetPart part)
            {
                continue;
            }

            var faults = rows.Where(r => r.Sheet == name).ToDictionary(r => r.Row);
            if (faults.Count == 0 && view.FullNumbers)
            {
                continue; // untouched: the user's sheet as it was
            }

            var sheetCopy = new SheetCopy(faults, headerRows.GetValueOrDefault(name), styles, view, shared);
            var comments = faults.Count > 0 && part.WorksheetCommentsPart is null && part.VmlDrawingParts.FirstOrDefault() is null;
            VmlDrawingPart? vml = null;
            if (comments)
            {
                part.AddNewPart<WorksheetCommentsPart>();
                vml = part.AddNewPart<VmlDrawingPart>();
                sheetCopy.LegacyDrawingId = part.GetIdOfPart(vml);
            }

            sheetCopy.Run(part);
            if (vml is not null)
            {
                WriteComments(part.WorksheetCommentsPart!, vml, sheetCopy.Marked, ref shapeBlock);
            }
        }

        styles.Save();
    }

    // The cells of a sheet's copy: which row holds what, which cells are marked (for their comments).
    private sealed class SheetCopy(Dictionary<int, ReportRow> faults, int headerRow, Styles styles, PersonalDataView view, IReadOnlyList<string> shared)
    {
        public string? LegacyDrawingId { get; set; }

        public List<(int Row, int Column, string Message)> Marked { get; } = [];

        private int _noteColumn;

        public void Run(WorksheetPart part)
        {
            var original = Path.GetTempFileName();
            try
            {
                using (var source = part.GetStream(FileMode.Open, FileAccess.Read))
                using (var copy = File.Create(original))
                {
                    source.CopyTo(copy);
                }

                _noteColumn = faults.Count > 0 ? LastUsedColumn(original) + 1 : -1;
                using var input = File.OpenRead(original);
                using var reader = XmlReader.Create(input, new XmlReaderSettings { IgnoreWhitespace = false, DtdProcessing = DtdProcessing.Prohibit });
                using var target = part.GetStream(FileMode.Create, FileAccess.Write);
                using var writer = XmlWriter.Create(target, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CheckCharacters = false });
                Copy(reader, writer);
            }
            finally
            {
                File.Delete(original);
            }
        }

        // The highest column any cell of the sheet uses (a cell without r follows the one before it).
        private static int LastUsedColumn(string path)
        {
            using var input = File.OpenRead(path);
            using var reader = XmlReader.Create(input, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            var last = -1;
            var column = -1;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != Main)
                {
                    continue;
                }

                if (reader.LocalName == "row")
                {
                    column = -1;
                }
                else if (reader.LocalName == "c")
                {
                    column = Columns.TryParse(reader.GetAttribute("r"), out var c, out _) ? c : column + 1;
                    last = Math.Max(last, column);
                }
            }

            return last;
        }

        private void Copy(XmlReader reader, XmlWriter writer)
        {
            reader.MoveToContent();
            writer.WriteStartDocument(true);
            writer.WriteStartElement(reader.Prefix, reader.LocalName, reader.NamespaceURI);
            writer.WriteAttributes(reader, true);
            var empty = reader.IsEmptyElement;
            reader.Read();
            var colsSeen = false;
            var legacyPending = LegacyDrawingId is not null;
            while (!empty && !reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == 0)
                {
                    break;
                }

                if (reader.NodeType != XmlNodeType.Element || reader.Depth != 1)
                {
                    reader.Read();
                    continue;
                }

                var name = reader.LocalName;
                if (legacyPending && AfterLegacyDrawing.Contains(name))
                {
                    WriteLegacyDrawing(writer);
                    legacyPending = false;
                }

                switch (name)
                {
                    case "dimension" when _noteColumn >= 0:
                        reader.Skip(); // optional, and no longer true with the added column: Excel works it out
                        break;
                    case "cols":
                        var cols = (XElement)XNode.ReadFrom(reader);
                        AddNoteColumnWidth(cols);
                        cols.WriteTo(writer);
                        colsSeen = true;
                        break;
                    case "sheetData":
                        if (!colsSeen && _noteColumn >= 0)
                        {
                            var newCols = new XElement(M + "cols");
                            AddNoteColumnWidth(newCols);
                            newCols.WriteTo(writer);
                        }

                        CopyRows(reader, writer);
                        break;
                    default:
                        writer.WriteNode(reader, true);
                        break;
                }
            }

            if (legacyPending)
            {
                WriteLegacyDrawing(writer);
            }

            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        private void WriteLegacyDrawing(XmlWriter writer)
        {
            writer.WriteStartElement("legacyDrawing", Main);
            writer.WriteAttributeString("r", "id", RelNs, LegacyDrawingId);
            writer.WriteEndElement();
        }

        private void AddNoteColumnWidth(XElement cols)
        {
            var n = _noteColumn + 1;
            if (_noteColumn < 0 || cols.Elements(M + "col").Any(c => (int?)c.Attribute("min") <= n && (int?)c.Attribute("max") >= n))
            {
                return;
            }

            cols.Add(new XElement(M + "col", new XAttribute("min", n), new XAttribute("max", n), new XAttribute("width", 60), new XAttribute("customWidth", 1)));
        }

        private void CopyRows(XmlReader reader, XmlWriter writer)
        {
            writer.WriteStartElement(reader.Prefix, reader.LocalName, reader.NamespaceURI);
            writer.WriteAttributes(reader, true);
            if (reader.IsEmptyElement)
            {
                reader.Read();
                writer.WriteEndElement();
                return;
            }

            reader.Read();
            var number = 0;
            while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == 1))
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "row")
                {
                    var row = (XElement)XNode.ReadFrom(reader);
                    number = int.TryParse((string?)row.Attribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : number + 1;
                    Transform(row, number);
                    row.WriteTo(writer);
                }
                else
                {
                    reader.Read();
                }
            }

            reader.Read(); // </sheetData>
            writer.WriteEndElement();
        }

        private void Transform(XElement row, int number)
        {
            var fault = faults.GetValueOrDefault(number);
            var isHeader = number == headerRow && _noteColumn >= 0;
            if (fault is null && !isHeader && view.FullNumbers)
            {
                return;
            }

            // Every cell gets its reference, so cells can be added in column order.
            var cells = new SortedDictionary<int, XElement>();
            var column = -1;
            foreach (var c in row.Elements(M + "c").ToList())
            {
                column = Columns.TryParse((string?)c.Attribute("r"), out var i, out _) ? i : column + 1;
                c.SetAttributeValue("r", Columns.Letter(column) + number.ToString(CultureInfo.InvariantCulture));
                cells[column] = c;
                c.Remove();
                if (!view.FullNumbers)
                {
                    Mask(c);
                }
            }

            if (fault is not null)
            {
                foreach (var messages in fault.Problems.Where(p => p.Column is not null).GroupBy(p => p.Column!.Value, p => p.Message))
                {
                    var col = messages.Key;
                    if (!cells.TryGetValue(col, out var cell))
                    {
                        cells[col] = cell = new XElement(M + "c", new XAttribute("r", Columns.Letter(col) + number.ToString(CultureInfo.InvariantCulture)));
                    }

                    cell.SetAttributeValue("s", styles.Marked(int.TryParse((string?)cell.Attribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0));
                    Marked.Add((number, col, string.Join("\n", messages.Distinct())));
                }

                cells[_noteColumn] = Text(_noteColumn, number, string.Join("\n", fault.Problems.Select(p => p.Message).Distinct()), styles.Note);
            }
            else if (isHeader)
            {
                cells[_noteColumn] = Text(_noteColumn, number, NoteHeader, styles.NoteHeader);
            }

            // Cells come before a row's extLst, the only other child a row may have.
            var ext = row.Element(M + "extLst");
            ext?.Remove();
            row.Add(cells.Values);
            if (ext is not null)
            {
                row.Add(ext);
            }

            if (row.Attribute("spans") is { } spans && _noteColumn >= 0)
            {
                spans.Remove(); // optional, and narrower than the row now is
            }
        }

        private static XElement Text(int column, int row, string text, int style) =>
            new(M + "c", new XAttribute("r", Columns.Letter(column) + row.ToString(CultureInfo.InvariantCulture)), new XAttribute("s", style), new XAttribute("t", "inlineStr"),
                new XElement(M + "is", new XElement(M + "t", new XAttribute(XNamespace.Xml + "space", "preserve"), XlsxStreamWriter.XmlSafe(text))));

        // A cell whose value is an ID or phone number becomes the masked text (its formula, if any, goes with it).
        private void Mask(XElement c)
        {
            var type = (string?)c.Attribute("t");
            var value = c.Element(M + "v")?.Value;
            var text = type switch
            {
                "s" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count ? shared[i] : null,
                "inlineStr" => string.Concat(c.Descendants(M + "t").Select(t => t.Value)),
                "str" or null or "n" => value is null ? null
                    : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && type != "str" && Math.Abs(d) >= 1e6 && d == Math.Floor(d)
                        ? d.ToString("F0", CultureInfo.InvariantCulture) : value,
                _ => null,
            };
            if (text is null || ImportStatusQuery.Shown(text, view) is not { } shown || shown == text)
            {
                return;
            }

            c.RemoveNodes();
            c.SetAttributeValue("t", "inlineStr");
            c.Add(new XElement(M + "is", new XElement(M + "t", shown)));
        }
    }

    private static List<string> SharedStrings(SharedStringTablePart? part)
    {
        var list = new List<string>();
        if (part is null)
        {
            return list;
        }

        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        reader.MoveToContent();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si" && reader.NamespaceURI == Main)
            {
                var si = (XElement)XNode.ReadFrom(reader); // leaves the reader on the node after it: no Read() here
                list.Add(string.Concat(si.Descendants(M + "t").Where(t => t.Parent?.Name != M + "rPh").Select(t => t.Value)));
            }
            else
            {
                reader.Read();
            }
        }

        return list;
    }

    private static void WriteComments(WorksheetCommentsPart commentsPart, VmlDrawingPart vml, List<(int Row, int Column, string Message)> marked, ref int shapeBlock)
    {
        var list = new CommentList();
        foreach (var (row, column, message) in marked)
        {
            list.Append(new Comment(new CommentText(new Run(
                    new RunProperties(new FontSize { Val = 9 }, new RunFont { Val = "宋体" }),
                    new Text(XlsxStreamWriter.XmlSafe(message)) { Space = SpaceProcessingModeValues.Preserve })))
            { Reference = Columns.Letter(column) + row.ToString(CultureInfo.InvariantCulture), AuthorId = 0 });
        }

        commentsPart.Comments = new Comments(new Authors(new Author("守护核查")), list);
        commentsPart.Comments.Save();

        // The legacy VML drawing: one hidden note shape per comment (Excel shows a comment only through it). Shape ids come
        // in blocks of 1,024 per drawing, declared by o:idmap.
        var blocks = Math.Max(1, (marked.Count + 1023) / 1024);
        var first = shapeBlock;
        shapeBlock += blocks;
        var xml = new StringBuilder();
        xml.Append("<xml xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:x=\"urn:schemas-microsoft-com:office:excel\">");
        xml.Append(CultureInfo.InvariantCulture, $"<o:shapelayout v:ext=\"edit\"><o:idmap v:ext=\"edit\" data=\"{string.Join(",", Enumerable.Range(first, blocks))}\"/></o:shapelayout>");
        xml.Append("<v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\" path=\"m,l,21600r21600,l21600,xe\"><v:stroke joinstyle=\"miter\"/><v:path gradientshapeok=\"t\" o:connecttype=\"rect\"/></v:shapetype>");
        for (var i = 0; i < marked.Count; i++)
        {
            var (row, column, _) = marked[i];
            var id = (first * 1024) + i + 1;
            xml.Append(CultureInfo.InvariantCulture, $"<v:shape id=\"_x0000_s{id}\" type=\"#_x0000_t202\" style=\"position:absolute;margin-left:80pt;margin-top:2pt;width:160pt;height:60pt;z-index:{i + 1};visibility:hidden\" fillcolor=\"#ffffe1\" o:insetmode=\"auto\">");
            xml.Append("<v:fill color2=\"#ffffe1\"/><v:shadow on=\"t\" color=\"black\" obscured=\"t\"/><v:path o:connecttype=\"none\"/><v:textbox style=\"mso-direction-alt:auto\"><div style=\"text-align:left\"></div></v:textbox>");
            xml.Append(CultureInfo.InvariantCulture, $"<x:ClientData ObjectType=\"Note\"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>{column + 1}, 15, {Math.Max(0, row - 2)}, 2, {column + 4}, 15, {row + 3}, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>{row - 1}</x:Row><x:Column>{column}</x:Column></x:ClientData></v:shape>");
        }

        xml.Append("</xml>");
        using var stream = vml.GetStream(FileMode.Create, FileAccess.Write);
        stream.Write(Encoding.UTF8.GetBytes(xml.ToString()));
    }

    // The workbook's styles, with what the report adds: a fill, the marked copy of each style a faulty cell had, and the
    // styles of the 错误说明 column. The stylesheet is small; it is read and saved whole.
    private sealed class Styles
    {
        private readonly WorkbookStylesPart _part;
        private readonly CellFormats _formats;
        private readonly int _original;
        private readonly uint _fill;
        private readonly Dictionary<int, int> _marked = [];

        public Styles(WorkbookPart wb)
        {
            _part = wb.WorkbookStylesPart ?? wb.AddNewPart<WorkbookStylesPart>();
            _part.Stylesheet ??= new Stylesheet();
            var sheet = _part.Stylesheet;
            var fonts = sheet.Fonts ??= new Fonts(new Font());
            var fills = sheet.Fills ??= new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }));
            sheet.Borders ??= new Borders(new Border());
            sheet.CellStyleFormats ??= new CellStyleFormats(new CellFormat());
            _formats = sheet.CellFormats ??= new CellFormats(new CellFormat());
            if (!_formats.Elements<CellFormat>().Any())
            {
                _formats.Append(new CellFormat());
            }

            _original = _formats.Elements<CellFormat>().Count();
            fills.Append(new Fill(new PatternFill(new ForegroundColor { Rgb = MarkColour }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }));
            _fill = (uint)fills.Elements<Fill>().Count() - 1;
            fonts.Append(new Font(new Bold(), new FontSize { Val = 11 }));
            var bold = (uint)fonts.Elements<Font>().Count() - 1;
            fonts.Append(new Font(new Color { Rgb = "FF9C0006" }, new FontSize { Val = 11 }));
            var red = (uint)fonts.Elements<Font>().Count() - 1;
            _formats.Append(new CellFormat { FontId = bold, ApplyFont = true });
            NoteHeader = _original;
            _formats.Append(new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FontId = red, ApplyFont = true, ApplyAlignment = true });
            Note = _original + 1;
        }

        public int NoteHeader { get; }

        public int Note { get; }

        /// <summary>The marked copy of style <paramref name="s"/> (created once).</summary>
        public int Marked(int s)
        {
            s = s < _original ? s : 0;
            if (!_marked.TryGetValue(s, out var index))
            {
                var copy = (CellFormat)_formats.Elements<CellFormat>().ElementAt(s).CloneNode(true);
                copy.FillId = _fill;
                copy.ApplyFill = true;
                _formats.Append(copy);
                index = _marked[s] = _formats.Elements<CellFormat>().Count() - 1;
            }

            return index;
        }

        public void Save()
        {
            var sheet = _part.Stylesheet!;
            sheet.Fonts!.Count = (uint)sheet.Fonts.Elements<Font>().Count();
            sheet.Fills!.Count = (uint)sheet.Fills.Elements<Fill>().Count();
            _formats.Count = (uint)_formats.Elements<CellFormat>().Count();
            sheet.Save();
        }
    }

    // A CSV upload as a workbook of one sheet (the name the reader gives it), every field a text cell at its row and column.
    private static void CsvToXlsx(byte[] upload, Stream output)
    {
        using var csv = new CsvSource(upload, ImportLimits.Default, SurveyFields.ChildSheet);
        using var doc = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var wb = doc.AddWorkbookPart();
        var part = wb.AddNewPart<WorksheetPart>();
        wb.Workbook = new Workbook(new Sheets(new Sheet { Name = SurveyFields.ChildSheet, SheetId = 1, Id = wb.GetIdOfPart(part) }));
        wb.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
            new Fonts(new Font(new FontSize { Val = 11 })),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border()), new CellStyleFormats(new CellFormat()), new CellFormats(new CellFormat()));
        using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
        using var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        writer.WriteStartElement("worksheet", Main);
        writer.WriteStartElement("sheetData", Main);
        foreach (var row in csv.Rows(SurveyFields.ChildSheet))
        {
            writer.WriteStartElement("row", Main);
            writer.WriteAttributeString("r", row.Number.ToString(CultureInfo.InvariantCulture));
            for (var c = 0; c < row.Cells.Count; c++)
            {
                if (row.Cells[c] is not { } cell || cell.Text.Length == 0)
                {
                    continue;
                }

                writer.WriteStartElement("c", Main);
                writer.WriteAttributeString("r", Columns.Letter(c) + row.Number.ToString(CultureInfo.InvariantCulture));
                writer.WriteAttributeString("t", "inlineStr");
                writer.WriteStartElement("is", Main);
                writer.WriteStartElement("t", Main);
                writer.WriteAttributeString("xml", "space", null, "preserve");
                writer.WriteString(XlsxStreamWriter.Escaped(XlsxStreamWriter.XmlSafe(cell.Text)));
                writer.WriteEndElement();
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }
}
