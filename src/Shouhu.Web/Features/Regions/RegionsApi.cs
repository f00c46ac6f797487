using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Regions;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Regions;

/// <summary><c>GET /api/v1/regions/{code}</c> answer (API-CONTRACT.md).</summary>
public sealed record RegionResponse(string Code, string Name, int Level, string? ParentCode, IReadOnlyList<RegionChild> Children);

/// <summary>Region look-ups (division codes are public data: not jurisdiction-scoped).</summary>
public static class RegionsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static void MapRegionsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/regions/{code}", GetAsync).WithTags("Regions").RequireAuthorization(Policies.SignedIn).WithSummary("区划及其下级");
    }

    /// <summary>The region and its direct sub-regions; 404 for an unknown code.</summary>
    public static async Task<Results<Ok<RegionResponse>, NotFound>> GetAsync(string code, ShouhuDbContext db, CancellationToken ct) =>
        await FindAsync(db, code, ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound();

    /// <summary>Shared by the API and the region pages.</summary>
    public static async Task<RegionResponse?> FindAsync(ShouhuDbContext db, string code, CancellationToken ct)
    {
        if (!RegionCode.IsWellFormed(code))
        {
            return null;
        }

        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, ct);
        if (region is null)
        {
            return null;
        }

        var children = await db.Regions.AsNoTracking().Where(r => r.ParentCode == code).OrderBy(r => r.Code)
            .Select(r => new RegionChild(r.Code, r.Name, r.Level)).ToListAsync(ct);
        return new RegionResponse(region.Code, region.Name, region.Level, region.ParentCode, children);
    }
}
