using System.Data.Common;
using Dapper;

namespace Ntm.Warehouse.Queries;

/// <summary>A ratio over a set of areas, with the sums it was computed from.</summary>
public sealed record RatioValue(string IndicatorCode, decimal Numerator, decimal Denominator, decimal Factor)
{
    /// <summary>factor × numerator ÷ denominator, exactly in decimal; null when the denominator is 0.</summary>
    public decimal? Value => Denominator == 0 ? null : Factor * Numerator / Denominator;
}

/// <summary>
/// Computes a ratio indicator for a group of areas as factor × sum(numerators) ÷ sum(denominators):
/// never the average of the areas' ratios, which would weigh a small commune like a large one.
/// </summary>
public static class RatioQuery
{
    private const string Sql = """
        SELECT i.numerator_code, i.denominator_code, i.factor,
               (SELECT sum(o.value) FROM v_observation o
                 WHERE o.indicator_code = i.numerator_code AND o.measure = $measure AND o.period = $period AND o.area_id IN $areaIds) AS numerator,
               (SELECT sum(o.value) FROM v_observation o
                 WHERE o.indicator_code = i.denominator_code AND o.measure = $measure AND o.period = $period AND o.area_id IN $areaIds) AS denominator
        FROM dim_indicator i
        WHERE i.indicator_code = $indicator AND i.kind = 'ratio'
        """;

    /// <summary>The ratio for <paramref name="areaIds"/> in <paramref name="period"/> ('YYYY-MM'); null when either part is missing.</summary>
    public static RatioValue? Compute(DbConnection connection, string indicator, IReadOnlyCollection<int> areaIds, string period, string measure)
    {
        var row = connection.QuerySingleOrDefault<(string Numerator, string Denominator, decimal Factor, decimal? NumeratorSum, decimal? DenominatorSum)>(
            Sql, new { indicator, areaIds = areaIds.ToArray(), period, measure });
        if (row.Numerator is null)
        {
            throw new ArgumentException($"{indicator} is not a ratio indicator.", nameof(indicator));
        }

        return row.NumeratorSum is { } n && row.DenominatorSum is { } d ? new RatioValue(indicator, n, d, row.Factor) : null;
    }
}
