namespace Shouhu.Domain.Regions;

/// <summary>An administrative division (行政区划) from the NBS 2023 statistical division codes.</summary>
public class Region
{
    /// <summary>NBS code: 2, 4, 6, 9 or 12 digits.</summary>
    public required string Code { get; set; }

    /// <summary>Official name, e.g. 武陵区.</summary>
    public required string Name { get; set; }

    /// <summary>1 province, 2 prefecture/city, 3 county/district, 4 township/street, 5 village/community.</summary>
    public int Level { get; set; }

    /// <summary>The parent's code; null for a province.</summary>
    public string? ParentCode { get; set; }

    /// <summary>Level name in Chinese: 省级, 地级, 县级, 乡级, 村级.</summary>
    public static string LevelName(int level) => level switch
    {
        1 => "省级",
        2 => "地级",
        3 => "县级",
        4 => "乡级",
        5 => "村级",
        _ => "未知",
    };
}
