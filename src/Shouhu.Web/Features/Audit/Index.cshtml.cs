using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Shouhu.Data;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Audit;

/// <summary>The audit trail of the administrator's jurisdiction, newest first.</summary>
[Authorize(Policy = Policies.SystemAdmin)]
public sealed class IndexModel(ShouhuDbContext db) : PageModel
{
    public string? Entity { get; private set; }
    public string? EntityId { get; private set; }
    public string? Actor { get; private set; }
    public int Total { get; private set; }
    public List<AuditApi.AuditEntryResponse> Items { get; private set; } = [];

    public async Task OnGetAsync(string? entity, string? entityId, string? actor, int? page, CancellationToken ct)
    {
        (Entity, EntityId, Actor) = (entity, entityId, actor);
        (Items, Total, _, _) = await AuditApi.SearchAsync(db, null, entity, entityId, actor, null, page, 100, ct);
    }
}
