using System.Globalization;
using System.Text.RegularExpressions;
using Ntm.Domain.Text;
using Ntm.Etl.Parsing;
using Ntm.Etl.Templates;

namespace Ntm.Etl.Tables;

/// <summary>
/// Reads what a column of figures holds from its header path (<see cref="TableVocabulary.Measures"/>).
/// One header text is read by the longest vocabulary phrase found in it word for word, except that
/// a dominant phrase (another period: "cùng kỳ", "tháng trước") decides wherever it stands; a
/// four-digit year gives the column its year (a bare year, "Năm 2023" or "Sơ bộ 2023" is a year's
/// result, or a target after the report's year); a header that only names a month ("Tháng 12/2022",
/// "T1") holds that month. A path of several texts reads top to bottom, the lower text the more
/// specific ("Kết quả thực hiện" over "Cộng dồn 9 tháng" is a year-to-date), except under a group
/// of pairs ("Lũy kế/chỉ tiêu năm" over "Thực hiện" holds "a/b" cells), where only a rate, a part,
/// a target or a year's result speaks for itself; a text that leaves its column out does so for
/// every column under it. Pure functions.
/// </summary>
public static partial class MeasureTagger
{
    // The same headers come back in every report of a family: read once for the built-in vocabulary (a
    // template's own vocabulary is read each time). Headers of up to 1,000 characters in all are kept.
    private static readonly Memo<(string[] Path, ReportPeriod? Period), ColumnMeaning?> Known =
        new(key => Compute(key.Path, TableVocabulary.BuiltIn, key.Period), new PathComparer(), capacity: 4_096);

    /// <summary>What a column under <paramref name="path"/> (top to bottom) holds, or null when no text of it is in the vocabulary.</summary>
    public static ColumnMeaning? Read(IReadOnlyList<string> path, TableVocabulary vocabulary, ReportPeriod? period) =>
        ReferenceEquals(vocabulary, TableVocabulary.BuiltIn) && path.Sum(t => t.Length) <= 1_000
            ? Known.Of(([.. path], period))
            : Compute(path, vocabulary, period);

    private static ColumnMeaning? Compute(IReadOnlyList<string> path, TableVocabulary vocabulary, ReportPeriod? period)
    {
        ColumnMeaning? meaning = null;
        var header = string.Join(" › ", path.Where(t => t.Trim().Length > 0).Select(t => t.Trim()));
        var matches = path.Where(t => t.Trim().Length > 0).Select(t => Match(t, vocabulary, period)).ToList();
        var plan = matches.Count > 0 && matches[^1] is { } last && (last.Rule.Target || last.Rule.Measure == HeaderMeasures.TargetYear);
        if (matches.FirstOrDefault(m => m?.Rule.Ignore is not null) is { } leftOut && !(plan && matches[^1]!.Rule.Ignore is null))
        {
            // A text that leaves its column out ("So với cùng kỳ", "Đạt chỉ tiêu năm (%)", "Ước tính cả năm")
            // does so for every column under it, but for the plan, which is no estimate and no comparison.
            return leftOut with { Header = header };
        }

        matches = matches.Where(m => m?.Rule.Ignore is null).ToList();

        foreach (var lower in matches)
        {
            if (meaning is null)
            {
                meaning = lower;
                continue;
            }

            if (lower is null)
            {
                continue;
            }

            // The lower text is the more specific, except under a group of pairs ("Lũy kế/chỉ tiêu năm" over
            // "Thực hiện": the cells hold "a/b"), where only a rate, a part, a target or a year's result speaks for itself.
            var upper = meaning;
            var own = lower.Rule.Part is not null || lower.Rule.Target || lower.NamedMonth is not null || lower.Rule.Measure is HeaderMeasures.ReportedRate or HeaderMeasures.Annual;
            // A part says which figure of a ratio, not of which period: "Số ca" under "Cộng dồn từ đầu năm" is the year-to-date's.
            // Only a period's measure is kept: "Số người" under "Tỷ lệ bao phủ" or "Kế hoạch năm" is no rate and no plan.
            var rule = lower.Rule is { Part: not null, Measure: null } && upper.Rule.Measure is HeaderMeasures.Month or HeaderMeasures.YearToDate or HeaderMeasures.SinceStart or HeaderMeasures.Annual or HeaderMeasures.Stock
                ? new HeaderRule { Keys = lower.Rule.Keys, Part = lower.Rule.Part, Of = lower.Rule.Of, Measure = upper.Rule.Measure }
                : lower.Rule;
            meaning = own || (upper.Rule.Second is null && (lower.Rule.Measure is not null || upper.Rule.Measure is null))
                ? lower with { Rule = rule, Year = lower.Year ?? upper.Year, Group = upper.Rule, NamedMonth = lower.NamedMonth ?? upper.NamedMonth, NamedYear = lower.NamedYear ?? upper.NamedYear }
                : upper with { Group = upper.Rule };
        }

        return meaning is null ? null : meaning with { Header = header };
    }

