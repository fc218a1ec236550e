using Ntm.Domain.Areas;
using Ntm.Domain.Periods;

namespace Ntm.Domain.Rollups;

/// <summary>
/// The units the rollup rules walk: each unit's children, the old units the 2025 crosswalk maps
/// into a new unit (with their weights), and whether a unit existed in a month (a commune that
/// ceased on 2025-07-01 is not expected to report after it).
/// </summary>
public sealed class AreaHierarchy
{
    /// <summary>The first month of the units in force from 2025-07-01.</summary>
    public static readonly PeriodKey FirstNewPeriod = PeriodKey.Of(AreaGeneration.From2025.ValidFrom);

    private readonly ILookup<int, int> children;
    private readonly ILookup<int, (int Old, decimal Weight)> oldUnits;
    private readonly Dictionary<int, (int From, int To)> lifetimes;
    private readonly Dictionary<(int Area, bool New), int[]> existingChildren = [];

    /// <summary>Builds the hierarchy from parent links, crosswalk links and each unit's generation.</summary>
    public AreaHierarchy(IEnumerable<(int Area, int Parent)> parents, IEnumerable<(int Old, int New, decimal Weight)> crosswalk, IReadOnlyDictionary<int, AreaGeneration> generations)
    {
        children = parents.ToLookup(p => p.Parent, p => p.Area);
        oldUnits = crosswalk.ToLookup(c => c.New, c => (c.Old, c.Weight));
        // A unit's months, as period keys: units begin and end on the first of a month.
        lifetimes = generations.ToDictionary(
            g => g.Key,
            g => (PeriodKey.Of(g.Value.ValidFrom).Key, g.Value.ValidTo is { } to ? PeriodKey.Of(to).Key : int.MaxValue));
    }

    /// <summary>The children of a unit.</summary>
    public IEnumerable<int> Children(int area) => children[area];

    /// <summary>The children of a unit that existed in <paramref name="period"/>: the units expected to report for it.</summary>
    public IReadOnlyList<int> Children(int area, PeriodKey period)
    {
        var key = (area, period >= FirstNewPeriod);
        if (!existingChildren.TryGetValue(key, out var kids))
        {
            kids = children[area].Where(k => ExistsIn(k, period)).ToArray();
            existingChildren[key] = kids;
        }

        return kids;
    }

    /// <summary>The old units mapped into a new unit, with the share of their figures it takes.</summary>
    public IEnumerable<(int Old, decimal Weight)> OldUnits(int area) => oldUnits[area];

    /// <summary>True when the unit was in force during <paramref name="period"/>.</summary>
    public bool ExistsIn(int area, PeriodKey period) =>
        !lifetimes.TryGetValue(area, out var lifetime) || (period.Key >= lifetime.From && period.Key <= lifetime.To);

    /// <summary>
    /// True when the rules give a count of <paramref name="area"/> for <paramref name="period"/> (by
    /// month or stock) as the unit's own figure and nothing else: it has no children to add up and
    /// takes no old unit's figures that month. Such a unit's history can be read as its own figures.
    /// </summary>
    public bool CountIsOwn(int area, PeriodKey period) => !children[area].Any() && !UsesCrosswalk(area, period);

    /// <summary>True when figures of <paramref name="period"/> for a new unit come from its old units.</summary>
    public bool UsesCrosswalk(int area, PeriodKey period) =>
        period < FirstNewPeriod && lifetimes.TryGetValue(area, out var lifetime) && lifetime.From == FirstNewPeriod.Key && oldUnits[area].Any();
}
