using Shouhu.Domain.Children;
using Shouhu.Domain.Identity;
using Shouhu.Domain.Time;

namespace Shouhu.Web.Features.Children;

/// <summary>
/// Body of <c>POST /api/v1/children</c> (API-CONTRACT.md) and of <c>PUT /api/v1/children/{id}</c>: dates as ISO text
/// (<c>2014-02-28</c>), enums by their English names. On PUT, <c>categories</c> and <c>guardians</c> are ignored (they have
/// their own endpoints) and <c>version</c> must be the one read.
/// </summary>
public sealed record RegisterChildRequest(
    string? Name,
    string? Sex,
    string? CitizenIdNumber,
    string? BirthDate,
    string? EthnicityCode,
    string? ResidenceRegionCode,
    string? Address,
    List<CategoryInput>? Categories,
    List<GuardianInput>? Guardians,
    string? HouseholdRegionCode = null,
    string? HouseholdKind = null,
    string? SchoolStatus = null,
    string? SchoolName = null,
    string? Grade = null,
    string? NotInSchoolReason = null,
    string? HealthStatus = null,
    string? DisabilityType = null,
    int? DisabilityGrade = null,
    string? DisabilityCertificateNumber = null,
    string? ContactPhone = null,
    string? IncomeBand = null,
    string? Housing = null,
    string? CareCapacityNote = null,
    EntrustedCareInput? EntrustedCare = null,
    bool? AllowPossibleDuplicate = null,
    Guid? Version = null)
{
    /// <summary>As the domain's input.</summary>
    public ChildInput ToInput() => new(Name, Sex, CitizenIdNumber, BirthDate, EthnicityCode, ResidenceRegionCode, Address, Categories, Guardians,
        HouseholdRegionCode, HouseholdKind, SchoolStatus, SchoolName, Grade, NotInSchoolReason, HealthStatus, DisabilityType, DisabilityGrade,
        DisabilityCertificateNumber, ContactPhone, IncomeBand, Housing, CareCapacityNote, EntrustedCare);
}

/// <summary>A category on a child, with its verification trail.</summary>
public sealed record ChildCategoryResponse(
    Guid Id,
    string Category,
    string CategoryName,
    string? SubType,
    string? Basis,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    string Status,
    string StatusName,
    bool Active,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? TownshipVerifiedAt,
    DateTimeOffset? CountyConfirmedAt,
    string? StatusReason);

/// <summary>A guardian or family member (ID and phone numbers masked unless the role may see them).</summary>
public sealed record GuardianResponse(Guid Id, string Name, string Relation, string? CitizenIdNumber, string Status, bool IsGuardian, bool IsWorkingAway, string? WorkPlace, string? Employment, string HealthStatus, string? Phone);

/// <summary>The entrusted caregiver.</summary>
public sealed record EntrustedCareResponse(string CaregiverName, string Relation, string? CitizenIdNumber, string? Phone, DateOnly? AgreementDate);

/// <summary>
/// A child's record as the API answers it. For roles that see ID numbers masked, <c>birthDate</c> is null (it would
/// unmask the number) and <c>birthYear</c> and <c>age</c> remain.
/// </summary>
public sealed record ChildResponse(
    Guid Id,
    string Name,
    string Sex,
    string? CitizenIdNumber,
    DateOnly? BirthDate,
    int BirthYear,
    int Age,
    string? EthnicityCode,
    string ResidenceRegionCode,
    string? ResidenceRegionName,
    string? Address,
    DateTimeOffset CreatedAt,
    IReadOnlyList<ChildCategoryResponse> Categories,
    IReadOnlyList<GuardianResponse> Guardians,
    string? HouseholdRegionCode,
    string HouseholdKind,
    string SchoolStatus,
    string? SchoolName,
    string? Grade,
    string? NotInSchoolReason,
    string HealthStatus,
    string? DisabilityType,
    int? DisabilityGrade,
    string? DisabilityCertificateNumber,
    string? ContactPhone,
    string IncomeBand,
    string? Housing,
    string? CareCapacityNote,
    EntrustedCareResponse? EntrustedCare,
    DateTimeOffset? UpdatedAt,
    Guid Version);

