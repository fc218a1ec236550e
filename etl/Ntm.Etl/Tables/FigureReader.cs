using Ntm.Domain.Areas;
using Ntm.Etl.Parsing;
using Ntm.Etl.Reading;
using Ntm.Etl.Templates;
using Ntm.Etl.Validation;

namespace Ntm.Etl.Tables;

/// <summary>
/// What one cell of a report table is, given its row's indicator and its column's meaning, and
/// where it is stored:
/// <list type="bullet">
/// <item>A count: in a month, year-to-date or stock column, its figure with that measure (a stock
/// indicator such as people under management is a stock whatever the column); in a year's column
/// ("Thực hiện năm 2024"), a flow's year-to-date or a stock, at that December; in a rate column, the
/// reported rate of the ratio it is the numerator of (the share of children underweight), else
/// its own reported rate (the share of the annual plan); "a/b" in a ytd/plan column, the
/// year-to-date and the plan; "a/b" in a ytd/denominator column, the ratio's numerator and
/// denominator.</item>
/// <item>A ratio: "a/b" is its numerator and denominator; a single figure is the rate the submitter
/// wrote (kept to cross-check, recomputed from the parts when they are there).</item>
/// <item>A rate or a flag: the unit's own figure (stock).</item>
/// <item>In a target column, a target with its comparator ("&gt; 95"; without one, the indicator's
/// direction decides: ≥ where higher is better, ≤ where lower is).</item>
/// </list>
/// Differences ("giảm 51", "↑15,19") are left out (recomputed); bounds ("&lt;1%") and remarks
/// ("tương đương") are warnings; text that should be a number and is not ("1.3o9") is an error.
/// </summary>
public sealed class FigureReader(IndicatorLabels indicators, ExtractionResult result, string sheet, bool sectionHasPlan = false, IReadOnlySet<int>? thousandsAsDecimals = null)
{
    private AreaRecord area = null!;
    private string? explanation;
    private string part = string.Empty;
    private bool withdrawing;

