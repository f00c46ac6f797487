using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Shouhu.Domain.Children;
using Shouhu.Domain.Identity;
using Shouhu.Domain.Time;

namespace Shouhu.Imports;

/// <summary>
/// The spreadsheet-specific normalisation that comes before the register's own rules (issue #12 item 3): full-width
/// digits and letters to half-width, stray spaces (U+3000, NBSP, line breaks) away, 男/女 and 1/2, ethnic names with or
/// without 族, dates typed in the usual ways or stored as Excel serials, an ID number that Excel turned into a number
/// refused with the reason, the survey's yes/no and list answers. Each parser returns the register's API value
/// (e.g. <c>male</c>, <c>01</c>, <c>2014-02-28</c>) or null with a Chinese message.
/// </summary>
public static partial class SurveyText
{
    /// <summary>The refusal of an ID number that Excel stored as a number: its last digits are gone.</summary>
    public const string NumericIdNumber = "身份证号被Excel存成了数字，后三位已丢失，请将该列设为文本后重新填写";

    /// <summary>What a clerk writes for "none" (the 2016 form asks for “—” where a grandparent died): read as empty.</summary>
    public static readonly IReadOnlyList<string> EmptyMarkers = ["—", "——", "-", "--", "/", "\\", "无", "空", "－", "―"];

    /// <summary>
    /// Full-width ASCII (U+FF01–FF5E) to half-width, every kind of space (U+3000, NBSP, thin spaces, tabs, line breaks)
    /// to one ASCII space, runs collapsed, trimmed; zero-width characters removed.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (IsClean(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var ch in text)
        {
            var c = ch is >= '\uFF01' and <= '\uFF5E' ? (char)(ch - 0xFEE0) : ch;
            if (c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF')
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || c == '\u3000')
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    // Most cells need nothing: no space at either end, no run of spaces, no full-width ASCII, no other kind of space.
    private static bool IsClean(string text)
    {
        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            return false;
        }

        var previousSpace = false;
        foreach (var c in text)
        {
            if (c is >= '\uFF01' and <= '\uFF5E' or '\u200B' or '\u200C' or '\u200D' or '\uFEFF' || (char.IsWhiteSpace(c) && (c != ' ' || previousSpace)))
            {
                return false;
            }

            previousSpace = c == ' ';
        }

        return true;
    }

    /// <summary><see cref="Clean"/> without any space left (ID numbers, phones, codes, dates).</summary>
    public static string Compact(string? text) => Clean(text).Replace(" ", string.Empty, StringComparison.Ordinal);

    /// <summary>True when the cleaned text is empty or one of <see cref="EmptyMarkers"/>.</summary>
    public static bool IsEmpty(string? text) => Clean(text) is var t && (t.Length == 0 || EmptyMarkers.Contains(t));

    /// <summary>
    /// A header as matched: cleaned, no spaces, no hints in brackets (<c>性别（男/女）</c> → <c>性别</c>), no punctuation
    /// (、，,:： * and the like).
    /// </summary>
    public static string HeaderKey(string? header)
    {
        var t = Compact(header);
        var stripped = Brackets().Replace(t, string.Empty);
        if (stripped.Length > 0)
        {
            t = stripped;
        }

        return Punctuation().Replace(t, string.Empty);
    }

    /// <summary>
    /// A personal name: <see cref="Clean"/>, the look-alikes of the middle dot of minority names (• ・ ‧ ∙ ⋅ ．) turned into
    /// U+00B7 with the spaces around it removed, spaces next to a Han character removed (张 三 → 张三).
    /// </summary>
    public static string Name(string? text)
    {
        var t = Clean(text);
        t = Dots().Replace(t, "·");
        return SpaceNextToHan().Replace(t, string.Empty);
    }

