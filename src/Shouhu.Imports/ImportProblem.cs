namespace Shouhu.Imports;

/// <summary>
/// One problem of an import, as the user sees it in Excel (API-CONTRACT.md "Imports": <c>errors: [{row, column, value,
/// message}]</c>): the sheet, the row number Excel shows (1-based; 0 for a problem of the whole file), the column header
/// as the user wrote it (empty when the problem is about the file or the row), the cell's value as read, a Chinese message,
/// and the column's 0-based index when the reader knows it (a header may be written twice, as the 2016 form's 出生日期 is:
/// the validation report marks the cell by this index).
/// </summary>
public sealed record ImportProblem(string Sheet, int Row, string Column, string Value, string Message, int? ColumnIndex = null);

/// <summary>
/// Something the reader did or saw that is not an error but that the user should know (a hidden sheet skipped, hidden
/// rows read, a merged header filled across), shown with the mapping before validation.
/// </summary>
public sealed record ImportNotice(string Sheet, string Message);

/// <summary>Thrown inside the reader when a file breaks a limit or cannot be read; the caller gets it as a refusal, never as a 500.</summary>
public sealed class SurveyFileException(string message) : Exception(message);
