using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Children;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Cases;

/// <summary>
/// Attachments of reports and cases: checked by content (<see cref="AttachmentRules"/>), at most 20 MB, stored as files
/// under <c>SHOUHU_DATA_DIR/attachments/</c> named by id (never by the uploaded name), described in the database, and
/// read back only by those who may read the report or case (each read audited).
/// </summary>
public sealed class Attachments(ShouhuDbContext db, ShouhuOptions options, TimeProvider clock)
{
    /// <summary>Largest request an upload may send: the file plus the multipart envelope.</summary>
    public const long MaxRequestBytes = Uploads.MaxRequestBytes;

    private string Folder => Path.Combine(Path.GetFullPath(options.DataDirectory), "attachments");

    /// <summary>Attaches a file to a case (timeline event); see <see cref="Outcome{T}"/> (the attachment's id).</summary>
    public async Task<Outcome<Guid>> AddToCaseAsync(Guid caseId, Actor actor, string? fileName, Stream content, CancellationToken ct)
    {
        var c = await db.Cases.FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null || !CaseAccess.CanRead(c, actor))
        {
            return Outcome.NotFound;
        }

        if (!CaseAccess.CanWork(c, actor))
        {
            return Outcome.Forbidden("只有本案承办人、督导或民政干部可以上传文件");
        }

        return await StoreAsync(new Attachment { RegionCode = c.RegionCode, CaseId = c.Id }, a => CaseTimeline.Event(c, actor, CaseEventKind.Document, $"上传文件：{a.FileName}（{SizeText(a)}）", a.Id, a.UploadedAt), actor, fileName, content, ct);
    }

    /// <summary>Attaches a file to a report (its recorder, or a triager).</summary>
    public async Task<Outcome<Guid>> AddToReportAsync(Guid reportId, Actor actor, string? fileName, Stream content, CancellationToken ct)
    {
        var r = await db.Reports.AsNoTracking().FirstOrDefaultAsync(x => x.Id == reportId, ct);
        if (r is null || !ReportAccess.CanRead(r, actor))
        {
            return Outcome.NotFound;
        }

        if (r.RecordedBy != actor.Id && !Domain.Accounts.Roles.CaseSupervisors.Contains(actor.Role))
        {
            return Outcome.Forbidden("只有报告登记人或研判人员可以上传文件");
        }

        if (r.Status != ReportStatus.AwaitingTriage && !Domain.Accounts.Roles.CaseSupervisors.Contains(actor.Role))
        {
            return Outcome.Refused("报告已研判，补充材料请交给案件承办人上传到案件中");
        }

        return await StoreAsync(new Attachment { RegionCode = r.RegionCode, ReportId = r.Id }, _ => null, actor, fileName, content, ct);
    }

    /// <summary>The size of a stored file as the timeline says it: kilobytes with one decimal (<c>12.5 KB</c>).</summary>
    public static string SizeText(Attachment a) => $"{a.SizeBytes / 1024.0:0.#} KB";

    /// <summary>The files a referral's receiver attached, oldest first (<c>Referrals/AddReferralFile</c>).</summary>
    public async Task<List<AttachmentResponse>> OfReferralAsync(Guid referralId, CancellationToken ct) =>
        (await db.Attachments.AsNoTracking().Where(a => a.ReferralId == referralId).OrderBy(a => a.UploadedAt).ToListAsync(ct)).Select(CaseQueries.ToResponse).ToList();

    /// <summary>
    /// Stores <paramref name="content"/> as the file of <paramref name="attachment"/> (its owner — case, report, referral —
    /// and region set by the caller, whose checks of who may attach come first), with the timeline event
    /// <paramref name="timeline"/> makes of it (null for none), in one save: Invalid (400 on <c>file</c>) for a missing or
    /// dangerous name, an empty file, more than 20 MB or a content type <see cref="AttachmentRules"/> does not allow — and
    /// then nothing is kept; else the new attachment's id.
    /// </summary>
    public async Task<Outcome<Guid>> StoreAsync(Attachment attachment, Func<Attachment, CaseEvent?> timeline, Actor actor, string? fileName, Stream content, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var name = CaseText.Clean(Path.GetFileName(fileName ?? string.Empty), "file", 200, true, errors, "请选择文件");
        if (name is null)
        {
            return Outcome.Invalid(errors);
        }

        if (!AttachmentRules.HasAllowedExtension(name) || name.Any(ch => char.GetUnicodeCategory(ch) == System.Globalization.UnicodeCategory.Format))
        {
            return Outcome.Invalid("file", AttachmentRules.DangerousName);
        }

        Directory.CreateDirectory(Folder);
        attachment.FileName = name;
        attachment.UploadedBy = actor.Id;
        attachment.UploadedByName = actor.DisplayName;
        attachment.UploadedAt = clock.GetUtcNow().UtcDateTime;
        var path = Path.Combine(Folder, attachment.Id.ToString("N"));
        var kept = false;
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                var buffer = new byte[81920];
                long total = 0;
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    total += read;
                    if (total > AttachmentRules.MaxBytes)
                    {
                        return Outcome.Invalid("file", AttachmentRules.TooLarge);
                    }

                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }

                if (total == 0)
                {
                    return Outcome.Invalid("file", "文件是空的");
                }

                if (AttachmentRules.Detect(file) is not { } kind)
                {
                    return Outcome.Invalid("file", AttachmentRules.WrongType);
                }

                file.Position = 0;
                attachment.Kind = kind.Kind;
                attachment.ContentType = kind.ContentType;
                attachment.SizeBytes = total;
                attachment.Sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
            }

            db.Attachments.Add(attachment);
            if (timeline(attachment) is { } step)
            {
                db.CaseEvents.Add(step);
            }

            await db.SaveChangesAsync(ct);
            kept = true;
            return Outcome.Done(attachment.Id);
        }
        finally
        {
            if (!kept)
            {
                File.Delete(path);
            }
        }
    }

    /// <summary>An attachment's description and stored path, when the caller may read its report or case, or receives the referral it was attached to (the read is audited); else null.</summary>
    public async Task<(Attachment Attachment, string Path)?> OpenAsync(Guid id, Actor actor, CancellationToken ct)
    {
        var a = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
        {
            return null;
        }

        var allowed = false;
        if (a.CaseId is { } caseId && await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct) is { } c)
        {
            allowed = CaseAccess.CanRead(c, actor);
        }

        // The receiver of a referral reads the files attached to that referral's feedback — and no other file of the case.
        if (!allowed && a.ReferralId is { } referralId && await db.Referrals.AsNoTracking().FirstOrDefaultAsync(x => x.Id == referralId, ct) is { } referral)
        {
            allowed = referral.IsReceivedBy(actor.OrganizationId, actor.Role);
        }

        if (!allowed && a.ReportId is { } reportId && await db.Reports.AsNoTracking().FirstOrDefaultAsync(x => x.Id == reportId, ct) is { } r)
        {
            allowed = ReportAccess.MaySeeFiles(r, actor);
        }

        var path = Path.Combine(Folder, a.Id.ToString("N"));
        if (!allowed || !File.Exists(path))
        {
            return null;
        }

        db.RecordAudit("View", "Attachment", a.Id.ToString(), a.RegionCode, a.CaseId is { } cid ? $"case={cid}" + (a.ReferralId is { } rid ? $";referral={rid}" : string.Empty) : $"report={a.ReportId}");
        await db.SaveChangesAsync(ct);
        return (a, path);
    }
}
