using Microsoft.AspNetCore.Mvc.RazorPages;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Reports;

/// <summary>The triage queue (待研判, the most pressing clock first, overdue in red) and the other reports of the jurisdiction.</summary>
public sealed class IndexModel(ReportQueries queries) : PageModel
{
    public ReportPage Reports { get; private set; } = null!;
    public string Status { get; private set; } = "awaiting-triage";

    public async Task OnGetAsync(string? status, int? page, CancellationToken ct)
    {
        Status = status ?? "awaiting-triage";
        Reports = await queries.ListAsync(Actor.From(User), Status == "all" ? null : Status, page, 50, ct);
    }
}
