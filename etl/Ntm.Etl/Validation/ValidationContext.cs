using System.Globalization;
using Ntm.Domain.Measures;
using Ntm.Domain.Periods;
using Ntm.Etl.Parsing;
using Ntm.Etl.Templates;

namespace Ntm.Etl.Validation;

/// <summary>
/// What the validation rules look at: the values one submission gave, the indicator catalogue,
/// today's date, the year-to-dates already stored for the month before, and the totals the
/// template declares. The values are indexed once by (area, month, indicator, measure).
/// </summary>
public sealed class ValidationContext
{
    private readonly Dictionary<(int AreaId, PeriodKey Period, string Indicator, Measure Measure), ExtractedValue> cells;

    /// <summary>Indexes <paramref name="values"/> for the rules.</summary>
    public ValidationContext(IReadOnlyList<ExtractedValue> values, IndicatorLabels indicators, DateOnly today, Func<int, string, PeriodKey, decimal?>? previousYearToDate = null, IReadOnlyList<SumRule>? sums = null)
    {
        Values = values;
        Indicators = indicators;
        Today = today;
        PreviousYearToDate = previousYearToDate ?? ((_, _, _) => null);
        Sums = sums ?? [];
        Groups = values.GroupBy(v => (v.Area.AreaId, v.Period, v.IndicatorCode, v.Measure)).ToList();
        cells = Groups.ToDictionary(g => g.Key, g => g.First());
    }

    /// <summary>The values the template read, in reading order.</summary>
    public IReadOnlyList<ExtractedValue> Values { get; }

    /// <summary>The indicator catalogue.</summary>
    public IndicatorLabels Indicators { get; }

    /// <summary>The current date (from the injected clock).</summary>
    public DateOnly Today { get; }

    /// <summary>The year-to-date already stored for (area, indicator) in the month before a month, or null.</summary>
    public Func<int, string, PeriodKey, decimal?> PreviousYearToDate { get; }

    /// <summary>Totals the template declares.</summary>
    public IReadOnlyList<SumRule> Sums { get; }

    /// <summary>The values grouped by the figure they give.</summary>
    public IReadOnlyList<IGrouping<(int AreaId, PeriodKey Period, string IndicatorCode, Measure Measure), ExtractedValue>> Groups { get; }

    /// <summary>The value the submission gives for a figure, or null.</summary>
    public ExtractedValue? Get(int area, PeriodKey period, string? indicator, Measure measure) =>
        indicator is not null && cells.TryGetValue((area, period, indicator, measure), out var value) ? value : null;

    /// <summary>A number as the messages show it, vi-VN style.</summary>
    public static string Format(decimal value, int decimals = 4) =>
        decimal.Round(value, decimals).ToString("#,##0.####", CultureInfo.GetCultureInfo("vi-VN"));
}
