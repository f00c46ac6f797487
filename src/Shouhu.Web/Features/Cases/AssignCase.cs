using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Children;
using Shouhu.Domain.Time;
using Shouhu.Domain;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Cases;

/// <summary>Assigns the worker and, optionally, the supervisor (a supervisor or officer of the jurisdiction).</summary>
public sealed class AssignCase(CaseWork work, CaseStaff staff, ShouhuDbContext db, INotices notices)
{
    /// <summary>Runs it: done, or the refusal as an <see cref="Outcome{T}"/> of the case id (404 not found, 403, 409 state or version, 400 naming the field).</summary>
    public async Task<Outcome<Guid>> RunAsync(Guid id, Actor actor, AssignRequest body, CancellationToken ct)
    {
        var (c, refusal) = await work.LoadAsync(id, actor, body.Version, ct);
        if (c is null)
        {
            return refusal!;
        }

        if (!CaseAccess.CanAssign(c, actor))
        {
            return Outcome.Forbidden("只有督导员或民政干部可以分派案件");
        }

        if (CaseWork.ClosedRefusal(c) is { } closed)
        {
            return closed;
        }

        var errors = new ValidationErrors();
        var worker = await staff.FindAsync(body.WorkerId, c.RegionCode, Domain.Accounts.Roles.CaseWorkers, ct);
        if (worker is null)
        {
            errors.Add("workerId", "承办人应为辖区包含本案所在地的儿童主任、督导员、社工或民政干部");
        }

        StaffMember? supervisor = null;
        if (!string.IsNullOrWhiteSpace(body.SupervisorId))
        {
            supervisor = await staff.FindAsync(body.SupervisorId, c.RegionCode, Domain.Accounts.Roles.CaseSupervisors, ct);
            if (supervisor is null)
            {
                errors.Add("supervisorId", "督导应为辖区包含本案所在地的督导员或民政干部");
            }
        }

        if (worker is not null && (supervisor?.Id ?? c.SupervisorId) == worker.Id)
        {
            errors.Add(supervisor is null ? "workerId" : "supervisorId", "承办人和督导不能是同一人");
        }

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        c.AssignedWorkerId = worker!.Id;
        c.AssignedWorkerName = worker.DisplayName;
        c.PendingWorkerId = c.PendingWorkerName = null;
        if (supervisor is not null)
        {
            c.SupervisorId = supervisor.Id;
            c.SupervisorName = supervisor.DisplayName;
        }

        work.AddEvent(c, actor, CaseEventKind.Assigned, $"分派承办人：{worker.DisplayName}" + (supervisor is null ? string.Empty : $"；督导：{supervisor.DisplayName}"));
        if (worker.Id != actor.Id)
        {
            notices.Queue(db, [worker.Id], Domain.Monitoring.NotificationKind.Assignment, $"案件 {c.CaseNumber} 已分派给您", $"/Cases/Details/{c.Id}", c.RegionCode);
        }

        return await work.SaveAsync(c, actor, ct);
    }
}
