using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Imports;

/// <summary>The accepted import: <c>{id, status}</c> (201 on upload, 202 on commit).</summary>
public sealed record ImportAccepted(Guid Id, string Status);

/// <summary><c>/api/v1/imports</c> (API-CONTRACT.md "Imports"): upload, status, mapping correction, report, commit — for the roles that register children.</summary>
public static class ImportsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static void MapImportsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/imports").WithTags("Imports").RequireAuthorization(Policies.WriteRegistry);
        g.MapPost("/", UploadAsync).DisableAntiforgery().RequireRateLimiting(RateLimits.ChildEntry)
            .WithSummary("上传摸底排查表（multipart：file，可选 asOf 统计截止日 YYYY-MM-DD）→ 立即开始核查（不写入名册）");
        g.MapGet("/{id:guid}", GetAsync).WithSummary("导入进度与核查结果：各行问题（每页200条）及按类型的合计");
        g.MapPost("/{id:guid}/commit", CommitAsync).WithSummary("确认导入核查通过的行（skipInvalid: true 跳过未通过的行）→ 后台分批写入");
        g.MapGet("/{id:guid}/matches", MatchesAsync).WithSummary("与已登记儿童相同（将更新：逐字段对比）或疑似重复（待核实）的行，每页100行");
        g.MapPost("/{id:guid}/decisions", DecideAsync).WithSummary("逐行选择：更新或作为新儿童登记（apply）、跳过（skip）");
        g.MapPut("/{id:guid}/mapping", CorrectMappingAsync)
            .WithSummary("更正一张工作表的列对应（{sheet, columns: [{column: \"F\", field: \"CitizenIdNumber\" 或 null 不导入}]}）→ 后台重新核查");
        g.MapGet("/{id:guid}/report", ReportAsync).ProducesXlsx()
            .WithSummary("下载核查报告：上传的工作簿加“错误说明”列，有误的单元格标色并加批注（.xlsx；导入完成后不再提供：410）");
        g.MapGet("/template", Template).WithSummary("下载摸底排查导入模板（.xlsx：儿童、家庭成员、填表说明）")
            .Produces<Stream>(StatusCodes.Status200OK, XlsxContentType);
    }

    /// <summary>The template's content type (.xlsx).</summary>
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>200 with the template as 摸底排查导入模板.xlsx; 403 for a role that may not register children.</summary>
    public static FileContentHttpResult Template(DownloadTemplate template) =>
        TypedResults.File(template.Run(), XlsxContentType, "摸底排查导入模板.xlsx");

    /// <summary>Uploads a survey and starts its dry run.</summary>
    public static async Task<Results<Created<ImportAccepted>, ValidationProblem, NotFoundProblem, ForbiddenProblem, ConflictProblem>> UploadAsync(
        HttpContext http, StartImport start, CancellationToken ct)
    {
        var (file, problem) = await Uploads.ReadOneFileAsync(http, ImportFiles.MaxBytes + 256 * 1024, ImportFiles.TooLarge, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (file!.Length > ImportFiles.MaxBytes)
        {
            return OutcomeResults.Invalid(Errors("file", ImportFiles.TooLarge));
        }

        await using var content = file.OpenReadStream();
        var outcome = await start.RunAsync(content, file.FileName, file.Length, http.Request.Form["asOf"].FirstOrDefault(), ct);
        return OutcomeResults.Answer(outcome, job => TypedResults.Created($"/api/v1/imports/{job.Id}", new ImportAccepted(job.Id, ImportStatusQuery.StatusName(job.Status))));
    }

    /// <summary>The import's progress and problems (page <c>page</c>, 1-based).</summary>
    public static async Task<Results<Ok<ImportResponse>, ValidationProblem, NotFound>> GetAsync(Guid id, int? page, ImportStatusQuery query, ClaimsPrincipal user, CancellationToken ct)
    {
        var check = new ListParameters().Paging(page, null, ImportStatusQuery.PageSize);
        if (!check.IsValid)
        {
            return check.Problem();
        }

        var view = PersonalDataPolicy.For(user.FindFirstValue(ClaimTypes.Role), OutputChannel.ImportReport);
        return await query.GetAsync(id, page ?? 1, view, ct) is { } response ? TypedResults.Ok(response) : TypedResults.NotFound();
    }

    /// <summary>The updates and flagged rows of the import, page <c>page</c> (1-based).</summary>
    public static async Task<Results<Ok<ImportMatchesResponse>, ValidationProblem, NotFound>> MatchesAsync(Guid id, int? page, ImportMatchesQuery query, ClaimsPrincipal user, CancellationToken ct)
    {
        var check = new ListParameters().Paging(page, null, ImportMatchesQuery.PageSize);
        if (!check.IsValid)
        {
            return check.Problem();
        }

        return await query.GetAsync(id, page ?? 1, user.FindFirstValue(ClaimTypes.Role), ct) is { } response ? TypedResults.Ok(response) : TypedResults.NotFound();
    }

    /// <summary>Records row-by-row decisions; 400 naming the entry, 409 once the commit started.</summary>
    public static async Task<Results<Ok<DecisionsAnswer>, ValidationProblem, NotFoundProblem, ForbiddenProblem, ConflictProblem>> DecideAsync(
        Guid id, DecisionsRequest body, DecideImportRows decide, CancellationToken ct) =>
        OutcomeResults.Answer(await decide.RunAsync(id, body, ct), n => TypedResults.Ok(new DecisionsAnswer(n)));

    /// <summary>Confirms the import; 409 before the dry run ends or while rows are invalid without <c>skipInvalid</c>.</summary>
    public static async Task<Results<Accepted<ImportAccepted>, ValidationProblem, NotFoundProblem, ForbiddenProblem, ConflictProblem>> CommitAsync(
        Guid id, CommitRequest body, ConfirmImport confirm, CancellationToken ct) =>
        OutcomeResults.Answer(await confirm.RunAsync(id, body, ct), job => TypedResults.Accepted($"/api/v1/imports/{job.Id}", new ImportAccepted(job.Id, ImportStatusQuery.StatusName(job.Status))));

    /// <summary>Corrects the column mapping of one sheet and runs the dry run again (202); 409 unless <c>validated</c>, <c>invalid</c> or failed for want of rows.</summary>
    public static async Task<Results<Accepted<ImportAccepted>, ValidationProblem, NotFoundProblem, ForbiddenProblem, ConflictProblem>> CorrectMappingAsync(
        Guid id, MappingRequest body, CorrectImportMapping correct, CancellationToken ct) =>
        OutcomeResults.Answer(await correct.RunAsync(id, body, ct), job => TypedResults.Accepted($"/api/v1/imports/{job.Id}", new ImportAccepted(job.Id, ImportStatusQuery.StatusName(job.Status))));

    /// <summary>The validation report (.xlsx), masked by the caller's view; 404 outside the jurisdiction, 409 while validating, 410 once committed.</summary>
    public static async Task<Results<FileStreamHttpResult, NotFoundProblem, ConflictProblem, GoneProblem>> ReportAsync(
        Guid id, DownloadImportReport report, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var view = PersonalDataPolicy.For(user.FindFirstValue(ClaimTypes.Role), OutputChannel.ImportReport);
        var (file, status, detail) = await report.RunAsync(id, view, ct);
        return status switch
        {
            StatusCodes.Status200OK => DownloadImportReport.Answer(file!, clock),
            StatusCodes.Status404NotFound => new NotFoundProblem("未找到", detail),
            StatusCodes.Status410Gone => new GoneProblem("核查报告不再提供", detail),
            _ => new ConflictProblem("暂不能下载核查报告", detail),
        };
    }

    private static Domain.Children.ValidationErrors Errors(string field, string message)
    {
        var errors = new Domain.Children.ValidationErrors();
        errors.Add(field, message);
        return errors;
    }
}
