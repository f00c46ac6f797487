using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain;
using Shouhu.Domain.Children;
using Shouhu.Domain.Regions;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Children;

/// <summary>
/// Body of a category action: the reason (required to reject or exit), for an exit only the day circumstances changed
/// (情况变化日期 — default today, not before the start, not after today; the exit takes effect from the month after, so
/// the category's last day is the last day of that month, DOMAIN.md §1), and the category's <c>version</c> as read
/// (required; 409 when stale).
/// </summary>
public sealed record CategoryActionRequest(string? Reason, string? Date, Guid? Version = null);

/// <summary>
/// <c>Registry:Verification:MinimumPeople</c>: how many different people the chain submit → verify → confirm needs — 3
/// (default) or 2 where a county has too few staff (then still nobody verifies or confirms their own submission).
/// </summary>
public sealed record VerificationSettings(int MinimumPeople)
{
    /// <summary>Reads the setting.</summary>
    /// <exception cref="InvalidOperationException">For a value other than 2 or 3.</exception>
    public static VerificationSettings From(IConfiguration config) => config["Registry:Verification:MinimumPeople"] switch
    {
        null or "" or "3" => new(3),
        "2" => new(2),
        var other => throw new InvalidOperationException($"Registry:Verification:MinimumPeople must be 2 or 3, not '{other}'."),
    };
}

/// <summary>
/// Adds a protection category to a child (submitted, 待乡镇查验) and moves it along the verification chain of
/// <see cref="CategoryWorkflow"/>: township verification, county confirmation, rejection with reasons, exit. Each step
/// records who and when; an exited or rejected category stays in the history and no longer counts.
/// </summary>
public sealed class CategoryEdits(ShouhuDbContext db, ChildFileChanges fileChanges, TimeProvider clock, VerificationSettings verification, RegisterSettings settings)
{
    /// <summary>Adds a category after checking what it needs (DOMAIN.md §1); one open category of each kind at a time.</summary>
    public async Task<Outcome<Child>> AddAsync(Guid childId, CategoryInput input, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var child = await db.Children.Include(c => c.Categories).Include(c => c.Guardians).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == childId, ct);
        if (child is null)
        {
            return Outcome.NotFound;
        }

        var today = ChinaTime.Today(clock);
        if (!EnumName.TryParse<ProtectionCategory>(input.Category, out var category))
        {
            errors.Add("category", $"未知的保护类别“{input.Category}”，应为 {string.Join(", ", Enum.GetNames<ProtectionCategory>())}");
            return Outcome.Invalid(errors);
        }

        var from = today;
        if (!string.IsNullOrWhiteSpace(input.ValidFrom) && (!DateText.TryParse(input.ValidFrom, out from) || from < child.BirthDate || from > today))
        {
            errors.Add("validFrom", "起始日期不是有效日期，或早于出生日期、晚于今天");
            return Outcome.Invalid(errors);
        }

        if (child.Categories.Any(k => k.Category == category && k.Status is not (CategoryStatus.Exited or CategoryStatus.Rejected)))
        {
            errors.Add("category", $"已有未退出的“{ChildCategory.ChineseName(category)}”类别");
            return Outcome.Invalid(errors);
        }

        var subType = input.SubType?.Trim() is { Length: > 0 } s ? s : null;
        if (CategoryRules.SubTypeProblem(category, subType) is { } subTypeProblem)
        {
            errors.Add("subType", subTypeProblem);
            return Outcome.Invalid(errors);
        }

