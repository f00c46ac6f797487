using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Cases;

/// <summary>Cases moving into the caller's jurisdiction (a child moved here), to accept or decline.</summary>
public sealed class TransfersModel(RegionTransfer transfers) : PageModel
{
    public List<IncomingTransfer> Items { get; private set; } = [];
    public string? Message { get; private set; }
    public bool MessageIsError { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Message = TempData["message"] as string;
        Items = await transfers.IncomingAsync(Actor.From(User), ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid caseId, string? decision, string? note, CancellationToken ct)
    {
        var outcome = await transfers.DecideAsync(caseId, Actor.From(User), decision == "accept", note, ct);
        if (outcome.Ok && decision == "accept")
        {
            TempData["message"] = "已接收移交，请分派承办人";
            return Redirect($"/Cases/Details/{caseId}");
        }

        if (outcome.Ok)
        {
            TempData["message"] = "已拒绝接收";
            return Redirect("/Cases/Transfers");
        }

        MessageIsError = true;
        Message = outcome.NotFound ? "未找到该移交（可能已被同事处理）" : string.Join("；", outcome.Errors?.ToDictionary().SelectMany(kv => kv.Value) ?? []);
        Items = await transfers.IncomingAsync(Actor.From(User), ct);
        return Page();
    }
}
