using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Children;
using Shouhu.Domain.Imports;
using Shouhu.Imports;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Imports;

/// <summary>
/// One import's page (<c>/Imports/{id}</c>; issue #12 items 2, 4, 6): its status and a progress bar that follows the
/// background work without reloading (<c>wwwroot/js/import-progress.js</c> polls <see cref="OnGetProgressAsync"/>), the
/// column mapping with a select per column to correct it, the totals by kind of problem, the problems 200 a page, the
/// report download and the commit with an explicit 跳过未通过的行. Everything is read from the server, so closing the tab
/// and coming back loses nothing. The import is found through the jurisdiction filter (404 outside it).
/// </summary>
public sealed class DetailsModel(ShouhuDbContext db, ImportStatusQuery query, ImportMatchesQuery matchesQuery, CorrectImportMapping correct, ConfirmImport confirm, DecideImportRows decide, DownloadImportReport report, TimeProvider clock) : PageModel
{
    /// <summary>The import as the status API answers it.</summary>
    public ImportResponse Import { get; private set; } = null!;

    /// <summary>The page of problems shown (1-based).</summary>
    public int PageNumber { get; private set; } = 1;

    /// <summary>Pages of problems.</summary>
    public int Pages => Math.Max(1, (Import.ErrorsTotal + ImportStatusQuery.PageSize - 1) / ImportStatusQuery.PageSize);

    /// <summary>Why the last action was refused (the mapping or the commit), or null.</summary>
    public string? Message { get; private set; }

    /// <summary>Messages of a refused mapping correction by field (<c>columns</c>, <c>columns[i].field</c> …).</summary>
    public ValidationErrors Errors { get; private set; } = new();

    /// <summary>True when the mapping may be corrected now (validated, invalid, or failed for want of data rows).</summary>
    public bool CanCorrect => Import.Status is "validated" or "invalid" || (Import.Status == "failed" && Import.Failure == ValidateImport.NoRows && Import.Mapping.Count > 0);

    /// <summary>The first page of the updates and the flagged rows (<see cref="ImportMatchesQuery"/>), as the caller's role sees them.</summary>
    public ImportMatchesResponse Matches { get; private set; } = new([], 0);

    /// <summary>True while the upload is kept and the dry run has ended: the report can be downloaded.</summary>
    public bool HasReport => Import.Status is "validated" or "invalid" or "committing" or "failed";

    /// <summary>Shows the import.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, int? p, CancellationToken ct) =>
        await LoadAsync(id, p, ct) ? Page() : NotFound();

