using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Imports;
using Shouhu.Imports;
using Shouhu.Web.Features.Children;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Imports;

/// <summary>
/// The dry run of an import (issue #12 items 3–5): reads the kept file through <see cref="ISurveyRowSource"/> (the
/// register's own rules, row by row), then checks each batch of rows against the database as the register would — the
/// residence village exists and lies in the importer's jurisdiction; a citizen ID number occurs once in the file; a number
/// registered outside the jurisdiction is refused naming only the level to contact (<see cref="DuplicateCheck"/>), one
/// registered inside it is that child — unchanged (<see cref="ImportRowStatus.Registered"/>) or an update whose fields
/// that change are kept for the user to see (<see cref="ImportRowStatus.Update"/>, <see cref="UpdateChild.MergeChanges"/>);
/// a new row with the same name as a registered child in the county and its birth date or a guardian's ID number, or with
/// the name and birth date of an earlier row, is flagged for review (<see cref="ImportRowStatus.Review"/>), never merged.
/// Writes only the import's own rows, a
/// batch per transaction, and the counts for the progress bar; nothing of the register. Run again from the start when
/// resumed (it is a pure function of the file and the register).
/// </summary>
public sealed class ValidateImport(ShouhuDbContext db, ISurveyRowSource source, ImportFiles files, DuplicateCheck duplicates, TimeProvider clock, Domain.Children.RegisterSettings settings)
{
    /// <summary>Rows per batch (one transaction each).</summary>
    public const int BatchSize = 500;

    // Rows handed from the reader to the checks at a time.
    private const int HandOver = 50;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The failure of a file with a header but no data row below it: a wrong mapping may cause it, so the mapping may still be corrected.</summary>
    public const string NoRows = "文件中没有儿童数据行";

    // The mapping the reader used, kept on the job as soon as it is known (the page shows it while the rows are checked).
    private static void KeepMapping(ImportJob job, SurveyReadContext context)
    {
        if (job.Mapping is null && context.Mapping is { } mapping)
        {
            job.Mapping = JsonSerializer.Serialize(mapping, ImportMapping.Json);
        }
    }

