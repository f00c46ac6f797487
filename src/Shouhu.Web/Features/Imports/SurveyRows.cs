using Shouhu.Domain.Children;
using Shouhu.Imports;

namespace Shouhu.Web.Features.Imports;

/// <summary>
/// One data row of a survey as read (<paramref name="Sheet"/>, <paramref name="Row"/> as Excel shows them): the register's own input (<see cref="ChildInput"/>, already normalised and checked
/// by the register's rules, <see cref="ChildRules"/> and <see cref="CategoryRules"/>), or the problems that kept it from
/// being one. <paramref name="Columns"/> names the user's header of each input field (<c>citizenIdNumber</c> → 身份证号码)
/// so the checks against the database can name the column the user knows.
/// </summary>
/// <paramref name="Record"/> is the record the rules made of the input on the 统计截止日, when the reader has it.
public sealed record SurveyRowRead(string Sheet, int Row, ChildInput? Input, IReadOnlyList<ImportProblem> Problems, IReadOnlyDictionary<string, string>? Columns = null, Child? Record = null)
{
    /// <summary>The user's header of <paramref name="field"/> (an input field's API name), or <paramref name="fallback"/>.</summary>
    public string ColumnOf(string field, string fallback) => Columns?.GetValueOrDefault(field) ?? fallback;
}

/// <summary>
/// What a survey is read against: the 统计截止日, the importer's jurisdiction (village names resolve inside it) and the user's
/// corrections of the column mapping (<see cref="ImportMapping.Corrected"/>). The reader tells the mapping it used in
/// <see cref="Mapping"/> before it gives the first row.
/// </summary>
public sealed record SurveyReadContext(DateOnly AsOf, string Jurisdiction, IReadOnlyList<MappingRequest>? Corrections = null)
{
    /// <summary>The mapping of each sheet read (children first), set by the reader once the columns are mapped; null when it has none.</summary>
    public IReadOnlyList<ImportSheetMapping>? Mapping { get; set; }
}

/// <summary>Reads a kept survey file into rows (the survey reader of issue #12 items 1–3).</summary>
public interface ISurveyRowSource
{
    /// <summary>The rows in file order.</summary>
    /// <exception cref="SurveyFileException">The file cannot be read at all (the Chinese reason).</exception>
    IAsyncEnumerable<SurveyRowRead> ReadAsync(Stream file, SurveyReadContext context, CancellationToken ct);
}
