using System.Data.Common;
using Dapper;
using Ntm.Domain.Areas;
using Ntm.Domain.Indicators;
using Ntm.Domain.Measures;
using Ntm.Domain.Periods;
using Ntm.Domain.Rollups;

namespace Ntm.Warehouse.Queries;

/// <summary>
/// Loads what the rollup rules (<see cref="RollupEngine"/>) need to answer for some areas: the
/// current figures of the indicators asked (and of their numerators and denominators) over the
/// areas' whole subtrees and, for a unit created on 2025-07-01, the older units the crosswalk maps
/// into it; the units' parents; and each indicator's kind. The rules themselves live in the domain
/// core, so <c>ntm trend</c>, <c>ntm compliance</c> and the report pack cannot disagree.
/// </summary>
public static class RollupLoader
{
    /// <summary>Every indicator's rule, from <c>dim_indicator</c>.</summary>
    public static IReadOnlyDictionary<string, IndicatorRule> Rules(DbConnection connection) =>
        connection.Query<(string Code, string Kind, string? Numerator, string? Denominator, decimal? Factor, string PeriodType)>(
                "SELECT indicator_code, kind, numerator_code, denominator_code, factor, period_type FROM dim_indicator")
            .ToDictionary(
                r => r.Code,
                r => new IndicatorRule(r.Code, IndicatorKinds.Parse(r.Kind), r.Numerator, r.Denominator, r.Factor ?? 100m, r.PeriodType == "flow"),
                StringComparer.Ordinal);

    /// <summary>
    /// The rules over the figures of <paramref name="indicators"/> for <paramref name="roots"/> and
    /// every unit under them, from <paramref name="from"/> to <paramref name="to"/>.
    /// </summary>
    public static RollupEngine Load(DbConnection connection, IReadOnlyCollection<int> roots, IReadOnlyCollection<string> indicators, PeriodKey from, PeriodKey to)
    {
        var rules = Rules(connection);
        var codes = indicators
            .SelectMany(code => rules.TryGetValue(code, out var rule) ? new[] { code, rule.NumeratorCode, rule.DenominatorCode } : [code])
            .OfType<string>().Distinct(StringComparer.Ordinal).ToArray();

        // A new province takes its old provinces' figures; a new commune its old communes' (or the island
        // district it was). A district → new province link would count the same people twice.
        static int Level(int id) => id / 1_000_000 % 10;
        var links = connection.Query<(int Old, int New, decimal Weight)>("SELECT old_area_id, new_area_id, weight FROM area_crosswalk")
            .Where(l => Level(l.Old) == Level(l.New) || (Level(l.New) == (int)AreaLevel.Commune && Level(l.Old) == (int)AreaLevel.District))
            .ToList();
        var units = connection.Query<(int Area, int? Parent, DateTime ValidFrom)>("SELECT area_id, parent_id, valid_from FROM dim_area").ToList();
        var hierarchy = new AreaHierarchy(
            units.Where(u => u.Parent is not null).Select(u => (u.Area, u.Parent!.Value)),
            links,
            units.ToDictionary(u => u.Area, u => AreaGeneration.At(DateOnly.FromDateTime(u.ValidFrom))));

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

            foreach (var child in hierarchy.Children(area))
            {
                stack.Push(child);
            }

            foreach (var (old, _) in hierarchy.OldUnits(area))
            {
                stack.Push(old);
            }
        }

        // The rule of v_observation (each figure's latest accepted file, unless it withdrew it), applied
        // after the filters so that DuckDB ranks only the rows asked for. A long list of areas is
        // filtered here rather than sent as thousands of parameters.
        var filterAreas = wanted.Count <= 500;
        var rows = connection.Query<(int Area, int Period, string Indicator, string Measure, decimal Value, bool Withdrawn)>(
            $"""
            SELECT f.area_id, f.period_key, f.indicator_code, f.measure, f.value, f.withdrawn
            FROM fact_observation f JOIN submission s ON s.submission_id = f.submission_id AND s.status IN ('accepted', 'partly_superseded')
            WHERE f.disaggregation = '' AND f.indicator_code IN $codes AND f.period_key BETWEEN $first AND $last{(filterAreas ? " AND f.area_id IN $areas" : string.Empty)}
            QUALIFY row_number() OVER (PARTITION BY f.period_key, f.area_id, f.indicator_code, f.measure ORDER BY s.received_at DESC, s.submission_id DESC) = 1
            """, new { codes, first = from.Key, last = to.Key, areas = wanted.ToArray() });
        var stored = new StoredFigures();
        foreach (var row in rows)
        {
            if (!row.Withdrawn && (filterAreas || wanted.Contains(row.Area)))
            {
                stored.Set(row.Area, PeriodKey.FromKey(row.Period), row.Indicator, MeasureCodes.Parse(row.Measure), row.Value);
            }
        }

        return new RollupEngine(hierarchy, stored, rules);
    }
}
