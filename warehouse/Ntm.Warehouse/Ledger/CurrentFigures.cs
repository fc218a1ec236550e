using System.Data;
using Dapper;

namespace Ntm.Warehouse.Ledger;

/// <summary>
/// The current value of each figure, kept in <c>fact_observation.is_current</c> so that asking for
/// current figures (<c>v_observation</c>) is a filter, not a ranking of the whole history. The rule
/// is the ledger's: a figure (period, unit, indicator, measure, part of a total) has the value of
/// the latest accepted file that states it (a withdrawn value is current and says there is none).
/// </summary>
public static class CurrentFigures
{
    /// <summary>
    /// Marks the current row of every figure that <paramref name="submissionIds"/> state (<c>is_current</c>):
    /// the latest accepted file that states it, the rule <c>v_observation</c> reads. Only the rows
    /// of those figures are ranked, so a commit costs what its figures cost, not the history.
    /// </summary>
    public static void Mark(IDbConnection connection, IReadOnlyCollection<long> submissionIds) =>
        connection.Execute("""
            UPDATE fact_observation SET is_current = c.now_current
            FROM (
                SELECT f.rowid AS row_id, f.is_current AS was_current,
                       s.status IN ('accepted', 'partly_superseded') AND row_number() OVER (
                           PARTITION BY f.period_key, f.area_id, f.indicator_code, f.measure, f.disaggregation
                           ORDER BY (s.status IN ('accepted', 'partly_superseded')) DESC, s.received_at DESC, s.submission_id DESC, f.rowid DESC) = 1 AS now_current
                FROM fact_observation f
                JOIN (SELECT DISTINCT period_key, area_id, indicator_code, measure, disaggregation FROM fact_observation WHERE submission_id IN $ids) k
                  USING (period_key, area_id, indicator_code, measure, disaggregation)
                JOIN submission s ON s.submission_id = f.submission_id
            ) c
            WHERE fact_observation.rowid = c.row_id AND c.was_current IS DISTINCT FROM c.now_current
            """, new { ids = submissionIds.ToArray() });
}