    // A header's key with "th" after a number read as "tháng" ("6 th đầu 2024", "6 th/2023"), once per text.
    private static readonly TextMemo<string> MeasureKeys = new(text => AbbreviatedMonths().Replace(HeaderKey.Of(text), "$1 thang"));

    /// <summary>
    /// The meaning of one header text, or null when no phrase of the vocabulary is in it. A header
    /// that only names a month holds that month; whether that month is loaded is decided with the
    /// report's period when the figure is read.
    /// </summary>
    public static ColumnMeaning? Match(string text, TableVocabulary vocabulary, ReportPeriod? period)
    {
        var key = MeasureKeys.Of(text);
        if (key.Length == 0)
        {
            return null;
        }

        var reportYear = period?.Year;
        foreach (var (ruleKey, rule) in vocabulary.Measures)
        {
            if (rule.Dominant && HeaderKey.Contains(key, ruleKey))
            {
                return new ColumnMeaning(rule, null, text.Trim());
            }
        }

        if (NamedMonth(key) is { } named)
        {
            return new ColumnMeaning(new HeaderRule { Measure = HeaderMeasures.Month }, null, text.Trim()) { NamedMonth = named.Month, NamedYear = named.Year };
        }

        if (QuarterHeader().Match(key) is { Success: true } quarter)
        {
            // "Quý III", "Quý 3/2024": a quarter's figures, stored at its last month (a flow only for the first quarter, as a year-to-date).
            var number = quarter.Groups["q"].Value switch { "i" or "1" => 1, "ii" or "2" => 2, "iii" or "3" => 3, _ => 4 };
            int? quarterYear = quarter.Groups["y"].Success ? int.Parse(quarter.Groups["y"].Value, CultureInfo.InvariantCulture) : null;
            return new ColumnMeaning(new HeaderRule { Measure = HeaderMeasures.Month }, null, text.Trim()) { NamedMonth = number * 3, NamedYear = quarterYear, NamedQuarter = true };
        }

        var year = YearIn(key);
        if (year is { } bare && (key == bare.ToString(CultureInfo.InvariantCulture) || key == $"nam {bare}"))
        {
            // A bare year: a plan for a later year, results for the report's year or before.
            var rule = reportYear is { } report && bare > report ? new HeaderRule { Target = true } : new HeaderRule { Measure = HeaderMeasures.Annual };
            return new ColumnMeaning(rule, bare, text.Trim());
        }

        if (PeriodParser.FromTitle(key) is { WholeYear: true, Quarter: false } span && span.Month < 12)
        {
            // "6 tháng đầu năm 2024", "9 tháng 2024": the months since January of that year, the report's or another's.
            return period is null || (span.Year == period.Year && span.Month == period.Month)
                ? new ColumnMeaning(new HeaderRule { Measure = HeaderMeasures.YearToDate }, null, text.Trim())
                : new ColumnMeaning(new HeaderRule { Ignore = $"số liệu của {span.Describe()}, không phải của kỳ báo cáo ({period.Describe()}); không lưu" }, null, text.Trim());
        }

        if (MonthsSinceJanuary().Match(key) is { Success: true } since && int.Parse(since.Groups["m"].Value, CultureInfo.InvariantCulture) is >= 2 and <= 12 and var count)
        {
            // "6 tháng đầu năm" under a report's period: the months since January of its year, or of another period ("2 tháng"
            // alone may be a child's age).
            return period is null || period.Month == count
                ? new ColumnMeaning(new HeaderRule { Measure = HeaderMeasures.YearToDate }, null, text.Trim())
                : new ColumnMeaning(new HeaderRule { Ignore = $"số liệu của {count} tháng đầu năm, không phải của kỳ báo cáo ({period.Describe()}); không lưu" }, null, text.Trim());
        }

        foreach (var (ruleKey, rule) in vocabulary.Measures)
        {
            if (HeaderKey.Contains(key, ruleKey))
            {
                // A year names the column's year for results, plans and targets; "Lũy kế từ 2004" is a start, not a year.
                var takesYear = rule.Target || rule.Measure is HeaderMeasures.Annual or HeaderMeasures.TargetYear;
                if (!takesYear && year is not null && rule.Measure == HeaderMeasures.Month && !HeaderKey.Contains(key, "thang"))
                {
                    // "Thực hiện 2024", "Ước TH 2024": a year's result, not the month's.
                    return new ColumnMeaning(new HeaderRule { Measure = HeaderMeasures.Annual }, year, text.Trim());
                }

                if (rule.Measure == HeaderMeasures.Month && Months().Match(key) is { Success: true } months && int.Parse(months.Groups[1].Value, CultureInfo.InvariantCulture) > 1)
                {
                    // "Thực hiện 9 tháng", "Kết quả 6 tháng": the months since January, not the last one.
                    return new ColumnMeaning(new HeaderRule { Measure = HeaderMeasures.YearToDate }, null, text.Trim());
                }

                return new ColumnMeaning(rule, takesYear ? year : null, text.Trim());
            }
        }

        return null;
    }

