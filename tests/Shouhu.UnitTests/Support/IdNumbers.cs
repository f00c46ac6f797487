using System.Globalization;
using System.Text;

namespace Shouhu.UnitTests.Support;

/// <summary>
/// An independent implementation of GB 11643-1999 / ISO 7064 MOD 11-2, written from the definition rather than
/// copied from the domain: position i (1-based, counted from the right, the check character being position 1)
/// carries weight 2^(i-1) mod 11, and the check value c makes the weighted sum of all 18 characters ≡ 1 (mod 11).
/// </summary>
public static class IdNumbers
{
    /// <summary>The check character of 17 digits, from the MOD 11-2 definition.</summary>
    public static char Check(string first17)
    {
        if (first17.Length != 17 || !first17.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("17 digits expected", nameof(first17));
        }

        var sum = 0;
        for (var k = 0; k < 17; k++)
        {
            // Character k (0-based from the left) is position 18 - k from the right: weight 2^(17 - k) mod 11.
            var weight = 1;
            for (var e = 0; e < 17 - k; e++)
            {
                weight = weight * 2 % 11;
            }

            sum += (first17[k] - '0') * weight;
        }

        var c = (12 - (sum % 11)) % 11;
        return c == 10 ? 'X' : (char)('0' + c);
    }

    /// <summary>The full 18-character number for an address code, a birth date and a 3-digit sequence.</summary>
    public static string Make(string address, DateOnly birth, int sequence)
    {
        var first17 = address + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("000", CultureInfo.InvariantCulture);
        return first17 + Check(first17);
    }

    /// <summary>A random 6-digit address code (not checked against any list, as the standard's rule says).</summary>
    public static string RandomAddress(Random rng) => rng.Next(110000, 660000).ToString("000000", CultureInfo.InvariantCulture);

    /// <summary>A random date in [from, to].</summary>
    public static DateOnly RandomDate(Random rng, DateOnly from, DateOnly to) =>
        from.AddDays(rng.Next(0, to.DayNumber - from.DayNumber + 1));

    /// <summary>Turns ASCII digits and X into their full-width forms (０–９, Ｘ).</summary>
    public static string ToFullWidth(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
        {
            sb.Append(ch switch
            {
                >= '0' and <= '9' => (char)('０' + (ch - '0')),
                'X' => 'Ｘ',
                _ => ch,
            });
        }

        return sb.ToString();
    }
}
