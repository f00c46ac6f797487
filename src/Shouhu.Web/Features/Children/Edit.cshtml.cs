using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Shouhu.Data;
using Shouhu.Domain.Children;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Children;

/// <summary>Edits a record's own fields with <see cref="UpdateChild"/>; a stale version is refused with who saved meanwhile.</summary>
[Authorize(Policy = Policies.WriteRegistry)]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Shared.RateLimits.ChildEntry)]
public sealed class EditModel(UpdateChild update, ChildQueries queries, ShouhuDbContext db) : PageModel
{
    [BindProperty] public ChildForm Form { get; set; } = new();
    public Guid Id { get; private set; }
    public ValidationErrors Errors { get; private set; } = new();
    public RegionPicker Picker { get; private set; } = null!;
    public string? Problem { get; private set; }
    public IReadOnlyList<PossibleDuplicate> PossibleDuplicates { get; private set; } = [];
    public ChildFormView View => new(Form, Errors, Picker);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await queries.GetAsync(id, User.FindFirstValue(ClaimTypes.Role), ct) is not { } child)
        {
            return NotFound();
        }

        Id = id;
        Form = ChildForm.From(child);
        Picker = await RegionPicker.BuildAsync(db, "ResidenceRegionCode", child.ResidenceRegionCode, 5, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        var input = Form.ToInput();
        var outcome = await update.RunAsync(id, input with { Categories = null, Guardians = null }, Form.Version, Form.AllowPossibleDuplicate, ct);
        if (outcome.NotFound)
        {
            return NotFound();
        }

        if (outcome.Ok)
        {
            TempData["childSaved"] = true;
            return Redirect($"/Children/Details/{id}");
        }

        Errors = outcome.Errors;
        // The matches are listed with their own words; every other refusal is said in one sentence.
        Problem = DuplicateRefusals.MatchesOf(outcome).Count > 0 ? null : outcome.Message;
        PossibleDuplicates = PossibleDuplicate.Shown(DuplicateRefusals.MatchesOf(outcome), PersonalDataPolicy.For(User.FindFirstValue(ClaimTypes.Role), OutputChannel.DuplicateCheck));
        Picker = await RegionPicker.BuildAsync(db, "ResidenceRegionCode", RegionPicker.PickedIn(Request, "ResidenceRegionCode", Form.ResidenceRegionCode), 5, ct);
        return Page();
    }
}
