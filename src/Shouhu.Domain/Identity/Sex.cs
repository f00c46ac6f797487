namespace Shouhu.Domain.Identity;

/// <summary>Sex, stored as its GB/T 2261.1-2003 code.</summary>
public enum Sex
{
    /// <summary>0 未知的性别.</summary>
    Unknown = 0,
    /// <summary>1 男.</summary>
    Male = 1,
    /// <summary>2 女.</summary>
    Female = 2,
    /// <summary>9 未说明的性别.</summary>
    NotStated = 9,
}

/// <summary>Text forms of <see cref="Sex"/> used by the API (<c>male</c>/<c>female</c>) and the UI (男/女).</summary>
public static class SexText
{
    /// <summary>Parses the API form <c>male</c>/<c>female</c> (case-insensitive) or 男/女; null when unrecognised.</summary>
    public static Sex? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "male" or "男" or "1" => Sex.Male,
        "female" or "女" or "2" => Sex.Female,
        _ => null,
    };

    /// <summary>The API form: <c>male</c>, <c>female</c> or <c>unknown</c>.</summary>
    public static string ToApi(Sex sex) => sex switch
    {
        Sex.Male => "male",
        Sex.Female => "female",
        _ => "unknown",
    };

    /// <summary>The Chinese label: 男, 女 or 未知.</summary>
    public static string ToChinese(Sex sex) => sex switch
    {
        Sex.Male => "男",
        Sex.Female => "女",
        _ => "未知",
    };
}
