using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Children;
using Shouhu.Domain.Monitoring;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Visits;

/// <summary>
/// Keeps each child's <see cref="VisitSchedule"/>: the next visit falls due the shortest interval of the child's current
/// risk level and active categories (<see cref="MonitoringSchedule"/>, per city) after the last visit — or, never visited,
/// after the day the child was registered. One computation serves the due-visit list, the workbench count and the
/// VisitOverdue alert, so they always agree. The visit duty covers the children of <see cref="VisitDuty"/>:
/// an active category, or — whatever the category — a latest assessment of medium or high risk while under 18. A last
/// visit that rated any aspect serious, not yet followed by an assessment, shortens the interval to the high-risk one.
/// Other features reach it through the shared port <see cref="IVisitSchedules"/> (ADR-008).
/// </summary>
public sealed partial class VisitPlanner(MonitoringSchedule schedule, TimeProvider clock, ILogger<VisitPlanner> logger) : IVisitSchedules
{
    // Stands for "no category interval" inside the query (the level's interval is always shorter).
    private const int NoInterval = 1_000_000;

    private sealed record Inputs(Guid Id, string RegionCode, DateTime CreatedAt, DateTime? LastVisitAt, RiskLevel? Level, int? CategoryDays, DateOnly? Existing, string? ExistingRegion,
        bool LastVisitSerious, DateTime? LastAssessedAt);

