using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Children;
using Shouhu.Domain.Identity;
using Shouhu.Domain.Time;

namespace Shouhu.Web.Features.SurveyForms;

/// <summary>One row of the 汇总表: a region and its 32 counts (index 0 = column 1, 合计).</summary>
/// <param name="RegionCode">The region (a direct sub-region of the form's region, or the form's region for 合计).</param>
/// <param name="RegionName">Its name; 合计 for the total row.</param>
/// <param name="Columns">The 32 counts, in the order of <see cref="LeftBehindSummary.Headings"/>.</param>
public sealed record SummaryRow(string RegionCode, string RegionName, IReadOnlyList<long> Columns);

/// <summary>
/// How many children of the 合计 had a fact missing and were counted where <see cref="LeftBehindSummary.Classify"/> states
/// (ADR-014): 就学情况 estimated, 是否寄宿 counted 非寄宿, the parents' absence counted 一方外出, health counted 健康, sex counted 女.
/// </summary>
public sealed record SummaryDefaults(long Stage, long Boarding, long Parents, long Health, long Sex);

/// <summary>
/// The 2016 农村留守儿童信息汇总表 (民发〔2016〕42号 附件3, reconstructed in ADR-014) as JSON: one row per direct sub-region of
/// <c>regionCode</c> (every one, zeros included; a village has itself only), then <c>total</c> (合计); 32 count columns
/// whose 勾稽 equations hold on every row; <c>brokenEquations</c> lists any that do not (always empty — the check is kept in the answer).
/// </summary>
public sealed record LeftBehindSummaryResponse(
    string RegionCode,
    string RegionName,
    DateOnly AsOf,
    IReadOnlyList<string> Headings,
    IReadOnlyList<SummaryRow> Rows,
    SummaryRow Total,
    SummaryDefaults Defaulted,
    IReadOnlyList<string> BrokenEquations);

/// <summary>
/// Counts the 汇总表 in the database: the left-behind children of <see cref="FormScope.Children"/>, grouped by the
/// sub-region prefix of their village and by the classification's inputs (sex, an age bucket on the 统计截止日, stage, school
/// status, boarding, health, disability, caregiver relation, 监护类型), once for each parents' situation (a WHERE over the
/// guardians, so no subquery is grouped); the groups — a few thousand at most, never one per child — are classified by
/// <see cref="LeftBehindSummary.Classify"/> and summed. Inside the caller's jurisdiction only (the context's filter).
/// </summary>
public sealed class LeftBehindSummaryQuery(ShouhuDbContext db)
{
    // Representative ages of the buckets: the classification depends on the age only through 5/13 (bands), 2/5/11/14 (stage estimates) and 14 (不在学).
    private static readonly int[] BucketAges = [1, 4, 8, 12, 14, 15];

