using Shouhu.Domain.Identity;

namespace Shouhu.Domain.Children;

/// <summary>A child in the register (儿童和家庭基本信息数据库, DESIGN C2): each child once.</summary>
public class Child : IAudited
{
    /// <summary>Identifier (UUID v7).</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Name as written, any Unicode (rare characters such as 𠮷, the middle dot · of ethnic names); 1–100 characters.</summary>
    public required string Name { get; set; }

    /// <summary>Sex (GB/T 2261.1 code in storage).</summary>
    public Sex Sex { get; set; }

    /// <summary>Citizen ID number in its 18-character form (GB 11643-1999); null for a newborn or undocumented child. Unique country-wide.</summary>
    public string? CitizenIdNumber { get; set; }

    /// <summary>Birth date (calendar date in China).</summary>
    public DateOnly BirthDate { get; set; }

    /// <summary>Ethnic group, 2-digit GB/T 3304 code; null when not recorded.</summary>
    public string? EthnicityCode { get; set; }

    /// <summary>Residence village or community (12-digit NBS code); the record's jurisdiction key.</summary>
    public required string RegionCode { get; set; }

    /// <summary>Street address below the village, free text.</summary>
    public string? Address { get; set; }

    /// <summary>Household registration (户籍) region: an NBS code of any level, usually the village; null when unknown.</summary>
    public string? HouseholdRegionCode { get; set; }

    /// <summary>Rural or urban household registration (农村/城镇户籍); left-behind status needs a rural one (国发〔2016〕13号).</summary>
    public HouseholdKind HouseholdKind { get; set; }

    /// <summary>Schooling: in school (with school and grade), preschool, or not in school (with the reason).</summary>
    public SchoolStatus SchoolStatus { get; set; }

    /// <summary>School name (学校), free text.</summary>
    public string? SchoolName { get; set; }

    /// <summary>Grade (年级), free text such as 三年级 or 初二.</summary>
    public string? Grade { get; set; }

    /// <summary>Why the child is not in school (辍学/失学原因), required when <see cref="SchoolStatus"/> is NotInSchool.</summary>
    public string? NotInSchoolReason { get; set; }

    /// <summary>Health (健康状况).</summary>
    public HealthStatus HealthStatus { get; set; }

    /// <summary>Disability type per GB/T 26341-2010; null when none.</summary>
    public DisabilityType? DisabilityType { get; set; }

    /// <summary>Disability grade 1 (most severe) – 4; null when none.</summary>
    public int? DisabilityGrade { get; set; }

    /// <summary>Disability certificate number (残疾人证号), 20 characters (ID number + type + grade) or free text.</summary>
    public string? DisabilityCertificateNumber { get; set; }

    /// <summary>Phone of the main contact (mobile 11 digits or fixed line), masked in lists.</summary>
    public string? ContactPhone { get; set; }

    /// <summary>Household income band (家庭收入情况).</summary>
    public IncomeBand IncomeBand { get; set; }

    /// <summary>Housing (住房情况), free text: e.g. 砖混自建房、危房.</summary>
    public string? Housing { get; set; }

    /// <summary>Family care-capacity note (家庭监护能力说明), free text; personal narrative, never logged.</summary>
    public string? CareCapacityNote { get; set; }

    /// <summary>是否登记户口 (2016 form): true registered, false not registered (无户口), null not recorded.</summary>
    public bool? HouseholdRegistered { get; set; }

    /// <summary>患病类型 (2016 form), free text naming the illness; only with an illness as <see cref="HealthStatus"/>.</summary>
    public string? IllnessType { get; set; }

    /// <summary>是否学校寄宿 (2016 form): boards at school; null not recorded. Only for a child in school or kindergarten.</summary>
    public bool? Boarding { get; set; }

    /// <summary>就学情况 (2016 form), the finer stage; where recorded <see cref="SchoolStatus"/> is <see cref="SchoolStages.StatusOf"/> of it.</summary>
    public SchoolStage? SchoolStage { get; set; }

