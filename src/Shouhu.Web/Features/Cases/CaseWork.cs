using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Children;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Cases;

/// <summary>
/// What every use case on a case shares (DESIGN C4; one use case per file: <see cref="AssignCase"/>, <see cref="SaveCasePlan"/> …).
/// Each one loads the case inside the caller's jurisdiction, checks <see cref="CaseAccess"/>, the state machine
/// (<see cref="CaseWorkflow"/>) and the fields, then saves the change and its timeline event in one save — or changes
/// nothing. A stale <c>version</c>, or a save racing another, answers "changed by X at T" (optimistic concurrency on <see cref="Case.Version"/>).
/// </summary>
public sealed class CaseWork(ShouhuDbContext db, TimeProvider clock, ChildFileChanges fileChanges)
{
    /// <summary>The clock's now, UTC.</summary>
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

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
    public async Task<(Case? Case, Refusal? Refusal)> LoadAsync(Guid id, Actor actor, Guid? version, CancellationToken ct)
    {
        var c = await db.Cases.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !CaseAccess.CanRead(c, actor))
        {
            return (null, Outcome.NotFound);
        }

        if (version is { } v && v != c.Version)
        {
            return (null, Outcome.Conflict(ConflictText(c)));
        }

        return (c, null);
    }

    /// <summary>Like <see cref="LoadAsync"/>, and the caller must be one who works on the case (403 otherwise).</summary>
    public async Task<(Case? Case, Refusal? Refusal)> LoadForWorkAsync(Guid id, Actor actor, Guid? version, CancellationToken ct)
    {
        var (c, refusal) = await LoadAsync(id, actor, version, ct);
        if (c is not null && !CaseAccess.CanWork(c, actor))
        {
            return (null, Outcome.Forbidden("只有本案承办人、督导或民政干部可以办理"));
        }

        return (c, refusal);
    }

    /// <summary>
    /// The refusal (409) of every step on a closed case but reopening it and the follow-up's notes and documents:
    /// a closed file is a record, changed only after 重新开案 (issue #10).
    /// </summary>
    public static Refusal? ClosedRefusal(Case c) =>
        c.Status == CaseStatus.Closed ? Outcome.Refused("已结案的案件须先重新开案") : null;

    /// <summary>Adds a timeline event of <paramref name="c"/> by <paramref name="actor"/>, now.</summary>
    public void AddEvent(Case c, Actor actor, CaseEventKind kind, string text, Guid? subject = null) =>
        db.CaseEvents.Add(CaseTimeline.Event(c, actor, kind, text, subject, Now));

    /// <summary>
    /// Saves the change and re-runs the child's alerts; a save racing another answers the conflict. <paramref name="touch"/>:
    /// the change is to the case row itself (status, plan, people, closure), so it takes the version check; appended
    /// records (notes, services, referrals) leave the row alone and never conflict with each other.
    /// </summary>
    public async Task<Outcome<Guid>> SaveAsync(Case c, Actor actor, CancellationToken ct, Guid? created = null, bool touch = true)
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
                await fileChanges.ChangedAsync(db.Caller, child);
            }

            return Outcome.Done(created ?? c.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == c.Id, ct);
            return current is null ? Outcome.NotFound : Outcome.Conflict(ConflictText(current));
        }
    }

    /// <summary>"Changed by X at T (China time), reload" for a case.</summary>
    public static string ConflictText(Case c) =>
        $"该案件已由{c.UpdatedByName}于{ChinaTime.ToChina(c.UpdatedAt):yyyy-MM-dd HH:mm:ss}修改，请刷新后再操作";

    /// <summary>"。说明：…" for a note, empty without one.</summary>
    public static string Suffix(string? note) => note is null ? string.Empty : $"。说明：{note}";

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

    /// <summary>API name of an approval state.</summary>
    public static string ApprovalText(ApprovalState s) => s switch
    {
        ApprovalState.Submitted => "submitted",
        ApprovalState.Approved => "approved",
        ApprovalState.Returned => "returned",
        _ => "none",
    };

    /// <summary>An enum by its exact name (EnumName.TryParse: no numbers, no comma-joined names).</summary>
    public static bool ParseEnum<T>(string? text, out T value)
        where T : struct, Enum => EnumName.TryParse(text, out value);

    /// <summary>Records an approval decision (plan or closure) by <paramref name="actor"/>, now.</summary>
    public void Decide(Case c, Actor actor, ApprovalSubject subject, bool approve, string? comment, string? requestedBy) =>
        db.CaseApprovals.Add(new CaseApproval
        {
            CaseId = c.Id,
            RegionCode = c.RegionCode,
            Subject = subject,
            Approved = approve,
            Comment = comment,
            RequestedBy = requestedBy ?? string.Empty,
            DecidedBy = actor.Id,
            DecidedByName = actor.DisplayName,
            DecidedAt = Now,
        });
}
