using System.Text.Json;
using Shouhu.Domain.Imports;
using Shouhu.Imports;

namespace Shouhu.Web.Features.Imports;

/// <summary>
/// The totals of an import's problems kept on the job (<see cref="ImportJob.ProblemsTotal"/>,
/// <see cref="ImportJob.ProblemKinds"/>) as the dry run and the commit find them, so the status a page polls every few
/// seconds is read from the job alone, not from every row's problems.
/// </summary>
public static partial class ImportProblemTally
{
    /// <summary>
    /// The kind of a problem: its message up to the first "：", "，" or "（", each number in it (a row, a code, a check
    /// digit) written "…" — the rule's words without the row's values, so "校验位应为 7" and "校验位应为 X" are one kind.
    /// </summary>
    public static string Kind(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var end = message.IndexOfAny(['：', '，', '（']);
        return Numbers().Replace(end > 0 ? message[..end] : message, "…");
    }

    // A run of digits (with an ID number's check letter X), or an X standing alone.
    [System.Text.RegularExpressions.GeneratedRegex(@"\d[\dXx]*|(?<![A-Za-z])[Xx](?![A-Za-z])")]
    private static partial System.Text.RegularExpressions.Regex Numbers();

    /// <summary>The kinds of <paramref name="job"/>'s problems with their counts (empty when there are none).</summary>
    public static IReadOnlyDictionary<string, int> Kinds(ImportJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.ProblemKinds is null ? new Dictionary<string, int>(StringComparer.Ordinal)
            : JsonSerializer.Deserialize<Dictionary<string, int>>(job.ProblemKinds) ?? new Dictionary<string, int>(StringComparer.Ordinal);
    }

    /// <summary>Adds <paramref name="problems"/> to <paramref name="job"/>'s totals.</summary>
    public static void Add(ImportJob job, IEnumerable<ImportProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(problems);
        Dictionary<string, int>? kinds = null;
        foreach (var problem in problems)
        {
            kinds ??= new Dictionary<string, int>(Kinds(job), StringComparer.Ordinal);
            var kind = Kind(problem.Message);
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
            job.ProblemsTotal++;
        }

        if (kinds is not null)
        {
            job.ProblemKinds = JsonSerializer.Serialize(kinds);
        }
    }

    /// <summary>Sets <paramref name="row"/>'s problems (as JSON; null when there are none) and adds them to <paramref name="job"/>'s totals: the one way a row's problems are written on the context's thread.</summary>
    public static void Record(ImportJob job, ImportJobRow row, IReadOnlyCollection<ImportProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(problems);
        row.Problems = problems.Count > 0 ? JsonSerializer.Serialize(problems, ValidateImport.Json) : null;
        Add(job, problems);
    }

    /// <summary>Empties <paramref name="job"/>'s totals (a dry run starting over).</summary>
    public static void Clear(ImportJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        (job.ProblemsTotal, job.ProblemKinds) = (0, null);
    }
}
