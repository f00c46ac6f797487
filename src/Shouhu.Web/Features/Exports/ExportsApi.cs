using Microsoft.AspNetCore.Http.HttpResults;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Exports;

/// <summary>A list export accepted for the background: <c>{id, status, rowsTotal}</c> (202, <c>Location: /api/v1/exports/{id}</c>).</summary>
public sealed record ExportAccepted(Guid Id, string Status, long RowsTotal);

/// <summary>
/// <c>/api/v1/exports</c>: the progress and the file of a list export written in the background (ADR-016) — a list's
/// <c>…/export</c> answers 202 with <c>Location: /api/v1/exports/{id}</c> when the export is too large to answer at once,
/// or when asked with <c>Prefer: respond-async</c> (RFC 7240). Only the account that asked sees the job (404 for any other).
/// </summary>
public static class ExportsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static void MapExportsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/exports").WithTags("Exports").RequireAuthorization(Policies.SignedIn);
        g.MapGet("/{id:guid}", GetAsync).WithSummary("后台导出的进度：status = waiting / writing / ready / failed，rowsWritten / rowsTotal");
        g.MapGet("/{id:guid}/file", FileAsync).Produces<Stream>(StatusCodes.Status200OK, Shared.XlsxStreamWriter.ContentType)
            .WithSummary("下载写好的导出文件（.xlsx；尚未写完或失败：409；过期：410）");
    }

    /// <summary>The job as <see cref="ExportJobResponse"/>; 404 when not the caller's.</summary>
    public static async Task<Results<Ok<ExportJobResponse>, NotFoundProblem>> GetAsync(Guid id, ExportStatusQuery query, CancellationToken ct) =>
        await query.GetAsync(id, ct) is { } job ? TypedResults.Ok(job) : new NotFoundProblem("未找到", "未找到该导出。");

    /// <summary>The file (audited); 404 when not the caller's, 409 while not ready or failed, 410 once expired.</summary>
    public static async Task<Results<FileStreamHttpResult, NotFoundProblem, ConflictProblem, GoneProblem>> FileAsync(Guid id, DownloadExport download, CancellationToken ct)
    {
        var opened = await download.OpenAsync(id, ct);
        return opened.Refusal switch
        {
            DownloadRefusal.None => TypedResults.File(opened.File!, XlsxStreamWriter.ContentType, opened.FileName),
            DownloadRefusal.NotFound => new NotFoundProblem("未找到", opened.Reason),
            DownloadRefusal.Expired => new GoneProblem("文件已过期", opened.Reason),
            _ => new ConflictProblem("文件不能下载", opened.Reason),
        };
    }
}
