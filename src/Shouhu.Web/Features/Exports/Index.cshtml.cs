using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Shouhu.Web.Features.Exports;

/// <summary><c>/Exports</c>: the caller's own background exports of the last day, newest first (ADR-016).</summary>
public sealed class IndexModel(ExportStatusQuery query) : PageModel
{
    /// <summary>The exports shown.</summary>
    public IReadOnlyList<ExportJobResponse> Items { get; private set; } = [];

    /// <summary>Lists them.</summary>
    public async Task OnGetAsync(CancellationToken ct) => Items = await query.MineAsync(ct);
}
