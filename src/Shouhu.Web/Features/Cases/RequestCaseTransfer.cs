using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Children;
using Shouhu.Domain.Time;
using Shouhu.Domain;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Cases;

/// <summary>Hands the case to another worker, who must accept it (<see cref="AcceptCaseTransfer"/>).</summary>
public sealed class RequestCaseTransfer(CaseWork work, CaseStaff staff, ShouhuDbContext db, INotices notices)
{
    /// <summary>Runs it: done, or the refusal as an <see cref="Outcome{T}"/> of the case id (404 not found, 403, 409 state or version, 400 naming the field).</summary>
    public async Task<Outcome<Guid>> RunAsync(Guid id, Actor actor, TransferRequest body, CancellationToken ct)
    {
        var (c, refusal) = await work.LoadForWorkAsync(id, actor, body.Version, ct);
        if (c is null)
        {
            return refusal!;
        }

        if (CaseWork.ClosedRefusal(c) is { } closed)
        {
            return closed;
        }

        var errors = new ValidationErrors();
        var note = CaseText.Clean(body.Note, "note", 2000, false, errors);
        var target = await staff.FindAsync(body.ToWorkerId, c.RegionCode, Domain.Accounts.Roles.CaseWorkers, ct);
        if (target is null)
        {
            errors.Add("toWorkerId", "接收人应为辖区包含本案所在地的儿童主任、督导员、社工或民政干部");
        }
        else if (target.Id == c.AssignedWorkerId)
        {
            errors.Add("toWorkerId", "接收人已是本案承办人");
        }

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        c.PendingWorkerId = target!.Id;
        c.PendingWorkerName = target.DisplayName;
        work.AddEvent(c, actor, CaseEventKind.TransferRequested, $"移交给 {target.DisplayName}，待对方接收" + CaseWork.Suffix(note));
        notices.Queue(db, [target.Id], Domain.Monitoring.NotificationKind.Assignment, $"案件 {c.CaseNumber} 移交给您，请接收", $"/Cases/Details/{c.Id}", c.RegionCode);
        return await work.SaveAsync(c, actor, ct);
    }
}
