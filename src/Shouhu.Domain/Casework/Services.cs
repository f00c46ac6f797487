namespace Shouhu.Domain.Casework;

/// <summary>Types of service (处置, DESIGN C4).</summary>
public enum ServiceType
{
    /// <summary>临时照料 temporary care.</summary>
    TemporaryCare = 1,
    /// <summary>扶贫帮困 hardship relief.</summary>
    HardshipRelief = 2,
    /// <summary>法律援助 legal aid.</summary>
    LegalAid = 3,
    /// <summary>心理疏导 psychological counselling.</summary>
    PsychologicalCounselling = 4,
    /// <summary>教育矫治 education and correction.</summary>
    EducationCorrection = 5,
    /// <summary>家庭教育指导 family education.</summary>
    FamilyEducation = 6,
    /// <summary>医疗救助 medical help.</summary>
    MedicalHelp = 7,
    /// <summary>返校复学 return to school.</summary>
    SchoolReturn = 8,
    /// <summary>其他 other.</summary>
    Other = 9,
}

/// <summary>A service delivered in a case: type, provider, date, duration, outcome.</summary>
public class ServiceRecord : ICasePart
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The case.</summary>
    public Guid CaseId { get; set; }

    /// <summary>The case's region.</summary>
    public required string RegionCode { get; set; }

    /// <summary>Type.</summary>
    public ServiceType ServiceType { get; set; }

    /// <summary>Who provided it (person or organisation), free text, 1–200 characters.</summary>
    public string Provider { get; set; } = string.Empty;

    /// <summary>Date delivered (China calendar date; not in the future).</summary>
    public DateOnly ServedOn { get; set; }

    /// <summary>Duration in minutes (1–100,000), when measured.</summary>
    public int? DurationMinutes { get; set; }

    /// <summary>What it achieved, free text.</summary>
    public string? Outcome { get; set; }

    /// <summary>Who recorded it, and when (UTC).</summary>
    public string RecordedBy { get; set; } = string.Empty;

    /// <inheritdoc cref="RecordedBy"/>
    public DateTime RecordedAt { get; set; }
}

/// <summary>Guardianship by civil affairs (国家监护).</summary>
public enum GuardianshipKind
{
    /// <summary>临时监护 temporary guardianship (Minor Protection Law art. 92).</summary>
    Temporary = 1,
    /// <summary>长期监护 long-term guardianship (art. 94).</summary>
    LongTerm = 2,
}

/// <summary>
/// Legal ground of a guardianship measure: the situations of Minor Protection Law (2020 rev.) art. 92 (temporary,
/// items 1–7) and art. 94 (long-term, items 1–5), DOMAIN.md §3.
/// </summary>
public enum GuardianshipGround
{
    /// <summary>Art. 92(1): begging or identity unknown, guardian not found.</summary>
    Art92BeggingOrUnknown = 921,
    /// <summary>Art. 92(2): guardian missing, no one else can act.</summary>
    Art92GuardianMissing = 922,
    /// <summary>Art. 92(3): guardian temporarily unable (own reasons, disaster, accident, public-health event).</summary>
    Art92GuardianTemporarilyUnable = 923,
    /// <summary>Art. 92(4): guardian refuses or neglects, child uncared for.</summary>
    Art92GuardianNeglects = 924,
    /// <summary>Art. 92(5): guardian incites or uses the child to offend; removal needed.</summary>
    Art92GuardianIncitesOffence = 925,
    /// <summary>Art. 92(6): child seriously harmed or threatened by the guardian; emergency placement.</summary>
    Art92SeriousHarmByGuardian = 926,
    /// <summary>Art. 92(7): other situations provided by law.</summary>
    Art92Other = 927,
    /// <summary>Art. 94(1): parents or guardians cannot be found.</summary>
    Art94CannotBeFound = 941,
    /// <summary>Art. 94(2): guardian dead or declared dead, no one else.</summary>
    Art94GuardianDead = 942,
    /// <summary>Art. 94(3): guardian lost capacity, no one else.</summary>
    Art94GuardianIncapacitated = 943,
    /// <summary>Art. 94(4): court revoked guardianship and appointed civil affairs.</summary>
    Art94Revoked = 944,
    /// <summary>Art. 94(5): other situations provided by law.</summary>
    Art94Other = 945,
}

/// <summary>Placement under temporary guardianship (Minor Protection Law art. 93).</summary>
public enum Placement
{
    /// <summary>Not recorded (long-term guardianship).</summary>
    None = 0,
    /// <summary>亲属抚养 kinship care.</summary>
    Kinship = 1,
    /// <summary>家庭寄养 foster family.</summary>
    FosterFamily = 2,
    /// <summary>未成年人救助保护机构 rescue-protection institution.</summary>
    ProtectionInstitution = 3,
    /// <summary>儿童福利机构 child-welfare institution.</summary>
    WelfareInstitution = 4,
}

/// <summary>A guardianship measure by civil affairs, with its legal ground, start and end.</summary>
public class GuardianshipMeasure : ICasePart
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The case.</summary>
    public Guid CaseId { get; set; }

    /// <summary>The case's region.</summary>
    public required string RegionCode { get; set; }

    /// <summary>Temporary or long-term.</summary>
    public GuardianshipKind Kind { get; set; }

    /// <summary>Legal ground; must belong to the kind (art. 92 for temporary, art. 94 for long-term).</summary>
    public GuardianshipGround Ground { get; set; }

    /// <summary>Placement (temporary guardianship).</summary>
    public Placement Placement { get; set; }

    /// <summary>Start date.</summary>
    public DateOnly StartOn { get; set; }

    /// <summary>End date; null while it lasts. Not before the start.</summary>
    public DateOnly? EndOn { get; set; }

    /// <summary>Note (decision document number, placement address…).</summary>
    public string? Note { get; set; }

    /// <summary>Why it ended (with <see cref="EndOn"/>; <see cref="GuardianshipRules.EndProblem"/>).</summary>
    public GuardianshipEndReason? EndReason { get; set; }

    /// <summary>The guardianship assessment (a <c>RiskAssessment</c> of the child) relied on to return the child home.</summary>
    public Guid? EndAssessmentId { get; set; }

    /// <summary>Note on the end (what "other" means, the adoption registration…).</summary>
    public string? EndNote { get; set; }

    /// <summary>Who recorded it, and when (UTC).</summary>
    public string RecordedBy { get; set; } = string.Empty;

    /// <inheritdoc cref="RecordedBy"/>
    public DateTime RecordedAt { get; set; }

    /// <summary>True when <paramref name="ground"/> is a situation of the article that governs <paramref name="kind"/>.</summary>
    public static bool GroundFits(GuardianshipKind kind, GuardianshipGround ground) =>
        kind == GuardianshipKind.Temporary ? (int)ground is >= 921 and <= 927 : (int)ground is >= 941 and <= 945;
}
