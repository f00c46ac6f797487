using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Cases;

/// <summary>Body with a note (accepting or declining a transfer).</summary>
public sealed record ReferralNote(string? Note);

/// <summary>Answer of a command on a case: <c>{id, ok: true}</c> — the case's id.</summary>
public sealed record CaseCommandResponse(Guid Id, bool Ok);

/// <summary>Answer of a record added to a case (service, guardianship measure): <c>{id, caseId}</c>.</summary>
public sealed record CaseRecordCreatedResponse(Guid Id, Guid CaseId);

/// <summary>Answer of <c>POST /api/v1/cases/{id}/referrals</c> (API-CONTRACT.md): <c>{id, status: "sent"}</c>.</summary>
public sealed record ReferralSentResponse(Guid Id, string Status);

/// <summary>An organisation a case may be referred to: id, name and its kind's Chinese name.</summary>
public sealed record ReferralTargetResponse(Guid Id, string Name, string Kind);

/// <summary><c>/api/v1/cases</c> (API-CONTRACT.md): the case file, its status machine, plan and approvals, services, guardianship measures, referrals and documents.</summary>
public static class CasesApi
{
    /// <summary>Maps the endpoints.</summary>
    public static void MapCasesApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/cases").WithTags("Cases").RequireAuthorization(Policies.Casework);
        g.MapGet("/", ListAsync).WithSummary("案件列表（mine=true 只看我承办/督导的）");
        g.MapGet("/export", ExportAsync).WithSummary("按 status、mine 导出案件列表 Excel（与列表同一查询、同一权限；审计）").ProducesXlsx();
        g.MapGet("/{id:guid}", GetAsync).WithSummary("案件（含时间线）；辖区外或无权查看为404");
        g.MapPost("/{id:guid}/status", (Guid id, ChangeStatusRequest body, ChangeCaseStatus cmd, ClaimsPrincipal u, CancellationToken ct) =>
            AnswerAsync(cmd.RunAsync(id, Actor.From(u), body, ct), id)).WithSummary("变更状态（open→assessing→planning→in-service→reviewing→closed / reopened；计划批准与结案审批除外）");
        g.MapPost("/{id:guid}/notes", (Guid id, NoteRequest body, AddCaseNote cmd, ClaimsPrincipal u, CancellationToken ct) =>
            AnswerAsync(cmd.RunAsync(id, Actor.From(u), body, ct), id)).WithSummary("时间线记录");
        g.MapPost("/{id:guid}/risk", (Guid id, RiskRequest body, SetCaseRisk cmd, ClaimsPrincipal u, CancellationToken ct) =>
            AnswerAsync(cmd.RunAsync(id, Actor.From(u), body, ct), id)).WithSummary("风险等级");
        g.MapPost("/{id:guid}/assignment", (Guid id, AssignRequest body, AssignCase cmd, ClaimsPrincipal u, CancellationToken ct) =>
            AnswerAsync(cmd.RunAsync(id, Actor.From(u), body, ct), id)).WithSummary("分派承办人和督导");
        g.MapPost("/{id:guid}/transfer", (Guid id, TransferRequest body, RequestCaseTransfer cmd, ClaimsPrincipal u, CancellationToken ct) =>
            AnswerAsync(cmd.RunAsync(id, Actor.From(u), body, ct), id)).WithSummary("移交给另一承办人（待对方接收）");
        g.MapPost("/{id:guid}/transfer/accept", (Guid id, [FromBody] DecisionRequest? body, AcceptCaseTransfer cmd, ClaimsPrincipal u, CancellationToken ct) =>
            AnswerAsync(cmd.RunAsync(id, Actor.From(u), body?.Version, ct), id)).WithSummary("接收移交");
        g.MapPost("/{id:guid}/region-transfer", (Guid id, RegionTransferRequest body, RegionTransfer t, ClaimsPrincipal u, CancellationToken ct) =>
            AnswerAsync(t.RequestAsync(id, Actor.From(u), body, ct), id)).WithSummary("移交至其他辖区（儿童迁居；接收地确认后案件和儿童档案一并移交）");
        g.MapGet("/incoming-transfers", async (RegionTransfer t, ClaimsPrincipal u, CancellationToken ct) =>
            TypedResults.Ok(await t.IncomingAsync(Actor.From(u), ct))).WithSummary("移交到本辖区、待接收的案件");
        g.MapPost("/{id:guid}/region-transfer/accept", (Guid id, [FromBody] ReferralNote? body, RegionTransfer t, ClaimsPrincipal u, CancellationToken ct) =>
            AnswerAsync(t.DecideAsync(id, Actor.From(u), true, body?.Note, ct), id)).WithSummary("接收地接收移交");
        g.MapPost("/{id:guid}/region-transfer/decline", (Guid id, [FromBody] ReferralNote? body, RegionTransfer t, ClaimsPrincipal u, CancellationToken ct) =>
            AnswerAsync(t.DecideAsync(id, Actor.From(u), false, body?.Note, ct), id)).WithSummary("接收地拒绝接收（须说明理由）");
        g.MapPost("/{id:guid}/region-transfer/withdraw", (Guid id, [FromBody] ReferralNote? body, RegionTransfer t, ClaimsPrincipal u, CancellationToken ct) =>
            AnswerAsync(t.WithdrawAsync(id, Actor.From(u), body?.Note, ct), id)).WithSummary("送出方撤回待接收的移交（申请人、督导或民政干部；通知接收地）");
        g.MapPost("/{id:guid}/child", (Guid id, IdentifyChildRequest body, IdentifyCaseChild cmd, ClaimsPrincipal u, CancellationToken ct) =>
            AnswerAsync(cmd.RunAsync(id, Actor.From(u), body, ct), id)).WithSummary("确认身份不明儿童，关联档案");
        g.MapPut("/{id:guid}/plan", (Guid id, PlanRequest body, SaveCasePlan cmd, ClaimsPrincipal u, CancellationToken ct) =>
            AnswerAsync(cmd.RunAsync(id, Actor.From(u), body, ct), id)).WithSummary("保存个案计划");
        g.MapPost("/{id:guid}/plan/submit", (Guid id, [FromBody] DecisionRequest? body, SubmitCasePlan cmd, ClaimsPrincipal u, CancellationToken ct) =>
            AnswerAsync(cmd.RunAsync(id, Actor.From(u), body?.Version, ct), id)).WithSummary("提交计划审批");
        g.MapPost("/{id:guid}/plan/approve", (Guid id, [FromBody] DecisionRequest? body, DecideCasePlan cmd, ClaimsPrincipal u, CancellationToken ct) =>
            AnswerAsync(cmd.RunAsync(id, Actor.From(u), true, body ?? new(null, null), ct), id)).WithSummary("督导批准计划（进入服务）");
        g.MapPost("/{id:guid}/plan/return", (Guid id, DecisionRequest body, DecideCasePlan cmd, ClaimsPrincipal u, CancellationToken ct) =>
            AnswerAsync(cmd.RunAsync(id, Actor.From(u), false, body, ct), id)).WithSummary("督导退回计划（须填意见）");
        g.MapPost("/{id:guid}/closure", (Guid id, ClosureRequest body, RequestCaseClosure cmd, ClaimsPrincipal u, CancellationToken ct) =>
            AnswerAsync(cmd.RunAsync(id, Actor.From(u), body, ct), id)).WithSummary("申请结案（原因、结案评估、回访日期）");
        g.MapPost("/{id:guid}/closure/approve", (Guid id, [FromBody] DecisionRequest? body, DecideCaseClosure cmd, ClaimsPrincipal u, CancellationToken ct) =>
            AnswerAsync(cmd.RunAsync(id, Actor.From(u), true, body ?? new(null, null), ct), id)).WithSummary("督导批准结案");
        g.MapPost("/{id:guid}/closure/return", (Guid id, DecisionRequest body, DecideCaseClosure cmd, ClaimsPrincipal u, CancellationToken ct) =>
            AnswerAsync(cmd.RunAsync(id, Actor.From(u), false, body, ct), id)).WithSummary("督导退回结案申请（须填意见）");
        g.MapPost("/{id:guid}/services", (Guid id, ServiceRequest body, RecordCaseService cmd, ClaimsPrincipal u, CancellationToken ct) =>
            CreatedAsync(cmd.RunAsync(id, Actor.From(u), body, ct), id)).WithSummary("服务记录");
        g.MapPost("/{id:guid}/guardianship-measures", (Guid id, MeasureRequest body, RecordGuardianshipMeasure cmd, ClaimsPrincipal u, CancellationToken ct) =>
            CreatedAsync(cmd.RunAsync(id, Actor.From(u), body, ct), id)).WithSummary("临时监护/长期监护（法定情形）");
        g.MapPost("/{id:guid}/guardianship-measures/{measureId:guid}/end", (Guid id, Guid measureId, EndMeasureRequest body, EndGuardianshipMeasure cmd, ClaimsPrincipal u, CancellationToken ct) =>
            AnswerAsync(cmd.RunAsync(id, measureId, Actor.From(u), body, ct), id)).WithSummary("终止监护措施：送返监护人须有监护评估（第93条），收养终止长期监护（第95条）");
        g.MapPost("/{id:guid}/referrals", SendReferralAsync).WithSummary("转介（201 {id, status: \"sent\"}）");
        g.MapGet("/{id:guid}/referral-targets", ReferralTargetsAsync).WithSummary("可转介的机构（服务区域包括本案所在地）");
        g.MapPost("/{id:guid}/attachments", UploadAsync).DisableAntiforgery().WithSummary("上传文件（图片、PDF、Office 文档、录音；≤20 MB；按内容识别）");
        api.MapGet("/attachments/{id:guid}", DownloadAsync).RequireAuthorization(Policies.SignedIn).WithTags("Cases").WithSummary("下载附件（审计）")
            .Produces<Stream>(StatusCodes.Status200OK, "application/octet-stream"); // the file as uploaded; its own type in Content-Type
    }

    /// <summary>The case file, or 404.</summary>
    public static async Task<Results<Ok<CaseResponse>, NotFound>> GetAsync(Guid id, CaseQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
        await queries.GetAsync(id, Actor.From(user), ct) is { } c ? TypedResults.Ok(c) : TypedResults.NotFound();

    /// <summary>A page of cases.</summary>
    public static async Task<Results<Ok<CasePage>, ValidationProblem>> ListAsync(CaseQueries queries, ClaimsPrincipal user, string? status, bool? mine, int? page, int? pageSize, CancellationToken ct)
    {
        var check = new ListParameters().Paging(page, pageSize, 200)
            .OneOf("status", status, [.. Enum.GetValues<Domain.Casework.CaseStatus>().Select(Domain.Casework.CaseWorkflow.Text), "active"]);
        return check.IsValid ? TypedResults.Ok(await queries.ListAsync(Actor.From(user), status, mine == true, page, pageSize, ct)) : check.Problem();
    }

    // The list's own check of status; the same rows as the list, every page (ExportCases).
    internal static async Task<Results<FileStreamHttpResult, ValidationProblem>> ExportAsync(ExportCases export, ClaimsPrincipal user, TimeProvider clock, string? status, bool? mine, CancellationToken ct)
    {
        var check = new ListParameters().OneOf("status", status, [.. Enum.GetValues<Domain.Casework.CaseStatus>().Select(Domain.Casework.CaseWorkflow.Text), "active"]);
        if (!check.IsValid)
        {
            return check.Problem();
        }

        var file = await ExportFile.WriteAsync(output => export.WriteAsync(Actor.From(user), status, mine == true, output, ct));
        return ExportFile.Answer(file, "个案", Domain.Time.ChinaTime.Today(clock));
    }

    private static async Task<Results<Created<ReferralSentResponse>, ValidationProblem, NotFoundProblem, ForbiddenProblem, ConflictProblem>> SendReferralAsync(Guid id, SendReferralRequest body, SendReferral cmd, ClaimsPrincipal user, CancellationToken ct) =>
        OutcomeResults.Answer(await cmd.RunAsync(id, Actor.From(user), body, ct), referral => TypedResults.Created($"/api/v1/referrals/{referral}", new ReferralSentResponse(referral, "sent")));

    private static async Task<Results<Ok<List<ReferralTargetResponse>>, NotFound>> ReferralTargetsAsync(Guid id, CaseQueries queries, SendReferral cmd, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await queries.GetAsync(id, Actor.From(user), ct) is not { } c)
        {
            return TypedResults.NotFound();
        }

        var targets = await cmd.TargetsAsync(c.RegionCode, ct);
        return TypedResults.Ok(targets.Select(t => new ReferralTargetResponse(t.Id, t.Name, t.Kind)).ToList());
    }

    private static async Task<Results<Created<AttachmentCreatedResponse>, ValidationProblem, NotFoundProblem, ForbiddenProblem, ConflictProblem>> UploadAsync(Guid id, HttpContext http, Attachments attachments, ClaimsPrincipal user, CancellationToken ct)
    {
        var (file, error) = await Uploads.ReadOneFileAsync(http, ct);
        if (file is null)
        {
            return error!;
        }

        await using var stream = file.OpenReadStream();
        return OutcomeResults.Answer(await attachments.AddToCaseAsync(id, Actor.From(user), file.FileName, stream, ct), AttachmentCreatedResponse.Answer);
    }

    /// <summary>The attachment's content (audited), or 404.</summary>
    public static async Task<Results<PhysicalFileHttpResult, NotFound>> DownloadAsync(Guid id, Attachments attachments, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await attachments.OpenAsync(id, Actor.From(user), ct) is not { } found)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.PhysicalFile(found.Path, found.Attachment.ContentType, found.Attachment.FileName);
    }

    private static async Task<Results<Ok<CaseCommandResponse>, ValidationProblem, NotFoundProblem, ForbiddenProblem, ConflictProblem>> AnswerAsync(Task<Outcome<Guid>> command, Guid id) =>
        OutcomeResults.Answer(await command, _ => TypedResults.Ok(new CaseCommandResponse(id, true)));

    private static async Task<Results<Created<CaseRecordCreatedResponse>, ValidationProblem, NotFoundProblem, ForbiddenProblem, ConflictProblem>> CreatedAsync(Task<Outcome<Guid>> command, Guid id) =>
        OutcomeResults.Answer(await command, created => TypedResults.Created($"/api/v1/cases/{id}", new CaseRecordCreatedResponse(created, id)));
}
