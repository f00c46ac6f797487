using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Accounts;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features;

/// <summary>The home page: the caller's jurisdiction and the counts behind the first links (all within the jurisdiction).</summary>
public sealed class IndexModel(ShouhuDbContext db, Workbench.WorkbenchQueries workbench, Visits.DueVisitList dueVisits) : PageModel
{
    public string? DisplayName { get; private set; }
    public string? Role { get; private set; }
    public string? JurisdictionCode { get; private set; }
    public string? JurisdictionName { get; private set; }
    public int? ChildCount { get; private set; }
    public int? PendingAccounts { get; private set; }
    public bool CanRegister { get; private set; }
    public int? AwaitingTriage { get; private set; }
    public int? OverdueTriage { get; private set; }
    public int? MyOpenCases { get; private set; }
    public int? ReferralsWaiting { get; private set; }
    public int? AwaitingMyApproval { get; private set; }
    public int? MyAlerts { get; private set; }
    public int? DueVisits { get; private set; }
    public (string Status, string Title, int Count)? Verifications { get; private set; }
    public IReadOnlyList<(string Text, string Name, int Count)> MyCasesByStatus { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        DisplayName = User.FindFirstValue(HttpCallerContext.DisplayNameClaim);
        Role = User.FindFirstValue(ClaimTypes.Role);
        JurisdictionCode = User.FindFirstValue(HttpCallerContext.JurisdictionClaim);
        JurisdictionName = await db.Regions.AsNoTracking().Where(r => r.Code == JurisdictionCode).Select(r => r.Name).FirstOrDefaultAsync(ct);
        if (Role is not null && Roles.RegistryReaders.Contains(Role))
        {
            ChildCount = await db.Children.CountAsync(ct);
            CanRegister = Roles.RegistryWriters.Contains(Role);
        }

        if (Role is not null && Roles.RegistryReaders.Contains(Role))
        {
            MyAlerts = await Alerts.AlertList.Open(db, Actor.From(User)).CountAsync(ct);
            if (workbench.VerificationsWaiting(Actor.From(User)) is { } waiting)
            {
                Verifications = (waiting.Status, waiting.Title, await waiting.Children.CountAsync(ct));
            }
        }

        // Due visits: for those who visit (directors, supervisors, officers — a county officer follows them up by township).
        if (Role is Roles.ChildDirector or Roles.ChildSupervisor or Roles.CivilAffairsOfficer)
        {
            DueVisits = await dueVisits.Due().CountAsync(ct);
        }

        // Casework counts, each the total of the list its link opens (the workbench's own queries).
        var me = User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (Role is not null && Roles.CaseSupervisors.Contains(Role))
        {
            var now = DateTime.UtcNow;
            AwaitingTriage = await workbench.ReportsAwaitingTriage().CountAsync(ct);
            OverdueTriage = await workbench.ReportsAwaitingTriage().CountAsync(r => r.ResponseDueAt < now, ct);
            AwaitingMyApproval = await db.Cases.CountAsync(c => c.SupervisorId == me
                && (c.PlanState == Domain.Casework.ApprovalState.Submitted || c.ClosureState == Domain.Casework.ApprovalState.Submitted), ct);
        }

        if (Role is not null && (Roles.CaseWorkers.Contains(Role) || Roles.CaseSupervisors.Contains(Role)))
        {
            var byStatus = await workbench.MyCasesByStatusAsync(Actor.From(User), ct);
            MyCasesByStatus = byStatus.Select(s => (Domain.Casework.CaseWorkflow.Text(s.Status), Domain.Casework.CaseWorkflow.Name(s.Status), s.Count)).ToList();
            MyOpenCases = byStatus.Sum(s => s.Count);
        }

        if (workbench.ReferralsAwaiting(Actor.From(User)) is { } referrals)
        {
            ReferralsWaiting = await referrals.CountAsync(ct);
        }

        if (Role is not null && Roles.AccountManagers.Contains(Role) && JurisdictionCode is not null)
        {
            PendingAccounts = await db.WithinJurisdiction(db.Users, u => u.JurisdictionCode).CountAsync(u => !u.IsApproved, ct);
        }
    }
}
