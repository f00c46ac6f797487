using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Children;
using Shouhu.Domain.Regions;
using Shouhu.Domain.Time;

namespace Shouhu.Web.Features.Children;

/// <summary>Outcome of <see cref="RegisterChild"/>: the new record, or field errors, or a refusal (403), or a duplicate (409).</summary>
public sealed record RegisterChildOutcome(Child? Child, ValidationErrors Errors, string? Forbidden = null, string? Duplicate = null, Guid? ExistingId = null);

/// <summary>
/// Registers a child (DESIGN C2): the domain rules of <see cref="ChildRules"/>, a residence village that exists and lies in
/// the caller's jurisdiction, and one record per citizen ID number country-wide. A match outside the caller's
/// jurisdiction is reported without any of its details. All or nothing: the child, categories and guardians in one save.
/// </summary>
public sealed class RegisterChild(ShouhuDbContext db, TimeProvider clock)
{
    /// <summary>Validates and saves.</summary>
    public async Task<RegisterChildOutcome> RunAsync(ChildInput input, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var today = ChinaTime.Today(clock);
        var child = ChildRules.Validate(input, today, errors);
        var region = input.ResidenceRegionCode?.Trim();
        if (errors.For("residenceRegionCode").Count == 0 && region is not null && !await db.Regions.AnyAsync(r => r.Code == region, ct))
        {
            errors.Add("residenceRegionCode", $"区划代码 {region} 不存在");
        }

        if (child is null || !errors.IsEmpty)
        {
            return new(null, errors);
        }

        if (!db.Caller.CanSee(child.RegionCode))
        {
            return new(null, errors, Forbidden: $"居住地 {child.RegionCode} 不在您的辖区之内");
        }

        if (child.CitizenIdNumber is { } idNumber)
        {
            // Country-wide: the unique index spans every jurisdiction, so the check must too; only the existence leaks, never the record.
            var existing = await db.Children.IgnoreQueryFilters().AsNoTracking()
                .Where(c => c.CitizenIdNumber == idNumber).Select(c => new { c.Id, c.RegionCode }).FirstOrDefaultAsync(ct);
            if (existing is not null)
            {
                return db.Caller.CanSee(existing.RegionCode)
                    ? new(null, errors, Duplicate: "该身份证号已登记，请勿重复登记", ExistingId: existing.Id)
                    : new(null, errors, Duplicate: $"该身份证号已在{Level(existing.RegionCode, db.Caller.JurisdictionCode)}登记，请联系上级民政部门核实");
            }
        }

        child.CreatedAt = DateTime.UtcNow;
        child.CreatedBy = db.Caller.ActorId;
        db.Children.Add(child);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (child.CitizenIdNumber is not null)
        {
            // Lost a race with another registration of the same number: the unique index said no.
            db.ChangeTracker.Clear();
            return new(null, errors, Duplicate: "该身份证号已登记，请勿重复登记");
        }

        return new(child, errors);
    }

    /// <summary>Which level to contact about a record outside the caller's jurisdiction: "本县/本市/本省其他地区" or "其他省份", nothing finer.</summary>
    private static string Level(string regionCode, string? jurisdiction)
    {
        if (jurisdiction is null)
        {
            return "其他地区";
        }

        for (var len = Math.Min(jurisdiction.Length, RegionCode.MaxLength); len >= 2; len--)
        {
            if (RegionCode.LevelOf(jurisdiction[..len]) is { } level && regionCode.StartsWith(jurisdiction[..len], StringComparison.Ordinal))
            {
                return level switch
                {
                    4 => "本乡镇其他村（社区）",
                    3 => "本县（区）其他乡镇",
                    2 => "本市其他县（区）",
                    1 => "本省其他市（州）",
                    _ => "其他地区",
                };
            }
        }

        return "其他省份";
    }
}
