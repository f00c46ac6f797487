using Shouhu.Domain.Identity;

namespace Shouhu.Domain.Children;

/// <summary>What the register records of the parents' absence (国发〔2016〕13号: both away, or one away and the other unable).</summary>
public enum ParentsSituation
{
    /// <summary>Neither is recorded (the category was claimed without the parents' facts).</summary>
    Unrecorded = 0,
    /// <summary>父母双方外出: father and mother both recorded working away.</summary>
    BothAway = 1,
    /// <summary>一方外出另一方无监护能力: exactly one recorded away, the other lacking capacity or in a recorded condition.</summary>
    OneAwayOtherIncapable = 2,
}

/// <summary>
/// The facts of one left-behind child that the 2016 汇总表 counts, on its 统计截止日: sex, age in full years, schooling,
/// boarding, health, the parents' situation, the entrusted caregiver's relation and the 监护类型.
/// </summary>
public sealed record LeftBehindFacts(
    Sex Sex,
    int Age,
    SchoolStage? Stage,
    SchoolStatus SchoolStatus,
    bool? Boarding,
    HealthStatus Health,
    bool Disabled,
    ParentsSituation Parents,
    GuardianRelation? CaregiverRelation,
    GuardianshipType? GuardianshipType);

/// <summary>
/// The column a child falls in within each group of the 汇总表 (1-based column numbers of <see cref="LeftBehindSummary.Headings"/>),
/// and which of them were not recorded but defaulted as <see cref="LeftBehindSummary.Classify"/> states.
/// </summary>
public sealed record LeftBehindColumns(int Age, int Stage, int Parents, int Schooling, int Care, int Health, LeftBehindDefaults Defaults);

/// <summary>Which facts of a child were missing and counted where <see cref="LeftBehindSummary.Classify"/> says.</summary>
[Flags]
public enum LeftBehindDefaults
{
    /// <summary>Everything recorded.</summary>
    None = 0,
    /// <summary>就学情况 not recorded: estimated from the register's 就学状况 and the age.</summary>
    Stage = 1,
    /// <summary>是否寄宿 not recorded for a child in compulsory school: counted 非寄宿.</summary>
    Boarding = 2,
    /// <summary>The parents' absence not recorded: counted 一方外出另一方无监护能力.</summary>
    Parents = 4,
    /// <summary>健康状况 not recorded (and no disability): counted 健康.</summary>
    Health = 8,
    /// <summary>Sex not male or female: counted 女.</summary>
    Sex = 16,
}

/// <summary>
/// The 2016 农村留守儿童信息汇总表 (民发〔2016〕42号 附件3), as reconstructed in ADR-014: 32 count columns whose 勾稽 equations
/// hold by construction, because every child counts in exactly one column of each group (<see cref="Classify"/>):
/// col1 = 2+5+8 = 11+…+18 = 19+20 = 21+…+25 = 26+…+29 = 30+31+32; 2 = 3+4; 5 = 6+7; 8 = 9+10; 13+14 = 24+25.
/// </summary>
public static class LeftBehindSummary
{
    /// <summary>Number of count columns.</summary>
    public const int ColumnCount = 32;

    /// <summary>The 32 columns' headings, index 0 = column 1 (ADR-014's reconstruction).</summary>
    public static readonly IReadOnlyList<string> Headings =
    [
        "合计",
        "0–5岁", "男", "女", "6–13岁", "男", "女", "14–16岁", "男", "女",
        "幼儿园", "未入园", "小学", "初中", "高中", "中职", "辍学", "不在学",
        "父母双方外出", "一方外出另一方无监护能力",
        "学龄前（幼儿园、未入园）", "高中阶段（高中、中职）", "辍学或不在学", "义务教育阶段寄宿", "义务教育阶段非寄宿",
        "（外）祖父母监护", "亲戚朋友监护", "父或母一方监护（另一方无监护能力）", "无人监护",
        "健康", "残疾", "患病",
    ];

    /// <summary>The grouped header above <see cref="Headings"/>: (title, first column, last column), 1-based.</summary>
    public static readonly IReadOnlyList<(string Title, int First, int Last)> Groups =
    [
        ("合计", 1, 1), ("按年龄分", 2, 10), ("按就学情况分", 11, 18), ("按父母外出情况分", 19, 20),
        ("按就学阶段和寄宿情况分", 21, 25), ("按监护情况分", 26, 29), ("按身体状况分", 30, 32),
    ];

