using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Children;
using Shouhu.Domain.Imports;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Imports;

/// <summary>One row's choice: the row as Excel numbers it on its sheet, and <c>decision</c> <c>"apply"</c> or <c>"skip"</c>.</summary>
public sealed record RowDecision(string? Sheet, int? Row, string? Decision);

/// <summary>Body of <c>POST /api/v1/imports/{id}/decisions</c>: up to <see cref="DecideImportRows.MaxRows"/> rows.</summary>
public sealed record DecisionsRequest(IReadOnlyList<RowDecision>? Rows);

/// <summary>The answer: how many rows now carry the decision given.</summary>
public sealed record DecisionsAnswer(int Decided);

/// <summary>
/// The user's choice row by row, before the commit (issue #12 item 5): for an update of a registered child
/// (<see cref="ImportRowStatus.Update"/>) <c>apply</c> writes the fields shown in its diff, <c>skip</c> leaves the record;
/// for a row flagged as a possible duplicate (<see cref="ImportRowStatus.Review"/>) <c>apply</c> registers it as a new
/// child, <c>skip</c> leaves it out — a flagged row is never merged into another record. Only while the dry run's
/// result stands (<c>validated</c> or <c>invalid</c>); a choice may be changed until the commit starts.
/// </summary>
public sealed class DecideImportRows(ShouhuDbContext db)
{
    /// <summary>Most rows in one request.</summary>
    public const int MaxRows = 10_000;

    /// <summary>The decision named <paramref name="value"/> (<c>apply</c> / <c>skip</c>), null when empty; an error at <paramref name="field"/> otherwise.</summary>
    public static ImportRowDecision? Parse(string? value, string field, ValidationErrors errors)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "": return null;
            case "apply": return ImportRowDecision.Apply;
            case "skip": return ImportRowDecision.Skip;
            default:
                errors.Add(field, "应为 apply（更新或作为新儿童登记）或 skip（跳过）");
                return null;
        }
    }

    /// <summary>Records the decisions; 400 naming the entry (<c>rows[i]</c>) that is unknown or needs no decision, 409 once the commit started.</summary>
    public async Task<Outcome<int>> RunAsync(Guid id, DecisionsRequest body, CancellationToken ct)
    {
        var job = await db.ImportJobs.FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null)
        {
            return Outcome.NotFound;
        }

        if (job.Status is not (ImportStatus.Validated or ImportStatus.Invalid))
        {
            return Outcome.Refused(job.Status == ImportStatus.Validating ? "核查尚未完成，请等核查结束后再选择" : "该导入已确认或无法读取，不能再选择");
        }

        var errors = new ValidationErrors();
        var rows = body.Rows ?? [];
        if (rows.Count == 0 || rows.Count > MaxRows)
        {
            errors.Add("rows", $"请提供 1 至 {MaxRows} 行的选择");
            return Outcome.Invalid(errors);
        }

        var wanted = new List<(int Index, string Sheet, int Row, ImportRowDecision Decision)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var decision = Parse(r.Decision, $"rows[{i}].decision", errors);
            if (string.IsNullOrWhiteSpace(r.Sheet) || r.Row is not > 0)
            {
                errors.Add($"rows[{i}]", "须给出工作表名 sheet 和行号 row");
            }
            else if (decision is null && !errors.ToDictionary().ContainsKey($"rows[{i}].decision"))
            {
                errors.Add($"rows[{i}].decision", "须选择 apply 或 skip");
            }
            else if (decision is { } d)
            {
                wanted.Add((i, r.Sheet.Trim(), r.Row.Value, d));
            }
        }

        var sheets = wanted.Select(w => w.Sheet).Distinct().ToList();
        var numbers = wanted.Select(w => w.Row).Distinct().ToList();
        var found = (await db.ImportJobRows.Where(r => r.JobId == id && sheets.Contains(r.Sheet) && numbers.Contains(r.RowNumber)).ToListAsync(ct))
            .ToDictionary(r => (r.Sheet, r.RowNumber));
        foreach (var (index, sheet, number, decision) in wanted)
        {
            if (!found.TryGetValue((sheet, number), out var row) || row.Status is not (ImportRowStatus.Update or ImportRowStatus.Review))
            {
                errors.Add($"rows[{index}]", $"「{sheet}」第 {number} 行不是需要选择的行（只有更新已登记儿童的行和疑似重复的行需要选择）");
            }
            else
            {
                row.Decision = decision;
            }
        }

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        db.RecordAudit("ImportRowsDecided", nameof(ImportJob), job.Id.ToString(), job.RegionCode,
            $"apply={wanted.Count(w => w.Decision == ImportRowDecision.Apply)}; skip={wanted.Count(w => w.Decision == ImportRowDecision.Skip)}");
        job.UpdatedAt = DateTime.UtcNow;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Refused("该导入刚刚被确认或重新核查，请刷新后再选择");
        }

        return Outcome.Done(wanted.Count);
    }
}
