using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Imports;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Imports;

/// <summary>
/// Body of <c>POST /api/v1/imports/{id}/commit</c>: <c>skipInvalid</c> — write the rows that passed and leave the faulty
/// ones; <c>updates</c> — <c>"apply"</c> or <c>"skip"</c> for every update of a registered child not decided row by row;
/// <c>flagged</c> — <c>"apply"</c> (register as new children) or <c>"skip"</c> for every flagged row not decided row by row.
/// </summary>
public sealed record CommitRequest(bool? SkipInvalid, string? Updates = null, string? Flagged = null);

/// <summary>
/// Confirms an import after its dry run (<c>POST /api/v1/imports/{id}/commit</c>): only a validated import, or an invalid
/// one with <c>skipInvalid</c>; refused (409) while the dry run runs, after a commit has started, or when it failed. Starts
/// the commit in the background and audits the confirmation. Every update of a registered child and every row flagged as
/// a possible duplicate needs a decision — row by row (<see cref="DecideImportRows"/>) or for all that are left
/// (<c>updates</c>, <c>flagged</c>); without one the commit is refused (409) naming how many are undecided. Only the importer, or an officer above the import's
/// jurisdiction, reaches the import at all (the jurisdiction filter).
/// </summary>
public sealed class ConfirmImport(ShouhuDbContext db, ImportQueue queue)
{
    /// <summary>Confirms; the import as it now stands, or why not.</summary>
    public async Task<Outcome<ImportJob>> RunAsync(Guid id, CommitRequest body, CancellationToken ct)
    {
        var job = await db.ImportJobs.FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null)
        {
            return Outcome.NotFound;
        }

        var refusal = job.Status switch
        {
            ImportStatus.Validating => "核查尚未完成，请等核查结束后再确认导入",
            ImportStatus.Invalid when body.SkipInvalid != true => $"有 {job.RowsInvalid} 行未通过核查：请修改后重新上传，或选择跳过这些行（skipInvalid: true）",
            ImportStatus.Committing or ImportStatus.Committed => "该文件已确认导入",
            ImportStatus.Failed => "文件无法读取，请修改后重新上传",
            _ => null,
        };
        if (refusal is not null)
        {
            return Outcome.Refused(refusal);
        }

        var errors = new Domain.Children.ValidationErrors();
        var forUpdates = DecideImportRows.Parse(body.Updates, "updates", errors);
        var forFlagged = DecideImportRows.Parse(body.Flagged, "flagged", errors);
        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        var undecided = await db.ImportJobRows.Where(r => r.JobId == id && r.Decision == null && (r.Status == ImportRowStatus.Update || r.Status == ImportRowStatus.Review))
            .GroupBy(r => r.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        var updatesLeft = undecided.Where(u => u.Status == ImportRowStatus.Update).Sum(u => u.Count);
        var flaggedLeft = undecided.Where(u => u.Status == ImportRowStatus.Review).Sum(u => u.Count);
        if (updatesLeft > 0 && forUpdates is null)
        {
            return Outcome.Refused($"有 {updatesLeft} 行会修改已登记儿童的档案：请逐行选择更新或跳过，或统一选择（updates: apply / skip）");
        }

        if (flaggedLeft > 0 && forFlagged is null)
        {
            return Outcome.Refused($"有 {flaggedLeft} 行可能与已登记儿童或本文件其他行重复：请逐行核实，或统一选择作为新儿童登记或跳过（flagged: apply / skip）");
        }

        // The choice for all rows left undecided is the import's, saved with the confirmation (one save, so a crash leaves
        // neither); a row's own decision, if any, stands over it.
        job.UpdatesDecision = forUpdates;
        job.FlaggedDecision = forFlagged;
        job.Status = ImportStatus.Committing;
        (job.UpdatedAt, job.StartedAt) = (DateTime.UtcNow, DateTime.UtcNow);
        db.RecordAudit("ImportConfirmed", nameof(ImportJob), job.Id.ToString(), job.RegionCode, $"skipInvalid={(body.SkipInvalid == true ? "yes" : "no")}; rows={job.RowsValid}; updates={forUpdates?.ToString() ?? "-"}; flagged={forFlagged?.ToString() ?? "-"}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Refused("该文件已确认导入");
        }

        queue.Enqueue(job.Id);
        return Outcome.Done(job);
    }
}