    /// <summary>监护类型 (2016 form, the assessment of the care the child gets); null not recorded.</summary>
    public GuardianshipType? GuardianshipType { get; set; }

    /// <summary>家庭经济来源 (2016 form), several as flags; <see cref="IncomeSource.None"/> when not recorded.</summary>
    public IncomeSource IncomeSources { get; set; }

    /// <summary>救助帮扶情况 (2016 form), several as flags; <see cref="Assistance.None"/> when none recorded.</summary>
    public Assistance Assistance { get; set; }

    /// <summary>Account that last changed it, and when (UTC).</summary>
    public string? UpdatedBy { get; set; }

    /// <summary>When it was last changed (UTC).</summary>
    public DateTime? UpdatedAt { get; set; }

    /// <summary>The entrusted caregiver of a left-behind child (委托照护, Minor Protection Law arts. 22–23); null when none.</summary>
    public EntrustedCare? EntrustedCare { get; set; }

    /// <summary>When it was registered (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Account that registered it.</summary>
    public string? CreatedBy { get; set; }

    /// <summary>Application-managed concurrency token, changed on every update (portable across SQLite and PostgreSQL).</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>Protection categories, current and past.</summary>
    public List<ChildCategory> Categories { get; set; } = [];

    /// <summary>Guardians and family members.</summary>
    public List<Guardian> Guardians { get; set; } = [];
}

/// <summary>Protection categories (DOMAIN.md §1; API names of API-CONTRACT.md).</summary>
public enum ProtectionCategory
{
    /// <summary>孤儿.</summary>
    Orphan = 1,
    /// <summary>事实无人抚养儿童 (民发〔2019〕62号).</summary>
    DeFactoUnsupported = 2,
    /// <summary>农村留守儿童 (国发〔2016〕13号); ends at 16.</summary>
    LeftBehind = 3,
    /// <summary>困境儿童 (国发〔2016〕36号).</summary>
    InDistress = 4,
    /// <summary>流动儿童 (age limit configurable, default 16).</summary>
    Migrant = 5,
    /// <summary>残疾儿童.</summary>
    Disabled = 6,
}

/// <summary>
/// Verification status of a category: the village submits (Pending) → the township verifies (查验, TownshipVerified) →
/// the county confirms (确认, Verified) or either rejects; an exited category stays in history (DOMAIN.md §1).
/// </summary>
public enum CategoryStatus
{
    /// <summary>待核查: submitted, not yet verified.</summary>
    Pending = 1,
    /// <summary>县级已确认.</summary>
    Verified = 2,
    /// <summary>已退出.</summary>
    Exited = 3,
    /// <summary>乡镇已查验, waiting for the county.</summary>
    TownshipVerified = 4,
    /// <summary>不予确认, with written reasons.</summary>
    Rejected = 5,
}

/// <summary>Household registration kind.</summary>
public enum HouseholdKind
{
    /// <summary>未登记.</summary>
    Unknown = 0,
    /// <summary>农村户籍.</summary>
    Rural = 1,
    /// <summary>城镇户籍.</summary>
    Urban = 2,
}

/// <summary>Schooling status.</summary>
public enum SchoolStatus
{
    /// <summary>未登记.</summary>
    Unknown = 0,
    /// <summary>学龄前（未入园）.</summary>
    NotYetSchoolAge = 1,
    /// <summary>在园（幼儿园）.</summary>
    Kindergarten = 2,
    /// <summary>在校.</summary>
    InSchool = 3,
    /// <summary>未在校（辍学、失学、休学）.</summary>
    NotInSchool = 4,
}

/// <summary>Health status.</summary>
public enum HealthStatus
{
    /// <summary>未登记.</summary>
    Unknown = 0,
    /// <summary>健康.</summary>
    Healthy = 1,
    /// <summary>一般慢性病.</summary>
    ChronicIllness = 2,
    /// <summary>大病/重病.</summary>
    SeriousIllness = 3,
}

