using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Imports;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Imports;

/// <summary>Body of <c>POST /api/v1/imports/{id}/commit</c>: <c>skipInvalid</c> — write the rows that passed and leave the faulty ones.</summary>
public sealed record CommitRequest(bool? SkipInvalid);

/// <summary>
/// Confirms an import after its dry run (<c>POST /api/v1/imports/{id}/commit</c>): only a validated import, or an invalid
/// one with <c>skipInvalid</c>; refused (409) while the dry run runs, after a commit has started, or when it failed. Starts
/// the commit in the background and audits the confirmation. Only the importer, or an officer above the import's
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

        job.Status = ImportStatus.Committing;
        job.UpdatedAt = DateTime.UtcNow;
        db.RecordAudit("ImportConfirmed", nameof(ImportJob), job.Id.ToString(), job.RegionCode, $"skipInvalid={(body.SkipInvalid == true ? "yes" : "no")}; rows={job.RowsValid}");
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
