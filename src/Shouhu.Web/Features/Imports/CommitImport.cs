using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Children;
using Shouhu.Domain.Imports;
using Shouhu.Domain.Time;
using Shouhu.Imports;
using Shouhu.Web.Features.Children;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Imports;

/// <summary>
/// The commit of an import (issue #12 items 6–7): the rows the dry run passed (<see cref="ImportRowStatus.New"/>) become
/// children of the register, <see cref="BatchSize"/> at a time, each batch one transaction that also marks its rows
/// committed and counts them — so a crash, a <c>kill -9</c> or a restart leaves no half-written child, and the next run
/// goes on from the first row not yet marked, to the same final state. Each child passes the register's rules again
/// (<see cref="ChildRules"/>, <see cref="CategoryRules"/>) and is written as a registration is: its categories submitted
/// by the importer (the verification chain starts at the importer's level), its first visit schedule. A batch's children
/// are written with prepared inserts in its transaction and audited by one entry (<c>ImportRowsCommitted</c>: the file's
/// hash, the rows' numbers, the count) that lists them, so each child's trail names the importer (ADR-013). The next
/// batch's children are built on the second core while one batch is written (the rules are pure work on untracked rows).
/// A flagged row the user chose to keep is registered the same way. A number registered meanwhile is refused for its row
/// alone by the unique index. Then the updates the user chose are written one child per transaction
/// with the register's own edit (<see cref="UpdateChild.MergeAsync"/>: the same rules and history; refused for its row
/// alone when the record changed since the dry run), the row marked in the same transaction. At the end the
/// skipped rows are marked, the kept file deleted, the alert rules run once over the importer's jurisdiction (not once per
/// child), and the import is audited with its counts — never its content.
/// </summary>
public sealed class CommitImport(ShouhuDbContext db, ImportFiles files, ChildFileChanges fileChanges, UpdateChild update, TimeProvider clock, RegisterSettings settings)
{
    /// <summary>Rows per batch (one transaction each).</summary>
    public const int BatchSize = 1000;

    /// <summary>Runs or resumes the commit of <paramref name="jobId"/> (status <see cref="ImportStatus.Committing"/>), as its importer.</summary>
    public async Task RunAsync(Guid jobId, CancellationToken ct)
    {
        if (!await db.ImportJobs.AnyAsync(j => j.Id == jobId && j.Status == ImportStatus.Committing, ct))
        {
            return;
        }

        await ImportRowStatistics.RefreshAsync(db, ct); // resumed after a restart: the rows may be new to the planner
        // Two cores, two stages: the next batch's children are built from their rows (the register's rules, pure work on
        // untracked objects) on the second core while this one's are written. The database is touched from here alone.
        var flagged = await db.ImportJobs.Where(j => j.Id == jobId).Select(j => j.FlaggedDecision).FirstAsync(ct);
        var cursor = new Cursor();
        var preparing = await PrepareNextAsync(jobId, cursor, flagged, ct);
        while (preparing is not null)
        {
            var prepared = await preparing;
            db.ChangeTracker.Clear();
            Queue(await db.ImportJobs.FirstAsync(j => j.Id == jobId, ct), prepared);
            preparing = await PrepareNextAsync(jobId, cursor, flagged, ct);
            await SaveBatchAsync(jobId, prepared, ct);
        }

        while (await UpdateOneAsync(jobId, ct))
        {
        }

        db.ChangeTracker.Clear();
        var job = await db.ImportJobs.FirstAsync(j => j.Id == jobId, ct);
        // What is left of the updates and the flagged rows was skipped (by the row's choice or the import's).
        var skipped = await db.ImportJobRows.Where(r => r.JobId == jobId
            && (r.Status == ImportRowStatus.Invalid || r.Status == ImportRowStatus.Update || r.Status == ImportRowStatus.Review)).ToListAsync(ct);
        foreach (var row in skipped)
        {
            row.Decision ??= row.Status switch { ImportRowStatus.Update => job.UpdatesDecision, ImportRowStatus.Review => job.FlaggedDecision, _ => null };
            row.Status = ImportRowStatus.Skipped;
            row.Input = null;
        }

        job.RowsSkipped = await db.ImportJobRows.CountAsync(r => r.JobId == jobId && r.Status == ImportRowStatus.Skipped, ct) + skipped.Count;
        job.Status = ImportStatus.Committed;
        job.UpdatedAt = DateTime.UtcNow;
        db.RecordAudit("ImportCommitted", nameof(ImportJob), job.Id.ToString(), job.RegionCode,
            $"sha256={job.FileSha256}; rows={job.RowsTotal}; committed={job.RowsCommitted}; updated={job.RowsUpdated}; registered={job.RowsRegistered}; skipped={job.RowsSkipped}");
        await db.SaveChangesAsync(ct);
        files.Delete(jobId);
        await fileChanges.ManyRegisteredAsync(db.Caller, job.RegionCode);
    }

