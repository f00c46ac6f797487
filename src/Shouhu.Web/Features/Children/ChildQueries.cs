using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Accounts;
using Shouhu.Domain.Children;
using Shouhu.Domain.Identity;
using Shouhu.Domain.Regions;
using Shouhu.Domain.Time;
using Shouhu.Domain;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Children;

/// <summary>
/// Filters of the child list and its export (all optional): <c>q</c> name prefix or ID number (whole, or its first 6+
/// characters); <c>regionCode</c> a subtree inside the jurisdiction; <c>category</c> an active category; <c>status</c> a
/// category verification status (pending, township-verified, verified, rejected, exited); <c>ageMin</c>/<c>ageMax</c> full
/// years in China today; <c>schoolStatus</c>; <c>sort</c> region (default: village, then name), name, birthDate, created.
/// </summary>
public sealed record ChildFilter(
    string? Q = null,
    string? RegionCode = null,
    string? Category = null,
    string? Status = null,
    int? AgeMin = null,
    int? AgeMax = null,
    string? SchoolStatus = null,
    string? Sort = null)
{
    /// <summary>Longest search text: a name's beginning or an ID number fits many times over.</summary>
    public const int MaxQueryLength = 50;

    /// <summary>The sorts <see cref="ChildQueries.Sorted"/> knows.</summary>
    public static readonly IReadOnlyList<string> Sorts = ["region", "name", "idNumber", "birthDate", "created"];

    /// <summary>
    /// One rule for every filter of the list, its export and its page: a value that is sent must be known — else a field
    /// error naming the parameter (400), never a silently empty or unfiltered list. Ages are whole years 0–18.
    /// </summary>
    public ValidationErrors Problems()
    {
        var errors = new ValidationErrors();
        if (Q is { Length: > MaxQueryLength })
        {
            errors.Add("q", $"查询内容不能超过 {MaxQueryLength} 个字（姓名开头或身份证号）");
        }

        if (!string.IsNullOrWhiteSpace(RegionCode) && !Domain.Regions.RegionCode.IsWellFormed(RegionCode.Trim()))
        {
            errors.Add("regionCode", "区划代码应为2、4、6、9或12位数字");
        }

        if (!string.IsNullOrWhiteSpace(Category) && !EnumName.TryParse<ProtectionCategory>(Category, out _))
        {
            errors.Add("category", $"未知的保护类别“{Category}”，应为 {string.Join(", ", Enum.GetNames<ProtectionCategory>())}");
        }

        if (!string.IsNullOrWhiteSpace(Status) && ChildCategory.ParseStatusText(Status) is null)
        {
            errors.Add("status", "核查状态应为 pending, township-verified, verified, rejected, exited 之一");
        }

        if (!string.IsNullOrWhiteSpace(SchoolStatus) && !EnumName.TryParse<Domain.Children.SchoolStatus>(SchoolStatus, out _))
        {
            errors.Add("schoolStatus", $"就学状况应为 {string.Join(", ", Enum.GetNames<Domain.Children.SchoolStatus>())} 之一");
        }

        if (!string.IsNullOrWhiteSpace(Sort) && !Sorts.Contains(Sort.Trim()))
        {
            errors.Add("sort", $"排序应为 {string.Join(", ", Sorts)} 之一");
        }

        if (AgeMin is < 0 or > ChildRules.AdultAge)
        {
            errors.Add("ageMin", $"最小年龄应为0–{ChildRules.AdultAge}周岁");
        }

        if (AgeMax is < 0 or > ChildRules.AdultAge)
        {
            errors.Add("ageMax", $"最大年龄应为0–{ChildRules.AdultAge}周岁");
        }
        else if (AgeMin is { } min && AgeMax is { } max && min > max)
        {
            errors.Add("ageMax", "最大年龄不能小于最小年龄");
        }

        return errors;
    }
}

/// <summary>Reading children: one record (audited as View), its history, the paged list (audited as List). Jurisdiction comes from the data layer's filter.</summary>
public sealed class ChildQueries(ShouhuDbContext db, TimeProvider clock, RegionNames regionNames)
{
    /// <summary>Marks name searches for the SQLite index hint (Shouhu.Data.Sqlite.SqliteIndexHints; same text).</summary>
    public const string NameSearchTag = "shouhu:name-search";

    /// <summary>Largest page size.</summary>
    public const int MaxPageSize = 200;

