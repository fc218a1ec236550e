using System.Data.Common;
using Dapper;
using Ntm.Domain.Periods;

namespace Ntm.Warehouse.Queries;

/// <summary>A unit that has not sent a report it sent before.</summary>
public sealed record CompletenessGap(int AreaId, string AreaCode, string AreaName, string Template);

/// <summary>
/// Who has not reported for a month: every unit that sent a single-unit report with a template in
/// the twelve months before and sent none for the month; and the record of the gaps found.
/// </summary>
public sealed class CompletenessQuery(DbConnection connection)
{
    /// <summary>The gaps of <paramref name="period"/>, by unit code and template; a unit no longer in force that month (a commune merged on 2025-07-01) is not a gap.</summary>
    public IReadOnlyList<CompletenessGap> Gaps(PeriodKey period) =>
        connection.Query<CompletenessGap>("""
            SELECT DISTINCT s.area_id AS AreaId, a.area_code AS AreaCode, a.full_name AS AreaName, s.template AS Template
            FROM submission s JOIN dim_area a ON a.area_id = s.area_id
            WHERE s.status IN ('accepted', 'partly_superseded', 'superseded') AND s.template IS NOT NULL
              AND s.period_key BETWEEN $from AND $before
              AND (a.valid_to IS NULL OR a.valid_to >= $firstDay)
              AND NOT EXISTS (SELECT 1 FROM submission t WHERE t.area_id = s.area_id AND t.template = s.template
                              AND t.period_key = $period AND t.status IN ('accepted', 'partly_superseded', 'superseded'))
            ORDER BY AreaCode, Template
            """, new { period = period.Key, before = period.Previous.Key, from = period.AddMonths(-12).Key, firstDay = period.FirstDay.ToDateTime(TimeOnly.MinValue) }).ToList();

    /// <summary>Replaces the recorded gaps of <paramref name="period"/> with <paramref name="gaps"/>, in one transaction.</summary>
    public void Record(PeriodKey period, IReadOnlyList<CompletenessGap> gaps, bool late, DateTime foundAtUtc)
    {
        using var transaction = connection.BeginTransaction();
        connection.Execute("DELETE FROM completeness_gap WHERE period_key = $period", new { period = period.Key }, transaction);
        foreach (var gap in gaps)
        {
            connection.Execute("INSERT INTO completeness_gap VALUES ($period, $area, $template, $late, $at)",
                new { period = period.Key, area = gap.AreaId, template = gap.Template, late, at = foundAtUtc }, transaction);
        }

        transaction.Commit();
    }
}
