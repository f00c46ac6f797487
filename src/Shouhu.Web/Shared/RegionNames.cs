using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Regions;

namespace Shouhu.Web.Shared;

/// <summary>
/// Names of division codes, cached for the life of the process (divisions change by import only, which only adds codes):
/// every list row and record shows its village's name, and reading them once per code instead of once per request is
/// measurable at a million children. Public data, not scoped.
/// </summary>
public sealed class RegionNames(IServiceScopeFactory scopes)
{
    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);

    /// <summary>Names of <paramref name="codes"/> that exist (unknown codes are left out).</summary>
    public async Task<Dictionary<string, string>> NamesAsync(IEnumerable<string> codes, CancellationToken ct)
    {
        var wanted = codes.Distinct().ToList();
        var missing = wanted.Where(c => !_names.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ShouhuDbContext>();
            foreach (var r in await db.Regions.AsNoTracking().Where(r => missing.Contains(r.Code)).Select(r => new { r.Code, r.Name }).ToListAsync(ct))
            {
                _names[r.Code] = r.Name;
            }
        }

        return wanted.Where(_names.ContainsKey).ToDictionary(c => c, c => _names[c], StringComparer.Ordinal);
    }

    /// <summary>
    /// "乡镇 村" for village codes (a county has several villages of one name: 先锋村, 高岩村…), the plain name for other
    /// levels; unknown codes are left out.
    /// </summary>
    public async Task<Dictionary<string, string>> PlacesAsync(IEnumerable<string> codes, CancellationToken ct)
    {
        var wanted = codes.Distinct().ToList();
        var names = await NamesAsync(wanted.Concat(wanted.Where(c => c.Length == 12).Select(c => c[..9])), ct);
        return wanted.Where(names.ContainsKey).ToDictionary(
            c => c,
            c => c.Length == 12 && names.TryGetValue(c[..9], out var township) ? $"{township} {names[c]}" : names[c],
            StringComparer.Ordinal);
    }

    /// <summary>The chain from the province down to <paramref name="code"/> (for breadcrumbs: the region page, the child's residence path); public data, read from <paramref name="db"/>.</summary>
    public static async Task<List<Region>> PathAsync(ShouhuDbContext db, string code, CancellationToken ct)
    {
        var codes = new List<string>();
        for (var c = (string?)code; c is not null; c = RegionCode.ParentOf(c))
        {
            codes.Add(c);
        }

        var rows = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToListAsync(ct);
        return rows.OrderBy(r => r.Level).ToList();
    }
}
