using System.Globalization;
using Shouhu.Data;
using Shouhu.Domain.Children;
using Shouhu.Domain.Imports;
using Shouhu.Domain.Time;
using Shouhu.Imports;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Imports;

/// <summary>
/// Uploads a survey (<c>POST /api/v1/imports</c>): keeps the file, records the import in the caller's jurisdiction with its
/// 统计截止日, audits the upload by the file's hash and size (never its content or name), and hands it to the background
/// runner — the dry run starts at once and goes on if the user closes the tab.
/// </summary>
public sealed class StartImport(ShouhuDbContext db, ImportFiles files, ImportQueue queue, TimeProvider clock)
{
    /// <summary>
    /// Starts an import of <paramref name="content"/> named <paramref name="fileName"/>; <paramref name="asOf"/> is the
    /// 统计截止日 (<c>YYYY-MM-DD</c>, not after today; today when empty). 400 on <c>asOf</c>, or on <c>file</c> when it is
    /// empty or not an xlsx or CSV by its content (<see cref="SurveyFile.Check"/>'s Chinese reason); nothing is recorded then.
    /// </summary>
    public async Task<Outcome<ImportJob>> RunAsync(Stream content, string? fileName, long length, string? asOf, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var today = ChinaTime.Today(clock);
        var day = today;
        if (!string.IsNullOrWhiteSpace(asOf))
        {
            if (!DateOnly.TryParseExact(asOf.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            {
                errors.Add("asOf", "统计截止日应为 YYYY-MM-DD 格式的日期");
            }
            else if (day > today)
            {
                errors.Add("asOf", "统计截止日不能晚于今天");
            }
        }

        if (length == 0)
        {
            errors.Add("file", "文件是空的");
        }

        // The reader's content check, before anything is recorded (an .exe, an old .xls, an encrypted or corrupt workbook,
        // a zip bomb): refused here with its reason rather than as a failed import a moment later.
        using var upload = new MemoryStream(length is > 0 and <= ImportFiles.MaxBytes ? (int)length : 0);
        await content.CopyToAsync(upload, ct);
        if (length > 0 && SurveyFile.Check(upload.GetBuffer().AsSpan(0, (int)upload.Length), null, out var refusal) is null)
        {
            errors.Add("file", refusal ?? SurveyFile.NotSpreadsheet);
        }

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        if (db.Caller.JurisdictionCode is not { } jurisdiction || !db.Caller.HasJurisdiction)
        {
            return Outcome.Forbidden("账号没有辖区，不能导入");
        }

        var name = Path.GetFileName(fileName ?? "survey");
        var job = new ImportJob
        {
            Id = Guid.NewGuid(),
            RegionCode = jurisdiction,
            CreatedBy = db.Caller.ActorId,
            CreatedByName = db.Caller.ActorName,
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
            FileName = name.Length > 255 ? name[..255] : name,
            AsOf = day,
            Status = ImportStatus.Validating,
        };
        upload.Position = 0;
        (job.FileSha256, job.FileSize) = await files.KeepAsync(job.Id, upload, ct);
        db.ImportJobs.Add(job);
        db.RecordAudit("ImportUploaded", nameof(ImportJob), job.Id.ToString(), job.RegionCode, $"sha256={job.FileSha256}; bytes={job.FileSize}; asOf={day:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        queue.Enqueue(job.Id);
        return Outcome.Done(job);
    }
}
