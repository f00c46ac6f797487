namespace Shouhu.Domain.Regions;

/// <summary>
/// Rules of NBS statistical division codes (统计用区划代码): 2 digits province, 4 prefecture, 6 county
/// (GB/T 2260), 9 township, 12 village. A code is a prefix of every code below it, so a region's subtree
/// is every code that starts with it — the basis of jurisdiction.
/// </summary>
public static class RegionCode
{
    /// <summary>Highest code length: a village or residents' committee (12 digits).</summary>
    public const int MaxLength = 12;

    /// <summary>The level (1 province … 5 village) for a code length, or null for a length that is no level.</summary>
    public static int? LevelOf(string? code) => code?.Length switch
    {
        2 => 1,
        4 => 2,
        6 => 3,
        9 => 4,
        12 => 5,
        _ => null,
    };

    /// <summary>The code length of a level 1–5.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For a level outside 1–5.</exception>
    public static int LengthOf(int level) => level switch
    {
        1 => 2,
        2 => 4,
        3 => 6,
        4 => 9,
        5 => 12,
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>True when <paramref name="code"/> is all ASCII digits with the length of a level.</summary>
    public static bool IsWellFormed(string? code)
    {
        if (LevelOf(code) is null)
        {
            return false;
        }

        foreach (var c in code!)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="code"/> lies in the subtree of <paramref name="jurisdictionCode"/> (itself included).</summary>
    public static bool IsWithin(string? code, string? jurisdictionCode) =>
        code is not null && jurisdictionCode is not null && code.StartsWith(jurisdictionCode, StringComparison.Ordinal);

    /// <summary>
    /// The inclusive range [low, high] of codes in the subtree of <paramref name="jurisdictionCode"/>, in ordinal
    /// order: every digit string that starts with the code sorts between the code itself and the code padded with 9s.
    /// Used as <c>code BETWEEN low AND high</c> so the database walks a B-tree index (no LIKE, no collation surprises).
    /// </summary>
    public static (string Low, string High) SubtreeRange(string jurisdictionCode) =>
        (jurisdictionCode, jurisdictionCode.PadRight(MaxLength, '9'));

    /// <summary>The parent's code (the code shortened by one level), or null for a province.</summary>
    public static string? ParentOf(string code) => LevelOf(code) switch
    {
        2 => code[..2],
        3 => code[..4],
        4 => code[..6],
        5 => code[..9],
        _ => null,
    };
}