    // Where the commit is: the status it takes rows of (the new ones, then the flagged ones kept) and the last row taken.
    private sealed class Cursor
    {
        public ImportRowStatus Status { get; set; } = ImportRowStatus.New;

        public int Row { get; set; } = int.MinValue;

        public string Sheet { get; set; } = string.Empty;
    }

    // A batch's rows with the children built from them (null where the rules no longer pass) and the problems found.
    private sealed record Prepared(List<ImportJobRow> Rows, List<(ImportJobRow Row, Child? Child)> Added, List<ImportProblem> Problems);

    // The next batch's rows, and the building of its children started on the second core; null when none is left. The
    // new rows first, then the flagged rows kept as new children; each in row order, which the index
    // (JobId, Status, RowNumber) gives without sorting the rows left (a sort of them all per batch made the commit
    // quadratic). Each batch seeks past the last row taken: PostgreSQL keeps a committed row's old index entry until
    // it is vacuumed, so starting at the index's front again walked all the rows done so far (quadratic again).
    private async Task<Task<Prepared>?> PrepareNextAsync(Guid jobId, Cursor cursor, ImportRowDecision? flagged, CancellationToken ct)
    {
        var rows = await NextRowsAsync(jobId, cursor, flagged, ct);
        if (rows.Count == 0 && cursor.Status == ImportRowStatus.New)
        {
            (cursor.Status, cursor.Row, cursor.Sheet) = (ImportRowStatus.Review, int.MinValue, string.Empty);
            rows = await NextRowsAsync(jobId, cursor, flagged, ct);
        }

        if (rows.Count == 0)
        {
            return null;
        }

        (cursor.Row, cursor.Sheet) = (rows[^1].RowNumber, rows[^1].Sheet);
        var today = ChinaTime.Today(clock);
        return Task.Run(
            () =>
            {
                var problems = new List<ImportProblem>();
                return new Prepared(rows, rows.Select(row => (Row: row, Child: Register(row, today, problems))).ToList(), problems);
            },
            ct);
    }

    // The batch's children, rows' marks and counts queued on the context for the next save.
    private void Queue(ImportJob job, Prepared batch)
    {
        Add(job, batch.Added);
        // The rows' marks by prepared statement in the same transaction, after their children (ADR-013).
        db.UpdateInBulk(batch.Rows, nameof(ImportJobRow.Status), nameof(ImportJobRow.ChildId), nameof(ImportJobRow.RegionCode), nameof(ImportJobRow.Input), nameof(ImportJobRow.Problems));
        Count(job, batch.Added);
        ImportProblemTally.Add(job, batch.Problems);
    }

    // One batch in one transaction; when a number was registered meanwhile, row by row, that row alone refused.
    private async Task SaveBatchAsync(Guid jobId, Prepared batch, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return;
        }
        catch (DbUpdateException e) when (UniqueIdNumber.IsViolation(e))
        {
            // Someone registered one of these numbers since the dry run: write the batch row by row, refusing that row alone.
            // (The failed save dropped the batch's queued rows and their audit entry.)
        }

