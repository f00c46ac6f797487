using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Children;

namespace Shouhu.Web.Shared;

/// <summary>
/// The parts of a child's file that carry the child's region as their jurisdiction key. When the child's residence
/// changes — an edit within the editor's jurisdiction, or a transfer to another one — every part must follow in the same
/// save: a part left behind would stay visible to the old village and hidden from the new one. Shared (ADR-008): the
/// Children feature moves the file with an edit, the Cases feature with an accepted region transfer.
/// </summary>
public static class ChildFile
{
    /// <summary>
    /// Sets the region of every part of the child's file (categories, guardians, entrusted care, history, assessments,
    /// visits, visit schedule, prevention attendance, alerts about the child) to <paramref name="to"/>, tracked so that the
    /// caller's next save writes them with the child. The child's own <c>RegionCode</c> is the caller's to set.
    /// </summary>
    public static async Task FollowResidenceAsync(ShouhuDbContext db, Guid childId, string to, CancellationToken ct)
    {
        foreach (var k in await db.ChildCategories.Where(x => x.ChildId == childId && x.RegionCode != to).ToListAsync(ct)) k.RegionCode = to;
        foreach (var g in await db.Guardians.Where(x => x.ChildId == childId && x.RegionCode != to).ToListAsync(ct)) g.RegionCode = to;
        foreach (var e in await db.EntrustedCares.Where(x => x.ChildId == childId && x.RegionCode != to).ToListAsync(ct)) e.RegionCode = to;
        foreach (var r in await db.ChildRevisions.Where(x => x.ChildId == childId && x.RegionCode != to).ToListAsync(ct)) r.RegionCode = to;
        foreach (var a in await db.RiskAssessments.Where(x => x.ChildId == childId && x.RegionCode != to).ToListAsync(ct)) a.RegionCode = to;
        foreach (var v in await db.HomeVisits.Where(x => x.ChildId == childId && x.RegionCode != to).ToListAsync(ct)) v.RegionCode = to;
        foreach (var s in await db.VisitSchedules.Where(x => x.ChildId == childId && x.RegionCode != to).ToListAsync(ct)) s.RegionCode = to;
        foreach (var p in await db.PreventionAttendances.Where(x => x.ChildId == childId && x.RegionCode != to).ToListAsync(ct)) p.RegionCode = to;
        // Alerts about the child go with it: the old place must not keep listing them, the new one must see them.
        foreach (var a in await db.Alerts.Where(x => x.ChildId == childId && x.RegionCode != to).ToListAsync(ct)) a.RegionCode = to;
        // History lines added in this unit of work (not yet saved) were written with the old region.
        foreach (var e in db.ChangeTracker.Entries<ChildRevision>().Where(x => x.State == EntityState.Added && x.Entity.ChildId == childId)) e.Entity.RegionCode = to;
    }
}
