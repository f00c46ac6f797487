using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Children;
using Shouhu.Domain.Identity;
using Shouhu.Domain.Time;
using Shouhu.Web.Features.Cases;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Referrals;

/// <summary>
/// A referral as its receiver sees it — and all they see: the reason, what the sender chose to share, the case number
/// and the child's basic identity (name, sex, age, village; ID number masked), and the files the receiver attached to
/// its feedback (<see cref="Files"/>). Never the case file, its timeline, its other files or its other referrals.
/// <see cref="CallerReceives"/> is true when the caller is the receiver, who alone acts on it and attaches files.
/// </summary>
public sealed record ReferralView(
    Guid Id,
    string CaseNumber,
    string Status,
    string OrganizationName,
    string Reason,
    string? SharedInformation,
    DateTimeOffset? DueAt,
    bool Overdue,
    DateTimeOffset SentAt,
    string SentByName,
    ReferredChild? Child,
    string? RespondedByName,
    DateTimeOffset? RespondedAt,
    string? DeclineReason,
    string? ActionsTaken,
    string? Feedback,
    DateTimeOffset? CompletedAt,
    IReadOnlyList<AttachmentResponse> Files,
    bool CallerReceives);

/// <summary>The child of a referral, as little as the receiver needs to act.</summary>
public sealed record ReferredChild(string Name, string Sex, int Age, string RegionCode, string? RegionName, string? CitizenIdNumberMasked);

/// <summary>A line of a referral list.</summary>
public sealed record ReferralListItem(Guid Id, string CaseNumber, Guid CaseId, string Status, string OrganizationName, string Reason, DateTimeOffset? DueAt, bool Overdue, DateTimeOffset SentAt, string SentByName);

/// <summary>Body of accept / decline / progress / complete (API-CONTRACT.md <c>{note}</c>): required to decline (the reason), for progress and to complete (the feedback).</summary>
public sealed record ReferralNoteRequest(string? Note);

/// <summary>Answer of a receiver's action: the referral's new status.</summary>
public sealed record ReferralStatusResponse(Guid Id, string Status);

