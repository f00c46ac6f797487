using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Children;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Children;

/// <summary>Adds, changes and removes a child's guardians and family members, with the same rules as registration and a history line per change.</summary>
public sealed class GuardianEdits(ShouhuDbContext db, TimeProvider clock, RegisterSettings settings)
{
    /// <summary>Adds a guardian or family member.</summary>
    public Task<Outcome<Child>> AddAsync(Guid childId, GuardianInput input, CancellationToken ct = default) => SaveAsync(childId, null, input, ct);

    /// <summary>
    /// Replaces the fields of guardian <paramref name="guardianId"/>; <c>input.Version</c> must be the one read (400 when
    /// missing, 409 naming who changed the family meanwhile when stale).
    /// </summary>
    public Task<Outcome<Child>> UpdateAsync(Guid childId, Guid guardianId, GuardianInput input, CancellationToken ct = default) => SaveAsync(childId, guardianId, input, ct);

    /// <summary>Removes a family member record (rare; audited, and kept in the child's history); <paramref name="version"/> as for a change.</summary>
    public async Task<Outcome<Child>> RemoveAsync(Guid childId, Guid guardianId, Guid? version, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var child = await db.Children.Include(c => c.Guardians).FirstOrDefaultAsync(c => c.Id == childId, ct);
        var guardian = child?.Guardians.FirstOrDefault(g => g.Id == guardianId);
        if (child is null || guardian is null)
        {
            return Outcome.NotFound;
        }

        if (await StaleAsync(child, guardian, version, errors, ct) is { } stale)
        {
            return stale;
        }

        db.Guardians.Remove(guardian);
        db.AddRevision(child, $"guardians.{Guardian.RelationName(guardian.Relation)}", $"{guardian.Name}（{Guardian.StatusName(guardian.Status)}）", null);
        return await SaveOrConflictAsync(child, errors, ct);
    }

    /// <summary>Null when <paramref name="version"/> is the guardian's current one; else the 400 (missing) or 409 (stale) outcome.</summary>
    private async Task<Refusal?> StaleAsync(Child child, Guardian guardian, Guid? version, ValidationErrors errors, CancellationToken ct)
    {
        if (version is null)
        {
            errors.Add("version", "须提供读取时的版本号 version");
            return Outcome.Invalid(errors);
        }

        if (version != guardian.Version)
        {
            return Outcome.Conflict(await db.ChangedMeanwhileAsync(child.Id, "guardians.", "家庭成员记录", ct));
        }

        // A change saved by someone else between this read and the save fails the save (the version is its concurrency token).
        db.Entry(guardian).Property(g => g.Version).OriginalValue = version.Value;
        return null;
    }

    private async Task<Outcome<Child>> SaveOrConflictAsync(Child child, ValidationErrors errors, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Outcome.Done(child);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Conflict(await db.ChangedMeanwhileAsync(child.Id, "guardians.", "家庭成员记录", ct));
        }
    }

    private async Task<Outcome<Child>> SaveAsync(Guid childId, Guid? guardianId, GuardianInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var child = await db.Children.Include(c => c.Guardians).FirstOrDefaultAsync(c => c.Id == childId, ct);
        var existing = guardianId is { } gid ? child?.Guardians.FirstOrDefault(g => g.Id == gid) : null;
        if (child is null || (guardianId is not null && existing is null))
        {
            return Outcome.NotFound;
        }

        if (ChildRules.ValidateGuardian(input, "guardian", ChinaTime.Today(clock), child.RegionCode, errors, settings) is not { } g)
        {
            // Messages are keyed "guardian.field"; the API answers them as "field".
            var rekeyed = new ValidationErrors();
            foreach (var (field, messages) in errors.ToDictionary())
            {
                foreach (var m in messages)
                {
                    rekeyed.Add(field.Replace("guardian.", string.Empty, StringComparison.Ordinal), m);
                }
            }

            return Outcome.Invalid(rekeyed);
        }

        if (existing is not null && await StaleAsync(child, existing, input.Version, errors, ct) is { } stale)
        {
            return stale;
        }

        var label = $"guardians.{Guardian.RelationName(g.Relation)}";
        if (existing is null)
        {
            g.ChildId = child.Id;
            db.Guardians.Add(g);
            db.AddRevision(child, label, null, $"{g.Name}（{Guardian.StatusName(g.Status)}）");
        }
        else
        {
            var before = $"{existing.Name}（{Guardian.StatusName(existing.Status)}{(existing.IsWorkingAway ? "，外出务工" : "")}）";
            (existing.Name, existing.Relation, existing.CitizenIdNumber, existing.Status, existing.IsGuardian, existing.IsWorkingAway, existing.WorkPlace, existing.Employment, existing.HealthStatus, existing.Phone) =
                (g.Name, g.Relation, g.CitizenIdNumber, g.Status, g.IsGuardian, g.IsWorkingAway, g.WorkPlace, g.Employment, g.HealthStatus, g.Phone);
            (existing.ConditionSince, existing.ConditionTermMonths, existing.DisabilityType, existing.DisabilityGrade, existing.Illness, existing.AwaySince, existing.WorkRegionCode) =
                (g.ConditionSince, g.ConditionTermMonths, g.DisabilityType, g.DisabilityGrade, g.Illness, g.AwaySince, g.WorkRegionCode);
            (existing.BirthDate, existing.LacksCapacity) = (g.BirthDate, g.LacksCapacity);
            var after = $"{existing.Name}（{Guardian.StatusName(existing.Status)}{(existing.IsWorkingAway ? "，外出务工" : "")}）";
            if (db.Entry(existing).Properties.Any(p => p.IsModified))
            {
                db.AddRevision(child, label, before, after);
            }
        }

        return await SaveOrConflictAsync(child, errors, ct);
    }
}
