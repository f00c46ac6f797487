using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Casework;
using Shouhu.Web.Features.Cases;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Referrals;

/// <summary>
/// The receiver of a referral attaches a file to its feedback (a 告诫书, a medical report; issue #10 item 16): only its
/// receiver (<see cref="Referral.IsReceivedBy"/>), once it has accepted it — while in progress or after completion; the
/// file joins the case file and its timeline, stored and checked like every attachment (<see cref="Attachments"/>: by
/// content, at most 20 MB, a field error on <c>file</c> otherwise).
/// </summary>
public sealed class AddReferralFile(ShouhuDbContext db, ReferralsAbroad abroad, Attachments attachments)
{
    /// <summary>
    /// Stores the file. Missing when the referral is absent, outside the jurisdiction, or the caller neither receives it
    /// nor reads its case; Forbidden for case staff; Refused before acceptance, after a refusal, or when the case has
    /// since moved to another jurisdiction while the referral is still open (<see cref="ReferralsAbroad.Open"/>: its files
    /// went with the case) — a referral completed or declined there is gone for the receiver (Missing).
    /// </summary>
    public async Task<Outcome<Guid>> RunAsync(Guid referralId, Actor actor, string? fileName, Stream content, CancellationToken ct)
    {
        var r = await db.Referrals.AsNoTracking().FirstOrDefaultAsync(x => x.Id == referralId, ct);
        var c = r is null ? null : await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == r.CaseId, ct);
        if (r is null || c is null)
        {
            return r is null && await abroad.Open(actor).AnyAsync(x => x.Id == referralId, ct)
                ? Outcome.Refused("该案件已移交其他地区，转介材料请交给现承办地区")
                : Outcome.NotFound;
        }

        if (!r.IsReceivedBy(actor.OrganizationId, actor.Role))
        {
            return CaseAccess.CanRead(c, actor) ? Outcome.Forbidden("只有接收机构可以上传转介办理材料") : Outcome.NotFound;
        }

        if (r.Status is not (ReferralStatus.Accepted or ReferralStatus.Completed))
        {
            return Outcome.Refused(r.Status == ReferralStatus.Sent ? "请先接收转介，再上传办理材料" : "已拒绝的转介不能上传材料");
        }

        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == r.OrganizationId).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? string.Empty;
        return await attachments.StoreAsync(new Attachment { RegionCode = r.RegionCode, CaseId = r.CaseId, ReferralId = r.Id },
            a => CaseTimeline.Event(c, actor, CaseEventKind.Document, $"{organization} 上传转介办理材料：{a.FileName}（{Attachments.SizeText(a)}）", a.Id, a.UploadedAt), actor, fileName, content, ct);
    }
}
