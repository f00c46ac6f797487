using Microsoft.AspNetCore.Mvc.RazorPages;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Cases;

/// <summary>Cases: mine (as worker, supervisor or receiving worker) or all of the jurisdiction, by status.</summary>
public sealed class IndexModel(CaseQueries queries) : PageModel
{
    public CasePage Cases { get; private set; } = null!;
    public string? Status { get; private set; }
    public bool Mine { get; private set; }

    public async Task OnGetAsync(string? status, bool? mine, int? page, CancellationToken ct)
    {
        (Status, Mine) = (status, mine ?? true);
        Cases = await queries.ListAsync(Actor.From(User), status, Mine, page, 50, ct);
    }
}
