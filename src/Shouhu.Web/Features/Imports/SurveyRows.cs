using Shouhu.Domain.Children;

namespace Shouhu.Web.Features.Imports;

/// <summary>
/// One problem of an import, as the API and the validation report show it (API-CONTRACT.md "Imports"):
/// <paramref name="Row"/> the row number as Excel shows it, <paramref name="Column"/> the header as the user wrote it,
/// <paramref name="Value"/> the cell's value as read (null when empty), <paramref name="Message"/> what is wrong, in Chinese.
/// </summary>
public sealed record ImportProblem(int Row, string Column, string? Value, string Message);

/// <summary>
/// One data row of a survey as read: the register's own input (<see cref="ChildInput"/>, already normalised and checked
/// by the register's rules, <see cref="ChildRules"/> and <see cref="CategoryRules"/>), or the problems that kept it from
/// being one. <paramref name="Columns"/> names the user's header of each input field (<c>citizenIdNumber</c> → 身份证号码)
/// so the checks against the database can name the column the user knows.
/// </summary>
public sealed record SurveyRowRead(int Row, ChildInput? Input, IReadOnlyList<ImportProblem> Problems, IReadOnlyDictionary<string, string>? Columns = null)
{
    /// <summary>The user's header of <paramref name="field"/> (an input field's API name), or <paramref name="fallback"/>.</summary>
    public string ColumnOf(string field, string fallback) => Columns?.GetValueOrDefault(field) ?? fallback;
}

/// <summary>What a survey is read against: the 统计截止日 and the importer's jurisdiction (village names resolve inside it).</summary>
public sealed record SurveyReadContext(DateOnly AsOf, string Jurisdiction);

/// <summary>A file that cannot be read at all (not a spreadsheet, encrypted, corrupt, too large once expanded): the Chinese reason.</summary>
public sealed class SurveyFileException(string message) : Exception(message);

/// <summary>Reads a kept survey file into rows (the survey reader of issue #12 items 1–3).</summary>
public interface ISurveyRowSource
{
    /// <summary>The rows in file order.</summary>
    /// <exception cref="SurveyFileException">The file cannot be read at all.</exception>
    IAsyncEnumerable<SurveyRowRead> ReadAsync(Stream file, SurveyReadContext context, CancellationToken ct);
}
