using System.Globalization;
using System.IO.Packaging;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using System.Xml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Shouhu.Imports;

/// <summary>
/// An xlsx upload opened with DocumentFormat.OpenXml and its sheets and shared strings read with System.Xml's
/// <see cref="XmlReader"/> over the parts' streams (one row in memory at a time, so 100,000 rows read in bounded memory): shared strings resolved, a formula's cached value used, a number whose style
/// shows a date read as that date (<see cref="ExcelDates"/>, both date systems), hidden sheets skipped and named in
/// <see cref="Notices"/>, hidden rows read and marked, merged ranges told.
/// </summary>
public sealed class XlsxSource : ISurveySource
{
    private readonly SpreadsheetDocument _doc;
    private readonly ImportLimits _limits;
    private readonly Dictionary<string, string> _sheetParts = new(StringComparer.Ordinal);
    private readonly List<string> _sharedStrings = [];
    private readonly List<bool> _dateStyles = [];

    private readonly byte[] _content;

    // Each visible sheet walked once, in the background from the moment the workbook is opened: its merged ranges and the
    // numbers of its row elements (see SheetScan).
    private readonly Dictionary<string, Task<SheetScan>> _scans = new(StringComparer.Ordinal);

    private XlsxSource(SpreadsheetDocument doc, ImportLimits limits, byte[] content)
    {
        _doc = doc;
        _limits = limits;
        _content = content;
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> Sheets { get; private set; } = [];

    /// <inheritdoc/>
    public IReadOnlyList<ImportNotice> Notices { get; private set; } = [];

    /// <inheritdoc/>
    public bool Date1904 { get; private set; }

    /// <summary>Opens a workbook already checked by <see cref="SurveyFile.Check"/>.</summary>
    /// <exception cref="SurveyFileException">When the package is corrupt or has no workbook.</exception>
    public static XlsxSource Open(byte[] content, ImportLimits limits)
    {
        SpreadsheetDocument doc;
        try
        {
            doc = SpreadsheetDocument.Open(new MemoryStream(content, writable: false), false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new SurveyFileException("Excel 文件已损坏，无法打开：请在 Excel 中打开并重新保存后上传");
        }

        var source = new XlsxSource(doc, limits, content);
        try
        {
            source.Load();
        }
        catch (Exception e) when (e is not SurveyFileException)
        {
            doc.Dispose();
            throw new SurveyFileException("Excel 文件已损坏，无法读取：请在 Excel 中打开并重新保存后上传");
        }

        return source;
    }

    private void Load()
    {
        var wb = _doc.WorkbookPart ?? throw new SurveyFileException("Excel 文件中没有工作簿");
        Date1904 = wb.Workbook.WorkbookProperties?.Date1904?.Value ?? false;
        var visible = new List<string>();
        var notices = new List<ImportNotice>();
        foreach (var sheet in wb.Workbook.Sheets?.Elements<Sheet>() ?? [])
        {
            var name = sheet.Name?.Value ?? string.Empty;
            if (sheet.State?.Value is { } state && state != SheetStateValues.Visible)
            {
                notices.Add(new(name, $"工作表“{name}”是隐藏的，未读取；如需导入请取消隐藏后重新上传"));
                continue;
            }

            if (sheet.Id?.Value is { } id && wb.GetPartById(id) is WorksheetPart)
            {
                _sheetParts[name] = id;
                visible.Add(name);
            }
        }

        Sheets = visible;
        Notices = notices;
        foreach (var name in visible)
        {
            var entry = Uri.UnescapeDataString(Part(name).Uri.OriginalString.TrimStart('/'));
            _scans[name] = Task.Run(() => Scan(entry));
        }

        LoadStyles(wb.WorkbookStylesPart);
        LoadSharedStrings(wb.SharedStringTablePart);
    }

    private void LoadStyles(WorkbookStylesPart? part)
    {
        if (part?.Stylesheet is not { } styles)
        {
            return;
        }

        var custom = styles.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value) ?? [];
        foreach (var xf in styles.CellFormats?.Elements<CellFormat>() ?? [])
        {
            var id = xf.NumberFormatId?.Value ?? 0;
            _dateStyles.Add(ExcelDates.IsDateFormat(id, custom.GetValueOrDefault(id)));
        }
    }

    // The shared strings read with XmlReader over the part's stream, as the rows are: OpenXmlReader took about 6 s for the
    // 100,000-child benchmark's strings (docs/performance.md "Survey import").
    private void LoadSharedStrings(SharedStringTablePart? part)
    {
        if (part is null)
        {
            return;
        }

        long chars = 0;
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var reader = XmlReader.Create(stream, XmlSettings);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
            {
                var text = StringItemText(reader);
                chars += text.Length;
                if (chars * 2 > _limits.MaxUncompressedBytes)
                {
                    throw new SurveyFileException("文件中的文字过多，疑似压缩炸弹，已拒绝");
                }

                _sharedStrings.Add(text);
            }
        }
    }

