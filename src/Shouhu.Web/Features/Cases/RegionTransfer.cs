using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Accounts;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Children;
using Shouhu.Domain.Regions;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Cases;

/// <summary>Body of a transfer to another jurisdiction: the village the child now lives in, and why.</summary>
public sealed record RegionTransferRequest(string? ToRegionCode, string? Note, Guid? Version);

/// <summary>An incoming transfer, as the receiving side sees it before accepting: who, from where, why.</summary>
public sealed record IncomingTransfer(Guid CaseId, string CaseNumber, string? ChildName, int? ChildAge, string FromRegionCode, string? FromRegionName,
    string ToRegionCode, string? ToRegionName, string? Note, string? RequestedByName, DateTimeOffset? RequestedAt);

/// <summary>
/// Transfer of a case to another jurisdiction (issue #4: "transfer to another worker or jurisdiction, the receiving side
/// accepts"), when the child moves. The sending side names the new village; supervisors and officers whose jurisdiction
/// contains it see the transfer — the case number, the child's name and age, where from and why, nothing else — and
/// accept or decline. Accepting moves the case file and the child's register file to the new village in one save, under
/// a scope widened to both places for exactly that save, with the accepting user as the audited actor (ADR-005).
/// </summary>
public sealed class RegionTransfer(ShouhuDbContext db, DbContextOptions<ShouhuDbContext> dbOptions, RegionNames regionNames, TimeProvider clock, INotices notices)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// The sending side asks: a worker on the case names a village outside the case's present place. While a transfer is
    /// pending no other may replace it (409 naming where the pending one goes): it is withdrawn first, which the receiving
    /// side is told of (<see cref="WithdrawAsync"/>).
    /// </summary>
    public async Task<Outcome<Guid>> RequestAsync(Guid id, Actor actor, RegionTransferRequest body, CancellationToken ct)
    {
        var c = await db.Cases.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !CaseAccess.CanRead(c, actor))
        {
            return Outcome.NotFound;
        }

        if (!CaseAccess.CanWork(c, actor))
        {
            return Outcome.Forbidden("只有本案承办人、督导或民政干部可以移交案件");
        }

        if (body.Version is { } v && v != c.Version)
        {
            return Outcome.Conflict(CaseWork.ConflictText(c));
        }

        if (c.Status == CaseStatus.Closed)
        {
            return Outcome.Refused("已结案的案件不能移交");
        }

        if (c.ChildId is null)
        {
            return Outcome.Refused("请先确认儿童身份，再移交到儿童现居住地");
        }

        if (c.PendingRegionCode is { } pending)
        {
            var pendingName = (await regionNames.NamesAsync([pending], ct)).GetValueOrDefault(pending) ?? pending;
            return Outcome.Refused($"案件已有待接收的移交（移交至 {pendingName}），请先撤回该移交再重新移交");
        }

        var errors = new ValidationErrors();
        var to = body.ToRegionCode?.Trim();
        var note = CaseText.Clean(body.Note, "note", 2000, true, errors, "请说明移交原因（如儿童随父母迁往何处）");
        if (RegionCode.LevelOf(to) != 5)
        {
            errors.Add("toRegionCode", "请选择儿童现居住的村（社区）");
        }
        else if (!await db.Regions.AnyAsync(r => r.Code == to, ct))
        {
            errors.Add("toRegionCode", $"区划代码 {to} 不存在");
        }
        else if (to == c.RegionCode)
        {
            errors.Add("toRegionCode", "案件已在该村（社区）");
        }

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        var toName = (await regionNames.NamesAsync([to!], ct)).GetValueOrDefault(to!);
        c.PendingRegionCode = to;
        c.PendingRegionNote = note;
        c.PendingRegionRequestedByName = actor.DisplayName;
        c.PendingRegionRequestedBy = actor.Id;
        c.PendingRegionRequestedAt = Now;
        c.UpdatedAt = Now;
        c.UpdatedByName = actor.DisplayName;
        db.CaseEvents.Add(CaseTimeline.Event(c, actor, CaseEventKind.TransferRequested, $"移交至 {toName}（{to}），待接收地确认。原因：{note}", null, Now));
        await db.SaveChangesAsync(ct);
        return Outcome.Done(id);
    }

    /// <summary>
    /// The sending side withdraws a pending transfer: whoever asked for it, or a supervisor or officer working on the case
    /// (403 for others who may read it; 409 when none is pending). The timeline records it and the receiving side — the
    /// supervisors and officers who saw it waiting — are told by notification (case number only).
    /// </summary>
    public async Task<Outcome<Guid>> WithdrawAsync(Guid id, Actor actor, string? note, CancellationToken ct)
    {
        var c = await db.Cases.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !CaseAccess.CanRead(c, actor))
        {
            return Outcome.NotFound;
        }

        if (!(actor.Id == c.PendingRegionRequestedBy || (Roles.CaseSupervisors.Contains(actor.Role) && CaseAccess.CanWork(c, actor))))
        {
            return Outcome.Forbidden("只有移交申请人、本案督导或民政干部可以撤回移交");
        }

        if (c.PendingRegionCode is not { } to)
        {
            return Outcome.Refused("案件没有待接收的移交");
        }

        var errors = new ValidationErrors();
        var reason = CaseText.Clean(note, "note", 2000, false, errors);
        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        var toName = (await regionNames.NamesAsync([to], ct)).GetValueOrDefault(to) ?? to;
        var receivingPlaces = CaseAccess.SelfAndAncestors(to);
        var receivers = await db.Users.AsNoTracking()
            .Where(u => u.IsApproved && Roles.CaseSupervisors.Contains(u.Role) && receivingPlaces.Contains(u.JurisdictionCode))
            .Select(u => u.Id).ToListAsync(ct);
        c.PendingRegionCode = c.PendingRegionNote = c.PendingRegionRequestedByName = c.PendingRegionRequestedBy = null;
        c.PendingRegionRequestedAt = null;
        c.UpdatedAt = Now;
        c.UpdatedByName = actor.DisplayName;
        db.CaseEvents.Add(CaseTimeline.Event(c, actor, CaseEventKind.Note, $"撤回移交（原移交至 {toName}）" + (reason is null ? string.Empty : $"：{reason}"), null, Now));
        notices.Queue(db, receivers, Domain.Monitoring.NotificationKind.Assignment, $"案件 {c.CaseNumber} 移交至本辖区的申请已撤回，无需接收", "/Cases/Transfers", c.RegionCode);
        await db.SaveChangesAsync(ct);
        return Outcome.Done(id);
    }

    /// <summary>Transfers waiting for the caller: to a village inside their jurisdiction, for supervisors and officers.</summary>
    public async Task<List<IncomingTransfer>> IncomingAsync(Actor actor, CancellationToken ct)
    {
        if (!Roles.CaseSupervisors.Contains(actor.Role) || !RegionCode.IsWellFormed(actor.Jurisdiction))
        {
            return [];
        }

        var (low, high) = RegionCode.SubtreeRange(actor.Jurisdiction);
        // Past the jurisdiction filter on purpose: the case is still where it was. Only these fields leave the server.
        var rows = await db.Beyond<Case>(JurisdictionBypass.IncomingTransfer)
            .Where(c => c.PendingRegionCode != null && string.Compare(c.PendingRegionCode, low) >= 0 && string.Compare(c.PendingRegionCode, high) <= 0)
            .OrderBy(c => c.PendingRegionRequestedAt).Take(200)
            .Select(c => new { c.Id, c.CaseNumber, c.ChildId, c.RegionCode, c.PendingRegionCode, c.PendingRegionNote, c.PendingRegionRequestedByName, c.PendingRegionRequestedAt })
            .ToListAsync(ct);
        var childIds = rows.Where(r => r.ChildId is not null).Select(r => r.ChildId!.Value).ToList();
        var children = await db.Beyond<Shouhu.Domain.Children.Child>(JurisdictionBypass.IncomingTransfer).Where(c => childIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Name, c.BirthDate }).ToDictionaryAsync(c => c.Id, ct);
        var names = await regionNames.NamesAsync(rows.SelectMany(r => new[] { r.RegionCode, r.PendingRegionCode! }), ct);
        var today = ChinaTime.Today(clock);
        db.RecordAudit("List", "CaseTransfer", null, actor.Jurisdiction, $"rows={rows.Count}");
        await db.SaveChangesAsync(ct);
        return rows.Select(r =>
        {
            var child = r.ChildId is { } cid ? children.GetValueOrDefault(cid) : null;
            // Name and age only: no number, no birth date (PersonalDataPolicy, OutputChannel.TransferList).
            return new IncomingTransfer(r.Id, r.CaseNumber, child?.Name, child is null ? null : ChinaTime.AgeOn(child.BirthDate, today), r.RegionCode, names.GetValueOrDefault(r.RegionCode),
                r.PendingRegionCode!, names.GetValueOrDefault(r.PendingRegionCode!), r.PendingRegionNote, r.PendingRegionRequestedByName,
                r.PendingRegionRequestedAt is { } at ? ChinaTime.ToChina(at) : null);
        }).ToList();
    }

    /// <summary>
    /// The receiving side accepts (the case and the child's file move to the new village; the acceptor becomes the case's
    /// supervisor; workers who cannot follow are freed) or declines with a reason (the case stays). 404 for anyone the
    /// transfer is not addressed to.
    /// </summary>
    public async Task<Outcome<Guid>> DecideAsync(Guid id, Actor actor, bool accept, string? note, CancellationToken ct)
    {
        if (!Roles.CaseSupervisors.Contains(actor.Role) || !RegionCode.IsWellFormed(actor.Jurisdiction))
        {
            return Outcome.NotFound;
        }

        var errors = new ValidationErrors();
        var reason = CaseText.Clean(note, "note", 2000, !accept, errors, "拒绝接收须说明理由");
        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        // One save in a scope that sees both places — the case's present one and the village it moves to — and nothing
        // else, checked here: the transfer must be addressed to the caller's jurisdiction.
        var peek = await db.Beyond<Case>(JurisdictionBypass.IncomingTransfer).Where(c => c.Id == id).Select(c => new { c.RegionCode, c.PendingRegionCode }).FirstOrDefaultAsync(ct);
        if (peek?.PendingRegionCode is not { } to || !RegionCode.IsWithin(to, actor.Jurisdiction))
        {
            return Outcome.NotFound;
        }

        var scope = new CallerScope(actor.Id, actor.UserName, null, IsSystem: true, db.Caller.ClientAddress);
        await using var wide = new ShouhuDbContext(dbOptions, new FixedCallerContext(scope), clock);
        var c = await wide.Cases.FirstAsync(x => x.Id == id && x.PendingRegionCode == to, ct);
        var from = c.RegionCode;
        var names = await regionNames.NamesAsync([from, to], ct);
        c.PendingRegionCode = c.PendingRegionNote = c.PendingRegionRequestedByName = c.PendingRegionRequestedBy = null;
        c.PendingRegionRequestedAt = null;
        c.UpdatedAt = Now;
        c.UpdatedByName = actor.DisplayName;
        if (!accept)
        {
            wide.CaseEvents.Add(CaseTimeline.Event(c, actor, CaseEventKind.Note, $"{names.GetValueOrDefault(to)} 拒绝接收移交：{reason}", null, Now));
            await wide.SaveChangesAsync(ct);
            return Outcome.Done(id);
        }

        await CaseWork.MoveAsync(wide, c, to, ct);
        c.SupervisorId = actor.Id;
        c.SupervisorName = actor.DisplayName;
        if (c.ChildId is { } childId)
        {
            await MoveChildAsync(wide, childId, to, ct);
        }

        wide.CaseEvents.Add(CaseTimeline.Event(c, actor, CaseEventKind.TransferAccepted,
            $"{names.GetValueOrDefault(to)} 接收移交（自 {names.GetValueOrDefault(from)}），督导：{actor.DisplayName}" + (c.AssignedWorkerId is null ? "；请分派承办人" : string.Empty)
            + (reason is null ? string.Empty : $"。{reason}"), null, Now));
        await wide.SaveChangesAsync(ct);
        return Outcome.Done(id);
    }

    // The child's register file follows the child: record, categories, family, entrusted care and history, with a history
    // line for the residence change.
    private static async Task MoveChildAsync(ShouhuDbContext wide, Guid childId, string to, CancellationToken ct)
    {
        var child = await wide.Children.FirstAsync(x => x.Id == childId, ct);
        if (child.RegionCode == to)
        {
            return;
        }

        wide.AddRevision(child, "residenceRegionCode", child.RegionCode, to);
        child.RegionCode = to;
        await ChildFile.FollowResidenceAsync(wide, childId, to, ct);
    }
}
