using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Regions;

namespace Shouhu.Web.Shared;

/// <summary>A sub-region in a region answer.</summary>
public sealed record RegionChild(string Code, string Name, int Level);

/// <summary>
/// Cascading region selects (city → county → township → village), re-rendered by htmx on each change
/// (<c>/Regions/Picker</c>). A signed-in user picks inside their jurisdiction only; a visitor registering an
/// account picks among the seeded cities.
/// </summary>
public sealed class RegionPicker
{
    /// <summary>One select: its options and the chosen one.</summary>
    public sealed record Level(IReadOnlyList<RegionChild> Options, string? Selected);

    /// <summary>Name of the hidden form field that receives the chosen code.</summary>
    public required string Field { get; init; }

    /// <summary>The chosen code when it is at least <see cref="MinLevel"/>, else empty.</summary>
    public required string Value { get; init; }

    /// <summary>Lowest level a valid choice must reach (5 = village).</summary>
    public int MinLevel { get; init; }

    /// <summary>Selects from the top down.</summary>
    public required IReadOnlyList<Level> Levels { get; init; }

    /// <summary>
    /// What the user had picked when a form comes back: the chosen code, or — when they stopped above the required
    /// level — the deepest level they reached, so an error does not throw their choice away.
    /// </summary>
    public static string? PickedIn(HttpRequest request, string field, string? value) =>
        !string.IsNullOrEmpty(value) ? value : request.HasFormContentType ? request.Form[$"_pick_{field}"].ToString() : null;

    /// <summary>True for a picker over every imported city (a transfer to where a child moved), not only the caller's jurisdiction.</summary>
    public bool AnyRegion { get; init; }

    /// <summary>Builds the picker for <paramref name="selected"/> (ignored when outside the allowed roots); <paramref name="anyRegion"/> starts from every imported city instead of the caller's jurisdiction (division codes are public).</summary>
    public static async Task<RegionPicker> BuildAsync(ShouhuDbContext db, string field, string? selected, int minLevel, CancellationToken ct, bool anyRegion = false)
    {
        List<RegionChild> roots;
        if (!anyRegion && db.Caller.JurisdictionCode is { Length: > 0 } j)
        {
            roots = await db.Regions.AsNoTracking().Where(r => r.Code == j).Select(r => new RegionChild(r.Code, r.Name, r.Level)).ToListAsync(ct);
        }
        else
        {
            roots = await db.Regions.AsNoTracking().Where(r => r.Level == 2).OrderBy(r => r.Code).Select(r => new RegionChild(r.Code, r.Name, r.Level)).ToListAsync(ct);
        }

        var root = roots.FirstOrDefault(r => selected is not null && RegionCode.IsWithin(selected, r.Code));
        if (root is null || !RegionCode.IsWellFormed(selected))
        {
            selected = roots.Count == 1 ? roots[0].Code : null;
            root = roots.Count == 1 ? roots[0] : null;
        }

        var levels = new List<Level> { new(roots, root?.Code) };
        if (root is not null)
        {
            // The chain root → selected: each step's children are the next select's options.
            var chain = new List<string>();
            for (var c = selected; c is not null && c.Length >= root.Code.Length; c = RegionCode.ParentOf(c))
            {
                chain.Insert(0, c);
            }

            for (var i = 0; i < chain.Count; i++)
            {
                var parent = chain[i];
                var options = await db.Regions.AsNoTracking().Where(r => r.ParentCode == parent).OrderBy(r => r.Code)
                    .Select(r => new RegionChild(r.Code, r.Name, r.Level)).ToListAsync(ct);
                if (options.Count == 0)
                {
                    break;
                }

                levels.Add(new Level(options, i + 1 < chain.Count ? chain[i + 1] : null));
            }
        }

        var value = selected is not null && RegionCode.LevelOf(selected) >= minLevel ? selected : string.Empty;
        return new RegionPicker { Field = field, Value = value, MinLevel = minLevel, Levels = levels, AnyRegion = anyRegion };
    }
}
