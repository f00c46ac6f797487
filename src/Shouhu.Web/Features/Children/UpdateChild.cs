using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Children;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Children;

/// <summary>
/// Edits a child's own fields (identity, residence, household, school, health, family situation, entrusted care) with the
/// same rules as registration. PUT is a full replacement of the fields it documents: an optional field left out is
/// cleared; name, sex, residence and — unless an ID number is sent — the birth date must be sent (400 naming the one
/// missing); an ID number once recorded
/// cannot be erased (400 身份证号不能删除) — a correction replaces it. Categories and guardians have their own routes and
/// are left as they are. Every changed field becomes a <see cref="ChildRevision"/> (who, when, from, to) in the same
/// save; the record's <c>version</c> must be the one the editor read, else nothing is saved and the conflict names who saved.
/// </summary>
public sealed class UpdateChild(ShouhuDbContext db, DuplicateCheck duplicates, ChildFileChanges fileChanges, TimeProvider clock, RegisterSettings settings)
{
    /// <summary>
    /// Validates and saves; categories and guardians in <paramref name="input"/> are ignored. The saved record, or field
    /// errors (400), a refusal (403), a duplicate (409, <see cref="DuplicateRefusals"/>), a conflict (409: someone else
    /// saved first; the message names who).
    /// </summary>
    public async Task<Outcome<Child>> RunAsync(Guid id, ChildInput input, Guid? version, bool allowPossibleDuplicate, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var child = await db.Children.Include(c => c.EntrustedCare).Include(c => c.Categories).Include(c => c.Guardians)
            .AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (child is null)
        {
            return Outcome.NotFound;
        }

        if (version is null)
        {
            errors.Add("version", "须提供读取时的版本号 version");
            return Outcome.Invalid(errors);
        }

        if (version != child.Version)
        {
            return Outcome.Conflict(await ConflictMessageAsync(child, ct));
        }

        // PUT replaces every field it documents: what is required must be sent, and a recorded ID number is corrected, never erased.
        // The birth date is required as on registration: unless an ID number is sent, which carries it.
        foreach (var (field, value, label) in new[] { ("name", input.Name, "姓名"), ("sex", input.Sex, "性别"), ("birthDate", input.BirthDate ?? input.CitizenIdNumber, "出生日期"), ("residenceRegionCode", input.ResidenceRegionCode, "居住地") })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(field, $"修改档案须提供{label}（PUT 为整体替换，省略即为清空）");
            }
        }

        if (child.CitizenIdNumber is not null && string.IsNullOrWhiteSpace(input.CitizenIdNumber))
        {
            errors.Add("citizenIdNumber", "身份证号不能删除；如有错误，请填写正确的号码");
        }

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        var today = ChinaTime.Today(clock);
        var updated = ChildRules.Validate(input with { Categories = null, Guardians = null }, today, errors, settings);
        await ChildRegions.CheckExistAsync(db, input.ResidenceRegionCode, errors, ct, input.HouseholdRegionCode);
        if (updated is null || !errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        if (!db.Caller.CanSee(updated.RegionCode))
        {
            return Outcome.Forbidden($"居住地 {updated.RegionCode} 不在您的辖区之内；迁出辖区请由上级办理转移");
        }

        if (updated.CitizenIdNumber is { } idNumber && idNumber != child.CitizenIdNumber && await duplicates.ExactAsync(idNumber, child.Id, ct) is { } exact)
        {
            return DuplicateRefusals.Registered(exact.Id is null ? $"该身份证号已在{exact.Where}" : "该身份证号已登记在另一份档案中", null);
        }

        if (!allowPossibleDuplicate && (updated.Name != child.Name || updated.BirthDate != child.BirthDate))
        {
            var guardianIds = child.Guardians.Where(g => g.CitizenIdNumber is not null).Select(g => g.CitizenIdNumber!).ToList();
            var fuzzy = await duplicates.FuzzyAsync(updated.Name, updated.BirthDate, guardianIds, updated.RegionCode, child.Id, ct);
            if (fuzzy.Count > 0)
            {
                return DuplicateRefusals.Possible(fuzzy);
            }
        }

        return await SaveAsync(child, updated, keepMissing: false, ct);
    }

    /// <summary>
    /// Updates a registered child from a survey row (the baseline import's update, issue #12 item 5): as <see cref="RunAsync"/>
    /// — the same rules, the same history, the same residence move and the same conflict on a stale <paramref name="version"/>
    /// — except that a field the row leaves empty keeps its value (a survey that does not ask a question does not erase
    /// the answer), and no probable-duplicate check (the row matched this child by its ID number). Categories and guardians
    /// in <paramref name="input"/> are ignored, as by <see cref="RunAsync"/>.
    /// </summary>
    public async Task<Outcome<Child>> MergeAsync(Guid id, ChildInput input, Guid version, CancellationToken ct = default)
    {
        var child = await db.Children.Include(c => c.EntrustedCare).Include(c => c.Categories).Include(c => c.Guardians)
            .AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (child is null)
        {
            return Outcome.NotFound;
        }

        if (version != child.Version)
        {
            return Outcome.Conflict(await ConflictMessageAsync(child, ct));
        }

        var errors = new ValidationErrors();
        var updated = ChildRules.Validate(input with { Categories = null, Guardians = null }, ChinaTime.Today(clock), errors, settings);
        await ChildRegions.CheckExistAsync(db, input.ResidenceRegionCode, errors, ct, input.HouseholdRegionCode);
        if (updated is null || !errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        if (!db.Caller.CanSee(updated.RegionCode))
        {
            return Outcome.Forbidden($"居住地 {updated.RegionCode} 不在您的辖区之内；迁出辖区请由上级办理转移");
        }

        if (updated.CitizenIdNumber is { } idNumber && idNumber != child.CitizenIdNumber)
        {
            return Outcome.Conflict("身份证号与档案不同：导入的更新不修改身份证号");
        }

        return await SaveAsync(child, updated, keepMissing: true, ct);
    }

    /// <summary>
    /// The fields a survey row would change on a registered child, as <see cref="MergeAsync"/> would write them — the
    /// register's history format (field, old, new). <paramref name="registered"/> is changed: pass an untracked copy.
    /// </summary>
    public static List<(string Field, string? Old, string? New)> MergeChanges(Child registered, Child incoming, RegisterSettings settings) =>
        Apply(registered, incoming, settings, keepMissing: true);

    // Writes the changes of updated onto child with their history, moves the file with the residence, saves, reschedules.
    private async Task<Outcome<Child>> SaveAsync(Child child, Child updated, bool keepMissing, CancellationToken ct)
    {
        var id = child.Id;
        var errors = new ValidationErrors();
        var movedFrom = child.RegionCode;
        var hadCare = child.EntrustedCare is not null;
        var revisions = Apply(child, updated, settings, keepMissing);
        if (!hadCare && child.EntrustedCare is { } newCare)
        {
            // A new row: its key is set already, so without Add the change tracker would take it for an existing one and
            // update nothing (and report a concurrency conflict).
            db.EntrustedCares.Add(newCare);
        }
        if (revisions.Count == 0)
        {
            return Outcome.Done(child);
        }

        if (child.RegionCode != movedFrom)
        {
            // An open case belongs to a place and its workers: it moves by the case's own transfer, which the receiving
            // side accepts (and which moves the child's file with it) — not silently with an edit of the record.
            var newHome = child.RegionCode;
            // Every open case of the child counts, also one held by another jurisdiction (left there when another case was
            // transferred); its number is named only when the editor may see it.
            var open = await db.Beyond<Domain.Casework.Case>(JurisdictionBypass.OpenCaseCheck).Where(c => c.ChildId == child.Id && c.Status != Domain.Casework.CaseStatus.Closed)
                .Select(c => new { c.CaseNumber, c.RegionCode }).ToListAsync(ct);
            if (open.FirstOrDefault(c => !Domain.Regions.RegionCode.IsWithin(newHome, c.RegionCode)) is { } held)
            {
                db.ChangeTracker.Clear();
                errors.Add("residenceRegionCode", db.Caller.CanSee(held.RegionCode)
                    ? $"该儿童有在办案件 {held.CaseNumber}：迁居请在案件页办理「转移辖区」，接收方确认后档案随之迁移"
                    : "该儿童在其他辖区有在办案件：迁居须由办案方办理案件「转移辖区」");
                return Outcome.Invalid(errors);
            }

            await ChildFile.FollowResidenceAsync(db, child.Id, newHome, ct);
            // Reports still waiting for triage that were placed at the old home go to the new one's queue.
            foreach (var r in await db.Reports.Where(r => r.ChildId == child.Id && r.Status == Domain.Casework.ReportStatus.AwaitingTriage && r.RegionCode == movedFrom).ToListAsync(ct))
            {
                r.RegionCode = newHome;
            }
        }

        var now = DateTime.UtcNow;
        foreach (var (field, oldValue, newValue) in revisions)
        {
            db.AddRevision(child, field, oldValue, newValue, now);
        }

        child.UpdatedAt = now;
        child.UpdatedBy = db.Caller.ActorId;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Children.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
            return Outcome.Conflict(current is null ? "该档案已不存在" : await ConflictMessageAsync(current, ct));
        }
        catch (DbUpdateException e) when (UniqueIdNumber.IsViolation(e))
        {
            db.ChangeTracker.Clear();
            return DuplicateRefusals.Registered("该身份证号已登记在另一份档案中", null);
        }

        // A new birth date moves the categories' end, and with them the visit interval.
        // A caregiver entered, a birth date corrected: alerts clear at once.
        await fileChanges.ScheduleChangedAsync(db, child.Id, ct);
        return Outcome.Done(child);
    }

    private async Task<string> ConflictMessageAsync(Child current, CancellationToken ct)
    {
        var who = current.UpdatedBy is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == current.UpdatedBy).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        var when = current.UpdatedAt is { } at ? ChinaTime.ToChina(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "刚才";
        return $"该档案已于 {when} 被{who ?? "他人"}修改，请刷新后重新编辑";
    }

    /// <summary>
    /// Copies the fields of <paramref name="from"/> onto <paramref name="to"/>; returns (field, old, new) for each change.
    /// With <paramref name="keepMissing"/> a field <paramref name="from"/> leaves empty (null, or an enum's 未知 = 0) keeps its value.
    /// </summary>
    private static List<(string Field, string? Old, string? New)> Apply(Child to, Child from, RegisterSettings settings, bool keepMissing)
    {
        var changes = new List<(string, string?, string?)>();
        void Set<T>(string field, T oldValue, T newValue, Action<T> assign)
        {
            if (keepMissing && (newValue is null || (newValue is Enum && EqualityComparer<T>.Default.Equals(newValue, default!))))
            {
                return;
            }

            if (!EqualityComparer<T>.Default.Equals(oldValue, newValue))
            {
                changes.Add((field, Text(oldValue), Text(newValue)));
                assign(newValue);
            }
        }

        Set("name", to.Name, from.Name, v => to.Name = v);
        Set("sex", to.Sex, from.Sex, v => to.Sex = v);
        Set("citizenIdNumber", to.CitizenIdNumber, from.CitizenIdNumber, v => to.CitizenIdNumber = v);
        Set("birthDate", to.BirthDate, from.BirthDate, v => to.BirthDate = v);
        Set("ethnicityCode", to.EthnicityCode, from.EthnicityCode, v => to.EthnicityCode = v);
        Set("residenceRegionCode", to.RegionCode, from.RegionCode, v => to.RegionCode = v);
        Set("address", to.Address, from.Address, v => to.Address = v);
        Set("householdRegionCode", to.HouseholdRegionCode, from.HouseholdRegionCode, v => to.HouseholdRegionCode = v);
        Set("householdKind", to.HouseholdKind, from.HouseholdKind, v => to.HouseholdKind = v);
        Set("schoolStatus", to.SchoolStatus, from.SchoolStatus, v => to.SchoolStatus = v);
        Set("schoolName", to.SchoolName, from.SchoolName, v => to.SchoolName = v);
        Set("grade", to.Grade, from.Grade, v => to.Grade = v);
        Set("notInSchoolReason", to.NotInSchoolReason, from.NotInSchoolReason, v => to.NotInSchoolReason = v);
        Set("healthStatus", to.HealthStatus, from.HealthStatus, v => to.HealthStatus = v);
        Set("disabilityType", to.DisabilityType, from.DisabilityType, v => to.DisabilityType = v);
        Set("disabilityGrade", to.DisabilityGrade, from.DisabilityGrade, v => to.DisabilityGrade = v);
        Set("disabilityCertificateNumber", to.DisabilityCertificateNumber, from.DisabilityCertificateNumber, v => to.DisabilityCertificateNumber = v);
        Set("contactPhone", to.ContactPhone, from.ContactPhone, v => to.ContactPhone = v);
        Set("incomeBand", to.IncomeBand, from.IncomeBand, v => to.IncomeBand = v);
        Set("housing", to.Housing, from.Housing, v => to.Housing = v);
        Set("careCapacityNote", to.CareCapacityNote, from.CareCapacityNote, v => to.CareCapacityNote = v);
        Set("householdRegistered", to.HouseholdRegistered, from.HouseholdRegistered, v => to.HouseholdRegistered = v);
        Set("illnessType", to.IllnessType, from.IllnessType, v => to.IllnessType = v);
        Set("boarding", to.Boarding, from.Boarding, v => to.Boarding = v);
        Set("schoolStage", to.SchoolStage, from.SchoolStage, v => to.SchoolStage = v);
        Set("guardianshipType", to.GuardianshipType, from.GuardianshipType, v => to.GuardianshipType = v);
        Set("incomeSources", to.IncomeSources, from.IncomeSources, v => to.IncomeSources = v);
        Set("assistance", to.Assistance, from.Assistance, v => to.Assistance = v);

        var oldCare = to.EntrustedCare;
        var newCare = from.EntrustedCare;
        if (oldCare is null && newCare is not null)
        {
            newCare.ChildId = to.Id;
            to.EntrustedCare = newCare;
            changes.Add(("entrustedCare", null, $"{newCare.CaregiverName}（{Guardian.RelationName(newCare.Relation)}）"));
        }
        else if (oldCare is not null && newCare is null && !keepMissing)
        {
            to.EntrustedCare = null;
            changes.Add(("entrustedCare", $"{oldCare.CaregiverName}（{Guardian.RelationName(oldCare.Relation)}）", null));
        }
        else if (oldCare is not null && newCare is not null)
        {
            Set("entrustedCare.caregiverName", oldCare.CaregiverName, newCare.CaregiverName, v => oldCare.CaregiverName = v);
            Set("entrustedCare.relation", oldCare.Relation, newCare.Relation, v => oldCare.Relation = v);
            Set("entrustedCare.citizenIdNumber", oldCare.CitizenIdNumber, newCare.CitizenIdNumber, v => oldCare.CitizenIdNumber = v);
            Set("entrustedCare.phone", oldCare.Phone, newCare.Phone, v => oldCare.Phone = v);
            Set("entrustedCare.agreementDate", oldCare.AgreementDate, newCare.AgreementDate, v => oldCare.AgreementDate = v);
            Set("entrustedCare.address", oldCare.Address, newCare.Address, v => oldCare.Address = v);
        }

        // Records copied from the child follow its region; open categories follow its birth date.
        foreach (var g in to.Guardians)
        {
            g.RegionCode = to.RegionCode;
        }

        foreach (var k in to.Categories)
        {
            k.RegionCode = to.RegionCode;
            if (k.Status is not (CategoryStatus.Exited or CategoryStatus.Rejected))
            {
                k.ValidTo = CategoryRules.LastDay(k.Category, to.BirthDate, settings.MigrantAgeLimit);
            }
        }

        if (to.EntrustedCare is { } care)
        {
            care.RegionCode = to.RegionCode;
        }

        return changes;
    }

    private static string? Text<T>(T value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
