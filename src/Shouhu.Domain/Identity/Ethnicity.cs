namespace Shouhu.Domain.Identity;

/// <summary>Ethnic groups by GB/T 3304-1991 code (01 汉族 … 56 基诺族).</summary>
public static class Ethnicity
{
    private static readonly string[] Names =
    [
        "汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳",
        "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米",
        "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
    ];

    /// <summary>Every (code, name) pair in code order, names with 族.</summary>
    public static IEnumerable<(string Code, string Name)> All =>
        Names.Select((n, i) => ((i + 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture), n + "族"));

    /// <summary>The name with 族 for a 2-digit code, or null when the code is not one of the 56.</summary>
    public static string? NameOf(string? code) =>
        code is { Length: 2 } && int.TryParse(code, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 56
            ? Names[n - 1] + "族"
            : null;
}
