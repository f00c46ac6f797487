using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Shouhu.Web.Features.Cases;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Reports;

/// <summary><c>/api/v1/reports</c> (API-CONTRACT.md): intake from every channel, the triage queue, triage.</summary>
public static class ReportsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static void MapReportsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/reports").WithTags("Reports").RequireAuthorization(Policies.ReadReports);
        g.MapPost("/", RecordAsync).RequireAuthorization(Policies.RecordReports).WithSummary("登记报告（各渠道）");
        g.MapGet("/", ListAsync).WithSummary("报告列表；status=awaiting-triage 为待研判队列（按时限排序）");
        g.MapGet("/export", ExportAsync).WithSummary("按 status 导出报告列表 Excel（与列表同一查询、同一权限；审计）").ProducesXlsx();
        g.MapGet("/{id:guid}", GetAsync).WithSummary("报告；辖区外为404");
        g.MapPost("/{id:guid}/triage", TriageAsync).RequireAuthorization(Policies.TriageReports).WithSummary("研判：open-case（立案，须 workerId 和 riskLevel）、link-case（并案，须 caseId）、close（不予立案，须 reason）");
        g.MapPost("/{id:guid}/police-report", PoliceReportAsync).WithSummary("强制报告：登记已报警（时间、报警人、接警公安机关），起算公安机关3日内反馈时限");
        g.MapPost("/{id:guid}/police-feedback", PoliceFeedbackAsync).WithSummary("强制报告：登记公安机关向报告单位的反馈");
        g.MapPost("/{id:guid}/attachments", UploadAsync).DisableAntiforgery().WithSummary("上传附件（图片、PDF、Office 文档、录音；≤20 MB；按内容识别）");
    }

    /// <summary>201 with the report; 400 naming each wrong field (nothing saved).</summary>
    public static async Task<Results<Created<ReportResponse>, ValidationProblem>> RecordAsync(ReportInput body, RecordReport handler, ReportQueries queries, ClaimsPrincipal user, CancellationToken ct)
    {
        var actor = Actor.From(user);
        var outcome = await handler.RunAsync(body, actor, ct);
        if (outcome.Value is not { } report)
        {
            return OutcomeResults.Invalid(outcome.Errors);
        }

        return TypedResults.Created($"/api/v1/reports/{report.Id}", (await queries.GetAsync(report.Id, actor, ct))!);
    }

    private static async Task<Results<Ok<ReportPage>, ValidationProblem>> ListAsync(ReportQueries queries, ClaimsPrincipal user, string? status, int? page, int? pageSize, CancellationToken ct)
    {
        var check = new ListParameters().Paging(page, pageSize, 200)
            .OneOf("status", status, Enum.GetValues<Domain.Casework.ReportStatus>().Select(ReportQueries.StatusText));
        return check.IsValid ? TypedResults.Ok(await queries.ListAsync(Actor.From(user), status, page, pageSize, ct)) : check.Problem();
    }

    // The list's own check of status; the same rows as the list, every page (ExportReports).
    internal static async Task<Results<FileStreamHttpResult, ValidationProblem>> ExportAsync(ExportReports export, ClaimsPrincipal user, TimeProvider clock, string? status, CancellationToken ct)
    {
        var check = new ListParameters().OneOf("status", status, Enum.GetValues<Domain.Casework.ReportStatus>().Select(ReportQueries.StatusText));
        if (!check.IsValid)
        {
            return check.Problem();
        }

        var file = await ExportFile.WriteAsync(output => export.WriteAsync(Actor.From(user), status, output, ct));
        return ExportFile.Answer(file, "报告", Domain.Time.ChinaTime.Today(clock));
    }

    private static async Task<Results<Ok<ReportResponse>, NotFound>> GetAsync(Guid id, ReportQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
        await queries.GetAsync(id, Actor.From(user), ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound();

    private static async Task<Results<Ok<TriageResponse>, ValidationProblem, NotFoundProblem, ForbiddenProblem, ConflictProblem>> TriageAsync(Guid id, TriageRequest body, TriageReport handler, ClaimsPrincipal user, CancellationToken ct) =>
        OutcomeResults.Answer(await handler.RunAsync(id, body, Actor.From(user), ct), TypedResults.Ok);

    private static async Task<Results<Ok<ReportResponse>, ValidationProblem, NotFoundProblem, ForbiddenProblem, ConflictProblem>> PoliceReportAsync(Guid id, PoliceReportInput body, RecordPoliceReport handler, ReportQueries queries, ClaimsPrincipal user, CancellationToken ct)
    {
        var actor = Actor.From(user);
        return await OutcomeResults.AnswerAsync(await handler.RunAsync(id, body, actor, ct), async _ => TypedResults.Ok((await queries.GetAsync(id, actor, ct))!));
    }

    private static async Task<Results<Ok<ReportResponse>, ValidationProblem, NotFoundProblem, ForbiddenProblem, ConflictProblem>> PoliceFeedbackAsync(Guid id, PoliceFeedbackInput body, RecordPoliceFeedback handler, ReportQueries queries, ClaimsPrincipal user, CancellationToken ct)
    {
        var actor = Actor.From(user);
        return await OutcomeResults.AnswerAsync(await handler.RunAsync(id, body, actor, ct), async _ => TypedResults.Ok((await queries.GetAsync(id, actor, ct))!));
    }

    private static async Task<Results<Created<AttachmentCreatedResponse>, ValidationProblem, NotFoundProblem, ForbiddenProblem, ConflictProblem>> UploadAsync(Guid id, HttpContext http, Attachments attachments, ClaimsPrincipal user, CancellationToken ct)
    {
        var (file, error) = await Uploads.ReadOneFileAsync(http, ct);
        if (file is null)
        {
            return error!;
        }

        await using var stream = file.OpenReadStream();
        return OutcomeResults.Answer(await attachments.AddToReportAsync(id, Actor.From(user), file.FileName, stream, ct), AttachmentCreatedResponse.Answer);
    }
}
