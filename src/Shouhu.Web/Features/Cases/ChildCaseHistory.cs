using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Cases;

/// <summary>One case in a child's history: number, stage, opened and closed (China time), closure reason (Chinese).</summary>
public sealed record ChildCaseLine(Guid Id, string CaseNumber, CaseStatus Status, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, ClosureReason? ClosureReason);

/// <summary>One report in a child's history: when and how received, its urgency, where it stands and the triage's reason.</summary>
public sealed record ChildReportLine(Guid Id, DateTimeOffset ReceivedAt, ReportChannel Channel, Urgency Urgency, ReportStatus Status, string? DecisionReason, string? CaseNumber);

/// <summary>A child's whole casework history as the reader may see it (closed cases and 不予立案 reports included).</summary>
public sealed record ChildCaseHistoryView(IReadOnlyList<ChildCaseLine> Cases, IReadOnlyList<ChildReportLine> Reports);

/// <summary>
/// The section 个案与报告 of a child's record (issue #10: after closure the record forgot the case): every case and report
/// of the child, open or closed, newest first — within the caller's jurisdiction (the data layer's filter) and only
/// those the caller's role may read (<see cref="CaseAccess.CanRead"/>, <see cref="ReportAccess.CanRead"/>).
/// Renders nothing when there is nothing to show. At most 100 of each.
/// </summary>
public sealed class ChildCaseHistory(ShouhuDbContext db) : ViewComponent
{
    /// <summary>The section for <paramref name="childId"/>.</summary>
    public async Task<IViewComponentResult> InvokeAsync(Guid childId)
    {
        var actor = Actor.From(UserClaimsPrincipal);
        var ct = HttpContext.RequestAborted;
        var cases = (await db.Cases.AsNoTracking().Where(c => c.ChildId == childId).OrderByDescending(c => c.OpenedAt).Take(100).ToListAsync(ct))
            .Where(c => CaseAccess.CanRead(c, actor)).ToList();
        var numbers = cases.ToDictionary(c => c.Id, c => c.CaseNumber);
        var reports = (await db.Reports.AsNoTracking().Where(r => r.ChildId == childId).OrderByDescending(r => r.ReceivedAt).Take(100).ToListAsync(ct))
            .Where(r => ReportAccess.CanRead(r, actor)).ToList();
        var view = new ChildCaseHistoryView(
            cases.Select(c => new ChildCaseLine(c.Id, c.CaseNumber, c.Status, ChinaTime.ToChina(c.OpenedAt), c.ClosedAt is { } closed ? ChinaTime.ToChina(closed) : null, c.ClosureReason)).ToList(),
            reports.Select(r => new ChildReportLine(r.Id, ChinaTime.ToChina(r.ReceivedAt), r.Channel, r.Urgency, r.Status, r.DecisionReason,
                r.CaseId is { } caseId ? numbers.GetValueOrDefault(caseId) : null)).ToList());
        return View("/Features/Cases/_ChildCaseHistory.cshtml", view);
    }
}