    /// <summary>Runs the dry run of <paramref name="jobId"/> (status <see cref="ImportStatus.Validating"/>), as its importer.</summary>
    public async Task RunAsync(Guid jobId, CancellationToken ct)
    {
        var job = await db.ImportJobs.FirstOrDefaultAsync(j => j.Id == jobId && j.Status == ImportStatus.Validating, ct);
        if (job is null)
        {
            return;
        }

        // Resumed after a crash: start over; the rows are the dry run's own.
        await db.ImportJobRows.Where(r => r.JobId == jobId).ExecuteDeleteAsync(ct);
        (job.RowsTotal, job.RowsValidated, job.RowsValid, job.RowsInvalid, job.RowsRegistered, job.RowsToUpdate, job.RowsFlagged) = (0, 0, 0, 0, 0, 0, 0);
        (job.StartedAt, job.Mapping) = (DateTime.UtcNow, null);
        ImportProblemTally.Clear(job);
        var context = new SurveyReadContext(job.AsOf, job.RegionCode, ImportMapping.ReadCorrections(job.MappingCorrections));
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstOfPerson = new Dictionary<(string, DateOnly), int>();
        var seen = new HashSet<(string, int)>();
        var batch = new List<SurveyRowRead>(BatchSize);
        try
        {
            await using var file = files.Open(jobId);
            // Two cores, two stages: the reader parses the next rows while this checks and keeps the last batch against
            // the database. The reader touches the database only before its first row, and runs ahead at most two batches,
            // handed over in chunks of rows (one wake-up of this stage per chunk, not per row).
            var rows = System.Threading.Channels.Channel.CreateBounded<SurveyRowRead[]>(new System.Threading.Channels.BoundedChannelOptions(2 * BatchSize / HandOver) { SingleReader = true, SingleWriter = true });
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var reader = Task.Run(
                async () =>
                {
                    try
                    {
                        await foreach (var chunk in source.ReadAsync(file, context, stop.Token).Chunk(HandOver).WithCancellation(stop.Token))
                        {
                            await rows.Writer.WriteAsync(chunk, stop.Token);
                        }
                    }
                    finally
                    {
                        rows.Writer.TryComplete();
                    }
                },
                stop.Token);
            try
            {
                await foreach (var chunk in rows.Reader.ReadAllAsync(ct))
                {
                    KeepMapping(job, context);
                    foreach (var row in chunk)
                    {
                        batch.Add(row);
                        if (batch.Count == BatchSize)
                        {
                            await CheckAndKeepAsync(job, batch, firstRowOf, firstOfPerson, seen, ct);
                            batch.Clear();
                        }
                    }
                }
            }
            finally
            {
                // A failed check stops the reader; a failed read ends the rows and is thrown here as itself.
                await stop.CancelAsync();
                await reader.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            await reader; // the reader's own failure (a SurveyFileException, the file gone)
            KeepMapping(job, context);
            await CheckAndKeepAsync(job, batch, firstRowOf, firstOfPerson, seen, ct);
        }
        catch (SurveyFileException e)
        {
            db.ChangeTracker.Clear();
            await db.ImportJobRows.Where(r => r.JobId == jobId).ExecuteDeleteAsync(ct);
            job = await db.ImportJobs.FirstAsync(j => j.Id == jobId, ct);
            job.Status = ImportStatus.Failed;
            job.Failure = e.Message;
            ImportProblemTally.Clear(job);
        }
        catch (FileNotFoundException)
        {
            db.ChangeTracker.Clear();
            job = await db.ImportJobs.FirstAsync(j => j.Id == jobId, ct);
            job.Status = ImportStatus.Failed;
            job.Failure = "上传的文件已不在服务器上，请重新上传";
        }

        if (job.Status == ImportStatus.Validating)
        {
            job.Status = job.RowsTotal == 0 ? ImportStatus.Failed : job.RowsInvalid > 0 ? ImportStatus.Invalid : ImportStatus.Validated;
            job.Failure = job.RowsTotal == 0 ? NoRows : null;
        }

        job.UpdatedAt = DateTime.UtcNow;
        await ImportRowStatistics.RefreshAsync(db, ct);
        db.RecordAudit("ImportValidated", nameof(ImportJob), job.Id.ToString(), job.RegionCode,
            $"status={job.Status}; rows={job.RowsTotal}; valid={job.RowsValid}; invalid={job.RowsInvalid}; registered={job.RowsRegistered}; update={job.RowsToUpdate}; flagged={job.RowsFlagged}");
        await db.SaveChangesAsync(ct);
    }

    private async Task CheckAndKeepAsync(ImportJob job, List<SurveyRowRead> batch, Dictionary<string, int> firstRowOf,
        Dictionary<(string, DateOnly), int> firstOfPerson, HashSet<(string, int)> seen, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var today = Domain.Time.ChinaTime.Today(clock);
        var residences = batch.Select(r => r.Input?.ResidenceRegionCode).OfType<string>().Distinct().ToList();
        var known = (await db.Regions.AsNoTracking().Where(r => residences.Contains(r.Code)).Select(r => r.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var numbers = batch.Where(r => r.Problems.Count == 0).Select(r => r.Input?.CitizenIdNumber).OfType<string>().Distinct().ToList();
        var registered = await db.Beyond<Domain.Children.Child>(JurisdictionBypass.DuplicateCheck)
            .Where(c => c.CitizenIdNumber != null && numbers.Contains(c.CitizenIdNumber))
            .Select(c => new { c.Id, Number = c.CitizenIdNumber!, c.RegionCode }).ToDictionaryAsync(c => c.Number, StringComparer.Ordinal, ct);
        var visibleIds = registered.Values.Where(h => db.Caller.CanSee(h.RegionCode)).Select(h => h.Id).ToList();
        // Untracked copies: the update's diff is computed by applying the row to them (UpdateChild.MergeChanges).
        var records = await db.Children.AsNoTracking().Include(c => c.EntrustedCare).Where(c => visibleIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var kept = new List<(ImportJobRow Row, Domain.Children.Child? Incoming, Domain.Children.ChildInput? Input)>(batch.Count);
        foreach (var read in batch)
        {
            if (!seen.Add((read.Sheet, read.Row)))
            {
                continue; // a reader gives each row once; a second answer for the same row adds nothing
            }

            var problems = read.Problems.ToList();
            var row = new ImportJobRow { JobId = job.Id, Sheet = read.Sheet, RowNumber = read.Row, RegionCode = job.RegionCode };
            Domain.Children.Child? incoming = null;
            if (read.Input is { } input && problems.Count == 0)
            {
                var residence = input.ResidenceRegionCode ?? string.Empty;
                var residenceColumn = read.ColumnOf("residenceRegionCode", "现居住地");
                if (!known.Contains(residence))
                {
                    problems.Add(new(read.Sheet, read.Row, residenceColumn, residence, $"区划代码 {residence} 不存在"));
                }
                else if (!db.Caller.CanSee(residence))
                {
                    problems.Add(new(read.Sheet, read.Row, residenceColumn, residence, $"居住地 {residence} 不在您的辖区之内"));
                }
                else
                {
                    row.RegionCode = residence;
                }

                if (input.CitizenIdNumber is { } number)
                {
                    var idColumn = read.ColumnOf("citizenIdNumber", "身份证号");
                    if (firstRowOf.TryGetValue(number, out var first))
                    {
                        problems.Add(new(read.Sheet, read.Row, idColumn, number, $"与第 {first} 行的身份证号相同：同一儿童只填写一行"));
                    }
                    else
                    {
                        firstRowOf[number] = read.Row;
                        if (registered.TryGetValue(number, out var hit))
                        {
                            if (db.Caller.CanSee(hit.RegionCode))
                            {
                                row.ChildId = hit.Id;
                                row.RegionCode = hit.RegionCode;
                            }
                            else if (await duplicates.ExactAsync(number, null, ct) is { } outside)
                            {
                                // The register's own answer: only the level to contact, and the look is audited there.
                                problems.Add(new(read.Sheet, read.Row, idColumn, number, $"该身份证号已在{outside.Where}登记"));
                            }
                        }
                    }
                }

                if (problems.Count == 0 && row.ChildId is null && read.Record is { } readRecord && job.AsOf <= today
                    && Domain.Time.ChinaTime.AgeOn(readRecord.BirthDate, today) < Domain.Children.ChildRules.AdultAge)
                {
                    // The reader's record, validated on the 统计截止日, stands today: every other rule that reads the date
                    // says "not after", which the earlier day already met. Only the fields of the person are read from it.
                    incoming = readRecord;
                }
                else if (problems.Count == 0)
                {
                    // The record as the register's rules make it today (the commit applies them again).
                    var errors = new Domain.Children.ValidationErrors();
                    incoming = Domain.Children.ChildRules.Validate(input with { Categories = null, Guardians = null }, today, errors, settings);
                    foreach (var (field, messages) in errors.ToDictionary())
                    {
                        problems.AddRange(messages.Select(m => new ImportProblem(read.Sheet, read.Row, read.ColumnOf(field, field), string.Empty, m)));
                    }
                }
            }

            row.Status = problems.Count > 0 ? ImportRowStatus.Invalid : ImportRowStatus.New;
            if (row.Status == ImportRowStatus.New && row.ChildId is { } childId && records.TryGetValue(childId, out var record))
            {
                var changes = incoming is null ? [] : UpdateChild.MergeChanges(record, incoming, settings);
                row.Status = changes.Count == 0 ? ImportRowStatus.Registered : ImportRowStatus.Update;
                row.ChildVersion = record.Version;
                row.Changes = changes.Count == 0 ? null : JsonSerializer.Serialize(changes.Select(c => new ImportChange(c.Field, c.Old, c.New)), Json);
            }
            else if (row.Status == ImportRowStatus.New && incoming is not null && firstOfPerson.TryGetValue((incoming.Name, incoming.BirthDate), out var earlier))
            {
                row.Status = ImportRowStatus.Review;
                row.Matches = JsonSerializer.Serialize(new[] { new ImportMatch(null, earlier, "本文件") }, Json);
            }

            if (incoming is not null)
            {
                firstOfPerson.TryAdd((incoming.Name, incoming.BirthDate), read.Row);
            }

            row.Input = row.Status is ImportRowStatus.New or ImportRowStatus.Update or ImportRowStatus.Review ? ImportJson.Write(read.Input) : null;
            ImportProblemTally.Record(job, row, problems);
            if (!db.Caller.CanSee(row.RegionCode))
            {
                row.RegionCode = job.RegionCode; // a refused row is kept under the import's own jurisdiction
            }

            kept.Add((row, incoming, read.Input));
        }

        // Probable duplicates of the new rows among the registered children of their county: one query per county.
        var fresh = kept.Where(k => k.Row.Status == ImportRowStatus.New && k.Incoming is not null).ToList();
        var probes = fresh.Select(k => new FuzzyProbe(k.Incoming!.Name, k.Incoming.BirthDate, GuardianIds(k.Input), k.Incoming.RegionCode, null)).ToList();
        var found = probes.Count == 0 ? [] : await duplicates.FuzzyManyAsync(probes, ct);
        for (var i = 0; i < found.Count; i++)
        {
            if (found[i].Count > 0)
            {
                fresh[i].Row.Status = ImportRowStatus.Review;
                fresh[i].Row.Matches = JsonSerializer.Serialize(found[i].Select(m => new ImportMatch(m.Id, null, m.Where)), Json);
            }
        }

        db.AddInBulk(kept.Select(k => k.Row).ToList()); // prepared inserts in the save's transaction (ADR-013)
        foreach (var (row, _, _) in kept)
        {
            job.RowsTotal++;
            job.RowsValidated++;
            switch (row.Status)
            {
                case ImportRowStatus.Invalid: job.RowsInvalid++; break;
                case ImportRowStatus.Registered: job.RowsRegistered++; break;
                case ImportRowStatus.Update: job.RowsToUpdate++; break;
                case ImportRowStatus.Review: job.RowsFlagged++; break;
                default: job.RowsValid++; break;
            }
        }

        job.UpdatedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        db.Attach(job);
    }

    private static List<string> GuardianIds(Domain.Children.ChildInput? input) =>
        (input?.Guardians ?? [])
            .Select(g => g.CitizenIdNumber?.Trim().ToUpperInvariant()).OfType<string>().Where(n => n.Length > 0).ToList();
}

/// <summary>One field an update would change: the register's history field name and stored values (<c>ChildRevision</c>).</summary>
public sealed record ImportChange(string Field, string? Old, string? New);

/// <summary>
/// What a flagged row may duplicate: a registered child the importer may open (<c>ChildId</c>), one outside the importer's
/// jurisdiction (only <c>Where</c>, the level to contact — DESIGN C2), or an earlier row of the same file (<c>Row</c>).
/// </summary>
public sealed record ImportMatch(Guid? ChildId, int? Row, string Where);
