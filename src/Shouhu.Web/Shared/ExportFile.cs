using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Shouhu.Web.Shared;

/// <summary>
/// How a list's export is answered (ADR-011): the workbook is written by <see cref="XlsxStreamWriter"/> into a temporary
/// file (readable by the server's account only, deleted when closed), the export is audited, and only then is the file
/// sent — so no file leaves without its audit entry, and memory stays constant however many rows there are.
/// </summary>
public static class ExportFile
{
    /// <summary>A new temporary file for one export: read and write, mode 0600 on Unix, deleted when the stream is closed.</summary>
    public static FileStream CreateTemporary()
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            Options = FileOptions.DeleteOnClose | FileOptions.Asynchronous,
            BufferSize = 64 * 1024,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(Path.Combine(Path.GetTempPath(), $"shouhu-export-{Guid.NewGuid():N}.xlsx"), options);
    }

    /// <summary>
    /// Writes with <paramref name="write"/> into a temporary file, rewound for sending; the file is deleted if writing fails.
    /// <paramref name="write"/> audits the export before it returns.
    /// </summary>
    public static async Task<FileStream> WriteAsync(Func<Stream, Task> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var file = CreateTemporary();
        try
        {
            await write(file);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    /// <summary>The answer: the written file as <c>NAME-yyyyMMdd.xlsx</c> (China date), closed (and so deleted) once sent.</summary>
    public static FileStreamHttpResult Answer(FileStream file, string name, DateOnly today) =>
        TypedResults.File(file, XlsxStreamWriter.ContentType, $"{name}-{today.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.xlsx");

    /// <summary>
    /// The rows of <paramref name="rows"/> (ask it for one more than <paramref name="max"/>), or — at row
    /// <paramref name="max"/> + 1 — <see cref="ExportTooLargeException"/>: a list export never silently loses its tail.
    /// The exception stops the writing before the audit is saved, and the temporary file is deleted (<see cref="WriteAsync"/>).
    /// </summary>
    public static async IAsyncEnumerable<T> AtMost<T>(IAsyncEnumerable<T> rows, int max, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var count = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            if (++count > max)
            {
                throw new ExportTooLargeException(max);
            }

            yield return row;
        }
    }

    /// <summary>True when the request says <c>Prefer: respond-async</c> (RFC 7240 §4.1): the export is then written in the background (ADR-016).</summary>
    public static bool PrefersAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers["Prefer"].Any(v => v is not null && v.Split(',').Any(p => p.Trim().Equals("respond-async", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>
    /// The list page's own route to its export, <c>/Exports/{list}</c> (e.g. <c>/Exports/reports?status=…</c>): the same
    /// handler as the API's <c>…/export</c>, for the signed-in browser — the API takes bearer tokens only, so a page's
    /// link to it would answer 401. Same policy, same rate limit; not in the API description.
    /// </summary>
    public static RouteHandlerBuilder MapPageExport(this IEndpointRouteBuilder app, string list, Delegate handler, string policy)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.MapGet("/Exports/" + list, handler).RequireAuthorization(policy).RequireRateLimiting(RateLimits.Export).ExcludeFromDescription();
    }

    /// <summary>Declares the .xlsx download in OpenAPI (the endpoint's 200).</summary>
    public static RouteHandlerBuilder ProducesXlsx(this RouteHandlerBuilder endpoint) =>
        endpoint.Produces<Stream>(StatusCodes.Status200OK, XlsxStreamWriter.ContentType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests).RequireRateLimiting(RateLimits.Export);

    /// <summary>
    /// The audit detail of an export: <c>rows=N</c> and the filter's parameters that were given as <c>name=value</c>
    /// (never content: a free-text search is recorded as <c>q=yes</c> by the caller).
    /// </summary>
    public static string AuditDetail(long rows, params (string Name, string? Value)[] filter) =>
        string.Join("; ", new[] { $"rows={rows.ToString(CultureInfo.InvariantCulture)}" }
            .Concat(filter.Where(f => !string.IsNullOrEmpty(f.Value)).Select(f => $"{f.Name}={f.Value}")));
}

/// <summary>
/// A list export with more rows than one answer holds (<see cref="ExportFile.AtMost"/>): answered 400 with this message
/// (<see cref="ErrorHandling"/>), nothing sent and nothing audited.
/// </summary>
public sealed class ExportTooLargeException(int max)
    : Exception($"结果超过 {max.ToString("N0", CultureInfo.InvariantCulture)} 行，一个文件放不下：请缩小筛选范围（如按乡镇、状态）分几次导出");
