using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Monitoring;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Visits;

/// <summary>A child whose visit falls due (or is overdue), with the village's name.</summary>
public sealed record DueVisit(Guid ChildId, string Name, string RegionCode, string? RegionName, DateOnly DueOn, bool Overdue, int IntervalDays);

/// <summary>A page of <see cref="DueVisit"/>s and the total of the whole list.</summary>
public sealed record DueVisitPage(IReadOnlyList<DueVisit> Items, int Total, int Page, int PageSize);

/// <summary>
/// The due list (到期走访, DESIGN C6): children of the jurisdiction whose next visit falls within a week or is past —
/// <c>GET /api/v1/visits/due</c>, the page <c>/Visits/Due</c> and the workbench's due-visit count, all by the same query.
/// </summary>
public sealed class DueVisitList(ShouhuDbContext db, RegionNames regionNames, TimeProvider clock)
{
    /// <summary>Days ahead a visit counts as due.</summary>
    public const int DueWithinDays = 7;

    /// <summary>
    /// Schedules of the jurisdiction's children under monitoring (<see cref="VisitPlanner"/>) whose next visit (<see cref="VisitSchedule"/>) falls
    /// within <see cref="DueWithinDays"/> days or is past. The caller checks the role (readers of the register).
    /// </summary>
    public IQueryable<VisitSchedule> Due()
    {
        var today = ChinaTime.Today(clock);
        var horizon = today.AddDays(DueWithinDays);
        return VisitDuty.Monitored(db.VisitSchedules.AsNoTracking().Where(s => s.NextDueOn <= horizon), db, today);
    }

    /// <summary>
    /// One page of <see cref="Due"/>, earliest first (overdue at the top), and the list's total; within the region
    /// <paramref name="within"/> (e.g. one township of a county) when given — the jurisdiction still applies.
    /// </summary>
    public async Task<DueVisitPage> PageAsync(int? page, int? pageSize, CancellationToken ct, string? within = null)
    {
        var size = Math.Clamp(pageSize ?? 100, 1, 500);
        var number = Math.Clamp(page ?? 1, 1, 100_000);
        var today = ChinaTime.Today(clock);
        var due = Within(within);
        var total = await due.CountAsync(ct);
        var rows = await Rows(Ordered(due).Skip((number - 1) * size).Take(size)).ToListAsync(ct);
        var names = await regionNames.PlacesAsync(rows.Select(r => r.RegionCode), ct);
        return new(rows.Select(r => Item(r, names, today)).ToList(), total, number, size);
    }

    /// <summary>
    /// Every line of the list <see cref="PageAsync"/> shows for the same caller and <paramref name="within"/>, in its order,
    /// at most <paramref name="max"/>, streamed (the export). The places are read first, so the rows stream in one statement.
    /// </summary>
    public async IAsyncEnumerable<DueVisit> AllAsync(string? within, int max, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var today = ChinaTime.Today(clock);
        var due = Ordered(Within(within)).Take(max);
        var names = await regionNames.PlacesAsync(await due.Select(s => s.RegionCode).Distinct().ToListAsync(ct), ct);
        await foreach (var r in Rows(due).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return Item(r, names, today);
        }
    }

    private IQueryable<VisitSchedule> Within(string? within)
    {
        var due = Due();
        if (Domain.Regions.RegionCode.IsWellFormed(within))
        {
            var (low, high) = Domain.Regions.RegionCode.SubtreeRange(within!);
            due = due.Where(s => string.Compare(s.RegionCode, low) >= 0 && string.Compare(s.RegionCode, high) <= 0);
        }

        return due;
    }

    private static IQueryable<VisitSchedule> Ordered(IQueryable<VisitSchedule> due) => due.OrderBy(s => s.NextDueOn).ThenBy(s => s.RegionCode).ThenBy(s => s.ChildId);

    private IQueryable<DueRow> Rows(IQueryable<VisitSchedule> due) =>
        due.Join(db.Children.AsNoTracking(), s => s.ChildId, c => c.Id, (s, c) => new DueRow(s.ChildId, c.Name, s.RegionCode, s.NextDueOn, s.IntervalDays));

    private static DueVisit Item(DueRow r, Dictionary<string, string> names, DateOnly today) =>
        new(r.ChildId, r.Name, r.RegionCode, names.GetValueOrDefault(r.RegionCode), r.NextDueOn, r.NextDueOn < today, r.IntervalDays);

    private sealed record DueRow(Guid ChildId, string Name, string RegionCode, DateOnly NextDueOn, int IntervalDays);
}
