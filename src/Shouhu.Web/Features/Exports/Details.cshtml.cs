using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Shouhu.Web.Features.Exports;

/// <summary>
/// <c>/Exports/{id}</c>: one background export of the caller's (ADR-016) — a progress bar that follows the writing
/// (<c>wwwroot/js/export-progress.js</c> polls <see cref="OnGetProgressAsync"/>), then the download (audited). Another
/// account's export is not found, whatever the jurisdiction.
/// </summary>
public sealed class DetailsModel(ExportStatusQuery query, DownloadExport download) : PageModel
{
    /// <summary>The export as the API answers it.</summary>
    public ExportJobResponse Export { get; private set; } = null!;

    /// <summary>Why the download was refused, or null.</summary>
    public string? Message { get; private set; }

    /// <summary>The status in Chinese.</summary>
    public static string StatusText(string status) => status switch
    {
        "waiting" => "排队中", "writing" => "写入中", "ready" => "已完成", _ => "失败",
    };

    /// <summary>The line under the bar: rows written of the total, and the time left while writing.</summary>
    public static string ProgressText(ExportJobResponse e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Status switch
        {
            "waiting" => "排队中，马上开始",
            "ready" => $"已写入 {e.RowsWritten} 行",
            "failed" => "未完成",
            _ => $"已写入 {e.RowsWritten} / {e.RowsTotal} 行" + Shared.BackgroundWork.TimeLeft(e.SecondsLeft),
        };
    }

    /// <summary>Shows the export.</summary>
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await query.GetAsync(id, ct) is not { } export)
        {
            return NotFound();
        }

        Export = export;
        return Page();
    }

    /// <summary>The progress bar's data (<c>{status, rowsWritten, rowsTotal, text}</c>), polled while writing.</summary>
    public async Task<IActionResult> OnGetProgressAsync(Guid id, CancellationToken ct) =>
        await query.GetAsync(id, ct) is { } e
            ? new JsonResult(new { status = e.Status, rowsWritten = e.RowsWritten, rowsTotal = e.RowsTotal, text = ProgressText(e) })
            : NotFound();

    /// <summary>The file (audited), or the page with the reason it cannot be had.</summary>
    public async Task<IActionResult> OnGetFileAsync(Guid id, CancellationToken ct)
    {
        var opened = await download.OpenAsync(id, ct);
        if (opened.Refusal == DownloadRefusal.None)
        {
            return File(opened.File!, Shared.XlsxStreamWriter.ContentType, opened.FileName);
        }

        if (opened.Refusal == DownloadRefusal.NotFound || await query.GetAsync(id, ct) is not { } export)
        {
            return NotFound();
        }

        Export = export;
        Message = opened.Reason;
        return Page();
    }
}
