using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Shouhu.Data;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Visits;

/// <summary>
/// API-CONTRACT.md visit endpoints: <c>POST /api/v1/children/{id}/visits</c> with its list, and <c>GET /api/v1/visits/due</c>.
/// </summary>
public static class VisitsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static void MapVisitsApi(this RouteGroupBuilder api)
    {
        var children = api.MapGroup("/children").WithTags("Assessments");
        children.MapPost("/{id:guid}/visits", async (Guid id, VisitRequest body, RecordVisit handler, ClaimsPrincipal u, CancellationToken ct) =>
            OutcomeResults.Answer(await handler.RunAsync(id, body, Actor.From(u), ct), response => TypedResults.Created($"/api/v1/children/{id}/visits", response)))
            .RequireAuthorization(Policies.Monitor).WithSummary("登记走访（走访时间不能晚于现在；可同时发起报告）");
        children.MapGet("/{id:guid}/visits", async Task<Results<Ok<List<VisitResponse>>, NotFound>> (Guid id, RecordVisit handler, CancellationToken ct) =>
            await handler.ListAsync(id, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound()).RequireAuthorization(Policies.ReadRegistry).WithSummary("走访记录");
        api.MapGet("/visits/due", async Task<Results<Ok<DueVisitPage>, ValidationProblem>> (int? page, int? pageSize, string? regionCode, DueVisitList q, ShouhuDbContext db, CancellationToken ct) =>
        {
            var check = new ListParameters().Paging(page, pageSize, 500).Region("regionCode", regionCode);
            if (!check.IsValid)
            {
                return check.Problem();
            }

            var result = await q.PageAsync(page, pageSize, ct, regionCode);
            db.RecordAudit("List", "Child", null, db.Caller.JurisdictionCode ?? string.Empty, $"due-visits;rows={result.Items.Count}", children: result.Items.Select(v => v.ChildId));
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(result);
        }).RequireAuthorization(Policies.ReadRegistry).WithTags("Workbench").WithSummary("7天内到期及逾期的走访");
        api.MapGet("/visits/due/export", ExportDueAsync).RequireAuthorization(Policies.ReadRegistry).WithTags("Workbench").WithSummary("按 regionCode 导出到期走访 Excel（与列表同一查询、同一权限；审计）").ProducesXlsx();
    }

    // The due list's own check of regionCode; the same rows as the list (ExportDueVisits).
    internal static async Task<Results<FileStreamHttpResult, ValidationProblem>> ExportDueAsync(string? regionCode, ExportDueVisits export, TimeProvider clock, CancellationToken ct)
    {
        var check = new ListParameters().Region("regionCode", regionCode);
        if (!check.IsValid)
        {
            return check.Problem();
        }

        var file = await ExportFile.WriteAsync(output => export.WriteAsync(regionCode, output, ct));
        return ExportFile.Answer(file, "到期走访", Domain.Time.ChinaTime.Today(clock));
    }
}
