using Shouhu.Domain.Children;
using Shouhu.Domain.Identity;
using Shouhu.Domain.Time;

namespace Shouhu.Web.Features.Children;

/// <summary>Body of <c>POST /api/v1/children</c> (API-CONTRACT.md): dates as ISO text (<c>2014-02-28</c>), enums by their English names.</summary>
public sealed record RegisterChildRequest(
    string? Name,
    string? Sex,
    string? CitizenIdNumber,
    string? BirthDate,
    string? EthnicityCode,
    string? ResidenceRegionCode,
    string? Address,
    List<CategoryInput>? Categories,
    List<GuardianInput>? Guardians)
{
    /// <summary>As the domain's input.</summary>
    public ChildInput ToInput() => new(Name, Sex, CitizenIdNumber, BirthDate, EthnicityCode, ResidenceRegionCode, Address, Categories, Guardians);
}

/// <summary>A category on a child.</summary>
public sealed record ChildCategoryResponse(string Category, string CategoryName, string? SubType, DateOnly ValidFrom, DateOnly? ValidTo, string Status);

/// <summary>A guardian on a child (ID number masked unless the role may see it).</summary>
public sealed record GuardianResponse(Guid Id, string Name, string Relation, string? CitizenIdNumber, string Status);

/// <summary>A child's record as the API answers it.</summary>
public sealed record ChildResponse(
    Guid Id,
    string Name,
    string Sex,
    string? CitizenIdNumber,
    DateOnly BirthDate,
    int Age,
    string? EthnicityCode,
    string ResidenceRegionCode,
    string? ResidenceRegionName,
    string? Address,
    DateTimeOffset CreatedAt,
    IReadOnlyList<ChildCategoryResponse> Categories,
    IReadOnlyList<GuardianResponse> Guardians);

/// <summary>A row of the child list (ID number always masked in lists).</summary>
public sealed record ChildListItem(Guid Id, string Name, string Sex, string? CitizenIdNumber, DateOnly BirthDate, int Age, string ResidenceRegionCode, string? ResidenceRegionName);

/// <summary>A page of the child list.</summary>
public sealed record ChildPage(IReadOnlyList<ChildListItem> Items, int Total, int Page, int PageSize);

/// <summary>Projections shared by the pages and the API.</summary>
public static class ChildProjection
{
    /// <summary>The full record; <paramref name="fullIdNumbers"/> false masks ID numbers (first 6 and last 4 kept).</summary>
    public static ChildResponse ToResponse(Child c, string? regionName, DateOnly today, bool fullIdNumbers) => new(
        c.Id,
        c.Name,
        SexText.ToApi(c.Sex),
        fullIdNumbers ? c.CitizenIdNumber : NullIfEmpty(CitizenIdNumber.Mask(c.CitizenIdNumber)),
        c.BirthDate,
        ChinaTime.AgeOn(c.BirthDate, today),
        c.EthnicityCode,
        c.RegionCode,
        regionName,
        c.Address,
        ChinaTime.ToChina(c.CreatedAt),
        c.Categories.OrderBy(k => k.ValidFrom).Select(k => new ChildCategoryResponse(k.Category.ToString(), ChildCategory.ChineseName(k.Category), k.SubType, k.ValidFrom, k.ValidTo, k.Status.ToString().ToLowerInvariant())).ToList(),
        c.Guardians.Select(g => new GuardianResponse(g.Id, g.Name, g.Relation.ToString(), fullIdNumbers ? g.CitizenIdNumber : NullIfEmpty(CitizenIdNumber.Mask(g.CitizenIdNumber)), g.Status.ToString())).ToList());

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
