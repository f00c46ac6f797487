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

/// <summary>Verification status of a category (village submits → township verifies → county confirms; exited stays in history).</summary>
public enum CategoryStatus
{
    /// <summary>待核查: submitted, not yet verified.</summary>
    Pending = 1,
    /// <summary>已核查/确认.</summary>
    Verified = 2,
    /// <summary>已退出.</summary>
    Exited = 3,
}

/// <summary>One protection category held by a child over a period.</summary>
public class ChildCategory : IJurisdictional
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
public class Guardian : IJurisdictional
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

    /// <summary>The child's region, copied so the table can be scoped and distributed by it.</summary>
    public required string RegionCode { get; set; }

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