/// <summary>Disability types of GB/T 26341-2010 (残疾人残疾分类和分级).</summary>
public enum DisabilityType
{
    /// <summary>视力残疾.</summary>
    Visual = 1,
    /// <summary>听力残疾.</summary>
    Hearing = 2,
    /// <summary>言语残疾.</summary>
    Speech = 3,
    /// <summary>肢体残疾.</summary>
    Physical = 4,
    /// <summary>智力残疾.</summary>
    Intellectual = 5,
    /// <summary>精神残疾.</summary>
    Mental = 6,
    /// <summary>多重残疾.</summary>
    Multiple = 7,
}

/// <summary>Household income band relative to the local 低保 (minimum living standard) line.</summary>
public enum IncomeBand
{
    /// <summary>未登记.</summary>
    Unknown = 0,
    /// <summary>低保户.</summary>
    Dibao = 1,
    /// <summary>特困供养.</summary>
    ExtremePoverty = 2,
    /// <summary>低保边缘.</summary>
    NearDibao = 3,
    /// <summary>一般.</summary>
    Ordinary = 4,
}

/// <summary>The entrusted caregiver of a left-behind child (委托照护): who, relation, agreement date, contact.</summary>
public class EntrustedCare : IChildPart
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The child.</summary>
    public Guid ChildId { get; set; }

    /// <summary>Caregiver's name.</summary>
    public required string CaregiverName { get; set; }

    /// <summary>Caregiver's relation to the child.</summary>
    public GuardianRelation Relation { get; set; }

    /// <summary>Caregiver's citizen ID number (18 characters), if recorded.</summary>
    public string? CitizenIdNumber { get; set; }

    /// <summary>Caregiver's phone.</summary>
    public string? Phone { get; set; }

    /// <summary>Date the entrusted-guardianship agreement (委托监护确认书) was signed.</summary>
    public DateOnly? AgreementDate { get; set; }

    /// <summary>Caregiver's address (受委托监护人居住地地址, 2016 form), free text up to 200 characters.</summary>
    public string? Address { get; set; }

    /// <summary>The child's region, copied for scoping.</summary>
    public required string RegionCode { get; set; }
}

/// <summary>One changed field of a child's record: who changed it, when, from what to what (the record's own history, scoped like the record).</summary>
public class ChildRevision : IJurisdictional
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The child.</summary>
    public Guid ChildId { get; set; }

    /// <summary>When (UTC).</summary>
    public DateTime ChangedAt { get; set; }

    /// <summary>Account id of who changed it.</summary>
    public required string ChangedBy { get; set; }

    /// <summary>Account name of who changed it.</summary>
    public required string ChangedByName { get; set; }

    /// <summary>Field name in the API's camelCase, e.g. <c>schoolName</c>.</summary>
    public required string Field { get; set; }

    /// <summary>Value before, as text.</summary>
    public string? OldValue { get; set; }

    /// <summary>Value after, as text.</summary>
    public string? NewValue { get; set; }

    /// <summary>The child's region at the time of the change.</summary>
    public required string RegionCode { get; set; }
}

