namespace Shouhu.Domain.Accounts;

/// <summary>Kinds of organisation in the "1+N" network (API-CONTRACT.md).</summary>
public enum OrganizationKind
{
    /// <summary>民政局 civil-affairs bureau (city or county) or township civil-affairs office.</summary>
    CivilAffairsBureau = 1,
    /// <summary>未成年人救助保护中心 protection centre.</summary>
    ProtectionCentre = 2,
    /// <summary>成员单位 member unit: police, procuratorate, court, education, health...</summary>
    MemberUnit = 3,
    /// <summary>社会组织 contracted social organisation.</summary>
    SocialOrganization = 4,
    /// <summary>服务站点 service site (儿童之家, 留守儿童快乐之家).</summary>
    ServiceSite = 5,
    /// <summary>学校 school.</summary>
    School = 6,
}

/// <summary>An organisation that accounts belong to.</summary>
public class Organization
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Full name, e.g. 常德市民政局.</summary>
    public required string Name { get; set; }

    /// <summary>Kind.</summary>
    public OrganizationKind Kind { get; set; }

    /// <summary>NBS code of the region it serves.</summary>
    public required string RegionCode { get; set; }

    /// <summary>Parent organisation, e.g. the county bureau above a township office.</summary>
    public Guid? ParentOrganizationId { get; set; }

    /// <summary>When it was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Chinese label of a kind.</summary>
    public static string KindName(OrganizationKind kind) => kind switch
    {
        OrganizationKind.CivilAffairsBureau => "民政部门",
        OrganizationKind.ProtectionCentre => "未成年人救助保护中心",
        OrganizationKind.MemberUnit => "成员单位",
        OrganizationKind.SocialOrganization => "社会组织",
        OrganizationKind.ServiceSite => "服务站点",
        OrganizationKind.School => "学校",
        _ => kind.ToString(),
    };
}
