using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Shouhu.Data;
using Shouhu.Domain.Children;
using Shouhu.Domain.Time;
using Shouhu.Web.Features.Exports;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Children;

/// <summary><c>/api/v1/children</c> (API-CONTRACT.md), with edits, family, categories, history and export.</summary>
public static class ChildrenApi
{
    /// <summary>Maps the endpoints.</summary>
    public static void MapChildrenApi(this RouteGroupBuilder api)
    {
        // Every route that writes the register carries Policies.WriteRegistry (Roles.RegistryWriters: not hotline operators).
        var group = api.MapGroup("/children").WithTags("Children");
        group.MapPost("/", RegisterAsync).RequireAuthorization(Policies.WriteRegistry).RequireRateLimiting(RateLimits.ChildEntry).WithSummary("登记儿童");
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Policies.ReadRegistry).WithSummary("儿童档案（辖区外为404）");
        group.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization(Policies.WriteRegistry).RequireRateLimiting(RateLimits.ChildEntry).WithSummary("修改儿童档案（须带读取时的 version；保留修改记录）");
        group.MapGet("/{id:guid}/history", HistoryAsync).RequireAuthorization(Policies.ReadRegistry).WithSummary("档案修改记录");
        group.MapPost("/{id:guid}/guardians", AddGuardianAsync).RequireAuthorization(Policies.WriteRegistry).WithSummary("添加监护人/家庭成员");
        group.MapPut("/{id:guid}/guardians/{guardianId:guid}", UpdateGuardianAsync).RequireAuthorization(Policies.WriteRegistry).WithSummary("修改监护人/家庭成员");
        group.MapDelete("/{id:guid}/guardians/{guardianId:guid}", RemoveGuardianAsync).RequireAuthorization(Policies.WriteRegistry).WithSummary("删除家庭成员记录");
        group.MapPost("/{id:guid}/categories", AddCategoryAsync).RequireAuthorization(Policies.WriteRegistry).WithSummary("申报保护类别（待乡镇查验）");
        group.MapPost("/{id:guid}/categories/{categoryId:guid}/{action}", ActOnCategoryAsync).RequireAuthorization(Policies.WriteRegistry)
            .WithSummary("类别核查：township-verify（乡镇查验）、confirm（县级确认）、reject（不予确认）、exit（退出）");
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.ReadRegistry).WithSummary("辖区内儿童列表");
        group.MapGet("/export", ExportAsync).RequireAuthorization(Policies.ReadRegistry)
            .WithSummary("按当前筛选导出 Excel（审计）；超过 100,000 行或 Prefer: respond-async 时后台生成：202，Location 为 /api/v1/exports/{id}")
            .ProducesXlsx().Produces<ExportAccepted>(StatusCodes.Status202Accepted);
    }

    private static string? RoleOf(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Role);

    /// <summary>201 with Location; 400 naming each wrong field; 403 outside the jurisdiction; 409 for a registered ID number or a probable duplicate.</summary>
    public static async Task<Results<Created<ChildResponse>, ValidationProblem, NotFoundProblem, ForbiddenProblem, ConflictProblem>> RegisterAsync(
        RegisterChildRequest body, RegisterChild handler, ChildQueries queries, ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await handler.RunAsync(body.ToInput(), body.AllowPossibleDuplicate == true, ct);
        return await OutcomeResults.AnswerAsync(Shown(outcome, user), async child =>
            TypedResults.Created($"/api/v1/children/{child.Id}", await queries.ResponseAsync(child, RoleOf(user), ct)));
    }

    /// <summary>The record, or 404 when absent or outside the jurisdiction.</summary>
    public static async Task<Results<Ok<ChildResponse>, NotFound>> GetAsync(Guid id, ChildQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
        await queries.GetAsync(id, RoleOf(user), ct) is { } child ? TypedResults.Ok(child) : TypedResults.NotFound();

    /// <summary>Saves an edit; 409 when <c>version</c> is stale (the message names who saved meanwhile).</summary>
    public static async Task<Results<Ok<ChildResponse>, ValidationProblem, NotFoundProblem, ForbiddenProblem, ConflictProblem>> UpdateAsync(
        Guid id, RegisterChildRequest body, UpdateChild handler, ChildQueries queries, ClaimsPrincipal user, CancellationToken ct)
        => await AnswerAsync(await handler.RunAsync(id, body.ToInput(), body.Version, body.AllowPossibleDuplicate == true, ct), id, queries, user, ct);

    /// <summary>The record's history, newest first.</summary>
    public static async Task<Results<Ok<List<ChildRevisionResponse>>, NotFound>> HistoryAsync(Guid id, ChildQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
        await queries.HistoryAsync(id, RoleOf(user), ct) is { } h ? TypedResults.Ok(h) : TypedResults.NotFound();

    /// <summary>Adds a guardian or family member.</summary>
    public static async Task<Results<Ok<ChildResponse>, ValidationProblem, NotFoundProblem, ForbiddenProblem, ConflictProblem>> AddGuardianAsync(
        Guid id, GuardianInput body, GuardianEdits edits, ChildQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
        await AnswerAsync(await edits.AddAsync(id, body, ct), id, queries, user, ct);

    /// <summary>Changes a guardian or family member: a full replacement of its fields, with the <c>version</c> read (400 missing, 409 stale, naming who changed it).</summary>
    public static async Task<Results<Ok<ChildResponse>, ValidationProblem, NotFoundProblem, ForbiddenProblem, ConflictProblem>> UpdateGuardianAsync(
        Guid id, Guid guardianId, GuardianInput body, GuardianEdits edits, ChildQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
        await AnswerAsync(await edits.UpdateAsync(id, guardianId, body, ct), id, queries, user, ct);

    /// <summary>Removes a family member record; <c>?version=</c> the guardian's version as read (400 missing, 409 stale).</summary>
    public static async Task<Results<Ok<ChildResponse>, ValidationProblem, NotFoundProblem, ForbiddenProblem, ConflictProblem>> RemoveGuardianAsync(
        Guid id, Guid guardianId, Guid? version, GuardianEdits edits, ChildQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
        await AnswerAsync(await edits.RemoveAsync(id, guardianId, version, ct), id, queries, user, ct);

    /// <summary>Submits a protection category (待乡镇查验).</summary>
    public static async Task<Results<Ok<ChildResponse>, ValidationProblem, NotFoundProblem, ForbiddenProblem, ConflictProblem>> AddCategoryAsync(
        Guid id, CategoryInput body, CategoryEdits edits, ChildQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
        await AnswerAsync(await edits.AddAsync(id, body, ct), id, queries, user, ct);

    /// <summary>Moves a category along the verification chain (with its <c>version</c>); 403 when the role, level or person may not, 409 when the status does not allow it or the version is stale.</summary>
    public static async Task<Results<Ok<ChildResponse>, ValidationProblem, NotFoundProblem, ForbiddenProblem, ConflictProblem>> ActOnCategoryAsync(
        Guid id, Guid categoryId, string action, CategoryActionRequest? body, CategoryEdits edits, ChildQueries queries, ClaimsPrincipal user, CancellationToken ct)
    {
        var parsed = CategoryWorkflow.ParseActionText(action);
        if (parsed is null)
        {
            return new NotFoundProblem("未找到", "未找到该记录或页面。");
        }

        return await AnswerAsync(await edits.ActAsync(id, categoryId, parsed.Value, body ?? new CategoryActionRequest(null, null), RoleOf(user) ?? string.Empty, ct), id, queries, user, ct);
    }

    /// <summary>A page of children of the jurisdiction; 400 naming a filter parameter whose value is unknown (<see cref="ChildFilter.Problems"/>).</summary>
    public static async Task<Results<Ok<ChildPage>, ValidationProblem>> ListAsync(ChildQueries queries, string? q, string? regionCode, string? category, string? status, int? ageMin, int? ageMax,
        string? schoolStatus, string? sort, int? page, int? pageSize, CancellationToken ct)
    {
        var filter = new ChildFilter(q, regionCode, category, status, ageMin, ageMax, schoolStatus, sort);
        if (filter.Problems() is { IsEmpty: false } problems)
        {
            return TypedResults.ValidationProblem(problems.ToDictionary(), title: "筛选条件有误");
        }

        return TypedResults.Ok(await queries.ListAsync(filter, page, pageSize, ct));
    }

    /// <summary>
    /// The current filter as an .xlsx file (儿童名册-yyyyMMdd.xlsx), masked by default (<see cref="PersonalDataPolicy.ForExport"/>):
    /// <c>fullIdNumbers=true</c> and <c>includeCategories=true</c> each need a <c>purpose</c> (用途, ≤200 characters; 400
    /// naming it) and a role that may (403). 400 naming a filter parameter whose value is unknown. More than
    /// <see cref="ExportLimits.DirectRows"/> rows, or <c>Prefer: respond-async</c> (RFC 7240): 202 with
    /// <c>Location: /api/v1/exports/{id}</c> and <c>{id, status, rowsTotal}</c> — the file is written in the background
    /// (ADR-016); 409 when the caller has <see cref="StartExport.MaxUnfinished"/> exports running.
    /// </summary>
    public static async Task<Results<FileStreamHttpResult, Accepted<ExportAccepted>, ValidationProblem, ForbiddenProblem, ConflictProblem>> ExportAsync(ChildExport export, StartExport start, ExportLimits limits, HttpContext http, ClaimsPrincipal user, TimeProvider clock, string? q, string? regionCode, string? category,
        string? status, int? ageMin, int? ageMax, string? schoolStatus, string? sort, bool? fullIdNumbers, bool? includeCategories, string? purpose, CancellationToken ct)
    {
        var filter = new ChildFilter(q, regionCode, category, status, ageMin, ageMax, schoolStatus, sort);
        if (filter.Problems() is { IsEmpty: false } problems)
        {
            return TypedResults.ValidationProblem(problems.ToDictionary(), title: "筛选条件有误");
        }

        var (view, forbidden, purposeProblem, stated) = PersonalDataPolicy.ForExport(RoleOf(user), new ExportRequest(fullIdNumbers == true, includeCategories == true, purpose));
        if (forbidden is not null)
        {
            return OutcomeResults.Forbidden(forbidden);
        }

        if (purposeProblem is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["purpose"] = [purposeProblem] }, title: "输入有误");
        }

        var rows = await export.CountAsync(filter, ct);
        if (rows > limits.DirectRows || ExportFile.PrefersAsync(http.Request))
        {
            var job = await ChildBackgroundExport.StartAsync(start, filter, new ExportRequest(fullIdNumbers == true, includeCategories == true, stated), RoleOf(user) ?? string.Empty, rows, ct);
            return job is null
                ? new ConflictProblem("导出未开始", StartExport.TooMany)
                : TypedResults.Accepted($"/api/v1/exports/{job.Id}", new ExportAccepted(job.Id, ExportStatusQuery.StatusName(job.Status), job.RowsTotal));
        }

        var file = await ExportFile.WriteAsync(output => export.WriteAsync(filter, view, stated, output, ct));
        return ExportFile.Answer(file, ChildExport.FileName(view), ChinaTime.Today(clock));
    }

    // The record as the caller now reads it, or the refusal; possible duplicates as the caller's role may see them.
    private static async Task<Results<Ok<ChildResponse>, ValidationProblem, NotFoundProblem, ForbiddenProblem, ConflictProblem>> AnswerAsync(
        Outcome<Child> outcome, Guid id, ChildQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
        OutcomeResults.Answer(
            outcome.Refusal is { } refusal ? Shown<ChildResponse>(refusal, user) : await queries.GetAsync(id, RoleOf(user), ct) is { } child ? Outcome.Done(child) : Outcome.NotFound,
            TypedResults.Ok);

    private static Outcome<T> Shown<T>(Outcome<T> outcome, ClaimsPrincipal user) =>
        DuplicateRefusals.Shown(outcome, PersonalDataPolicy.For(RoleOf(user), OutputChannel.DuplicateCheck));
}
