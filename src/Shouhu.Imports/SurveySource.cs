namespace Shouhu.Imports;

/// <summary>
/// The sheets of an uploaded survey, read row by row (a CSV file is one sheet): the visible sheets in workbook order,
/// what the reader noticed (hidden sheets skipped), each sheet's merged ranges and its rows, streamed.
/// </summary>
public interface ISurveySource : IDisposable
{
    /// <summary>The visible sheets, in the workbook's order.</summary>
    IReadOnlyList<string> Sheets { get; }

    /// <summary>What the reader noticed while opening the file, e.g. a hidden sheet it skipped.</summary>
    IReadOnlyList<ImportNotice> Notices { get; }

    /// <summary>True for a workbook in Excel's 1904 date system (a number read as a date serial uses it).</summary>
    bool Date1904 { get; }

    /// <summary>The merged ranges of a sheet (none for CSV).</summary>
    IReadOnlyList<MergedRange> MergedRanges(string sheet);

    /// <summary>The rows of a sheet in order, streamed; blank rows may be left out.</summary>
    /// <exception cref="SurveyFileException">When the sheet breaks a limit (more than <see cref="ImportLimits.MaxRows"/> rows) or is corrupt.</exception>
    IEnumerable<SheetRow> Rows(string sheet);
}

/// <summary>Opens an upload by its content (<see cref="SurveyFile.Check"/>) as an <see cref="ISurveySource"/>.</summary>
public static class SurveySources
{
    /// <summary>The source, or null with the Chinese reason in <paramref name="refusal"/>.</summary>
    /// <param name="content">The whole upload.</param>
    /// <param name="limits">The limits; <see cref="ImportLimits.Default"/> when null.</param>
    /// <param name="refusal">Why the file is refused.</param>
    /// <param name="csvSheetName">The name a CSV file's one sheet is given (the child sheet, <see cref="SurveyFields.ChildSheet"/>).</param>
    public static ISurveySource? Open(byte[] content, ImportLimits? limits, out string? refusal, string csvSheetName = SurveyFields.ChildSheet)
    {
        limits ??= ImportLimits.Default;
        try
        {
            return SurveyFile.Check(content, limits, out refusal) switch
            {
                SurveyFileKind.Xlsx => XlsxSource.Open(content, limits),
                SurveyFileKind.Csv => new CsvSource(content, limits, csvSheetName),
                _ => null,
            };
        }
        catch (SurveyFileException e)
        {
            refusal = e.Message;
            return null;
        }
    }
}
