using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Regions;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Children;

/// <summary>
/// A record that may be the same child. Inside the caller's jurisdiction it names the record; outside it says only which
/// level to contact (DESIGN C2: nothing from outside the jurisdiction leaves the server).
/// </summary>
public sealed record PossibleDuplicate(Guid? Id, string? Name, DateOnly? BirthDate, string? RegionName, string Where)
{
    /// <summary>The matches as <paramref name="view"/> (<see cref="Shouhu.Web.Shared.OutputChannel.DuplicateCheck"/>) lets them be shown: the birth date only with full numbers.</summary>
    public static List<PossibleDuplicate> Shown(IEnumerable<PossibleDuplicate> matches, Shouhu.Web.Shared.PersonalDataView view) =>
        matches.Select(d => d with { BirthDate = d.BirthDate is { } b ? view.BirthDate(b) : null }).ToList();
}

/// <summary>One record to look for probable duplicates of (<see cref="DuplicateCheck.FuzzyManyAsync"/>): its name, birth date, guardians' ID numbers, residence (its county is searched) and own id, if registered.</summary>
public sealed record FuzzyProbe(string Name, DateOnly BirthDate, IReadOnlyCollection<string> GuardianIds, string RegionCode, Guid? ExceptId);

/// <summary>
/// The two 409 refusals of a duplicate on registration and edit (API-CONTRACT.md): 重复登记 for a citizen ID number already
/// registered (<c>existingId</c> when the record lies in the caller's jurisdiction), and 可能重复 for a probable duplicate, whose
/// <c>possibleDuplicates</c> the API and the page show only as <see cref="Shown{T}"/> lets the caller's role see them.
/// </summary>
public static class DuplicateRefusals
{
    /// <summary>The sentence of 可能重复: what matched, and how to register anyway.</summary>
    public const string PossibleText = "发现姓名相同且出生日期或监护人身份证号相同的儿童。如确认不是同一人，请带 allowPossibleDuplicate: true 再次提交。";

    private const string Matches = "possibleDuplicates";
    private const string Existing = "existingId";

    /// <summary>409 重复登记, with the record's id when the caller may open it.</summary>
    public static Refusal Registered(string detail, Guid? existingId) => Outcome.Conflict(detail) with
    {
        Title = "重复登记",
        Extensions = existingId is { } id ? new Dictionary<string, object?> { [Existing] = id } : null,
    };

    /// <summary>409 可能重复 with the matches as found (unmasked: answer it only through <see cref="Shown{T}"/>).</summary>
    public static Refusal Possible(IReadOnlyList<PossibleDuplicate> matches) => Outcome.Conflict(PossibleText) with
    {
        Title = "可能重复",
        Extensions = new Dictionary<string, object?> { [Matches] = matches },
    };

    /// <summary>The matches of a 可能重复 refusal (empty for any other outcome).</summary>
    public static IReadOnlyList<PossibleDuplicate> MatchesOf<T>(Outcome<T> outcome) =>
        outcome.Refusal?.Extensions?.GetValueOrDefault(Matches) as IReadOnlyList<PossibleDuplicate> ?? [];

    /// <summary>The id of the registered record of a 重复登记 refusal, when the caller may open it.</summary>
    public static Guid? ExistingIdOf<T>(Outcome<T> outcome) => outcome.Refusal?.Extensions?.GetValueOrDefault(Existing) as Guid?;

    /// <summary>The outcome with its matches as <paramref name="view"/> lets them be shown (<see cref="PossibleDuplicate.Shown"/>).</summary>
    public static Outcome<T> Shown<T>(Outcome<T> outcome, PersonalDataView view) =>
        outcome.Refusal is { } r && MatchesOf(outcome) is { Count: > 0 } matches
            ? r with { Extensions = new Dictionary<string, object?> { [Matches] = PossibleDuplicate.Shown(matches, view) } }
            : outcome;
}

/// <summary>
/// Duplicate detection on entry and edit (the registry issue): an exact citizen ID number anywhere in the country blocks;
/// the same name with the same birth date, or the same name with a guardian's ID number, in the same county warns.
/// These are the only reads that look past the jurisdiction filter, and they return no detail of what lies outside.
/// </summary>
public sealed class DuplicateCheck(ShouhuDbContext db, RegionNames regionNames)
{
    /// <summary>The record holding <paramref name="idNumber"/> other than <paramref name="exceptId"/>, as a duplicate, or null.</summary>
    public async Task<PossibleDuplicate?> ExactAsync(string idNumber, Guid? exceptId, CancellationToken ct)
    {
        var hit = await db.Beyond<Domain.Children.Child>(JurisdictionBypass.DuplicateCheck)
            .Where(c => c.CitizenIdNumber == idNumber && c.Id != exceptId)
            .Select(c => new { c.Id, c.Name, c.BirthDate, c.RegionCode }).FirstOrDefaultAsync(ct);
        if (hit is null)
        {
            return null;
        }

        // A hit tells the caller that a number is registered somewhere: that look is audited against the record found,
        // so its own jurisdiction sees who asked (and a series of probes shows).
        db.RecordAudit("DuplicateHit", nameof(Domain.Children.Child), hit.Id.ToString(), hit.RegionCode, "exact-id");
        await db.SaveChangesAsync(ct);
        return await DescribeAsync(hit.Id, hit.Name, hit.BirthDate, hit.RegionCode, ct);
    }

