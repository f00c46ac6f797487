using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Children;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Cases;

/// <summary>
/// Saves the plan (goals and at least one item) while assessing or planning; not while it waits for approval. Wholly
/// empty items are skipped; any other item needs its type, description, responsible and due date (errors
/// <c>items[i].field</c>, <c>i</c> counting the items as sent).
/// </summary>
public sealed class SaveCasePlan(CaseWork work, ShouhuDbContext db, TimeProvider clock)
{
    /// <summary>Runs it: done, or the refusal as an <see cref="Outcome{T}"/> of the case id (404 not found, 403, 409 state or version, 400 naming the field).</summary>
    public async Task<Outcome<Guid>> RunAsync(Guid id, Actor actor, PlanRequest body, CancellationToken ct)
    {
        var (c, refusal) = await work.LoadForWorkAsync(id, actor, body.Version, ct);
        if (c is null)
        {
            return refusal!;
        }

        if (c.Status is not (CaseStatus.Assessing or CaseStatus.Planning))
        {
            return Outcome.Refused($"「{CaseWorkflow.Name(c.Status)}」阶段不能修改计划（服务中调整计划请先转为「制定计划」）");
        }

        if (c.PlanState == ApprovalState.Submitted)
        {
            return Outcome.Refused("计划正在等待督导审批，不能修改");
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

            if (!CaseWork.ParseEnum<ServiceType>(r.ServiceType, out var type))
            {
                errors.Add($"{key}.serviceType", string.IsNullOrWhiteSpace(r.ServiceType) ? "请选择服务类型" : "服务类型无效");
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
            return Outcome.Invalid(errors);
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
        plan.UpdatedAt = work.Now;
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

        work.AddEvent(c, actor, CaseEventKind.Note, $"保存个案计划（第{plan.Revision}版，{items.Count}项服务）：{goals}", plan.Id);
        return await work.SaveAsync(c, actor, ct);
    }

    private static bool IsBlank(PlanItemRequest r) =>
        string.IsNullOrWhiteSpace(r.ServiceType) && string.IsNullOrWhiteSpace(r.Description) && string.IsNullOrWhiteSpace(r.Responsible) && string.IsNullOrWhiteSpace(r.DueOn);
}
