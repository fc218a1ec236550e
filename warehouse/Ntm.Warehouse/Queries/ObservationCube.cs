using System.Data.Common;
using Dapper;
using Ntm.Domain.Areas;

namespace Ntm.Warehouse.Queries;

/// <summary>
/// The current observations of some indicators over an area's whole subtree (and, for a unit
/// created on 2025-07-01, the older units the crosswalk maps into it), held in memory so that
/// rollups are computed once, the same way for every question: an area's own figure when it
/// reported one, otherwise the sum of its children's, recursively; before 2025-07-01 a new unit
/// takes its old units' figures times their crosswalk weights. A month nobody reported stays
/// missing, never zero.
/// </summary>
public sealed class ObservationCube
{
    private static readonly int FirstNewPeriod = 202507;
    private readonly Dictionary<(int Area, int Period, string Indicator, string Measure), decimal> values = [];
    private readonly ILookup<int, int> children;
    private readonly ILookup<int, (int Old, decimal Weight)> oldUnits;

    private ObservationCube(ILookup<int, int> children, ILookup<int, (int Old, decimal Weight)> oldUnits)
    {
        this.children = children;
        this.oldUnits = oldUnits;
    }

    /// <summary>Loads what is needed to answer for <paramref name="roots"/> over the periods and indicators asked.</summary>
    public static ObservationCube Load(DbConnection connection, IReadOnlyCollection<int> roots, IReadOnlyCollection<string> indicators, int fromPeriod, int toPeriod)
    {
        // A new province takes its old provinces' figures; a new commune its old communes' (or the island
        // district it was). A district → new province link would count the same people twice.
        static int Level(int id) => id / 1_000_000 % 10;
        var links = connection.Query<(int Old, int New, decimal Weight)>("SELECT old_area_id, new_area_id, weight FROM area_crosswalk")
            .Where(l => Level(l.Old) == Level(l.New) || (Level(l.New) == (int)AreaLevel.Commune && Level(l.Old) == (int)AreaLevel.District))
            .ToList();
        var parents = connection.Query<(int Area, int Parent)>("SELECT area_id, parent_id FROM dim_area WHERE parent_id IS NOT NULL").ToList();
        var cube = new ObservationCube(parents.ToLookup(p => p.Parent, p => p.Area), links.ToLookup(l => l.New, l => (l.Old, l.Weight)));

        // Every unit whose figures can count towards the roots.
        var wanted = new HashSet<int>();
        var stack = new Stack<int>(roots);
        while (stack.Count > 0)
        {
            var area = stack.Pop();
            if (!wanted.Add(area))
            {
                continue;
            }

            foreach (var child in cube.children[area])
            {
                stack.Push(child);
            }

            foreach (var (old, _) in cube.oldUnits[area])
            {
                stack.Push(old);
            }
        }

        // The rule of v_observation (the latest accepted submission of each cell), applied after the
        // filters so that DuckDB ranks only the rows asked for. A long list of areas is filtered here
        // rather than sent as thousands of parameters.
        var filterAreas = wanted.Count <= 500;
        var rows = connection.Query<(int Area, int Period, string Indicator, string Measure, decimal Value)>(
            $"""
            SELECT f.area_id, f.period_key, f.indicator_code, f.measure, f.value
            FROM fact_observation f JOIN submission s ON s.submission_id = f.submission_id AND s.status = 'accepted'
            WHERE f.indicator_code IN $indicators AND f.period_key BETWEEN $fromPeriod AND $toPeriod{(filterAreas ? " AND f.area_id IN $areas" : string.Empty)}
            QUALIFY row_number() OVER (PARTITION BY f.period_key, f.area_id, f.indicator_code, f.measure ORDER BY s.received_at DESC, s.submission_id DESC) = 1
            """, new { indicators = indicators.ToArray(), fromPeriod, toPeriod, areas = wanted.ToArray() });
        foreach (var row in rows)
        {
            if (filterAreas || wanted.Contains(row.Area))
            {
                cube.values[(row.Area, row.Period, row.Indicator, row.Measure)] = row.Value;
            }
        }

        return cube;
    }

    /// <summary>The figure of an area for a period, indicator and measure, rolled up as the class says; null when missing.</summary>
    public decimal? Value(int area, int period, string indicator, string measure) => Value(area, period, indicator, measure, 0);

    /// <summary>The children of an area (for rankings).</summary>
    public IEnumerable<int> Children(int area) => children[area];

    private decimal? Value(int area, int period, string indicator, string measure, int depth)
    {
        if (values.TryGetValue((area, period, indicator, measure), out var own))
        {
            return own;
        }

        if (depth > 6)
        {
            return null;
        }

        var isNewUnit = area / 10_000_000 == AreaGeneration.From2025.Digit;
        if (isNewUnit && period < FirstNewPeriod && oldUnits[area].Any())
        {
            return Sum(oldUnits[area].Select(o => Value(o.Old, period, indicator, measure, depth + 1) * o.Weight));
        }

        var kids = children[area].ToList();
        return kids.Count == 0 ? null : Sum(kids.Select(k => Value(k, period, indicator, measure, depth + 1)));
    }

    /// <summary>The sum of the parts that reported; missing when none did.</summary>
    private static decimal? Sum(IEnumerable<decimal?> parts)
    {
        decimal? total = null;
        foreach (var part in parts)
        {
            if (part is { } value)
            {
                total = (total ?? 0) + value;
            }
        }

        return total;
    }
}