/// <summary>One protection category held by a child over a period.</summary>
public class ChildCategory : IChildPart
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The child.</summary>
    public Guid ChildId { get; set; }

    /// <summary>Category.</summary>
    public ProtectionCategory Category { get; set; }

    /// <summary>Sub-type, e.g. for 困境儿童 economic / disability / guardianship; configurable text.</summary>
    public string? SubType { get; set; }

    /// <summary>First day the category applies.</summary>
    public DateOnly ValidFrom { get; set; }

    /// <summary>Last day it applies; null while open.</summary>
    public DateOnly? ValidTo { get; set; }

    /// <summary>Verification status.</summary>
    public CategoryStatus Status { get; set; } = CategoryStatus.Pending;

    /// <summary>Qualifying situation, e.g. the parental situation of a de facto unsupported child, or why a left-behind child qualifies; free text.</summary>
    public string? Basis { get; set; }

    /// <summary>Who submitted it (village level) and when (UTC).</summary>
    public string? SubmittedBy { get; set; }

    /// <inheritdoc cref="SubmittedBy"/>
    public DateTime? SubmittedAt { get; set; }

    /// <summary>Who verified it at township level (乡镇查验) and when.</summary>
    public string? TownshipVerifiedBy { get; set; }

    /// <inheritdoc cref="TownshipVerifiedBy"/>
    public DateTime? TownshipVerifiedAt { get; set; }

    /// <summary>Who confirmed it at county level (县级确认) and when.</summary>
    public string? CountyConfirmedBy { get; set; }

    /// <inheritdoc cref="CountyConfirmedBy"/>
    public DateTime? CountyConfirmedAt { get; set; }

    /// <summary>Reason of a rejection or an exit (退出原因).</summary>
    public string? StatusReason { get; set; }

    /// <summary>Who rejected or exited it and when.</summary>
    public string? ClosedBy { get; set; }

    /// <inheritdoc cref="ClosedBy"/>
    public DateTime? ClosedAt { get; set; }

    /// <summary>Application-managed concurrency token, changed on every update: a change carries the version it read (409 when stale).</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>
    /// True while the category counts on <paramref name="onDate"/> (issue #10 item 9: one rule for every list, count, alert
    /// and schedule): not rejected, and <paramref name="onDate"/> inside its period, both ends included. <see cref="ValidTo"/>
    /// is the last day it applies, however it ended: the 16th or 18th birthday itself (the age is reached the day after,
    /// ADR-009) or, for an exit, the last day of the month of the change (exit from the month after, DOMAIN.md §1). An
    /// exited category without a last day (older records) no longer counts.
    /// </summary>
    public bool IsActiveOn(DateOnly onDate) =>
        Status != CategoryStatus.Rejected && ValidFrom <= onDate && (ValidTo is { } last ? onDate <= last : Status != CategoryStatus.Exited);

    /// <summary>
    /// <see cref="IsActiveOn"/> as a query expression (translated by EF on both engines), for lists, alerts and schedules
    /// that must agree on which categories count.
    /// </summary>
    public static System.Linq.Expressions.Expression<Func<ChildCategory, bool>> ActiveOn(DateOnly onDate) =>
        k => k.Status != CategoryStatus.Rejected && k.ValidFrom <= onDate && ((k.ValidTo == null && k.Status != CategoryStatus.Exited) || k.ValidTo >= onDate);

    /// <summary>
    /// The status a category has on <paramref name="onDate"/> for every list and count (issue #11 item 11): a category
    /// whose period has ended (<see cref="ValidTo"/> before the day) is exited — never pending, township-verified or
    /// verified any more, as the alerts already treat it; a rejected one stays rejected.
    /// </summary>
    public CategoryStatus StatusOn(DateOnly onDate) =>
        Status is not (CategoryStatus.Rejected or CategoryStatus.Exited) && ValidTo is { } last && last < onDate ? CategoryStatus.Exited : Status;

    /// <summary><c>StatusOn(onDate) == status</c> (<see cref="StatusOn"/>) as a query expression, translated by EF on both engines.</summary>
    public static System.Linq.Expressions.Expression<Func<ChildCategory, bool>> HasStatusOn(CategoryStatus status, DateOnly onDate) => status switch
    {
        CategoryStatus.Rejected => k => k.Status == CategoryStatus.Rejected,
        CategoryStatus.Exited => k => k.Status == CategoryStatus.Exited || (k.Status != CategoryStatus.Rejected && k.ValidTo < onDate),
        _ => k => k.Status == status && (k.ValidTo == null || k.ValidTo >= onDate),
    };

    /// <summary>API text of a status: pending, township-verified, verified, rejected, exited.</summary>
    public static string StatusText(CategoryStatus s) => s switch
    {
        CategoryStatus.Pending => "pending",
        CategoryStatus.TownshipVerified => "township-verified",
        CategoryStatus.Verified => "verified",
        CategoryStatus.Rejected => "rejected",
        _ => "exited",
    };

    /// <summary>The status whose API text (see <see cref="StatusText"/>) is <paramref name="text"/>, or null.</summary>
    public static CategoryStatus? ParseStatusText(string? text) =>
        Enum.GetValues<CategoryStatus>().Cast<CategoryStatus?>().FirstOrDefault(s => StatusText(s!.Value) == text?.Trim());

    /// <summary>Chinese label of a status.</summary>
    public static string StatusName(CategoryStatus s) => s switch
    {
        CategoryStatus.Pending => "待乡镇查验",
        CategoryStatus.TownshipVerified => "待县级确认",
        CategoryStatus.Verified => "已确认",
        CategoryStatus.Rejected => "不予确认",
        _ => "已退出",
    };

    /// <summary>The child's region, copied so the table can be scoped and distributed by it.</summary>
    public required string RegionCode { get; set; }

    /// <summary>Chinese label.</summary>
    public static string ChineseName(ProtectionCategory category) => category switch
    {
        ProtectionCategory.Orphan => "孤儿",
        ProtectionCategory.DeFactoUnsupported => "事实无人抚养儿童",
        ProtectionCategory.LeftBehind => "农村留守儿童",
        ProtectionCategory.InDistress => "困境儿童",
        ProtectionCategory.Migrant => "流动儿童",
        ProtectionCategory.Disabled => "残疾儿童",
        _ => category.ToString(),
    };
}

