namespace Shouhu.Domain.Children;

/// <summary>
/// Whether a parent's recorded situation counts for a category on a given day, from its facts rather than its status alone
/// (DOMAIN.md §1 "operational threshold", 民发〔2019〕62号; ADR-009). Each <c>Why…</c> method returns null when it counts,
/// else a <see cref="ConditionProblem"/>: a Chinese reason that names the parent (<c>who</c>, e.g. 父亲) and the missing or
/// failing fact, and the guardian field that holds that fact (so a form can mark it).
/// <list type="bullet">
/// <item>服刑在押, 强制隔离戒毒, 其他限制人身自由: a term of 6 months or more (<see cref="Guardian.ConditionTermMonths"/>), begun
/// on or before the day (<see cref="Guardian.ConditionSince"/>) and not yet served: the day is at most the term's last day.</item>
/// <item>失联: 6 full months since the police accepted the report (<see cref="Guardian.ConditionSince"/>).</item>
/// <item>重残: disability grade 1–2, or grade 3–4 for a mental (精神) or intellectual (智力) disability.</item>
/// <item>重病: an illness on the configured catastrophic-illness list (<see cref="RegisterSettings.CatastrophicIllnesses"/>).</item>
/// <item>被撤销监护资格, 被遣送出境, 死亡, 宣告失踪: the status, and its since-date (when recorded) not after the day.</item>
/// <item>外出务工 (国发〔2016〕13号): a living parent without another condition, 6 full months since <see cref="Guardian.AwaySince"/>,
/// working in a region outside the child's county (<see cref="Guardian.WorkRegionCode"/>).</item>
/// </list>
/// "6 full months since a day" follows Civil Code arts. 201–202 as the age rule does: the day itself is not counted, the
/// period ends on the corresponding day six months later (the month's last day when there is none), and it has passed from
/// the next day on (<see cref="FirstDayAfter"/>).
/// </summary>
public static class GuardianConditions
{
    /// <summary>The shortest term, absence or loss of contact that counts, in months (民发〔2019〕62号; Ningxia 2024 for 外出务工).</summary>
    public const int MinimumMonths = 6;

    /// <summary>Statuses whose term (<see cref="Guardian.ConditionTermMonths"/>) decides whether they count.</summary>
    public static readonly IReadOnlyList<GuardianStatus> TermStatuses = [GuardianStatus.Imprisoned, GuardianStatus.CompulsoryRehab, GuardianStatus.OtherRestriction];

    /// <summary>
    /// The first day on which <paramref name="months"/> full months have passed since <paramref name="since"/> (Civil Code
    /// arts. 201–202): the corresponding day — or the month's last day — closes the period, the day after it is the first
    /// past it. 31 August + 6 months: the period ends on 28 (or 29) February, the first day past it is 1 March.
    /// </summary>
    public static DateOnly FirstDayAfter(DateOnly since, int months) => since.AddMonths(months).AddDays(1);

    /// <summary>True when the parent is dead or declared missing on <paramref name="onDate"/> (死亡 / 宣告失踪).</summary>
    public static bool IsGone(Guardian g, DateOnly onDate) =>
        g.Status is GuardianStatus.Deceased or GuardianStatus.Missing && (g.ConditionSince is null || g.ConditionSince <= onDate);

    /// <summary>
    /// Null when <paramref name="g"/> is in one of the six conditions of 民发〔2019〕62号 (or the two provincial additions,
    /// 被撤销监护资格 and 被遣送出境) on <paramref name="onDate"/>, its facts meeting the thresholds; else why not.
    /// </summary>
    public static ConditionProblem? WhyNotUnableToSupport(Guardian g, string who, DateOnly onDate, RegisterSettings settings)
    {
        var label = Guardian.StatusName(g.Status);
        if (g.ConditionSince is { } since && since > onDate)
        {
            return new(Since, $"{who}“{label}”的起始日期 {since:yyyy-MM-dd} 晚于认定日期");
        }

        switch (g.Status)
        {
            case GuardianStatus.Imprisoned or GuardianStatus.CompulsoryRehab or GuardianStatus.OtherRestriction:
                if (g.ConditionSince is not { } start || g.ConditionTermMonths is not { } term)
                {
                    return new(g.ConditionSince is null ? Since : Term, $"{who}“{label}”须填写起始日期和期限（月），期限6个月以上方可认定");
                }

                if (term < MinimumMonths)
                {
                    return new(Term, $"{who}“{label}”期限为{term}个月，不足6个月");
                }

                return onDate > start.AddMonths(term) ? new(Term, $"{who}“{label}”的期限已于 {start.AddMonths(term):yyyy-MM-dd} 届满") : null;
            case GuardianStatus.LostContact:
                if (g.ConditionSince is not { } reported)
                {
                    return new(Since, $"{who}失联须填写公安机关受理报案的日期");
                }

                return onDate < FirstDayAfter(reported, MinimumMonths) ? new(Since, $"{who}失联自公安机关受理报案起未满6个月（满6个月之次日为 {FirstDayAfter(reported, MinimumMonths):yyyy-MM-dd}）") : null;
            case GuardianStatus.SevereDisability:
                return WhyNotSevereDisability(g, who);
            case GuardianStatus.SevereIllness:
                return WhyNotSevereIllness(g, who, settings);
            case GuardianStatus.GuardianshipRevoked or GuardianStatus.Deported:
                return null;
            default:
                return new(Status, $"{who}为“{label}”，不属于重残、重病、服刑在押、强制隔离戒毒、被限制人身自由或失联");
        }
    }

