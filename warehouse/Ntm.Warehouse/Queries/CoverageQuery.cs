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

    /// <summary>The code of the province with the most current figures from <paramref name="from"/> to <paramref name="to"/>; null when there are none.</summary>
    public string? BusiestProvince(PeriodKey from, PeriodKey to) =>
        connection.ExecuteScalar<string?>("""
            SELECT a.province_code FROM v_observation o JOIN dim_area a ON a.area_id = o.area_id
            WHERE o.period_key BETWEEN $from AND $to GROUP BY a.province_code ORDER BY count(*) DESC, a.province_code LIMIT 1
            """, new { from = from.Key, to = to.Key });
}