    /// <summary>The child with categories, family and caregiver, or null when absent or outside the jurisdiction (both answer 404).</summary>
    public async Task<ChildResponse?> GetAsync(Guid id, string? role, CancellationToken ct = default)
    {
        var child = await db.Children.AsNoTracking().AsSplitQuery()
            .Include(c => c.Categories).Include(c => c.Guardians).Include(c => c.EntrustedCare)
            .FirstOrDefaultAsync(c => c.Id == id, ct);
        if (child is null)
        {
            return null;
        }

        db.RecordAudit("View", nameof(Child), child.Id.ToString(), child.RegionCode);
        await db.SaveChangesAsync(ct);
        return await ResponseAsync(child, role, ct);
    }

    /// <summary>
    /// <paramref name="child"/> (with its categories, family and caregiver loaded) as <paramref name="role"/> may see it on a
    /// record (<see cref="OutputChannel.Record"/>), with region names and the names of who acted on each category. Not audited.
    /// </summary>
    public async Task<ChildResponse> ResponseAsync(Child child, string? role, CancellationToken ct = default)
    {
        var codes = new[] { child.RegionCode, child.HouseholdRegionCode }.OfType<string>().ToList();
        var names = await regionNames.NamesAsync(codes, ct);
        var ids = child.Categories.SelectMany(k => new[] { k.SubmittedBy, k.TownshipVerifiedBy, k.CountyConfirmedBy, k.ClosedBy }).OfType<string>().Distinct().ToList();
        var people = ids.Count == 0 ? new Dictionary<string, Person>()
            : (await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.JurisdictionCode, u.Role }).ToListAsync(ct))
                .ToDictionary(u => u.Id, u => new Person(u.DisplayName, LevelName(u.JurisdictionCode), Roles.ChineseName(u.Role)));
        return ChildProjection.ToResponse(child, names.GetValueOrDefault(child.RegionCode),
            child.HouseholdRegionCode is { } h ? names.GetValueOrDefault(h) : null, ChinaTime.Today(clock), PersonalDataPolicy.For(role, OutputChannel.Record), people);
    }

    /// <summary>The Chinese name of the level of a jurisdiction: 省, 市, 县（区）, 乡镇（街道）, 村（社区）.</summary>
    public static string? LevelName(string? jurisdiction) => RegionCode.LevelOf(jurisdiction) switch
    {
        1 => "省",
        2 => "市",
        3 => "县（区）",
        4 => "乡镇（街道）",
        5 => "村（社区）",
        _ => null,
    };

    /// <summary>
    /// The record's history, newest first, through <see cref="PersonalDataPolicy"/> (<see cref="OutputChannel.History"/>):
    /// Chinese labels and values, editors by display name, identity/birth/phone values redacted and category lines left out
    /// where the role may not see them. Null outside the jurisdiction.
    /// </summary>
    public async Task<List<ChildRevisionResponse>?> HistoryAsync(Guid id, string? role, CancellationToken ct = default)
    {
        var regionCode = await db.Children.AsNoTracking().Where(c => c.Id == id).Select(c => c.RegionCode).FirstOrDefaultAsync(ct);
        if (regionCode is null)
        {
            return null;
        }

        var view = PersonalDataPolicy.For(role, OutputChannel.History);
        var rows = await db.ChildRevisions.AsNoTracking().Where(r => r.ChildId == id).OrderByDescending(r => r.ChangedAt).ThenByDescending(r => r.Id).Take(500).ToListAsync(ct);
        rows = rows.Where(r => view.ShowsHistoryField(r.Field)).ToList();
        var editorIds = rows.Select(r => r.ChangedBy).Distinct().ToList();
        var editors = await db.Users.AsNoTracking().Where(u => editorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var regionCodes = rows.Where(r => r.Field is "residenceRegionCode" or "householdRegionCode").SelectMany(r => new[] { r.OldValue, r.NewValue }).OfType<string>();
        var places = await regionNames.NamesAsync(regionCodes, ct);
        string? Shown(ChildRevision r, string? v)
        {
            var value = view.HistoryValue(r.Field, ChildNames.ValueName(r.Field, v));
            return r.Field is "residenceRegionCode" or "householdRegionCode" && v is not null && places.GetValueOrDefault(v) is { } place ? $"{place}（{v}）" : value;
        }

        db.RecordAudit("ViewHistory", nameof(Child), id.ToString(), regionCode);
        await db.SaveChangesAsync(ct);
        return rows.Select(r => new ChildRevisionResponse(ChinaTime.ToChina(r.ChangedAt), editors.GetValueOrDefault(r.ChangedBy) ?? r.ChangedByName, r.Field,
            ChildNames.FieldName(r.Field), Shown(r, r.OldValue), Shown(r, r.NewValue))).ToList();
    }

    /// <summary>The filtered query (no paging, no order), shared by the list, the counts and the export.</summary>
    public IQueryable<Child> Filtered(ChildFilter f)
    {
        IQueryable<Child> query = db.Children.AsNoTracking();
        var today = ChinaTime.Today(clock);
        if (!string.IsNullOrWhiteSpace(f.RegionCode))
        {
            var code = f.RegionCode.Trim();
            if (!RegionCode.IsWellFormed(code))
            {
                return query.Where(c => false);
            }

            var (low, high) = RegionCode.SubtreeRange(code);
            query = query.Where(c => string.Compare(c.RegionCode, low) >= 0 && string.Compare(c.RegionCode, high) <= 0);
        }

        ProtectionCategory? category = null;
        if (!string.IsNullOrWhiteSpace(f.Category))
        {
            if (!EnumName.TryParse<ProtectionCategory>(f.Category, out var cat))
            {
                return query.Where(c => false);
            }

            category = cat;
        }

        CategoryStatus? status = null;
        if (!string.IsNullOrWhiteSpace(f.Status))
        {
            status = ChildCategory.ParseStatusText(f.Status);
            if (status is null)
            {
                return query.Where(c => false);
            }
        }

        if (category is { } k && status is { } st)
        {
            // The status on today (ChildCategory.StatusOn): a category past its end is exited, not verified.
            var hasStatus = ChildCategory.HasStatusOn(st, today);
            query = query.Where(c => c.Categories.AsQueryable().Where(hasStatus).Any(x => x.Category == k));
        }
        else if (category is { } k2)
        {
            // Active today, by the one rule of ChildCategory.ActiveOn (DESIGN §4: never count an ended category).
            var active = ChildCategory.ActiveOn(today);
            query = query.Where(c => c.Categories.AsQueryable().Where(active).Any(x => x.Category == k2));
        }
        else if (status is { } st2)
        {
            var hasStatus = ChildCategory.HasStatusOn(st2, today);
            query = query.Where(c => c.Categories.AsQueryable().Any(hasStatus));
        }

        if (f.AgeMin is { } min && min > 0)
        {
            var latest = ChinaTime.LatestBirthDateForAge(Math.Min(min, 150), today);
            query = query.Where(c => c.BirthDate <= latest);
        }

        if (f.AgeMax is { } max && max >= 0)
        {
            var latestTooOld = ChinaTime.LatestBirthDateForAge(Math.Min(max + 1, 150), today);
            query = query.Where(c => c.BirthDate > latestTooOld);
        }

        if (!string.IsNullOrWhiteSpace(f.SchoolStatus))
        {
            if (!EnumName.TryParse<SchoolStatus>(f.SchoolStatus, out var school))
            {
                return query.Where(c => false);
            }

            query = query.Where(c => c.SchoolStatus == school);
        }

        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var term = new string(f.Q.Trim().Where(ch => !char.IsControl(ch)).ToArray());
            var idTerm = CitizenIdNumber.Normalize(term);
            if (idTerm.Length >= 6 && idTerm.All(ch => char.IsAsciiDigit(ch) || ch == 'X'))
            {
                query = idTerm.Length == 18
                    ? query.Where(c => c.CitizenIdNumber == idTerm)
                    : query.Where(c => string.Compare(c.CitizenIdNumber, idTerm) >= 0 && string.Compare(c.CitizenIdNumber, idTerm + "Z") < 0);
            }
            else
            {
                // Name prefix: an index range, not a scan. Names compare by code point (UTF-8 bytes in SQLite, the "C"
                // collation on PostgreSQL), where U+10FFFF sorts after every character, rare ones outside the BMP included.
                var upper = term + "\U0010FFFF";
                query = query.Where(c => string.Compare(c.Name, term) >= 0 && string.Compare(c.Name, upper) < 0)
                    .TagWith(NameSearchTag);
            }
        }

        return query;
    }

    /// <summary>
    /// Applies the sort of <paramref name="f"/>. Without one, a search is ordered by what it searched (the index it walks:
    /// an ID number or a name prefix), a list by village and name.
    /// </summary>
    public static IQueryable<Child> Sorted(IQueryable<Child> query, ChildFilter f) => (f.Sort?.Trim() is { Length: > 0 } sort ? sort : DefaultSort(f.Q)) switch
    {
        "name" => query.OrderBy(c => c.Name).ThenBy(c => c.Id),
        "idNumber" => query.OrderBy(c => c.CitizenIdNumber).ThenBy(c => c.Id),
        "birthDate" => query.OrderByDescending(c => c.BirthDate).ThenBy(c => c.Id),
        "created" => query.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id),
        _ => query.OrderBy(c => c.RegionCode).ThenBy(c => c.Name).ThenBy(c => c.Id),
    };

    private static string DefaultSort(string? q)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return "region";
        }

        var idTerm = CitizenIdNumber.Normalize(q.Trim());
        return idTerm.Length >= 6 && idTerm.All(ch => char.IsAsciiDigit(ch) || ch == 'X') ? "idNumber" : "name";
    }

    /// <summary>A page of children; ID numbers masked.</summary>
    public Task<ChildPage> ListAsync(ChildFilter filter, int? page, int? pageSize, CancellationToken ct = default) =>
        ListPageAsync(filter, page, pageSize, ct);

    private async Task<ChildPage> ListPageAsync(ChildFilter filter, int? page, int? pageSize, CancellationToken ct)
    {
        var size = Math.Clamp(pageSize ?? 20, 1, MaxPageSize);
        var p = Math.Clamp(page ?? 1, 1, 1_000_000);
        int total;
        List<ListRow> rows;
        if (ActiveCategoryOnly(filter) is { } categoryRows && string.IsNullOrWhiteSpace(filter.Sort))
        {
            // One category (with or without a region): counted and paged on the category index — village, then
            // registration order (UUID v7) — and only the children on the page are read.
            total = await categoryRows.CountAsync(ct);
            var pageIds = await categoryRows.OrderBy(k => k.RegionCode).ThenBy(k => k.ChildId).Skip((p - 1) * size).Take(size).Select(k => k.ChildId).ToListAsync(ct);
            var order = pageIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
            rows = (await db.Children.AsNoTracking().Where(c => pageIds.Contains(c.Id))
                .Select(c => new ListRow(c.Id, c.Name, c.Sex, c.CitizenIdNumber, c.BirthDate, c.RegionCode)).ToListAsync(ct))
                .OrderBy(r => order[r.Id]).ToList();
        }
        else
        {
            var query = Filtered(filter);
            var exactId = filter.Q is { } q && CitizenIdNumber.Normalize(q.Trim()) is { Length: 18 } n && n.All(ch => char.IsAsciiDigit(ch) || ch == 'X');
            rows = await Sorted(query, filter).Skip((p - 1) * size).Take(size)
                .Select(c => new ListRow(c.Id, c.Name, c.Sex, c.CitizenIdNumber, c.BirthDate, c.RegionCode)).ToListAsync(ct);
            // An exact ID number matches one child at most: the page is the count.
            total = exactId && p == 1 ? rows.Count : await query.CountAsync(ct);
        }

        var names = await regionNames.NamesAsync(rows.Select(r => r.RegionCode), ct);
        var today = ChinaTime.Today(clock);
        var view = PersonalDataPolicy.For(null, OutputChannel.List);
        var items = rows.Select(r => new ChildListItem(r.Id, r.Name, SexText.ToApi(r.Sex), view.IdNumber(r.CitizenIdNumber),
            ChinaTime.AgeOn(r.BirthDate, today), r.RegionCode, names.GetValueOrDefault(r.RegionCode))).ToList();

        db.RecordAudit("List", nameof(Child), null, db.Caller.JurisdictionCode ?? string.Empty, $"rows={items.Count}", children: items.Select(i => i.Id));
        await db.SaveChangesAsync(ct);
        return new ChildPage(items, total, p, size);
    }

    private sealed record ListRow(Guid Id, string Name, Sex Sex, string? CitizenIdNumber, DateOnly BirthDate, string RegionCode);

    /// <summary>The active-category rows of a filter that asks for one category and at most a region; null for any other filter.</summary>
    private IQueryable<ChildCategory>? ActiveCategoryOnly(ChildFilter f)
    {
        var onlyCategory = f.Q is null or "" && f.Status is null or "" && f.AgeMin is null && f.AgeMax is null && f.SchoolStatus is null or "";
        if (!onlyCategory || !EnumName.TryParse<ProtectionCategory>(f.Category, out var category))
        {
            return null;
        }

        var today = ChinaTime.Today(clock);
        var rows = db.ChildCategories.AsNoTracking().Where(k => k.Category == category).Where(ChildCategory.ActiveOn(today));
        if (!string.IsNullOrWhiteSpace(f.RegionCode))
        {
            if (!RegionCode.IsWellFormed(f.RegionCode.Trim()))
            {
                return rows.Where(k => false);
            }

            var (low, high) = RegionCode.SubtreeRange(f.RegionCode.Trim());
            rows = rows.Where(k => string.Compare(k.RegionCode, low) >= 0 && string.Compare(k.RegionCode, high) <= 0);
        }

        return rows;
    }
}
