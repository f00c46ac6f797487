using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Shouhu.Data;
using Shouhu.Domain.Children;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Children;

/// <summary><c>/api/v1/children</c> (API-CONTRACT.md), with edits, family, categories, history and export.</summary>
public static class ChildrenApi
{
    /// <summary>Maps the endpoints.</summary>
    public static void MapChildrenApi(this RouteGroupBuilder api)
    {
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
        group.MapGet("/export", ExportAsync).RequireAuthorization(Policies.ReadRegistry).WithSummary("按当前筛选导出 Excel（审计）");
    }

    private static string? RoleOf(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Role);

    /// <summary>201 with Location; 400 naming each wrong field; 403 outside the jurisdiction; 409 for a registered ID number or a probable duplicate.</summary>
    public static async Task<Results<Created<ChildResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterChildRequest body, RegisterChild handler, Regions.RegionNames regionNames, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var outcome = await handler.RunAsync(body.ToInput(), body.AllowPossibleDuplicate == true, ct);
        if (Refusal(new EditOutcome(outcome.Child, outcome.Errors, false, outcome.Forbidden, outcome.Duplicate, outcome.PossibleDuplicates), outcome.ExistingId) is { } refused)
        {
            return refused;
        }

        if (outcome.Child is not { } child)
        {
            return TypedResults.ValidationProblem(outcome.Errors.ToDictionary(), title: "输入有误");
        }

