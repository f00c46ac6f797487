using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain;
using Shouhu.Domain.Accounts;
using Shouhu.Domain.Children;
using Shouhu.Domain.Identity;
using Shouhu.Domain.Regions;
using Shouhu.Domain.Time;

namespace Shouhu.Web.Features.Children;

/// <summary>Reading children: one record (audited as View) and the paged list (audited as List). Jurisdiction comes from the data layer's filter.</summary>
public sealed class ChildQueries(ShouhuDbContext db, TimeProvider clock)
{
    /// <summary>Largest page size.</summary>
    public const int MaxPageSize = 200;

    /// <summary>The child with categories and guardians, or null when absent or outside the jurisdiction (both answer 404).</summary>
    /// <param name="id">Child id.</param>
    /// <param name="role">Caller's role, deciding whether ID numbers are shown in full.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<ChildResponse?> GetAsync(Guid id, string? role, CancellationToken ct = default)
    {
        var child = await db.Children.AsNoTracking().AsSplitQuery()
            .Include(c => c.Categories).Include(c => c.Guardians)
            .FirstOrDefaultAsync(c => c.Id == id, ct);
        if (child is null)
        {
            return null;
        }

        var regionName = await db.Regions.AsNoTracking().Where(r => r.Code == child.RegionCode).Select(r => r.Name).FirstOrDefaultAsync(ct);
        db.RecordAudit("View", nameof(Child), child.Id.ToString(), child.RegionCode);
        await db.SaveChangesAsync(ct);
        return ChildProjection.ToResponse(child, regionName, ChinaTime.Today(clock), role is not null && Roles.FullIdNumberReaders.Contains(role));
    }

    /// <summary>
    /// A page of children, name order. <paramref name="q"/> matches part of a name, or an ID number (whole, or its start
    /// when 6+ digits are typed); <paramref name="regionCode"/> narrows to a subtree inside the jurisdiction.
    /// </summary>
    public async Task<ChildPage> ListAsync(string? q, string? regionCode, string? category, int? page, int? pageSize, CancellationToken ct = default)
    {
        IQueryable<Child> query = db.Children.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(regionCode) && RegionCode.IsWellFormed(regionCode.Trim()))
        {
            var (low, high) = RegionCode.SubtreeRange(regionCode.Trim());
            query = query.Where(c => string.Compare(c.RegionCode, low) >= 0 && string.Compare(c.RegionCode, high) <= 0);
        }
        else if (!string.IsNullOrWhiteSpace(regionCode))
        {
            query = query.Where(c => false);
        }

        if (!string.IsNullOrWhiteSpace(category))
        {
            if (EnumName.TryParse<ProtectionCategory>(category, out var cat))
            {
                query = query.Where(c => c.Categories.Any(k => k.Category == cat && k.Status != CategoryStatus.Exited));
            }
            else
            {
                query = query.Where(c => false);
            }
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            var idTerm = CitizenIdNumber.Normalize(term);
            if (idTerm.Length >= 6 && idTerm.All(ch => char.IsAsciiDigit(ch) || ch == 'X'))
            {
                var (low, high) = (idTerm, idTerm.PadRight(18, 'X'));
                query = idTerm.Length == 18
                    ? query.Where(c => c.CitizenIdNumber == idTerm)
                    : query.Where(c => string.Compare(c.CitizenIdNumber, low) >= 0 && string.Compare(c.CitizenIdNumber, high) <= 0);
            }
            else
            {
                query = query.Where(c => c.Name.Contains(term));
            }
        }

        var size = Math.Clamp(pageSize ?? 20, 1, MaxPageSize);
        var p = Math.Max(page ?? 1, 1);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(c => c.Name).ThenBy(c => c.Id).Skip((p - 1) * size).Take(size)
            .Select(c => new { c.Id, c.Name, c.Sex, c.CitizenIdNumber, c.BirthDate, c.RegionCode })
            .ToListAsync(ct);
        var codes = rows.Select(r => r.RegionCode).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var today = ChinaTime.Today(clock);
        var items = rows.Select(r => new ChildListItem(r.Id, r.Name, SexText.ToApi(r.Sex), r.CitizenIdNumber is null ? null : CitizenIdNumber.Mask(r.CitizenIdNumber),
            r.BirthDate, ChinaTime.AgeOn(r.BirthDate, today), r.RegionCode, names.GetValueOrDefault(r.RegionCode))).ToList();

        db.RecordAudit("List", nameof(Child), null, db.Caller.JurisdictionCode ?? string.Empty, $"rows={items.Count}");
        await db.SaveChangesAsync(ct);
        return new ChildPage(items, total, p, size);
    }
}
