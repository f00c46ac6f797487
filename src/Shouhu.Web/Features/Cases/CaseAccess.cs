using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Accounts;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Regions;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Cases;

/// <summary>
/// Who may do what with a case, on top of the jurisdiction filter (ADR-005): officers, supervisors and directors read the
/// cases of their jurisdiction; a social worker reads the cases assigned (or being handed) to them; a member-unit liaison
/// sees no case at all, only the referrals sent to their organisation. The assigned worker, the supervisor and county
/// officers work on a case; the supervisor (or an officer) approves — never their own request.
/// </summary>
public static class CaseAccess
{
    /// <summary>True when <paramref name="actor"/> may read <paramref name="c"/> (already inside the jurisdiction).</summary>
    public static bool CanRead(Case c, Actor actor) =>
        Roles.CaseReaders.Contains(actor.Role) || IsOnCase(c, actor);

    /// <summary>True when <paramref name="actor"/> may act on <paramref name="c"/>: notes, status, plan, services, referrals.</summary>
    public static bool CanWork(Case c, Actor actor) =>
        actor.Id == c.AssignedWorkerId || actor.Id == c.SupervisorId || actor.Role == Roles.CivilAffairsOfficer
        || (actor.Role == Roles.ChildSupervisor && c.SupervisorId is null);

    /// <summary>True when <paramref name="actor"/> may approve or return a plan or closure of <paramref name="c"/>.</summary>
    public static bool CanApprove(Case c, Actor actor) =>
        actor.Id == c.SupervisorId || actor.Role == Roles.CivilAffairsOfficer;

    /// <summary>True when <paramref name="actor"/> may assign <paramref name="c"/> to a worker or change its supervisor.</summary>
    public static bool CanAssign(Case c, Actor actor) =>
        Roles.CaseSupervisors.Contains(actor.Role);

    private static bool IsOnCase(Case c, Actor actor) =>
        actor.Id == c.AssignedWorkerId || actor.Id == c.SupervisorId || actor.Id == c.PendingWorkerId;

    /// <summary>The NBS codes of <paramref name="regionCode"/> and every region above it (village, township, county, city, province).</summary>
    public static List<string> SelfAndAncestors(string regionCode)
    {
        var codes = new List<string>();
        for (var code = regionCode; !string.IsNullOrEmpty(code); code = RegionCode.ParentOf(code))
        {
            codes.Add(code);
        }

        return codes;
    }
}

/// <summary>An account a case can be given to: its id, real name and role.</summary>
public sealed record StaffMember(string Id, string DisplayName, string Role);

/// <summary>Looks up the accounts that may work on or supervise a case of a region: approved, of a fitting role, whose jurisdiction contains the region.</summary>
public sealed class CaseStaff(ShouhuDbContext db)
{
    /// <summary>Accounts of <paramref name="roles"/> whose jurisdiction contains <paramref name="regionCode"/>, by name.</summary>
    public async Task<List<StaffMember>> CandidatesAsync(string regionCode, IReadOnlyList<string> roles, CancellationToken ct)
    {
        var codes = CaseAccess.SelfAndAncestors(regionCode);
        var rows = await db.Users.AsNoTracking()
            .Where(u => u.IsApproved && codes.Contains(u.JurisdictionCode) && roles.Contains(u.Role))
            .OrderBy(u => u.DisplayName).Take(500)
            .Select(u => new StaffMember(u.Id, u.DisplayName, u.Role)).ToListAsync(ct);
        return rows;
    }

    /// <summary>The account <paramref name="id"/> when it may take a case of <paramref name="regionCode"/> in one of <paramref name="roles"/>; else null.</summary>
    public async Task<StaffMember?> FindAsync(string? id, string regionCode, IReadOnlyList<string> roles, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        var codes = CaseAccess.SelfAndAncestors(regionCode);
        return await db.Users.AsNoTracking()
            .Where(u => u.Id == id && u.IsApproved && codes.Contains(u.JurisdictionCode) && roles.Contains(u.Role))
            .Select(u => new StaffMember(u.Id, u.DisplayName, u.Role)).FirstOrDefaultAsync(ct);
    }
}
