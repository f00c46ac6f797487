using System.Globalization;
using System.IO.Packaging;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Shouhu.Imports;

/// <summary>
/// An xlsx upload read with DocumentFormat.OpenXml's <see cref="OpenXmlReader"/> (SAX: one row in memory at a time, so
/// 100,000 rows read in bounded memory): shared strings resolved, a formula's cached value used, a number whose style
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

    private XlsxSource(SpreadsheetDocument doc, ImportLimits limits)
    {
        _doc = doc;
        _limits = limits;
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

        var source = new XlsxSource(doc, limits);
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

    private void LoadSharedStrings(SharedStringTablePart? part)
    {
        if (part is null)
        {
            return;
        }

        long chars = 0;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                var item = (SharedStringItem)reader.LoadCurrentElement()!;
                var text = ItemText(item);
                chars += text.Length;
                if (chars * 2 > _limits.MaxUncompressedBytes)
                {
                    throw new SurveyFileException("文件中的文字过多，疑似压缩炸弹，已拒绝");
                }

                _sharedStrings.Add(text);
            }
        }
    }

    // The text of a string item: its t, or its runs' t — never the phonetic guide (rPh) that Japanese and some Chinese
    // workbooks carry, which InnerText would add.
    private static string ItemText(OpenXmlElement item) =>
        item.GetFirstChild<Text>()?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text));

    private WorksheetPart Part(string sheet) => (WorksheetPart)_doc.WorkbookPart!.GetPartById(_sheetParts[sheet]);

    /// <inheritdoc/>
    public IReadOnlyList<MergedRange> MergedRanges(string sheet)
    {
        var ranges = new List<MergedRange>();
        using var reader = OpenXmlReader.Create(Part(sheet));
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SheetData) && reader.IsStartElement)
            {
                reader.Skip();
            }

            if (reader.ElementType == typeof(MergeCell) && reader.IsStartElement)
            {
                var reference = ((MergeCell)reader.LoadCurrentElement()!).Reference?.Value?.Split(':');
                if (reference is [var from, var to] && Columns.TryParse(from, out var c1, out var r1) && Columns.TryParse(to, out var c2, out var r2))
                {
                    ranges.Add(new(r1, c1, r2, c2));
                }
            }
        }

        return ranges;
    }

    /// <inheritdoc/>
    public IEnumerable<SheetRow> Rows(string sheet)
    {
        using var reader = OpenXmlReader.Create(Part(sheet));
        var next = 1;
        var cells = new List<CellValue?>();
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var row = (Row)reader.LoadCurrentElement()!;
            var number = row.RowIndex?.Value is { } r ? (int)r : next;
            if (number > _limits.MaxRows)
            {
                throw new SurveyFileException($"工作表“{sheet}”超过 {_limits.MaxRows:N0} 行");
            }

            next = number + 1;
            cells.Clear();
            var column = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                if (Columns.TryParse(cell.CellReference?.Value, out var c, out _) && c >= 0)
                {
                    column = c;
                }

                if (column >= Columns.Max)
                {
                    break;
                }

                while (cells.Count < column)
                {
                    cells.Add(null);
                }

                cells.Add(Value(cell));
                column++;
            }

            yield return new SheetRow(number, row.Hidden?.Value ?? false, cells.ToArray());
        }
    }

    private CellValue? Value(Cell cell)
    {
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
        {
            return cell.InlineString is { } inline ? CellValue.OfText(ItemText(inline)) : null;
        }

        if (raw is null)
        {
            return null;
        }

        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < _sharedStrings.Count
                ? CellValue.OfText(_sharedStrings[i])
                : throw new SurveyFileException("Excel 文件已损坏：共享字符串不存在");
        }

        if (type == CellValues.String)
        {
            return CellValue.OfText(raw);
        }

        if (type == CellValues.Boolean)
        {
            return new CellValue(CellKind.Boolean, raw == "1" ? "TRUE" : "FALSE");
        }

        if (type == CellValues.Error)
        {
            return new CellValue(CellKind.Error, raw);
        }

        if (type == CellValues.Date)
        {
            return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt)
                ? CellValue.OfDate(DateOnly.FromDateTime(dt), ExcelDates.ToSerial(DateOnly.FromDateTime(dt)))
                : CellValue.OfText(raw);
        }

        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return CellValue.OfText(raw);
        }

        var style = (int)(cell.StyleIndex?.Value ?? 0);
        if (style < _dateStyles.Count && _dateStyles[style] && ExcelDates.FromSerial(number, Date1904) is { } date)
        {
            return CellValue.OfDate(date, number);
        }

        return CellValue.OfNumber(number);
    }

    /// <inheritdoc/>
    public void Dispose() => _doc.Dispose();
}
