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
/// registered inside it is that child (<see cref="ImportRowStatus.Registered"/>). Writes only the import's own rows, a
/// batch per transaction, and the counts for the progress bar; nothing of the register. Run again from the start when
/// resumed (it is a pure function of the file and the register).
/// </summary>
public sealed class ValidateImport(ShouhuDbContext db, ISurveyRowSource source, ImportFiles files, DuplicateCheck duplicates)
{
    /// <summary>Rows per batch (one transaction each).</summary>
    public const int BatchSize = 500;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

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
        (job.RowsTotal, job.RowsValidated, job.RowsValid, job.RowsInvalid, job.RowsRegistered) = (0, 0, 0, 0, 0);
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<(string, int)>();
        var batch = new List<SurveyRowRead>(BatchSize);
        try
        {
            await using var file = files.Open(jobId);
            await foreach (var row in source.ReadAsync(file, new SurveyReadContext(job.AsOf, job.RegionCode), ct))
            {
                batch.Add(row);
                if (batch.Count == BatchSize)
                {
                    await CheckAndKeepAsync(job, batch, firstRowOf, seen, ct);
                    batch.Clear();
                }
            }

            await CheckAndKeepAsync(job, batch, firstRowOf, seen, ct);
        }
        catch (SurveyFileException e)
        {
            db.ChangeTracker.Clear();
            await db.ImportJobRows.Where(r => r.JobId == jobId).ExecuteDeleteAsync(ct);
            job = await db.ImportJobs.FirstAsync(j => j.Id == jobId, ct);
            job.Status = ImportStatus.Failed;
            job.Failure = e.Message;
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
            job.Failure = job.RowsTotal == 0 ? "文件中没有儿童数据行" : null;
        }

        job.UpdatedAt = DateTime.UtcNow;
        db.RecordAudit("ImportValidated", nameof(ImportJob), job.Id.ToString(), job.RegionCode,
            $"status={job.Status}; rows={job.RowsTotal}; valid={job.RowsValid}; invalid={job.RowsInvalid}; registered={job.RowsRegistered}");
        await db.SaveChangesAsync(ct);
    }

    private async Task CheckAndKeepAsync(ImportJob job, List<SurveyRowRead> batch, Dictionary<string, int> firstRowOf, HashSet<(string, int)> seen, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var residences = batch.Select(r => r.Input?.ResidenceRegionCode).OfType<string>().Distinct().ToList();
        var known = (await db.Regions.AsNoTracking().Where(r => residences.Contains(r.Code)).Select(r => r.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var numbers = batch.Where(r => r.Problems.Count == 0).Select(r => r.Input?.CitizenIdNumber).OfType<string>().Distinct().ToList();
        var registered = await db.Beyond<Domain.Children.Child>(JurisdictionBypass.DuplicateCheck)
            .Where(c => c.CitizenIdNumber != null && numbers.Contains(c.CitizenIdNumber))
            .Select(c => new { c.Id, Number = c.CitizenIdNumber!, c.RegionCode }).ToDictionaryAsync(c => c.Number, StringComparer.Ordinal, ct);
        foreach (var read in batch)
        {
            if (!seen.Add((read.Sheet, read.Row)))
            {
                continue; // a reader gives each row once; a second answer for the same row adds nothing
            }

            var problems = read.Problems.ToList();
            var row = new ImportJobRow { JobId = job.Id, Sheet = read.Sheet, RowNumber = read.Row, RegionCode = job.RegionCode };
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
            }

            row.Status = problems.Count > 0 ? ImportRowStatus.Invalid : row.ChildId is not null ? ImportRowStatus.Registered : ImportRowStatus.New;
            row.Input = row.Status == ImportRowStatus.New ? JsonSerializer.Serialize(read.Input, Json) : null;
            row.Problems = problems.Count > 0 ? JsonSerializer.Serialize(problems, Json) : null;
            if (!db.Caller.CanSee(row.RegionCode))
            {
                row.RegionCode = job.RegionCode; // a refused row is kept under the import's own jurisdiction
            }

            db.ImportJobRows.Add(row);
            job.RowsTotal++;
            job.RowsValidated++;
            switch (row.Status)
            {
                case ImportRowStatus.Invalid: job.RowsInvalid++; break;
                case ImportRowStatus.Registered: job.RowsRegistered++; break;
                default: job.RowsValid++; break;
            }
        }

        job.UpdatedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        db.Attach(job);
    }
}
