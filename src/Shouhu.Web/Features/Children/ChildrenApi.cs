using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Shouhu.Data;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Children;

/// <summary><c>/api/v1/children</c> (API-CONTRACT.md).</summary>
public static class ChildrenApi
{
    /// <summary>Maps the endpoints.</summary>
    public static void MapChildrenApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/children").WithTags("Children");
        group.MapPost("/", RegisterAsync).RequireAuthorization(Policies.WriteRegistry).WithSummary("登记儿童");
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Policies.ReadRegistry).WithSummary("儿童档案（辖区外为404）");
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.ReadRegistry).WithSummary("辖区内儿童列表");
    }

    /// <summary>201 with Location; 400 naming each wrong field; 403 outside the jurisdiction; 409 for a registered ID number.</summary>
    public static async Task<Results<Created<ChildResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterChildRequest body, RegisterChild handler, ShouhuDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var outcome = await handler.RunAsync(body.ToInput(), ct);
        if (outcome.Forbidden is { } why)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "无权操作", detail: why);
        }

        if (outcome.Duplicate is { } dup)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "重复登记", detail: dup,
                extensions: outcome.ExistingId is { } existing ? new Dictionary<string, object?> { ["existingId"] = existing } : null);
        }

        if (outcome.Child is not { } child)
        {
            return TypedResults.ValidationProblem(outcome.Errors.ToDictionary(), title: "输入有误");
        }

        var regionName = db.Regions.Where(r => r.Code == child.RegionCode).Select(r => r.Name).FirstOrDefault();
        var full = user.FindFirstValue(ClaimTypes.Role) is { } role && Domain.Accounts.Roles.FullIdNumberReaders.Contains(role);
        return TypedResults.Created($"/api/v1/children/{child.Id}", ChildProjection.ToResponse(child, regionName, ChinaTime.Today(clock), full));
    }

    /// <summary>The record, or 404 when absent or outside the jurisdiction.</summary>
    public static async Task<Results<Ok<ChildResponse>, NotFound>> GetAsync(Guid id, ChildQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
        await queries.GetAsync(id, user.FindFirstValue(ClaimTypes.Role), ct) is { } child ? TypedResults.Ok(child) : TypedResults.NotFound();

    /// <summary>A page of children of the jurisdiction.</summary>
    public static async Task<Ok<ChildPage>> ListAsync(ChildQueries queries, string? q, string? regionCode, string? category, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(q, regionCode, category, page, pageSize, ct));
}
