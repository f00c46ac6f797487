using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using CellValue = DocumentFormat.OpenXml.Spreadsheet.CellValue;
using Columns = Shouhu.Imports.Columns;
using ExcelDates = Shouhu.Imports.ExcelDates;

namespace Shouhu.TestData;

/// <summary>A formula cell: its expression and the value Excel cached for it (a string or a number).</summary>
public sealed record Formula(string Expression, object Cached);

/// <summary>A number written with a custom date format (<c>yyyy"年"m"月"d"日"</c>) instead of the built-in one.</summary>
public sealed record CustomDate(DateOnly Date);

/// <summary>A number cell formatted as text (<c>@</c>) — still a number in the file.</summary>
public sealed record Number(double Value);

/// <summary>
/// Builds test workbooks the way Excel stores them, streamed with <see cref="OpenXmlWriter"/> (a 100,000-row sheet in
/// bounded memory): text as shared strings, numbers, dates as serials with a date style (1900 or 1904 system), formulas
/// with cached values, booleans, hidden rows, hidden sheets, merged ranges. Cells: <c>string</c>, <c>int</c>/<c>long</c>/
/// <c>double</c>, <see cref="DateOnly"/>, <see cref="CustomDate"/>, <c>bool</c>, <see cref="Formula"/>, null (empty).
/// </summary>
public sealed class XlsxBuilder
{
    private readonly List<SheetSpec> _sheets = [];

    /// <summary>Dates as serials of the 1904 system.</summary>
    public bool Date1904 { get; init; }

    /// <summary>Adds a sheet whose rows come from <paramref name="rows"/> (enumerated once, while writing).</summary>
    public XlsxBuilder Sheet(string name, IEnumerable<SheetRowSpec> rows, IEnumerable<string>? merges = null, bool hidden = false)
    {
        _sheets.Add(new(name, rows, merges?.ToList() ?? [], hidden));
        return this;
    }

    /// <summary>Writes the workbook.</summary>
    public byte[] Build()
    {
        using var ms = new MemoryStream();
        Write(ms);
        return ms.ToArray();
    }

    /// <summary>Writes the workbook to a stream.</summary>
    public void Write(Stream output)
    {
        using (var doc = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            var strings = new Dictionary<string, int>(StringComparer.Ordinal);
            var sheets = new Sheets();
            uint id = 1;
            foreach (var spec in _sheets)
            {
                var part = wb.AddNewPart<WorksheetPart>();
                WriteSheet(part, spec, strings);
                sheets.Append(new Sheet { Id = wb.GetIdOfPart(part), SheetId = id++, Name = spec.Name, State = spec.Hidden ? SheetStateValues.Hidden : null });
            }

            var sst = wb.AddNewPart<SharedStringTablePart>();
            using (var w = OpenXmlWriter.Create(sst))
            {
                w.WriteStartElement(new SharedStringTable());
                foreach (var s in strings.OrderBy(kv => kv.Value))
                {
                    w.WriteElement(new SharedStringItem(new Text(s.Key) { Space = SpaceProcessingModeValues.Preserve }));
                }

                w.WriteEndElement();
            }

            var styles = wb.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new NumberingFormats(new NumberingFormat { NumberFormatId = 176, FormatCode = "yyyy\"年\"m\"月\"d\"日\"" }),
                new Fonts(new Font()),
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
                new Borders(new Border()),
                new CellFormats(
                    new CellFormat(),
                    new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
                    new CellFormat { NumberFormatId = 176, ApplyNumberFormat = true },
                    new CellFormat { NumberFormatId = 49, ApplyNumberFormat = true }));
            wb.Workbook = new Workbook(new WorkbookProperties { Date1904 = Date1904 ? true : null }, sheets);
        }
    }

    private void WriteSheet(WorksheetPart part, SheetSpec spec, Dictionary<string, int> strings)
    {
        using var w = OpenXmlWriter.Create(part);
        w.WriteStartElement(new Worksheet());
        w.WriteStartElement(new SheetData());
        var n = 0u;
        foreach (var row in spec.Rows)
        {
            n = row.Number is { } fixedNumber ? (uint)fixedNumber : n + 1;
            var attributes = new List<OpenXmlAttribute> { new("r", string.Empty, n.ToString(CultureInfo.InvariantCulture)) };
            if (row.Hidden)
            {
                attributes.Add(new("hidden", string.Empty, "1"));
            }

            w.WriteStartElement(new Row(), attributes);
            for (var c = 0; c < row.Cells.Count; c++)
            {
                if (row.Cells[c] is { } value)
                {
                    w.WriteElement(MakeCell(Columns.Letter(c) + n.ToString(CultureInfo.InvariantCulture), value, strings));
                }
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
        if (spec.Merges.Count > 0)
        {
            w.WriteStartElement(new MergeCells());
            foreach (var m in spec.Merges)
            {
                w.WriteElement(new MergeCell { Reference = m });
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    private Cell MakeCell(string reference, object value, Dictionary<string, int> strings)
    {
        var cell = new Cell { CellReference = reference };
        switch (value)
        {
            case string s:
                if (!strings.TryGetValue(s, out var i))
                {
                    strings[s] = i = strings.Count;
                }

                cell.DataType = CellValues.SharedString;
                cell.CellValue = new CellValue(i.ToString(CultureInfo.InvariantCulture));
                break;
            case bool b:
                cell.DataType = CellValues.Boolean;
                cell.CellValue = new CellValue(b ? "1" : "0");
                break;
            case DateOnly d:
                cell.StyleIndex = 1;
                cell.CellValue = new CellValue(Serial(d).ToString(CultureInfo.InvariantCulture));
                break;
            case CustomDate cd:
                cell.StyleIndex = 2;
                cell.CellValue = new CellValue(Serial(cd.Date).ToString(CultureInfo.InvariantCulture));
                break;
            case Number num:
                cell.StyleIndex = 3;
                cell.CellValue = new CellValue(num.Value.ToString("R", CultureInfo.InvariantCulture));
                break;
            case Formula f:
                cell.CellFormula = new CellFormula(f.Expression);
                if (f.Cached is string text)
                {
                    cell.DataType = CellValues.String;
                    cell.CellValue = new CellValue(text);
                }
                else
                {
                    cell.CellValue = new CellValue(Convert.ToDouble(f.Cached, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                }

                break;
            default:
                cell.CellValue = new CellValue(Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                break;
        }

        return cell;
    }

    private double Serial(DateOnly d) => Date1904 ? d.DayNumber - new DateOnly(1904, 1, 1).DayNumber : ExcelDates.ToSerial(d) + (d < new DateOnly(1900, 3, 1) ? -1 : 0);

    private sealed record SheetSpec(string Name, IEnumerable<SheetRowSpec> Rows, List<string> Merges, bool Hidden);
}

/// <summary>A row to write: its cells from column A, hidden or not, and an explicit row number (null: the next one).</summary>
public sealed record SheetRowSpec(IReadOnlyList<object?> Cells, bool Hidden = false, int? Number = null)
{
    /// <summary>A visible row.</summary>
    public static SheetRowSpec Of(params object?[] cells) => new(cells);

    /// <summary>A hidden row.</summary>
    public static SheetRowSpec HiddenOf(params object?[] cells) => new(cells, Hidden: true);
}
