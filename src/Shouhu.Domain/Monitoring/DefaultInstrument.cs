namespace Shouhu.Domain.Monitoring;

/// <summary>
/// The instrument Shouhu ships (version 1), built from the dimensions common to the national draft standard (MCA 2024) and
/// the local standards listed in DOMAIN.md §5 — the child, the guardian, the environment, support. Weights 0–3 per
/// question; thresholds medium 10, high 20 of 45. The local standards' grade boundaries are unconfirmed [U]: a city
/// replaces this with its own version (a new version, never an edit).
/// </summary>
public static class DefaultInstrument
{
    private static InstrumentQuestion Q(string code, string text, params (string Code, string Label, int Weight)[] options) =>
        new(code, text, options.Select(o => new InstrumentOption(o.Code, o.Label, o.Weight)).ToList());

    private static readonly (string, string, int)[] Scale = [("none", "无", 0), ("mild", "轻微", 1), ("marked", "明显", 2), ("severe", "严重", 3)];

    /// <summary>The definition.</summary>
    public static readonly InstrumentDefinition Definition = new(
    [
        new("child", "儿童自身",
        [
            Q("child.age", "年龄与自我保护能力", ("12plus", "12周岁以上", 0), ("8to11", "8–11周岁", 1), ("under8", "8周岁以下", 2), ("infant", "3周岁以下", 3)),
            Q("child.health", "健康或残疾状况影响照料", Scale),
            Q("child.psychology", "心理与情绪问题（自伤、抑郁、创伤表现）", Scale),
            Q("child.behaviour", "行为问题（离家出走、流浪、违法行为）", Scale),
            Q("child.schooling", "就学问题（辍学、长期缺课）", Scale),
        ]),
        new("guardian", "监护人",
        [
            Q("guardian.capacity", "监护能力不足（年老、重病、重残）", Scale),
            Q("guardian.willingness", "监护意愿不足或拒绝履行监护职责", Scale),
            Q("guardian.habits", "不良嗜好（酗酒、吸毒、赌博）", Scale),
            Q("guardian.violence", "家庭暴力、虐待或犯罪记录", Scale),
            Q("guardian.presence", "监护人不在身边（外出、失联、服刑）", ("present", "在身边", 0), ("partly", "部分时间不在", 1), ("away", "长期不在，有人照料", 2), ("noone", "长期不在，无人照料", 3)),
        ]),
        new("environment", "环境",
        [
            Q("environment.housing", "住房安全隐患（危房、用电用火、临水）", Scale),
            Q("environment.economy", "经济困难（收入低于低保线、无稳定收入）", Scale),
        ]),
        new("support", "支持",
        [
            Q("support.relatives", "缺少亲属支持", Scale),
            Q("support.community", "缺少社区、学校支持", Scale),
            Q("support.services", "尚未获得所需服务（救助、医疗、教育）", Scale),
        ]),
    ],
    new InstrumentThresholds(Medium: 10, High: 20));
}