    /// <summary>The table for <paramref name="scope"/> (its category is taken to be 农村留守儿童).</summary>
    public async Task<LeftBehindSummaryResponse> RunAsync(FormScope scope, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var level = Domain.Regions.RegionCode.LevelOf(scope.RegionCode) ?? 5;
        var prefixLength = Domain.Regions.RegionCode.LengthOf(Math.Min(level + 1, 5));
        var subRegions = level == 5
            ? [(scope.RegionCode, scope.RegionName)]
            : (await db.Regions.AsNoTracking().Where(r => r.ParentCode == scope.RegionCode).OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(ct))
                .Where(r => db.Caller.CanSee(r.Code)).Select(r => (r.Code, r.Name)).ToList();
        var rows = subRegions.ToDictionary(r => r.Item1, _ => new long[LeftBehindSummary.ColumnCount + 1], StringComparer.Ordinal);
        var total = new long[LeftBehindSummary.ColumnCount + 1];
        var defaults = new long[5];

        var b3 = ChinaTime.LatestBirthDateForAge(3, scope.AsOf);
        var b6 = ChinaTime.LatestBirthDateForAge(6, scope.AsOf);
        var b12 = ChinaTime.LatestBirthDateForAge(12, scope.AsOf);
        var b14 = ChinaTime.LatestBirthDateForAge(14, scope.AsOf);
        var b15 = ChinaTime.LatestBirthDateForAge(15, scope.AsOf);
        var leftBehind = scope with { Category = ProtectionCategory.LeftBehind };
        foreach (var (situation, where) in Situations())
        {
            var groups = await leftBehind.Children(db).Where(where)
                .GroupBy(c => new
                {
                    Prefix = c.RegionCode.Substring(0, prefixLength),
                    c.Sex,
                    Bucket = c.BirthDate > b3 ? 0 : c.BirthDate > b6 ? 1 : c.BirthDate > b12 ? 2 : c.BirthDate > b14 ? 3 : c.BirthDate > b15 ? 4 : 5,
                    c.SchoolStage,
                    c.SchoolStatus,
                    c.Boarding,
                    c.HealthStatus,
                    Disabled = c.DisabilityType != null,
                    Caregiver = (GuardianRelation?)c.EntrustedCare!.Relation,
                    c.GuardianshipType,
                })
                .Select(g => new { g.Key, Count = g.LongCount() })
                .ToListAsync(ct);
            foreach (var g in groups)
            {
                var k = g.Key;
                var columns = LeftBehindSummary.Classify(new LeftBehindFacts(k.Sex, BucketAges[k.Bucket], k.SchoolStage, k.SchoolStatus, k.Boarding, k.HealthStatus, k.Disabled, situation, k.Caregiver, k.GuardianshipType));
                if (rows.TryGetValue(k.Prefix, out var row))
                {
                    LeftBehindSummary.Add(row, columns, g.Count);
                }

                LeftBehindSummary.Add(total, columns, g.Count);
                var flags = columns.Defaults;
                defaults[0] += flags.HasFlag(LeftBehindDefaults.Stage) ? g.Count : 0;
                defaults[1] += flags.HasFlag(LeftBehindDefaults.Boarding) ? g.Count : 0;
                defaults[2] += flags.HasFlag(LeftBehindDefaults.Parents) ? g.Count : 0;
                defaults[3] += flags.HasFlag(LeftBehindDefaults.Health) ? g.Count : 0;
                defaults[4] += flags.HasFlag(LeftBehindDefaults.Sex) ? g.Count : 0;
            }
        }

        var answerRows = subRegions.Select(r => new SummaryRow(r.Item1, r.Item2, rows[r.Item1][1..])).ToList();
        var broken = answerRows.Select(r => r.Columns).Append(total[1..])
            .SelectMany((c, i) => LeftBehindSummary.BrokenEquations([0, .. c]).Select(e => $"{(i < answerRows.Count ? answerRows[i].RegionName : "合计")}: {e}")).ToList();
        return new LeftBehindSummaryResponse(scope.RegionCode, scope.RegionName, scope.AsOf, LeftBehindSummary.Headings, answerRows,
            new SummaryRow(scope.RegionCode, "合计", total[1..]), new SummaryDefaults(defaults[0], defaults[1], defaults[2], defaults[3], defaults[4]), broken);
    }

    // The parents' situation of ParentsSituation as three disjoint conditions over the guardians (国发〔2016〕13号).
    private static IEnumerable<(ParentsSituation, Expression<Func<Child, bool>>)> Situations()
    {
        const GuardianRelation father = GuardianRelation.Father, mother = GuardianRelation.Mother;
        const GuardianStatus living = GuardianStatus.Living;
        yield return (ParentsSituation.BothAway, c =>
            c.Guardians.Any(g => g.Relation == father && g.IsWorkingAway) && c.Guardians.Any(g => g.Relation == mother && g.IsWorkingAway));
        yield return (ParentsSituation.OneAwayOtherIncapable, c =>
            !(c.Guardians.Any(g => g.Relation == father && g.IsWorkingAway) && c.Guardians.Any(g => g.Relation == mother && g.IsWorkingAway))
            && ((c.Guardians.Any(g => g.Relation == father && g.IsWorkingAway) && c.Guardians.Any(g => g.Relation == mother && (g.LacksCapacity || g.Status != living)))
                || (c.Guardians.Any(g => g.Relation == mother && g.IsWorkingAway) && c.Guardians.Any(g => g.Relation == father && (g.LacksCapacity || g.Status != living)))));
        yield return (ParentsSituation.Unrecorded, c =>
            !(c.Guardians.Any(g => g.Relation == father && g.IsWorkingAway) && c.Guardians.Any(g => g.Relation == mother && g.IsWorkingAway))
            && !((c.Guardians.Any(g => g.Relation == father && g.IsWorkingAway) && c.Guardians.Any(g => g.Relation == mother && (g.LacksCapacity || g.Status != living)))
                || (c.Guardians.Any(g => g.Relation == mother && g.IsWorkingAway) && c.Guardians.Any(g => g.Relation == father && (g.LacksCapacity || g.Status != living)))));
    }
}
