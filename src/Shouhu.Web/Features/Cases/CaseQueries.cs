using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Accounts;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Cases;

/// <summary>Reads cases: one case file with its timeline (audited as a View), and lists of the caller's cases.</summary>
public sealed class CaseQueries(ShouhuDbContext db, RegionNames regionNames, TimeProvider clock)
{
    /// <summary>The case file; null when absent, outside the jurisdiction, or not the caller's to read.</summary>
    public async Task<CaseResponse?> GetAsync(Guid id, Actor actor, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !CaseAccess.CanRead(c, actor))
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var childName = c.ChildId is { } cid ? await db.Children.AsNoTracking().Where(x => x.Id == cid).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        var plan = await db.CasePlans.AsNoTracking().Include(p => p.Items).FirstOrDefaultAsync(p => p.CaseId == id, ct);
        var services = await db.ServiceRecords.AsNoTracking().Where(s => s.CaseId == id).OrderBy(s => s.ServedOn).ThenBy(s => s.Id).ToListAsync(ct);
        var measures = await db.GuardianshipMeasures.AsNoTracking().Where(m => m.CaseId == id).OrderBy(m => m.StartOn).ToListAsync(ct);
        var referrals = await db.Referrals.AsNoTracking().Where(r => r.CaseId == id).OrderBy(r => r.SentAt).ToListAsync(ct);
        var orgIds = referrals.Select(r => r.OrganizationId).Distinct().ToList();
        var orgNames = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var reports = await db.Reports.AsNoTracking().Where(r => r.CaseId == id).OrderBy(r => r.ReceivedAt).ToListAsync(ct);
        var reportIds = reports.Select(r => r.Id).ToList();
        // The case's documents, and the evidence that came with its reports — to those who see each report's reporter.
        var reportFiles = reports.Where(r => ReportAccess.MaySeeFiles(r, actor)).Select(r => r.Id).ToList();
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.CaseId == id || (a.ReportId != null && reportFiles.Contains(a.ReportId.Value))).OrderBy(a => a.UploadedAt).ToListAsync(ct);
        var regionName = (await regionNames.NamesAsync([c.RegionCode], ct)).GetValueOrDefault(c.RegionCode);
        db.RecordAudit("View", "Case", c.Id.ToString(), c.RegionCode, c.ChildId is { } child ? $"child={child}" : null);
        await db.SaveChangesAsync(ct);

        return new CaseResponse(
            c.Id, c.CaseNumber, CaseWorkflow.Text(c.Status), CaseTimeline.RiskText(c.RiskLevel), c.ChildId, childName, c.RegionCode, regionName,
            c.Urgency.ToString(), reports.SelectMany(r => r.Concerns).Select(k => k.ConcernType).Distinct().Order().Select(k => k.ToString()).ToList(),
            c.AssignedWorkerId, c.AssignedWorkerName, c.SupervisorId, c.SupervisorName, c.PendingWorkerId, c.PendingWorkerName,
            CaseWork.ApprovalText(c.PlanState), CaseWork.ApprovalText(c.ClosureState), c.ClosureReason?.ToString(), c.ClosureNote, c.ClosingAssessment, c.FollowUpOn,
            ChinaTime.ToChina(c.OpenedAt), c.ClosedAt is { } closed ? ChinaTime.ToChina(closed) : null, ChinaTime.ToChina(c.UpdatedAt), c.UpdatedByName, c.Version,
            plan is null ? null : new CasePlanResponse(plan.Goals, plan.Revision, ChinaTime.ToChina(plan.UpdatedAt),
                plan.Items.OrderBy(i => i.DueOn).Select(i => new CasePlanItemResponse(i.ServiceType.ToString(), i.Description, i.Responsible, i.DueOn)).ToList()),
            services.Select(s => new ServiceRecordResponse(s.Id, s.ServiceType.ToString(), s.Provider, s.ServedOn, s.DurationMinutes, s.Outcome, ChinaTime.ToChina(s.RecordedAt))).ToList(),
            measures.Select(m => new GuardianshipMeasureResponse(m.Id, m.Kind.ToString(), m.Ground.ToString(), m.Placement.ToString(), m.StartOn, m.EndOn, m.Note, m.EndReason?.ToString(), m.EndAssessmentId, m.EndNote)).ToList(),
            referrals.Select(r => new CaseReferralResponse(r.Id, r.OrganizationId, orgNames.GetValueOrDefault(r.OrganizationId) ?? "（机构）", Referral.StatusText(r.Status), r.Reason,
                r.SharedInformation, r.DueAt is { } d ? ChinaTime.ToChina(d) : null, r.IsOverdue(now), ChinaTime.ToChina(r.SentAt), r.SentByName, r.RespondedByName,
                r.DeclineReason, r.ActionsTaken, r.Feedback)).ToList(),
            attachments.Select(ToResponse).ToList(),
            reportIds,
            events.Select(e => new CaseEventResponse(e.Id, ChinaTime.ToChina(e.At), e.Kind.ToString(), e.ActorName, e.Text, e.SubjectId)).ToList(),
            c.PlanSubmittedBy, plan?.UpdatedBy, c.ClosureRequestedBy, c.PendingRegionCode);
    }

    /// <summary>
    /// A page of cases the caller may read, newest change first. <paramref name="status"/> is an API status text, or
    /// <c>active</c> for every status but closed;
    /// <paramref name="mine"/> keeps the cases the caller works on, supervises or is being handed.
    /// </summary>
    public async Task<CasePage> ListAsync(Actor actor, string? status, bool mine, int? page, int? pageSize, CancellationToken ct)
    {
        var size = Math.Clamp(pageSize ?? 50, 1, 200);
        var number = Math.Clamp(page ?? 1, 1, 100_000);
        var query = Listed(actor, status, mine);
        var total = await query.CountAsync(ct);
        var rows = await Rows(query.Skip((number - 1) * size).Take(size)).ToListAsync(ct);
        db.RecordAudit("List", "Case", null, db.Caller.JurisdictionCode ?? string.Empty, $"rows={rows.Count}", children: rows.Where(r => r.ChildId is not null).Select(r => r.ChildId!.Value).Distinct());
        await db.SaveChangesAsync(ct);
        return new CasePage(rows, total, number, size);
    }

    /// <summary>
    /// Every line of the list <see cref="ListAsync"/> shows for the same caller, <paramref name="status"/> and
    /// <paramref name="mine"/>, in its order, at most <paramref name="max"/>, streamed (the export). Not audited: the
    /// caller audits what it did with them.
    /// </summary>
    public IAsyncEnumerable<CaseListItem> AllAsync(Actor actor, string? status, bool mine, int max) => Rows(Listed(actor, status, mine).Take(max)).AsAsyncEnumerable();

    // The list's filter and order: the caller's own cases unless a reader of all (or mine), by status, newest change first.
    private IQueryable<Case> Listed(Actor actor, string? status, bool mine)
    {
        var query = db.Cases.AsNoTracking();
        if (mine || !Roles.CaseReaders.Contains(actor.Role))
        {
            query = query.Where(c => c.AssignedWorkerId == actor.Id || c.SupervisorId == actor.Id || c.PendingWorkerId == actor.Id);
        }

        if (CaseWorkflow.ParseText(status) is { } s)
        {
            query = query.Where(c => c.Status == s);
        }
        else if (status == "active")
        {
            query = query.Where(c => c.Status != CaseStatus.Closed);
        }

        return query.OrderByDescending(c => c.UpdatedAt).ThenBy(c => c.Id);
    }

    // One statement per page or export: the child's name read in it (inside the jurisdiction); the texts mapped after it.
    private IQueryable<CaseListItem> Rows(IQueryable<Case> cases) => cases
        .Select(c => new
        {
            c.Id, c.CaseNumber, c.Status, c.RiskLevel, c.Urgency, c.ChildId, ChildName = db.Children.Where(x => x.Id == c.ChildId).Select(x => x.Name).FirstOrDefault(),
            c.RegionCode, c.AssignedWorkerName, c.SupervisorName, c.PlanState, c.ClosureState, c.OpenedAt, c.UpdatedAt,
        })
        .Select(c => new CaseListItem(c.Id, c.CaseNumber, CaseWorkflow.Text(c.Status), CaseTimeline.RiskText(c.RiskLevel), c.Urgency.ToString(),
            c.ChildId, c.ChildName, c.RegionCode, c.AssignedWorkerName, c.SupervisorName,
            CaseWork.ApprovalText(c.PlanState), CaseWork.ApprovalText(c.ClosureState), ChinaTime.ToChina(c.OpenedAt), ChinaTime.ToChina(c.UpdatedAt)));

    /// <summary>An attachment's description.</summary>
    public static AttachmentResponse ToResponse(Attachment a) =>
        new(a.Id, a.FileName, a.Kind.ToString(), a.ContentType, a.SizeBytes, ChinaTime.ToChina(a.UploadedAt), a.UploadedByName);
}
