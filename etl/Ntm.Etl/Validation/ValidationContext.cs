using System.Globalization;
using Ntm.Domain.Measures;
using Ntm.Domain.Periods;
using Ntm.Etl.Parsing;
using Ntm.Etl.Templates;

namespace Ntm.Etl.Validation;

/// <summary>
/// What the validation rules look at: the values one submission gave, the indicator catalogue,
/// today's date, the year-to-dates already stored for the month before, and the totals the
/// forms declare. <see cref="Values"/> are the totals a file states (not its parts of totals, not
/// its withdrawals), indexed once by (area, month, indicator, measure); <see cref="AllValues"/> and
/// <see cref="Groups"/> are every figure.
/// </summary>
public sealed class ValidationContext
{
    private readonly Dictionary<(int AreaId, PeriodKey Period, string Indicator, Measure Measure), ExtractedValue> cells;

    /// <summary>Indexes <paramref name="values"/> for the rules.</summary>
    public ValidationContext(IReadOnlyList<ExtractedValue> values, IndicatorLabels indicators, DateOnly today, Func<int, string, PeriodKey, decimal?>? previousYearToDate = null, IReadOnlyList<SumRule>? sums = null,
        Func<int, string, PeriodKey, IReadOnlyList<decimal?>?>? monthsAcrossCrosswalk = null)
    {
        MonthsAcrossCrosswalk = monthsAcrossCrosswalk ?? ((_, _, _) => null);
        AllValues = values;
        Values = values.Where(v => v.Disaggregation.Length == 0 && !v.Withdrawn).ToList();
        Indicators = indicators;
        Today = today;
        PreviousYearToDate = previousYearToDate ?? ((_, _, _) => null);
        Sums = sums ?? [];
        Groups = values.GroupBy(v => v.Figure).ToList();
        // The first value of each figure (a second one is ConflictingValuesRule's).
        cells = new(Values.Count);
        foreach (var v in Values)
        {
            cells.TryAdd((v.Area.AreaId, v.Period, v.IndicatorCode, v.Measure), v);
        }
    }

    private ValidationContext(ValidationContext file, Func<int, string, PeriodKey, decimal?>? previousYearToDate, Func<int, string, PeriodKey, IReadOnlyList<decimal?>?>? monthsAcrossCrosswalk)
    {
        cells = file.cells;
        AllValues = file.AllValues;
        Values = file.Values;
        Indicators = file.Indicators;
        Today = file.Today;
        Sums = file.Sums;
        Groups = file.Groups;
        PreviousYearToDate = previousYearToDate ?? ((_, _, _) => null);
        MonthsAcrossCrosswalk = monthsAcrossCrosswalk ?? ((_, _, _) => null);
    }

    /// <summary>The same file's context, with what the warehouse already holds (the indexes are shared, not built again).</summary>
    public ValidationContext WithWarehouse(Func<int, string, PeriodKey, decimal?>? previousYearToDate, Func<int, string, PeriodKey, IReadOnlyList<decimal?>?>? monthsAcrossCrosswalk) =>
        new(this, previousYearToDate, monthsAcrossCrosswalk);

    /// <summary>The totals the file states, in reading order (not its parts of totals, not its withdrawals).</summary>
    public IReadOnlyList<ExtractedValue> Values { get; }

    /// <summary>Every value the file gives, parts of totals and withdrawals included.</summary>
    public IReadOnlyList<ExtractedValue> AllValues { get; }

    /// <summary>The indicator catalogue.</summary>
    public IndicatorLabels Indicators { get; }

    /// <summary>The current date (from the injected clock).</summary>
    public DateOnly Today { get; }

    /// <summary>The year-to-date already stored for (area, indicator) in the month before a month, or null.</summary>
    public Func<int, string, PeriodKey, decimal?> PreviousYearToDate { get; }

    /// <summary>
    /// For a unit created on 2025-07-01 and a month of 2025, its months since January as the
    /// warehouse's rollup rules give them (before July, its old units' through the crosswalk; null
    /// where unknown); null for any other unit or year.
    /// </summary>
    public Func<int, string, PeriodKey, IReadOnlyList<decimal?>?> MonthsAcrossCrosswalk { get; }

    /// <summary>Totals the template declares.</summary>
    public IReadOnlyList<SumRule> Sums { get; }

    /// <summary>Every value grouped by the figure it gives (unit, month, indicator, measure, part of a total).</summary>
    public IReadOnlyList<IGrouping<(int AreaId, PeriodKey Period, string IndicatorCode, Measure Measure, string Disaggregation), ExtractedValue>> Groups { get; }

    /// <summary>The value the submission gives for a figure, or null.</summary>
    public ExtractedValue? Get(int area, PeriodKey period, string? indicator, Measure measure) =>
        indicator is not null && cells.TryGetValue((area, period, indicator, measure), out var value) ? value : null;

    /// <summary>
    /// factor × numerator ÷ denominator, or null when it cannot be held (a denominator of
    /// 0,0000000000000000000000000001 overflows a decimal): then there is nothing to compare.
    /// </summary>
    public static decimal? Share(decimal factor, decimal numerator, decimal denominator)
    {
        if (denominator == 0)
        {
            return null;
        }

        try
        {
            return factor * numerator / denominator;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>A number as the messages show it, vi-VN style.</summary>
    public static string Format(decimal value, int decimals = 4) =>
        decimal.Round(value, decimals).ToString("#,##0.####", CultureInfo.GetCultureInfo("vi-VN"));
}
