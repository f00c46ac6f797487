using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shouhu.Data;
using Shouhu.Domain.Children;
using Shouhu.Web.Features.Regions;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Children;

/// <summary>The registration form: the same <see cref="RegisterChild"/> as the API, messages next to each field, nothing saved on error.</summary>
[Authorize(Policy = Policies.WriteRegistry)]
public sealed class CreateModel(RegisterChild register, ShouhuDbContext db) : PageModel
{
    public ChildInput Form { get; private set; } = new(null, null, null, null, null, null, null);
    public IReadOnlyList<string> SelectedCategories { get; private set; } = [];
    public ValidationErrors Errors { get; private set; } = new();
    public RegionPicker Picker { get; private set; } = null!;
    public string? Problem { get; private set; }
    public Guid? ExistingId { get; private set; }

    public async Task OnGetAsync(string? region, CancellationToken ct) =>
        Picker = await RegionPicker.BuildAsync(db, "ResidenceRegionCode", region, 5, ct);

    public async Task<IActionResult> OnPostAsync(string? name, string? sex, string? citizenIdNumber, string? birthDate, string? ethnicityCode,
        string? residenceRegionCode, string? address, string[]? categories, CancellationToken ct)
    {
        SelectedCategories = categories ?? [];
        Form = new ChildInput(name, sex, citizenIdNumber, birthDate, ethnicityCode, residenceRegionCode, address,
            SelectedCategories.Select(c => new CategoryInput(c)).ToList());
        var outcome = await register.RunAsync(Form, ct);
        if (outcome.Child is { } child)
        {
            return Redirect($"/Children/Details/{child.Id}?created=true");
        }

        Errors = outcome.Errors;
        Problem = outcome.Forbidden ?? outcome.Duplicate;
        ExistingId = outcome.ExistingId;
        Picker = await RegionPicker.BuildAsync(db, "ResidenceRegionCode", residenceRegionCode, 5, ct);
        return Page();
    }
}
