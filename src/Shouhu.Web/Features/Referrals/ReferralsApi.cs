using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Shouhu.Domain.Casework;
using Shouhu.Web.Features.Cases;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Referrals;

/// <summary>A list of referrals: <c>{items, total}</c>.</summary>
public sealed record ReferralList(IReadOnlyList<ReferralListItem> Items, int Total);

/// <summary><c>/api/v1/referrals</c> (API-CONTRACT.md): the receiver's inbox and actions; the sender's outgoing list.</summary>
public static class ReferralsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static void MapReferralsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/referrals").WithTags("Referrals").RequireAuthorization(Policies.Referrals);
        g.MapGet("/", (ReferralInbox inbox, ClaimsPrincipal u, string? box, string? status, CancellationToken ct) => ListAsync(inbox, u, box, status, ct))
            .WithSummary("box=inbox（发给本机构的，默认）或 outgoing（我承办/督导的案件发出的，逾期在前）");
        g.MapGet("/export", ExportAsync).WithSummary("按 box、status 导出转介列表 Excel（与列表同一查询、同一权限；审计）").ProducesXlsx();
        g.MapGet("/{id:guid}", GetAsync).WithSummary("转介（接收方只看到转介内容和儿童基本信息）");
        g.MapPost("/{id:guid}/accept", (Guid id, ReferralNoteRequest? body, ReferralInbox inbox, ClaimsPrincipal u, CancellationToken ct) => ActAsync(id, ReferralAction.Accept, body, inbox, u, ct)).WithSummary("接收");
        g.MapPost("/{id:guid}/decline", (Guid id, ReferralNoteRequest? body, ReferralInbox inbox, ClaimsPrincipal u, CancellationToken ct) => ActAsync(id, ReferralAction.Decline, body, inbox, u, ct)).WithSummary("拒绝（note 为理由）");
        g.MapPost("/{id:guid}/progress", (Guid id, ReferralNoteRequest? body, ReferralInbox inbox, ClaimsPrincipal u, CancellationToken ct) => ActAsync(id, ReferralAction.Progress, body, inbox, u, ct)).WithSummary("记录办理情况");
        g.MapPost("/{id:guid}/attachments", UploadAsync).DisableAntiforgery()
            .WithSummary("接收机构上传办理材料（如告诫书；接收后、办结后均可；图片、PDF、Office 文档、录音；≤20 MB；按内容识别）");
        g.MapPost("/{id:guid}/complete", (Guid id, ReferralNoteRequest? body, ReferralInbox inbox, ClaimsPrincipal u, CancellationToken ct) => ActAsync(id, ReferralAction.Complete, body, inbox, u, ct)).WithSummary("办结（note 为反馈）");
    }

    private static async Task<Results<Ok<ReferralList>, ValidationProblem>> ListAsync(ReferralInbox inbox, ClaimsPrincipal user, string? box, string? status, CancellationToken ct)
    {
        var check = new ListParameters().OneOf("box", box, ["inbox", "outgoing"]).OneOf("status", status, Enum.GetValues<ReferralStatus>().Select(Referral.StatusText));
        if (!check.IsValid)
        {
            return check.Problem();
        }

        var items = await inbox.ListAsync(Actor.From(user), box, status, ct);
        return TypedResults.Ok(new ReferralList(items, items.Count));
    }

    // The list's own check of box and status; the same rows as the list (ExportReferrals).
    internal static async Task<Results<FileStreamHttpResult, ValidationProblem>> ExportAsync(ExportReferrals export, ClaimsPrincipal user, TimeProvider clock, string? box, string? status, CancellationToken ct)
    {
        var check = new ListParameters().OneOf("box", box, ["inbox", "outgoing"]).OneOf("status", status, Enum.GetValues<ReferralStatus>().Select(Referral.StatusText));
        if (!check.IsValid)
        {
            return check.Problem();
        }

        var file = await ExportFile.WriteAsync(output => export.WriteAsync(Actor.From(user), box, status, output, ct));
        return ExportFile.Answer(file, "转介", Domain.Time.ChinaTime.Today(clock));
    }

    private static async Task<Results<Ok<ReferralView>, NotFound>> GetAsync(Guid id, ReferralInbox inbox, ClaimsPrincipal user, CancellationToken ct) =>
        await inbox.GetAsync(id, user, ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound();

    private static async Task<Results<Created<AttachmentCreatedResponse>, ValidationProblem, NotFoundProblem, ForbiddenProblem, ConflictProblem>> UploadAsync(Guid id, HttpContext http, AddReferralFile addFile, ClaimsPrincipal user, CancellationToken ct)
    {
        var (file, error) = await Uploads.ReadOneFileAsync(http, ct);
        if (file is null)
        {
            return error!;
        }

        await using var stream = file.OpenReadStream();
        return OutcomeResults.Answer(await addFile.RunAsync(id, Actor.From(user), file.FileName, stream, ct), AttachmentCreatedResponse.Answer);
    }

    private static async Task<Results<Ok<ReferralStatusResponse>, ValidationProblem, NotFoundProblem, ForbiddenProblem, ConflictProblem>> ActAsync(Guid id, ReferralAction action, ReferralNoteRequest? body, ReferralInbox inbox, ClaimsPrincipal user, CancellationToken ct) =>
        OutcomeResults.Answer(await inbox.ActAsync(id, action, user, body ?? new ReferralNoteRequest(null), ct), TypedResults.Ok);
}
