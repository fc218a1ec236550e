using System.Data.Common;
using Dapper;
using Ntm.Domain.Periods;

namespace Ntm.Warehouse.Queries;

/// <summary>What the warehouse holds for a span of months: the latest month with figures, the province with the most.</summary>
public sealed class CoverageQuery(DbConnection connection)
{
    /// <summary>The latest month from <paramref name="from"/> to <paramref name="to"/> with a current figure; null when there is none.</summary>
    public PeriodKey? LatestMonth(PeriodKey from, PeriodKey to) =>
        connection.ExecuteScalar<int?>("SELECT max(period_key) FROM v_observation WHERE period_key BETWEEN $from AND $to", new { from = from.Key, to = to.Key }) is { } key
            ? PeriodKey.FromKey(key)
            : null;

    /// <summary>The codes of the provinces with current figures from <paramref name="from"/> to <paramref name="to"/>, by code.</summary>
    public IReadOnlyList<string> Provinces(PeriodKey from, PeriodKey to) =>
        connection.Query<string>("""
            SELECT DISTINCT a.province_code FROM v_observation o JOIN dim_area a ON a.area_id = o.area_id
            WHERE o.period_key BETWEEN $from AND $to ORDER BY 1
            """, new { from = from.Key, to = to.Key }).ToList();

    /// <summary>The latest month with a current figure of any kind; null for an empty warehouse.</summary>
    public PeriodKey? LatestMonth()
    {
        // The latest month any accepted file gives a figure for bounds the answer from above; v_observation
        // (which ranks every figure's files) is then asked only from that month on, its period being a
        // partition of the ranking. Only when every figure of that month was withdrawn is the whole history ranked.
        var candidate = connection.ExecuteScalar<int?>("""
            SELECT max(f.period_key) FROM fact_observation f
            JOIN submission s ON s.submission_id = f.submission_id AND s.status IN ('accepted', 'partly_superseded')
            WHERE NOT f.withdrawn AND f.disaggregation = ''
            """);
        if (candidate is null)
        {
            return null;
        }

        var key = connection.ExecuteScalar<int?>("SELECT max(period_key) FROM v_observation WHERE period_key >= $candidate", new { candidate })
            ?? connection.ExecuteScalar<int?>("SELECT max(period_key) FROM v_observation");
        return key is { } found ? PeriodKey.FromKey(found) : null;
    }

    /// <summary>
    /// The latest month with a current figure of <paramref name="indicators"/> in <paramref name="provinceCodes"/>
    /// (a new unit's figures before 2025-07-01 are its old units', which keep their own province codes: pass those too);
    /// null when there is none.
    /// </summary>
    public PeriodKey? LatestMonth(IReadOnlyCollection<string> indicators, IReadOnlyCollection<string> provinceCodes) =>
        connection.ExecuteScalar<int?>("""
            SELECT max(o.period_key) FROM v_observation o JOIN dim_area a ON a.area_id = o.area_id
            WHERE o.indicator_code IN $indicators AND a.province_code IN $provinces
            """, new { indicators = indicators.ToArray(), provinces = provinceCodes.ToArray() }) is { } key ? PeriodKey.FromKey(key) : null;

    /// <summary>The indicator with the most current figures from <paramref name="from"/> to <paramref name="to"/> among flows (cases, new acceptors), then any; null for none.</summary>
    public string? BusiestIndicator(PeriodKey from, PeriodKey to) =>
        connection.ExecuteScalar<string?>("""
            SELECT o.indicator_code FROM v_observation o JOIN dim_indicator i ON i.indicator_code = o.indicator_code
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
        connection.ExecuteScalar<string?>("""
            SELECT a.province_code FROM v_observation o JOIN dim_area a ON a.area_id = o.area_id
            WHERE o.period_key BETWEEN $from AND $to GROUP BY a.province_code ORDER BY count(*) DESC, a.province_code LIMIT 1
            """, new { from = from.Key, to = to.Key });
}
