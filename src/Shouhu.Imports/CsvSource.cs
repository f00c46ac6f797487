using System.Text;
using System.Text.Unicode;

namespace Shouhu.Imports;

/// <summary>
/// A CSV upload as one sheet (RFC 4180: quoted fields with doubled quotes and line breaks inside). The encoding is read
/// from the bytes: a UTF-8 BOM, else valid UTF-8, else GB18030 — a superset of the GBK that Excel's "CSV" in a Chinese
/// Windows writes (System.Text.Encoding.CodePages). A tab-separated file (Excel's "Unicode text") is read too.
/// </summary>
public sealed class CsvSource : ISurveySource
{
    private readonly byte[] _content;
    private readonly ImportLimits _limits;
    private readonly string _sheet;

    static CsvSource() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Reads <paramref name="content"/> as the sheet <paramref name="sheet"/>.</summary>
    public CsvSource(byte[] content, ImportLimits limits, string sheet)
    {
        _content = content;
        _limits = limits;
        _sheet = sheet;
        Encoding = DetectEncoding(content);
        Notices = Encoding.CodePage == Encoding.UTF8.CodePage ? [] : [new ImportNotice(sheet, "CSV 文件按 GBK（GB18030）编码读取")];
    }

    /// <summary>The encoding the file was read with (UTF-8 or GB18030).</summary>
    public Encoding Encoding { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> Sheets => [_sheet];

    /// <inheritdoc/>
    public IReadOnlyList<ImportNotice> Notices { get; }

    /// <inheritdoc/>
    public bool Date1904 => false;

    /// <summary>UTF-8 when the bytes start with its BOM or are valid UTF-8, else GB18030.</summary>
    public static Encoding DetectEncoding(ReadOnlySpan<byte> content) =>
        content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) || Utf8.IsValid(content) ? new UTF8Encoding(false) : Encoding.GetEncoding("GB18030");

    /// <inheritdoc/>
    public IReadOnlyList<MergedRange> MergedRanges(string sheet) => [];

    /// <inheritdoc/>
    public IEnumerable<SheetRow> Rows(string sheet)
    {
        using var reader = new StreamReader(new MemoryStream(_content, writable: false), Encoding, detectEncodingFromByteOrderMarks: true);
        var delimiter = Delimiter;
        var fields = new List<CellValue?>();
        var field = new StringBuilder();
        var number = 0;
        var quoted = false;
        var fieldStarted = false;
        int c;
        while (true)
        {
            c = reader.Read();

            if (quoted)
            {
                if (c == -1)
                {
                    quoted = false;
                }
                else if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }

                    continue;
                }
                else
                {
                    field.Append((char)c);
                    continue;
                }
            }

            if (c == '"' && !fieldStarted)
            {
                quoted = true;
                fieldStarted = true;
                continue;
            }

            if (c == delimiter)
            {
                fields.Add(field.Length == 0 ? null : CellValue.OfText(field.ToString()));
                field.Clear();
                fieldStarted = false;
                continue;
            }

            if (c is '\r' or '\n' or -1)
            {
                if (c == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                if (c == -1 && fields.Count == 0 && field.Length == 0 && !fieldStarted)
                {
                    yield break;
                }

                fields.Add(field.Length == 0 ? null : CellValue.OfText(field.ToString()));
                field.Clear();
                fieldStarted = false;
                number++;
                if (number > _limits.MaxRows)
                {
                    throw new SurveyFileException($"文件超过 {_limits.MaxRows:N0} 行（Excel 一个工作表的上限），请分成几个文件上传");
                }

                if (fields.Count > Columns.Max)
                {
                    throw new SurveyFileException($"第 {number} 行超过 {Columns.Max:N0} 列");
                }

                yield return new SheetRow(number, false, fields.ToArray());
                fields.Clear();
                if (c == -1)
                {
                    yield break;
                }

                continue;
            }

            fieldStarted = true;
            field.Append((char)c);
        }
    }

    // Excel's "Unicode text" export is tab-separated: the first line decides.
    private char Delimiter
    {
        get
        {
            var head = Encoding.GetString(_content, 0, Math.Min(_content.Length, 4096));
            var line = head.Split('\n')[0];
            return line.Count(ch => ch == '\t') > line.Count(ch => ch == ',') ? '\t' : ',';
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
    }
}
