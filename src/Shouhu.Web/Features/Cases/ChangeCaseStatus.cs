using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Children;
using Shouhu.Domain.Time;
using Shouhu.Domain;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Cases;

/// <summary>Moves the case to <c>body.To</c> (API status text). The approval-only moves are refused here with their reason.</summary>
public sealed class ChangeCaseStatus(CaseWork work)
{
    /// <summary>Runs it: done, or the refusal as an <see cref="Outcome{T}"/> of the case id (404 not found, 403, 409 state or version, 400 naming the field).</summary>
    public async Task<Outcome<Guid>> RunAsync(Guid id, Actor actor, ChangeStatusRequest body, CancellationToken ct)
    {
        var (c, refusal) = await work.LoadForWorkAsync(id, actor, body.Version, ct);
        if (c is null)
        {
            return refusal!;
        }

        var to = CaseWorkflow.ParseText(body.To);
        if (to is null)
        {
            return Outcome.Invalid("to", "请选择要转入的阶段（open、assessing、planning、in-service、reviewing、closed 或 reopened）");
        }

        var errors = new ValidationErrors();
        var note = CaseText.Clean(body.Note, "note", 2000, false, errors);
        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        if (CaseWorkflow.Refusal(c.Status, to.Value) is { } why)
        {
            return Outcome.Refused(why);
        }

        var from = c.Status;
        c.Status = to.Value;
        if (to == CaseStatus.Reopened)
        {
            c.ClosedAt = null;
            c.ClosureState = ApprovalState.None;
            c.FollowUpOn = null;
        }

        var withdrawn = from == CaseStatus.Reviewing && c.ClosureState == ApprovalState.Submitted;
        if (withdrawn)
        {
            // Back to service: the closure request no longer describes the case.
            c.ClosureState = ApprovalState.None;
        }

        if (to == CaseStatus.Planning && c.PlanState == ApprovalState.Approved)
        {
            // Back to planning during service: the revised plan needs a new approval.
            c.PlanState = ApprovalState.None;
        }

        work.AddEvent(c, actor, CaseEventKind.StatusChanged, $"状态：{CaseWorkflow.Name(from)} → {CaseWorkflow.Name(to.Value)}" + (withdrawn ? "（结案申请撤回）" : string.Empty) + CaseWork.Suffix(note));
        return await work.SaveAsync(c, actor, ct);
    }
}
