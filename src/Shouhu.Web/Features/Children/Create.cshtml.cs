using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Shouhu.Data;
using Shouhu.Domain.Children;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Children;

/// <summary>The registration form: the same <see cref="RegisterChild"/> as the API, messages next to each field, nothing saved on error, nothing typed lost.</summary>
[Authorize(Policy = Policies.WriteRegistry)]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.ChildEntry)]
public sealed class CreateModel(RegisterChild register, ShouhuDbContext db) : PageModel
{
    [BindProperty] public ChildForm Form { get; set; } = new();
    public ValidationErrors Errors { get; private set; } = new();
    public RegionPicker Picker { get; private set; } = null!;
    public string? Problem { get; private set; }
    public Guid? ExistingId { get; private set; }
    public IReadOnlyList<PossibleDuplicate> PossibleDuplicates { get; private set; } = [];
    public ChildFormView View => new(Form, Errors, Picker);

    /// <summary>The error-key prefix of a family row (<c>guardians[i]</c> by position among filled rows), or null for an empty row.</summary>
    public string? GuardianKey(GuardianForm row)
    {
        var i = Form.FilledFamily().IndexOf(row);
        return i < 0 ? null : $"guardians[{i}]";
    }

    public async Task OnGetAsync(string? region, CancellationToken ct) =>
        Picker = await RegionPicker.BuildAsync(db, "ResidenceRegionCode", region, 5, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await register.RunAsync(Form.ToInput(), Form.AllowPossibleDuplicate, ct);
        if (outcome.Value is { } child)
        {
            // Said once, on the page the redirect shows: a refresh of that clean address does not say 已登记 again.
            TempData["childCreated"] = true;
            return Redirect($"/Children/Details/{child.Id}");
        }

        Errors = outcome.Errors;
        ExistingId = DuplicateRefusals.ExistingIdOf(outcome);
        // The matches are listed with their own words; every other refusal is said in one sentence.
        Problem = DuplicateRefusals.MatchesOf(outcome).Count > 0 ? null : outcome.Message;
        PossibleDuplicates = PossibleDuplicate.Shown(DuplicateRefusals.MatchesOf(outcome), PersonalDataPolicy.For(User.FindFirstValue(ClaimTypes.Role), OutputChannel.DuplicateCheck));
        Picker = await RegionPicker.BuildAsync(db, "ResidenceRegionCode", RegionPicker.PickedIn(Request, "ResidenceRegionCode", Form.ResidenceRegionCode), 5, ct);
        return Page();
    }
}
