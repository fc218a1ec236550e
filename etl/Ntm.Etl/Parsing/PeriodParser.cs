using System.Globalization;
using System.Text.RegularExpressions;
using Ntm.Domain.Text;

namespace Ntm.Etl.Parsing;

/// <summary>
/// A reporting period: a month; or the months from January to <see cref="Month"/> (<see
/// cref="WholeYear"/>: the whole year when Month is 12, "6 tháng đầu năm" when it is 6), whose
/// flows are year-to-dates at that month; or a quarter (<see cref="Quarter"/>, at its last month),
/// whose flows are the quarter's and are stored only where they are a year-to-date (the first
/// quarter). <see cref="Cumulative"/> marks a month report that also gives the months since
/// January ("tháng 12 và 12 tháng năm 2022"): its tables without a measure in their headers hold year-to-dates.
/// </summary>
public sealed partial record ReportPeriod(int Year, int Month, bool WholeYear, bool Cumulative = false, bool Quarter = false)
{
    /// <summary>How the period is said to a statistician: "tháng 6/2023", "6 tháng đầu năm 2023", "năm 2023", "quý II/2023".</summary>
    public string Describe() =>
        Quarter ? $"quý {(Month / 3) switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" }}/{Year}"
        : WholeYear ? (Month == 12 ? $"năm {Year}" : $"{Month} tháng đầu năm {Year}")
        : $"tháng {Month}/{Year}";

    /// <summary>True when a flow figure of the period is the quarter's and not a month's or a year-to-date (a quarter after the first).</summary>
    public bool FlowsAreQuarterOnly => Quarter && Month > 3;

    /// <summary>The period's month (December of a whole year).</summary>
    public Ntm.Domain.Periods.PeriodKey Period => new(Year, Month);

    /// <summary>'YYYY-MM'.</summary>
    public string Text => $"{Year:D4}-{Month:D2}";

    /// <summary>The first day of the period's month.</summary>
    public DateOnly FirstDay => new(Year, Month, 1);

    /// <summary>The first and last years a period may name.</summary>
    public const int FirstYear = 1900, LastYear = 2100;

    /// <summary>
    /// Parses 'YYYY-MM' or 'YYYY', a month 01–12 of a year 1900–2100, and nothing else
    /// ('2025-13', '2025-02-30', '2147483648' are not periods); throws <see cref="FormatException"/>.
    /// </summary>
    public static ReportPeriod ParseOption(string text)
    {
        var match = OptionFormat().Match(text.Trim());
        var year = match.Success ? int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture) : 0;
        if (!match.Success || year is < FirstYear or > LastYear)
        {
            throw new FormatException($"'{text}' không phải một tháng (YYYY-MM, tháng 01–12) hay một năm (YYYY) từ {FirstYear} đến {LastYear}.");
        }

        return match.Groups["m"].Success
            ? new ReportPeriod(year, int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture), false)
            : new ReportPeriod(year, 12, true);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<y>\d{4})(?:-(?<m>0?[1-9]|1[0-2]))?$")]
    private static partial System.Text.RegularExpressions.Regex OptionFormat();
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
        if (Week().IsMatch(key) || LastMonths().IsMatch(key))
        {
            // A week's report, or "6 tháng cuối năm": no month or months since January the warehouse keeps.
            return null;
        }

        var quarter = QuarterYear().Match(key);
        if (quarter.Success)
        {
            var q = quarter.Groups["q"].Value switch { "i" or "1" => 1, "ii" or "2" => 2, "iii" or "3" => 3, _ => 4 };
            var y = int.Parse(quarter.Groups["y"].Value, CultureInfo.InvariantCulture);
            return new ReportPeriod(y, q * 3, false, Quarter: true);
        }

        var first = FirstMonths().Match(key);
        if (first.Success && !MonthYear().IsMatch(key))
        {
            // "6 tháng đầu năm 2023", "9 tháng năm 2023": January to that month.
            var m = int.Parse(first.Groups["m"].Value, CultureInfo.InvariantCulture);
            var y = int.Parse(first.Groups["y"].Value, CultureInfo.InvariantCulture);
            return m is >= 1 and <= 12 ? new ReportPeriod(y, m, true) : null;
        }

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

    /// <summary>
    /// The period a cell of a column of periods names: a date, "2023-01", "01/2023", "202301", "tháng
    /// 1/2023"; "Tháng 1", "T1" in <paramref name="year"/> (the report's); "Cộng 9 tháng" the months
    /// since January. Without a year, a bare number is no period.
    /// </summary>
    public static ReportPeriod? FromCell(object? value, string text, int? year)
    {
        if (value is DateTime date)
        {
            return new ReportPeriod(date.Year, date.Month, false);
        }

        text = text.Trim();
        if (DateTime.TryParseExact(text, ["yyyy-MM", "yyyy-M", "MM/yyyy", "M/yyyy", "yyyyMM"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return new ReportPeriod(parsed.Year, parsed.Month, false);
        }

        if (year is { } reportYear && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
        {
            // "9" in a column of months: September of the report's year.
            return new ReportPeriod(reportYear, month, false);
        }

        return FromTitle(text) ?? FromTitle("tháng " + text)
            ?? (year is { } y ? FromTitle($"{text} năm {y}") ?? FromTitle($"tháng {text} năm {y}") : null);
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

    [GeneratedRegex(@"\btuan \d{1,2}\b")]
    private static partial Regex Week();

    [GeneratedRegex(@"\b\d{1,2} thang cuoi nam\b")]
    private static partial Regex LastMonths();

    [GeneratedRegex(@"\bqu[yi] (?<q>iv|iii|ii|i|[1-4])\b(?: nam| )*(?<y>(?:19|20)\d{2})\b")]
    private static partial Regex QuarterYear();

    [GeneratedRegex(@"\b(?<m>\d{1,2}) thang(?: dau)?(?: nam| )+(?<y>(?:19|20)\d{2})\b")]
    private static partial Regex FirstMonths();
}