    /// <summary>The month (and year) a header names and nothing else: "tháng 12/2022", "T12", "tháng 12 năm 2022", "12/2022", "Tháng 01/2024".</summary>
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

    /// <summary>True when a header text is in the vocabulary at all (a measure, a month, a year, a target, a reason to leave it out).</summary>
    public static bool Knows(string text, TableVocabulary vocabulary) => Match(text, vocabulary, null) is not null;

    /// <summary>The four-digit year a key names, or null.</summary>
    public static int? YearIn(string key)
    {
        var match = Year().Match(key);
        return match.Success ? int.Parse(match.Value, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"^(?:thang ?|t ?)(?<m>\d{1,2})(?: nam)?(?: (?<y>(?:19|20)\d{2}))?$|^(?<m>\d{1,2}) (?<y>(?:19|20)\d{2})$")]
    private static partial Regex MonthHeader();

    [GeneratedRegex(@"(?<!\d)(?:19|20)\d{2}(?!\d)")]
    private static partial Regex Year();

    [GeneratedRegex(@"^(?:qu[yi]|q) ?(?<q>iv|i{1,3}|[1-4])(?: nam)?(?: (?<y>(?:19|20)\d{2}))?$")]
    private static partial Regex QuarterHeader();

    [GeneratedRegex(@"(?:^| )(\d{1,2}) thang(?: |$)")]
    private static partial Regex Months();

    [GeneratedRegex(@"^(?<m>\d{1,2}) thang dau nam$")]
    private static partial Regex MonthsSinceJanuary();

    [GeneratedRegex(@"\b(\d{1,2}) th\b")]
    private static partial Regex AbbreviatedMonths();

    /// <summary>Two header paths are the same when their texts are, in order, and so are their periods.</summary>
    private sealed class PathComparer : IEqualityComparer<(string[] Path, ReportPeriod? Period)>
    {
        public bool Equals((string[] Path, ReportPeriod? Period) x, (string[] Path, ReportPeriod? Period) y) =>
            x.Path.AsSpan().SequenceEqual(y.Path) && Equals(x.Period, y.Period);

        public int GetHashCode((string[] Path, ReportPeriod? Period) key)
        {
            var hash = new HashCode();
            foreach (var text in key.Path)
            {
                hash.Add(text, StringComparer.Ordinal);
            }

            hash.Add(key.Period);
            return hash.ToHashCode();
        }
    }
}
