using Shouhu.Domain.Identity;
using Shouhu.Domain.Time;

namespace Shouhu.Domain.Casework;

/// <summary>
/// What the nine situations of mandatory reporting (强制报告, 最高人民检察院等《关于建立侵害未成年人案件强制报告制度的意见（试行）》,
/// 2020-05-07; DOMAIN.md §2) mean for a report: suspected unlawful harm that must go to the police at once, so the report is
/// at least <see cref="Urgency.Urgent"/>, it carries a "reported to police" step, and the police tell the reporting unit of
/// progress within 3 days. Situations 2 and 3 concern girls under and over 14.
/// </summary>
public static class MandatoryReporting
{
    /// <summary>Age (full years, 周岁) dividing situation 2 (under it) from situation 3 (it or more): 14.</summary>
    public const int GirlAgeLimit = 14;

    /// <summary>Days within which the police tell the reporting unit of progress: 3 (counted from the day after the report to the police).</summary>
    public const int PoliceFeedbackDays = 3;

    /// <summary>The least urgency of a report of any of the nine situations: urgent (24-hour clock).</summary>
    public const Urgency MinimumUrgency = Urgency.Urgent;

    /// <summary>True for situations 1–9 (<see cref="ConcernType.GenitalInjury"/> … <see cref="ConcernType.OtherSeriousHarm"/>).</summary>
    public static bool IsSituation(ConcernType concern) => (int)concern is >= 1 and <= 9;

    /// <summary>True when any of <paramref name="concerns"/> is one of the nine situations.</summary>
    public static bool AnySituation(IEnumerable<ConcernType> concerns) => concerns.Any(IsSituation);

    /// <summary>
    /// The urgency a report gets: <paramref name="requested"/>, raised to <see cref="MinimumUrgency"/> when a situation is
    /// among <paramref name="concerns"/> (immediate danger stays immediate danger).
    /// </summary>
    public static Urgency UrgencyFor(Urgency requested, IEnumerable<ConcernType> concerns) =>
        AnySituation(concerns) && requested > MinimumUrgency ? MinimumUrgency : requested;

    /// <summary>
    /// Why <paramref name="concern"/> contradicts what is known of the child (Chinese, for <c>errors.concernTypes</c>), or null:
    /// situations 2 and 3 are about girls — a child known to be male is refused; situation 2 is under 14 and situation 3 is
    /// 14 or more — an age in full years known from a birth date is refused on the wrong side. An unknown sex or age refuses nothing.
    /// </summary>
    /// <param name="concern">The concern type.</param>
    /// <param name="sex">The child's sex, when known.</param>
    /// <param name="age">The child's age in full years on the day the report was received, when known from a birth date.</param>
    public static string? Contradiction(ConcernType concern, Sex? sex, int? age)
    {
        if (concern is not (ConcernType.SexualAbuseUnder14 or ConcernType.PregnancyFromAbuse))
        {
            return null;
        }

        var number = concern == ConcernType.SexualAbuseUnder14 ? "二" : "三";
        if (sex == Sex.Male)
        {
            return $"强制报告情形{number}仅适用于女童，该儿童为男性：请改选其他情形（如情形一或情形九）";
        }

        return (concern, age) switch
        {
            (ConcernType.SexualAbuseUnder14, >= GirlAgeLimit) => $"强制报告情形二适用于不满14周岁的女童，该儿童接报时已满{age}周岁：请改选情形三",
            (ConcernType.PregnancyFromAbuse, < GirlAgeLimit) => $"强制报告情形三适用于已满14周岁的女童，该儿童接报时{age}周岁：请改选情形二",
            _ => null,
        };
    }

    /// <summary>The child's age in full years on the China date of <paramref name="receivedAtUtc"/>, from a birth date.</summary>
    public static int AgeAt(DateOnly birthDate, DateTime receivedAtUtc) =>
        ChinaTime.AgeOn(birthDate, ChinaTime.DateOf(new DateTimeOffset(DateTime.SpecifyKind(receivedAtUtc, DateTimeKind.Utc))));

    /// <summary>
    /// When the police's feedback to the reporting unit is due (UTC): 24:00 China time of the third calendar day after the
    /// day the matter was reported to the police (DOMAIN.md §2: the police accept at once and tell the reporting unit of progress within 3 days).
    /// </summary>
    public static DateTime PoliceFeedbackDueAt(DateTime reportedToPoliceUtc) =>
        ChinaTime.StartOfDayUtc(ChinaTime.DateOf(new DateTimeOffset(DateTime.SpecifyKind(reportedToPoliceUtc, DateTimeKind.Utc))).AddDays(PoliceFeedbackDays + 1));
}