    /// <summary>
    /// Reads one cell into <see cref="ExtractionResult.Values"/>, <see cref="ExtractionResult.Targets"/>
    /// or a finding, as a figure of <paramref name="indicator"/> for <paramref name="unit"/>;
    /// <paramref name="why"/> says which header texts gave it that meaning.
    /// </summary>
    public void Read(Cell cell, ColumnMeaning column, IndicatorLabel indicator, ReportPeriod? period, AreaRecord unit, string? why = null, string disaggregation = "")
    {
        area = unit;
        explanation = why;
        part = disaggregation;
        withdrawing = false;
        var rule = column.Rule;
        if (rule.Target || (rule.Measure == HeaderMeasures.TargetYear && indicator.Kind != "count"))
        {
            ReadTarget(cell, column, indicator, period);
            return;
        }

        var rateColumn = rule.Measure == HeaderMeasures.ReportedRate || (indicator.Kind is "ratio" or "rate" && rule.Part is null);
        var parsed = NumberParser.Parse(cell.Text, rateColumn ? NumberContext.Rate : NumberContext.Count, cell.Value);
        if (!rateColumn && thousandsAsDecimals?.Contains(cell.Column) == true && ThousandsTypedAsDecimals(cell) is { } whole)
        {
            // "1.401" typed into a count cell became the number 1.401: the dot grouped thousands.
            result.Findings.Add(Finding.Warning(sheet, cell.Address, "thousands_as_decimal",
                $"Trang '{sheet}', ô {cell.Address}: số đếm ghi {cell.Text} được đọc là {whole:#,##0} (dấu chấm phân cách hàng nghìn đã bị lưu thành số thập phân); hãy kiểm tra lại ô này.", cell.Text, whole.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            parsed = new ParsedValue(ValueKind.Number, whole);
        }
        // A year's column is that December, except the plan of the report's own year, kept at the report's month.
        Ntm.Domain.Periods.PeriodKey? periodKey = column.Year is { } year && !(rule.Measure == HeaderMeasures.TargetYear && period?.Year == year)
            ? new Ntm.Domain.Periods.PeriodKey(year, 12) : period?.Period;
        if (periodKey is null)
        {
            result.Findings.Add(Finding.Error(sheet, cell.Address, "no_period",
                $"Trang '{sheet}', ô {cell.Address}: không biết số liệu thuộc kỳ nào (tiêu đề tệp và tiêu đề cột '{column.Header}' không ghi tháng hay năm); hãy dùng --period YYYY-MM."));
            return;
        }

        if (parsed.Kind == ValueKind.Withdrawn)
        {
            // "x": the figure this cell would hold has no value from now on.
            withdrawing = true;
            parsed = new ParsedValue(ValueKind.Number, 0m);
        }

        switch (parsed.Kind)
        {
            case ValueKind.NotReported:
                return;
            case ValueKind.Bound:
                result.Findings.Add(Finding.Warning(sheet, cell.Address, "bound_not_value", $"Trang '{sheet}', ô {cell.Address}: '{cell.Text}' là một ngưỡng, không phải số liệu; không được nạp.", cell.Text));
                return;
            case ValueKind.Text:
                result.Findings.Add(Finding.Warning(sheet, cell.Address, "text_not_value", $"Trang '{sheet}', ô {cell.Address}: '{cell.Text}' là lời ghi chú, không phải số liệu; không được nạp.", cell.Text));
                return;
            case ValueKind.Difference:
                result.Ignored.Add(new IgnoredCell(sheet, cell.Address, cell.Text, "chênh lệch (tính lại từ số liệu)"));
                return;
            case ValueKind.Invalid or ValueKind.OutOfRange:
                result.Findings.Add(Finding.NotANumber(sheet, cell.Address, cell.Text, parsed.Kind));
                return;
        }

        if (parsed.Unsure)
        {
            result.Findings.Add(Finding.Warning(sheet, cell.Address, "ambiguous_number", $"Trang '{sheet}', ô {cell.Address}: '{cell.Text}' có thể đọc hai cách; đã đọc là {parsed.Value}.", cell.Text));
        }

        if (parsed.Words is { } words)
        {
            result.Findings.Add(Finding.WordsBesideNumber(sheet, cell.Address, cell.Text, parsed.Value, words));
        }

        var key = periodKey.Value;
        var flowMeasure = NamesTheMonth(column) && column.Year is null && rule.Measure == HeaderMeasures.Month && period is { WholeYear: true } or { Quarter: true }
            ? HeaderMeasures.Month // "Thực hiện tháng" in a report of several months: its last month's flow
            : FlowMeasure(rule.Measure, column.Year is not null, period);
        if (parsed.Kind == ValueKind.Pair)
        {
            ReadPair(cell, rule, indicator, key, flowMeasure, parsed);
            return;
        }

        var value = parsed.Value!.Value;
        switch (indicator.Kind)
        {
            case "ratio" when rule.Part is "numerator" or "denominator":
                Add(cell, key, rule.Part == "numerator" ? indicator.NumeratorCode! : indicator.DenominatorCode!, PartMeasure(indicators[rule.Part == "numerator" ? indicator.NumeratorCode! : indicator.DenominatorCode!], flowMeasure), value);
                return;
            case "ratio":
                Add(cell, key, indicator.Code, HeaderMeasures.ReportedRate, value);
                return;
            case "rate" or "flag":
                Add(cell, key, indicator.Code, HeaderMeasures.Stock, value);
                return;
        }

        // A count.
        if (rule.Measure == HeaderMeasures.ReportedRate || parsed.Kind == ValueKind.Percent)
        {
            Add(cell, key, RateOwner(indicator, column).Code, HeaderMeasures.ReportedRate, value);
            return;
        }

        // A count's plan is its plan, a stock's too (the beds planned); otherwise a flow has the column's measure, a stock is a stock.
        Add(cell, key, indicator.Code, rule.Measure == HeaderMeasures.TargetYear ? HeaderMeasures.TargetYear : indicator.IsFlow ? flowMeasure : HeaderMeasures.Stock, value);
    }

    private void ReadPair(Cell cell, HeaderRule rule, IndicatorLabel indicator, Ntm.Domain.Periods.PeriodKey key, string flowMeasure, ParsedValue parsed)
    {
        if (indicator.IsRatio)
        {
            // "7.475/7860": the ratio's numerator and denominator.
            Add(cell, key, indicator.NumeratorCode!, PartMeasure(indicators[indicator.NumeratorCode!], flowMeasure), parsed.Value!.Value);
            Add(cell, key, indicator.DenominatorCode!, PartMeasure(indicators[indicator.DenominatorCode!], flowMeasure), parsed.Second!.Value);
            return;
        }

        if (indicator.Kind == "count" && rule.Second == HeaderMeasures.TargetYear)
        {
            // "7.746/6.653": the year-to-date and the annual plan.
            Add(cell, key, indicator.Code, indicator.IsFlow ? flowMeasure : HeaderMeasures.Stock, parsed.Value!.Value);
            Add(cell, key, indicator.Code, HeaderMeasures.TargetYear, parsed.Second!.Value);
            return;
        }

        if (indicator.Kind == "count" && rule.Second == "denominator" && indicators.RatioOf(indicator.Code) is { } ratio)
        {
            // "3.553/6.913" under "Lũy kế/Trẻ sinh sống": the ratio's numerator (this count) and its denominator.
            Add(cell, key, indicator.Code, indicator.IsFlow ? flowMeasure : HeaderMeasures.Stock, parsed.Value!.Value);
            Add(cell, key, ratio.DenominatorCode!, PartMeasure(indicators[ratio.DenominatorCode!], flowMeasure), parsed.Second!.Value);
            return;
        }

        result.Findings.Add(Finding.Warning(sheet, cell.Address, "unexpected_pair", $"Trang '{sheet}', ô {cell.Address}: '{cell.Text}' có hai số nhưng cột '{indicator.NameVi}' chỉ chứa một; không được nạp.", cell.Text));
    }

    private void ReadTarget(Cell cell, ColumnMeaning column, IndicatorLabel indicator, ReportPeriod? period)
    {
        var text = cell.Value is double d ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : cell.Text;
        var parsed = NumberParser.Parse(text, NumberContext.Unknown, cell.Value);
        if (parsed.Kind is ValueKind.NotReported or ValueKind.Text or ValueKind.Withdrawn)
        {
            if (parsed.Kind == ValueKind.Text)
            {
                result.Findings.Add(Finding.Warning(sheet, cell.Address, "text_not_value", $"Trang '{sheet}', ô {cell.Address}: '{cell.Text}' là lời ghi chú, không phải mục tiêu; không được nạp.", cell.Text));
            }

            return;
        }

        if ((column.Year ?? period?.Year) is not { } year)
        {
            result.Findings.Add(Finding.Error(sheet, cell.Address, "no_period", $"Trang '{sheet}', ô {cell.Address}: không biết mục tiêu '{cell.Text}' là của năm nào; hãy ghi năm ở tiêu đề cột (ví dụ 'Mục tiêu 2025')."));
            return;
        }

        var comparison = cell.Value is double number && double.IsFinite(number) && Math.Abs(number) < 1e14
            ? ((string?)null, (decimal)number, (string?)null)
            : NumberParser.ParseComparison(cell.Text, indicator.Kind == "count" ? NumberContext.Count : NumberContext.Rate);
        if (comparison is not { } c)
        {
            result.Findings.Add(Finding.NotANumber(sheet, cell.Address, cell.Text, ValueKind.Invalid, " (mục tiêu)", "một số, có thể kèm <, >, ≤, ≥"));
            return;
        }

        var comparator = c.Comparator ?? indicator.Better switch
        {
            "higher" => ">=",
            "lower" => "<=",
            _ => "=",
        };
        if (c.Note is not null)
        {
            result.Findings.Add(Finding.Warning(sheet, cell.Address, "words_beside_number", $"Trang '{sheet}', ô {cell.Address}: mục tiêu {comparator} {c.Value} của '{indicator.NameVi}'; đã bỏ qua chữ '{c.Note}'.", cell.Text));
        }

        result.Targets.Add(new ExtractedTarget(sheet, cell.Address, area, year, indicator.Code, comparator, c.Value, cell.Text, c.Note) { Explanation = explanation });
    }

    /// <summary>
    /// Whose rate a count's rate column holds. Under "Lũy kế/Trẻ sinh sống" it is the ratio the
    /// count is the numerator of; in a table of plans ("Lũy kế/chỉ tiêu năm") it is the share of
    /// the plan reached, the count's own; beside a stock (children underweight, women aged 15–49)
    /// it is the share the stock is of its population; beside a flow (cases, check-ups) the share
    /// of the plan.
    /// </summary>
    private IndicatorLabel RateOwner(IndicatorLabel count, ColumnMeaning column)
    {
        var ratio = indicators.RatioOf(count.Code);
        if (ratio is null || column.Group?.Second == HeaderMeasures.TargetYear || sectionHasPlan)
        {
            return column.Group?.Second == "denominator" && ratio is not null ? ratio : count;
        }

        return column.Group?.Second == "denominator" || (!count.IsFlow && ratio.Factor == 100m) ? ratio : count;
    }

    /// <summary>True when the header says "tháng" ("Thực hiện tháng", "Trong tháng"), not only "Thực hiện".</summary>
    private static bool NamesTheMonth(ColumnMeaning column) => $" {Ntm.Domain.Text.VietnameseText.Key(column.Header)} ".Contains(" thang ", StringComparison.Ordinal);

    /// <summary>A flow of a quarter after the first: neither a month nor a year-to-date, so not stored.</summary>
    private const string QuarterFlow = "quarter";

    /// <summary>
    /// The measure a flow's figure has in this column: a year's column and a report of the months
    /// since January hold year-to-dates; a quarter's flow is the first quarter's year-to-date, and
    /// no stored measure for a later quarter.
    /// </summary>
    private static string FlowMeasure(string? measure, bool yearColumn, ReportPeriod? period) => measure switch
    {
        HeaderMeasures.Annual => HeaderMeasures.YearToDate,
        HeaderMeasures.Month or null when !yearColumn && period is { Quarter: true } => period.FlowsAreQuarterOnly ? QuarterFlow : HeaderMeasures.YearToDate,
        HeaderMeasures.Month when yearColumn || period is { WholeYear: true } => HeaderMeasures.YearToDate,
        null => yearColumn || period is { WholeYear: true } or { Cumulative: true } ? HeaderMeasures.YearToDate : HeaderMeasures.Month,
        _ => measure,
    };

    /// <summary>A ratio's part: a flow takes the column's flow measure, a stock is a stock.</summary>
    private static string PartMeasure(IndicatorLabel? part, string flowMeasure) =>
        part is { IsFlow: true } ? (flowMeasure is HeaderMeasures.Month or HeaderMeasures.YearToDate or HeaderMeasures.Stock or QuarterFlow ? flowMeasure : HeaderMeasures.YearToDate) : HeaderMeasures.Stock;

    private void Add(Cell cell, Ntm.Domain.Periods.PeriodKey key, string code, string measure, decimal value)
    {
        if (measure == QuarterFlow)
        {
            result.Ignored.Add(new IgnoredCell(sheet, cell.Address, cell.Text, QuarterReason));
            return;
        }

        result.Values.Add(new ExtractedValue(sheet, cell.Address, area, key, code, HeaderMeasures.ToMeasure(measure), value, cell.Text) { Explanation = explanation, Disaggregation = part, Withdrawn = withdrawing });
    }

    /// <summary>
    /// The whole number a count cell meant when it holds a number below 1000 with up to three
    /// decimals (1.401 for 1401, 1.12 for "1.120"): how a thousands separator typed as a dot is stored
    /// by a spreadsheet that reads dots as decimal marks. Only used in a column whose other counts are whole.
    /// </summary>
    public static decimal? ThousandsTypedAsDecimals(Cell cell)
    {
        if (cell.Value is not double d || !double.IsFinite(d) || d <= 0 || d >= 1000 || d == Math.Floor(d))
        {
            return null;
        }

        var value = (decimal)d;
        return value * 1000m == decimal.Truncate(value * 1000m) ? decimal.Truncate(value * 1000m) : null;
    }

    /// <summary>Why a quarter's flow is left out (the warehouse keeps months and year-to-dates).</summary>
    public const string QuarterReason = "số của riêng một quý (kho lưu số tháng và số cộng dồn từ đầu năm); không lưu";
}
