using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Accounts;
using Shouhu.Domain.Children;
using Shouhu.Domain.Time;
using Shouhu.Web.Features.Exports;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Children;

/// <summary>The child list of the caller's jurisdiction: search, filters, sort, paging and the Excel export of the current filter; ID numbers masked.</summary>
[Authorize(Policy = Policies.ReadRegistry)]
public sealed class IndexModel(ChildQueries queries, ChildExport export, StartExport startExport, ExportLimits limits, ShouhuDbContext db, TimeProvider clock) : PageModel
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

    /// <summary>The filter's problems (400-style field errors, shown above the list; the list is then empty).</summary>
    public ValidationErrors Errors { get; private set; } = new();

    /// <summary>True when the caller may ask the export for full ID numbers (with a purpose).</summary>
    public bool MayExportFullNumbers { get; private set; }

    /// <summary>True when the caller may ask the export for the 保护类别 column (with a purpose).</summary>
    public bool MayExportCategories { get; private set; }

    public async Task OnGetAsync(string? q, string? category, string? status, int? ageMin, int? ageMax, string? schoolStatus, string? sort, string? regionCode, int? page, CancellationToken ct)
    {
        F = new ChildFilter(q, regionCode, category, status, ageMin, ageMax, schoolStatus, sort);
        await PrepareAsync(ct);
        if (Errors.IsEmpty)
        {
            Result = await queries.ListAsync(F, page, 20, ct);
        }
    }

    /// <summary>Most rows downloaded at once; more are written in the background.</summary>
    public int PageDirectRows => limits.PageDirectRows;

    /// <summary>The export choices sent back with a refusal, so they stay ticked.</summary>
    public bool ExportFullNumbers { get; private set; }

    /// <inheritdoc cref="ExportFullNumbers"/>
    public bool ExportCategories { get; private set; }

    /// <inheritdoc cref="ExportFullNumbers"/>
    public string? ExportPurpose { get; private set; }

    /// <summary>Why the export was not started (too many of the caller's running), or null.</summary>
    public string? ExportMessage { get; private set; }

    /// <summary>
    /// The current filter as an .xlsx file (audited), masked unless the policy grants more for a stated purpose; more than
    /// <see cref="ExportLimits.PageDirectRows"/> rows are written in the background and the caller is sent to the export's
    /// progress page.
    /// </summary>
    public async Task<IActionResult> OnGetExportAsync(string? q, string? category, string? status, int? ageMin, int? ageMax, string? schoolStatus, string? sort, string? regionCode,
        bool fullIdNumbers, bool includeCategories, string? purpose, CancellationToken ct)
    {
        F = new ChildFilter(q, regionCode, category, status, ageMin, ageMax, schoolStatus, sort);
        await PrepareAsync(ct);
        var (view, forbidden, purposeProblem, stated) = PersonalDataPolicy.ForExport(User.FindFirstValue(ClaimTypes.Role), new ExportRequest(fullIdNumbers, includeCategories, purpose));
        if (forbidden is not null)
        {
            return Forbid();
        }

        if (purposeProblem is not null)
        {
            Errors.Add("purpose", purposeProblem);
        }

        if (!Errors.IsEmpty)
        {
            // The list stays as it was and the choices stay ticked: only the missing or wrong field needs doing.
            (ExportFullNumbers, ExportCategories, ExportPurpose) = (fullIdNumbers, includeCategories, purpose);
            if (purposeProblem is not null && Errors.Count == 1)
            {
                Result = await queries.ListAsync(F, null, 20, ct);
            }

            return Page();
        }

        var rows = await export.CountAsync(F, ct);
        if (rows > limits.PageDirectRows)
        {
            var job = await ChildBackgroundExport.StartAsync(startExport, F, new ExportRequest(fullIdNumbers, includeCategories, stated), User.FindFirstValue(ClaimTypes.Role) ?? string.Empty, rows, ct);
            if (job is null)
            {
                ExportMessage = StartExport.TooMany;
                await OnGetAsync(q, category, status, ageMin, ageMax, schoolStatus, sort, regionCode, null, ct);
                return Page();
            }

            return Redirect($"/Exports/{job.Id}");
        }

        var file = await ExportFile.WriteAsync(output => export.WriteAsync(F, view, stated, output, ct));
        return File(file, XlsxStreamWriter.ContentType, $"{ChildExport.FileName(view)}-{ChinaTime.Today(clock):yyyyMMdd}.xlsx");
    }

    private async Task PrepareAsync(CancellationToken ct)
    {
        var role = User.FindFirstValue(ClaimTypes.Role);
        CanRegister = role is not null && Roles.RegistryWriters.Contains(role);
        MayExportFullNumbers = role is not null && Roles.FullIdNumberReaders.Contains(role);
        MayExportCategories = role is not null && PersonalDataPolicy.CategoryExporters.Contains(role);
        Errors = F.Problems();
        if (!string.IsNullOrEmpty(F.RegionCode) && Errors.For("regionCode").Count == 0)
        {
            RegionName = await db.Regions.AsNoTracking().Where(r => r.Code == F.RegionCode).Select(r => r.Name).FirstOrDefaultAsync(ct);
        }
    }
}