/// <summary>Relation of a guardian or family member to the child (API-CONTRACT.md).</summary>
public enum GuardianRelation
{
    Father = 1, Mother, Grandfather, Grandmother, MaternalGrandfather, MaternalGrandmother, Sibling, OtherRelative, Other,
}

/// <summary>Situation of a guardian (API-CONTRACT.md; the six conditions of 民发〔2019〕62号 among them).</summary>
public enum GuardianStatus
{
    Living = 1, Deceased, Missing, LostContact, Imprisoned, CompulsoryRehab, OtherRestriction, SevereIllness, SevereDisability, GuardianshipRevoked, Deported,
}

/// <summary>A guardian or family member of a child.</summary>
public class Guardian : IChildPart
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The child.</summary>
    public Guid ChildId { get; set; }

    /// <summary>Name as written.</summary>
    public required string Name { get; set; }

    /// <summary>Relation to the child.</summary>
    public GuardianRelation Relation { get; set; }

    /// <summary>Citizen ID number, 18 characters (a 15-digit legacy number is upgraded on entry).</summary>
    public string? CitizenIdNumber { get; set; }

    /// <summary>Situation.</summary>
    public GuardianStatus Status { get; set; } = GuardianStatus.Living;

    /// <summary>True for a legal guardian (监护人); false for another family member.</summary>
    public bool IsGuardian { get; set; } = true;

    /// <summary>
    /// Works away from home (外出务工, DOMAIN.md §1): only a living parent without another condition; it counts for 农村留守儿童
    /// after 6 full months from <see cref="AwaySince"/> in <see cref="WorkRegionCode"/> outside the child's county (<see cref="GuardianConditions"/>).
    /// </summary>
    public bool IsWorkingAway { get; set; }

    /// <summary>Where they work when away (务工地), free text.</summary>
    public string? WorkPlace { get; set; }

    /// <summary>First day away for work (外出务工起始日期, a date in China); null when not recorded.</summary>
    public DateOnly? AwaySince { get; set; }

    /// <summary>Region of the work place: a 6-digit (province, city or county) or 12-digit GB/T 2260 / NBS code; null when not recorded.</summary>
    public string? WorkRegionCode { get; set; }

    /// <summary>
    /// Since when <see cref="Status"/> holds (情形起始日期): the day of death or of the court's declaration, the start of the
    /// sentence, detention or rehabilitation, the day the police accepted the missing-person report (失联), the diagnosis,
    /// the disability certificate; null when not recorded. Never after the day it was entered.
    /// </summary>
    public DateOnly? ConditionSince { get; set; }

    /// <summary>Length of the sentence, detention or rehabilitation (刑期/期限) in whole months, for 服刑在押, 强制隔离戒毒, 其他限制人身自由; null otherwise.</summary>
    public int? ConditionTermMonths { get; set; }

    /// <summary>The guardian's disability type (GB/T 26341-2010) for 重残; null when none recorded.</summary>
    public DisabilityType? DisabilityType { get; set; }

    /// <summary>The guardian's disability grade, 1 (most severe) to 4, as on the disability certificate; null when none recorded.</summary>
    public int? DisabilityGrade { get; set; }

    /// <summary>The catastrophic illness (重病) as named on the configured list (<c>Registry:CatastrophicIllnesses</c>); null when none recorded.</summary>
    public string? Illness { get; set; }

    /// <summary>Employment (就业情况), free text.</summary>
    public string? Employment { get; set; }

    /// <summary>Birth date (出生日期, 2016 form: grandparents' and parents'); null when not recorded. Agrees with the ID number when both are recorded.</summary>
    public DateOnly? BirthDate { get; set; }

    /// <summary>
    /// 无监护能力 (2016 form: 父母一方外出、另一方无监护能力): a parent at home who cannot care for the child, whatever the
    /// cause; never together with <see cref="IsWorkingAway"/>. A parent with a recorded condition (<see cref="Status"/> other
    /// than 健在) lacks capacity too, without this flag (as the 汇总表 counts it, ADR-014).
    /// </summary>
    public bool LacksCapacity { get; set; }

    /// <summary>Health (健康状况).</summary>
    public HealthStatus HealthStatus { get; set; }

    /// <summary>Phone.</summary>
    public string? Phone { get; set; }

    /// <summary>Application-managed concurrency token, changed on every update: a change carries the version it read (409 when stale).</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The child's region, copied so the table can be scoped and distributed by it.</summary>
    public required string RegionCode { get; set; }

    /// <summary>Chinese label of a status.</summary>
    public static string StatusName(GuardianStatus s) => s switch
    {
        GuardianStatus.Living => "健在",
        GuardianStatus.Deceased => "死亡",
        GuardianStatus.Missing => "宣告失踪",
        GuardianStatus.LostContact => "失联",
        GuardianStatus.Imprisoned => "服刑在押",
        GuardianStatus.CompulsoryRehab => "强制隔离戒毒",
        GuardianStatus.OtherRestriction => "其他限制人身自由措施",
        GuardianStatus.SevereIllness => "重病",
        GuardianStatus.SevereDisability => "重残",
        GuardianStatus.GuardianshipRevoked => "被撤销监护资格",
        GuardianStatus.Deported => "被遣送出境",
        _ => s.ToString(),
    };

    /// <summary>Chinese label of a relation.</summary>
    public static string RelationName(GuardianRelation r) => r switch
    {
        GuardianRelation.Father => "父亲",
        GuardianRelation.Mother => "母亲",
        GuardianRelation.Grandfather => "祖父",
        GuardianRelation.Grandmother => "祖母",
        GuardianRelation.MaternalGrandfather => "外祖父",
        GuardianRelation.MaternalGrandmother => "外祖母",
        GuardianRelation.Sibling => "兄弟姐妹",
        GuardianRelation.OtherRelative => "其他亲属",
        _ => "其他",
    };
}
