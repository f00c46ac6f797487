using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Children;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Cases;

/// <summary>Requests closure (in review): reason, closing assessment, optional follow-up date; the supervisor then decides.</summary>
public sealed class RequestCaseClosure(CaseWork work, TimeProvider clock)
{
    /// <summary>Runs it: done, or the refusal as an <see cref="Outcome{T}"/> of the case id (404 not found, 403, 409 state or version, 400 naming the field).</summary>
    public async Task<Outcome<Guid>> RunAsync(Guid id, Actor actor, ClosureRequest body, CancellationToken ct)
    {
        var (c, refusal) = await work.LoadForWorkAsync(id, actor, body.Version, ct);
        if (c is null)
        {
            return refusal!;
        }

        if (c.Status != CaseStatus.Reviewing)
        {
            return Outcome.Refused(c.Status == CaseStatus.Closed ? "案件已结案" : "须在「评估回顾」阶段申请结案");
        }

        if (c.ClosureState == ApprovalState.Submitted)
        {
            return Outcome.Refused("结案申请已提交，正在等待督导审批");
        }

        var errors = new ValidationErrors();
        if (!CaseWork.ParseEnum<ClosureReason>(body.Reason, out var reason))
        {
            errors.Add("reason", $"请选择结案原因（{string.Join("、", Enum.GetValues<ClosureReason>().Select(CaseworkNames.Of))}）");
        }

        var note = CaseText.Clean(body.Note, "note", 2000, reason == ClosureReason.Other, errors, "结案原因为「其他」时须说明");
        var assessment = CaseText.Clean(body.ClosingAssessment, "closingAssessment", 5000, true, errors, "须填写结案评估");
        DateOnly? followUp = null;
        if (!string.IsNullOrWhiteSpace(body.FollowUpOn))
        {
            if (!DateText.TryParse(body.FollowUpOn, out var f))
            {
                errors.Add("followUpOn", "回访日期应为日期，如 2027-01-15");
            }
            else if (f < ChinaTime.Today(clock))
            {
                errors.Add("followUpOn", "回访日期不能早于今天");
            }
            else
            {
                followUp = f;
            }
        }

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        c.ClosureReason = reason;
        c.ClosureNote = note;
        c.ClosingAssessment = assessment;
        c.FollowUpOn = followUp;
        c.ClosureState = ApprovalState.Submitted;
        c.ClosureRequestedBy = actor.Id;
        work.AddEvent(c, actor, CaseEventKind.ClosureRequested, $"申请结案（{CaseworkNames.Of(reason)}）。结案评估：{assessment}" + CaseWork.Suffix(note));
        return await work.SaveAsync(c, actor, ct);
    }
}
