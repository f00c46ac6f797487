using Microsoft.EntityFrameworkCore;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Children;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Cases;

/// <summary>Plan and closure, each approved or returned by the supervisor (issue #4 §4).</summary>
public sealed partial class CaseCommands
{
    /// <summary>Days after closure when the follow-up visit (回访) falls due unless the request names a date.</summary>
    public const int DefaultFollowUpDays = 30;

    /// <summary>
    /// Saves the plan (goals and at least one item) while assessing or planning; not while it waits for approval. Wholly
    /// empty items are skipped; any other item needs its type, description, responsible and due date (errors
    /// <c>items[i].field</c>, <c>i</c> counting the items as sent).
    /// </summary>
    public async Task<CaseOutcome> SavePlanAsync(Guid id, Actor actor, PlanRequest body, CancellationToken ct)
    {
        var (c, refusal) = await LoadForWorkAsync(id, actor, body.Version, ct);
        if (c is null)
        {
            return refusal!;
        }

        if (c.Status is not (CaseStatus.Assessing or CaseStatus.Planning))
        {
            return new CaseOutcome(Refused: $"「{CaseWorkflow.Name(c.Status)}」阶段不能修改计划（服务中调整计划请先转为「制定计划」）");
        }

        if (c.PlanState == ApprovalState.Submitted)
        {
            return new CaseOutcome(Refused: "计划正在等待督导审批，不能修改");
        }

        var errors = new ValidationErrors();
        var goals = CaseText.Clean(body.Goals, "goals", 5000, true, errors, "服务目标不能为空");
        var items = new List<CasePlanItem>();
        // A wholly empty row (the page's spare rows) is no item; a row with anything in it is checked whole (issue #10).
        var raw = body.Items ?? [];
        var filled = raw.Count(r => r is null || !IsBlank(r));
        if (filled == 0)
        {
            errors.Add("items", "计划至少包含一项服务");
        }
        else if (filled > 50 || raw.Count > 100)
        {
            errors.Add("items", "计划最多50项服务");
        }

        var today = ChinaTime.Today(clock);
        for (var i = 0; i < Math.Min(raw.Count, 100); i++)
        {
            var r = raw[i];
            var key = $"items[{i}]";
            if (r is null)
            {
                errors.Add(key, "服务项不能为空");
                continue;
            }

            if (IsBlank(r))
            {
                continue;
            }

            if (!ParseEnum<ServiceType>(r.ServiceType, out var type))
            {
                errors.Add($"{key}.serviceType", "服务类型无效");
            }

            var description = CaseText.Clean(r.Description, $"{key}.description", 1000, true, errors, "服务内容不能为空");
            var responsible = CaseText.Clean(r.Responsible, $"{key}.responsible", 200, true, errors, "负责人不能为空");
            DateOnly due = default;
            if (!DateText.TryParse(r.DueOn, out due))
            {
                errors.Add($"{key}.dueOn", "完成期限应为日期，如 2026-12-31");
            }
            else if (due < today)
            {
                errors.Add($"{key}.dueOn", "完成期限不能早于今天");
            }

            if (description is not null && responsible is not null)
            {
                items.Add(new CasePlanItem { CaseId = c.Id, RegionCode = c.RegionCode, ServiceType = type, Description = description, Responsible = responsible, DueOn = due });
            }
        }

        if (!errors.IsEmpty)
        {
            return CaseOutcome.Invalid(errors);
        }

        var plan = await db.CasePlans.Include(p => p.Items).FirstOrDefaultAsync(p => p.CaseId == c.Id, ct);
        if (plan is null)
        {
            plan = new CasePlan { CaseId = c.Id, RegionCode = c.RegionCode };
            db.CasePlans.Add(plan);
        }
        else
        {
            db.CasePlanItems.RemoveRange(plan.Items);
            plan.Items.Clear();
        }

        plan.Goals = goals!;
        plan.Revision++;
        plan.UpdatedAt = Now;
        plan.UpdatedBy = actor.Id;
        foreach (var item in items)
        {
            // Added explicitly: found through the navigation of a plan already tracked, an item whose key is already set
            // would be taken for an existing row and updated — zero rows, a "conflict" with oneself on every later save.
            item.PlanId = plan.Id;
            db.CasePlanItems.Add(item);
        }

        if (c.PlanState != ApprovalState.None)
        {
            c.PlanState = ApprovalState.None;
        }

        AddEvent(c, actor, CaseEventKind.Note, $"保存个案计划（第{plan.Revision}版，{items.Count}项服务）：{goals}", plan.Id);
        return await SaveAsync(c, actor, ct);
    }