    /// <summary>The progress bar's data (<c>{status, progress}</c>), polled while the import works.</summary>
    public async Task<IActionResult> OnGetProgressAsync(Guid id, CancellationToken ct)
    {
        var job = await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);
        return job is null
            ? NotFound()
            : new JsonResult(new { status = ImportStatusQuery.StatusName(job.Status), progress = ImportStatusQuery.ProgressOf(job, ImportMapping.Read(job.Mapping)) });
    }

    /// <summary>The validation report (the API's use case, as the page's cookie may not call the API): the file, or the page with the reason.</summary>
    public async Task<IActionResult> OnGetReportAsync(Guid id, CancellationToken ct)
    {
        var view = PersonalDataPolicy.For(User.FindFirstValue(ClaimTypes.Role), OutputChannel.ImportReport);
        var (file, status, detail) = await report.RunAsync(id, view, ct);
        if (file is not null)
        {
            return File(file, XlsxStreamWriter.ContentType, DownloadImportReport.FileName + "-" + Domain.Time.ChinaTime.Today(clock).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + ".xlsx");
        }

        if (status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        Message = detail;
        return await LoadAsync(id, null, ct) ? Page() : NotFound();
    }

    /// <summary>Corrects the mapping of one sheet: every column's select (<c>field_{letter}</c>, empty for 不导入).</summary>
    public async Task<IActionResult> OnPostMappingAsync(Guid id, string sheet, CancellationToken ct)
    {
        var columns = Request.Form.Keys.Where(k => k.StartsWith("field_", StringComparison.Ordinal))
            .Select(k => new ColumnCorrection(k["field_".Length..], Request.Form[k].FirstOrDefault() is { Length: > 0 } f ? f : null)).ToList();
        var outcome = await correct.RunAsync(id, new MappingRequest(sheet, columns), ct);
        if (outcome.Ok)
        {
            return Redirect($"/Imports/{id}");
        }

        if (outcome.NotFound)
        {
            return NotFound();
        }

        (Errors, Message) = (outcome.Errors, outcome.Errors.IsEmpty ? outcome.Message : "列的对应未更正：请按提示修改。");
        return await LoadAsync(id, null, ct) ? Page() : NotFound();
    }

    /// <summary>
    /// Confirms the import; <paramref name="skipInvalid"/> is the explicit 跳过未通过的行, <paramref name="updates"/> and
    /// <paramref name="flagged"/> the explicit choice (<c>apply</c> / <c>skip</c>) for the updates and the flagged rows.
    /// </summary>
    public async Task<IActionResult> OnPostCommitAsync(Guid id, bool skipInvalid, string? updates, string? flagged, CancellationToken ct)
    {
        var outcome = await confirm.RunAsync(id, new CommitRequest(skipInvalid, updates, flagged), ct);
        if (outcome.Ok)
        {
            return Redirect($"/Imports/{id}");
        }

        if (outcome.NotFound)
        {
            return NotFound();
        }

        Message = outcome.Message;
        return await LoadAsync(id, null, ct) ? Page() : NotFound();
    }

    /// <summary>
    /// One row's choice from the 将更新与疑似重复 table (<see cref="DecideImportRows"/>): <paramref name="decision"/>
    /// <c>apply</c> or <c>skip</c> for row <paramref name="row"/> of <paramref name="sheet"/>; back to the table, or the
    /// page with the reason.
    /// </summary>
    public async Task<IActionResult> OnPostDecideAsync(Guid id, string? sheet, int? row, string? decision, CancellationToken ct)
    {
        var outcome = await decide.RunAsync(id, new DecisionsRequest([new RowDecision(sheet, row, decision)]), ct);
        if (outcome.Ok)
        {
            return Redirect($"/Imports/{id}#import-matches");
        }

        if (outcome.NotFound)
        {
            return NotFound();
        }

        Message = outcome.Message ?? string.Join("；", outcome.Refusal?.Errors?.ToDictionary().SelectMany(e => e.Value) ?? []);
        return await LoadAsync(id, null, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, int? page, CancellationToken ct)
    {
        var view = PersonalDataPolicy.For(User.FindFirstValue(ClaimTypes.Role), OutputChannel.ImportReport);
        var first = await query.GetAsync(id, 1, view, ct);
        if (first is null)
        {
            return false;
        }

        var pages = Math.Max(1, (first.ErrorsTotal + ImportStatusQuery.PageSize - 1) / ImportStatusQuery.PageSize);
        PageNumber = Math.Clamp(page ?? 1, 1, pages);
        Import = PageNumber == 1 ? first : (await query.GetAsync(id, PageNumber, view, ct))!;
        Matches = await matchesQuery.GetAsync(id, 1, User.FindFirstValue(ClaimTypes.Role), ct) ?? Matches;
        return true;
    }

    /// <summary>The fields a sheet's column may be set to, with their headers as the template writes them.</summary>
    public static IEnumerable<(string Name, string Header)> FieldsOf(string sheet) =>
        ImportMapping.FieldsOf(sheet).Select(f => (f.Field.ToString(), f.Header));

    /// <summary>The template's header of a field name, or the name.</summary>
    public static string FieldHeader(string? field) =>
        ImportMapping.FieldOf(field) is { } f ? SurveyFields.Info(f).Header : field ?? "（不导入）";

    /// <summary>The time left as the progress line ends (<see cref="BackgroundWork.TimeLeft"/>).</summary>
    public static string TimeLeft(int? seconds) => BackgroundWork.TimeLeft(seconds);
}
