using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Imports;
using Shouhu.Imports;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Imports;

/// <summary>
/// An import as <c>GET /api/v1/imports/{id}</c> answers it (API-CONTRACT.md "Imports"): <c>status</c> one of
/// <c>validating</c>, <c>validated</c>, <c>invalid</c>, <c>committing</c>, <c>committed</c>, <c>failed</c>; the row counts
/// (<c>rowsRegistered</c>: children already registered inside the jurisdiction whom the row would not change;
/// <c>rowsToUpdate</c>: rows that would change a registered child, <c>rowsFlagged</c>: possible duplicates for review —
/// both listed at <c>…/matches</c>; <c>rowsUpdated</c>: updates the commit wrote); <c>failure</c> the
/// Chinese reason a file could not be read; <c>errors</c> one page of the problems in row order (empty while the dry run
/// or the commit is working: the rows are still being written), <c>errorsTotal</c> all of them so far, <c>errorKinds</c> the totals by kind of message (<see cref="ImportProblemTally.Kind"/>); <c>mapping</c> the column
/// mapping of each sheet as the dry run used it (<see cref="ImportSheetMapping"/>; empty before the file is mapped);
/// <c>progress</c> the current step's rows done of its total and the seconds left at the rate so far.
/// </summary>
public sealed record ImportResponse(
    Guid Id, string Status, string FileName, string AsOf, DateTimeOffset CreatedAt, int RowsTotal, int RowsValidated, int RowsValid, int RowsInvalid,
    int RowsRegistered, int RowsCommitted, int RowsSkipped, string? Failure, IReadOnlyList<ImportProblem> Errors, int ErrorsTotal,
    IReadOnlyDictionary<string, int> ErrorKinds, int RowsToUpdate, int RowsFlagged, int RowsUpdated, IReadOnlyList<ImportSheetMapping> Mapping, ImportProgress Progress);

/// <summary>
/// The progress bar of an import: <c>step</c> <c>validating</c> or <c>committing</c> (or the settled status), <c>done</c>
/// rows of <c>total</c> (the dry run's total is the children's sheet's data rows, counted when the file was mapped; 0 when
/// not known yet), <c>secondsLeft</c> estimated from the rate since the step started (null until a batch has been done).
/// </summary>
public sealed record ImportProgress(string Step, int Done, int Total, int? SecondsLeft);

/// <summary>Reads an import for its importer's jurisdiction (the filter) with its problems, values shown as one record's (<see cref="OutputChannel.ImportReport"/>).</summary>
public sealed partial class ImportStatusQuery(ShouhuDbContext db)
{
    /// <summary>Problems per page of <see cref="ImportResponse.Errors"/>.</summary>
    public const int PageSize = 200;

    /// <summary>The lower-case status name of the API.</summary>
    public static string StatusName(ImportStatus s) => s.ToString().ToLowerInvariant();

    /// <summary>The import and page <paramref name="page"/> (1-based) of its problems, or null (absent or outside the jurisdiction).</summary>
    public async Task<ImportResponse?> GetAsync(Guid id, int page, PersonalDataView view, CancellationToken ct)
    {
        var job = await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null)
        {
            return null;
        }

        // The totals are the job's own (ImportProblemTally); the page is read from the rows with problems, in row order,
        // up to its end only — and only once the work has stopped, so a client polling a running import reads the job alone.
        var skip = (page - 1) * PageSize;
        var shown = new List<ImportProblem>(PageSize);
        if (skip < job.ProblemsTotal && job.Status is not (ImportStatus.Validating or ImportStatus.Committing))
        {
            var stored = db.ImportJobRows.AsNoTracking().Where(r => r.JobId == id && r.Problems != null)
                .OrderBy(r => r.Sheet == "家庭成员").ThenBy(r => r.RowNumber).Select(r => r.Problems!).AsAsyncEnumerable();
            await foreach (var json in stored.WithCancellation(ct))
            {
                foreach (var p in JsonSerializer.Deserialize<List<ImportProblem>>(json, ValidateImport.Json) ?? [])
                {
                    if (skip-- <= 0 && shown.Count < PageSize)
                    {
                        shown.Add(p with { Value = Shown(p.Value, view) ?? string.Empty });
                    }
                }

                if (shown.Count == PageSize)
                {
                    break;
                }
            }
        }

        var problems = job.ProblemsTotal;
        var kinds = ImportProblemTally.Kinds(job);
        var mapping = ImportMapping.Read(job.Mapping);
        return new ImportResponse(job.Id, StatusName(job.Status), job.FileName, job.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Domain.Time.ChinaTime.ToChina(job.CreatedAt), job.RowsTotal, job.RowsValidated, job.RowsValid, job.RowsInvalid, job.RowsRegistered, job.RowsCommitted, job.RowsSkipped,
            job.Failure, shown, problems, kinds, job.RowsToUpdate, job.RowsFlagged, job.RowsUpdated, mapping, ProgressOf(job, mapping));
    }

    /// <summary>The progress of <paramref name="job"/>'s current step (see <see cref="ImportProgress"/>).</summary>
    public static ImportProgress ProgressOf(ImportJob job, IReadOnlyList<ImportSheetMapping> mapping)
    {
        ArgumentNullException.ThrowIfNull(job);
        var committing = job.Status is ImportStatus.Committing or ImportStatus.Committed;
        var (done, total) = committing
            ? (job.RowsCommitted, job.RowsValid)
            : (job.RowsValidated, job.Status == ImportStatus.Validating ? Math.Max(job.RowsValidated, (mapping.Count > 0 ? mapping[0].DataRows : null) ?? 0) : job.RowsTotal);
        int? left = null;
        if (job.Status is ImportStatus.Validating or ImportStatus.Committing && job.StartedAt is { } started && done > 0)
        {
            var seconds = (job.UpdatedAt - started).TotalSeconds;
            left = seconds > 0 ? (int)Math.Ceiling(Math.Max(0, total - done) * seconds / done) : null;
        }

        return new ImportProgress(StatusName(job.Status), done, total, left);
    }

    /// <summary>
    /// A value as <paramref name="view"/> shows it: one shaped like a citizen ID number (15 or 18 characters) or a phone
    /// number (7–20 digits, dashes, spaces) as the record page would show it to the role; anything else as it is.
    /// </summary>
    public static string? Shown(string? value, PersonalDataView view) =>
        value is null ? null
        : IdNumberShape().IsMatch(value) ? view.IdNumber(value)
        : PhoneShape().IsMatch(value) ? view.Phone(value)
        : value;

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(\d{17}[\dXx]|\d{15})\s*$")]
    private static partial System.Text.RegularExpressions.Regex IdNumberShape();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*\+?[\d\- ]{7,20}\s*$")]
    private static partial System.Text.RegularExpressions.Regex PhoneShape();
}
