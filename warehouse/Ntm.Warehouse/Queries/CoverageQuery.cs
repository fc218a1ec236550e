using System.Data.Common;
using Dapper;
using Ntm.Domain.Periods;

namespace Ntm.Warehouse.Queries;

/// <summary>What the warehouse holds for a span of months: the latest month with figures, the province with the most.</summary>
/// <remarks>Asked of the current facts alone (<c>v_current_fact</c>): the filters before any join, so that a question over ten years of a country reads only the columns it needs.</remarks>
public sealed class CoverageQuery(DbConnection connection)
{
    /// <summary>The latest month from <paramref name="from"/> to <paramref name="to"/> with a current figure; null when there is none.</summary>
    public PeriodKey? LatestMonth(PeriodKey from, PeriodKey to) =>
        connection.ExecuteScalar<int?>("SELECT max(period_key) FROM v_current_fact WHERE period_key BETWEEN $from AND $to", new { from = from.Key, to = to.Key }) is { } key
            ? PeriodKey.FromKey(key)
            : null;

    /// <summary>The codes of the provinces with current figures from <paramref name="from"/> to <paramref name="to"/>, by code.</summary>
    /// <remarks>With <paramref name="indicators"/>, the provinces with current figures of those indicators.</remarks>
    public IReadOnlyList<string> Provinces(PeriodKey from, PeriodKey to, IReadOnlyCollection<string>? indicators = null) =>
        connection.Query<string>($"""
            SELECT DISTINCT a.province_code
            FROM (SELECT DISTINCT area_id FROM v_current_fact
                  WHERE period_key BETWEEN $from AND $to{(indicators is null ? string.Empty : " AND indicator_code IN $indicators")}) f
            JOIN dim_area a ON a.area_id = f.area_id
            ORDER BY 1
            """, new { from = from.Key, to = to.Key, indicators = indicators?.ToArray() ?? [] }).ToList();

    /// <summary>The latest month with a current figure of any kind; null for an empty warehouse.</summary>
    public PeriodKey? LatestMonth() =>
        connection.ExecuteScalar<int?>("SELECT max(period_key) FROM v_current_fact") is { } key ? PeriodKey.FromKey(key) : null;

    /// <summary>
    /// The latest month with a current figure of <paramref name="indicators"/> in <paramref name="provinceCodes"/>
    /// (a new unit's figures before 2025-07-01 are its old units', which keep their own province codes: pass those too);
    /// null when there is none.
    /// </summary>
    public PeriodKey? LatestMonth(IReadOnlyCollection<string> indicators, IReadOnlyCollection<string> provinceCodes) =>
        connection.ExecuteScalar<int?>($"""
            SELECT max(f.period_key)
            FROM (SELECT area_id, max(period_key) AS period_key FROM v_current_fact WHERE indicator_code IN $indicators GROUP BY area_id) f
            JOIN dim_area a ON a.area_id = f.area_id
            WHERE a.province_code IN $provinces
            """, new { indicators = indicators.ToArray(), provinces = provinceCodes.ToArray() }) is { } key ? PeriodKey.FromKey(key) : null;

    /// <summary>The indicator with the most current figures from <paramref name="from"/> to <paramref name="to"/> among flows (cases, new acceptors), then any; null for none.</summary>
    public string? BusiestIndicator(PeriodKey from, PeriodKey to) =>
        connection.ExecuteScalar<string?>("""
            SELECT o.indicator_code FROM v_current_fact o JOIN dim_indicator i ON i.indicator_code = o.indicator_code
            WHERE o.period_key BETWEEN $from AND $to AND o.measure IN ('month', 'stock')
            GROUP BY o.indicator_code, i.period_type ORDER BY i.period_type = 'flow' DESC, count(*) DESC, o.indicator_code LIMIT 1
            """, new { from = from.Key, to = to.Key });

    /// <summary>The units of 2025-07-01 an old unit's figures went to (the crosswalk), for saying where a unit went.</summary>
    public IReadOnlyList<int> Successors(int areaId) =>
        connection.Query<int>("SELECT new_area_id FROM area_crosswalk WHERE old_area_id = $areaId ORDER BY weight DESC, new_area_id", new { areaId }).ToList();

    /// <summary>The units of before 2025-07-01 whose figures a new unit takes (the crosswalk).</summary>
    public IReadOnlyList<int> Predecessors(int areaId) =>
        connection.Query<int>("SELECT old_area_id FROM area_crosswalk WHERE new_area_id = $areaId ORDER BY old_area_id", new { areaId }).ToList();

    /// <summary>The code of the province with the most current figures from <paramref name="from"/> to <paramref name="to"/>; null when there are none.</summary>
    public string? BusiestProvince(PeriodKey from, PeriodKey to) =>
        connection.ExecuteScalar<string?>($"""
            SELECT a.province_code
            FROM (SELECT area_id, count(*) AS figures FROM v_current_fact WHERE period_key BETWEEN $from AND $to GROUP BY area_id) f
            JOIN dim_area a ON a.area_id = f.area_id
            GROUP BY a.province_code ORDER BY sum(f.figures) DESC, a.province_code LIMIT 1
            """, new { from = from.Key, to = to.Key });
}
