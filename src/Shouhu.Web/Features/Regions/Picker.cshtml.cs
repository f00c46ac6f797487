using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Shouhu.Data;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Regions;

/// <summary>The htmx fragment behind <see cref="RegionPicker"/> (anonymous allowed: registration uses it; division codes are public).</summary>
[AllowAnonymous]
public sealed class PickerModel(ShouhuDbContext db) : PageModel
{
    public RegionPicker Picker { get; private set; } = null!;

    public async Task OnGetAsync(string? field, string? pick, int? minLevel, bool? anyRegion, CancellationToken ct)
    {
        // A form field name: letters and digits, with dots for a nested model (Form.RegionCode); anything else is refused.
        var name = field is { Length: > 0 and <= 40 } f && f.All(c => char.IsAsciiLetterOrDigit(c) || c == '.') && !f.StartsWith('.') && !f.EndsWith('.') ? f : "RegionCode";
        Picker = await RegionPicker.BuildAsync(db, name, pick, Math.Clamp(minLevel ?? 1, 1, 5), ct, anyRegion == true);
    }
}