    /// <summary>Submits the saved plan to the supervisor (in the planning stage).</summary>
    public async Task<CaseOutcome> SubmitPlanAsync(Guid id, Actor actor, Guid? version, CancellationToken ct)
    {
        var (c, refusal) = await LoadForWorkAsync(id, actor, version, ct);
        if (c is null)
        {
            return refusal!;
        }

        if (c.Status != CaseStatus.Planning)
        {
            return new CaseOutcome(Refused: "只有「制定计划」阶段的案件可以提交计划");
        }

        if (c.PlanState == ApprovalState.Submitted)
        {
            return new CaseOutcome(Refused: "计划已提交，正在等待督导审批");
        }

        if (!await db.CasePlans.AnyAsync(p => p.CaseId == c.Id && p.Items.Any(), ct))
        {
            return new CaseOutcome(Refused: "请先保存包含至少一项服务的计划");
        }

        c.PlanState = ApprovalState.Submitted;
        c.PlanSubmittedBy = actor.Id;
        AddEvent(c, actor, CaseEventKind.PlanSubmitted, "提交个案计划，待督导审批");
        return await SaveAsync(c, actor, ct);
    }

    /// <summary>The supervisor approves (the case moves to in-service) or returns (comment required) the submitted plan.</summary>
    public async Task<CaseOutcome> DecidePlanAsync(Guid id, Actor actor, bool approve, DecisionRequest body, CancellationToken ct)
    {
        var (c, refusal) = await LoadAsync(id, actor, body.Version, ct);
        if (c is null)
        {
            return refusal!;
        }

        if (!CaseAccess.CanApprove(c, actor))
        {
            return new CaseOutcome(Forbidden: "只有本案督导或民政干部可以审批计划");
        }

        if (c.PlanState != ApprovalState.Submitted)
        {
            return new CaseOutcome(Refused: "没有等待审批的计划");
        }

        if (c.PlanSubmittedBy == actor.Id || await db.CasePlans.AnyAsync(p => p.CaseId == c.Id && p.UpdatedBy == actor.Id, ct))
        {
            return new CaseOutcome(Forbidden: "不能审批自己制定或提交的计划");
        }

        var errors = new ValidationErrors();
        var comment = CaseText.Clean(body.Comment, "comment", 2000, !approve, errors, "退回时须填写意见");
        if (!errors.IsEmpty)
        {
            return CaseOutcome.Invalid(errors);
        }

        if (approve && CaseWorkflow.Refusal(c.Status, CaseStatus.InService, approval: true) is { } why)
        {
            return new CaseOutcome(Refused: why);
        }

        Decide(c, actor, ApprovalSubject.Plan, approve, comment, c.PlanSubmittedBy);
        c.PlanState = approve ? ApprovalState.Approved : ApprovalState.Returned;
        if (approve)
        {
            c.Status = CaseStatus.InService;
            AddEvent(c, actor, CaseEventKind.PlanApproved, "督导批准个案计划，进入服务阶段" + (comment is null ? string.Empty : $"。意见：{comment}"));
        }
        else
        {
            AddEvent(c, actor, CaseEventKind.PlanReturned, $"督导退回个案计划。意见：{comment}");
        }

        return await SaveAsync(c, actor, ct);
    }

