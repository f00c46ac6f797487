using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Children;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Children;

/// <summary>
/// Registers a child (DESIGN C2): the field rules of <see cref="ChildRules"/>, the category rules of <see cref="CategoryRules"/>,
/// a residence village that exists and lies in the caller's jurisdiction, one record per citizen ID number country-wide
/// and a warning for a probable duplicate. All or nothing: the child, categories, family and caregiver in one save.
/// </summary>
public sealed class RegisterChild(ShouhuDbContext db, DuplicateCheck duplicates, ChildFileChanges fileChanges, TimeProvider clock, RegisterSettings settings)
{
    /// <summary>
    /// Validates and saves: the new record, or field errors (400), a refusal (403), a duplicate (409 — 重复登记 for an ID
    /// number already registered, with <c>existingId</c> when the caller may see it; 可能重复 for a fuzzy match, which the caller
    /// may confirm with <c>allowPossibleDuplicate</c>; see <see cref="DuplicateRefusals"/>).
    /// </summary>
    /// <param name="input">The submitted record.</param>
    /// <param name="allowPossibleDuplicate">True once the user has seen the fuzzy matches and confirms it is another child.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<Outcome<Child>> RunAsync(ChildInput input, bool allowPossibleDuplicate = false, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var today = ChinaTime.Today(clock);
        var child = ChildRules.Validate(input, today, errors, settings);
        await ChildRegions.CheckExistAsync(db, input.ResidenceRegionCode, errors, ct, input.HouseholdRegionCode);
        if (child is null || !errors.IsEmpty || !CategoryRules.Apply(child, errors, settings))
        {
            return Outcome.Invalid(errors);
        }

        if (!db.Caller.CanSee(child.RegionCode))
        {
            return Outcome.Forbidden($"居住地 {child.RegionCode} 不在您的辖区之内");
        }

        if (child.CitizenIdNumber is { } idNumber && await duplicates.ExactAsync(idNumber, null, ct) is { } exact)
        {
            return DuplicateRefusals.Registered(exact.Id is null ? $"该身份证号已在{exact.Where}" : "该身份证号已登记，请勿重复登记", exact.Id);
        }

        if (!allowPossibleDuplicate)
        {
            var guardianIds = child.Guardians.Where(g => g.CitizenIdNumber is not null).Select(g => g.CitizenIdNumber!).ToList();
            var fuzzy = await duplicates.FuzzyAsync(child.Name, child.BirthDate, guardianIds, child.RegionCode, null, ct);
            if (fuzzy.Count > 0)
            {
                return DuplicateRefusals.Possible(fuzzy);
            }
        }

        AddNew(db, fileChanges, child);

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueIdNumber.IsViolation(e))
        {
            // Lost a race with another registration of the same number: the unique index said no.
            db.ChangeTracker.Clear();
            return DuplicateRefusals.Registered("该身份证号已登记，请勿重复登记", null);
        }

        await fileChanges.ChangedAsync(db.Caller, child.Id); // e.g. a left-behind child registered without an entrusted caregiver
        return Outcome.Done(child);
    }

    /// <summary>
    /// Adds a validated new child to <paramref name="db"/> as every registration does (the form, the API, a survey import):
    /// created by the caller now, each category submitted by the caller (its verification chain starts at the caller's
    /// level), with its first visit schedule. The caller saves.
    /// </summary>
    public static void AddNew(ShouhuDbContext db, ChildFileChanges fileChanges, Child child)
    {
        Stamp(db.Caller, child, DateTime.UtcNow);
        db.Children.Add(child);
        if (fileChanges.FirstSchedule(child) is { } visits)
        {
            db.VisitSchedules.Add(visits);
        }
    }

    /// <summary>
    /// Many validated new children as <see cref="AddNew"/> makes each (created by the caller at <paramref name="now"/>, each
    /// category submitted by the caller, the first visit schedule), queued for the next save in bulk
    /// (<see cref="ShouhuDbContext.AddChildrenInBulk"/>) with the one audit entry that lists them: a survey import's batch.
    /// </summary>
    public static void AddManyNew(ShouhuDbContext db, ChildFileChanges fileChanges, IReadOnlyList<Child> children, DateTime now,
        string action, string entity, string? entityId, string regionCode, string? detail)
    {
        var schedules = new List<Domain.Monitoring.VisitSchedule>(children.Count);
        foreach (var child in children)
        {
            Stamp(db.Caller, child, now);
            if (fileChanges.FirstSchedule(child) is { } visits)
            {
                schedules.Add(visits);
            }
        }

        db.AddChildrenInBulk(children, schedules, action, entity, entityId, regionCode, detail);
    }

    private static void Stamp(CallerScope caller, Child child, DateTime now)
    {
        child.CreatedAt = now;
        child.CreatedBy = caller.ActorId;
        foreach (var k in child.Categories)
        {
            k.SubmittedBy = caller.ActorId;
            k.SubmittedAt = now;
        }
    }
}

/// <summary>Existence check of the residence village (the domain checks only the form). The household-registration code is
/// only checked for form: it may lie in a province whose divisions are not imported.</summary>
public static class ChildRegions
{
    /// <summary>
    /// Adds an error for a residence code that is well-formed but not a known region, and for a household-registration
    /// code (<see cref="ChildRules"/> checked its form) whose city is imported but which is not among its regions.
    /// </summary>
    public static async Task CheckExistAsync(ShouhuDbContext db, string? residence, ValidationErrors errors, CancellationToken ct, string? household = null)
    {
        residence = residence?.Trim();
        if (errors.For("residenceRegionCode").Count == 0 && !string.IsNullOrEmpty(residence) && !await db.Regions.AnyAsync(r => r.Code == residence, ct))
        {
            errors.Add("residenceRegionCode", $"区划代码 {residence} 不存在");
        }

        household = household?.Trim();
        if (errors.For("householdRegionCode").Count == 0 && household is { Length: 6 or 12 })
        {
            var city = household[..4];
            if (await db.Regions.AnyAsync(r => r.Code == city, ct) && !await db.Regions.AnyAsync(r => r.Code == household, ct))
            {
                errors.Add("householdRegionCode", $"户籍地区划代码 {household} 不存在");
            }
        }
    }
}
