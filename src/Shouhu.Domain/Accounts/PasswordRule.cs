namespace Shouhu.Domain.Accounts;

/// <summary>
/// Password strength per MLPS 2.0 level 3 as auditors apply it (GB/T 22239-2019; DOMAIN.md §9):
/// at least 8 characters mixing at least 3 of the 4 classes (upper case, lower case, digits, symbols).
/// </summary>
public static class PasswordRule
{
    /// <summary>Minimum length in characters.</summary>
    public const int MinimumLength = 8;

    /// <summary>Null when <paramref name="password"/> is strong enough, else the Chinese message saying what is missing.</summary>
    public static string? Check(string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumLength)
        {
            return $"密码至少需要{MinimumLength}个字符";
        }

        var classes = (password.Any(char.IsUpper) ? 1 : 0)
            + (password.Any(char.IsLower) ? 1 : 0)
            + (password.Any(char.IsDigit) ? 1 : 0)
            + (password.Any(c => !char.IsLetterOrDigit(c)) ? 1 : 0);
        return classes >= 3 ? null : "密码需包含大写字母、小写字母、数字、符号中的至少三类";
    }
}
