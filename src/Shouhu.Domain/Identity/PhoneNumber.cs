using System.Text;

namespace Shouhu.Domain.Identity;

/// <summary>Chinese phone numbers as typed: an 11-digit mobile (1[3-9]…) or a fixed line with area code (0xx-xxxxxxxx).</summary>
public static class PhoneNumber
{
    /// <summary>Normalises (full-width digits, spaces, dashes, a +86 prefix) and validates; null on failure with <paramref name="error"/> in Chinese.</summary>
    public static string? Normalize(string? input, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var sb = new StringBuilder();
        var plus = false;
        foreach (var ch in input.Trim())
        {
            var c = ch is >= '０' and <= '９' ? (char)(ch - '０' + '0') : ch;
            if (c is >= '0' and <= '9')
            {
                sb.Append(c);
            }
            else if (c is ' ' or '-' or '－' or '—' or '(' or ')' or '（' or '）' or '\u3000')
            {
                continue;
            }
            else if (c is '+' or '＋' && sb.Length == 0 && !plus)
            {
                // Only the Chinese country code may follow a "+": +86.
                plus = true;
            }
            else
            {
                error = "电话号码只能包含数字（可带区号和“-”）";
                return null;
            }
        }

        var digits = sb.ToString();
        if (plus && digits.Length > 0 && !digits.StartsWith("86", StringComparison.Ordinal))
        {
            error = "只能登记中国大陆电话号码（+86）";
            return null;
        }

        if (digits.StartsWith("86", StringComparison.Ordinal) && (plus || digits.Length == 13))
        {
            digits = digits[2..];
        }

        if (digits.Length == 11 && digits[0] == '1' && digits[1] is >= '3' and <= '9')
        {
            return digits;
        }

        if (digits.Length is >= 10 and <= 12 && digits[0] == '0')
        {
            // Area code 3 digits for 010/02x, else 4.
            var area = digits[1] is '1' or '2' ? 3 : 4;
            return digits[..area] + "-" + digits[area..];
        }

        error = "电话号码应为11位手机号或带区号的固定电话（如 0736-7252000）";
        return null;
    }

    /// <summary>Masks a phone for lists: the first 3 and last 4 digits kept.</summary>
    public static string Mask(string? phone) =>
        string.IsNullOrEmpty(phone) ? string.Empty : phone.Length <= 7 ? new string('*', phone.Length) : string.Concat(phone.AsSpan(0, 3), new string('*', phone.Length - 7), phone.AsSpan(phone.Length - 4));
}