    /// <summary>Null when the parent is without capacity to be guardian for 国发〔2016〕13号 (重病 or 重残 meeting the thresholds) on <paramref name="onDate"/>.</summary>
    public static ConditionProblem? WhyNotIncapable(Guardian g, string who, DateOnly onDate, RegisterSettings settings) => g.Status switch
    {
        _ when g.ConditionSince is { } since && since > onDate => new(Since, $"{who}“{Guardian.StatusName(g.Status)}”的起始日期 {since:yyyy-MM-dd} 晚于认定日期"),
        GuardianStatus.SevereDisability => WhyNotSevereDisability(g, who),
        GuardianStatus.SevereIllness => WhyNotSevereIllness(g, who, settings),
        _ => new(Status, $"{who}未外出务工，也不是重病或重残（无监护能力）"),
    };

    /// <summary>
    /// Null when the parent counts as working away on <paramref name="onDate"/> for a child whose county is
    /// <paramref name="childCounty"/> (6 digits): living without another condition, away 6 full months, outside the county.
    /// </summary>
    public static ConditionProblem? WhyNotWorkingAway(Guardian g, string who, DateOnly onDate, string childCounty)
    {
        if (!g.IsWorkingAway)
        {
            return new(Away, $"{who}未外出务工");
        }

        if (g.Status != GuardianStatus.Living)
        {
            // The away mark is what cannot stand beside the status.
            return new(Away, $"{who}为“{Guardian.StatusName(g.Status)}”，不能算作外出务工");
        }

        if (g.AwaySince is not { } since)
        {
            return new(AwaySince, $"{who}外出务工须填写外出起始日期");
        }

        if (onDate < FirstDayAfter(since, MinimumMonths))
        {
            return new(AwaySince, $"{who}外出务工未满连续6个月（满6个月之次日为 {FirstDayAfter(since, MinimumMonths):yyyy-MM-dd}）");
        }

        if (g.WorkRegionCode is not { } work)
        {
            return new(WorkRegion, $"{who}外出务工须填写务工地区划代码");
        }

        return IsOutsideCounty(work, childCounty) ? null : new(WorkRegion, $"{who}的务工地在本县（市、区）内，不算外出务工");
    }

    /// <summary>
    /// True when a work place coded <paramref name="workRegionCode"/> (a region code of any level: 2, 4, 6, 9 or 12 digits)
    /// lies outside the county <paramref name="county"/> (6 digits): neither contains the other — a work place given only
    /// as the child's own city or province does not say it is outside the county.
    /// </summary>
    public static bool IsOutsideCounty(string workRegionCode, string county) =>
        !(workRegionCode.StartsWith(county, StringComparison.Ordinal) || county.StartsWith(workRegionCode, StringComparison.Ordinal));

    /// <summary>The county (6 digits) whose left-behind rule applies: of the household registration when known, else of the residence.</summary>
    public static string CountyOf(Child child) => (child.HouseholdRegionCode is { Length: >= 6 } h ? h : child.RegionCode)[..6];

    private static ConditionProblem? WhyNotSevereDisability(Guardian g, string who)
    {
        if (g.DisabilityType is not { } type || g.DisabilityGrade is not { } grade)
        {
            return new(g.DisabilityType is null ? "disabilityType" : "disabilityGrade", $"{who}重残须填写残疾类别和等级");
        }

        return grade is 1 or 2 || (grade is 3 or 4 && type is DisabilityType.Mental or DisabilityType.Intellectual)
            ? null
            : new("disabilityGrade", $"{who}残疾等级为{grade}级，重残须为一、二级，或三、四级精神、智力残疾");
    }

    private static ConditionProblem? WhyNotSevereIllness(Guardian g, string who, RegisterSettings settings)
    {
        if (string.IsNullOrWhiteSpace(g.Illness))
        {
            return new(Illness, $"{who}重病须从重特大疾病目录中选择病种");
        }

        return settings.CatastrophicIllnesses.Contains(g.Illness) ? null : new(Illness, $"{who}的病种“{g.Illness}”不在本地重特大疾病目录中");
    }

    // The guardian fields of the API and the form (guardians[i].<field>) a reason is about.
    private const string Since = "conditionSince", Term = "conditionTermMonths", Status = "status", Illness = "illness",
        Away = "isWorkingAway", AwaySince = "awaySince", WorkRegion = "workRegionCode";
}

/// <summary>
/// Why a parent's recorded situation does not count (<see cref="GuardianConditions"/>): <paramref name="Field"/> the
/// guardian field holding the missing or failing fact, as the API and the form name it (e.g. <c>awaySince</c>, to be
/// prefixed <c>guardians[i].</c>), and <paramref name="Message"/> the Chinese reason naming the parent.
/// </summary>
public sealed record ConditionProblem(string Field, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => Message;
}
