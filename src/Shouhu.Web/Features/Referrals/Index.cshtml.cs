using Microsoft.AspNetCore.Mvc.RazorPages;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Referrals;

/// <summary>
/// The referral inbox of the caller's organisation, and the referrals sent from the caller's cases (overdue first). Each
/// tab only for a role that has it (issue #10: a liaison sends no referrals and sees no 我的案件发出的).
/// </summary>
public sealed class IndexModel(ReferralInbox inbox) : PageModel
{
    public List<ReferralListItem> Items { get; private set; } = [];
    public string Box { get; private set; } = "inbox";

    /// <summary>True when the caller's role receives referrals (the inbox tab).</summary>
    public bool Receives => Domain.Accounts.Roles.ReferralReceivers.Contains(Actor.From(User).Role);

    /// <summary>True when the caller's role works cases and so sends referrals (the outgoing tab).</summary>
    public bool Sends => Domain.Accounts.Roles.CaseWorkers.Contains(Actor.From(User).Role);

    public async Task OnGetAsync(string? box, CancellationToken ct)
    {
        Box = (box == "outgoing" && Sends) || !Receives ? "outgoing" : "inbox";
        Items = await inbox.ListAsync(Actor.From(User), Box, null, ct);
    }
}
