using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Children;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Cases;

/// <summary>Submits the saved plan to the supervisor (in the planning stage).</summary>
public sealed class SubmitCasePlan(CaseWork work, ShouhuDbContext db)
{
    /// <summary>Runs it: done, or the refusal as an <see cref="Outcome{T}"/> of the case id (404 not found, 403, 409 state or version, 400 naming the field).</summary>
    public async Task<Outcome<Guid>> RunAsync(Guid id, Actor actor, Guid? version, CancellationToken ct)
    {
        var (c, refusal) = await work.LoadForWorkAsync(id, actor, version, ct);
        if (c is null)
        {
            return refusal!;
        }

        if (c.Status != CaseStatus.Planning)
        {
            return Outcome.Refused("只有「制定计划」阶段的案件可以提交计划");
        }

        if (c.PlanState == ApprovalState.Submitted)
        {
            return Outcome.Refused("计划已提交，正在等待督导审批");
        }

        if (!await db.CasePlans.AnyAsync(p => p.CaseId == c.Id && p.Items.Any(), ct))
        {
            return Outcome.Refused("请先保存包含至少一项服务的计划");
        }

        c.PlanState = ApprovalState.Submitted;
        c.PlanSubmittedBy = actor.Id;
        work.AddEvent(c, actor, CaseEventKind.PlanSubmitted, "提交个案计划，待督导审批");
        return await work.SaveAsync(c, actor, ct);
    }
}