        var today = ChinaTime.Today(clock);
        foreach (var row in batch.Rows)
        {
            db.ChangeTracker.Clear();
            var single = await db.ImportJobRows.FirstAsync(r => r.JobId == jobId && r.Sheet == row.Sheet && r.RowNumber == row.RowNumber, ct);
            var singleJob = await db.ImportJobs.FirstAsync(j => j.Id == jobId, ct);
            var problems = new List<ImportProblem>();
            var one = new List<(ImportJobRow, Child?)> { (single, Register(single, today, problems)) };
            Add(singleJob, one);
            Count(singleJob, one);
            ImportProblemTally.Add(singleJob, problems);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (UniqueIdNumber.IsViolation(e))
            {
                db.ChangeTracker.Clear();
                single = await db.ImportJobRows.FirstAsync(r => r.JobId == jobId && r.Sheet == row.Sheet && r.RowNumber == row.RowNumber, ct);
                singleJob = await db.ImportJobs.FirstAsync(j => j.Id == jobId, ct);
                single.Status = ImportRowStatus.Invalid;
                ImportProblemTally.Record(singleJob, single, [new ImportProblem(single.Sheet, single.RowNumber, "", "", "该身份证号在核查后已被登记（导入期间有人登记了同一儿童）")]);
                singleJob.RowsValid--;
                singleJob.RowsInvalid++;
                singleJob.UpdatedAt = DateTime.UtcNow;
                await db.SaveChangesAsync(ct);
            }
        }
    }

    private Task<List<ImportJobRow>> NextRowsAsync(Guid jobId, Cursor cursor, ImportRowDecision? flagged, CancellationToken ct)
    {
        var (status, last, sheet) = (cursor.Status, cursor.Row, cursor.Sheet);
        var rows = db.ImportJobRows.Where(r => r.JobId == jobId && r.Status == status
            && r.RowNumber >= last && (r.RowNumber > last || string.Compare(r.Sheet, sheet) > 0));
        if (status == ImportRowStatus.Review)
        {
            rows = rows.Where(r => r.Decision == ImportRowDecision.Apply || (r.Decision == null && flagged == ImportRowDecision.Apply));
        }

        return rows.OrderBy(r => r.RowNumber).ThenBy(r => r.Sheet).Take(BatchSize).AsNoTracking().ToListAsync(ct);
    }

    // One chosen update, in its own transaction with its row's mark: true when one was handled (there may be more).
    private async Task<bool> UpdateOneAsync(Guid jobId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var job = await db.ImportJobs.FirstAsync(j => j.Id == jobId, ct);
        var updates = job.UpdatesDecision;
        var row = await db.ImportJobRows.Where(r => r.JobId == jobId && r.Status == ImportRowStatus.Update
                && (r.Decision == ImportRowDecision.Apply || (r.Decision == null && updates == ImportRowDecision.Apply)))
            .OrderBy(r => r.RowNumber).ThenBy(r => r.Sheet).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return false;
        }

        var input = ImportJson.Read(row.Input);
        var (sheet, number) = (row.Sheet, row.RowNumber);
        row.Status = ImportRowStatus.Updated;
        row.Input = null;
        job.RowsUpdated++;
        row.Decision ??= updates;
        job.UpdatedAt = DateTime.UtcNow;
        // The row's mark and the count ride in the edit's own save: both or neither.
        var outcome = input is null || row.ChildId is not { } childId || row.ChildVersion is not { } version
            ? (Outcome<Child>)Outcome.NotFound
            : await update.MergeAsync(childId, input, version, ct);
        if (outcome.Ok)
        {
            await db.SaveChangesAsync(ct); // when nothing changed after all, the edit saved nothing
            return true;
        }

        db.ChangeTracker.Clear();
        row = await db.ImportJobRows.FirstAsync(r => r.JobId == jobId && r.Sheet == sheet && r.RowNumber == number, ct);
        job = await db.ImportJobs.FirstAsync(j => j.Id == jobId, ct);
        var message = outcome.NotFound ? "该儿童档案已不存在或已迁出辖区"
            : outcome.Errors.IsEmpty ? outcome.Message ?? "未能更新" : string.Join("；", outcome.Errors.ToDictionary().SelectMany(e => e.Value));
        row.Status = ImportRowStatus.Invalid;
        ImportProblemTally.Record(job, row, [new ImportProblem(sheet, number, "", "", "未更新：" + message)]);
        job.RowsToUpdate--;
        job.RowsInvalid++;
        job.UpdatedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(ct);
        return true;
    }

    // The batch's new children, written in bulk with the one audit entry that lists them (the rows' numbers, never content).
    private void Add(ImportJob job, IReadOnlyList<(ImportJobRow Row, Child? Child)> added)
    {
        var children = added.Where(a => a.Child is not null).Select(a => a.Child!).ToList();
        if (children.Count == 0)
        {
            return;
        }

        var numbers = added.Where(a => a.Child is not null).Select(a => a.Row).ToList();
        RegisterChild.AddManyNew(db, fileChanges, children, DateTime.UtcNow, "ImportRowsCommitted", nameof(ImportJob), job.Id.ToString(), job.RegionCode,
            $"sha256={job.FileSha256}; rows={numbers[0].Sheet}!{numbers[0].RowNumber}-{numbers[^1].RowNumber}; children={children.Count}");
    }

    private static void Count(ImportJob job, IReadOnlyList<(ImportJobRow Row, Child? Child)> added)
    {
        foreach (var (row, child) in added)
        {
            if (child is null)
            {
                job.RowsValid--;
                job.RowsInvalid++;
            }
            else
            {
                job.RowsCommitted++;
            }
        }

        job.UpdatedAt = DateTime.UtcNow;
    }

    // The row's child, the row marked committed (the caller adds the children, see Add); or null, the row marked invalid
    // with the reasons (added to problems), when the rules no longer pass (a rule or the calendar changed since the dry
    // run). Touches neither the context nor the job: it runs on the second core while the batch before is written.
    private Child? Register(ImportJobRow row, DateOnly today, List<ImportProblem> problems)
    {
        var input = ImportJson.Read(row.Input);
        var errors = new ValidationErrors();
        var child = input is null ? null : ChildRules.Validate(input, today, errors, settings);
        if (child is null || !errors.IsEmpty || !CategoryRules.Apply(child, errors, settings))
        {
            row.Status = ImportRowStatus.Invalid;
            var found = errors.ToDictionary().SelectMany(e => e.Value.Select(m => new ImportProblem(row.Sheet, row.RowNumber, e.Key, "", m)))
                .DefaultIfEmpty(new ImportProblem(row.Sheet, row.RowNumber, "", "", "该行无法读取")).ToList();
            row.Problems = JsonSerializer.Serialize(found, ValidateImport.Json);
            problems.AddRange(found);
            return null;
        }

        row.Status = ImportRowStatus.Committed;
        row.ChildId = child.Id;
        row.RegionCode = child.RegionCode;
        row.Input = null;
        return child;
    }
}
