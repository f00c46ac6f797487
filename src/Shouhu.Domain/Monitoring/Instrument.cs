using System.Text.Json;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Children;

namespace Shouhu.Domain.Monitoring;

/// <summary>An answer option of a question: code, label and weight (points added to the score).</summary>
public sealed record InstrumentOption(string Code, string Label, int Weight);

/// <summary>A question of the instrument.</summary>
public sealed record InstrumentQuestion(string Code, string Text, IReadOnlyList<InstrumentOption> Options);

/// <summary>A dimension (the child, the guardian, the environment, support…) and its questions.</summary>
public sealed record InstrumentDimension(string Code, string Name, IReadOnlyList<InstrumentQuestion> Questions);

/// <summary>Score thresholds: a score at or above <see cref="High"/> is high risk, at or above <see cref="Medium"/> medium, else low.</summary>
public sealed record InstrumentThresholds(int Medium, int High);

/// <summary>
/// A guardianship risk assessment instrument (监护风险评估量表) as data, not code (issue #5): dimensions, questions, options
/// with weights, thresholds. Shape of API-CONTRACT.md <c>GET /api/v1/assessment-instruments/current</c>.
/// </summary>
public sealed record InstrumentDefinition(IReadOnlyList<InstrumentDimension> Dimensions, InstrumentThresholds Thresholds)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Every question, in order.</summary>
    public IEnumerable<InstrumentQuestion> Questions => Dimensions.SelectMany(d => d.Questions);

    /// <summary>Largest weight of one answer option: with at most <see cref="MaxQuestions"/> questions, a score never overflows.</summary>
    public const int MaxWeight = 100;

    /// <summary>Most questions an instrument may have.</summary>
    public const int MaxQuestions = 200;

    /// <summary>The definition as stored (camelCase JSON).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a stored definition.</summary>
    public static InstrumentDefinition FromJson(string json) => JsonSerializer.Deserialize<InstrumentDefinition>(json, Json)!;

    /// <summary>
    /// Problems that make a definition unusable, by field: no question, duplicate or empty codes, a question with fewer
    /// than two options, negative weights, thresholds not 0 &lt; medium &lt; high.
    /// </summary>
    public ValidationErrors Check()
    {
        var errors = new ValidationErrors();
        if (Dimensions is null || Dimensions.Any(d => d is null || d.Questions is null || d.Questions.Any(q => q is null || q.Options is null || q.Options.Any(o => o is null))))
        {
            errors.Add("dimensions", "量表的维度、题目和选项都不能为空");
            return errors;
        }

        if (!Questions.Any())
        {
            errors.Add("dimensions", "量表至少要有一个维度和一道题");
            return errors;
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var q in Questions)
        {
            if (string.IsNullOrWhiteSpace(q.Code) || !codes.Add(q.Code))
            {
                errors.Add("dimensions", $"题目代码为空或重复：{q.Code}");
            }

            if (q.Options is null || q.Options.Count < 2 || q.Options.Select(o => o.Code).Distinct(StringComparer.Ordinal).Count() != q.Options.Count || q.Options.Any(o => o.Weight is < 0 or > MaxWeight))
            {
                errors.Add("dimensions", $"题目 {q.Code} 须有至少两个代码不同、分值在 0–{MaxWeight} 之间的选项");
            }
        }

        if (Questions.Count() > MaxQuestions)
        {
            errors.Add("dimensions", $"题目不能超过 {MaxQuestions} 道");
        }

        if (Thresholds is null || Thresholds.Medium <= 0 || Thresholds.High <= Thresholds.Medium)
        {
            errors.Add("thresholds", "阈值须满足 0 < 中风险 < 高风险");
        }
        else if (errors.IsEmpty && Thresholds.High > Questions.Sum(q => q.Options.Max(o => o.Weight)))
        {
            errors.Add("thresholds", $"高风险阈值 {Thresholds.High} 超过了量表可能的最高分 {Questions.Sum(q => q.Options.Max(o => o.Weight))}，无人能被评为高风险");
        }

        return errors;
    }
}

/// <summary>The outcome of scoring: score, level, and (when answers are missing or wrong) errors naming the question.</summary>
public sealed record RiskScore(int Score, RiskLevel Level, ValidationErrors Errors);

/// <summary>
/// Scores an assessment (DOMAIN.md §5): the sum of the chosen options' weights, graded by the thresholds; an emergency
/// override (ongoing violence, trafficking, a runaway or begging child, danger to life) makes it high whatever the answers,
/// and needs none.
/// </summary>
public static class RiskScoring
{
    /// <summary>Code of the question about the child's age (<see cref="DefaultInstrument"/>): answered from the register's birth date, never asked.</summary>
    public const string AgeQuestion = "child.age";

    /// <summary>
    /// The option of <paramref name="instrument"/>'s age question that fits <paramref name="age"/> (full years, China
    /// time): under 3 <c>infant</c>, 3–7 <c>under8</c>, 8–11 <c>8to11</c>, 12 and over <c>12plus</c> — the shipped
    /// instrument's bands. Null when the instrument has no such question or not that option (a city's own instrument
    /// then asks it).
    /// </summary>
    public static InstrumentOption? AgeAnswer(InstrumentDefinition instrument, int age)
    {
        var code = age switch { < 3 => "infant", < 8 => "under8", < 12 => "8to11", _ => "12plus" };
        return instrument.Questions.FirstOrDefault(q => q.Code == AgeQuestion)?.Options.FirstOrDefault(o => o.Code == code);
    }

    /// <summary>Scores <paramref name="answers"/> (question code → option code) against <paramref name="instrument"/>.</summary>
    public static RiskScore Score(InstrumentDefinition instrument, IReadOnlyDictionary<string, string>? answers, bool emergencyOverride)
    {
        var errors = new ValidationErrors();
        answers ??= new Dictionary<string, string>();
        var score = 0;
        var known = instrument.Questions.ToDictionary(q => q.Code, StringComparer.Ordinal);
        var unknown = answers.Keys.Where(k => !known.ContainsKey(k)).ToList();
        if (unknown.Count > 10)
        {
            // Not a form someone filled in: one message, not thousands.
            errors.Add("answers", $"有 {unknown.Count} 道题量表中没有，请按当前量表作答");
        }
        else
        {
            foreach (var code in unknown)
            {
                errors.Add($"answers.{code}", "量表中没有这道题");
            }
        }

        foreach (var q in instrument.Questions)
        {
            if (!answers.TryGetValue(q.Code, out var chosen) || string.IsNullOrWhiteSpace(chosen))
            {
                if (!emergencyOverride)
                {
                    errors.Add($"answers.{q.Code}", $"请回答：{q.Text}");
                }

                continue;
            }

            var option = q.Options.FirstOrDefault(o => o.Code == chosen.Trim());
            if (option is null)
            {
                errors.Add($"answers.{q.Code}", $"「{q.Text}」没有选项 {chosen}");
                continue;
            }

            score += option.Weight;
        }

        var level = emergencyOverride ? RiskLevel.High
            : score >= instrument.Thresholds.High ? RiskLevel.High
            : score >= instrument.Thresholds.Medium ? RiskLevel.Medium
            : RiskLevel.Low;
        return new RiskScore(score, level, errors);
    }
}
