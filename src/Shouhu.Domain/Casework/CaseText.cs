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

        // Control characters, and the bidirectional overrides that make one text (or file name) pose as another.
        if (text.Any(c => (char.IsControl(c) && c is not ('\n' or '\t')) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
            || text.EnumerateRunes().Any(r => r == Rune.ReplacementChar))
        {
            errors.Add(field, "含有无效字符");
            return null;
        }

        return text;
    }

    /// <summary>Earliest year an instant may name (reports, due times): older is a typing error.</summary>
    public const int MinYear = 2000;

    /// <summary>Latest year an instant may name.</summary>
    public const int MaxYear = 2100;

    /// <summary>
    /// Reads an instant: ISO 8601 with an offset (<c>+08:00</c>, <c>+0800</c>, <c>Z</c>), or a local date-time read as China
    /// Standard Time (<c>2026-11-30 21:05</c>), or a bare date — the end of that day in China when
    /// <paramref name="bareDateIsEndOfDay"/> (a due date), else its start. Years <see cref="MinYear"/>–<see cref="MaxYear"/>.
    /// Null (with an error on <paramref name="field"/>) when it is no such time.
    /// </summary>
    public static DateTime? Instant(string? raw, string field, ValidationErrors errors, bool bareDateIsEndOfDay = true)
    {
        var value = ParseInstant(raw, field, errors, bareDateIsEndOfDay);
        // The year as people read it: in China time (2000-01-01 05:00 Beijing time is 1999 in UTC).
        if (value is { } v && (v.Year is <= 1 or >= 9999 ? v.Year : v.AddHours(8).Year) is < MinYear or > MaxYear)
        {
            errors.Add(field, $"时间应在 {MinYear}–{MaxYear} 年之间");
            return null;
        }

        return value;
    }

    private static DateTime? ParseInstant(string? raw, string field, ValidationErrors errors, bool bareDateIsEndOfDay)
    {
        var text = raw?.Trim().Replace('T', ' ');
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        // Full-width forms (２０２６－１１－３０　２１：０５) as typed with a Chinese input method; 2026/11/30 and
        // 2026年11月30日 21:05 as people write dates.
        text = new string(text.Select(c => c switch
        {
            >= '！' and <= '～' => (char)(c - 0xFEE0),
            '　' => ' ',
            '/' or '年' or '月' => '-',
            '日' => ' ',
            _ => c,
        }).ToArray());
        text = System.Text.RegularExpressions.Regex.Replace(text.Trim(), @"\s+", " ").Replace('T', ' ');
        // Only a time that names its offset is read with it; "K" would also accept none and take the server's zone.
        var hasOffset = text.EndsWith('Z') || System.Text.RegularExpressions.Regex.IsMatch(text, @"[+-]\d\d:?\d\d$");
        string[] withOffset = ["yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mmK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:sszzzz", "yyyy-MM-dd HH:mmzzzz"];
        if (hasOffset && text.Length > 5 && text[^5] is '+' or '-' && char.IsDigit(text[^1]) && text[^3] != ':')
        {
            text = text[..^2] + ":" + text[^2..]; // +0800 → +08:00
        }

        if (hasOffset && DateTimeOffset.TryParseExact(text, withOffset, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dto))
        {
            return dto.Year is >= MinYear and <= MaxYear ? dto.UtcDateTime : new DateTime(dto.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        }

        string[] local = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-M-d H:mm", "yyyy/M/d H:mm", "yyyy-MM-dd HH:mm:ss.FFFFFFF"];
        if (DateTime.TryParseExact(text, local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt))
        {
            return dt.Year is >= MinYear and <= MaxYear ? new DateTimeOffset(dt, Time.ChinaTime.Offset).UtcDateTime : new DateTime(dt.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        }

        if (Time.DateText.TryParse(text, out var date))
        {
            if (date.Year is < MinYear or > MaxYear)
            {
                return new DateTime(date.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            }

            // A bare due date means the end of that day in China ("by 12 December"); a bare received date its start.
            var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), Time.ChinaTime.Offset).UtcDateTime;
            return bareDateIsEndOfDay ? start.AddDays(1).AddSeconds(-1) : start;
        }

        errors.Add(field, "时间格式应为 2026-11-30 21:05（北京时间），或只写日期 2026-11-30");
        return null;
    }
}
