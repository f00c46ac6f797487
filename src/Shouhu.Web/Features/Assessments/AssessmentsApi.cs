using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Assessments;

/// <summary>
/// API-CONTRACT.md assessment endpoints: <c>GET /api/v1/assessment-instruments/current</c>, a new instrument version,
/// and <c>POST /api/v1/children/{id}/assessments</c>, with its list.
/// </summary>
public static class AssessmentsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static void MapAssessmentsApi(this RouteGroupBuilder api)
    {
        var instruments = api.MapGroup("/assessment-instruments").WithTags("Assessments");
        instruments.MapGet("/current", async Task<Results<Ok<InstrumentResponse>, ValidationProblem>> (Instruments i, ClaimsPrincipal u, string? regionCode, CancellationToken ct) =>
        {
            var (city, errors) = Instruments.CityAskedBy(Actor.From(u), regionCode);
            if (city is null)
            {
                return OutcomeResults.Invalid(errors);
            }

            var (row, definition) = await i.CurrentAsync(city, ct);
            return TypedResults.Ok(Instruments.ToResponse(row, definition));
        }).RequireAuthorization(Policies.SignedIn).WithSummary("本市当前的监护风险评估量表（维度、题目、选项分值、阈值）；市级以上须以 regionCode= 指定辖区内的市");
        instruments.MapPost("/", async (NewInstrumentRequest body, Instruments i, ClaimsPrincipal u, CancellationToken ct) =>
            OutcomeResults.Answer(await i.CreateVersionAsync(body, Actor.From(u), ct), row =>
                TypedResults.Created($"/api/v1/assessment-instruments/current?regionCode={row.CityCode}", Instruments.ToResponse(row, Domain.Monitoring.InstrumentDefinition.FromJson(row.DefinitionJson)))))
            .RequireAuthorization(Policies.ManageInstruments).WithSummary("发布本市量表的新版本（市级民政干部；省级须以 regionCode 指定市；已用版本不可修改）");

        var children = api.MapGroup("/children").WithTags("Assessments");
        children.MapPost("/{id:guid}/assessments", async (Guid id, AssessmentRequest body, AssessChild handler, ClaimsPrincipal u, CancellationToken ct) =>
            OutcomeResults.Answer(await handler.RunAsync(id, body, Actor.From(u), ct), response => TypedResults.Created($"/api/v1/children/{id}/assessments", response)))
            .RequireAuthorization(Policies.Monitor).WithSummary("监护风险评估（缺答题目返回400并指明；emergencyOverride 直接评为高风险）");
        children.MapGet("/{id:guid}/assessments", async Task<Results<Ok<List<AssessmentResponse>>, NotFound>> (Guid id, AssessChild handler, CancellationToken ct) =>
            await handler.ListAsync(id, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound()).RequireAuthorization(Policies.ReadRegistry).WithSummary("评估记录");
    }
}