    /// <summary>Requests closure (in review): reason, closing assessment, optional follow-up date; the supervisor then decides.</summary>
    public async Task<CaseOutcome> RequestClosureAsync(Guid id, Actor actor, ClosureRequest body, CancellationToken ct)
    {
        var (c, refusal) = await LoadForWorkAsync(id, actor, body.Version, ct);
        if (c is null)
        {
            return refusal!;
        }

        if (c.Status != CaseStatus.Reviewing)
        {
            return new CaseOutcome(Refused: c.Status == CaseStatus.Closed ? "案件已结案" : "须在「评估回顾」阶段申请结案");
        }

        if (c.ClosureState == ApprovalState.Submitted)
        {
            return new CaseOutcome(Refused: "结案申请已提交，正在等待督导审批");
        }

        var errors = new ValidationErrors();
        if (!ParseEnum<ClosureReason>(body.Reason, out var reason))
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
            return CaseOutcome.Invalid(errors);
        }

        c.ClosureReason = reason;
        c.ClosureNote = note;
        c.ClosingAssessment = assessment;
        c.FollowUpOn = followUp;
        c.ClosureState = ApprovalState.Submitted;
        c.ClosureRequestedBy = actor.Id;
        AddEvent(c, actor, CaseEventKind.ClosureRequested, $"申请结案（{CaseworkNames.Of(reason)}）。结案评估：{assessment}" + Suffix(note));
        return await SaveAsync(c, actor, ct);
    }

    /// <summary>The supervisor approves the closure (the case closes; the follow-up visit is scheduled) or returns it with a comment.</summary>
    public async Task<CaseOutcome> DecideClosureAsync(Guid id, Actor actor, bool approve, DecisionRequest body, CancellationToken ct)
    {
        var (c, refusal) = await LoadAsync(id, actor, body.Version, ct);
        if (c is null)
        {
            return refusal!;
        }

        if (!CaseAccess.CanApprove(c, actor))
        {
            return new CaseOutcome(Forbidden: "只有本案督导或民政干部可以审批结案");
        }

        if (c.ClosureState != ApprovalState.Submitted)
        {
            return new CaseOutcome(Refused: "没有等待审批的结案申请");
        }

        if (c.ClosureRequestedBy == actor.Id)
        {
            return new CaseOutcome(Forbidden: "不能审批自己提交的结案申请");
        }

        var errors = new ValidationErrors();
        var comment = CaseText.Clean(body.Comment, "comment", 2000, !approve, errors, "退回时须填写意见");
        if (!errors.IsEmpty)
        {
            return CaseOutcome.Invalid(errors);
        }

        if (approve && CaseWorkflow.Refusal(c.Status, CaseStatus.Closed, approval: true) is { } why)
        {
            return new CaseOutcome(Refused: why);
        }

        Decide(c, actor, ApprovalSubject.Closure, approve, comment, c.ClosureRequestedBy);
        if (approve)
        {
            c.ClosureState = ApprovalState.Approved;
            c.Status = CaseStatus.Closed;
            c.ClosedAt = Now;
            c.FollowUpOn ??= ChinaTime.Today(clock).AddDays(DefaultFollowUpDays);
            AddEvent(c, actor, CaseEventKind.ClosureApproved, $"督导批准结案，回访日期 {c.FollowUpOn:yyyy-MM-dd}" + (comment is null ? string.Empty : $"。意见：{comment}"));
        }
        else
        {
            c.ClosureState = ApprovalState.Returned;
            AddEvent(c, actor, CaseEventKind.ClosureReturned, $"督导退回结案申请。意见：{comment}");
        }

        return await SaveAsync(c, actor, ct);
    }

    private static bool IsBlank(PlanItemRequest r) =>
        string.IsNullOrWhiteSpace(r.ServiceType) && string.IsNullOrWhiteSpace(r.Description) && string.IsNullOrWhiteSpace(r.Responsible) && string.IsNullOrWhiteSpace(r.DueOn);

    private void Decide(Case c, Actor actor, ApprovalSubject subject, bool approve, string? comment, string? requestedBy) =>
        db.CaseApprovals.Add(new CaseApproval
        {
            CaseId = c.Id,
            RegionCode = c.RegionCode,
            Subject = subject,
            Approved = approve,
            Comment = comment,
            RequestedBy = requestedBy ?? string.Empty,
            DecidedBy = actor.Id,
            DecidedByName = actor.DisplayName,
            DecidedAt = Now,
        });
}
