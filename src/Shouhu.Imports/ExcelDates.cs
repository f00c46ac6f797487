namespace Shouhu.Imports;

/// <summary>
/// Excel's date serial numbers (ECMA-376 Part 1, 18.17.4): in the 1900 system day 1 is 1900-01-01 and day 60 is the
/// 1900-02-29 that never was (Lotus 1-2-3's leap-year bug, kept by Excel), so days after it are one too high; in the 1904
/// system (old Mac workbooks, <c>workbookPr date1904</c>) day 0 is 1904-01-01. The fraction is the time of day, ignored.
/// </summary>
public static class ExcelDates
{
    /// <summary>The date of a serial number, or null for one that names no date (0, 60 in the 1900 system, negative, past 9999).</summary>
    /// <param name="serial">The cell's number.</param>
    /// <param name="date1904">True for a workbook in the 1904 system.</param>
    public static DateOnly? FromSerial(double serial, bool date1904)
    {
        if (double.IsNaN(serial) || serial < 0 || serial >= 2_958_466)
        {
            return null;
        }

        var day = (int)Math.Floor(serial);
        if (date1904)
        {
            return new DateOnly(1904, 1, 1).AddDays(day);
        }

        return day switch
        {
            0 or 60 => null,
            < 60 => new DateOnly(1899, 12, 31).AddDays(day),
            _ => new DateOnly(1899, 12, 30).AddDays(day),
        };
    }

    /// <summary>The serial number of a date in the 1900 system (the template writes its example dates with it).</summary>
    public static double ToSerial(DateOnly date) => date.DayNumber - new DateOnly(1899, 12, 30).DayNumber;

    /// <summary>
    /// True when a number format shows a date: the built-in date formats (14–22, 27–36, 45–47, 50–58 of the CJK
    /// locales) or a custom format code with a year, month-with-day or day part outside quotes, escapes and brackets.
    /// </summary>
    /// <param name="numberFormatId">The <c>numFmtId</c> of the cell's style.</param>
    /// <param name="formatCode">The custom format code, when the id is a custom one.</param>
    public static bool IsDateFormat(uint numberFormatId, string? formatCode)
    {
        if (numberFormatId is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58)
        {
            return true;
        }

        if (string.IsNullOrEmpty(formatCode))
        {
            return false;
        }

        var inQuote = false;
        var inBracket = false;
        for (var i = 0; i < formatCode.Length; i++)
        {
            var c = formatCode[i];
            if (inQuote)
            {
                inQuote = c != '"';
                continue;
            }

            if (inBracket)
            {
                inBracket = c != ']';
                continue;
            }

            switch (c)
            {
                case '"':
                    inQuote = true;
                    break;
                case '[':
                    inBracket = true;
                    break;
                case '\\' or '_' or '*':
                    i++;
                    break;
                case 'y' or 'Y' or 'd' or 'D' or 'e' or '年' or '日':
                    return true;
            }
        }

        return false;
    }
}
