using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain;
using Shouhu.Domain.Monitoring;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Alerts;

/// <summary>An alert in the API (API-CONTRACT.md): <c>{id, rule, severity, childId?, caseId?, assigneeId?, dueAt, status}</c> and its message.</summary>
public sealed record AlertResponse(Guid Id, string Rule, string Severity, Guid? ChildId, Guid? CaseId, string? AssigneeId, DateTimeOffset DueAt, string Status, string Message, string RegionCode);

/// <summary>A page of alerts: <c>{items, total}</c>.</summary>
public sealed record AlertPage(IReadOnlyList<AlertResponse> Items, int Total);

/// <summary>
/// Answer of <c>POST /api/v1/alerts/run</c>: alerts created and closed by the run and open after it — all inside the
/// caller's jurisdiction — and the run's duration in milliseconds.
/// </summary>
public sealed record AlertRunResponse(int Created, int Closed, int Open, long ElapsedMs);

/// <summary><c>POST /api/v1/alerts/run</c> (SystemAdmin) and <c>GET /api/v1/alerts</c> (within the caller's jurisdiction).</summary>
public static class AlertsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static void MapAlertsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/alerts").WithTags("Alerts");
        g.MapPost("/run", RunAsync).RequireAuthorization(Policies.SystemAdmin)
            .WithSummary("在本辖区立即运行全部预警规则（幂等，计数只含本辖区）；childId= 只运行该儿童的规则（辖区外的儿童为404）");
        g.MapGet("/", ListAsync).RequireAuthorization(Policies.SignedIn).WithSummary("辖区内的预警");
        g.MapGet("/export", ExportAsync).RequireAuthorization(Policies.SignedIn).WithSummary("按 childId、caseId、rule、status 导出预警列表 Excel（与列表同一查询、同一权限；审计）").ProducesXlsx();
    }

    // The scheduled run covers everything; an administrator's run acts inside their own jurisdiction only.
    private static async Task<Results<Ok<AlertRunResponse>, NotFound>> RunAsync(AlertEngine engine, ShouhuDbContext db, ClaimsPrincipal u, Guid? childId, CancellationToken ct)
    {
        var actor = Actor.From(u);
        if (childId is { } id && !await db.Children.AnyAsync(c => c.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        var r = await engine.RunAsync(actor.Id, actor.UserName, childId, actor.Jurisdiction, ct);
        return TypedResults.Ok(new AlertRunResponse(r.Created, r.Closed, r.Open, r.ElapsedMs));
    }

    private static async Task<Results<Ok<AlertPage>, ValidationProblem>> ListAsync(ShouhuDbContext db, ClaimsPrincipal user, Guid? childId, Guid? caseId, string? rule, string? status, int? page, int? pageSize, CancellationToken ct)
    {
        var check = new ListParameters().Paging(page, pageSize, 200).OneOf("status", status, ["open", "closed", "all"]);
        if (!check.IsValid)
        {
            return check.Problem();
        }

        var (q, problem) = Listed(db, Actor.From(user), childId, caseId, rule, status);
        if (q is null)
        {
            return problem!;
        }

        var size = Math.Clamp(pageSize ?? 50, 1, 200);
        var number = Math.Clamp(page ?? 1, 1, 100_000);
        var total = await q.CountAsync(ct);
        var rows = await q.Skip((number - 1) * size).Take(size).ToListAsync(ct);
        db.RecordAudit("List", "Alert", null, db.Caller.JurisdictionCode ?? string.Empty, $"rows={rows.Count}", children: rows.Where(a => a.ChildId != null).Select(a => a.ChildId!.Value));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new AlertPage(rows.Select(Item).ToList(), total));
    }

    // The list's filters, checked, and its order; the same rows, every page, as the list (ExportAlerts).
    internal static async Task<Results<FileStreamHttpResult, ValidationProblem>> ExportAsync(ShouhuDbContext db, ExportAlerts export, ClaimsPrincipal user, TimeProvider clock, Guid? childId, Guid? caseId, string? rule, string? status, CancellationToken ct)
    {
        var (q, problem) = Listed(db, Actor.From(user), childId, caseId, rule, status);
        if (q is null)
        {
            return problem!;
        }

        var file = await ExportFile.WriteAsync(output => export.WriteAsync(q, (childId, caseId, rule, status), output, ct));
        return ExportFile.Answer(file, "预警", ChinaTime.Today(clock));
    }

    /// <summary>An alert as the list shows it.</summary>
    public static AlertResponse Item(Alert a) => new(a.Id, a.Rule.ToString(), a.Severity.ToString().ToLowerInvariant(), a.ChildId, a.CaseId, a.AssigneeId,
        ChinaTime.ToChina(a.DueAt), a.IsOpen ? "open" : "closed", a.Message, a.RegionCode);

    // The list's query, most severe first then by due time: the workbench's own (AlertList: open alerts the caller sees),
    // widened to closed ones when asked; a status or rule that is not known is a 400 naming it.
    private static (IQueryable<Alert>? Query, ValidationProblem? Problem) Listed(ShouhuDbContext db, Actor actor, Guid? childId, Guid? caseId, string? rule, string? status)
    {
        var check = new ListParameters().OneOf("status", status, ["open", "closed", "all"]);
        if (!check.IsValid)
        {
            return (null, check.Problem());
        }

        var q = status is "closed" or "all"
            ? (Domain.Accounts.Roles.RegistryReaders.Contains(actor.Role) ? db.Alerts.AsNoTracking() : db.Alerts.AsNoTracking().Where(a => a.AssigneeId == actor.Id))
            : AlertList.Open(db, actor);

        if (childId is { } c)
        {
            q = q.Where(a => a.ChildId == c);
        }

        if (caseId is { } k)
        {
            q = q.Where(a => a.CaseId == k);
        }

        if (!string.IsNullOrWhiteSpace(rule))
        {
            if (!EnumName.TryParse<AlertRule>(rule, out var r))
            {
                return (null, TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["rule"] = ["未知的预警规则"] }, title: "输入有误"));
            }

            q = q.Where(a => a.Rule == r);
        }

        q = (status ?? "open") switch
        {
            "open" => q.Where(a => a.IsOpen),
            "closed" => q.Where(a => !a.IsOpen),
            _ => q,
        };
        return (q.OrderByDescending(a => a.Severity).ThenBy(a => a.DueAt).ThenBy(a => a.Id), null);
    }
}
