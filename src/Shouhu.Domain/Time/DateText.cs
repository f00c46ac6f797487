using System.Globalization;
using System.Text;

namespace Shouhu.Domain.Time;

/// <summary>Reads calendar dates as people type them: <c>2014-02-28</c>, <c>2014/2/28</c>, <c>2014.2.28</c>, <c>2014年2月28日</c>, <c>20140228</c>, full-width digits too.</summary>
public static class DateText
{
    private static readonly string[] Formats = ["yyyy-M-d", "yyyyMMdd"];

    /// <summary>Parses a date; false when the text is not a real date (e.g. 2023-02-29).</summary>
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
            s = s[..10];
        }

        return DateOnly.TryParseExact(s, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
