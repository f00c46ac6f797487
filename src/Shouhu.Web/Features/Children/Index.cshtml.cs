using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Accounts;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Children;

/// <summary>The child list of the caller's jurisdiction: search, filters, sort, paging and the Excel export of the current filter; ID numbers masked.</summary>
[Authorize(Policy = Policies.ReadRegistry)]
public sealed class IndexModel(ChildQueries queries, ChildExport export, ShouhuDbContext db, TimeProvider clock) : PageModel
{
    public ChildFilter F { get; private set; } = new();
    public string? RegionName { get; private set; }
    public bool CanRegister { get; private set; }
    public ChildPage Result { get; private set; } = new([], 0, 1, 20);

    /// <summary>The address of another page of the same filter.</summary>
    public string PageUrl(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = F.Q, ["category"] = F.Category, ["status"] = F.Status, ["ageMin"] = F.AgeMin?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ageMax"] = F.AgeMax?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["schoolStatus"] = F.SchoolStatus, ["sort"] = F.Sort,
        ["regionCode"] = F.RegionCode, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();

    public async Task OnGetAsync(string? q, string? category, string? status, int? ageMin, int? ageMax, string? schoolStatus, string? sort, string? regionCode, int? page, CancellationToken ct)
    {
        F = new ChildFilter(q, regionCode, category, status, ageMin, ageMax, schoolStatus, sort);
        CanRegister = User.FindFirstValue(ClaimTypes.Role) is { } role && Roles.RegistryWriters.Contains(role);
        if (!string.IsNullOrEmpty(regionCode))
        {
            RegionName = await db.Regions.AsNoTracking().Where(r => r.Code == regionCode).Select(r => r.Name).FirstOrDefaultAsync(ct);
        }

        Result = await queries.ListAsync(F, page, 20, ct);
    }

    /// <summary>The current filter as an .xlsx file (audited).</summary>
    public async Task<IActionResult> OnGetExportAsync(string? q, string? category, string? status, int? ageMin, int? ageMax, string? schoolStatus, string? sort, string? regionCode, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        await export.WriteAsync(new ChildFilter(q, regionCode, category, status, ageMin, ageMax, schoolStatus, sort), User.FindFirstValue(ClaimTypes.Role), buffer, ct);
        buffer.Position = 0;
        return File(buffer, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"儿童名册-{ChinaTime.Today(clock):yyyyMMdd}.xlsx");
    }
}
