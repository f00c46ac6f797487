using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Children;
using Shouhu.Domain.Monitoring;
using Shouhu.Domain.Time;

namespace Shouhu.Web.Shared;

/// <summary>
/// Which children the visit duty (走访, DESIGN C6) covers on a day: an active category, or — whatever the category — a
/// latest assessment of medium or high risk while under 18. One definition read by the visit planner, the due-visit list,
/// the VisitOverdue alert and the child's monitoring section, so they always agree (ADR-008: a shared read model).
/// </summary>
public static class VisitDuty
{
    /// <summary>The schedules of children the visit duty covers on <paramref name="today"/> (a query; nothing is read yet).</summary>
    public static IQueryable<VisitSchedule> Monitored(IQueryable<VisitSchedule> schedules, ShouhuDbContext db, DateOnly today)
    {
        var (active, atRisk) = Covered(db, today);
        return schedules.Where(s => active.Any(k => k.ChildId == s.ChildId) || atRisk.Any(a => a.ChildId == s.ChildId));
    }

    /// <summary>
    /// The two reasons for the duty on <paramref name="today"/>, as queries: the active categories, and the latest
    /// assessments of medium or high risk of children under 18 (age counted by <see cref="ChinaTime.LatestBirthDateForAge"/>).
    /// </summary>
    public static (IQueryable<ChildCategory> Active, IQueryable<RiskAssessment> AtRisk) Covered(ShouhuDbContext db, DateOnly today)
    {
        var minor = ChinaTime.LatestBirthDateForAge(18, today);
        var active = db.ChildCategories.AsNoTracking().Where(ChildCategory.ActiveOn(today));
        var atRisk = db.RiskAssessments.AsNoTracking()
            .Where(a => (a.Level == RiskLevel.High || a.Level == RiskLevel.Medium) && !db.RiskAssessments.Any(b => b.ChildId == a.ChildId && b.AssessedAt > a.AssessedAt))
            .Where(a => db.Children.Any(c => c.Id == a.ChildId && c.BirthDate > minor));
        return (active, atRisk);
    }
}