/// <summary>
/// A row of the child list. ID numbers are masked (first 6, last 4 kept), and the row carries the age and birth year but
/// not the birth date: the masked characters 7–14 of an ID number are the birth date, so showing both would unmask it.
/// No category is shown (困境儿童个人信息保护工作办法: no labelling).
/// </summary>
public sealed record ChildListItem(Guid Id, string Name, string Sex, string? CitizenIdNumber, int BirthYear, int Age, string ResidenceRegionCode, string? ResidenceRegionName);

/// <summary>A page of the child list.</summary>
public sealed record ChildPage(IReadOnlyList<ChildListItem> Items, int Total, int Page, int PageSize);

/// <summary>One line of a record's history.</summary>
public sealed record ChildRevisionResponse(DateTimeOffset ChangedAt, string ChangedBy, string Field, string? OldValue, string? NewValue);

/// <summary>Projections shared by the pages and the API.</summary>
public static class ChildProjection
{
    /// <summary>The full record; <paramref name="fullNumbers"/> false masks ID and phone numbers (ID: first 6 and last 4 kept; phone: first 3 and last 4).</summary>
    public static ChildResponse ToResponse(Child c, string? regionName, DateOnly today, bool fullNumbers)
    {
        string? Id(string? v) => fullNumbers ? v : NullIfEmpty(CitizenIdNumber.Mask(v));
        string? Phone(string? v) => fullNumbers ? v : NullIfEmpty(PhoneNumber.Mask(v));
        return new ChildResponse(
            c.Id,
            c.Name,
            SexText.ToApi(c.Sex),
            Id(c.CitizenIdNumber),
            fullNumbers || c.CitizenIdNumber is null ? c.BirthDate : null,
            c.BirthDate.Year,
            ChinaTime.AgeOn(c.BirthDate, today),
            c.EthnicityCode,
            c.RegionCode,
            regionName,
            c.Address,
            ChinaTime.ToChina(c.CreatedAt),
            c.Categories.OrderBy(k => k.ValidFrom).ThenBy(k => k.Id).Select(k => new ChildCategoryResponse(
                k.Id, k.Category.ToString(), ChildCategory.ChineseName(k.Category), k.SubType, k.Basis, k.ValidFrom, k.ValidTo,
                ChildCategory.StatusText(k.Status), ChildCategory.StatusName(k.Status), k.IsActiveOn(today),
                Cst(k.SubmittedAt), Cst(k.TownshipVerifiedAt), Cst(k.CountyConfirmedAt), k.StatusReason)).ToList(),
            c.Guardians.OrderBy(g => g.Relation).ThenBy(g => g.Id).Select(g => new GuardianResponse(
                g.Id, g.Name, g.Relation.ToString(), Id(g.CitizenIdNumber), g.Status.ToString(), g.IsGuardian, g.IsWorkingAway, g.WorkPlace, g.Employment,
                g.HealthStatus.ToString(), Phone(g.Phone))).ToList(),
            c.HouseholdRegionCode,
            c.HouseholdKind.ToString(),
            c.SchoolStatus.ToString(),
            c.SchoolName,
            c.Grade,
            c.NotInSchoolReason,
            c.HealthStatus.ToString(),
            c.DisabilityType?.ToString(),
            c.DisabilityGrade,
            c.DisabilityCertificateNumber,
            Phone(c.ContactPhone),
            c.IncomeBand.ToString(),
            c.Housing,
            c.CareCapacityNote,
            c.EntrustedCare is { } e ? new EntrustedCareResponse(e.CaregiverName, e.Relation.ToString(), Id(e.CitizenIdNumber), Phone(e.Phone), e.AgreementDate) : null,
            c.UpdatedAt is { } u ? ChinaTime.ToChina(u) : null,
            c.Version);
    }

    private static DateTimeOffset? Cst(DateTime? utc) => utc is { } u ? ChinaTime.ToChina(u) : null;

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
