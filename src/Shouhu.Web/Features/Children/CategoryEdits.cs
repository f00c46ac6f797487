using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain;
using Shouhu.Domain.Children;
using Shouhu.Domain.Regions;
using Shouhu.Domain.Time;

namespace Shouhu.Web.Features.Children;

/// <summary>Body of a category action: the reason (required to reject or exit) and, for an exit, the last day (default today).</summary>
public sealed record CategoryActionRequest(string? Reason, string? Date);

/// <summary>
/// Adds a protection category to a child (submitted, 待乡镇查验) and moves it along the verification chain of
/// <see cref="CategoryWorkflow"/>: township verification, county confirmation, rejection with reasons, exit. Each step
/// records who and when; an exited or rejected category stays in the history and no longer counts.
/// </summary>
public sealed class CategoryEdits(ShouhuDbContext db, Visits.VisitPlanner planner, Alerts.AlertEngine alerts, TimeProvider clock)
{
    /// <summary>Adds a category after checking what it needs (DOMAIN.md §1); one open category of each kind at a time.</summary>
    public async Task<EditOutcome> AddAsync(Guid childId, CategoryInput input, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var child = await db.Children.Include(c => c.Categories).Include(c => c.Guardians).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == childId, ct);
        if (child is null)
        {
            return new(null, errors, NotFound: true);
        }

        var today = ChinaTime.Today(clock);
        if (!EnumName.TryParse<ProtectionCategory>(input.Category, out var category))
        {
            errors.Add("category", $"未知的保护类别“{input.Category}”，应为 {string.Join(", ", Enum.GetNames<ProtectionCategory>())}");
            return new(null, errors);
        }

        var from = today;
        if (!string.IsNullOrWhiteSpace(input.ValidFrom) && (!DateText.TryParse(input.ValidFrom, out from) || from < child.BirthDate || from > today))
        {
            errors.Add("validFrom", "起始日期不是有效日期，或早于出生日期、晚于今天");
            return new(null, errors);
        }

        if (child.Categories.Any(k => k.Category == category && k.Status is not (CategoryStatus.Exited or CategoryStatus.Rejected)))
        {
            errors.Add("category", $"已有未退出的“{ChildCategory.ChineseName(category)}”类别");
            return new(null, errors);
        }

        var subType = input.SubType?.Trim() is { Length: > 0 } s ? s : null;
        foreach (var problem in CategoryRules.Check(category, subType, child, child.Guardians, from))
        {
            errors.Add("category", problem);
        }

        if (!errors.IsEmpty)
        {
            return new(null, errors);
        }

        var now = DateTime.UtcNow;
        db.ChildCategories.Add(new ChildCategory
        {
            ChildId = child.Id,
            Category = category,
            SubType = subType,
            Basis = input.Basis?.Trim() is { Length: > 0 } b ? b : null,
            ValidFrom = from,
            ValidTo = CategoryRules.LastDay(category, child.BirthDate),
            RegionCode = child.RegionCode,
            SubmittedBy = db.Caller.ActorId,
            SubmittedAt = now,
        });
        db.AddRevision(child, "categories", null, $"{ChildCategory.ChineseName(category)}（{ChildCategory.StatusName(CategoryStatus.Pending)}）", now);
        await db.SaveChangesAsync(ct);
        await planner.PlanAsync(db, [child.Id], ct);
        await alerts.RunForChildAsync(db.Caller, child.Id);
        return new(child, errors);
    }

    /// <summary>Takes <paramref name="action"/> on a category; 403-style refusal when the role or level may not, or the status does not allow it.</summary>
    public async Task<EditOutcome> ActAsync(Guid childId, Guid categoryId, CategoryAction action, CategoryActionRequest request, string role, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var child = await db.Children.Include(c => c.Categories).FirstOrDefaultAsync(c => c.Id == childId, ct);
        var category = child?.Categories.FirstOrDefault(k => k.Id == categoryId);
        if (child is null || category is null)
        {
            return new(null, errors, NotFound: true);
        }

        var level = RegionCode.LevelOf(db.Caller.JurisdictionCode) ?? 5;
        if (CategoryWorkflow.Refusal(category.Status, action, role, level) is { } refusal)
        {
            return new(null, errors, Forbidden: refusal);
        }

        var reason = request.Reason?.Trim();
        if (action is CategoryAction.Reject or CategoryAction.Exit && string.IsNullOrEmpty(reason))
        {
            errors.Add("reason", action == CategoryAction.Reject ? "不予确认须写明理由" : "退出须写明原因");
            return new(null, errors);
        }

        var today = ChinaTime.Today(clock);
        var lastDay = today;
        if (action == CategoryAction.Exit && !string.IsNullOrWhiteSpace(request.Date)
            && (!DateText.TryParse(request.Date, out lastDay) || lastDay < category.ValidFrom || lastDay > today))
        {
            errors.Add("date", "退出日期不是有效日期，或早于起始日期、晚于今天");
            return new(null, errors);
        }

        var now = DateTime.UtcNow;
        var before = ChildCategory.StatusName(category.Status);
        category.Status = CategoryWorkflow.Next(action);
        switch (action)
        {
            case CategoryAction.TownshipVerify:
                (category.TownshipVerifiedBy, category.TownshipVerifiedAt) = (db.Caller.ActorId, now);
                break;
            case CategoryAction.CountyConfirm:
                (category.CountyConfirmedBy, category.CountyConfirmedAt) = (db.Caller.ActorId, now);
                break;
            default:
                (category.ClosedBy, category.ClosedAt, category.StatusReason) = (db.Caller.ActorId, now, reason!.Length > 500 ? reason[..500] : reason);
                if (action == CategoryAction.Exit)
                {
                    category.ValidTo = lastDay;
                }

                break;
        }

        db.AddRevision(child, $"categories.{category.Category}", before, ChildCategory.StatusName(category.Status), now);
        await db.SaveChangesAsync(ct);
        await planner.PlanAsync(db, [child.Id], ct);
        await alerts.RunForChildAsync(db.Caller, child.Id);
        return new(child, errors);
    }
}
