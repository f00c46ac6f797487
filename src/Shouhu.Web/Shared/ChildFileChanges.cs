using Shouhu.Data;
using Shouhu.Domain.Children;
using Shouhu.Domain.Monitoring;

namespace Shouhu.Web.Shared;

/// <summary>
/// The visit schedule of a child (<see cref="VisitSchedule"/>) as the features that change a child's file see it: a port
/// implemented by the Visits feature (its <c>VisitPlanner</c>, registered by <c>AddVisits</c>; ADR-008).
/// </summary>
public interface IVisitSchedules
{
    /// <summary>
    /// The schedule of a child being registered (not yet saved): due one interval of its active categories after today;
    /// null when no category is active. The caller adds it to the registration's own save.
    /// </summary>
    VisitSchedule? ForNewChild(Child child);

    /// <summary>
    /// Recomputes the schedules of <paramref name="childIds"/> and saves them in <paramref name="db"/>, after the change they
    /// depend on was saved; never fails that change (a lost race is retried, then logged and left to the next full run).
    /// </summary>
    Task PlanAsync(ShouhuDbContext db, IReadOnlyCollection<Guid> childIds, CancellationToken ct);

    /// <summary>
    /// Reconciles the schedules of every child under protection (or of <paramref name="only"/>) with the data, in bulk, in
    /// <paramref name="db"/> (a system context). Returns how many rows were written.
    /// </summary>
    Task<int> ReconcileAsync(ShouhuDbContext db, Guid? only, CancellationToken ct);
}

/// <summary>
/// The alerts of one child (预警, DESIGN C6) re-run after a change to its file: a port implemented by the Alerts feature
/// (its <c>AlertEngine</c>, registered by <c>AddAlerts</c>; ADR-008).
/// </summary>
public interface IChildAlerts
{
    /// <summary>
    /// Runs the alert rules for <paramref name="childId"/> as the system, naming <paramref name="caller"/> in the run's audit
    /// entry. The change is already saved: the run is not cancelled with the request, and its failure is logged by type
    /// and left to the next scheduled run.
    /// </summary>
    Task RunForChildAsync(CallerScope caller, Guid childId);

    /// <summary>
    /// Runs the alert rules over <paramref name="jurisdiction"/> (an NBS code) as the system, naming <paramref name="caller"/>
    /// in the run's audit entry — once after many children changed together (a survey import), instead of once per child.
    /// Never fails: a failure is logged by type and left to the next scheduled run.
    /// </summary>
    Task RunForJurisdictionAsync(CallerScope caller, string jurisdiction);
}

/// <summary>
/// What follows a saved change to a child's file, in this order: the visit schedule is recomputed (Visits), then the
/// child's alerts run (Alerts), which read the schedule. Every feature that changes a child's file (Children, Reports,
/// Cases, Referrals, Assessments, Visits) names only this (ADR-008, "Crossings between features"). Both steps run after
/// the change's own save, outside its transaction, and never fail it.
/// </summary>
public sealed class ChildFileChanges(IVisitSchedules visits, IChildAlerts alerts)
{
    /// <summary>The schedule of a child being registered, to add to the registration's own save (see <see cref="IVisitSchedules.ForNewChild"/>).</summary>
    public VisitSchedule? FirstSchedule(Child child) => visits.ForNewChild(child);

    /// <summary>
    /// After a saved change the visit interval depends on (a visit, an assessment, a category, the birth date): recomputes
    /// the child's visit schedule in <paramref name="db"/>, then re-runs the child's alerts.
    /// </summary>
    public async Task ScheduleChangedAsync(ShouhuDbContext db, Guid childId, CancellationToken ct)
    {
        await visits.PlanAsync(db, [childId], ct);
        await alerts.RunForChildAsync(db.Caller, childId);
    }

    /// <summary>
    /// After any other saved change to the child's file (a registration, a case, a triage, a referral): re-runs the child's
    /// alerts (the run reconciles the child's visit schedule first).
    /// </summary>
    public Task ChangedAsync(CallerScope caller, Guid childId) => alerts.RunForChildAsync(caller, childId);

    /// <summary>
    /// After many children of <paramref name="jurisdiction"/> were registered at once (a survey import, each with the first
    /// schedule <see cref="FirstSchedule"/> gave it): one alert run over the jurisdiction.
    /// </summary>
    public Task ManyRegisteredAsync(CallerScope caller, string jurisdiction) => alerts.RunForJurisdictionAsync(caller, jurisdiction);
}
