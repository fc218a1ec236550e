using Ntm.Domain.Measures;
using Ntm.Domain.Periods;

namespace Ntm.Domain.Rollups;

/// <summary>The figures units reported themselves: (area, month, indicator, measure) → value.</summary>
/// <param name="capacity">How many figures are expected (the store grows beyond it as needed).</param>
public sealed class StoredFigures(int capacity = 0)
{
    private readonly Dictionary<Key, decimal> values = new(capacity);
    private readonly HashSet<(string Indicator, Measure Measure)> held = [];

    // A figure's key holds its indicator as a number: a lookup hashes four numbers, not a code. The
    // same code is asked many times running (a unit's months, a parent's children): it is looked up once.
    private readonly Dictionary<string, int> indicatorIds = new(StringComparer.Ordinal);
    private string? lastCode;
    private int lastId;

    private readonly record struct Key(int Area, int Period, int Indicator, Measure Measure);

    private int IndicatorId(string indicator, bool add)
    {
        if (ReferenceEquals(indicator, lastCode))
        {
            return lastId;
        }

        if (!indicatorIds.TryGetValue(indicator, out var id))
        {
            if (!add)
            {
                return -1;
            }

            id = indicatorIds.Count;
            indicatorIds.Add(indicator, id);
        }

        (lastCode, lastId) = (indicator, id);
        return id;
    }

    /// <summary>How many figures are held.</summary>
    public int Count => values.Count;

    /// <summary>Adds (or replaces) one figure.</summary>
    public void Set(int area, PeriodKey period, string indicator, Measure measure, decimal value)
    {
        values[new Key(area, period.Key, IndicatorId(indicator, add: true), measure)] = value;
        Held(indicator, measure);
    }

    // Figures come in runs of one indicator and measure: the set of those held is asked once a run.
    private (string Indicator, Measure Measure) last;

    private void Held(string indicator, Measure measure)
    {
        if (!ReferenceEquals(last.Indicator, indicator) || last.Measure != measure)
        {
            held.Add((indicator, measure));
            last = (indicator, measure);
        }
    }

    // Units without children whose month and stock figures are held only as sums under their
    // parent (see Pool): what the rules make of such units is their own figure, so their parent's
    // sum of them is the same with one entry instead of one per unit.
    private readonly HashSet<int> pooled = [];
    private readonly Dictionary<Key, (decimal Sum, int Reported)> sums = [];

    /// <summary>The measures whose figures a pooled unit gives only through its parent's sum.</summary>
    public static bool IsPoolable(Measure measure) => measure is Measure.Month or Measure.Stock;

    /// <summary>True when some units' month and stock figures are held as their parents' sums.</summary>
    public bool HasPooled => pooled.Count > 0;

    /// <summary>Holds <paramref name="unit"/>'s month and stock figures as sums under its parent (<see cref="AddPooled"/>).</summary>
    public void Pool(int unit) => pooled.Add(unit);

    /// <summary>True when <paramref name="unit"/>'s month and stock figures are held under its parent.</summary>
    public bool IsPooled(int unit) => pooled.Contains(unit);

    /// <summary>Adds the figures of <paramref name="units"/> pooled units (that existed in <paramref name="period"/>) to their parent's sum.</summary>
    public void AddPooled(int parent, PeriodKey period, string indicator, Measure measure, decimal value, int units = 1)
    {
        var key = new Key(parent, period.Key, IndicatorId(indicator, add: true), measure);
        sums[key] = sums.TryGetValue(key, out var sum) ? (sum.Sum + value, sum.Reported + units) : (value, units);
        Held(indicator, measure);
    }

    /// <summary>The sum of the pooled units under <paramref name="parent"/> that reported, and how many did; null when none did.</summary>
    public (decimal Sum, int Reported)? Pooled(int parent, PeriodKey period, string indicator, Measure measure) =>
        IndicatorId(indicator, add: false) is var id and >= 0 && sums.TryGetValue(new Key(parent, period.Key, id, measure), out var sum) ? sum : null;

    /// <summary>True when some unit reported <paramref name="indicator"/> with <paramref name="measure"/> for some month.</summary>
    public bool Holds(string indicator, Measure measure) => held.Contains((indicator, measure));

    /// <summary>The figure the unit itself reported, or null.</summary>
    public decimal? Get(int area, PeriodKey period, string indicator, Measure measure) =>
        IndicatorId(indicator, add: false) is var id and >= 0 && values.TryGetValue(new Key(area, period.Key, id, measure), out var value) ? value : null;
}