    // The reader is on an <si> or <is> element: the text of its t and its runs' t, never the phonetic guide (rPh) that
    // Japanese and some Chinese workbooks carry. Leaves the reader on the element's end.
    private static string StringItemText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = reader.Depth;
        string? single = null;
        System.Text.StringBuilder? runs = null;
        var (inText, phonetic) = (false, 0);
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.LocalName == "rPh" && !reader.IsEmptyElement:
                    phonetic++;
                    break;
                case XmlNodeType.EndElement when reader.LocalName == "rPh":
                    phonetic--;
                    break;
                case XmlNodeType.Element when reader.LocalName == "t" && !reader.IsEmptyElement:
                    inText = phonetic == 0;
                    break;
                case XmlNodeType.EndElement when reader.LocalName == "t":
                    inText = false;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace when inText:
                    if (single is null && runs is null)
                    {
                        single = reader.Value;
                    }
                    else
                    {
                        runs ??= new System.Text.StringBuilder(single);
                        runs.Append(reader.Value);
                    }

                    break;
            }
        }

        return runs?.ToString() ?? single ?? string.Empty;
    }

    private WorksheetPart Part(string sheet) => (WorksheetPart)_doc.WorkbookPart!.GetPartById(_sheetParts[sheet]);

    /// <inheritdoc/>
    public IReadOnlyList<MergedRange> MergedRanges(string sheet) => ScanOf(sheet).Merges;

    /// <summary>
    /// A quick count of the row elements below <paramref name="afterRow"/> that hold any cell (an estimate of the data
    /// rows, for a progress bar: a row of empty cells counts too), from the sheet's walk without values.
    /// </summary>
    public int CountRowElements(string sheet, int afterRow)
    {
        var scan = ScanOf(sheet);
        return scan.FirstRows.Count < SheetScan.Kept || afterRow < scan.FirstRows[^1]
            ? scan.RowElements - scan.FirstRows.Count(n => n <= afterRow)
            : (SheetScanner.TryScan(Part(sheet).GetStream(FileMode.Open, FileAccess.Read), afterRow)
                ?? Walk(Part(sheet).GetStream(FileMode.Open, FileAccess.Read), afterRow)).RowElements;
    }

    private SheetScan ScanOf(string sheet)
    {
        // The walk's own failure (a corrupt part) is thrown here, where the caller asked, as itself.
        return _scans.TryGetValue(sheet, out var scan) ? scan.GetAwaiter().GetResult() : throw new KeyNotFoundException(sheet);
    }

    // The walk runs on a thread of its own over a zip reader of its own on the same bytes: OpenXml's package is not
    // to be read from two threads, and the sheets' walks (about 2 s each at 100,000 rows) then overlap the shared strings.
    private SheetScan Scan(string entry)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(_content, writable: false), System.IO.Compression.ZipArchiveMode.Read);
        var found = zip.GetEntry(entry) ?? zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, entry, StringComparison.OrdinalIgnoreCase))
            ?? throw new SurveyFileException("Excel 文件已损坏，无法读取：请在 Excel 中打开并重新保存后上传");
        return SheetScanner.TryScan(found.Open(), 0) ?? Walk(found.Open(), 0);
    }

    /// <summary>The sheet's walk with XmlReader: for the XML <see cref="SheetScanner"/> does not take, and its reference in tests.</summary>
    internal static SheetScan Walk(Stream part, int afterRow)
    {
        var (merges, first) = (new List<MergedRange>(), new List<int>(SheetScan.Kept));
        var (next, count) = (1, 0);
        using (part)
        using (var reader = XmlReader.Create(part, XmlSettings))
        {
            var more = reader.Read();
            while (more)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "row")
                {
                    var number = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : next;
                    next = number + 1;
                    if (number > afterRow && !reader.IsEmptyElement)
                    {
                        count++;
                        if (first.Count < SheetScan.Kept)
                        {
                            first.Add(number);
                        }
                    }

                    reader.Skip(); // onto the node after the row: read no further here
                    more = !reader.EOF;
                    continue;
                }

                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "mergeCell" && reader.GetAttribute("ref")?.Split(':') is [var from, var to]
                    && Columns.TryParse(from, out var c1, out var r1) && Columns.TryParse(to, out var c2, out var r2))
                {
                    merges.Add(new(r1, c1, r2, c2));
                }

                more = reader.Read();
            }
        }

        return new SheetScan(merges, count, first);
    }

    private static readonly XmlReaderSettings XmlSettings = new() { IgnoreComments = true, DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <inheritdoc/>
    public IEnumerable<SheetRow> Rows(string sheet)
    {
        // The sheet's XML read with System.Xml's XmlReader over the part's stream: OpenXmlReader took 17 s for the rows of
        // the 100,000-child benchmark, XmlReader a fraction of it (docs/performance.md "Survey reading"); one row in memory.
        using var stream = Part(sheet).GetStream(FileMode.Open, FileAccess.Read);
        using var reader = XmlReader.Create(stream, XmlSettings);
        var next = 1;
        var cells = new List<CellValue?>();
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "row")
            {
                continue;
            }

            var number = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : next;
            var hidden = reader.GetAttribute("hidden") is "1" or "true";
            if (number > _limits.MaxRows)
            {
                throw new SurveyFileException($"工作表“{sheet}”超过 {_limits.MaxRows:N0} 行");
            }

            next = number + 1;
            cells.Clear();
            var column = 0;
            if (!reader.IsEmptyElement)
            {
                var depth = reader.Depth;
                while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
                {
                    if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "c")
                    {
                        continue;
                    }

                    if (Columns.TryParse(reader.GetAttribute("r"), out var c, out _) && c >= 0)
                    {
                        column = c;
                    }

                    var type = reader.GetAttribute("t");
                    _ = int.TryParse(reader.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var style);
                    var (raw, inline) = CellContent(reader);
                    if (column >= Columns.Max)
                    {
                        continue;
                    }

                    while (cells.Count < column)
                    {
                        cells.Add(null);
                    }

                    cells.Add(inline is not null ? CellValue.OfText(inline) : Value(raw, type, style));
                    column++;
                }
            }

            yield return new SheetRow(number, hidden, cells.ToArray());
        }
    }

    // The reader is on a <c> element: its <v> text, or its inline string's text (t, or the runs' t, never rPh).
    private static (string? Raw, string? Inline) CellContent(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return (null, null);
        }

        string? raw = null;
        string? inline = null;
        var depth = reader.Depth;
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                switch (reader.LocalName)
                {
                    case "v":
                        raw = reader.ReadElementContentAsString();
                        if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
                        {
                            return (raw, inline);
                        }

                        break;
                    case "is":
                        inline = StringItemText(reader);
                        break;
                }
            }
        }

        return (raw, inline);
    }

    private CellValue? Value(string? raw, string? type, int style)
    {
        if (raw is null)
        {
            return null;
        }

        switch (type)
        {
            case "s":
                return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < _sharedStrings.Count
                    ? CellValue.OfText(_sharedStrings[i])
                    : throw new SurveyFileException("Excel 文件已损坏：共享字符串不存在");
            case "str" or "inlineStr":
                return CellValue.OfText(raw);
            case "b":
                return new CellValue(CellKind.Boolean, raw == "1" ? "TRUE" : "FALSE");
            case "e":
                return new CellValue(CellKind.Error, raw);
            case "d":
                return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt)
                    ? CellValue.OfDate(DateOnly.FromDateTime(dt), ExcelDates.ToSerial(DateOnly.FromDateTime(dt)))
                    : CellValue.OfText(raw);
        }

        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return CellValue.OfText(raw);
        }

        if (style < _dateStyles.Count && _dateStyles[style] && ExcelDates.FromSerial(number, Date1904) is { } date)
        {
            return CellValue.OfDate(date, number);
        }

        return CellValue.OfNumber(number);
    }

    /// <inheritdoc/>
    public void Dispose() => _doc.Dispose();
}
