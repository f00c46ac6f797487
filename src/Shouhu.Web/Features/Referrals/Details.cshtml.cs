using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shouhu.Domain.Casework;
using Shouhu.Web.Features.Cases;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Referrals;

/// <summary>One referral as its receiver sees it (nothing of the case beyond it), with accept, decline, progress, completion and the receiver's files.</summary>
public sealed class DetailsModel(ReferralInbox inbox, AddReferralFile addFile) : PageModel
{
    public ReferralView Referral { get; private set; } = null!;
    public string? Message { get; private set; }
    public bool MessageIsError { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Message = TempData["message"] as string;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? action, string? note, CancellationToken ct)
    {
        var parsed = action switch
        {
            "accept" => ReferralAction.Accept,
            "decline" => ReferralAction.Decline,
            "progress" => ReferralAction.Progress,
            "complete" => ReferralAction.Complete,
            _ => (ReferralAction?)null,
        };
        if (parsed is null)
        {
            return NotFound();
        }

        var outcome = await inbox.ActAsync(id, parsed.Value, User, new ReferralNoteRequest(note), ct);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (outcome.Ok)
        {
            TempData["message"] = parsed switch { ReferralAction.Accept => "已接收", ReferralAction.Decline => "已拒绝", ReferralAction.Progress => "办理情况已记录", _ => "已办结并反馈" };
            return Redirect($"/Referrals/Details/{id}");
        }

        return await RefusedAsync(id, outcome, ct);
    }

    /// <summary>The receiver attaches a file (a 告诫书, a report) to the referral's feedback.</summary>
    public async Task<IActionResult> OnPostUploadAsync(Guid id, IFormFile? file, CancellationToken ct)
    {
        // No file, an empty one, one over 20 MB: the use case refuses each at the field, after its checks of who may attach.
        await using var stream = file?.OpenReadStream() ?? Stream.Null;
        var outcome = await addFile.RunAsync(id, Actor.From(User), file?.FileName, stream, ct);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (outcome.Ok)
        {
            TempData["message"] = "文件已上传";
            return Redirect($"/Referrals/Details/{id}");
        }

        return await RefusedAsync(id, outcome, ct);
    }

    private async Task<IActionResult> RefusedAsync<T>(Guid id, Outcome<T> outcome, CancellationToken ct)
    {
        MessageIsError = true;
        Message = outcome.Message ?? string.Join("；", outcome.Errors.ToDictionary().SelectMany(kv => kv.Value));
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await inbox.GetAsync(id, User, ct) is not { } r)
        {
            return false;
        }

        Referral = r;
        return true;
    }
}
