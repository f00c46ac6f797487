using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Children;
using Shouhu.Domain.Regions;
using Shouhu.Domain.Time;

namespace Shouhu.Web.Features.SurveyForms;

/// <summary>
/// The region and 统计截止日 of an official form, checked: <c>regionCode</c> well formed and inside the caller's jurisdiction
/// (default: the jurisdiction itself; outside it answers as an absent region, 404), <c>asOf</c> a date not after today in
/// China (default today). <see cref="Children"/> is the one selection both forms count: the children of the region with the
/// category active on <see cref="AsOf"/> (<see cref="ChildCategory.ActiveOn"/>), born on or before it and, for 农村留守儿童,
/// under 16 on it (国发〔2016〕13号) — for the other categories under 18.
/// </summary>
/// <param name="RegionCode">The region of the form.</param>
/// <param name="RegionName">Its name (e.g. 武陵区).</param>
/// <param name="AsOf">统计截止日.</param>
/// <param name="Category">The category listed (农村留守儿童 unless the roster asks for another).</param>
public sealed record FormScope(string RegionCode, string RegionName, DateOnly AsOf, ProtectionCategory Category)
{
    /// <summary>The children the form counts or lists, inside the caller's jurisdiction (the context's filter applies as well).</summary>
    public IQueryable<Child> Children(ShouhuDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (low, high) = Domain.Regions.RegionCode.SubtreeRange(RegionCode);
        var active = ChildCategory.ActiveOn(AsOf);
        var tooOld = ChinaTime.LatestBirthDateForAge(Category == ProtectionCategory.LeftBehind ? CategoryRules.LeftBehindAgeLimit : ChildRules.AdultAge, AsOf);
        var category = Category;
        var asOf = AsOf;
        return db.Children.AsNoTracking()
            .Where(c => string.Compare(c.RegionCode, low) >= 0 && string.Compare(c.RegionCode, high) <= 0)
            .Where(c => c.BirthDate > tooOld && c.BirthDate <= asOf)
            .Where(c => c.Categories.AsQueryable().Where(active).Any(k => k.Category == category));
    }

    /// <summary>
    /// Reads and checks the parameters; field errors (400: <c>regionCode</c>, <c>asOf</c>, <c>category</c>) in
    /// <paramref name="errors"/>, or null with no error when the region is outside the jurisdiction or unknown (404).
    /// </summary>
    public static async Task<FormScope?> ReadAsync(ShouhuDbContext db, string? regionCode, string? asOf, string? category, DateOnly today, ValidationErrors errors, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(errors);
        var code = string.IsNullOrWhiteSpace(regionCode) ? db.Caller.JurisdictionCode : regionCode.Trim();
        if (!Domain.Regions.RegionCode.IsWellFormed(code))
        {
            errors.Add("regionCode", "区划代码应为2、4、6、9或12位数字");
        }

        var date = today;
        if (!string.IsNullOrWhiteSpace(asOf))
        {
            if (!DateText.TryParse(asOf, out date))
            {
                errors.Add("asOf", "统计截止日不是有效日期（格式如 2026-06-30）");
            }
            else if (date > today)
            {
                errors.Add("asOf", "统计截止日不能晚于今天");
            }
        }

        var kind = ProtectionCategory.LeftBehind;
        if (!string.IsNullOrWhiteSpace(category) && !Domain.EnumName.TryParse(category, out kind))
        {
            errors.Add("category", $"未知的保护类别“{category}”，应为 {string.Join(", ", Enum.GetNames<ProtectionCategory>())}");
        }

        if (!errors.IsEmpty || !db.Caller.CanSee(code))
        {
            return null;
        }

        var name = await db.Regions.AsNoTracking().Where(r => r.Code == code).Select(r => r.Name).FirstOrDefaultAsync(ct);
        return name is null ? null : new FormScope(code!, name, date, kind);
    }
}
