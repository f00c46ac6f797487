using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Children;
using Shouhu.Domain.Time;
using Shouhu.Domain;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Cases;

/// <summary>Links the registered child to a case opened on a child still unknown.</summary>
public sealed class IdentifyCaseChild(CaseWork work, ShouhuDbContext db)
{
    /// <summary>Runs it: done, or the refusal as an <see cref="Outcome{T}"/> of the case id (404 not found, 403, 409 state or version, 400 naming the field).</summary>
    public async Task<Outcome<Guid>> RunAsync(Guid id, Actor actor, IdentifyChildRequest body, CancellationToken ct)
    {
        var (c, refusal) = await work.LoadForWorkAsync(id, actor, null, ct);
        if (c is null)
        {
            return refusal!;
        }

        if (CaseWork.ClosedRefusal(c) is { } closed)
        {
            return closed;
        }

        if (c.ChildId is not null)
        {
            return Outcome.Refused("本案已关联儿童");
        }

        if (!Domain.Accounts.Roles.RegistryReaders.Contains(actor.Role))
        {
            return Outcome.Forbidden("您的角色不能查阅儿童档案，请由督导员或儿童主任确认儿童身份");
        }

        var child = body.ChildId is { } childId ? await db.Children.AsNoTracking().Where(x => x.Id == childId).Select(x => new { x.Id, x.Name, x.RegionCode }).FirstOrDefaultAsync(ct) : null;
        if (child is null)
        {
            return Outcome.Invalid("childId", "未找到该儿童（须为您辖区内已登记的儿童）");
        }

        c.ChildId = child.Id;
        var (worker, supervisor) = (c.AssignedWorkerId, c.SupervisorId);
        await CaseWork.MoveAsync(db, c, child.RegionCode, ct);
        work.AddEvent(c, actor, CaseEventKind.ChildIdentified, "确认儿童身份，关联儿童档案"
            + (worker != c.AssignedWorkerId || supervisor != c.SupervisorId ? "；原承办人或督导的辖区不含儿童居住地，请重新分派" : string.Empty), child.Id);
        return await work.SaveAsync(c, actor, ct);
    }
}
