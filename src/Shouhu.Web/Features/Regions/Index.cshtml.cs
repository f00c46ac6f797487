using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Accounts;
using Shouhu.Domain.Regions;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Regions;

/// <summary>Browses the region tree (city → county → township → village) with sub-region counts and the number of children registered in each — counted inside the caller's jurisdiction only.</summary>
public sealed class IndexModel(ShouhuDbContext db) : PageModel
{
    /// <summary>A row: a sub-region, how many regions lie directly below it, how many children of the caller's jurisdiction live in it.</summary>
    public sealed record Row(string Code, string Name, int SubRegions, int Children);

    public RegionResponse? Region { get; private set; }
    public List<Region> Path { get; private set; } = [];
    public List<Row> Rows { get; private set; } = [];
    public bool CanReadChildren { get; private set; }
    public bool CanRegister { get; private set; }

    public async Task OnGetAsync(string? code, CancellationToken ct)
    {
        var role = User.FindFirstValue(ClaimTypes.Role);
        CanReadChildren = role is not null && Roles.RegistryReaders.Contains(role);
        CanRegister = role is not null && Roles.RegistryWriters.Contains(role) && db.Caller.CanSee(code);
        code = string.IsNullOrWhiteSpace(code) ? db.Caller.JurisdictionCode ?? string.Empty : code.Trim();
        Region = await RegionsApi.FindAsync(db, code, ct);
        if (Region is null)
        {
            return;
        }

        Path = await RegionNames.PathAsync(db, code, ct);
        var childCodes = Region.Children.Select(c => c.Code).ToList();
        var sub = await db.Regions.AsNoTracking().Where(r => r.ParentCode != null && childCodes.Contains(r.ParentCode))
            .GroupBy(r => r.ParentCode!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

        var counts = new Dictionary<string, int>();
        if (CanReadChildren && Region.Children.Count > 0)
        {
            var len = Region.Children[0].Code.Length;
            var (low, high) = RegionCode.SubtreeRange(code);
            counts = await db.Children.Where(c => string.Compare(c.RegionCode, low) >= 0 && string.Compare(c.RegionCode, high) <= 0)
                .GroupBy(c => c.RegionCode.Substring(0, len)).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        }

        Rows = Region.Children.Select(c => new Row(c.Code, c.Name, sub.GetValueOrDefault(c.Code), counts.GetValueOrDefault(c.Code))).ToList();
    }
}
