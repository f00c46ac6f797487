using System.Globalization;
using System.Text;
using Shouhu.Domain.Time;

namespace Shouhu.Domain.Identity;

/// <summary>
/// A resident citizen identity number (公民身份号码) per GB 11643-1999: 6-digit address code, birth date
/// YYYYMMDD, 3-digit sequence (odd = male) and a check character by ISO 7064 MOD 11-2 (<c>X</c> = 10).
/// Always held in its 18-character form; a 15-digit legacy number (issued before 1999) is upgraded.
/// The address code is not checked against today's division list: it is the county at first registration.
/// </summary>
public sealed record CitizenIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private CitizenIdNumber(string value, DateOnly birthDate, Sex sex, bool upgradedFromLegacy)
    {
        Value = value;
        BirthDate = birthDate;
        Sex = sex;
        UpgradedFromLegacy = upgradedFromLegacy;
    }

    /// <summary>The 18-character number, digits and a final digit or upper-case <c>X</c>.</summary>
    public string Value { get; }

    /// <summary>The birth date carried in characters 7–14.</summary>
    public DateOnly BirthDate { get; }

    /// <summary>The sex carried by character 17: odd male, even female.</summary>
    public Sex Sex { get; }

    /// <summary>True when the input was a 15-digit legacy number upgraded to 18 characters.</summary>
    public bool UpgradedFromLegacy { get; }

    /// <summary>The 6-digit address code (county of first registration).</summary>
    public string AddressCode => Value[..6];

    /// <inheritdoc/>
    public override string ToString() => Value;

    /// <summary>
    /// The ISO 7064 MOD 11-2 check character for the first 17 digits.
    /// </summary>
    /// <exception cref="ArgumentException">When <paramref name="first17"/> is not 17 ASCII digits.</exception>
    public static char ComputeCheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("需要17位数字", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var c = first17[i];
            if (c is < '0' or > '9')
            {
                throw new ArgumentException("需要17位数字", nameof(first17));
            }

            sum += (c - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>
    /// Normalises what a person typed: removes spaces, turns full-width digits and <c>Ｘ</c> into ASCII and
    /// lower-case <c>x</c> into <c>X</c>.
    /// </summary>
    public static string Normalize(string input)
    {
        var sb = new StringBuilder(input.Length);
        foreach (var ch in input)
        {
            var c = ch switch
            {
                >= '０' and <= '９' => (char)(ch - '０' + '0'),
                'Ｘ' or 'ｘ' or 'x' => 'X',
                _ => ch,
            };
            if (!char.IsWhiteSpace(c) && c != '\u3000')
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Validates and parses a number. <paramref name="today"/> is the date in China (birth dates after it are refused).
    /// On failure <paramref name="error"/> says exactly what is wrong, in Chinese, e.g. "校验位应为 X".
    /// </summary>
    public static bool TryParse(string? input, DateOnly today, out CitizenIdNumber? id, out string? error)
    {
        id = null;
        error = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            error = "身份证号不能为空";
            return false;
        }

        var s = Normalize(input);
        var legacy = false;
        if (s.Length == 15)
        {
            if (!IsDigits(s.AsSpan()))
            {
                error = "15位旧身份证号应全部为数字";
                return false;
            }

            legacy = true;
            var first17 = string.Concat(s.AsSpan(0, 6), "19", s.AsSpan(6, 9));
            s = first17 + ComputeCheckCharacter(first17);
        }
        else if (s.Length != 18)
        {
            error = $"身份证号应为18位（或15位旧号），现为{s.Length}位";
            return false;
        }

        if (!IsDigits(s.AsSpan(0, 17)))
        {
            error = "身份证号前17位应全部为数字";
            return false;
        }

        if (!DateOnly.TryParseExact(s.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
        {
            error = $"身份证号中的出生日期 {s.Substring(6, 8)} 不是有效日期";
            return false;
        }

        if (birth.Year < 1900)
        {
            error = $"身份证号中的出生日期 {s.Substring(6, 8)} 早于1900年";
            return false;
        }

        if (birth > today)
        {
            error = $"身份证号中的出生日期 {birth:yyyy-MM-dd} 晚于今天";
            return false;
        }

        var expected = ComputeCheckCharacter(s.AsSpan(0, 17));
        if (s[17] != expected)
        {
            error = $"校验位应为 {expected}";
            return false;
        }

        var sex = (s[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;
        id = new CitizenIdNumber(s, birth, sex, legacy);
        return true;
    }

    /// <summary>Masks a number for lists: the first 6 and last 4 characters kept, the rest <c>*</c>.</summary>
    public static string Mask(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value.Length <= 10)
        {
            return new string('*', value.Length);
        }

        return string.Concat(value.AsSpan(0, 6), new string('*', value.Length - 10), value.AsSpan(value.Length - 4));
    }

    /// <summary>Null when the birth date and sex carried by the number agree with the ones entered; else the message naming the disagreement.</summary>
    public string? DisagreementWith(DateOnly? birthDate, Sex? sex)
    {
        if (birthDate is { } b && b != BirthDate)
        {
            return $"出生日期与身份证号不一致（身份证号中为 {BirthDate:yyyy-MM-dd}）";
        }

        if (sex is Sex.Male or Sex.Female && sex != Sex)
        {
            return $"性别与身份证号不一致（身份证号第17位表示{SexText.ToChinese(Sex)}）";
        }

        return null;
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
