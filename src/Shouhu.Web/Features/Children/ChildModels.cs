using Shouhu.Domain.Children;
using Shouhu.Domain.Identity;
using Shouhu.Domain.Time;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Children;

/// <summary>
/// Body of <c>POST /api/v1/children</c> (API-CONTRACT.md) and of <c>PUT /api/v1/children/{id}</c>: dates as ISO text
/// (<c>2014-02-28</c>), enums by their English names. PUT is a full replacement of the fields it documents: an optional
/// field left out (or null) is cleared; <c>name</c>, <c>sex</c>, <c>residenceRegionCode</c> and — unless a
/// <c>citizenIdNumber</c> is sent — <c>birthDate</c> must be sent (400 naming the missing one); a recorded <c>citizenIdNumber</c> cannot be erased (400 身份证号不能删除), only
/// corrected. On PUT, <c>categories</c> and <c>guardians</c> are ignored (they have their own endpoints) and
/// <c>version</c> must be the one read.
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
    Guid? Version = null,
    bool? HouseholdRegistered = null,
    string? IllnessType = null,
    bool? Boarding = null,
    string? SchoolStage = null,
    string? GuardianshipType = null,
    List<string>? IncomeSources = null,
    List<string>? Assistance = null)
{
    /// <summary>As the domain's input.</summary>
    public ChildInput ToInput() => new(Name, Sex, CitizenIdNumber, BirthDate, EthnicityCode, ResidenceRegionCode, Address, Categories, Guardians,
        HouseholdRegionCode, HouseholdKind, SchoolStatus, SchoolName, Grade, NotInSchoolReason, HealthStatus, DisabilityType, DisabilityGrade,
        DisabilityCertificateNumber, ContactPhone, IncomeBand, Housing, CareCapacityNote, EntrustedCare,
        HouseholdRegistered, IllnessType, Boarding, SchoolStage, GuardianshipType, IncomeSources, Assistance);
}

/// <summary>One step of a category's verification chain (item 6 of issue #10): who, at which level, when.</summary>
/// <param name="By">Display name of the account (姓名), or null when the account no longer exists.</param>
/// <param name="Level">Level of that account's jurisdiction: 村（社区）, 乡镇（街道）, 县（区）, 市, 省.</param>
/// <param name="At">When, China time.</param>
/// <param name="Role">That account's role in Chinese (儿童主任, 儿童督导员…), or null when the account no longer exists.</param>
public sealed record CategoryStep(string? By, string? Level, DateTimeOffset At, string? Role = null);

/// <summary>A category on a child, with its verification trail (submitted → township-verified → confirmed, or closed).</summary>
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
    string? StatusReason,
    CategoryStep? Submitted,
    CategoryStep? TownshipVerified,
    CategoryStep? CountyConfirmed,
    CategoryStep? Closed,
    Guid Version);

/// <summary>
/// A guardian or family member (ID and phone numbers as <see cref="PersonalDataPolicy"/> decides); <c>version</c> goes back
/// with a change. The facts of the condition and of working away as entered (<see cref="GuardianInput"/>; null when not recorded).
/// </summary>
/// <remarks><c>birthDate</c> is shown only where ID numbers are (<see cref="PersonalDataView.BirthDate"/>); <c>lacksCapacity</c> is 无监护能力.</remarks>
public sealed record GuardianResponse(Guid Id, string Name, string Relation, string? CitizenIdNumber, string Status, bool IsGuardian, bool IsWorkingAway, string? WorkPlace, string? Employment, string HealthStatus, string? Phone, Guid Version,
    DateOnly? ConditionSince = null, int? ConditionTermMonths = null, string? DisabilityType = null, int? DisabilityGrade = null, string? Illness = null, DateOnly? AwaySince = null, string? WorkRegionCode = null,
    DateOnly? BirthDate = null, bool LacksCapacity = false);

/// <summary>The entrusted caregiver; <c>address</c> is the 2016 form's 居住地地址.</summary>
public sealed record EntrustedCareResponse(string CaregiverName, string Relation, string? CitizenIdNumber, string? Phone, DateOnly? AgreementDate, string? Address = null);

/// <summary>
/// A child's record as the API answers it, through <see cref="PersonalDataPolicy"/> (<see cref="OutputChannel.Record"/>):
/// for roles that see ID numbers masked, <c>birthDate</c> and <c>birthYear</c> are null (they would unmask the number) and
/// <c>age</c> remains; for roles that may not see categories (hotline operators), <c>categories</c> is empty.
/// </summary>
public sealed record ChildResponse(
    Guid Id,
    string Name,
    string Sex,
    string? CitizenIdNumber,
    DateOnly? BirthDate,
    int? BirthYear,
    int Age,
    string? EthnicityCode,
    string ResidenceRegionCode,
    string? ResidenceRegionName,
    string? Address,
    DateTimeOffset CreatedAt,
    IReadOnlyList<ChildCategoryResponse> Categories,
    IReadOnlyList<GuardianResponse> Guardians,
    string? HouseholdRegionCode,
    string? HouseholdRegionName,
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
    Guid Version,
    bool? HouseholdRegistered = null,
    string? IllnessType = null,
    bool? Boarding = null,
    string? SchoolStage = null,
    string? GuardianshipType = null,
    IReadOnlyList<string>? IncomeSources = null,
    IReadOnlyList<string>? Assistance = null);

