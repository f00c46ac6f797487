using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shouhu.Data;
using Shouhu.Domain.Accounts;
using Shouhu.Domain.Children;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.SurveyForms;

/// <summary>报表: the 花名册 and the 汇总表 of a region of the jurisdiction on a 统计截止日, as downloads (the same as <see cref="SurveyFormsApi"/>).</summary>
[Authorize(Policy = Policies.WriteRegistry)]
public sealed class IndexModel(ShouhuDbContext db, WriteLeftBehindRoster roster, WriteLeftBehindSummary summary, TimeProvider clock) : PageModel
{
    /// <summary>The region typed (empty: the jurisdiction).</summary>
    public string? RegionCode { get; private set; }

    /// <summary>The 统计截止日 typed (empty: today).</summary>
    public string? AsOf { get; private set; }

    /// <summary>The caller's jurisdiction (the default region).</summary>
    public string? Jurisdiction => db.Caller.JurisdictionCode;

    /// <summary>True when the caller may ask the roster for full ID numbers (with a purpose).</summary>
    public bool MayExportFullNumbers { get; private set; }

    /// <summary>Problems of the parameters, shown beside them.</summary>
    public ValidationErrors Errors { get; private set; } = new();

    /// <summary>The form.</summary>
    public void OnGet(string? regionCode, string? asOf) => Prepare(regionCode, asOf);

    /// <summary>The 花名册 as .xlsx (audited), masked unless full numbers are granted for a stated purpose.</summary>
    public async Task<IActionResult> OnGetRosterAsync(string? regionCode, string? asOf, bool fullIdNumbers, string? purpose, CancellationToken ct)
    {
        Prepare(regionCode, asOf);
        var today = ChinaTime.Today(clock);
        var scope = await FormScope.ReadAsync(db, regionCode, asOf, null, today, Errors, ct);
        var (view, forbidden, purposeProblem, stated) = PersonalDataPolicy.ForExport(User.FindFirstValue(ClaimTypes.Role), new ExportRequest(fullIdNumbers, false, purpose));
        if (forbidden is not null)
        {
            return Forbid();
        }

        if (purposeProblem is not null)
        {
            Errors.Add("purpose", purposeProblem);
        }

        if (!Errors.IsEmpty || scope is null)
        {
            if (Errors.IsEmpty)
            {
                Errors.Add("regionCode", "该区划不存在或不在您的辖区之内");
            }

            return Page();
        }

        var file = await ExportFile.WriteAsync(output => roster.WriteAsync(scope, view, stated, output, ct));
        return File(file, XlsxStreamWriter.ContentType, $"农村留守儿童花名册-{today:yyyyMMdd}.xlsx");
    }

    /// <summary>The 汇总表 as .xlsx (audited).</summary>
    public async Task<IActionResult> OnGetSummaryAsync(string? regionCode, string? asOf, CancellationToken ct)
    {
        Prepare(regionCode, asOf);
        var today = ChinaTime.Today(clock);
        var scope = await FormScope.ReadAsync(db, regionCode, asOf, null, today, Errors, ct);
        if (!Errors.IsEmpty || scope is null)
        {
            if (Errors.IsEmpty)
            {
                Errors.Add("regionCode", "该区划不存在或不在您的辖区之内");
            }

            return Page();
        }

        var file = await ExportFile.WriteAsync(output => summary.WriteAsync(scope, output, ct));
        return File(file, XlsxStreamWriter.ContentType, $"农村留守儿童信息汇总表-{today:yyyyMMdd}.xlsx");
    }

    private void Prepare(string? regionCode, string? asOf)
    {
        (RegionCode, AsOf) = (regionCode, asOf);
        var role = User.FindFirstValue(ClaimTypes.Role);
        MayExportFullNumbers = role is not null && Roles.FullIdNumberReaders.Contains(role);
    }
}