    /// <summary>
    /// Recomputes the schedules of <paramref name="childIds"/> and saves them (children the duty no longer covers keep
    /// whatever row they had; the lists ignore it). Call after the visit, assessment or category change has been saved.
    /// </summary>
    public async Task PlanAsync(ShouhuDbContext db, IReadOnlyCollection<Guid> childIds, CancellationToken ct)
    {
        // Called after the change itself was saved: a concurrent request (or run) that wrote the same child's row first
        // makes the insert collide; read again and write again. Never fail the saved change over derived data — the next
        // full run reconciles whatever is left.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await PlanOnceAsync(db, childIds, ct);
                return;
            }
            catch (DbUpdateException e)
            {
                foreach (var entry in db.ChangeTracker.Entries<VisitSchedule>().ToList())
                {
                    entry.State = EntityState.Detached;
                }

                if (attempt == 3)
                {
                    LogPlanFailed(logger, e.GetType().FullName ?? "unknown");
                    return;
                }
            }
        }
    }

    [LoggerMessage(EventId = 610, Level = LogLevel.Warning, Message = "Visit schedule not written (the next full alert run reconciles it): {ExceptionType}")]
    private static partial void LogPlanFailed(ILogger logger, string exceptionType);

    private async Task PlanOnceAsync(ShouhuDbContext db, IReadOnlyCollection<Guid> childIds, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var rows = await InputsQuery(db, db.Children.AsNoTracking().Where(c => childIds.Contains(c.Id)), today).ToListAsync(ct);
        foreach (var r in rows)
        {
            var (last, interval, due) = Compute(r);
            var row = await db.VisitSchedules.FirstOrDefaultAsync(s => s.ChildId == r.Id, ct);
            if (row is null)
            {
                db.VisitSchedules.Add(new VisitSchedule { ChildId = r.Id, RegionCode = r.RegionCode, LastVisitedOn = last, IntervalDays = interval, NextDueOn = due });
            }
            else
            {
                (row.RegionCode, row.LastVisitedOn, row.IntervalDays, row.NextDueOn) = (r.RegionCode, last, interval, due);
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The schedule of a child being registered (not yet saved): never visited or assessed, due one interval of its active
    /// categories after today; null when no category is active. Added to the registration's own save.
    /// </summary>
    public VisitSchedule? ForNewChild(Child child)
    {
        var today = ChinaTime.Today(clock);
        var categories = child.Categories.Where(k => k.IsActiveOn(today)).Select(k => k.Category).ToList();
        if (categories.Count == 0)
        {
            return null;
        }

        var interval = schedule.VisitDays(RiskLevel.Unknown, categories);
        return new VisitSchedule { ChildId = child.Id, RegionCode = child.RegionCode, IntervalDays = interval, NextDueOn = today.AddDays(interval) };
    }

    /// <summary>
    /// Reconciles the schedules of every child under protection (or of <paramref name="only"/>) with the data — a child
    /// whose category, level or city interval changed without a visit, a child never planned — replacing the rows that
    /// differ in bulk. For system tasks (the alert engine's full run). Returns how many rows were written.
    /// </summary>
    public async Task<int> ReconcileAsync(ShouhuDbContext db, Guid? only, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var children = db.Children.AsNoTracking();
        if (only is { } id)
        {
            children = children.Where(c => c.Id == id);
        }

        var changed = new List<VisitSchedule>();
        var stale = new List<(Guid Id, DateOnly Read)>();
        await foreach (var r in InputsQuery(db, children, today).AsAsyncEnumerable().WithCancellation(ct))
        {
            var (last, interval, due) = Compute(r);
            if (r.Existing == due && r.ExistingRegion == r.RegionCode)
            {
                continue;
            }

            if (r.Existing is not null)
            {
                stale.Add((r.Id, r.Existing.Value));
            }

            changed.Add(new VisitSchedule { ChildId = r.Id, RegionCode = r.RegionCode, LastVisitedOn = last, IntervalDays = interval, NextDueOn = due });
        }

        // Replace only rows still as they were read: a row a visit rewrote meanwhile is not deleted, so the insert of the
        // older computation collides with it on the key and the run reads again (the alert engine repeats on that).
        foreach (var group in stale.GroupBy(s => s.Read))
        {
            var read = group.Key;
            foreach (var chunk in group.Select(s => s.Id).Chunk(1000))
            {
                await db.VisitSchedules.Where(s => chunk.Contains(s.ChildId) && s.NextDueOn == read).ExecuteDeleteAsync(ct);
            }
        }

        await BulkInsert.InsertAsync(db, changed, ct);
        return changed.Count;
    }

    /// <summary>The children of <paramref name="children"/> the visit duty covers on <paramref name="today"/> with what their schedule depends on.</summary>
    private IQueryable<Inputs> InputsQuery(ShouhuDbContext db, IQueryable<Child> children, DateOnly today)
    {
        var (active, atRisk) = VisitDuty.Covered(db, today);
        int Days(ProtectionCategory k) => schedule.VisitDaysByCategory.TryGetValue(k, out var d) ? d : NoInterval;
        // Captured as parameters of the query: the per-city interval of each category, as one CASE.
        int orphan = Days(ProtectionCategory.Orphan), deFacto = Days(ProtectionCategory.DeFactoUnsupported), leftBehind = Days(ProtectionCategory.LeftBehind),
            distress = Days(ProtectionCategory.InDistress), migrant = Days(ProtectionCategory.Migrant), disabled = Days(ProtectionCategory.Disabled);
        return children.Where(c => active.Any(k => k.ChildId == c.Id) || atRisk.Any(a => a.ChildId == c.Id)).Select(c => new Inputs(
            c.Id,
            c.RegionCode,
            c.CreatedAt,
            db.HomeVisits.Where(v => v.ChildId == c.Id).Max(v => (DateTime?)v.VisitedAt),
            db.RiskAssessments.Where(a => a.ChildId == c.Id).OrderByDescending(a => a.AssessedAt).Select(a => (RiskLevel?)a.Level).FirstOrDefault(),
            active.Where(k => k.ChildId == c.Id).Min(k => (int?)(k.Category == ProtectionCategory.Orphan ? orphan
                : k.Category == ProtectionCategory.DeFactoUnsupported ? deFacto
                : k.Category == ProtectionCategory.LeftBehind ? leftBehind
                : k.Category == ProtectionCategory.InDistress ? distress
                : k.Category == ProtectionCategory.Migrant ? migrant
                : k.Category == ProtectionCategory.Disabled ? disabled
                : NoInterval)),
            db.VisitSchedules.Where(s => s.ChildId == c.Id).Select(s => (DateOnly?)s.NextDueOn).FirstOrDefault(),
            db.VisitSchedules.Where(s => s.ChildId == c.Id).Select(s => s.RegionCode).FirstOrDefault(),
            db.HomeVisits.Where(v => v.ChildId == c.Id).OrderByDescending(v => v.VisitedAt)
                .Select(v => v.Safety == SituationRating.Serious || v.Health == SituationRating.Serious || v.Schooling == SituationRating.Serious || v.DailyCare == SituationRating.Serious)
                .FirstOrDefault(),
            db.RiskAssessments.Where(a => a.ChildId == c.Id).Max(a => (DateTime?)a.AssessedAt)));
    }

    private (DateOnly? Last, int Interval, DateOnly Due) Compute(Inputs r)
    {
        var interval = Math.Min(schedule.VisitDays(r.Level ?? RiskLevel.Unknown), r.CategoryDays ?? NoInterval);
        if (r.LastVisitSerious && (r.LastAssessedAt is null || r.LastAssessedAt < r.LastVisitAt))
        {
            // The last visit found something serious and no assessment has judged it since: visit at the high-risk
            // interval until one does [U].
            interval = Math.Min(interval, schedule.VisitDays(RiskLevel.High));
        }

        DateOnly? last = r.LastVisitAt is { } v ? ChinaTime.DateOf(new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc))) : null;
        var from = last ?? ChinaTime.DateOf(new DateTimeOffset(DateTime.SpecifyKind(r.CreatedAt, DateTimeKind.Utc)));
        return (last, interval, from.AddDays(interval));
    }
}
