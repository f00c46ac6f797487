using Microsoft.AspNetCore.Mvc.RazorPages;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Referrals;

/// <summary>The referral inbox of the caller's organisation, and the referrals sent from the caller's cases (overdue first).</summary>
public sealed class IndexModel(ReferralInbox inbox) : PageModel
{
    public List<ReferralListItem> Items { get; private set; } = [];
    public string Box { get; private set; } = "inbox";

    public async Task OnGetAsync(string? box, CancellationToken ct)
    {
        Box = box == "outgoing" ? "outgoing" : "inbox";
        Items = await inbox.ListAsync(Actor.From(User), Box, null, ct);
    }
}