    /// <summary>Records in the same county with the same name and either the same birth date or a guardian with one of <paramref name="guardianIds"/>.</summary>
    public async Task<List<PossibleDuplicate>> FuzzyAsync(string name, DateOnly birthDate, IReadOnlyCollection<string> guardianIds, string regionCode, Guid? exceptId, CancellationToken ct) =>
        (await FuzzyManyAsync([new FuzzyProbe(name, birthDate, guardianIds, regionCode, exceptId)], ct))[0];

    /// <summary>
    /// <see cref="FuzzyAsync"/> for many records at once (the survey import's dry run: one query per county and batch, not
    /// one per row): for each probe, in its order, up to 10 records in the probe's county with the same name and either the
    /// same birth date or a guardian with one of its ID numbers. Each hit is audited against the record found.
    /// </summary>
    public async Task<IReadOnlyList<List<PossibleDuplicate>>> FuzzyManyAsync(IReadOnlyList<FuzzyProbe> probes, CancellationToken ct)
    {
        var result = probes.Select(_ => new List<PossibleDuplicate>()).ToList();
        foreach (var county in probes.Select((p, i) => (Probe: p, Index: i)).GroupBy(p => p.Probe.RegionCode.Length >= 6 ? p.Probe.RegionCode[..6] : p.Probe.RegionCode))
        {
            var (low, high) = RegionCode.SubtreeRange(county.Key);
            var names = county.Select(p => p.Probe.Name).Distinct().ToList();
            var candidates = await db.Beyond<Domain.Children.Child>(JurisdictionBypass.DuplicateCheck)
                .Where(c => names.Contains(c.Name) && string.Compare(c.RegionCode, low) >= 0 && string.Compare(c.RegionCode, high) <= 0)
                .OrderBy(c => c.Id)
                .Select(c => new { c.Id, c.Name, c.BirthDate, c.RegionCode, GuardianIds = c.Guardians.Where(g => g.CitizenIdNumber != null).Select(g => g.CitizenIdNumber!).ToList() })
                .ToListAsync(ct);
            var byName = candidates.ToLookup(c => c.Name, StringComparer.Ordinal);
            foreach (var (probe, index) in county)
            {
                foreach (var h in byName[probe.Name].Where(c => c.Id != probe.ExceptId && (c.BirthDate == probe.BirthDate || c.GuardianIds.Any(probe.GuardianIds.Contains))).Take(10))
                {
                    db.RecordAudit("DuplicateHit", nameof(Domain.Children.Child), h.Id.ToString(), h.RegionCode, "name-and-birth-or-guardian");
                    result[index].Add(await DescribeAsync(h.Id, h.Name, h.BirthDate, h.RegionCode, ct));
                }
            }
        }

        if (result.Any(r => r.Count > 0))
        {
            await db.SaveChangesAsync(ct);
        }

        return result;
    }

    private async Task<PossibleDuplicate> DescribeAsync(Guid id, string name, DateOnly birth, string regionCode, CancellationToken ct)
    {
        if (db.Caller.CanSee(regionCode))
        {
            var regionName = (await regionNames.NamesAsync([regionCode], ct)).GetValueOrDefault(regionCode);
            return new PossibleDuplicate(id, name, birth, regionName, "本辖区");
        }

        return new PossibleDuplicate(null, null, null, null, LevelToContact(regionCode, db.Caller.JurisdictionCode));
    }

    /// <summary>Which level to contact about a record outside the caller's jurisdiction — nothing finer than the smallest common area.</summary>
    public static string LevelToContact(string regionCode, string? jurisdiction)
    {
        if (jurisdiction is null)
        {
            return "其他地区，请联系上级民政部门";
        }

        for (var len = Math.Min(jurisdiction.Length, RegionCode.MaxLength); len >= 2; len--)
        {
            if (RegionCode.LevelOf(jurisdiction[..len]) is { } level && regionCode.StartsWith(jurisdiction[..len], StringComparison.Ordinal))
            {
                return level switch
                {
                    4 => "本乡镇（街道）其他村（社区），请联系乡镇儿童督导员",
                    3 => "本县（区）其他乡镇，请联系县（区）民政局",
                    2 => "本市其他县（区），请联系市民政局",
                    _ => "本省其他市（州），请联系省民政厅",
                };
            }
        }

        return "其他省份，请联系上级民政部门";
    }
}

/// <summary>Recognises the unique-index violation of the citizen ID number (and only it), on SQLite and PostgreSQL.</summary>
public static class UniqueIdNumber
{
    /// <summary>True when <paramref name="e"/> is the database refusing a second record with the same ID number.</summary>
    public static bool IsViolation(DbUpdateException e) =>
        e.InnerException?.Message is { } m
        && (m.Contains("Children.CitizenIdNumber", StringComparison.Ordinal) || m.Contains("IX_Children_CitizenIdNumber", StringComparison.Ordinal));
}
