using System.Net;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;

namespace Shouhu.Web.Shared;

/// <summary>
/// Turns failures into answers: RFC 9457 problem details under <c>/api</c>, a plain Chinese page elsewhere.
/// Never a stack trace; never a name, ID number or narrative in a log line.
/// </summary>
public static partial class ErrorHandling
{
    /// <summary>Exception handler for <c>UseExceptionHandler</c>.</summary>
    public static async Task HandleExceptionAsync(HttpContext http)
    {
        var error = http.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (error is BadHttpRequestException { InnerException: System.Text.Json.JsonException json } && http.Request.Path.StartsWithSegments("/api"))
        {
            // A value of the wrong JSON type ({"sex": 5}, a string for a number): a validation problem naming the field.
            var field = FieldOf(json.Path);
            await Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [field == "body"
                    ? "请求正文不是有效的 JSON"
                    : "字段类型不符（文字用字符串，数字用数值，日期用 2014-02-28 形式，枚举用约定的英文名称）"] },
                title: "输入有误", statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(http);
            return;
        }

        var (status, title, detail) = error switch
        {
            BadHttpRequestException bad when bad.InnerException is System.Text.Json.JsonException || bad.Message.Contains("JSON", StringComparison.Ordinal) =>
                (StatusCodes.Status400BadRequest, "请求无效", "请求正文不是有效的 JSON，或字段类型不符（日期用 2014-02-28 形式，枚举用约定的英文名称）。"),
            BadHttpRequestException bad => (bad.StatusCode, "请求无效", "请求的格式或参数无效。"),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "记录已被他人修改", "该记录在您编辑期间已被他人修改，请刷新后重试。"),
            JurisdictionViolationException => (StatusCodes.Status404NotFound, "未找到", "未找到该记录。"),
            ExportTooLargeException tooLarge => (StatusCodes.Status400BadRequest, "导出行数过多", tooLarge.Message),
            _ => (StatusCodes.Status500InternalServerError, "服务器内部错误", "处理请求时出错，已记录。请稍后重试或联系管理员。"),
        };

        if (status >= 500)
        {
            var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Shouhu.Errors");
            // The exception type and stack, never its message: messages can quote personal data from the request.
            LogUnhandled(logger, error?.GetType().FullName ?? "unknown", http.Request.Method, http.Request.Path, error?.StackTrace);
        }

        await WriteAsync(http, status, title, detail);
    }

    /// <summary>Fills in empty 4xx/5xx answers (404 from routing, 401/403 from authorisation).</summary>
    public static async Task HandleStatusCodeAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        var (title, detail) = status switch
        {
            400 => ("请求无效", "请求的格式或参数无效。"),
            401 => ("未登录", "需要登录，或访问令牌无效、已过期。"),
            403 => ("无权操作", "您的角色不能进行此操作。"),
            404 => ("未找到", "未找到该记录或页面。"),
            405 => ("方法不允许", "此地址不支持该请求方法。"),
            429 => ("请求过于频繁", "请求过于频繁，请一分钟后再试。"),
            _ => ("请求失败", $"HTTP {status}"),
        };
        if (!IsApi(http) && HttpMethods.IsGet(http.Request.Method) && status is 404 or 400 or 405)
        {
            // A page the user asked for: the error page of the site, with its navigation bar (issue #10), not a dead end.
            await ReExecuteAsync(context, $"/Error/{status}");
            return;
        }

        await WriteAsync(http, status, title, detail);
    }

    /// <summary>Title and explanation of an error status, as the error page shows them.</summary>
    public static (string Title, string Detail) Describe(int status) => status switch
    {
        400 => ("请求无效", "请求的格式或参数无效。"),
        404 => ("未找到", "未找到该记录或页面：它可能不存在，或不在您的辖区、不属您的职责范围。"),
        405 => ("方法不允许", "此地址不支持该请求方法。"),
        _ => ("请求失败", "请求未能完成。"),
    };

    private static bool IsApi(HttpContext http) => http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/openapi");

    // What UseStatusCodePagesWithReExecute does, for the pages only: the API keeps its problem details.
    private static async Task ReExecuteAsync(StatusCodeContext context, string path)
    {
        var http = context.HttpContext;
        var (originalPath, originalQuery) = (http.Request.Path, http.Request.QueryString);
        http.SetEndpoint(null);
        http.Features.Get<Microsoft.AspNetCore.Http.Features.IRouteValuesFeature>()?.RouteValues?.Clear();
        http.Request.Path = path;
        http.Request.QueryString = QueryString.Empty;
        try
        {
            await context.Next(http);
        }
        finally
        {
            http.Request.Path = originalPath;
            http.Request.QueryString = originalQuery;
        }
    }

    /// <summary>
    /// The field a JSON path names, as <c>errors</c> keys it: <c>$.sex</c> → <c>sex</c>, <c>$.guardians[0].name</c> →
    /// <c>guardians[0].name</c>, <c>$['a b']</c> → <c>a b</c>; the root or no path → <c>body</c>.
    /// </summary>
    public static string FieldOf(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return "body";
        }

        var field = jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
        field = QuotedSegment().Replace(field, m => (m.Index == 0 ? string.Empty : ".") + m.Groups[1].Value);
        return field.Length == 0 ? "body" : field;
    }

    private static async Task WriteAsync(HttpContext http, int status, string title, string detail)
    {
        http.Response.StatusCode = status;
        if (IsApi(http))
        {
            var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
            await Results.Problem(problem).ExecuteAsync(http);
            return;
        }

        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($$"""
            <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{WebUtility.HtmlEncode(title)}} - 守护</title><link rel="stylesheet" href="/lib/pico/pico.min.css"><link rel="stylesheet" href="/css/site.css"></head>
            <body><header class="bar"><nav class="container-fluid"><ul><li><a href="/" class="brand">守护</a></li></ul></nav></header><main class="container"><h1>{{WebUtility.HtmlEncode(title)}}</h1><p>{{WebUtility.HtmlEncode(detail)}}</p><p><a href="/">返回首页</a></p></main></body></html>
            """);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\['([^']*)'\]")]
    private static partial System.Text.RegularExpressions.Regex QuotedSegment();

    [LoggerMessage(EventId = 500, Level = LogLevel.Error, Message = "Unhandled {ExceptionType} on {Method} {Path}\n{StackTrace}")]
    private static partial void LogUnhandled(ILogger logger, string exceptionType, string method, string path, string? stackTrace);
}
