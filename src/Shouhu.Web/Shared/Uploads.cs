using Microsoft.AspNetCore.Http.HttpResults;
using Shouhu.Domain.Casework;

namespace Shouhu.Web.Shared;

/// <summary>The one file of a multipart upload to the API (cases, reports, referrals), read with the attachment size limit.</summary>
public static class Uploads
{
    /// <summary>Largest request that may carry one attachment: <see cref="AttachmentRules.MaxBytes"/> plus room for the multipart envelope.</summary>
    public const long MaxRequestBytes = AttachmentRules.MaxBytes + 256 * 1024;

    /// <summary>
    /// Reads form field <c>file</c>; the 400 naming <c>file</c> when the body is not multipart, has no file, or is larger
    /// than <see cref="MaxRequestBytes"/> (<see cref="AttachmentRules.TooLarge"/>).
    /// </summary>
    public static Task<(IFormFile? File, ValidationProblem? Error)> ReadOneFileAsync(HttpContext http, CancellationToken ct) =>
        ReadOneFileAsync(http, MaxRequestBytes, AttachmentRules.TooLarge, ct);

    /// <summary>
    /// Reads form field <c>file</c> of a request of at most <paramref name="maxRequestBytes"/> (the multipart envelope
    /// included); the 400 naming <c>file</c> says <paramref name="tooLarge"/> past it.
    /// </summary>
    public static async Task<(IFormFile? File, ValidationProblem? Error)> ReadOneFileAsync(HttpContext http, long maxRequestBytes, string tooLarge, CancellationToken ct)
    {
        if (http.Request.ContentLength > maxRequestBytes)
        {
            return (null, FileProblem(tooLarge));
        }

        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxRequestBytes;
        }

        if (!http.Request.HasFormContentType)
        {
            return (null, FileProblem("请以 multipart/form-data 上传，字段名 file"));
        }

        try
        {
            var form = await http.Request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file");
            return file is null ? (null, FileProblem("请选择文件")) : (file, null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, FileProblem(tooLarge));
        }
        catch (InvalidDataException)
        {
            return (null, FileProblem(tooLarge));
        }
    }

    private static ValidationProblem FileProblem(string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [message] }, title: "输入有误");
}
