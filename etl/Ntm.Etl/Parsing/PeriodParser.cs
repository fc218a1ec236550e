using System.Globalization;
using System.Text.RegularExpressions;
using Ntm.Domain.Text;

namespace Ntm.Etl.Parsing;

/// <summary>
/// A reporting period: a month, or a whole year (stored at its December). <see cref="Cumulative"/>
/// marks a month report that also gives the months since January ("tháng 12 và 12 tháng năm 2022"):
/// its tables without a measure in their headers hold year-to-dates.
/// </summary>
public sealed record ReportPeriod(int Year, int Month, bool WholeYear, bool Cumulative = false)
{
    /// <summary>The period's month (December of a whole year).</summary>
    public Ntm.Domain.Periods.PeriodKey Period => new(Year, Month);

    /// <summary>'YYYY-MM'.</summary>
    public string Text => $"{Year:D4}-{Month:D2}";

    /// <summary>The first day of the period's month.</summary>
    public DateOnly FirstDay => new(Year, Month, 1);

    /// <summary>Parses 'YYYY-MM' or 'YYYY'.</summary>
    public static ReportPeriod ParseOption(string text)
    {
        var parts = text.Trim().Split('-');
        var year = int.Parse(parts[0], CultureInfo.InvariantCulture);
        return parts.Length == 1 ? new ReportPeriod(year, 12, true) : new ReportPeriod(year, int.Parse(parts[1], CultureInfo.InvariantCulture), false);
    }
}

/// <summary>
/// Finds the reporting period in a title ("tháng 12 năm 2022", "tháng 12/2022", "Tháng 01-2023",
/// "năm 2022", "12 tháng năm 2022") or a file name. Pure functions.
/// </summary>
public static partial class PeriodParser
{
    /// <summary>The period a title line names, or null.</summary>
    public static ReportPeriod? FromTitle(string text)
    {
        var key = VietnameseText.Key(text);
        var month = MonthYear().Match(key);
        if (month.Success)
        {
            var m = int.Parse(month.Groups[1].Value, CultureInfo.InvariantCulture);
            var y = int.Parse(month.Groups[2].Value, CultureInfo.InvariantCulture);
            // "tháng 12 và 12 tháng năm 2022" is the December report; a month that cannot be is no period at all.
            return m is >= 1 and <= 12 && y is >= 1990 and <= 2100 ? new ReportPeriod(y, m, false, month.Groups["cumulative"].Success) : null;
        }

        var year = YearOnly().Match(key);
        if (year.Success)
        {
            var y = int.Parse(year.Groups[1].Value, CultureInfo.InvariantCulture);
            return y is >= 1990 and <= 2100 ? new ReportPeriod(y, 12, true) : null;
        }

        return null;
    }

    /// <summary>The year a file name holds ("Nien giam 2011r.xls" → 2011), or null.</summary>
    /// <remarks>
    /// Only a date-like token counts: the year must stand in a word of the name that is not an
    /// identifier. A long run of hexadecimal digits (an archive's SHA-256 name, a GUID) holds digits
    /// such as "2048" that are no year, whatever a template's own pattern says.
    /// </remarks>
    public static int? YearFromFileName(string fileName, string? pattern = null)
    {
        var name = Path.GetFileNameWithoutExtension(fileName);
        foreach (Match match in Regex.Matches(name, pattern ?? @"(?<![\p{L}\d])((?:19|20)\d{2})(?!\d)", RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            var group = match.Groups[1];
            var start = group.Index;
            var end = group.Index + group.Length;
            while (start > 0 && char.IsLetterOrDigit(name[start - 1]))
            {
                start--;
            }

            while (end < name.Length && char.IsLetterOrDigit(name[end]))
            {
                end++;
            }

            var word = name[start..end];
            if (word.Length >= 16 && word.All(char.IsAsciiHexDigit))
            {
                continue;
            }

            return int.Parse(group.Value, CultureInfo.InvariantCulture);
        }

        return null;
    }

    [GeneratedRegex(@"thang (\d{1,2})(?<cumulative> va \d{1,2} thang)?(?: nam| )+((?:19|20)\d{2})\b")]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"\bnam ((?:19|20)\d{2})\b")]
    private static partial Regex YearOnly();
}
