namespace Shouhu.Domain.Children;

/// <summary>
/// The register's rules that vary by city (DOMAIN.md: "[U] … make it configurable"), read from <c>Registry:*</c> settings;
/// <see cref="Default"/> holds the defaults given here.
/// </summary>
public sealed record RegisterSettings
{
    /// <summary>
    /// Default catastrophic-illness list (重病, DOMAIN.md §1 "per the local catastrophic-illness list"): the diseases of the
    /// national special treatment of serious illnesses (国家卫生健康委等《农村贫困人口大病专项救治》病种: the nine of 2017, the
    /// twelve added in 2018 and the four of 2019 — 25), which provincial 事实无人抚养儿童 rules commonly refer to. [U] The list
    /// is local: cities replace it with their own (<c>Registry:CatastrophicIllnesses</c>).
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultCatastrophicIllnesses =
    [
        "儿童先天性心脏病", "儿童白血病", "胃癌", "食管癌", "结肠癌", "直肠癌", "终末期肾病", "乳腺癌", "宫颈癌",
        "肺癌", "肝癌", "急性心肌梗死", "白内障", "尘肺", "神经母细胞瘤", "儿童淋巴瘤", "骨肉瘤", "血友病", "地中海贫血",
        "唇腭裂", "尿道下裂", "耐多药结核病", "脑卒中", "慢性阻塞性肺气肿", "艾滋病机会性感染",
    ];

    /// <summary>The defaults: the list above, migrant age limit 16, alerts 30 days before 16 and 60 days before 18.</summary>
    public static RegisterSettings Default { get; } = new();

    /// <summary>Illnesses that count as 重病 (<c>Registry:CatastrophicIllnesses</c>), each a name as entered on a guardian.</summary>
    public IReadOnlyList<string> CatastrophicIllnesses { get; init; } = DefaultCatastrophicIllnesses;

    /// <summary>Age in full years at which 流动儿童 ends (<c>Registry:MigrantAgeLimit</c>, 1–18, default 16; DOMAIN.md §1).</summary>
    public int MigrantAgeLimit { get; init; } = CategoryRules.DefaultMigrantAgeLimit;

    /// <summary>Days before a left-behind child reaches 16 when the alert starts (<c>Registry:Alerts:LeftBehindWarningDays</c>, default 30).</summary>
    public int LeftBehindWarningDays { get; init; } = 30;

    /// <summary>Days before a protected child reaches 18 when the alert starts (<c>Registry:Alerts:AdultWarningDays</c>, default 60).</summary>
    public int AdultWarningDays { get; init; } = 60;
}
