using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Children;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Cases;

/// <summary>The supervisor approves the closure (the case closes; the follow-up visit is scheduled) or returns it with a comment.</summary>
public sealed class DecideCaseClosure(CaseWork work, TimeProvider clock)
{
    /// <summary>Days after closure when the follow-up visit (回访) falls due unless the request names a date.</summary>
    public const int DefaultFollowUpDays = 30;

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
            return Outcome.Forbidden("只有本案督导或民政干部可以审批结案");
        }

        if (c.ClosureState != ApprovalState.Submitted)
        {
            return Outcome.Refused("没有等待审批的结案申请");
        }

        if (c.ClosureRequestedBy == actor.Id)
        {
            return Outcome.Forbidden("不能审批自己提交的结案申请");
        }

        var errors = new ValidationErrors();
        var comment = CaseText.Clean(body.Comment, "comment", 2000, !approve, errors, "退回时须填写意见");
        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        if (approve && CaseWorkflow.Refusal(c.Status, CaseStatus.Closed, approval: true) is { } why)
        {
            return Outcome.Refused(why);
        }

        work.Decide(c, actor, ApprovalSubject.Closure, approve, comment, c.ClosureRequestedBy);
        if (approve)
        {
            c.ClosureState = ApprovalState.Approved;
            c.Status = CaseStatus.Closed;
            c.ClosedAt = work.Now;
            c.FollowUpOn ??= ChinaTime.Today(clock).AddDays(DefaultFollowUpDays);
            work.AddEvent(c, actor, CaseEventKind.ClosureApproved, $"督导批准结案，回访日期 {c.FollowUpOn:yyyy-MM-dd}" + (comment is null ? string.Empty : $"。意见：{comment}"));
        }
        else
        {
            c.ClosureState = ApprovalState.Returned;
            work.AddEvent(c, actor, CaseEventKind.ClosureReturned, $"督导退回结案申请。意见：{comment}");
        }

        return await work.SaveAsync(c, actor, ct);
    }
}