/// <summary>
/// The receiving side of referrals (DESIGN C5): the inbox of the caller's organisation, and accept, decline, record
/// progress, complete — each written to the case's timeline. The receiver is whoever belongs to the organisation the
/// referral was sent to (inside their jurisdiction, which contains the case's place: see <see cref="SendReferral"/>);
/// when the case has since moved outside it, an open referral stays theirs through <see cref="ReferralsAbroad"/>.
/// </summary>
public sealed class ReferralInbox(ShouhuDbContext db, RegionNames regionNames, TimeProvider clock, ChildFileChanges fileChanges, ReferralsAbroad abroad, IAuthorizationService authorization, Attachments attachments)
{
    /// <summary>Most referrals one list shows (newest first).</summary>
    public const int MaxListed = 500;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Referrals of a box: <c>inbox</c> (sent to the caller's organisation) or <c>outgoing</c> (of cases the caller works
    /// on or supervises; overdue ones first — the escalation to the supervisor). <paramref name="status"/> an API status text.
    /// Audited as a List, and saved, unless <paramref name="audit"/> is false (the export audits itself and saves; a
    /// look at referrals of cases abroad is recorded either way).
    /// </summary>
    public async Task<List<ReferralListItem>> ListAsync(Actor actor, string? box, string? status, CancellationToken ct, bool audit = true)
    {
        var query = db.Referrals.AsNoTracking();
        if (box == "outgoing")
        {
            var caseIds = db.Cases.Where(c => c.AssignedWorkerId == actor.Id || c.SupervisorId == actor.Id).Select(c => c.Id);
            query = query.Where(r => caseIds.Contains(r.CaseId));
        }
        else
        {
            if (actor.OrganizationId is not { } org || !Domain.Accounts.Roles.ReferralReceivers.Contains(actor.Role))
            {
                return [];
            }

            query = query.Where(r => r.OrganizationId == org);
        }

        // The receiver's open referrals of cases that moved out of their jurisdiction (ReferralsAbroad), inbox only.
        var outside = box == "outgoing" ? db.Referrals.AsNoTracking().Where(_ => false) : abroad.Open(actor);
        if (Enum.GetValues<ReferralStatus>().Cast<ReferralStatus?>().FirstOrDefault(s => Referral.StatusText(s!.Value) == status) is { } wanted)
        {
            query = query.Where(r => r.Status == wanted);
            outside = outside.Where(r => r.Status == wanted);
        }

        var rows = await query.OrderByDescending(r => r.SentAt).Take(MaxListed).ToListAsync(ct);
        var outsideRows = await outside.OrderByDescending(r => r.SentAt).Take(MaxListed).ToListAsync(ct);
        var caseIdsOnPage = rows.Select(r => r.CaseId).Distinct().ToList();
        var numbers = await db.Cases.AsNoTracking().Where(c => caseIdsOnPage.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.CaseNumber, ct);
        if (outsideRows.Count > 0)
        {
            foreach (var (caseId, number) in await abroad.CaseNumbersAsync(outsideRows.Select(r => r.CaseId).Distinct().ToList(), ct))
            {
                numbers[caseId] = number;
            }

            db.RecordAudit("List", "Referral", null, db.Caller.JurisdictionCode ?? string.Empty, $"{ReferralsAbroad.AuditDetail};rows={outsideRows.Count}");
            rows = [.. rows, .. outsideRows];
        }

        var orgIds = rows.Select(r => r.OrganizationId).Distinct().ToList();
        var orgNames = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        if (audit)
        {
            db.RecordAudit("List", "Referral", null, db.Caller.JurisdictionCode ?? string.Empty, $"box={(box == "outgoing" ? "outgoing" : "inbox")};rows={rows.Count}");
            await db.SaveChangesAsync(ct);
        }

        var now = Now;
        return rows
            .Select(r => new ReferralListItem(r.Id, numbers.GetValueOrDefault(r.CaseId) ?? string.Empty, r.CaseId, Referral.StatusText(r.Status), orgNames.GetValueOrDefault(r.OrganizationId) ?? string.Empty,
                r.Reason, r.DueAt is { } d ? ChinaTime.ToChina(d) : null, r.IsOverdue(now), ChinaTime.ToChina(r.SentAt), r.SentByName))
            .OrderByDescending(r => r.Overdue).ThenByDescending(r => r.SentAt).ToList();
    }

    /// <summary>
    /// One referral as the receiver sees it (audited as a View); also readable by those who may read its case. Null when
    /// absent, outside the jurisdiction, or neither.
    /// </summary>
    public async Task<ReferralView?> GetAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var actor = Actor.From(user);
        var r = await db.Referrals.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null)
        {
            return await GetAbroadAsync(id, actor, ct);
        }

        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == r.CaseId, ct);
        var receives = (await authorization.AuthorizeAsync(user, r, ReferralOperations.Respond)).Succeeded;
        if (c is null || !((await authorization.AuthorizeAsync(user, r, ReferralOperations.Read)).Succeeded || CaseAccess.CanRead(c, actor)))
        {
            return null;
        }

        var orgName = await db.Organizations.AsNoTracking().Where(o => o.Id == r.OrganizationId).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? string.Empty;
        ReferredChild? child = null;
        if (c.ChildId is { } childId && await db.Children.AsNoTracking().Where(x => x.Id == childId)
                .Select(x => new { x.Name, x.Sex, x.BirthDate, x.RegionCode, x.CitizenIdNumber }).FirstOrDefaultAsync(ct) is { } k)
        {
            var regionName = (await regionNames.NamesAsync([k.RegionCode], ct)).GetValueOrDefault(k.RegionCode);
            // The receiving organisation gets the child's basic identity only: masked number, age (PersonalDataPolicy).
            var view = PersonalDataPolicy.For(actor.Role, OutputChannel.Referral);
            child = new ReferredChild(k.Name, SexText.ToApi(k.Sex), ChinaTime.AgeOn(k.BirthDate, ChinaTime.Today(clock)), k.RegionCode, regionName, view.IdNumber(k.CitizenIdNumber));
        }

        var files = await attachments.OfReferralAsync(r.Id, ct);
        db.RecordAudit("View", "Referral", r.Id.ToString(), r.RegionCode, $"case={r.CaseId}");
        await db.SaveChangesAsync(ct);
        return new ReferralView(r.Id, c.CaseNumber, Referral.StatusText(r.Status), orgName, r.Reason, r.SharedInformation, r.DueAt is { } d ? ChinaTime.ToChina(d) : null,
            r.IsOverdue(Now), ChinaTime.ToChina(r.SentAt), r.SentByName, child, r.RespondedByName, r.RespondedAt is { } ra ? ChinaTime.ToChina(ra) : null,
            r.DeclineReason, r.ActionsTaken, r.Feedback, r.CompletedAt is { } ca ? ChinaTime.ToChina(ca) : null, files, receives);
    }

    // An open referral of the caller's organisation whose case moved away: the referral alone, without the child's
    // register data (it belongs to the other jurisdiction now).
    private async Task<ReferralView?> GetAbroadAsync(Guid id, Actor actor, CancellationToken ct)
    {
        if (await abroad.Open(actor).FirstOrDefaultAsync(x => x.Id == id, ct) is not { } r)
        {
            return null;
        }

        var number = (await abroad.CaseNumbersAsync([r.CaseId], ct)).GetValueOrDefault(r.CaseId) ?? string.Empty;
        var orgName = await db.Organizations.AsNoTracking().Where(o => o.Id == r.OrganizationId).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? string.Empty;
        db.RecordAudit("View", "Referral", r.Id.ToString(), r.RegionCode, $"case={r.CaseId};{ReferralsAbroad.AuditDetail}");
        await db.SaveChangesAsync(ct);
        return new ReferralView(r.Id, number, Referral.StatusText(r.Status), orgName, r.Reason, r.SharedInformation, r.DueAt is { } d ? ChinaTime.ToChina(d) : null,
            r.IsOverdue(Now), ChinaTime.ToChina(r.SentAt), r.SentByName, null, r.RespondedByName, r.RespondedAt is { } ra ? ChinaTime.ToChina(ra) : null,
            r.DeclineReason, r.ActionsTaken, r.Feedback, r.CompletedAt is { } ca ? ChinaTime.ToChina(ca) : null, [], true);
    }

    /// <summary>The receiver accepts, declines (note = reason), records progress or completes (note = feedback).</summary>
    public async Task<Outcome<ReferralStatusResponse>> ActAsync(Guid id, ReferralAction action, ClaimsPrincipal user, ReferralNoteRequest body, CancellationToken ct)
    {
        var actor = Actor.From(user);
        var r = await db.Referrals.FirstOrDefaultAsync(x => x.Id == id, ct);
        // A referral whose case moved out of the receiver's jurisdiction is worked on in the bypass's own context.
        await using var wide = r is null ? await abroad.ContextForAsync(id, actor, ct) : null;
        var work = wide ?? db;
        r ??= wide is null ? null : await wide.Referrals.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null)
        {
            return Outcome.NotFound;
        }

        if (!(await authorization.AuthorizeAsync(user, r, ReferralOperations.Respond)).Succeeded)
        {
            // Staff of the case may read the referral but only the receiver acts on it; anyone else learns nothing.
            var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == r.CaseId, ct);
            return c is not null && CaseAccess.CanRead(c, actor)
                ? Outcome.Forbidden("只有接收机构可以办理转介")
                : Outcome.NotFound;
        }

        if (Referral.Refusal(r.Status, action) is { } why)
        {
            return Outcome.Refused(why);
        }

        var errors = new ValidationErrors();
        var note = CaseText.Clean(body.Note, "note", 4000, action != ReferralAction.Accept, errors, action switch
        {
            ReferralAction.Decline => "拒绝须填写理由",
            ReferralAction.Complete => "办结须填写办理结果反馈",
            _ => "请填写办理情况",
        });
        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        var now = Now;
        var orgName = await work.Organizations.AsNoTracking().Where(o => o.Id == r.OrganizationId).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? string.Empty;
        (CaseEventKind kind, string text) = action switch
        {
            ReferralAction.Accept => (CaseEventKind.ReferralAccepted, $"{orgName} 接收转介" + (note is null ? string.Empty : $"：{note}")),
            ReferralAction.Decline => (CaseEventKind.ReferralDeclined, $"{orgName} 拒绝转介：{note}"),
            ReferralAction.Progress => (CaseEventKind.ReferralProgress, $"{orgName} 办理情况：{note}"),
            _ => (CaseEventKind.ReferralCompleted, $"{orgName} 办结转介，反馈：{note}"),
        };
        switch (action)
        {
            case ReferralAction.Accept:
            case ReferralAction.Decline:
                r.Status = action == ReferralAction.Accept ? ReferralStatus.Accepted : ReferralStatus.Declined;
                r.RespondedAt = now;
                r.RespondedBy = actor.Id;
                r.RespondedByName = actor.DisplayName;
                if (action == ReferralAction.Decline)
                {
                    r.DeclineReason = note;
                }
                else if (note is not null)
                {
                    r.ActionsTaken = $"{ChinaTime.ToChina(now):yyyy-MM-dd HH:mm} {actor.DisplayName}（接收）：{note}";
                }

                break;
            case ReferralAction.Progress:
                r.ActionsTaken = (r.ActionsTaken is null ? string.Empty : r.ActionsTaken + "\n") + $"{ChinaTime.ToChina(now):yyyy-MM-dd HH:mm} {actor.DisplayName}：{note}";
                break;
            default:
                r.Status = ReferralStatus.Completed;
                r.Feedback = note;
                r.CompletedAt = now;
                break;
        }

        if (wide is not null)
        {
            wide.RecordAudit("Update", "Referral", r.Id.ToString(), r.RegionCode, $"{action};{ReferralsAbroad.AuditDetail}");
        }

        work.CaseEvents.Add(new CaseEvent
        {
            CaseId = r.CaseId,
            RegionCode = r.RegionCode,
            At = now,
            Kind = kind,
            ActorId = actor.Id,
            ActorName = actor.DisplayName,
            Text = text,
            SubjectId = r.Id,
        });
        try
        {
            await work.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Conflict("该转介已被同事办理，请刷新后再操作");
        }

        // Completed or declined: the overdue-referral alert clears at once. Only the child's id is read past the receiver's
        // view (it sees no case), to name the child whose rules run.
        if (await db.Beyond<Case>(JurisdictionBypass.ReferralAbroad).Where(c => c.Id == r.CaseId).Select(c => c.ChildId).FirstOrDefaultAsync(ct) is { } child)
        {
            await fileChanges.ChangedAsync(db.Caller, child);
        }

        return Outcome.Done(new ReferralStatusResponse(r.Id, Referral.StatusText(r.Status)));
    }
}