        var regionName = (await regionNames.NamesAsync([child.RegionCode], ct)).GetValueOrDefault(child.RegionCode);
        return TypedResults.Created($"/api/v1/children/{child.Id}", ChildProjection.ToResponse(child, regionName, ChinaTime.Today(clock), ChildQueries.SeesFullNumbers(RoleOf(user))));
    }

    /// <summary>The record, or 404 when absent or outside the jurisdiction.</summary>
    public static async Task<Results<Ok<ChildResponse>, NotFound>> GetAsync(Guid id, ChildQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
        await queries.GetAsync(id, RoleOf(user), ct) is { } child ? TypedResults.Ok(child) : TypedResults.NotFound();

    /// <summary>Saves an edit; 409 when <c>version</c> is stale (the message names who saved meanwhile).</summary>
    public static async Task<Results<Ok<ChildResponse>, ValidationProblem, ProblemHttpResult, NotFound>> UpdateAsync(
        Guid id, RegisterChildRequest body, UpdateChild handler, ChildQueries queries, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!ChildQueries.SeesFullNumbers(RoleOf(user)))
        {
            // Editing works on the full record; roles that see it masked register and report instead.
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "无权操作", detail: "您的角色不能修改儿童档案。");
        }

        return await AnswerAsync(await handler.RunAsync(id, body.ToInput(), body.Version, body.AllowPossibleDuplicate == true, ct), id, queries, user, ct);
    }

    /// <summary>The record's history, newest first.</summary>
    public static async Task<Results<Ok<List<ChildRevisionResponse>>, NotFound>> HistoryAsync(Guid id, ChildQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
        await queries.HistoryAsync(id, RoleOf(user), ct) is { } h ? TypedResults.Ok(h) : TypedResults.NotFound();

    /// <summary>Adds a guardian or family member.</summary>
    public static async Task<Results<Ok<ChildResponse>, ValidationProblem, ProblemHttpResult, NotFound>> AddGuardianAsync(
        Guid id, GuardianInput body, GuardianEdits edits, ChildQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
        await AnswerAsync(await edits.AddAsync(id, body, ct), id, queries, user, ct);

    /// <summary>Changes a guardian or family member.</summary>
    public static async Task<Results<Ok<ChildResponse>, ValidationProblem, ProblemHttpResult, NotFound>> UpdateGuardianAsync(
        Guid id, Guid guardianId, GuardianInput body, GuardianEdits edits, ChildQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
        await AnswerAsync(await edits.UpdateAsync(id, guardianId, body, ct), id, queries, user, ct);

    /// <summary>Removes a family member record.</summary>
    public static async Task<Results<Ok<ChildResponse>, ValidationProblem, ProblemHttpResult, NotFound>> RemoveGuardianAsync(
        Guid id, Guid guardianId, GuardianEdits edits, ChildQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
        await AnswerAsync(await edits.RemoveAsync(id, guardianId, ct), id, queries, user, ct);

    /// <summary>Submits a protection category (待乡镇查验).</summary>
    public static async Task<Results<Ok<ChildResponse>, ValidationProblem, ProblemHttpResult, NotFound>> AddCategoryAsync(
        Guid id, CategoryInput body, CategoryEdits edits, ChildQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
        await AnswerAsync(await edits.AddAsync(id, body, ct), id, queries, user, ct);

    /// <summary>Moves a category along the verification chain; 403 when the role or level may not.</summary>
    public static async Task<Results<Ok<ChildResponse>, ValidationProblem, ProblemHttpResult, NotFound>> ActOnCategoryAsync(
        Guid id, Guid categoryId, string action, CategoryActionRequest? body, CategoryEdits edits, ChildQueries queries, ClaimsPrincipal user, CancellationToken ct)
    {
        var parsed = CategoryWorkflow.ParseActionText(action);
        if (parsed is null)
        {
            return TypedResults.NotFound();
        }

        return await AnswerAsync(await edits.ActAsync(id, categoryId, parsed.Value, body ?? new CategoryActionRequest(null, null), RoleOf(user) ?? string.Empty, ct), id, queries, user, ct);
    }

    /// <summary>A page of children of the jurisdiction.</summary>
    public static async Task<Ok<ChildPage>> ListAsync(ChildQueries queries, string? q, string? regionCode, string? category, string? status, int? ageMin, int? ageMax,
        string? schoolStatus, string? sort, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(new ChildFilter(q, regionCode, category, status, ageMin, ageMax, schoolStatus, sort), page, pageSize, ct));

    /// <summary>The current filter as an .xlsx file (儿童名册-yyyyMMdd.xlsx).</summary>
    public static async Task<IResult> ExportAsync(HttpContext http, ChildExport export, ClaimsPrincipal user, TimeProvider clock, string? q, string? regionCode, string? category,
        string? status, int? ageMin, int? ageMax, string? schoolStatus, string? sort, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        await export.WriteAsync(new ChildFilter(q, regionCode, category, status, ageMin, ageMax, schoolStatus, sort), RoleOf(user), buffer, ct);
        buffer.Position = 0;
        var name = $"儿童名册-{ChinaTime.Today(clock):yyyyMMdd}.xlsx";
        return TypedResults.File(buffer, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    private static async Task<Results<Ok<ChildResponse>, ValidationProblem, ProblemHttpResult, NotFound>> AnswerAsync(
        EditOutcome outcome, Guid id, ChildQueries queries, ClaimsPrincipal user, CancellationToken ct)
    {
        if (outcome.NotFound)
        {
            return TypedResults.NotFound();
        }

        if (Refusal(outcome, null) is { } refused)
        {
            return refused;
        }

        if (outcome.Child is null)
        {
            return TypedResults.ValidationProblem(outcome.Errors.ToDictionary(), title: "输入有误");
        }

        return await queries.GetAsync(id, RoleOf(user), ct) is { } child ? TypedResults.Ok(child) : TypedResults.NotFound();
    }

    private static ProblemHttpResult? Refusal(EditOutcome outcome, Guid? existingId)
    {
        if (outcome.Forbidden is { } why)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "无权操作", detail: why);
        }

        if (outcome.Conflict is { } conflict)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "记录已被他人修改", detail: conflict);
        }

        if (outcome.Duplicate is { } dup)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "重复登记", detail: dup,
                extensions: existingId is { } existing ? new Dictionary<string, object?> { ["existingId"] = existing } : null);
        }

        if (outcome.PossibleDuplicates is { Count: > 0 } fuzzy)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "可能重复",
                detail: "发现姓名相同且出生日期或监护人身份证号相同的儿童。如确认不是同一人，请带 allowPossibleDuplicate: true 再次提交。",
                extensions: new Dictionary<string, object?> { ["possibleDuplicates"] = fuzzy });
        }

        return null;
    }
}
