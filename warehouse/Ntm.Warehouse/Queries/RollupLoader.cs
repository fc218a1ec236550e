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

    /// <summary>The units as the rules walk them (children, old units through the crosswalk, lifetimes), from the units the process holds.</summary>
    public static AreaHierarchy Hierarchy(DbConnection connection)
    {
        var (directory, crosswalk) = Areas.AreaDirectoryLoader.Loaded(connection);
        return Hierarchy(directory, crosswalk);
    }

    private static AreaHierarchy Hierarchy(AreaDirectory directory, IReadOnlyList<CrosswalkRecord> crosswalk)
    {
        // A new province takes its old provinces' figures; a new commune its old communes' (or the island
        // district it was). A district → new province link would count the same people twice.
        static int Level(int id) => id / 1_000_000 % 10;
        var links = crosswalk
            .Select(c => (Old: c.OldAreaId, New: c.NewAreaId, c.Weight))
            .Where(l => Level(l.Old) == Level(l.New) || (Level(l.New) == (int)AreaLevel.Commune && Level(l.Old) == (int)AreaLevel.District));
        return new AreaHierarchy(
            directory.Areas.Where(a => a.ParentId is not null).Select(a => (a.AreaId, a.ParentId!.Value)),
            links,
            directory.Areas.ToDictionary(a => a.AreaId, a => a.Generation));
    }

    /// <summary>
    /// The rules over the figures of <paramref name="indicators"/> for <paramref name="roots"/> and
    /// every unit under them, from <paramref name="from"/> to <paramref name="to"/>. With
    /// <paramref name="unmarked"/> (inside a group of files not yet committed) the current figures
    /// are found by ranking the files, not by the mark the commit sets.
    /// </summary>
    /// <remarks>
    /// With <paramref name="poolLeaves"/> (for counts asked by month or stock only: a series of
    /// totals), the month and stock figures of units without children that are not asked themselves
    /// are held as their parent's sum (<see cref="StoredFigures.Pool"/>): the rules give the same
    /// totals and counts of units, from a tenth of the entries. With <paramref name="months"/>, only
    /// the figures of those months are read: enough for figures of a month or a stock, which the rules
    /// take from the same month alone (not for a year to date, which needs every month since January).
    /// </remarks>
    public static RollupEngine Load(DbConnection connection, IReadOnlyCollection<int> roots, IReadOnlyCollection<string> indicators, PeriodKey from, PeriodKey to, bool unmarked = false, bool poolLeaves = false,
        IReadOnlyCollection<PeriodKey>? months = null) =>
        // A kept sum too large to hold (null) is summed again from the units' own figures.
        Load(connection, roots, indicators, from, to, unmarked, poolLeaves, months, keptSums: true)
        ?? Load(connection, roots, indicators, from, to, unmarked, poolLeaves, months, keptSums: false)!;

    private static RollupEngine? Load(DbConnection connection, IReadOnlyCollection<int> roots, IReadOnlyCollection<string> indicators, PeriodKey from, PeriodKey to, bool unmarked, bool poolLeaves,
        IReadOnlyCollection<PeriodKey>? months, bool keptSums)
    {
        var rules = Rules(connection);
        var codes = indicators
            .SelectMany(code => rules.TryGetValue(code, out var rule) ? new[] { code, rule.NumeratorCode, rule.DenominatorCode } : [code])
            .OfType<string>().Distinct(StringComparer.Ordinal).ToArray();

        // The units and crosswalk as the process holds them (read once per load of the reference data).
        var (directory, crosswalk) = Areas.AreaDirectoryLoader.Loaded(connection);

        var units = directory.Areas.Select(a => (Area: a.AreaId, Parent: a.ParentId, Province: a.ProvinceCode)).ToList();
        var hierarchy = Hierarchy(directory, crosswalk);

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

        // The current figures (v_current_fact). Within a group of files being recorded, whose figures
        // are marked at the group's commit, the rule is applied here instead (ranking only the rows
        // asked for). The areas are sent as a list when they are few and a small part of their
        // provinces (a district); otherwise (thousands of parameters, or most of a province, which
        // DuckDB narrows faster by its province than by a list of its units) the facts are narrowed
        // to the areas' provinces in SQL and to the areas here.
        var provinces = units.Where(u => wanted.Contains(u.Area)).Select(u => u.Province).Distinct(StringComparer.Ordinal).ToArray();
        var filterAreas = wanted.Count <= 500 && wanted.Count * 2 < units.Count(u => provinces.Contains(u.Province, StringComparer.Ordinal));
        var areaFilter = (filterAreas ? " AND f.area_id IN $areas" : " AND f.area_id IN (SELECT area_id FROM dim_area WHERE province_code IN $provinces)")
            + (months is null ? string.Empty : " AND f.period_key IN $months");
        string sql = unmarked
            ? $"""
              SELECT f.area_id, f.period_key, f.indicator_code, f.measure, f.value, f.withdrawn
              FROM fact_observation f JOIN submission s ON s.submission_id = f.submission_id AND s.status IN ('accepted', 'partly_superseded')
              WHERE f.disaggregation = '' AND f.indicator_code IN $codes AND f.period_key BETWEEN $first AND $last{areaFilter}
              QUALIFY row_number() OVER (PARTITION BY f.period_key, f.area_id, f.indicator_code, f.measure ORDER BY s.received_at DESC, s.submission_id DESC) = 1
              """
            : $"""
              SELECT f.area_id, f.period_key, f.indicator_code, f.measure, f.value, false AS withdrawn
              FROM v_current_fact f
              WHERE f.indicator_code IN $codes AND f.period_key BETWEEN $first AND $last{areaFilter}
              """;
        // Figures of some months are about one per unit, indicator and month: the store is sized for them.
        var stored = new StoredFigures(months is null ? 0 : (int)Math.Min((long)wanted.Count * codes.Length * months.Distinct().Count(), 1 << 21));
        var parents = units.Where(u => u.Parent is not null).ToDictionary(u => u.Area, u => u.Parent!.Value);
        var asked = Asked(hierarchy, roots);
        var pooled = poolLeaves && !unmarked && asked.Count <= 500 ? Poolable(hierarchy, asked, wanted, parents) : [];
        foreach (var unit in pooled)
        {
            stored.Pool(unit);
        }

        if (keptSums && pooled.Count > 0 && !asked.Any(a => parents.ContainsKey(a) && !hierarchy.Children(a).Any()))
        {
            // No unit asked is one whose figures are pooled: the sums the ledger keeps (fact_pooled,
            // by the same rule as below, for every unit without children) serve as they are.
            sql = $"""
                SELECT f.area_id AS area, f.period_key, f.indicator_code, f.measure, f.value, f.units, f.pooled, f.member
                FROM fact_pooled f
                WHERE f.indicator_code IN $codes AND f.period_key BETWEEN $first AND $last{areaFilter}
                """;
        }
        else if (pooled.Count > 0)
        {
            // The same figures, those of the units held as sums added up by DuckDB under their parent
            // (by the unit's generation, whose lifetime says in which months it counts): a row per
            // parent and month instead of one per unit. The condition is Poolable's.
            sql = $"""
                WITH unit AS (
                    SELECT a.area_id, a.parent_id, a.valid_from,
                           a.parent_id IS NOT NULL AND a.area_id NOT IN $asked AND NOT EXISTS (SELECT 1 FROM dim_area c WHERE c.parent_id = a.area_id) AS poolable
                    FROM dim_area a)
                SELECT CASE WHEN pooled THEN parent_id ELSE area_id END AS area, period_key, indicator_code, measure,
                       sum(value) AS value, count(*) AS units, pooled, min(area_id) AS member
                FROM (
                    SELECT f.area_id, f.period_key, f.indicator_code, f.measure, f.value, u.parent_id, u.valid_from, u.poolable AND f.measure IN ('month', 'stock') AS pooled
                    FROM v_current_fact f JOIN unit u ON u.area_id = f.area_id
                    WHERE f.indicator_code IN $codes AND f.period_key BETWEEN $first AND $last{areaFilter})
                GROUP BY 1, period_key, indicator_code, measure, pooled, valid_from
                """;
        }
        else
        {
            sql = $"SELECT area_id AS area, period_key, indicator_code, measure, value, 1 AS units, false AS pooled, area_id AS member FROM ({sql}) WHERE NOT withdrawn";
        }

        // Indicators and measures come back as numbers (their place in the codes asked and in
        // MeasureCodes.All), given in the statement itself: reading a string per row is most of the
        // cost of a few hundred thousand rows.
        var parameters = new DynamicParameters(new { codes, first = from.Key, last = to.Key, areas = wanted.ToArray(), provinces, asked = asked.ToArray(), months = months?.Select(m => m.Key).Distinct().ToArray() ?? [] });
        for (var i = 0; i < codes.Length; i++)
        {
            parameters.Add($"code{i}", codes[i]);
        }

        if (codes.Length == 0)
        {
            return new RollupEngine(hierarchy, stored, rules);
        }

        var measureNumber = string.Join(" ", MeasureCodes.All.Select((m, i) => $"WHEN '{m.ToCode()}' THEN {i}"));
        sql = $"""
            SELECT q.area, q.period_key, i.number, CAST(CASE q.measure {measureNumber} END AS INTEGER), q.value, CAST(q.units AS BIGINT), q.pooled, q.member
            FROM ({sql}) q JOIN (VALUES {string.Join(", ", codes.Select((_, i) => $"($code{i}, {i})"))}) i(indicator_code, number) ON i.indicator_code = q.indicator_code
            """;
        // Read with typed getters: a row is eight numbers, not eight boxed values.
        using var rows = connection.ExecuteReader(sql, parameters);
        while (rows.Read())
        {
            var area = rows.GetInt32(0);
            if (!filterAreas && !wanted.Contains(area))
            {
                continue;
            }

            var (period, indicator) = (PeriodKey.FromKey(rows.GetInt32(1)), codes[rows.GetInt32(2)]);
            var measure = MeasureCodes.All[rows.IsDBNull(3) ? throw new FormatException($"Unknown measure of a figure of {indicator} ({area}, {period}).") : rows.GetInt32(3)];
            if (rows.GetBoolean(6))
            {
                // Counted under its parent only in the months its units existed, as the rules count children.
                if (hierarchy.ExistsIn(rows.GetInt32(7), period))
                {
                    if (rows.IsDBNull(4))
                    {
                        return null;
                    }

                    stored.AddPooled(area, period, indicator, measure, rows.GetDecimal(4), (int)rows.GetInt64(5));
                }
            }
            else
            {
                stored.Set(area, period, indicator, measure, rows.GetDecimal(4));
            }
        }

        return new RollupEngine(hierarchy, stored, rules);
    }

    /// <summary>The units asked and the old units whose own figures they take through the crosswalk: never held as sums.</summary>
    private static HashSet<int> Asked(AreaHierarchy hierarchy, IReadOnlyCollection<int> roots)
    {
        var asked = new HashSet<int>(roots);
        foreach (var root in roots)
        {
            foreach (var (old, _) in hierarchy.OldUnits(root))
            {
                asked.Add(old);
            }
        }

        return asked;
    }

    /// <summary>The units that can be held as their parent's sum: without children, with a parent, not asked.</summary>
    private static HashSet<int> Poolable(AreaHierarchy hierarchy, HashSet<int> asked, HashSet<int> wanted, Dictionary<int, int> parents) =>
        wanted.Where(a => !asked.Contains(a) && parents.ContainsKey(a) && !hierarchy.Children(a).Any()).ToHashSet();
}
