using System.Globalization;
using System.Text.RegularExpressions;
using Ntm.Domain.Text;
using Ntm.Etl.Parsing;
using Ntm.Etl.Reading;

namespace Ntm.Etl.Templates;

/// <summary>What one column of a report table holds, as its header says.</summary>
/// <param name="Rule">The vocabulary entry its header matched.</param>
/// <param name="Year">A year the header names ("Thực hiện năm 2024", "Mục tiêu 2030"), or null.</param>
/// <param name="Header">The header text, for explanations.</param>
/// <param name="Group">The rule of the group header merged above it, when the header has two rows.</param>
public sealed record ColumnMeaning(HeaderRule Rule, int? Year, string Header, HeaderRule? Group = null)
{
    /// <summary>The month a header names by itself ("Tháng 12/2022"), or null.</summary>
    public int? NamedMonth { get; init; }

    /// <summary>The year of <see cref="NamedMonth"/>, when the header gives one.</summary>
    public int? NamedYear { get; init; }

    /// <summary>True when the column's values are loaded (not a comparison, a verdict or a row number).</summary>
    public bool Loads => Rule.Ignore is null;
}

/// <summary>One table of a report: its header rows, where its data rows are, its label column and what each column holds.</summary>
public sealed record ReportSection(
    int HeaderRow,
    bool TwoRows,
    int FirstDataRow,
    int EndRow,
    int LabelColumn,
    IReadOnlyDictionary<int, ColumnMeaning> Columns,
    IReadOnlyList<string> Titles,
    string LabelHeader)
{
    /// <summary>True when the table holds annual plans (a "Chỉ tiêu năm" or "Lũy kế/chỉ tiêu năm" column): its rates are shares of the plan.</summary>
    public bool HasPlan => Columns.Values.Any(c => c.Loads && (c.Rule.Measure == HeaderMeasures.TargetYear || c.Rule.Second == HeaderMeasures.TargetYear || c.Group?.Second == HeaderMeasures.TargetYear));
}

/// <summary>
/// Finds the tables of a report sheet from the template's header vocabulary. A header is read by
/// the longest vocabulary phrase found in it word for word; a four-digit year in it gives the
/// column its year (a bare year is a column of its own: targets after the report's year,
/// results up to it). The label column is the one whose header is a label header, else the text
/// column left of the values; a numbering column (STT, TT) never is, whatever it holds.
/// </summary>
public static partial class ReportTableLayout
{
    /// <summary>The vocabulary as (normalised phrase, rule), longest phrase first.</summary>
    public static List<(string Key, HeaderRule Rule)> Rules(TemplateSpec spec) =>
        spec.Headers.SelectMany(h => h.Keys.Select(k => (Key: VietnameseText.Key(k), Rule: h))).Where(r => r.Key.Length > 0).OrderByDescending(r => r.Key.Length).ToList();

