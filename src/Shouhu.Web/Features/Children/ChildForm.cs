using Shouhu.Domain.Children;

namespace Shouhu.Web.Features.Children;

/// <summary>A family member row of the registration form.</summary>
public sealed class GuardianForm
{
    public string? Name { get; set; }
    public string? Relation { get; set; }
    public string? CitizenIdNumber { get; set; }
    public string? Status { get; set; }
    public bool IsWorkingAway { get; set; }
    public string? WorkPlace { get; set; }
    public string? Phone { get; set; }
    public string? ConditionSince { get; set; }
    public int? ConditionTermMonths { get; set; }
    public string? DisabilityType { get; set; }
    public int? DisabilityGrade { get; set; }
    public string? Illness { get; set; }
    public string? AwaySince { get; set; }
    public string? WorkRegionCode { get; set; }

    /// <summary>True when nothing was typed in the row (an empty row is skipped, not an error).</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(CitizenIdNumber) && string.IsNullOrWhiteSpace(Phone) && string.IsNullOrWhiteSpace(WorkPlace);

    public GuardianInput ToInput() => new(Name, Relation, CitizenIdNumber, Status, true, IsWorkingAway, WorkPlace, null, null, Phone,
        ConditionSince: ConditionSince, ConditionTermMonths: ConditionTermMonths, DisabilityType: string.IsNullOrWhiteSpace(DisabilityType) ? null : DisabilityType,
        DisabilityGrade: DisabilityGrade, Illness: Illness, AwaySince: AwaySince, WorkRegionCode: WorkRegionCode);
}

/// <summary>
/// The child form of the registration and edit pages, bound from the posted fields (names as in the API). Family rows
/// are father, mother and one other member; empty rows are skipped.
/// </summary>
public sealed class ChildForm
{
    public string? Name { get; set; }
    public string? Sex { get; set; }
    public string? CitizenIdNumber { get; set; }
    public string? BirthDate { get; set; }
    public string? EthnicityCode { get; set; }
    public string? ResidenceRegionCode { get; set; }
    public string? Address { get; set; }
    public string? HouseholdRegionCode { get; set; }
    public string? HouseholdKind { get; set; }
    public string? SchoolStatus { get; set; }
    public string? SchoolName { get; set; }
    public string? Grade { get; set; }
    public string? NotInSchoolReason { get; set; }
    public string? HealthStatus { get; set; }
    public string? DisabilityType { get; set; }
    public int? DisabilityGrade { get; set; }
    public string? DisabilityCertificateNumber { get; set; }
    public string? ContactPhone { get; set; }
    public string? IncomeBand { get; set; }
    public string? Housing { get; set; }
    public string? CareCapacityNote { get; set; }
    public string? CaregiverName { get; set; }
    public string? CaregiverRelation { get; set; }
    public string? CaregiverPhone { get; set; }
    public string? CaregiverAgreementDate { get; set; }
    public string? CaregiverAddress { get; set; }
    public bool? HouseholdRegistered { get; set; }
    public string? IllnessType { get; set; }
    public bool? Boarding { get; set; }
    public string? SchoolStage { get; set; }
    public string? GuardianshipType { get; set; }
    public List<string> IncomeSources { get; set; } = [];
    public List<string> Assistance { get; set; } = [];
    public List<string> Categories { get; set; } = [];
    public string? InDistressSubType { get; set; }
    public GuardianForm Father { get; set; } = new() { Relation = nameof(GuardianRelation.Father) };
    public GuardianForm Mother { get; set; } = new() { Relation = nameof(GuardianRelation.Mother) };
    public GuardianForm Other { get; set; } = new();
    public Guid? Version { get; set; }
    public bool AllowPossibleDuplicate { get; set; }

    /// <summary>The family rows that were filled in, in the order father, mother, other.</summary>
    public List<GuardianForm> FilledFamily() =>
        new[] { Father, Mother, Other }.Where(g => !g.IsEmpty).ToList();

    /// <summary>As the domain's input (family rows that were filled in; categories with the 困境儿童 sub-type).</summary>
    public ChildInput ToInput() => new(
        Name, Sex, CitizenIdNumber, BirthDate, EthnicityCode, ResidenceRegionCode, Address,
        Categories.Select(c => new CategoryInput(c, c == nameof(ProtectionCategory.InDistress) ? InDistressSubType : null)).ToList(),
        FilledFamily().Select(g => g.ToInput()).ToList(),
        HouseholdRegionCode, HouseholdKind, SchoolStatus, SchoolName, Grade, NotInSchoolReason, HealthStatus, DisabilityType, DisabilityGrade,
        DisabilityCertificateNumber, ContactPhone, IncomeBand, Housing, CareCapacityNote,
        string.IsNullOrWhiteSpace(CaregiverName) && string.IsNullOrWhiteSpace(CaregiverPhone) && string.IsNullOrWhiteSpace(CaregiverAddress) ? null
            : new EntrustedCareInput(CaregiverName, CaregiverRelation, null, CaregiverPhone, CaregiverAgreementDate, CaregiverAddress),
        HouseholdRegistered, IllnessType, Boarding, SchoolStage, GuardianshipType, IncomeSources, Assistance);

    /// <summary>The form of an existing record, for editing.</summary>
    public static ChildForm From(ChildResponse c) => new()
    {
        Name = c.Name,
        Sex = c.Sex,
        CitizenIdNumber = c.CitizenIdNumber,
        BirthDate = c.BirthDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        EthnicityCode = c.EthnicityCode,
        ResidenceRegionCode = c.ResidenceRegionCode,
        Address = c.Address,
        HouseholdRegionCode = c.HouseholdRegionCode,
        HouseholdKind = c.HouseholdKind == "Unknown" ? null : c.HouseholdKind,
        SchoolStatus = c.SchoolStatus == "Unknown" ? null : c.SchoolStatus,
        SchoolName = c.SchoolName,
        Grade = c.Grade,
        NotInSchoolReason = c.NotInSchoolReason,
        HealthStatus = c.HealthStatus == "Unknown" ? null : c.HealthStatus,
        DisabilityType = c.DisabilityType,
        DisabilityGrade = c.DisabilityGrade,
        DisabilityCertificateNumber = c.DisabilityCertificateNumber,
        ContactPhone = c.ContactPhone,
        IncomeBand = c.IncomeBand == "Unknown" ? null : c.IncomeBand,
        Housing = c.Housing,
        CareCapacityNote = c.CareCapacityNote,
        CaregiverName = c.EntrustedCare?.CaregiverName,
        CaregiverRelation = c.EntrustedCare?.Relation,
        CaregiverPhone = c.EntrustedCare?.Phone,
        CaregiverAgreementDate = c.EntrustedCare?.AgreementDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        CaregiverAddress = c.EntrustedCare?.Address,
        HouseholdRegistered = c.HouseholdRegistered,
        IllnessType = c.IllnessType,
        Boarding = c.Boarding,
        SchoolStage = c.SchoolStage,
        GuardianshipType = c.GuardianshipType,
        IncomeSources = [.. c.IncomeSources ?? []],
        Assistance = [.. c.Assistance ?? []],
        Version = c.Version,
    };
}
