using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Imports;
using Shouhu.Domain.Time;
using Shouhu.Imports;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Imports;

/// <summary>
/// The validation report of an import (<c>GET /api/v1/imports/{id}/report</c>; issue #12 item 4): the user's own workbook
/// with the 错误说明 column and the faulty cells marked (<see cref="ReportWorkbook"/>), from the dry run's own rows
/// (<c>ImportJobRows.Problems</c>) — written into a temporary file, audited as an export (<c>ImportReport</c>: the rows with
/// problems, never content), then sent (<see cref="ExportFile"/>). Only while the upload is kept: 409 while the dry run
/// runs, 410 once the commit has ended (the file is deleted then). The import is found through the jurisdiction filter
/// (404 outside it); the cells are masked by the caller's <see cref="OutputChannel.ImportReport"/> view (ADR-013).
/// </summary>
public sealed class DownloadImportReport(ShouhuDbContext db, ImportFiles files)
{
    /// <summary>The report's file name (before the date).</summary>
    public const string FileName = "核查报告";

    /// <summary>The written report, rewound (status 200), or why not: 404, 409 or 410 with the Chinese reason.</summary>
    public async Task<(FileStream? File, int Status, string? Detail)> RunAsync(Guid id, PersonalDataView view, CancellationToken ct)
    {
        var job = await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null)
        {
            return (null, StatusCodes.Status404NotFound, "没有这个导入");
        }

        if (job.Status == ImportStatus.Validating)
        {
            return (null, StatusCodes.Status409Conflict, "核查尚未完成，请等核查结束后再下载核查报告");
        }

        byte[] upload;
        try
        {
            await using var kept = files.Open(id);
            using var buffer = new MemoryStream();
            await kept.CopyToAsync(buffer, ct);
            upload = buffer.ToArray();
        }
        catch (FileNotFoundException)
        {
            return (null, StatusCodes.Status410Gone, job.Status == ImportStatus.Committed
                ? "该文件已导入完成，上传的文件已按规定删除，核查报告不再提供"
                : "上传的文件已不在服务器上，请重新上传");
        }

        var stored = await db.ImportJobRows.AsNoTracking().Where(r => r.JobId == id && r.Problems != null)
            .Select(r => new { r.Sheet, r.RowNumber, r.Problems }).ToListAsync(ct);
        var mapping = ImportMapping.Read(job.Mapping);
        // A problem is marked where it was filed: a family member's problem sits on its own 家庭成员 row, not on its child's.
        var rows = stored.SelectMany(r => JsonSerializer.Deserialize<List<ImportProblem>>(r.Problems!, ValidateImport.Json) ?? [])
            .Where(p => p.Row > 0).GroupBy(p => (p.Sheet, p.Row))
            .Select(g => new ReportRow(g.Key.Sheet, g.Key.Row, g.Select(p => (p.ColumnIndex ?? ColumnOf(mapping, p.Sheet, p.Column), p.Message)).ToList()))
            .ToList();
        var headerRows = mapping.ToDictionary(m => m.Sheet, m => m.HeaderRow, StringComparer.Ordinal);
        try
        {
            var file = await ExportFile.WriteAsync(async output =>
            {
                ReportWorkbook.Write(upload, output, rows, headerRows, view);
                db.RecordAudit("ImportReport", nameof(ImportJob), job.Id.ToString(), job.RegionCode, ExportFile.AuditDetail(rows.Count, ("sha256", job.FileSha256)));
                await db.SaveChangesAsync(ct);
            });
            return (file, StatusCodes.Status200OK, null);
        }
        catch (SurveyFileException e)
        {
            return (null, StatusCodes.Status409Conflict, e.Message);
        }
    }

    // A problem the reader filed by header only (the dry run's own checks): its column, when one headed column has that header.
    private static int? ColumnOf(IReadOnlyList<ImportSheetMapping> mapping, string sheet, string header)
    {
        var columns = mapping.FirstOrDefault(m => m.Sheet == sheet)?.Columns.Where(c => c.Header == header).ToList() ?? [];
        return columns.Count == 1 ? ImportMapping.IndexOf(columns[0].Column) : null;
    }

    /// <summary>The answer: the report as 核查报告-yyyyMMdd.xlsx (China date).</summary>
    public static FileStreamHttpResult Answer(FileStream file, TimeProvider clock) => ExportFile.Answer(file, FileName, ChinaTime.Today(clock));
}
