using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Prevention;

/// <summary>A page of prevention activities: <c>{items, total}</c> (50 a page).</summary>
public sealed record PreventionPage(IReadOnlyList<PreventionResponse> Items, int Total);

/// <summary><c>/api/v1/prevention-activities</c> and <c>/api/v1/children/{id}/prevention</c>.</summary>
public static class PreventionApi
{
    /// <summary>Maps the endpoints.</summary>
    public static void MapPreventionApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/prevention-activities").WithTags("Prevention").RequireAuthorization(Policies.WriteRegistry);
        g.MapPost("/", async Task<Results<Created<PreventionResponse>, ValidationProblem>> (PreventionRequest body, PreventionActivities p, ClaimsPrincipal u, CancellationToken ct) =>
        {
            var (activity, errors) = await p.RecordAsync(body, Actor.From(u), ct);
            return activity is null ? OutcomeResults.Invalid(errors) : TypedResults.Created($"/api/v1/prevention-activities/{activity.Id}", activity);
        }).WithSummary("登记预防教育活动（防溺水、防性侵、防欺凌、家庭教育）及参加的儿童");
        g.MapGet("/", async Task<Results<Ok<PreventionPage>, ValidationProblem>> (int? page, PreventionActivities p, CancellationToken ct) =>
        {
            var check = new ListParameters().Paging(page, null, 50);
            if (!check.IsValid)
            {
                return check.Problem();
            }

            var (items, total) = await p.ListAsync(page, ct);
            return TypedResults.Ok(new PreventionPage(items, total));
        }).WithSummary("辖区内的预防教育活动（每页50条）");
        api.MapGet("/children/{id:guid}/prevention", async Task<Results<Ok<List<PreventionResponse>>, NotFound>> (Guid id, PreventionActivities p, CancellationToken ct) =>
            await p.OfChildAsync(id, ct, audited: true) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound())
            .RequireAuthorization(Policies.ReadRegistry).WithTags("Prevention").WithSummary("儿童参加过的预防教育活动");
    }
}
