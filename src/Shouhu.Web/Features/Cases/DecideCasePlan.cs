using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Children;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Cases;

/// <summary>The supervisor approves (the case moves to in-service) or returns (comment required) the submitted plan.</summary>
public sealed class DecideCasePlan(CaseWork work, ShouhuDbContext db)
{
    /// <summary>Runs it: done, or the refusal as an <see cref="Outcome{T}"/> of the case id (404 not found, 403, 409 state or version, 400 naming the field).</summary>
    public async Task<Outcome<Guid>> RunAsync(Guid id, Actor actor, bool approve, DecisionRequest body, CancellationToken ct)
    {
        var (c, refusal) = await work.LoadAsync(id, actor, body.Version, ct);
        if (c is null)
        {
            return refusal!;
        }

        if (!CaseAccess.CanApprove(c, actor))
        {
            return Outcome.Forbidden("只有本案督导或民政干部可以审批计划");
        }

        if (c.PlanState != ApprovalState.Submitted)
        {
            return Outcome.Refused("没有等待审批的计划");
        }

        if (c.PlanSubmittedBy == actor.Id || await db.CasePlans.AnyAsync(p => p.CaseId == c.Id && p.UpdatedBy == actor.Id, ct))
        {
            return Outcome.Forbidden("不能审批自己制定或提交的计划");
        }

        var errors = new ValidationErrors();
        var comment = CaseText.Clean(body.Comment, "comment", 2000, !approve, errors, "退回时须填写意见");
        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        if (approve && CaseWorkflow.Refusal(c.Status, CaseStatus.InService, approval: true) is { } why)
        {
            return Outcome.Refused(why);
        }

        work.Decide(c, actor, ApprovalSubject.Plan, approve, comment, c.PlanSubmittedBy);
        c.PlanState = approve ? ApprovalState.Approved : ApprovalState.Returned;
        if (approve)
        {
            c.Status = CaseStatus.InService;
            work.AddEvent(c, actor, CaseEventKind.PlanApproved, "督导批准个案计划，进入服务阶段" + (comment is null ? string.Empty : $"。意见：{comment}"));
        }
        else
        {
            work.AddEvent(c, actor, CaseEventKind.PlanReturned, $"督导退回个案计划。意见：{comment}");
        }

        return await work.SaveAsync(c, actor, ct);
    }
}
