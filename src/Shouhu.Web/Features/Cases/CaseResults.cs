namespace Shouhu.Web.Features.Cases;

/// <summary>Turns a <see cref="CaseOutcome"/> into the HTTP answer of API-CONTRACT.md: 404, 403, 409 (conflict or refused transition), 400 with field errors.</summary>
public static class CaseResults
{
    /// <summary>The refusal as problem details, or null when the outcome is a success.</summary>
    public static IResult? Refusal(CaseOutcome o)
    {
        if (o.NotFound)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "未找到", detail: "未找到该记录。");
        }

        if (o.Forbidden is { } f)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "无权操作", detail: f);
        }

        if (o.Conflict is { } c)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "记录已被他人修改", detail: c);
        }

        if (o.Refused is { } r)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "当前状态不允许此操作", detail: r);
        }

        if (o.Errors is { IsEmpty: false } e)
        {
            return TypedResults.ValidationProblem(e.ToDictionary(), title: "输入有误");
        }

        return null;
    }

    /// <summary>Reads the one file of a multipart upload (form field <c>file</c>) with the attachment size limit; an error result when there is none or it is too large.</summary>
    public static async Task<(IFormFile? File, IResult? Error)> ReadUploadAsync(HttpContext http, CancellationToken ct)
    {
        if (http.Request.ContentLength is > Attachments.MaxRequestBytes)
        {
            return (null, TooLarge());
        }

        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = Attachments.MaxRequestBytes;
        }

        if (!http.Request.HasFormContentType)
        {
            return (null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["请以 multipart/form-data 上传，字段名 file"] }, title: "输入有误"));
        }

        try
        {
            var form = await http.Request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file");
            return file is null
                ? (null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["请选择文件"] }, title: "输入有误"))
                : (file, null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge());
        }
        catch (InvalidDataException)
        {
            return (null, TooLarge());
        }
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem TooLarge() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [Domain.Casework.AttachmentRules.TooLarge] }, title: "输入有误");
}
