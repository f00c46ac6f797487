using Microsoft.AspNetCore.Mvc.RazorPages;
using Shouhu.Domain.Accounts;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Reports;

/// <summary>
/// The triage queue (待研判, the most pressing clock first, overdue in red) and the other reports of the jurisdiction; a
/// role that reads only the reports it recorded (<c>Roles.ReportReaders</c> excludes it: liaison, social worker) gets
/// those, every status, without the triage tabs.
/// </summary>
public sealed class IndexModel(ReportQueries queries) : PageModel
{
    public ReportPage Reports { get; private set; } = null!;
    public string Status { get; private set; } = "awaiting-triage";

    /// <summary>True when the caller reads every report of the jurisdiction (<see cref="Roles.ReportReaders"/>); else only their own.</summary>
    public bool ReadsAll { get; private set; }

    /// <summary>True for triagers (<see cref="Roles.CaseSupervisors"/>), who are told when the working calendar ends soon.</summary>
    public bool SetsDeadlines { get; private set; }

    public async Task OnGetAsync(string? status, int? page, CancellationToken ct)
    {
        ReadsAll = Roles.ReportReaders.Contains(Actor.From(User).Role);
        SetsDeadlines = Roles.CaseSupervisors.Contains(Actor.From(User).Role);
        Status = ReadsAll ? status ?? "awaiting-triage" : "all";
        Reports = await queries.ListAsync(Actor.From(User), Status == "all" ? null : Status, page, 50, ct);
    }
}
