using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Accounts;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Children;
using Shouhu.Domain.Monitoring;
using Shouhu.Domain.Time;
using Shouhu.Web.Features.Alerts;
using Shouhu.Web.Features.Visits;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Workbench;

/// <summary>
/// The workbench counts (API-CONTRACT.md <c>GET /api/v1/workbench</c>), each equal to the total of the list behind it;
/// <c>casesByStatus</c> splits <c>cases</c> by API status text (open, assessing, planning, in-service, reviewing, reopened).
/// </summary>
public sealed record WorkbenchResponse(int Alerts, int DueVisits, int Cases, int ReportsAwaitingTriage, int ReferralsAwaiting, IReadOnlyDictionary<string, int> CasesByStatus);

/// <summary>
/// Each worker's workbench (工作台, DESIGN C6): my open alerts, my due visits (the next 7 days and overdue), my open cases
/// by status, reports waiting for triage (supervisors and officers), referrals waiting for my organisation. Every count is
/// computed by the same query as its list: <c>/api/v1/alerts?status=open</c>, <c>/api/v1/visits/due</c>,
/// <c>/api/v1/cases?mine=true&amp;status=active</c>, <c>/api/v1/reports?status=awaiting-triage</c>, <c>/api/v1/referrals?status=sent</c>.
/// </summary>
public sealed class WorkbenchQueries(ShouhuDbContext db, DueVisitList dueVisits, TimeProvider clock)
{
    /// <summary>The counts for <paramref name="actor"/>.</summary>
    public async Task<WorkbenchResponse> CountsAsync(Actor actor, CancellationToken ct)
    {
        var byStatus = await MyCasesByStatusAsync(actor, ct);
        return new(
            await AlertList.Open(db, actor).CountAsync(ct),
            Roles.RegistryReaders.Contains(actor.Role) ? await dueVisits.Due().CountAsync(ct) : 0,
            byStatus.Sum(s => s.Count),
            Roles.ReportReaders.Contains(actor.Role) ? await ReportsAwaitingTriage().CountAsync(ct) : 0,
            ReferralsAwaiting(actor) is { } referrals ? await referrals.CountAsync(ct) : 0,
            byStatus.ToDictionary(s => CaseWorkflow.Text(s.Status), s => s.Count));
    }

    /// <summary>Reports of the jurisdiction waiting for triage — <c>/api/v1/reports?status=awaiting-triage</c>.</summary>
    public IQueryable<Report> ReportsAwaitingTriage() => db.Reports.AsNoTracking().Where(r => r.Status == ReportStatus.AwaitingTriage);

    /// <summary>Referrals sent to the caller's organisation, not yet accepted — null for a caller who receives none.</summary>
    public IQueryable<Referral>? ReferralsAwaiting(Actor actor) => actor.OrganizationId is { } org && Roles.ReferralReceivers.Contains(actor.Role)
        ? db.Referrals.AsNoTracking().Where(r => r.OrganizationId == org && r.Status == ReferralStatus.Sent)
        : null;

    /// <summary>The caller's open cases counted by status, in the workflow's order (statuses with none left out).</summary>
    public async Task<List<(CaseStatus Status, int Count)>> MyCasesByStatusAsync(Actor actor, CancellationToken ct) =>
        (await MyCases(actor).GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .OrderBy(s => s.Key).Select(s => (s.Key, s.Count)).ToList();

    /// <summary>
    /// The verification step waiting on the caller's level (DESIGN C2: village submits → township verifies → county
    /// confirms): children with a category pending township verification for a supervisor, township-verified ones for an
    /// officer — the list <c>/Children?status=pending|township-verified</c>, counted by the same condition. Null for other roles.
    /// </summary>
    public (string Status, string Title, IQueryable<Child> Children)? VerificationsWaiting(Actor actor) => actor.Role switch
    {
        Roles.ChildSupervisor => ("pending", "待乡镇查验", Waiting(CategoryStatus.Pending)),
        Roles.CivilAffairsOfficer => ("township-verified", "待县级确认", Waiting(CategoryStatus.TownshipVerified)),
        _ => null,
    };

    // A category past its end waits for nobody (ChildCategory.StatusOn), as in the list and the alerts.
    private IQueryable<Child> Waiting(CategoryStatus status)
    {
        var hasStatus = ChildCategory.HasStatusOn(status, ChinaTime.Today(clock));
        return db.Children.AsNoTracking().Where(c => c.Categories.AsQueryable().Any(hasStatus));
    }

    /// <summary>The caller's open cases (as worker, supervisor or receiving worker) — <c>/Cases?mine=true&amp;status=active</c>.</summary>
    public IQueryable<Case> MyCases(Actor actor) =>
        db.Cases.AsNoTracking().Where(c => (c.AssignedWorkerId == actor.Id || c.SupervisorId == actor.Id || c.PendingWorkerId == actor.Id) && c.Status != CaseStatus.Closed);

}

/// <summary><c>GET /api/v1/workbench</c>.</summary>
public static class WorkbenchApi
{
    /// <summary>Maps the endpoints.</summary>
    public static void MapWorkbenchApi(this RouteGroupBuilder api)
    {
        api.MapGet("/workbench", async (WorkbenchQueries q, ClaimsPrincipal u, CancellationToken ct) => TypedResults.Ok(await q.CountsAsync(Actor.From(u), ct)))
            .RequireAuthorization(Policies.SignedIn).WithTags("Workbench").WithSummary("工作台：我的预警、到期走访、在办案件、待研判报告、待接收转介（与各列表总数一致）");
    }
}