    /// <summary>
    /// <paramref name="text"/> with the ASCII letters a–z in upper case and every other character as it is: the spellings
    /// matched against (Y, YES, M, FEMALE…) are ASCII, and culture-aware casing costs a call into ICU per cell.
    /// </summary>
    public static string AsciiUpper(string text)
    {
        var i = 0;
        while (i < text.Length && text[i] is not (>= 'a' and <= 'z'))
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var k = 0; k < source.Length; k++)
            {
                var c = source[k];
                span[k] = c is >= 'a' and <= 'z' ? (char)(c - 32) : c;
            }
        });
    }

    /// <summary>Sex as the register reads it: <c>male</c> or <c>female</c>, from 男/女/男性/女性/1/2/M/F.</summary>
    public static string? Sex(string? text, out string? error)
    {
        error = null;
        var t = AsciiUpper(Compact(text));
        switch (t)
        {
            case "男" or "男性" or "1" or "M" or "MALE":
                return "male";
            case "女" or "女性" or "2" or "F" or "FEMALE":
                return "female";
            case "":
                return null;
            default:
                error = "性别应为 男 或 女（也可填 1 / 2）";
                return null;
        }
    }

    /// <summary>The GB/T 3304 code of an ethnic group written as 汉, 汉族, 蒙古族, 01 or 1; null with an error for anything else.</summary>
    public static string? Ethnicity(string? text, out string? error)
    {
        error = null;
        var t = Compact(text);
        if (t.Length == 0)
        {
            return null;
        }

        if (t.All(char.IsAsciiDigit) && t.Length <= 2 && int.Parse(t, CultureInfo.InvariantCulture) is >= 1 and <= 56 and var n)
        {
            return n.ToString("00", CultureInfo.InvariantCulture);
        }

        var name = t.EndsWith('族') ? t : t + "族";
        foreach (var (code, ethnic) in Shouhu.Domain.Identity.Ethnicity.All)
        {
            if (ethnic == name)
            {
                return code;
            }
        }

        error = "民族应为56个民族之一的名称（如 汉族、土家族）或代码 01–56";
        return null;
    }

    /// <summary>
    /// A date from a date cell, an Excel serial in a number cell (a number of 8 digits is read as <c>yyyyMMdd</c>), or text
    /// in the forms of <see cref="DateText"/> (<c>2014.2.28</c>, <c>2014年2月28日</c>, <c>2014/02/28</c>, <c>2014-2-28</c>,
    /// <c>20140228</c>, full-width digits). A date written to the month only (<c>2014.02</c>, <c>2014年2月</c>) is told
    /// apart: <paramref name="monthOnly"/> holds its first day and the error says the day is missing.
    /// </summary>
    public static DateOnly? Date(CellValue? cell, bool date1904, out string? error, out DateOnly? monthOnly)
    {
        error = null;
        monthOnly = null;
        if (cell is not { } v || IsEmpty(v.Text))
        {
            return null;
        }

        if (v.Kind == CellKind.Date)
        {
            return v.Date;
        }

        if (v.Kind == CellKind.Number && v.Number is { } n)
        {
            if (n is >= 19000101 and <= 21001231 && n == Math.Floor(n))
            {
                return TextDate(((long)n).ToString(CultureInfo.InvariantCulture), out error, out monthOnly);
            }

            if (ExcelDates.FromSerial(n, date1904) is { } serial && serial >= DateText.Earliest && serial <= DateText.Latest)
            {
                return serial;
            }

            error = "日期不是有效日期（格式如 2014-02-28）";
            return null;
        }

        return TextDate(v.Text, out error, out monthOnly);
    }

    private static DateOnly? TextDate(string text, out string? error, out DateOnly? monthOnly)
    {
        error = null;
        monthOnly = null;
        var t = Compact(text);
        if (DateText.TryParse(t, out var d))
        {
            return d;
        }

        var m = MonthOnly().Match(t);
        if (m.Success && int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) is >= 1 and <= 12 and var month)
        {
            monthOnly = new DateOnly(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), month, 1);
            error = "日期只写到了月，请写到日（如 2014-02-28）";
            return null;
        }

        error = "日期不是有效日期（格式如 2014-02-28、2014.2.28、2014年2月28日）";
        return null;
    }

    /// <summary>
    /// An ID number's text for the register: a number cell of more than 15 digits, or text in scientific notation
    /// (<c>4.30702E+17</c>), is refused with <see cref="NumericIdNumber"/> — Excel keeps 15 significant digits, so the rest
    /// is lost; anything else is compacted (its check is the register's, <see cref="CitizenIdNumber"/>).
    /// </summary>
    public static string? IdNumber(CellValue? cell, out string? error)
    {
        error = null;
        if (cell is not { } v || IsEmpty(v.Text))
        {
            return null;
        }

        if ((v.Kind == CellKind.Number && v.Number is { } n && Math.Abs(n) >= 1e15) || Scientific().IsMatch(Compact(v.Text)))
        {
            error = NumericIdNumber;
            return null;
        }

        return v.Kind == CellKind.Number && v.Number is { } whole && whole == Math.Floor(whole)
            ? ((long)whole).ToString(CultureInfo.InvariantCulture)
            : Compact(v.Text);
    }

    /// <summary>A phone's text: a number cell as its digits (a phone stored as a number keeps its 11 digits), else compacted.</summary>
    public static string? Phone(CellValue? cell)
    {
        if (cell is not { } v || IsEmpty(v.Text))
        {
            return null;
        }

        return v.Kind == CellKind.Number && v.Number is { } n && n == Math.Floor(n) && n < 1e15
            ? ((long)n).ToString(CultureInfo.InvariantCulture)
            : Compact(v.Text);
    }

    /// <summary>是/否 and their usual forms (有/无, √/×, Y/N, TRUE/FALSE, 1/0); null when empty; an error otherwise.</summary>
    public static bool? YesNo(CellValue? cell, out string? error)
    {
        error = null;
        var t = AsciiUpper(Compact(cell?.Text));
        switch (t)
        {
            case "":
                return null;
            case "是" or "有" or "√" or "✓" or "Y" or "YES" or "TRUE" or "1":
                return true;
            case "否" or "无" or "×" or "X" or "N" or "NO" or "FALSE" or "0" or "—" or "-":
                return false;
            default:
                error = "应填“是”或“否”";
                return null;
        }
    }

    /// <summary>
    /// One value of a closed list, matched after <see cref="HeaderKey"/> against each option's spellings; null when empty,
    /// an error naming the allowed values otherwise.
    /// </summary>
    public static T? OneOf<T>(string? text, IReadOnlyList<(T Value, string[] Spellings)> options, string allowed, out string? error)
        where T : struct
    {
        error = null;
        var key = HeaderKey(text);
        if (key.Length == 0 || EmptyMarkers.Contains(key))
        {
            return null;
        }

        foreach (var (value, spellings) in options)
        {
            if (spellings.Contains(key))
            {
                return value;
            }
        }

        error = $"“{Clean(text)}”不是可选的值，应为 {allowed}";
        return null;
    }

    /// <summary>Several values of a closed list, separated by 、，,；;/ or spaces; each unknown one is named in the error.</summary>
    public static IReadOnlyList<T> SeveralOf<T>(string? text, IReadOnlyList<(T Value, string[] Spellings)> options, string allowed, out string? error)
        where T : struct
    {
        error = null;
        var values = new List<T>();
        foreach (var part in Separators().Split(Clean(text)))
        {
            if (part.Length == 0 || EmptyMarkers.Contains(part))
            {
                continue;
            }

            if (OneOf(part, options, allowed, out var e) is { } v)
            {
                if (!values.Contains(v))
                {
                    values.Add(v);
                }
            }
            else
            {
                error ??= e;
            }
        }

        return values;
    }

    /// <summary>The disability type and grade of 残疾类别及等级: 肢体残疾二级, 肢体二级, 视力 1级, 多重残疾四级.</summary>
    public static (DisabilityType Type, int Grade)? Disability(string? text, out string? error)
    {
        error = null;
        var t = Compact(text);
        if (t.Length == 0 || EmptyMarkers.Contains(t))
        {
            return null;
        }

        var m = DisabilityPattern().Match(t);
        if (m.Success)
        {
            var type = m.Groups[1].Value switch
            {
                "视力" => DisabilityType.Visual,
                "听力" => DisabilityType.Hearing,
                "言语" => DisabilityType.Speech,
                "肢体" => DisabilityType.Physical,
                "智力" => DisabilityType.Intellectual,
                "精神" => DisabilityType.Mental,
                _ => DisabilityType.Multiple,
            };
            var grade = "一二三四1234".IndexOf(m.Groups[2].Value[0], StringComparison.Ordinal) % 4 + 1;
            return (type, grade);
        }

        error = "残疾类别及等级应写作“类别+等级”，如 肢体残疾二级（类别：视力、听力、言语、肢体、智力、精神、多重；等级：一至四级）";
        return null;
    }

    [GeneratedRegex(@"[\(（\[【][^\)）\]】]*[\)）\]】]")]
    private static partial Regex Brackets();

    [GeneratedRegex(@"[、，,：:；;。.\*＊\?？!！""“”'‘’/\\|\-—_#№]")]
    private static partial Regex Punctuation();

    [GeneratedRegex(@"\s*[•・‧∙⋅．.\u00B7]\s*")]
    private static partial Regex Dots();

    [GeneratedRegex(@"(?<=\p{IsCJKUnifiedIdeographs}) | (?=\p{IsCJKUnifiedIdeographs})")]
    private static partial Regex SpaceNextToHan();

    [GeneratedRegex(@"^(\d{4})[.\-/年]?(\d{1,2})月?$")]
    private static partial Regex MonthOnly();

    [GeneratedRegex(@"^\d(\.\d+)?E\+?\d+$", RegexOptions.IgnoreCase)]
    private static partial Regex Scientific();

    [GeneratedRegex(@"[、，,；;/\s]+")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^(视力|听力|言语|肢体|智力|精神|多重)(?:残疾)?([一二三四1234])级?(?:残疾)?$")]
    private static partial Regex DisabilityPattern();
}
