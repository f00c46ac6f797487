using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Accounts;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Children;
using Shouhu.Domain.Monitoring;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Workbench;

/// <summary>The workbench counts (API-CONTRACT.md <c>GET /api/v1/workbench</c>), each equal to the total of the list behind it.</summary>
public sealed record WorkbenchResponse(int Alerts, int DueVisits, int Cases, int ReportsAwaitingTriage, int ReferralsAwaiting);

/// <summary>A child whose visit falls due (or is overdue).</summary>
public sealed record DueVisit(Guid ChildId, string Name, string RegionCode, DateOnly DueOn, bool Overdue);

/// <summary>
/// Each worker's workbench (工作台, DESIGN C6): my open alerts, my due visits (the next 7 days and overdue), my open cases,
/// reports waiting for triage (supervisors and officers), referrals waiting for my organisation. Every count is computed
/// by the same query as its list: <c>/api/v1/alerts?status=open</c>, <c>/api/v1/visits/due</c>,
/// <c>/api/v1/cases?mine=true&amp;status=active</c>, <c>/api/v1/reports?status=awaiting-triage</c>, <c>/api/v1/referrals?status=sent</c>.
/// </summary>
public sealed class WorkbenchQueries(ShouhuDbContext db, MonitoringSchedule schedule, TimeProvider clock)
{
    /// <summary>Days ahead a visit counts as due.</summary>
    public const int DueWithinDays = 7;

    /// <summary>The counts for <paramref name="actor"/>.</summary>
    public async Task<WorkbenchResponse> CountsAsync(Actor actor, CancellationToken ct) => new(
        await Alerts(actor).CountAsync(ct),
        Roles.RegistryReaders.Contains(actor.Role) ? (await DueVisitsAsync(actor, ct)).Count : 0,
        await db.Cases.CountAsync(c => (c.AssignedWorkerId == actor.Id || c.SupervisorId == actor.Id || c.PendingWorkerId == actor.Id) && c.Status != CaseStatus.Closed, ct),
        Roles.ReportReaders.Contains(actor.Role) ? await db.Reports.CountAsync(r => r.Status == ReportStatus.AwaitingTriage, ct) : 0,
        actor.OrganizationId is { } org && Roles.ReferralReceivers.Contains(actor.Role) ? await db.Referrals.CountAsync(r => r.OrganizationId == org && r.Status == ReferralStatus.Sent, ct) : 0);

    /// <summary>The open alerts a caller sees: of the jurisdiction for the register's roles, else those assigned to them.</summary>
    public IQueryable<Alert> Alerts(Actor actor)
    {
        var q = db.Alerts.AsNoTracking().Where(a => a.IsOpen);
        // Administrators run the engine but are not readers of the register: like everyone outside it, only what names them.
        return Roles.RegistryReaders.Contains(actor.Role) ? q : q.Where(a => a.AssigneeId == actor.Id);
    }

    /// <summary>
    /// Children of the jurisdiction under protection whose next visit (after the last visit, or a month after registration)
    /// falls within <see cref="DueWithinDays"/> days or is past, earliest first.
    /// </summary>
    public async Task<List<DueVisit>> DueVisitsAsync(Actor actor, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var horizon = today.AddDays(DueWithinDays);
        var days = schedule.VisitDays(RiskLevel.Unknown);
        var active = db.ChildCategories.AsNoTracking().Where(ChildCategory.ActiveOn(today));
        var rows = await db.Children.AsNoTracking().Where(c => active.Any(k => k.ChildId == c.Id))
            .Select(c => new { c.Id, c.Name, c.RegionCode, c.CreatedAt, Due = db.HomeVisits.Where(v => v.ChildId == c.Id).Max(v => (DateOnly?)v.NextDueOn) })
            .ToListAsync(ct);
        return rows
            .Select(c => new { c, due = c.Due ?? ChinaTime.DateOf(new DateTimeOffset(DateTime.SpecifyKind(c.CreatedAt, DateTimeKind.Utc))).AddDays(days) })
            .Where(x => x.due <= horizon)
            .OrderBy(x => x.due).ThenBy(x => x.c.RegionCode)
            .Select(x => new DueVisit(x.c.Id, x.c.Name, x.c.RegionCode, x.due, x.due < today)).ToList();
    }
}

/// <summary><c>GET /api/v1/workbench</c> and <c>GET /api/v1/visits/due</c>.</summary>
public static class WorkbenchApi
{
    /// <summary>Maps the endpoints.</summary>
    public static void MapWorkbenchApi(this RouteGroupBuilder api)
    {
        api.MapGet("/workbench", async (WorkbenchQueries q, ClaimsPrincipal u, CancellationToken ct) => TypedResults.Ok(await q.CountsAsync(Actor.From(u), ct)))
            .WithTags("Workbench").WithSummary("工作台：我的预警、到期走访、在办案件、待研判报告、待接收转介（与各列表总数一致）");
        api.MapGet("/visits/due", async (WorkbenchQueries q, ShouhuDbContext db, ClaimsPrincipal u, CancellationToken ct) =>
        {
            var items = await q.DueVisitsAsync(Actor.From(u), ct);
            db.RecordAudit("List", "Child", null, db.Caller.JurisdictionCode ?? string.Empty, $"due-visits;rows={items.Count}");
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(new { items, total = items.Count });
        }).RequireAuthorization(Policies.ReadRegistry).WithTags("Workbench").WithSummary("7天内到期及逾期的走访");
    }
}
