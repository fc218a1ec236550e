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
public sealed class FigureReader(IndicatorLabels indicators, ExtractionResult result, string sheet, Func<string, bool>? planned = null, IReadOnlySet<int>? thousandsAsDecimals = null, Func<string, bool>? holds = null)
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
    public void Read(Cell cell, ColumnMeaning column, IndicatorLabel indicator, ReportPeriod? period, AreaRecord unit, string? why = null, string disaggregation = "", bool monthFigure = false)
    {
        if (monthFigure && column.Rule.Measure == HeaderMeasures.YearToDate && !(indicator.Kind == "count" && indicator.IsFlow))
        {
            // "Công suất sử dụng giường bệnh: tháng 10 = 95,1 | cộng dồn 10 tháng = 93,8": a stock or a rate is the month's figure.
            result.Ignored.Add(new IgnoredCell(sheet, cell.Address, cell.Text, CumulativeOfStockReason));
            return;
        }

        if (column.Rule.Units.Count > 0 && !column.Rule.Units.Contains(indicator.Unit ?? string.Empty, StringComparer.OrdinalIgnoreCase))
        {
            // "Điểm tự chấm" beside "Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ": the item's points, not the rate.
            result.Ignored.Add(new IgnoredCell(sheet, cell.Address, cell.Text, PointsReason));
            return;
        }

        area = unit;
        explanation = why;
        part = disaggregation;
        withdrawing = false;
        var rule = column.Rule;
        if ((rule.Target || rule.Measure == HeaderMeasures.TargetYear) && indicator.Kind == "count"
            && RateScale(column.Header) is { } scale && indicators.RatioOf(indicator.Code, scale) is { } ratio)
        {
            // "Chỉ tiêu giao năm 2024 (%)" beside the people insured: the target of the share insured.
            ReadTarget(cell, column, ratio, period);
            return;
        }

        if (rule.Target || (rule.Measure == HeaderMeasures.TargetYear && indicator.Kind != "count"))
        {
            ReadTarget(cell, column, indicator, period);
            return;
        }

        var rateColumn = rule.Measure == HeaderMeasures.ReportedRate || (indicator.Kind is "ratio" or "rate" && rule.Part is null);
        var parsed = indicator.Kind == "flag" && FlagValue(cell.Text) is { } flag
            ? new ParsedValue(ValueKind.Number, flag) // "Đạt" / "Không đạt" for a unit that meets a standard or not
            : NumberParser.Parse(cell.Text, rateColumn ? NumberContext.Rate : NumberContext.Count, cell.Value);
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
        var counted = value * (CountScale(column.Header) ?? 1m); // "Dân số trung bình (nghìn người)": 8.435,7 is 8 435 700 people
        if (indicator.Kind is "ratio" or "rate" && indicator.IsFlow && rule.Part is null && flowMeasure == QuarterFlow)
        {
            // "Tỷ lệ sinh con thứ 3 trở lên | Thực hiện quý III": a rate of the quarter's own flows, like them not a month's.
            result.Ignored.Add(new IgnoredCell(sheet, cell.Address, cell.Text, QuarterReason));
            return;
        }

        switch (indicator.Kind)
        {
            case "ratio" when rule.Part is "numerator" or "denominator":
                Add(cell, key, rule.Part == "numerator" ? indicator.NumeratorCode! : indicator.DenominatorCode!, PartMeasure(indicators[rule.Part == "numerator" ? indicator.NumeratorCode! : indicator.DenominatorCode!], flowMeasure), counted);
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
        Add(cell, key, indicator.Code, rule.Measure == HeaderMeasures.TargetYear ? HeaderMeasures.TargetYear : indicator.IsFlow ? flowMeasure : HeaderMeasures.Stock, counted);
    }

    /// <summary>1 for "Đạt", "Có"; 0 for "Không đạt", "Chưa đạt", "Không"; null for anything else.</summary>
    public static decimal? FlagValue(string text) => Ntm.Domain.Text.VietnameseText.Key(text) switch
    {
        "dat" or "co" or "da dat" => 1m,
        "khong dat" or "chua dat" or "khong" => 0m,
        _ => null,
    };

    /// <summary>
    /// How many each count of a column stands for when its header gives the unit in thousands or
    /// millions ("Dân số trung bình (nghìn người)", "Số tiền phạt (triệu đồng)"); null when it does not.
    /// "‰" ("phần nghìn") is a rate, not a unit.
    /// </summary>
    public static decimal? CountScale(string header)
    {
        var words = Ntm.Domain.Text.VietnameseText.SignedKey(header).Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            if (i > 0 && words[i - 1] == "phan")
            {
                continue;
            }

            if (words[i] is "nghin" or "ngan" && (i + 1 == words.Length || Units.Contains(words[i + 1])))
            {
                return 1000m;
            }

            if (words[i] == "trieu" && (i + 1 == words.Length || Units.Contains(words[i + 1])))
            {
                return 1000000m;
            }
        }

        return null;
    }

    private static readonly HashSet<string> Units = new(StringComparer.Ordinal) { "nguoi", "dong", "luot", "ca", "tre", "ho", "the", "lan" };

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
    /// count is the numerator of; in a table with the count's plan ("Lũy kế/chỉ tiêu năm") or under "Tỷ lệ đạt" it
    /// is the share of the plan reached, the count's own; elsewhere it is the ratio the count is the numerator of,
    /// per as many as the header says (a percentage unless it writes "‰" or "/100.000 dân": the
    /// share of children fully immunised, the infant mortality rate, new HIV infections per
    /// 100,000), else the count's own.
    /// </summary>
    private IndicatorLabel RateOwner(IndicatorLabel count, ColumnMeaning column)
    {
        var ratio = indicators.RatioOf(count.Code, RateScale(column.Header) ?? (column.Group?.Second == "denominator" ? null : 100m));
        // "Tỷ lệ đạt (%)" is the share of the plan, unless the table's columns also hold what the count's ratio
        // divides by ("Số cơ sở được kiểm tra | Số cơ sở đạt | Tỷ lệ đạt (%)": the share that passed).
        if (ratio is null || column.Group?.Second == HeaderMeasures.TargetYear || planned?.Invoke(count.Code) == true
            || (column.Rule.Of == "plan" && (SaysPlan(column.Header) || holds?.Invoke(ratio.DenominatorCode ?? string.Empty) != true)))
        {
            return column.Group?.Second == "denominator" && ratio is not null ? ratio : count;
        }

        return ratio;
    }

    /// <summary>True when a header names the plan ("so với kế hoạch", "% KH", "chỉ tiêu giao").</summary>
    private static bool SaysPlan(string header) =>
        $" {Ntm.Domain.Text.VietnameseText.Key(header)} " is var key && (key.Contains(" ke hoach ", StringComparison.Ordinal) || key.Contains(" kh ", StringComparison.Ordinal) || key.Contains(" chi tieu ", StringComparison.Ordinal));

    /// <summary>Per how many a rate's header says it is: 100 ("%"), 1000 ("‰", "/1000 trẻ đẻ sống"), 10000 ("/vạn dân"), 100000 ("/100.000 dân"); null when it does not say.</summary>
    public static decimal? RateScale(string header)
    {
        var key = $" {Ntm.Domain.Text.VietnameseText.SignedKey(header)} ";
        return key.Contains(" 100 000 ", StringComparison.Ordinal) || key.Contains(" 100000 ", StringComparison.Ordinal) ? 100000m
            : key.Contains(" van ", StringComparison.Ordinal) || key.Contains(" 10 000 ", StringComparison.Ordinal) || key.Contains(" 10000 ", StringComparison.Ordinal) ? 10000m
            : key.Contains(" phan nghin ", StringComparison.Ordinal) || key.Contains(" 1000 ", StringComparison.Ordinal) || key.Contains(" 1 000 ", StringComparison.Ordinal) ? 1000m
            : key.Contains(" phan tram ", StringComparison.Ordinal) ? 100m
            : null;
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
        part is { IsFlow: true } ? (flowMeasure is HeaderMeasures.Month or HeaderMeasures.YearToDate or HeaderMeasures.Stock or QuarterFlow or HeaderMeasures.SinceStart ? flowMeasure : HeaderMeasures.YearToDate) : HeaderMeasures.Stock;

    private void Add(Cell cell, Ntm.Domain.Periods.PeriodKey key, string code, string measure, decimal value)
    {
        if (measure is QuarterFlow or HeaderMeasures.SinceStart)
        {
            result.Ignored.Add(new IgnoredCell(sheet, cell.Address, cell.Text, measure == QuarterFlow ? QuarterReason : SinceStartReason));
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

    /// <summary>Why a figure in a column of points beside an indicator not counted in points is left out.</summary>
    public const string PointsReason = "điểm chấm cho mục ghi ở hàng, không phải số liệu của chỉ tiêu";

    /// <summary>Why a stock's or a rate's figure in a cumulative column is left out when the month's column has one.</summary>
    public const string CumulativeOfStockReason = "số cộng dồn của một chỉ tiêu không cộng dồn được (số hiện có hoặc tỷ lệ); đã lưu số của tháng báo cáo; không lưu";

    /// <summary>Why a flow counted since a programme began is left out.</summary>
    public const string SinceStartReason = "cộng dồn từ khi triển khai chương trình, không phải số của một kỳ (kho lưu số tháng và số cộng dồn từ đầu năm); không lưu";

    /// <summary>Why a quarter's flow is left out (the warehouse keeps months and year-to-dates).</summary>
    public const string QuarterReason = "số của riêng một quý (kho lưu số tháng và số cộng dồn từ đầu năm); không lưu";
}
