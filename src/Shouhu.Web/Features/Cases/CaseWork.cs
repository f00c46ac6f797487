using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Children;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Cases;

/// <summary>
/// Every action on a case (DESIGN C4), for the API and the case page alike. Each one loads the case inside the caller's
/// jurisdiction, checks <see cref="CaseAccess"/>, the state machine (<see cref="CaseWorkflow"/>) and the fields, then saves
/// the change and its timeline event in one save — or changes nothing. A stale <c>version</c>, or a save racing another,
/// answers "changed by X at T" (optimistic concurrency on <see cref="Case.Version"/>).
/// </summary>
public sealed partial class CaseCommands(ShouhuDbContext db, CaseStaff staff, TimeProvider clock, Notifications.Notifier notifier, Alerts.AlertEngine alerts)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Moves the case to <c>body.To</c> (API status text). The approval-only moves are refused here with their reason.</summary>
    public async Task<CaseOutcome> ChangeStatusAsync(Guid id, Actor actor, ChangeStatusRequest body, CancellationToken ct)
    {
        var (c, refusal) = await LoadForWorkAsync(id, actor, body.Version, ct);
        if (c is null)
        {
            return refusal!;
        }

        var to = CaseWorkflow.ParseText(body.To);
        if (to is null)
        {
            return CaseOutcome.Invalid("to", "请选择要转入的阶段（open、assessing、planning、in-service、reviewing、closed 或 reopened）");
        }

        var errors = new ValidationErrors();
        var note = CaseText.Clean(body.Note, "note", 2000, false, errors);
        if (!errors.IsEmpty)
        {
            return CaseOutcome.Invalid(errors);
        }

        if (CaseWorkflow.Refusal(c.Status, to.Value) is { } why)
        {
            return new CaseOutcome(Refused: why);
        }

        var from = c.Status;
        c.Status = to.Value;
        if (to == CaseStatus.Reopened)
        {
            c.ClosedAt = null;
            c.ClosureState = ApprovalState.None;
            c.FollowUpOn = null;
        }

        var withdrawn = from == CaseStatus.Reviewing && c.ClosureState == ApprovalState.Submitted;
        if (withdrawn)
        {
            // Back to service: the closure request no longer describes the case.
            c.ClosureState = ApprovalState.None;
        }

        if (to == CaseStatus.Planning && c.PlanState == ApprovalState.Approved)
        {
            // Back to planning during service: the revised plan needs a new approval.
            c.PlanState = ApprovalState.None;
        }

        AddEvent(c, actor, CaseEventKind.StatusChanged, $"状态：{CaseWorkflow.Name(from)} → {CaseWorkflow.Name(to.Value)}" + (withdrawn ? "（结案申请撤回）" : string.Empty) + Suffix(note));
        return await SaveAsync(c, actor, ct);
    }

    /// <summary>Adds a note to the timeline.</summary>
    public async Task<CaseOutcome> AddNoteAsync(Guid id, Actor actor, NoteRequest body, CancellationToken ct)
    {
        var (c, refusal) = await LoadForWorkAsync(id, actor, null, ct);
        if (c is null)
        {
            return refusal!;
        }

        var errors = new ValidationErrors();
        var text = CaseText.Clean(body.Text, "text", 5000, true, errors, "记录内容不能为空");
        if (text is null)
        {
            return CaseOutcome.Invalid(errors);
        }

        AddEvent(c, actor, CaseEventKind.Note, text);
        return await SaveAsync(c, actor, ct, touch: false);
    }

    /// <summary>Sets the risk level (high / medium / low).</summary>
    public async Task<CaseOutcome> SetRiskAsync(Guid id, Actor actor, RiskRequest body, CancellationToken ct)
    {
        var (c, refusal) = await LoadForWorkAsync(id, actor, body.Version, ct);
        if (c is null)
        {
            return refusal!;
        }

        if (ClosedRefusal(c) is { } closed)
        {
            return closed;
        }

        if (!TryRisk(body.RiskLevel, out var level) || level == RiskLevel.Unknown)
        {
            return CaseOutcome.Invalid("riskLevel", "请选择风险等级：高（high）、中（medium）或低（low）");
        }

        var errors = new ValidationErrors();
        var note = CaseText.Clean(body.Note, "note", 2000, false, errors);
        if (!errors.IsEmpty)
        {
            return CaseOutcome.Invalid(errors);
        }

        if (c.RiskLevel == level)
        {
            return new CaseOutcome(Refused: $"风险等级已是「{CaseworkNames.Of(level)}」");
        }

        AddEvent(c, actor, CaseEventKind.RiskChanged, $"风险等级：{CaseworkNames.Of(c.RiskLevel)} → {CaseworkNames.Of(level)}" + Suffix(note));
        c.RiskLevel = level;
        return await SaveAsync(c, actor, ct);
    }

    /// <summary>Assigns the worker and, optionally, the supervisor (a supervisor or officer of the jurisdiction).</summary>
    public async Task<CaseOutcome> AssignAsync(Guid id, Actor actor, AssignRequest body, CancellationToken ct)
    {
        var (c, refusal) = await LoadAsync(id, actor, body.Version, ct);
        if (c is null)
        {
            return refusal!;
        }

        if (!CaseAccess.CanAssign(c, actor))
        {
            return new CaseOutcome(Forbidden: "只有督导员或民政干部可以分派案件");
        }

        if (ClosedRefusal(c) is { } closed)
        {
            return closed;
        }

        var errors = new ValidationErrors();
        var worker = await staff.FindAsync(body.WorkerId, c.RegionCode, Domain.Accounts.Roles.CaseWorkers, ct);
        if (worker is null)
        {
            errors.Add("workerId", "承办人应为辖区包含本案所在地的儿童主任、督导员、社工或民政干部");
        }

        StaffMember? supervisor = null;
        if (!string.IsNullOrWhiteSpace(body.SupervisorId))
        {
            supervisor = await staff.FindAsync(body.SupervisorId, c.RegionCode, Domain.Accounts.Roles.CaseSupervisors, ct);
            if (supervisor is null)
            {
                errors.Add("supervisorId", "督导应为辖区包含本案所在地的督导员或民政干部");
            }
        }

        if (worker is not null && (supervisor?.Id ?? c.SupervisorId) == worker.Id)
        {
            errors.Add(supervisor is null ? "workerId" : "supervisorId", "承办人和督导不能是同一人");
        }

        if (!errors.IsEmpty)
        {
            return CaseOutcome.Invalid(errors);
        }

        c.AssignedWorkerId = worker!.Id;
        c.AssignedWorkerName = worker.DisplayName;
        c.PendingWorkerId = c.PendingWorkerName = null;
        if (supervisor is not null)
        {
            c.SupervisorId = supervisor.Id;
            c.SupervisorName = supervisor.DisplayName;
        }

        AddEvent(c, actor, CaseEventKind.Assigned, $"分派承办人：{worker.DisplayName}" + (supervisor is null ? string.Empty : $"；督导：{supervisor.DisplayName}"));
        if (worker.Id != actor.Id)
        {
            notifier.Queue([worker.Id], Domain.Monitoring.NotificationKind.Assignment, $"案件 {c.CaseNumber} 已分派给您", $"/Cases/Details/{c.Id}", c.RegionCode);
        }

        return await SaveAsync(c, actor, ct);
    }

    /// <summary>Hands the case to another worker, who must accept it (<see cref="AcceptTransferAsync"/>).</summary>
    public async Task<CaseOutcome> RequestTransferAsync(Guid id, Actor actor, TransferRequest body, CancellationToken ct)
    {
        var (c, refusal) = await LoadForWorkAsync(id, actor, body.Version, ct);
        if (c is null)
        {
            return refusal!;
        }

        if (ClosedRefusal(c) is { } closed)
        {
            return closed;
        }

        var errors = new ValidationErrors();
        var note = CaseText.Clean(body.Note, "note", 2000, false, errors);
        var target = await staff.FindAsync(body.ToWorkerId, c.RegionCode, Domain.Accounts.Roles.CaseWorkers, ct);
        if (target is null)
        {
            errors.Add("toWorkerId", "接收人应为辖区包含本案所在地的儿童主任、督导员、社工或民政干部");
        }
        else if (target.Id == c.AssignedWorkerId)
        {
            errors.Add("toWorkerId", "接收人已是本案承办人");
        }

        if (!errors.IsEmpty)
        {
            return CaseOutcome.Invalid(errors);
        }

        c.PendingWorkerId = target!.Id;
        c.PendingWorkerName = target.DisplayName;
        AddEvent(c, actor, CaseEventKind.TransferRequested, $"移交给 {target.DisplayName}，待对方接收" + Suffix(note));
        notifier.Queue([target.Id], Domain.Monitoring.NotificationKind.Assignment, $"案件 {c.CaseNumber} 移交给您，请接收", $"/Cases/Details/{c.Id}", c.RegionCode);
        return await SaveAsync(c, actor, ct);
    }

    /// <summary>The receiving worker accepts a hand-over and becomes the assigned worker.</summary>
    public async Task<CaseOutcome> AcceptTransferAsync(Guid id, Actor actor, Guid? version, CancellationToken ct)
    {
        var (c, refusal) = await LoadAsync(id, actor, version, ct);
        if (c is null)
        {
            return refusal!;
        }

        if (c.PendingWorkerId != actor.Id)
        {
            return new CaseOutcome(Forbidden: "该案件没有移交给您");
        }

        if (ClosedRefusal(c) is { } closed)
        {
            return closed;
        }

        var previous = c.AssignedWorkerName;
        c.AssignedWorkerId = actor.Id;
        c.AssignedWorkerName = actor.DisplayName;
        c.PendingWorkerId = c.PendingWorkerName = null;
        AddEvent(c, actor, CaseEventKind.TransferAccepted, $"{actor.DisplayName} 接收移交" + (previous is null ? string.Empty : $"（原承办人：{previous}）"));
        return await SaveAsync(c, actor, ct);
    }

    /// <summary>Links the registered child to a case opened on a child still unknown.</summary>
    public async Task<CaseOutcome> IdentifyChildAsync(Guid id, Actor actor, IdentifyChildRequest body, CancellationToken ct)
    {
        var (c, refusal) = await LoadForWorkAsync(id, actor, null, ct);
        if (c is null)
        {
            return refusal!;
        }

        if (ClosedRefusal(c) is { } closed)
        {
            return closed;
        }

        if (c.ChildId is not null)
        {
            return new CaseOutcome(Refused: "本案已关联儿童");
        }

        if (!Domain.Accounts.Roles.RegistryReaders.Contains(actor.Role))
        {
            return new CaseOutcome(Forbidden: "您的角色不能查阅儿童档案，请由督导员或儿童主任确认儿童身份");
        }

        var child = body.ChildId is { } childId ? await db.Children.AsNoTracking().Where(x => x.Id == childId).Select(x => new { x.Id, x.Name, x.RegionCode }).FirstOrDefaultAsync(ct) : null;
        if (child is null)
        {
            return CaseOutcome.Invalid("childId", "未找到该儿童（须为您辖区内已登记的儿童）");
        }

        c.ChildId = child.Id;
        var (worker, supervisor) = (c.AssignedWorkerId, c.SupervisorId);
        await MoveAsync(db, c, child.RegionCode, ct);
        AddEvent(c, actor, CaseEventKind.ChildIdentified, "确认儿童身份，关联儿童档案"
            + (worker != c.AssignedWorkerId || supervisor != c.SupervisorId ? "；原承办人或督导的辖区不含儿童居住地，请重新分派" : string.Empty), child.Id);
        return await SaveAsync(c, actor, ct);
    }

    /// <summary>
    /// Moves a case and every part of its file to <paramref name="regionCode"/> (the child's residence, once the child is
    /// known), so that the village and township of the child see it — and those of the place first reported no longer do.
    /// The parts are changed as tracked entities: one save, audited and guarded like any other.
    /// </summary>
    public static async Task MoveAsync(ShouhuDbContext db, Case c, string regionCode, CancellationToken ct)
    {
        if (c.RegionCode == regionCode)
        {
            return;
        }

        var id = c.Id;
        c.RegionCode = regionCode;
        foreach (var e in await db.CaseEvents.Where(x => x.CaseId == id).ToListAsync(ct)) e.RegionCode = regionCode;
        foreach (var p in await db.CasePlans.Where(x => x.CaseId == id).ToListAsync(ct)) p.RegionCode = regionCode;
        foreach (var i in await db.CasePlanItems.Where(x => x.CaseId == id).ToListAsync(ct)) i.RegionCode = regionCode;
        foreach (var a in await db.CaseApprovals.Where(x => x.CaseId == id).ToListAsync(ct)) a.RegionCode = regionCode;
        foreach (var s in await db.ServiceRecords.Where(x => x.CaseId == id).ToListAsync(ct)) s.RegionCode = regionCode;
        foreach (var m in await db.GuardianshipMeasures.Where(x => x.CaseId == id).ToListAsync(ct)) m.RegionCode = regionCode;
        foreach (var r in await db.Referrals.Where(x => x.CaseId == id).ToListAsync(ct)) r.RegionCode = regionCode;
        foreach (var f in await db.Attachments.Where(x => x.CaseId == id).ToListAsync(ct)) f.RegionCode = regionCode;
        var reports = await db.Reports.Where(x => x.CaseId == id).ToListAsync(ct);
        foreach (var r in reports) r.RegionCode = regionCode;
        foreach (var a in await db.Alerts.Where(x => x.CaseId == id || (x.ChildId != null && x.ChildId == c.ChildId)).ToListAsync(ct)) a.RegionCode = regionCode;
        var reportIds = reports.Select(r => (Guid?)r.Id).ToList();
        foreach (var f in await db.Attachments.Where(x => reportIds.Contains(x.ReportId)).ToListAsync(ct)) f.RegionCode = regionCode;

        // A worker or supervisor whose jurisdiction does not contain the new place can no longer see the case: free it for
        // a new assignment rather than leave it with someone who cannot open it.
        var canFollow = CaseAccess.SelfAndAncestors(regionCode);
        var people = await db.Users.AsNoTracking().Where(u => u.Id == c.AssignedWorkerId || u.Id == c.SupervisorId || u.Id == c.PendingWorkerId)
            .Select(u => new { u.Id, u.JurisdictionCode }).ToListAsync(ct);
        bool Follows(string? userId) => userId is null || people.Any(p => p.Id == userId && canFollow.Contains(p.JurisdictionCode));
        if (!Follows(c.AssignedWorkerId))
        {
            c.AssignedWorkerId = c.AssignedWorkerName = null;
        }

        if (!Follows(c.SupervisorId))
        {
            c.SupervisorId = c.SupervisorName = null;
        }

        if (!Follows(c.PendingWorkerId))
        {
            c.PendingWorkerId = c.PendingWorkerName = null;
        }

        foreach (var e in db.ChangeTracker.Entries<CaseEvent>().Where(x => x.State == EntityState.Added && x.Entity.CaseId == id)) e.Entity.RegionCode = regionCode;
    }

    /// <summary>
    /// Loads a case the caller may read; 404 otherwise (outside the jurisdiction, or not theirs to see). A stale
    /// <paramref name="version"/> answers the conflict at once.
    /// </summary>
    private async Task<(Case? Case, CaseOutcome? Refusal)> LoadAsync(Guid id, Actor actor, Guid? version, CancellationToken ct)
    {
        var c = await db.Cases.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !CaseAccess.CanRead(c, actor))
        {
            return (null, CaseOutcome.Missing);
        }

        if (version is { } v && v != c.Version)
        {
            return (null, new CaseOutcome(Conflict: ConflictText(c)));
        }

        return (c, null);
    }

    /// <summary>Like <see cref="LoadAsync"/>, and the caller must be one who works on the case (403 otherwise).</summary>
    private async Task<(Case? Case, CaseOutcome? Refusal)> LoadForWorkAsync(Guid id, Actor actor, Guid? version, CancellationToken ct)
    {
        var (c, refusal) = await LoadAsync(id, actor, version, ct);
        if (c is not null && !CaseAccess.CanWork(c, actor))
        {
            return (null, new CaseOutcome(Forbidden: "只有本案承办人、督导或民政干部可以办理"));
        }

        return (c, refusal);
    }

    /// <summary>
    /// The refusal (409) of every step on a closed case but reopening it and the follow-up's notes and documents:
    /// a closed file is a record, changed only after 重新开案 (issue #10).
    /// </summary>
    private static CaseOutcome? ClosedRefusal(Case c) =>
        c.Status == CaseStatus.Closed ? new CaseOutcome(Refused: "已结案的案件须先重新开案") : null;

    private void AddEvent(Case c, Actor actor, CaseEventKind kind, string text, Guid? subject = null) =>
        db.CaseEvents.Add(NewEvent(c, actor, kind, text, subject, Now));

    /// <summary>A timeline event of <paramref name="c"/>.</summary>
    public static CaseEvent NewEvent(Case c, Actor actor, CaseEventKind kind, string text, Guid? subject, DateTime at) => new()
    {
        CaseId = c.Id,
        RegionCode = c.RegionCode,
        At = at,
        Kind = kind,
        ActorId = actor.Id,
        ActorName = actor.DisplayName,
        Text = text,
        SubjectId = subject,
    };

    // touch: the change is to the case row itself (status, plan, people, closure), so it takes the version check; appended
    // records (notes, services, referrals) leave the row alone and never conflict with each other.
    private async Task<CaseOutcome> SaveAsync(Case c, Actor actor, CancellationToken ct, Guid? created = null, bool touch = true)
    {
        if (touch)
        {
            c.UpdatedAt = Now;
            c.UpdatedByName = actor.DisplayName;
        }

        try
        {
            await db.SaveChangesAsync(ct);
            if (c.ChildId is { } child)
            {
                // A case closed or reopened, a referral sent: the child's alerts (high risk without a case…) follow at once.
                await alerts.RunForChildAsync(db.Caller, child);
            }

            return new CaseOutcome(CreatedId: created);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == c.Id, ct);
            return current is null ? CaseOutcome.Missing : new CaseOutcome(Conflict: ConflictText(current));
        }
    }

    /// <summary>"Changed by X at T (China time), reload" for a case.</summary>
    public static string ConflictText(Case c) =>
        $"该案件已由{c.UpdatedByName}于{ChinaTime.ToChina(c.UpdatedAt):yyyy-MM-dd HH:mm:ss}修改，请刷新后再操作";

    private static string Suffix(string? note) => note is null ? string.Empty : $"。说明：{note}";

    /// <summary>Reads a risk level API name (<c>high</c>, <c>medium</c>, <c>low</c>).</summary>
    public static bool TryRisk(string? text, out RiskLevel level)
    {
        level = text?.Trim().ToLowerInvariant() switch
        {
            "high" => RiskLevel.High,
            "medium" => RiskLevel.Medium,
            "low" => RiskLevel.Low,
            _ => RiskLevel.Unknown,
        };
        return level != RiskLevel.Unknown || text?.Trim().ToLowerInvariant() == "unknown";
    }

    /// <summary>API name of a risk level.</summary>
    public static string RiskText(RiskLevel r) => r == RiskLevel.Unknown ? "unknown" : r.ToString().ToLowerInvariant();

    /// <summary>API name of an approval state.</summary>
    public static string ApprovalText(ApprovalState s) => s switch
    {
        ApprovalState.Submitted => "submitted",
        ApprovalState.Approved => "approved",
        ApprovalState.Returned => "returned",
        _ => "none",
    };

    private static bool ParseEnum<T>(string? text, out T value)
        where T : struct, Enum => EnumName.TryParse(text, out value);
}