    /// <summary>The tables of <paramref name="sheet"/>; <paramref name="period"/> decides what a bare year column and a named month hold.</summary>
    public static List<ReportSection> Sections(Sheet sheet, TemplateSpec spec, List<(string Key, HeaderRule Rule)> rules, ReportPeriod? period)
    {
        var headers = new List<(int Row, bool TwoRows, Dictionary<int, ColumnMeaning> Columns, int? LabelColumn, string LabelHeader)>();
        for (var row = 0; row < sheet.RowCount; row++)
        {
            if (sheet.Row(row).Any(IsFigure))
            {
                continue;
            }

            var (single, singleLabel, singleLabelHeader) = HeaderColumns(sheet, row, false, spec, rules, period);
            if (!IsHeader(single, singleLabel))
            {
                continue;
            }

            // The row under a header completes it when it holds sub-headers and no figures.
            var next = sheet.Row(row + 1).ToList();
            var twoRows = next.Count > 0 && !next.Any(c => c.IsNumeric || NumberParser.Parse(c.Text).HasValue)
                && next.Any(c => Match(c.Text, rules, period) is not null);
            var (columns, labelColumn, labelHeader) = twoRows ? HeaderColumns(sheet, row, true, spec, rules, period) : (single, singleLabel, singleLabelHeader);
            headers.Add((row, twoRows, columns, labelColumn, labelHeader));
            if (twoRows)
            {
                row++;
            }
        }

        var sections = new List<ReportSection>();
        for (var i = 0; i < headers.Count; i++)
        {
            var (row, twoRows, columns, labelColumn, labelHeader) = headers[i];
            var end = i + 1 < headers.Count ? TitleStart(sheet, headers[i + 1].Row) : sheet.RowCount;
            var first = row + (twoRows ? 2 : 1);
            if (first < end && IsColumnNumbering(sheet, first))
            {
                first++;
            }
            var label = labelColumn ?? GuessLabelColumn(sheet, columns, first, end);
            if (label is null)
            {
                continue;
            }

            var titles = Titles(sheet, row, i == 0 ? 0 : headers[i - 1].Row + 1);
            sections.Add(new ReportSection(row, twoRows, first, end, label.Value, columns.Where(c => c.Key != label).ToDictionary(), titles, labelHeader));
        }

        return sections;
    }

    /// <summary>
    /// The meaning of one header text, or null when no phrase of the vocabulary is in it. A phrase
    /// of a dominant rule ("cùng kỳ", "tháng trước": another period) decides wherever it stands;
    /// otherwise the longest phrase found does. A header that only names a month ("Tháng 12/2022",
    /// "T12") holds that month's figures: loaded when it is the report's month, else left out.
    /// </summary>
    public static ColumnMeaning? Match(string text, List<(string Key, HeaderRule Rule)> rules, ReportPeriod? period)
    {
        var key = VietnameseText.Key(text);
        if (key.Length == 0)
        {
            return null;
        }

        var reportYear = period?.Year;
        var padded = $" {key} ";
        foreach (var (ruleKey, rule) in rules)
        {
            if (rule.Dominant && padded.Contains($" {ruleKey} ", StringComparison.Ordinal))
            {
                return new ColumnMeaning(rule, null, text.Trim());
            }
        }

        var year = YearIn(key);
        if (year is { } bare && (key == bare.ToString(CultureInfo.InvariantCulture) || key == $"nam {bare}"))
        {
            // A bare year: a plan for a later year, results for the report's year or before.
            var rule = reportYear is { } report && bare > report ? new HeaderRule { Target = true } : new HeaderRule { Measure = HeaderMeasures.Annual };
            return new ColumnMeaning(rule, bare, text.Trim());
        }

        foreach (var (ruleKey, rule) in rules)
        {
            if (key == ruleKey || padded.Contains($" {ruleKey} ", StringComparison.Ordinal))
            {
                // A year names the column's year for results, plans and targets; "Lũy kế từ 2004" is a start, not a year.
                var takesYear = rule.Target || rule.Measure is HeaderMeasures.Annual or HeaderMeasures.TargetYear;
                if (!takesYear && year is not null && rule.Measure == HeaderMeasures.Month && !padded.Contains(" thang ", StringComparison.Ordinal))
                {
                    // "Thực hiện 2024", "Ước TH 2024": a year's result, not the month's.
                    return new ColumnMeaning(new HeaderRule { Measure = HeaderMeasures.Annual }, year, text.Trim());
                }

                return new ColumnMeaning(rule, takesYear ? year : null, text.Trim());
            }
        }

        return NamedMonth(key) is { } named ? MonthColumn(named.Month, named.Year ?? reportYear, text.Trim(), period) : null;
    }

