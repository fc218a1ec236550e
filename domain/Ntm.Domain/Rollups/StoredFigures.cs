using Ntm.Domain.Measures;
using Ntm.Domain.Periods;

namespace Ntm.Domain.Rollups;

/// <summary>The figures units reported themselves: (area, month, indicator, measure) → value.</summary>
public sealed class StoredFigures
{
    private readonly Dictionary<(int Area, int Period, string Indicator, Measure Measure), decimal> values = [];

    /// <summary>How many figures are held.</summary>
    public int Count => values.Count;

    /// <summary>Adds (or replaces) one figure.</summary>
    public void Set(int area, PeriodKey period, string indicator, Measure measure, decimal value) =>
        values[(area, period.Key, indicator, measure)] = value;

    /// <summary>The figure the unit itself reported, or null.</summary>
    public decimal? Get(int area, PeriodKey period, string indicator, Measure measure) =>
        values.TryGetValue((area, period.Key, indicator, measure), out var value) ? value : null;
}
