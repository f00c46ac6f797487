using System.Globalization;
using System.Text;

namespace Shouhu.Domain.Time;

/// <summary>
/// Reads calendar dates as people type them: <c>2014-02-28</c>, <c>2014/2/28</c>, <c>2014.2.28</c>, <c>2014年2月28日</c>,
/// <c>20140228</c>, full-width digits too, or an ISO date-time whose date comes first. The one date parser of every route:
/// a date before <see cref="Earliest"/> or after <see cref="Latest"/> is no date (issue #9 finding 15).
/// </summary>
public static class DateText
{
    /// <summary>Earliest date accepted anywhere (1900-01-01): nothing the register, casework or monitoring records lies before it.</summary>
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    /// <summary>Latest date accepted anywhere (2100-12-31); each field bounds it further (e.g. a birth date not after today).</summary>
    public static readonly DateOnly Latest = new(2100, 12, 31);

    private static readonly string[] Formats = ["yyyy-M-d", "yyyyMMdd"];

    private static readonly string[] DateTimeFormats = ["yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    /// <summary>
    /// Parses a date; false when the text is not a real date (e.g. 2023-02-29), lies outside <see cref="Earliest"/>–<see
    /// cref="Latest"/>, or is a date-time whose time is not a real one (<c>2026-11-30T25:61:00+08:00</c>).
    /// </summary>
    public static bool TryParse(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var ch in text.Trim())
        {
            sb.Append(ch switch
            {
                >= '０' and <= '９' => (char)(ch - '０' + '0'),
                '/' or '.' or '年' or '月' or '－' or '／' => '-',
                '日' => '\0',
                _ => ch,
            });
        }

        var s = sb.ToString().Replace("\0", string.Empty, StringComparison.Ordinal);
        // An ISO date-time ("2014-02-28T00:00:00+08:00") names its calendar date first.
        var t = s.IndexOf('T', StringComparison.Ordinal);
        if (t == 10)
        {
            // The time is checked as written (the mapping above turns the '.' of a fraction into '-').
            var written = new string(text.Trim().Select(ch => ch is >= '０' and <= '９' ? (char)(ch - '０' + '0') : ch).ToArray());
            if (!DateTimeOffset.TryParseExact(written, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
            {
                return false;
            }

            s = s[..10];
        }

        if (!DateOnly.TryParseExact(s, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return false;
        }

        if (date < Earliest || date > Latest)
        {
            date = default;
            return false;
        }

        return true;
    }
}
