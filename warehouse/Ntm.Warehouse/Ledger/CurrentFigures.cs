using System.Data;
using Dapper;

namespace Ntm.Warehouse.Ledger;

/// <summary>
/// The current value of each figure, kept in <c>fact_observation.is_current</c> so that asking for
/// current figures (<c>v_observation</c>) is a filter, not a ranking of the whole history. The rule
/// is the ledger's: a figure (period, unit, indicator, measure, part of a total) has the value of
/// the latest accepted file that states it (a withdrawn value is current and says there is none).
/// Beside it, <c>fact_pooled</c>: the same current figures with the month and stock figures of units
/// without children summed under their parent (the rule is the view <c>v_fact_pooled</c>), kept in
/// the same transaction, for the series of totals.
/// </summary>
public static class CurrentFigures
{
    /// <summary>
    /// Marks the current row of every figure that <paramref name="submissionIds"/> state (<c>is_current</c>):
    /// the latest accepted file that states it, the rule <c>v_observation</c> reads, and computes their
    /// pooled rows again. The rows of <paramref name="submissionIds"/> must have been written current
    /// (<c>is_current = true</c>: the file that states them was just accepted); only the figures that
    /// another row states too, and every figure of <paramref name="readAgain"/> (earlier readings of
    /// files read again, superseded whole), are ranked, so that a row stated by no other stays as
    /// written: a commit costs what its shared figures cost, not the history, and a group of new
    /// months ranks nothing.
    /// </summary>
    public static void Mark(IDbConnection connection, IReadOnlyCollection<long> submissionIds, IReadOnlyCollection<long>? readAgain = null)
    {
        var ids = submissionIds.ToArray();
        var again = (readAgain ?? []).ToArray();
        connection.Execute("""
            UPDATE fact_observation SET is_current = c.now_current
            FROM (
                SELECT f.rowid AS row_id, f.is_current AS was_current,
                       s.status IN ('accepted', 'partly_superseded') AND row_number() OVER (
                           PARTITION BY f.period_key, f.area_id, f.indicator_code, f.measure, f.disaggregation
                           ORDER BY (s.status IN ('accepted', 'partly_superseded')) DESC, s.received_at DESC, s.submission_id DESC, f.rowid DESC) = 1 AS now_current
                FROM fact_observation f
                JOIN (SELECT period_key, area_id, indicator_code, measure, disaggregation
                      FROM fact_observation
                      JOIN (SELECT DISTINCT period_key, area_id, indicator_code, measure, disaggregation FROM fact_observation WHERE submission_id IN $ids) k
                        USING (period_key, area_id, indicator_code, measure, disaggregation)
                      GROUP BY ALL HAVING count(*) > 1
                      UNION
                      SELECT period_key, area_id, indicator_code, measure, disaggregation FROM fact_observation WHERE submission_id IN $again) k
                  USING (period_key, area_id, indicator_code, measure, disaggregation)
                JOIN submission s ON s.submission_id = f.submission_id
            ) c
            WHERE fact_observation.rowid = c.row_id AND c.was_current IS DISTINCT FROM c.now_current
            """, new { ids, again });
        Pool(connection, ids.Concat(again).Distinct().ToArray());
    }

    /// <summary>Computes <c>fact_pooled</c> again from every current figure (after the units were loaded again).</summary>
    public static void PoolAll(IDbConnection connection, IDbTransaction? transaction = null) =>
        connection.Execute("DELETE FROM fact_pooled; INSERT INTO fact_pooled SELECT * FROM v_fact_pooled ORDER BY indicator_code, period_key, area_id", transaction: transaction);

    /// <summary>
    /// The rows in which the kept <c>fact_pooled</c> and the rule (<c>v_fact_pooled</c> over the current
    /// figures) differ, each prefixed with the side that has it ('kept' or 'rule'); none when they agree.
    /// </summary>
    public static IReadOnlyList<string> PoolDifferences(IDbConnection connection) =>
        connection.Query<string>("""
            SELECT side || ' ' || area_id || ' ' || period_key || ' ' || indicator_code || ' ' || measure || ' ' || CAST(value AS VARCHAR) || ' ' || units || ' ' || pooled || ' ' || member
            FROM (SELECT 'kept' AS side, * FROM (SELECT * FROM fact_pooled EXCEPT ALL SELECT * FROM v_fact_pooled)
                  UNION ALL
                  SELECT 'rule' AS side, * FROM (SELECT * FROM v_fact_pooled EXCEPT ALL SELECT * FROM fact_pooled))
            ORDER BY 1
            """).ToList();

    /// <summary>The pooled rows (their keys) that hold a figure the submissions <c>$ids</c> state.</summary>
    private const string Touched = """
        SELECT DISTINCT CASE WHEN u.leaf AND k.measure IN ('month', 'stock') THEN u.parent_id ELSE k.area_id END AS area_id,
               u.valid_from, k.period_key, k.indicator_code, k.measure, u.leaf AND k.measure IN ('month', 'stock') AS pooled
        FROM (SELECT DISTINCT period_key, area_id, indicator_code, measure FROM fact_observation WHERE submission_id IN $ids AND disaggregation = '') k
        JOIN v_pooled_unit u USING (area_id)
        """;

    /// <summary>
    /// The pooled rows that hold a figure <paramref name="ids"/> state, computed again from the current
    /// figures. Their keys are worked out once; the rule (<c>v_fact_pooled</c>) is asked only for their
    /// months, indicators and units (constants, which DuckDB applies before it sums), so that a commit
    /// sums the figures of the units it touched, not those of every unit for those months.
    /// </summary>
    private static void Pool(IDbConnection connection, long[] ids)
    {
        // Made again by the next commit if a statement fails (the group's rollback takes it away with the rest).
        connection.Execute($"CREATE OR REPLACE TEMP TABLE pool_touched AS {Touched}", new { ids });
        var areas = connection.Query<int>("SELECT DISTINCT area_id FROM pool_touched").ToArray();
        if (areas.Length > 0)
        {
            var periods = connection.Query<int>("SELECT DISTINCT period_key FROM pool_touched").ToArray();
            var indicators = connection.Query<string>("SELECT DISTINCT indicator_code FROM pool_touched").ToArray();
            connection.Execute("""
                DELETE FROM fact_pooled p USING pool_touched t
                WHERE p.area_id = t.area_id AND p.valid_from = t.valid_from AND p.period_key = t.period_key
                  AND p.indicator_code = t.indicator_code AND p.measure = t.measure AND p.pooled = t.pooled
                """);
            connection.Execute("""
                INSERT INTO fact_pooled
                SELECT s.* FROM v_fact_pooled s SEMI JOIN pool_touched t USING (area_id, valid_from, period_key, indicator_code, measure, pooled)
                WHERE s.period_key IN $periods AND s.indicator_code IN $indicators AND s.area_id IN $areas
                """, new { periods, indicators, areas });
        }

        connection.Execute("DROP TABLE pool_touched");
    }
}
