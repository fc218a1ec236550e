using System.Globalization;
using Ntm.Etl.Parsing;
using Ntm.Etl.Templates;

namespace Ntm.Etl.Validation;

/// <summary>
/// Checks values read from a submission. Errors reject the file (a negative count, a period in
/// the future); warnings are stored and shown (a reported percentage that disagrees with its
/// numerator and denominator by more than 0.1 point, a month above its year-to-date, a
/// year-to-date below the previous month's, a numerator above its denominator). Pure: the
/// previous month's figures come in as a function.
/// </summary>
public sealed class Validator(IndicatorLabels indicators)
{
    private const decimal RateTolerance = 0.1m;

    /// <summary>The findings for <paramref name="values"/>.</summary>
    /// <param name="values">What the template read.</param>
    /// <param name="today">The current date (from the injected clock): periods after it are refused.</param>
    /// <param name="previousYtd">The year-to-date already stored for (area, indicator) in the month before a period key, or null.</param>
    /// <param name="sums">Totals the template declares.</param>
    public IReadOnlyList<Finding> Validate(IReadOnlyList<ExtractedValue> values, DateOnly today, Func<int, string, int, decimal?>? previousYtd = null, IReadOnlyList<SumRule>? sums = null)
    {
        var findings = new List<Finding>();
        var currentKey = (today.Year * 100) + today.Month;
        foreach (var value in values)
        {
            var indicator = indicators[value.IndicatorCode];
            if (value.PeriodKey > currentKey)
            {
                findings.Add(Finding.Error(value.Sheet, value.Cell, "future_period",
                    $"Trang '{value.Sheet}', ô {value.Cell}: kỳ báo cáo {Period(value.PeriodKey)} ở tương lai (hôm nay {today:dd/MM/yyyy}).", Period(value.PeriodKey), $"không sau {today:MM/yyyy}"));
            }

            if (value.Value < 0 && indicator?.Kind == "count" && value.Measure != Measures.ReportedRate)
            {
                findings.Add(Finding.Error(value.Sheet, value.Cell, "negative_count",
                    $"Trang '{value.Sheet}', ô {value.Cell}: số đếm '{value.Text}' là số âm ({indicator.NameVi}).", value.Text, "≥ 0"));
            }
        }

        var groups = values.GroupBy(v => (v.Area.AreaId, v.PeriodKey, v.IndicatorCode, v.Measure)).ToList();
        foreach (var group in groups.Where(g => g.Select(v => v.Value).Distinct().Count() > 1))
        {
            // The same figure given twice with different values: loading either would be a guess.
            var first = group.First();
            findings.Add(Finding.Error(first.Sheet, first.Cell, "conflicting_values",
                $"Cùng một số liệu ({indicators[first.IndicatorCode]?.NameVi ?? first.IndicatorCode}, {first.Area.Name}, {Period(first.PeriodKey)}, {first.Measure}) được ghi với các giá trị khác nhau: "
                + string.Join("; ", group.Select(v => $"{v.Sheet}!{v.Cell} = {v.Text}")) + ".",
                string.Join("; ", group.Select(v => v.Text)), "một giá trị duy nhất"));
        }

        var cells = groups.ToDictionary(g => g.Key, g => g.First());
        ExtractedValue? Get(int area, int period, string? code, string measure) =>
            code is not null && cells.TryGetValue((area, period, code, measure), out var v) ? v : null;

        foreach (var value in values)
        {
            var indicator = indicators[value.IndicatorCode];
            if (indicator is null)
            {
                continue;
            }

            if (value.Measure == Measures.Month && Get(value.Area.AreaId, value.PeriodKey, value.IndicatorCode, Measures.YearToDate) is { } ytd && value.Value > ytd.Value)
            {
                findings.Add(Finding.Warning(value.Sheet, value.Cell, "month_above_ytd",
                    $"Trang '{value.Sheet}', ô {value.Cell}: số trong tháng ({value.Text}) lớn hơn số cộng dồn ({ytd.Text}, ô {ytd.Cell}) — {indicator.NameVi}.", value.Text, $"≤ {ytd.Text}"));
            }

            if (value.Measure == Measures.YearToDate && value.PeriodKey % 100 > 1 && previousYtd?.Invoke(value.Area.AreaId, value.IndicatorCode, value.PeriodKey) is { } before && value.Value < before)
            {
                findings.Add(Finding.Warning(value.Sheet, value.Cell, "ytd_decreased",
                    $"Trang '{value.Sheet}', ô {value.Cell}: số cộng dồn ({value.Text}) nhỏ hơn cộng dồn tháng trước ({Format(before)}) — {indicator.NameVi}.", value.Text, $"≥ {Format(before)}"));
            }

            if (indicator.Kind == "count" && value.Measure == Measures.ReportedRate
                && Get(value.Area.AreaId, value.PeriodKey, value.IndicatorCode, Measures.YearToDate) is { } done
                && Get(value.Area.AreaId, value.PeriodKey, value.IndicatorCode, Measures.TargetYear) is { Value: > 0 } target)
            {
                // "Lũy kế/chỉ tiêu năm 7.746/6.653, tỷ lệ 116,43": the rate is done ÷ target.
                var achieved = 100m * done.Value / target.Value;
                if (Math.Abs(achieved - value.Value) > RateTolerance)
                {
                    findings.Add(Finding.Warning(value.Sheet, value.Cell, "rate_mismatch",
                        $"Trang '{value.Sheet}', ô {value.Cell}: tỷ lệ đạt ghi {value.Text}% nhưng cộng dồn/chỉ tiêu năm {Format(done.Value)}/{Format(target.Value)} = {Format(achieved, 2)}% — {indicator.NameVi}.", value.Text, Format(achieved, 2)));
                }
            }

            if (indicator.Kind == "ratio" && value.Measure == Measures.ReportedRate)
            {
                var numerator = Get(value.Area.AreaId, value.PeriodKey, indicator.NumeratorCode, Measures.Stock);
                var denominator = Get(value.Area.AreaId, value.PeriodKey, indicator.DenominatorCode, Measures.Stock);
                if (numerator is not null && denominator is not null && denominator.Value != 0)
                {
                    var computed = indicator.Factor * numerator.Value / denominator.Value;
                    if (Math.Abs(computed - value.Value) > RateTolerance)
                    {
                        findings.Add(Finding.Warning(value.Sheet, value.Cell, "rate_mismatch",
                            $"Trang '{value.Sheet}', ô {value.Cell}: tỷ lệ ghi {value.Text}% nhưng {numerator.Text}/{denominator.Text} = {Format(computed, 2)}% (lệch hơn {Format(RateTolerance)} điểm %) — {indicator.NameVi}.",
                            value.Text, Format(computed, 2)));
                    }
                }
            }
        }

        foreach (var sum in sums ?? [])
        {
            // Rates do not add up; counts, targets and stocks do.
            foreach (var total in values.Where(v => v.IndicatorCode == sum.Total && v.Measure != Measures.ReportedRate))
            {
                var parts = sum.Parts.Select(p => Get(total.Area.AreaId, total.PeriodKey, p, total.Measure)).ToList();
                if (parts.Count > 0 && parts.All(p => p is not null) && parts.Sum(p => p!.Value) is var added && added != total.Value)
                {
                    findings.Add(Finding.Warning(total.Sheet, total.Cell, "sum_mismatch",
                        $"Trang '{total.Sheet}', ô {total.Cell}: tổng ghi {total.Text} nhưng cộng các thành phần ({string.Join(" + ", parts.Select(p => p!.Text))}) = {Format(added)} — {indicators[sum.Total]?.NameVi ?? sum.Total}, {total.Measure}.",
                        total.Text, Format(added)));
                }
            }
        }

        // A part cannot exceed its whole, for every ratio whose two parts the file gives.
        foreach (var ratio in indicators.All.Where(i => i.Kind == "ratio" && i.Factor == 100m))
        {
            foreach (var numerator in values.Where(v => v.IndicatorCode == ratio.NumeratorCode && v.Measure == Measures.Stock))
            {
                if (Get(numerator.Area.AreaId, numerator.PeriodKey, ratio.DenominatorCode, Measures.Stock) is { } denominator && numerator.Value > denominator.Value)
                {
                    findings.Add(Finding.Warning(numerator.Sheet, numerator.Cell, "numerator_above_denominator",
                        $"Trang '{numerator.Sheet}', ô {numerator.Cell}: tử số ({numerator.Text}) lớn hơn mẫu số ({denominator.Text}, ô {denominator.Cell}) — {ratio.NameVi}.", numerator.Text, $"≤ {denominator.Text}"));
                }
            }
        }

        return findings;
    }

    private static string Period(int key) => $"{key / 100:D4}-{key % 100:D2}";

    private static string Format(decimal value, int decimals = 4) =>
        decimal.Round(value, decimals).ToString("#,##0.####", CultureInfo.GetCultureInfo("vi-VN"));
}
