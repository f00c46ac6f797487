using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Accounts;
using Shouhu.Domain.Monitoring;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Alerts;

/// <summary>The open alerts a caller sees — the list <c>/api/v1/alerts?status=open</c>, the page and the workbench count.</summary>
public static class AlertList
{
    /// <summary>The open alerts a caller sees: of the jurisdiction for the register's roles, else those assigned to them.</summary>
    public static IQueryable<Alert> Open(ShouhuDbContext db, Actor actor)
    {
        var q = db.Alerts.AsNoTracking().Where(a => a.IsOpen);
        // Administrators run the engine but are not readers of the register: like everyone outside it, only what names them.
        return Roles.RegistryReaders.Contains(actor.Role) ? q : q.Where(a => a.AssigneeId == actor.Id);
    }
}