/// <summary>
/// A row of the child list (<see cref="OutputChannel.List"/>): ID numbers masked (first 6, last 4 kept), the age but
/// neither birth date nor birth year (the masked characters 7–14 of an ID number are the birth date), no category
/// (困境儿童个人信息保护工作办法: no labelling).
/// </summary>
public sealed record ChildListItem(Guid Id, string Name, string Sex, string? CitizenIdNumber, int Age, string ResidenceRegionCode, string? ResidenceRegionName);

/// <summary>A page of the child list.</summary>
public sealed record ChildPage(IReadOnlyList<ChildListItem> Items, int Total, int Page, int PageSize);

/// <summary>
/// One line of a record's history (<see cref="OutputChannel.History"/>): <c>field</c> the stored key (e.g.
/// <c>schoolStatus</c>), <c>fieldName</c> its Chinese label, values as a user reads them (Chinese names of stored
/// values; identity, birth and phone values redacted where numbers are masked), <c>changedBy</c> the editor's display name.
/// </summary>
public sealed record ChildRevisionResponse(DateTimeOffset ChangedAt, string ChangedBy, string Field, string FieldName, string? OldValue, string? NewValue);

/// <summary>Who acted on a category: display name, level and role in Chinese, keyed by account id (see <see cref="CategoryStep"/>).</summary>
public sealed record Person(string DisplayName, string? Level, string? Role = null);

/// <summary>Projections shared by the pages and the API; every personal value goes through a <see cref="PersonalDataView"/>.</summary>
public static class ChildProjection
{
    /// <summary>The full record as <paramref name="view"/> lets it be shown; <paramref name="people"/> names the accounts of the categories' steps.</summary>
    public static ChildResponse ToResponse(Child c, string? regionName, string? householdRegionName, DateOnly today, PersonalDataView view, IReadOnlyDictionary<string, Person> people)
    {
        CategoryStep? Step(string? by, DateTime? at) => at is { } when
            ? new CategoryStep(by is null ? null : people.GetValueOrDefault(by)?.DisplayName, by is null ? null : people.GetValueOrDefault(by)?.Level, ChinaTime.ToChina(when), by is null ? null : people.GetValueOrDefault(by)?.Role)
            : null;
        return new ChildResponse(
            c.Id,
            c.Name,
            SexText.ToApi(c.Sex),
            view.IdNumber(c.CitizenIdNumber),
            view.BirthDate(c.BirthDate),
            view.BirthYear(c.BirthDate),
            ChinaTime.AgeOn(c.BirthDate, today),
            c.EthnicityCode,
            c.RegionCode,
            regionName,
            c.Address,
            ChinaTime.ToChina(c.CreatedAt),
            !view.ShowsCategories ? [] : c.Categories.OrderBy(k => k.ValidFrom).ThenBy(k => k.Id).Select(k => new ChildCategoryResponse(
                k.Id, k.Category.ToString(), ChildCategory.ChineseName(k.Category), k.SubType, k.Basis, k.ValidFrom, k.ValidTo,
                ChildCategory.StatusText(k.StatusOn(today)), ChildCategory.StatusName(k.StatusOn(today)), k.IsActiveOn(today),
                Cst(k.SubmittedAt), Cst(k.TownshipVerifiedAt), Cst(k.CountyConfirmedAt), k.StatusReason,
                Step(k.SubmittedBy, k.SubmittedAt), Step(k.TownshipVerifiedBy, k.TownshipVerifiedAt), Step(k.CountyConfirmedBy, k.CountyConfirmedAt),
                Step(k.ClosedBy, k.ClosedAt), k.Version)).ToList(),
            c.Guardians.OrderBy(g => g.Relation).ThenBy(g => g.Id).Select(g => new GuardianResponse(
                g.Id, g.Name, g.Relation.ToString(), view.IdNumber(g.CitizenIdNumber), g.Status.ToString(), g.IsGuardian, g.IsWorkingAway, g.WorkPlace, g.Employment,
                g.HealthStatus.ToString(), view.Phone(g.Phone), g.Version,
                g.ConditionSince, g.ConditionTermMonths, g.DisabilityType?.ToString(), g.DisabilityGrade, g.Illness, g.AwaySince, g.WorkRegionCode,
                g.BirthDate is { } gb ? view.BirthDate(gb) : null, g.LacksCapacity)).ToList(),
            c.HouseholdRegionCode,
            householdRegionName,
            c.HouseholdKind.ToString(),
            c.SchoolStatus.ToString(),
            c.SchoolName,
            c.Grade,
            c.NotInSchoolReason,
            c.HealthStatus.ToString(),
            c.DisabilityType?.ToString(),
            c.DisabilityGrade,
            c.DisabilityCertificateNumber,
            view.Phone(c.ContactPhone),
            c.IncomeBand.ToString(),
            c.Housing,
            c.CareCapacityNote,
            c.EntrustedCare is { } e ? new EntrustedCareResponse(e.CaregiverName, e.Relation.ToString(), view.IdNumber(e.CitizenIdNumber), view.Phone(e.Phone), e.AgreementDate, e.Address) : null,
            c.UpdatedAt is { } u ? ChinaTime.ToChina(u) : null,
            c.Version,
            c.HouseholdRegistered,
            c.IllnessType,
            c.Boarding,
            c.SchoolStage?.ToString(),
            c.GuardianshipType?.ToString(),
            SchoolStages.Each(c.IncomeSources).Select(v => v.ToString()).ToList(),
            SchoolStages.Each(c.Assistance).Select(v => v.ToString()).ToList());
    }

    private static DateTimeOffset? Cst(DateTime? utc) => utc is { } u ? ChinaTime.ToChina(u) : null;
}
