using System.Globalization;
using System.Text;
using Shouhu.Domain.Children;

namespace Shouhu.Domain.Casework;

/// <summary>Free-text fields of casework (narratives, notes, reasons): trimmed, bounded in characters, no control characters but line breaks and tabs.</summary>
public static class CaseText
{
    /// <summary>
    /// The cleaned text, or null: when empty (an error if <paramref name="required"/>), or longer than
    /// <paramref name="maxChars"/> Unicode characters, or holding control characters (each an error on <paramref name="field"/>).
    /// </summary>
    public static string? Clean(string? raw, string field, int maxChars, bool required, ValidationErrors errors, string? emptyMessage = null)
    {
        var text = raw?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                errors.Add(field, emptyMessage ?? "不能为空");
            }

            return null;
        }

        if (text.EnumerateRunes().Count() > maxChars)
        {
            errors.Add(field, $"不能超过{maxChars}个字");
            return null;
        }

        if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\t')) || text.EnumerateRunes().Any(r => r == Rune.ReplacementChar))
        {
            errors.Add(field, "含有无效字符");
            return null;
        }

        return text;
    }

    /// <summary>Reads an instant: ISO 8601 with an offset, or a local date-time read as China Standard Time (<c>2026-11-30 21:05</c>). Null (with an error) when it is no time.</summary>
    public static DateTime? Instant(string? raw, string field, ValidationErrors errors)
    {
        var text = raw?.Trim().Replace('T', ' ');
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        text = new string(text.Select(c => c is >= '０' and <= '９' ? (char)(c - '０' + '0') : c).ToArray());
        // Only a time that names its offset is read with it; "K" would also accept none and take the server's zone.
        var hasOffset = text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        string[] withOffset = ["yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mmK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK"];
        if (hasOffset && DateTimeOffset.TryParseExact(text, withOffset, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dto))
        {
            return dto.UtcDateTime;
        }

        string[] local = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-M-d H:mm", "yyyy/M/d H:mm", "yyyy-MM-dd HH:mm:ss.FFFFFFF"];
        if (DateTime.TryParseExact(text, local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt))
        {
            return new DateTimeOffset(dt, Time.ChinaTime.Offset).UtcDateTime;
        }

        if (Time.DateText.TryParse(text, out var date))
        {
            // A bare date means the end of that day in China (a due date "by 12 December").
            return new DateTimeOffset(date.AddDays(1).ToDateTime(TimeOnly.MinValue), Time.ChinaTime.Offset).UtcDateTime.AddSeconds(-1);
        }

        errors.Add(field, "时间格式应为 2026-11-30 21:05（北京时间）或带时区的 ISO 8601");
        return null;
    }
}