    /// <summary>A header that names a month: its month's flow when that month is the report's (or the report's month is not known yet), else left out.</summary>
    private static ColumnMeaning MonthColumn(int month, int? year, string header, ReportPeriod? period)
    {
        if (period is null || (!period.WholeYear && !period.Quarter && period.Month == month && (year is null || year == period.Year)))
        {
            return new ColumnMeaning(new HeaderRule { Measure = HeaderMeasures.Month }, null, header) { NamedMonth = month, NamedYear = year };
        }

        var named = year is null ? $"tháng {month}" : $"tháng {month}/{year}";
        var report = period.Describe();
        return new ColumnMeaning(new HeaderRule { Ignore = $"số liệu của {named}, không phải của kỳ báo cáo ({report}); không lưu" }, null, header) { NamedMonth = month, NamedYear = year };
    }

    /// <summary>The month (and year) a header names and nothing else: "tháng 12/2022", "T12", "tháng 12 năm 2022", "12/2022".</summary>
    public static (int Month, int? Year)? NamedMonth(string key)
    {
        var match = MonthHeader().Match(key);
        if (!match.Success)
        {
            return null;
        }

        var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        int? year = match.Groups["y"].Success ? int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture) : null;
        return month is >= 1 and <= 12 ? (month, year) : null;
    }

    /// <summary>
    /// A row under a header that numbers its columns ("A | B | 1 | 2 | 3", "(1) | (2) | (3)"), as
    /// official forms print: not data. Its numbers run 1, 2, 3… from left to right.
    /// </summary>
    private static bool IsColumnNumbering(Sheet sheet, int row)
    {
        var cells = sheet.Row(row).ToList();
        var numbers = new List<int>();
        foreach (var cell in cells)
        {
            var text = cell.Text.Trim().Trim('(', ')', '[', ']').Trim();
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                numbers.Add(n);
            }
            else if (!(text.Length == 1 && char.IsLetter(text[0])))
            {
                return false;
            }
        }

        return numbers.Count >= 2 && numbers.Zip(numbers.Skip(1)).All(p => p.Second == p.First + 1);
    }

    /// <summary>The rows above a header that title its table ("6. Chương trình phòng chống Lao"), nearest first.</summary>
    private static List<string> Titles(Sheet sheet, int headerRow, int floor)
    {
        var titles = new List<string>();
        for (var row = headerRow - 1; row >= floor && titles.Count < 3; row--)
        {
            var cells = sheet.Row(row).ToList();
            if (cells.Count == 0)
            {
                if (titles.Count > 0)
                {
                    break;
                }

                continue;
            }

            if (cells.Any(c => c.IsNumeric))
            {
                break;
            }

            titles.Add(string.Join(" ", cells.Select(c => c.Text.Trim())));
        }

        return titles;
    }

    /// <summary>Where the titles of the table whose header is at <paramref name="headerRow"/> begin: its section ends there.</summary>
    private static int TitleStart(Sheet sheet, int headerRow)
    {
        var row = headerRow;
        while (row > 0 && sheet.Row(row - 1).ToList() is { Count: > 0 } cells && !cells.Any(c => c.IsNumeric) && cells.Count <= 2 && headerRow - row < 3)
        {
            row--;
        }

        return row;
    }

    private static bool IsHeader(Dictionary<int, ColumnMeaning> columns, int? labelColumn) =>
        columns.Count(c => c.Value.Loads) >= 2 || (labelColumn is not null && columns.Any(c => c.Value.Loads));

    private static (Dictionary<int, ColumnMeaning> Columns, int? LabelColumn, string LabelHeader) HeaderColumns(
        Sheet sheet, int row, bool twoRows, TemplateSpec spec, List<(string Key, HeaderRule Rule)> rules, ReportPeriod? period)
    {
        var columns = new Dictionary<int, ColumnMeaning>();
        int? labelColumn = null;
        var labelHeader = string.Empty;
        for (var column = 0; column < sheet.ColumnCount; column++)
        {
            var top = HeaderRow.Text(sheet, row, column, false);
            var bottom = twoRows ? sheet.Text(row + 1, column).Trim() : string.Empty;
            if (labelColumn is null && (HeaderRow.Is(top, spec.LabelHeaders) || (twoRows && HeaderRow.Is(bottom, spec.LabelHeaders))))
            {
                labelColumn = column;
                labelHeader = HeaderRow.Is(top, spec.LabelHeaders) ? top : bottom;
                continue;
            }

            if (Choose(top, bottom, twoRows, rules, period) is { } meaning)
            {
                columns[column] = meaning;
            }
        }

        return (columns, labelColumn, labelHeader);
    }

    /// <summary>
    /// The meaning of a column. Under a group header merged over several columns ("Lũy kế/Trẻ sinh
    /// sống" over "Lũy kế" and "Tỷ lệ (%)"), a sub-header that is a rate, a part, a target or a column
    /// to leave out speaks for itself; one that names a flow takes its meaning from the group.
    /// </summary>
    private static ColumnMeaning? Choose(string top, string bottom, bool twoRows, List<(string Key, HeaderRule Rule)> rules, ReportPeriod? period)
    {
        var upper = Match(top, rules, period);
        if (!twoRows || bottom.Length == 0 || bottom == top)
        {
            return upper;
        }

        var lower = Match(bottom, rules, period);
        if (lower is not null && (lower.Rule.Ignore is not null || lower.Rule.Part is not null || lower.Rule.Target
            || lower.Rule.Measure is HeaderMeasures.ReportedRate or HeaderMeasures.Annual || upper is null || upper.Rule.Ignore is not null))
        {
            return lower with { Year = lower.Year ?? upper?.Year, Header = $"{top} {bottom}".Trim(), Group = upper?.Rule };
        }

        return upper is null ? null : upper with { Header = $"{top} {bottom}".Trim(), Group = upper.Rule };
    }

    /// <summary>The column left of the values that holds the most text (labels), skipping numbering columns.</summary>
    private static int? GuessLabelColumn(Sheet sheet, Dictionary<int, ColumnMeaning> columns, int first, int end)
    {
        var firstValue = columns.Where(c => c.Value.Loads).Select(c => c.Key).DefaultIfEmpty(sheet.ColumnCount).Min();
        var best = (Column: (int?)null, Count: 0);
        for (var column = 0; column < firstValue; column++)
        {
            if (columns.TryGetValue(column, out var meaning) && meaning.Rule.Numbering)
            {
                continue;
            }

            var count = Enumerable.Range(first, Math.Max(0, end - first)).Count(r => sheet.At(r, column) is { } cell && IsLabelText(cell));
            if (count > best.Count)
            {
                best = (column, count);
            }
        }

        return best.Column;
    }

    /// <summary>
    /// True for a cell holding a figure: a header row holds none, though its words may hold a
    /// number ("Cộng dồn 12 tháng", "Tháng 12/2022") and it may hold a bare year.
    /// </summary>
    private static bool IsFigure(Cell cell)
    {
        var parsed = NumberParser.Parse(cell.Text, NumberContext.Count, cell.Value);
        return parsed.HasValue && parsed.Words is null && !(parsed.Value is >= 1990 and <= 2100 && decimal.Truncate(parsed.Value.Value) == parsed.Value);
    }

    /// <summary>True for a cell that can name an indicator: text with letters, not a row number ("7", "II.", "a)").</summary>
    public static bool IsLabelText(Cell cell) =>
        cell.Value is string && cell.Text.Any(char.IsLetter) && !RowNumber().IsMatch(cell.Text.Trim());

    private static int? YearIn(string key)
    {
        var match = Year().Match(key);
        return match.Success ? int.Parse(match.Value, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"^(?:thang |t)(?<m>\d{1,2})(?: nam)?(?: (?<y>(?:19|20)\d{2}))?$|^(?<m>\d{1,2}) (?<y>(?:19|20)\d{2})$")]
    private static partial Regex MonthHeader();

    [GeneratedRegex(@"(?<!\d)(?:19|20)\d{2}(?!\d)")]
    private static partial Regex Year();

    [GeneratedRegex(@"^(?:\d+(?:\.\d+)*\.?|[IVXLivxl]+\.?|[a-zđ]\)|[a-zđ]\.)$")]
    private static partial Regex RowNumber();
}
