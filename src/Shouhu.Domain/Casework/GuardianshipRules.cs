namespace Shouhu.Domain.Casework;

/// <summary>Why a guardianship measure by civil affairs ended.</summary>
public enum GuardianshipEndReason
{
    /// <summary>送返监护人 the child returned to the guardian (temporary guardianship; needs a guardianship assessment, art. 93).</summary>
    ReturnedHome = 1,
    /// <summary>被依法收养 adopted (ends long-term guardianship, art. 95).</summary>
    Adopted = 2,
    /// <summary>转为长期监护 continued as long-term guardianship (art. 94), recorded as a new measure.</summary>
    BecameLongTerm = 3,
    /// <summary>年满18周岁 the child came of age.</summary>
    CameOfAge = 4,
    /// <summary>其他 other (explained in the note: a court appointed another guardian, the child died…).</summary>
    Other = 9,
}

/// <summary>
/// The rules of guardianship by civil affairs (国家监护, Minor Protection Law 2020 rev. arts. 92–95; Civil Code art. 36 on
/// revocation): a temporary measure has a placement (art. 93: 亲属抚养、家庭寄养、救助保护机构或儿童福利机构); returning the child
/// home ends it only after a guardianship assessment finds the guardian able again (art. 93); adoption ends long-term
/// guardianship (art. 95); two measures of one kind for the same child do not overlap. Messages are Chinese, for the field named.
/// </summary>
public static class GuardianshipRules
{
    /// <summary>A measure's days: from the start to the end (inclusive), open-ended while it lasts.</summary>
    /// <param name="Id">The measure.</param>
    /// <param name="Kind">Temporary or long-term.</param>
    /// <param name="StartOn">First day.</param>
    /// <param name="EndOn">Last day; null while it lasts.</param>
    public sealed record Span(Guid Id, GuardianshipKind Kind, DateOnly StartOn, DateOnly? EndOn);

    /// <summary>The guardianship assessment relied on to return a child home: when, and whether it found high risk.</summary>
    /// <param name="Id">The risk assessment (监护风险评估).</param>
    /// <param name="On">Its China date.</param>
    /// <param name="HighRisk">True for a high level or the emergency override.</param>
    public sealed record Assessment(Guid Id, DateOnly On, bool HighRisk);

    /// <summary>The placement error of a new measure (<c>placement</c>), or null: temporary guardianship needs one of the four placements.</summary>
    public static string? PlacementProblem(GuardianshipKind kind, Placement placement) =>
        kind == GuardianshipKind.Temporary && placement == Placement.None
            ? "临时监护须确定安置方式：亲属抚养、家庭寄养、未成年人救助保护机构或儿童福利机构（未成年人保护法第九十三条）"
            : null;

    /// <summary>The measure of <paramref name="existing"/> of the same kind whose days meet those of <paramref name="candidate"/> (another id), or null.</summary>
    public static Span? Overlapping(Span candidate, IEnumerable<Span> existing) =>
        existing.Where(e => e.Id != candidate.Id && e.Kind == candidate.Kind)
            .FirstOrDefault(e => e.StartOn <= (candidate.EndOn ?? DateOnly.MaxValue) && candidate.StartOn <= (e.EndOn ?? DateOnly.MaxValue));

    /// <summary>The overlap message (<c>startOn</c>) naming the measure met.</summary>
    public static string OverlapMessage(Span met) =>
        $"该儿童已有{CaseworkNames.Of(met.Kind)}措施（自 {met.StartOn:yyyy-MM-dd}{(met.EndOn is { } e ? $" 至 {e:yyyy-MM-dd}" : " 起，尚未终止")}），同类监护措施的期间不能重叠";

    /// <summary>
    /// What stops a measure of <paramref name="kind"/> from ending for <paramref name="reason"/> (field and message), or null.
    /// <paramref name="assessment"/> is the latest guardianship assessment of the child between the measure's start and its
    /// end date, if any; <paramref name="note"/> is required for <see cref="GuardianshipEndReason.Other"/>.
    /// </summary>
    public static (string Field, string Message)? EndProblem(GuardianshipKind kind, GuardianshipEndReason reason, Assessment? assessment, string? note) => (kind, reason) switch
    {
        (GuardianshipKind.LongTerm, GuardianshipEndReason.ReturnedHome or GuardianshipEndReason.BecameLongTerm) =>
            ("reason", "长期监护不以送返或转为长期监护终止：被收养（第九十五条）、年满18周岁，或其他情形（如人民法院另行指定监护人）"),
        (GuardianshipKind.Temporary, GuardianshipEndReason.Adopted) =>
            ("reason", "收养终止的是长期监护（未成年人保护法第九十五条）：临时监护期间请先转为长期监护"),
        (_, GuardianshipEndReason.ReturnedHome) when assessment is null =>
            ("reason", "送返监护人前须经民政部门监护评估，认为监护人重新具备履行监护职责条件（未成年人保护法第九十三条）：请先为该儿童登记监护风险评估"),
        (_, GuardianshipEndReason.ReturnedHome) when assessment!.HighRisk =>
            ("reason", $"{assessment.On:yyyy-MM-dd} 的监护风险评估为高风险，不能送返监护人"),
        (_, GuardianshipEndReason.Other) when string.IsNullOrWhiteSpace(note) =>
            ("note", "终止原因为其他时须填写说明"),
        _ => null,
    };
}