        foreach (var problem in CategoryRules.Check(category, subType, child, child.Guardians, from, settings))
        {
            errors.Add("category", problem);
        }

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        var now = DateTime.UtcNow;
        db.ChildCategories.Add(new ChildCategory
        {
            ChildId = child.Id,
            Category = category,
            SubType = subType,
            Basis = input.Basis?.Trim() is { Length: > 0 } b ? b : null,
            ValidFrom = from,
            ValidTo = CategoryRules.LastDay(category, child.BirthDate, settings.MigrantAgeLimit),
            RegionCode = child.RegionCode,
            SubmittedBy = db.Caller.ActorId,
            SubmittedAt = now,
        });
        db.AddRevision(child, "categories", null, $"{ChildCategory.ChineseName(category)}（{ChildCategory.StatusName(CategoryStatus.Pending)}）", now);
        await db.SaveChangesAsync(ct);
        await fileChanges.ScheduleChangedAsync(db, child.Id, ct);
        return Outcome.Done(child);
    }

    /// <summary>
    /// Takes <paramref name="action"/> on a category. Refused (403) when the role or level may never, or when the caller
    /// would verify or confirm their own step (<see cref="CategoryWorkflow.SamePersonRefusal"/>); a state conflict (409)
    /// when the status does not allow it now or the version is stale; field errors (400) for a missing reason or version
    /// and a date that is sent for anything but an exit, or is no date in the category's period.
    /// </summary>
    public async Task<Outcome<Child>> ActAsync(Guid childId, Guid categoryId, CategoryAction action, CategoryActionRequest request, string role, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var child = await db.Children.Include(c => c.Categories).FirstOrDefaultAsync(c => c.Id == childId, ct);
        var category = child?.Categories.FirstOrDefault(k => k.Id == categoryId);
        if (child is null || category is null)
        {
            return Outcome.NotFound;
        }

        var level = RegionCode.LevelOf(db.Caller.JurisdictionCode) ?? 5;
        if ((CategoryWorkflow.RoleRefusal(action, role, level) ?? CategoryWorkflow.SamePersonRefusal(category, action, db.Caller.ActorId, verification.MinimumPeople)) is { } refusal)
        {
            return Outcome.Forbidden(refusal);
        }

        if (request.Version is null)
        {
            errors.Add("version", "须提供读取时的版本号 version");
        }

        var reason = request.Reason?.Trim();
        if (action is CategoryAction.Reject or CategoryAction.Exit && string.IsNullOrEmpty(reason))
        {
            errors.Add("reason", action == CategoryAction.Reject ? "不予确认须写明理由" : "退出须写明原因");
        }

        var today = ChinaTime.Today(clock);
        var exitDay = today;
        if (!string.IsNullOrWhiteSpace(request.Date))
        {
            if (action != CategoryAction.Exit)
            {
                errors.Add("date", "只有退出可以填写日期");
            }
            else if (!DateText.TryParse(request.Date, out exitDay) || exitDay < category.ValidFrom || exitDay > today)
            {
                errors.Add("date", $"情况变化日期应为 {category.ValidFrom:yyyy-MM-dd} 至今天之间的有效日期");
            }
        }

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        if (request.Version != category.Version)
        {
            return Outcome.Conflict(await db.ChangedMeanwhileAsync(child.Id, $"categories.{category.Category}", "保护类别", ct));
        }

        if (CategoryWorkflow.StateConflict(category.Status, action) is { } conflict)
        {
            return Outcome.Refused(conflict) with { Title = "当前状态不能办理" };
        }

        db.Entry(category).Property(k => k.Version).OriginalValue = request.Version.Value;
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
                    // Exit from the month after the change (DOMAIN.md §1), never past the day the child outgrows it.
                    category.ValidTo = CategoryRules.ExitLastDay(exitDay, category.ValidTo);
                }

                break;
        }

        db.AddRevision(child, $"categories.{category.Category}", before, ChildCategory.StatusName(category.Status), now);
        if (action == CategoryAction.CountyConfirm)
        {
            // The rule in force is part of the confirmation's record (Registry:Verification:MinimumPeople).
            db.RecordAudit("ConfirmCategory", nameof(ChildCategory), category.Id.ToString(), category.RegionCode, $"minimumPeople={verification.MinimumPeople}");
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Conflict(await db.ChangedMeanwhileAsync(child.Id, $"categories.{category.Category}", "保护类别", ct));
        }

        await fileChanges.ScheduleChangedAsync(db, child.Id, ct);
        return Outcome.Done(child);
    }
}