    /// <summary>
    /// The columns of one child. Precedence where facts overlap or are missing (ADR-014):
    /// <list type="bullet">
    /// <item>Age: 0–5, 6–13, 14–15 full years (the form's 14–16 means under 16), then 男 or 女 (anything else 女, flagged).</item>
    /// <item>就学情况: the recorded stage; else from 就学状况 — 在园 幼儿园, 学龄前 未入园, 未在校 辍学 under 14 and 不在学 from 14,
    /// 在校 by age (小学 to 11, 初中 12–14, 高中 15); nothing recorded: by age (未入园 0–2, 幼儿园 3–5, then as 在校). Flagged.</item>
    /// <item>Parents: 父母双方外出 when both are recorded away; otherwise 一方外出另一方无监护能力 (flagged when not recorded).</item>
    /// <item>Schooling group: 学龄前 = 幼儿园 + 未入园, 高中阶段 = 高中 + 中职, 辍学或不在学; 小学 and 初中 by boarding (not recorded: 非寄宿, flagged).</item>
    /// <item>Care: 监护类型 无人监护 first; then the entrusted caregiver's relation — a grandparent (外)祖父母, a sibling, relative
    /// or other 亲戚朋友, a parent 父或母一方; no caregiver: 父或母一方 when one parent is away and the other at home without
    /// capacity (or 监护类型 父或母无监护能力), else 无人监护.</item>
    /// <item>Health: 残疾 when a disability is recorded, else 患病 for a chronic or serious illness, else 健康 (flagged when not recorded).</item>
    /// </list>
    /// </summary>
    public static LeftBehindColumns Classify(LeftBehindFacts f)
    {
        var defaults = LeftBehindDefaults.None;
        var female = f.Sex != Sex.Male;
        if (f.Sex is not (Sex.Male or Sex.Female))
        {
            defaults |= LeftBehindDefaults.Sex;
        }

        var age = (f.Age <= 5 ? 3 : f.Age <= 13 ? 6 : 9) + (female ? 1 : 0);

        var stage = f.Stage ?? EstimatedStage(f.SchoolStatus, f.Age);
        if (f.Stage is null)
        {
            defaults |= LeftBehindDefaults.Stage;
        }

        var stageColumn = 11 + (int)stage - 1;

        var parents = f.Parents == ParentsSituation.BothAway ? 19 : 20;
        if (f.Parents == ParentsSituation.Unrecorded)
        {
            defaults |= LeftBehindDefaults.Parents;
        }

        int schooling;
        switch (stage)
        {
            case SchoolStage.Kindergarten or SchoolStage.NotEnrolled:
                schooling = 21;
                break;
            case SchoolStage.SeniorHigh or SchoolStage.Vocational:
                schooling = 22;
                break;
            case SchoolStage.DroppedOut or SchoolStage.NotInSchool:
                schooling = 23;
                break;
            default:
                schooling = f.Boarding == true ? 24 : 25;
                if (f.Boarding is null)
                {
                    defaults |= LeftBehindDefaults.Boarding;
                }

                break;
        }

        var care = f.GuardianshipType == GuardianshipType.Unattended ? 29 : f.CaregiverRelation switch
        {
            GuardianRelation.Grandfather or GuardianRelation.Grandmother or GuardianRelation.MaternalGrandfather or GuardianRelation.MaternalGrandmother => 26,
            GuardianRelation.Sibling or GuardianRelation.OtherRelative or GuardianRelation.Other => 27,
            GuardianRelation.Father or GuardianRelation.Mother => 28,
            _ => f.Parents == ParentsSituation.OneAwayOtherIncapable || f.GuardianshipType == GuardianshipType.ParentIncapable ? 28 : 29,
        };

        int health;
        if (f.Disabled)
        {
            health = 31;
        }
        else if (f.Health is HealthStatus.ChronicIllness or HealthStatus.SeriousIllness)
        {
            health = 32;
        }
        else
        {
            health = 30;
            if (f.Health == HealthStatus.Unknown)
            {
                defaults |= LeftBehindDefaults.Health;
            }
        }

        return new LeftBehindColumns(age, stageColumn, parents, schooling, care, health, defaults);
    }

    /// <summary>Adds <paramref name="count"/> children of <paramref name="columns"/> to <paramref name="row"/> (33 entries, index = column; 0 unused).</summary>
    public static void Add(long[] row, LeftBehindColumns columns, long count)
    {
        row[1] += count;
        row[columns.Age <= 4 ? 2 : columns.Age <= 7 ? 5 : 8] += count;
        foreach (var c in new[] { columns.Age, columns.Stage, columns.Parents, columns.Schooling, columns.Care, columns.Health })
        {
            row[c] += count;
        }
    }

    /// <summary>
    /// The 勾稽 equations that <paramref name="row"/> (33 entries, index = column) breaks, each written as in the notice
    /// (e.g. <c>1=2+5+8</c>); empty when all hold.
    /// </summary>
    public static IReadOnlyList<string> BrokenEquations(IReadOnlyList<long> row)
    {
        long Sum(int from, int to) => Enumerable.Range(from, to - from + 1).Sum(i => row[i]);
        var checks = new (string, long, long)[]
        {
            ("1=2+5+8", row[1], row[2] + row[5] + row[8]),
            ("1=11+…+18", row[1], Sum(11, 18)),
            ("1=19+20", row[1], Sum(19, 20)),
            ("1=21+…+25", row[1], Sum(21, 25)),
            ("1=26+…+29", row[1], Sum(26, 29)),
            ("1=30+31+32", row[1], Sum(30, 32)),
            ("2=3+4", row[2], row[3] + row[4]),
            ("5=6+7", row[5], row[6] + row[7]),
            ("8=9+10", row[8], row[9] + row[10]),
            ("13+14=24+25", row[13] + row[14], row[24] + row[25]),
        };
        return checks.Where(c => c.Item2 != c.Item3).Select(c => c.Item1).ToList();
    }

    private static SchoolStage EstimatedStage(SchoolStatus status, int age) => status switch
    {
        SchoolStatus.Kindergarten => SchoolStage.Kindergarten,
        SchoolStatus.NotYetSchoolAge => SchoolStage.NotEnrolled,
        SchoolStatus.NotInSchool => age >= 14 ? SchoolStage.NotInSchool : SchoolStage.DroppedOut,
        SchoolStatus.InSchool => ByAge(age),
        _ => age <= 2 ? SchoolStage.NotEnrolled : age <= 5 ? SchoolStage.Kindergarten : ByAge(age),
    };

    private static SchoolStage ByAge(int age) => age <= 11 ? SchoolStage.Primary : age <= 14 ? SchoolStage.JuniorHigh : SchoolStage.SeniorHigh;
}
