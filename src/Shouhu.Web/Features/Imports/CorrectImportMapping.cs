using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Children;
using Shouhu.Domain.Imports;
using Shouhu.Imports;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Imports;

/// <summary>
/// Corrects an import's column mapping (<c>PUT /api/v1/imports/{id}/mapping</c>; issue #12 item 2): the columns of one
/// sheet set to a field or, with <c>field: null</c>, ignored. Accepted while the import is <c>validated</c> or
/// <c>invalid</c>, or <c>failed</c> for a reason the mapping can cause (a header but no data row, <see cref="ValidateImport.NoRows"/>);
/// otherwise 409. 400 names what is wrong: <c>sheet</c> (not a sheet of the mapping), <c>columns</c> (none, or two columns
/// to one field), <c>columns[i].column</c> (no such headed column), <c>columns[i].field</c> (no such field on this sheet).
/// The correction is stored on the import (so a restart keeps it: the runner takes up <c>validating</c> imports again,
/// ADR-013) and the dry run runs again in the background with it; the status is <c>validating</c> meanwhile.
/// </summary>
public sealed class CorrectImportMapping(ShouhuDbContext db, ImportQueue queue)
{
    /// <summary>Stores the correction and restarts the dry run; the import as it now stands, or why not.</summary>
    public async Task<Outcome<ImportJob>> RunAsync(Guid id, MappingRequest body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var job = await db.ImportJobs.FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null)
        {
            return Outcome.NotFound;
        }

        var refusal = job.Status switch
        {
            ImportStatus.Validated or ImportStatus.Invalid => null,
            ImportStatus.Failed when job.Mapping is not null && job.Failure == ValidateImport.NoRows => null,
            ImportStatus.Validating => "核查尚未完成，请等核查结束后再更正列的对应",
            ImportStatus.Committing or ImportStatus.Committed => "该文件已确认导入，不能再更正列的对应",
            _ => "文件无法读取，更正列的对应也无济于事：请修改后重新上传",
        };
        if (refusal is not null)
        {
            return Outcome.Refused(refusal);
        }

        var errors = new ValidationErrors();
        var sheet = ImportMapping.Read(job.Mapping).FirstOrDefault(s => s.Sheet == body.Sheet);
        if (sheet is null)
        {
            errors.Add("sheet", string.IsNullOrWhiteSpace(body.Sheet) ? "请填写工作表名称" : $"文件中没有已识别的工作表“{body.Sheet}”");
            return Outcome.Invalid(errors);
        }

        var columns = body.Columns ?? [];
        if (columns.Count == 0)
        {
            errors.Add("columns", "请至少更正一列");
        }

        var fields = ImportMapping.FieldsOf(sheet.Sheet);
        var chosen = new List<(string Letter, SurveyField Field)>();
        var letters = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            var c = columns[i];
            var letter = (c.Column ?? string.Empty).Trim().ToUpperInvariant();
            if (ImportMapping.IndexOf(letter) is null || sheet.Columns.All(m => m.Column != letter))
            {
                errors.Add($"columns[{i}].column", string.IsNullOrWhiteSpace(c.Column) ? "请填写列（如 F）" : $"工作表“{sheet.Sheet}”没有带表头的第 {c.Column} 列");
            }
            else if (!letters.Add(letter))
            {
                errors.Add($"columns[{i}].column", $"第 {letter} 列填写了两次");
            }

            if (string.IsNullOrWhiteSpace(c.Field))
            {
                continue;
            }

            if (ImportMapping.FieldOf(c.Field) is not { } field || fields.All(f => f.Field != field))
            {
                errors.Add($"columns[{i}].field", $"工作表“{sheet.Sheet}”没有字段“{c.Field}”");
            }
            else
            {
                chosen.Add((letter, field));
            }
        }

        foreach (var twice in chosen.GroupBy(c => c.Field).Where(g => g.Count() > 1))
        {
            errors.Add("columns", $"第 {string.Join("、", twice.Select(t => t.Letter))} 列不能都对应“{SurveyFields.Info(twice.Key).Header}”：一个字段只能对应一列");
        }

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        var corrections = ImportMapping.ReadCorrections(job.MappingCorrections).ToList();
        corrections.Add(new MappingRequest(sheet.Sheet, columns.Select(c => new ColumnCorrection(c.Column!.Trim().ToUpperInvariant(), ImportMapping.FieldOf(c.Field)?.ToString())).ToList()));
        job.MappingCorrections = JsonSerializer.Serialize(corrections, ImportMapping.Json);
        (job.Status, job.Failure, job.UpdatedAt) = (ImportStatus.Validating, null, DateTime.UtcNow);
        db.RecordAudit("ImportMappingCorrected", nameof(ImportJob), job.Id.ToString(), job.RegionCode, $"columns={columns.Count}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Refused("该导入刚被他人更改，请刷新后重试");
        }

        queue.Enqueue(job.Id);
        return Outcome.Done(job);
    }
}
