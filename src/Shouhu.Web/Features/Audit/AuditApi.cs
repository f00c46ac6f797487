using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Audit;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Audit;

/// <summary><c>GET /api/v1/audit</c>: the audit trail of the caller's jurisdiction (SystemAdmin only).</summary>
public static class AuditApi
{
    /// <summary>One audit entry as the API shows it; <c>at</c> carries the +08:00 offset.</summary>
    public sealed record AuditEntryResponse(long Sequence, string Actor, string ActorId, string Action, string Entity, string? EntityId, string RegionCode, DateTimeOffset At, string? ClientAddress, string? Detail, string Hash);

    /// <summary>A page of entries, newest first.</summary>
    public sealed record AuditPage(IReadOnlyList<AuditEntryResponse> Items, int Total, int Page, int PageSize);

    /// <summary>Maps the endpoints.</summary>
    public static void MapAuditApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/audit").WithTags("Audit").RequireAuthorization(Policies.SystemAdmin);
        group.MapGet("/", QueryAsync).WithSummary("审计记录查询 (SystemAdmin)");
    }

    /// <summary>Filters by child, entity, actor or action; pages of at most 200.</summary>
    public static async Task<Ok<AuditPage>> QueryAsync(ShouhuDbContext db, Guid? childId, string? entity, string? entityId, string? actor, string? action, int? page, int? pageSize, CancellationToken ct)
    {
        var (items, total, p, size) = await SearchAsync(db, childId, entity, entityId, actor, action, page, pageSize, ct);
        return TypedResults.Ok(new AuditPage(items, total, p, size));
    }

    /// <summary>The query shared by the API and the audit page.</summary>
    public static async Task<(List<AuditEntryResponse> Items, int Total, int Page, int PageSize)> SearchAsync(
        ShouhuDbContext db, Guid? childId, string? entity, string? entityId, string? actor, string? action, int? page, int? pageSize, CancellationToken ct)
    {
        IQueryable<AuditEntry> q = db.AuditEntries.AsNoTracking();
        if (childId is { } id)
        {
            // The child's own file, and its casework: the cases, reports, referrals and attachments about the child.
            var s = id.ToString();
            var cases = await db.Beyond<Shouhu.Domain.Casework.Case>(JurisdictionBypass.AuditTrail).Where(c => c.ChildId == id).Select(c => c.Id).ToListAsync(ct);
            var reports = await db.Beyond<Shouhu.Domain.Casework.Report>(JurisdictionBypass.AuditTrail).Where(r => r.ChildId == id || (r.CaseId != null && cases.Contains(r.CaseId.Value))).Select(r => r.Id).ToListAsync(ct);
            var referrals = await db.Beyond<Shouhu.Domain.Casework.Referral>(JurisdictionBypass.AuditTrail).Where(r => cases.Contains(r.CaseId)).Select(r => r.Id).ToListAsync(ct);
            var files = await db.Beyond<Shouhu.Domain.Casework.Attachment>(JurisdictionBypass.AuditTrail).Where(a => (a.CaseId != null && cases.Contains(a.CaseId.Value)) || (a.ReportId != null && reports.Contains(a.ReportId.Value))).Select(a => a.Id).ToListAsync(ct);
            var caseIds = cases.Select(c => c.ToString()).ToList();
            var reportIds = reports.Select(r => r.ToString()).ToList();
            var referralIds = referrals.Select(r => r.ToString()).ToList();
            var fileIds = files.Select(f => f.ToString()).ToList();
            // …and every list page and export that held the child (AuditChildren, by child id).
            q = q.Where(a => (a.Entity == "Child" && a.EntityId == s)
                || db.AuditChildren.Any(c => c.ChildId == id && c.Sequence == a.Sequence)
                || (a.Entity == "Case" && caseIds.Contains(a.EntityId!))
                || (a.Entity == "Report" && reportIds.Contains(a.EntityId!))
                || (a.Entity == "Referral" && referralIds.Contains(a.EntityId!))
                || (a.Entity == "Attachment" && fileIds.Contains(a.EntityId!)));
        }

        if (!string.IsNullOrWhiteSpace(entity))
        {
            q = q.Where(a => a.Entity == entity);
        }

        if (!string.IsNullOrWhiteSpace(entityId))
        {
            q = q.Where(a => a.EntityId == entityId);
        }

        if (!string.IsNullOrWhiteSpace(actor))
        {
            q = q.Where(a => a.ActorName == actor);
        }

        if (!string.IsNullOrWhiteSpace(action))
        {
            q = q.Where(a => a.Action == action);
        }

        var size = Math.Clamp(pageSize ?? 50, 1, 200);
        var p = Math.Clamp(page ?? 1, 1, 1_000_000);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(a => a.Sequence).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        var items = rows.Select(a => new AuditEntryResponse(a.Sequence, a.ActorName, a.ActorId, a.Action, a.Entity, a.EntityId, a.RegionCode,
            ChinaTime.ToChina(a.At), a.ClientAddress, a.Detail, a.Hash)).ToList();
        return (items, total, p, size);
    }
}
