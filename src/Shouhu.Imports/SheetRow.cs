using System.Globalization;

namespace Shouhu.Imports;

/// <summary>What kind of value a cell holds, as the file stored it.</summary>
public enum CellKind
{
    /// <summary>Text (a shared or inline string, a formula's text result, any CSV field).</summary>
    Text = 1,
    /// <summary>A number not formatted as a date (<see cref="CellValue.Number"/> holds it).</summary>
    Number = 2,
    /// <summary>A number formatted as a date, read as the calendar date of its serial number (<see cref="CellValue.Date"/>).</summary>
    Date = 3,
    /// <summary>TRUE or FALSE.</summary>
    Boolean = 4,
    /// <summary>An error value such as <c>#N/A</c> (usually a formula's cached result).</summary>
    Error = 5,
}

/// <summary>
/// One cell as read: its kind, its text as the user would see it (a number in invariant digits, e.g.
/// <c>4.30702201402281E+17</c>; a date as <c>yyyy-MM-dd</c>), the number, the date.
/// </summary>
public readonly record struct CellValue(CellKind Kind, string Text, double? Number = null, DateOnly? Date = null)
{
    /// <summary>A text cell.</summary>
    public static CellValue OfText(string text) => new(CellKind.Text, text);

    /// <summary>A number cell.</summary>
    public static CellValue OfNumber(double number) => new(CellKind.Number, number.ToString("R", CultureInfo.InvariantCulture), number);

    /// <summary>A date cell (its serial number kept in <see cref="Number"/>).</summary>
    public static CellValue OfDate(DateOnly date, double serial) => new(CellKind.Date, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), serial, date);
}

/// <summary>One row of a sheet: the row number Excel shows (1-based), whether it is hidden, its cells by 0-based column (null where empty).</summary>
public sealed record SheetRow(int Number, bool Hidden, IReadOnlyList<CellValue?> Cells)
{
    /// <summary>The cell at a 0-based column, or null.</summary>
    public CellValue? this[int column] => column < Cells.Count ? Cells[column] : null;

    /// <summary>True when no cell has text other than white space.</summary>
    public bool IsBlank => Cells.All(c => c is null || SurveyText.Clean(c.Value.Text).Length == 0);
}

/// <summary>A merged range of cells, 0-based columns and Excel's 1-based rows, both ends included.</summary>
public sealed record MergedRange(int FirstRow, int FirstColumn, int LastRow, int LastColumn)
{
    /// <summary>The range as Excel writes it, e.g. <c>A5:A7</c>.</summary>
    public override string ToString() => $"{Columns.Letter(FirstColumn)}{FirstRow}:{Columns.Letter(LastColumn)}{LastRow}";
}

/// <summary>Excel's column letters.</summary>
public static class Columns
{
    /// <summary>Most columns of a sheet (XFD).</summary>
    public const int Max = 16_384;

    /// <summary>The letters of a 0-based column: 0 → A, 26 → AA.</summary>
    public static string Letter(int column)
    {
        var s = string.Empty;
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            s = (char)('A' + ((n - 1) % 26)) + s;
        }

        return s;
    }

    /// <summary>Splits a reference such as <c>AB12</c> into its 0-based column and 1-based row; false when it is not one.</summary>
    public static bool TryParse(string? reference, out int column, out int row)
    {
        column = -1;
        row = 0;
        if (string.IsNullOrEmpty(reference))
        {
            return false;
        }

        var i = 0;
        var c = 0;
        while (i < reference.Length && char.IsAsciiLetter(reference[i]))
        {
            c = (c * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            i++;
            if (c > Max)
            {
                return false;
            }
        }

        column = c - 1;
        return i > 0 && (i == reference.Length || int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out row));
    }
}
