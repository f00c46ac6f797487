using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Children;
using Shouhu.Domain.Time;
using Shouhu.Domain;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Cases;

/// <summary>The receiving worker accepts a hand-over and becomes the assigned worker.</summary>
public sealed class AcceptCaseTransfer(CaseWork work)
{
    /// <summary>Runs it: done, or the refusal as an <see cref="Outcome{T}"/> of the case id (404 not found, 403, 409 state or version, 400 naming the field).</summary>
    public async Task<Outcome<Guid>> RunAsync(Guid id, Actor actor, Guid? version, CancellationToken ct)
    {
        var (c, refusal) = await work.LoadAsync(id, actor, version, ct);
        if (c is null)
        {
            return refusal!;
        }

        if (c.PendingWorkerId != actor.Id)
        {
            return Outcome.Forbidden("该案件没有移交给您");
        }

        if (CaseWork.ClosedRefusal(c) is { } closed)
        {
            return closed;
        }

        var previous = c.AssignedWorkerName;
        c.AssignedWorkerId = actor.Id;
        c.AssignedWorkerName = actor.DisplayName;
        c.PendingWorkerId = c.PendingWorkerName = null;
        work.AddEvent(c, actor, CaseEventKind.TransferAccepted, $"{actor.DisplayName} 接收移交" + (previous is null ? string.Empty : $"（原承办人：{previous}）"));
        return await work.SaveAsync(c, actor, ct);
    }
}
