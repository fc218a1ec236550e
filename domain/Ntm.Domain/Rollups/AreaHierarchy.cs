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
    private readonly IReadOnlyDictionary<int, AreaGeneration> generations;

    /// <summary>Builds the hierarchy from parent links, crosswalk links and each unit's generation.</summary>
    public AreaHierarchy(IEnumerable<(int Area, int Parent)> parents, IEnumerable<(int Old, int New, decimal Weight)> crosswalk, IReadOnlyDictionary<int, AreaGeneration> generations)
    {
        children = parents.ToLookup(p => p.Parent, p => p.Area);
        oldUnits = crosswalk.ToLookup(c => c.New, c => (c.Old, c.Weight));
        this.generations = generations;
    }

    /// <summary>The children of a unit.</summary>
    public IEnumerable<int> Children(int area) => children[area];

    /// <summary>The old units mapped into a new unit, with the share of their figures it takes.</summary>
    public IEnumerable<(int Old, decimal Weight)> OldUnits(int area) => oldUnits[area];

    /// <summary>True when the unit was in force during <paramref name="period"/>.</summary>
    public bool ExistsIn(int area, PeriodKey period) =>
        !generations.TryGetValue(area, out var generation)
        || (period.LastDay >= generation.ValidFrom && (generation.ValidTo is null || period.FirstDay <= generation.ValidTo));

    /// <summary>True when figures of <paramref name="period"/> for a new unit come from its old units.</summary>
    public bool UsesCrosswalk(int area, PeriodKey period) =>
        period < FirstNewPeriod && generations.TryGetValue(area, out var generation) && generation == AreaGeneration.From2025 && oldUnits[area].Any();
}
