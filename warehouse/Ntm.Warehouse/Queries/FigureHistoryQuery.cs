using System.Data.Common;
using Dapper;
using Ntm.Domain.Periods;

namespace Ntm.Warehouse.Queries;

/// <summary>One value a figure had: from which file, sheet and cell, when, and whether it is the current one.</summary>
public sealed record FigureVersion(
    string Period, string AreaCode, string AreaName, string IndicatorCode, string Measure, string Disaggregation,
    decimal Value, bool Withdrawn, long SubmissionId, string FileName, DateTime ReceivedAt, string Status, string? Sheet, string? Cell, bool IsCurrent);

/// <summary>A figure whose value a later file changed or withdrew: its first value, its current one, and where that comes from.</summary>
public sealed record ChangedFigure(
    string Period, string AreaCode, string AreaName, string IndicatorCode, string IndicatorName, string Measure, string Disaggregation,
    int Versions, decimal FirstValue, decimal? CurrentValue, string CurrentFile, string? CurrentCell);

/// <summary>
/// The audit of figures: every value a figure had (<c>v_observation_history</c>), and the figures of a
/// year that later files changed or withdrew. A figure is (period, unit, indicator, measure, part of a total).
/// </summary>
public sealed class FigureHistoryQuery(DbConnection connection)
{
    /// <summary>Every value the figures of <paramref name="indicatorCode"/> for a unit had, oldest first, in a month or in all.</summary>
    public IReadOnlyList<FigureVersion> History(string indicatorCode, int areaId, PeriodKey? period = null, string? measure = null) =>
        connection.Query<FigureVersion>("""
            SELECT period AS Period, area_code AS AreaCode, area_name AS AreaName, indicator_code AS IndicatorCode, measure AS Measure,
                   disaggregation AS Disaggregation, value AS Value, withdrawn AS Withdrawn, submission_id AS SubmissionId, file_name AS FileName,
                   received_at AS ReceivedAt, status AS Status, sheet AS Sheet, cell AS Cell, is_current AS IsCurrent
            FROM v_observation_history
            WHERE indicator_code = $indicatorCode AND area_id = $areaId
              AND ($period IS NULL OR period_key = $period) AND ($measure IS NULL OR measure = $measure)
            ORDER BY period_key, measure, disaggregation, received_at, submission_id
            """, new { indicatorCode, areaId, period = period?.Key, measure }).ToList();

    /// <summary>
    /// The figures of the months of <paramref name="year"/> (of units in <paramref name="provinceCode"/>,
    /// or all) that a later file changed or withdrew; restating the same value is no change.
    /// </summary>
    public IReadOnlyList<ChangedFigure> Changed(int year, string? provinceCode) =>
        connection.Query<ChangedFigure>("""
            SELECT h.period AS Period, h.area_code AS AreaCode, h.area_name AS AreaName, h.indicator_code AS IndicatorCode,
                   coalesce(i.name_vi, h.indicator_code) AS IndicatorName, h.measure AS Measure, h.disaggregation AS Disaggregation,
                   count(*)::INTEGER AS Versions,
                   arg_min(h.value, (h.received_at, h.submission_id)) AS FirstValue,
                   max(h.value) FILTER (WHERE h.is_current AND NOT h.withdrawn) AS CurrentValue,
                   max(h.file_name) FILTER (WHERE h.is_current) AS CurrentFile,
                   max(h.sheet || '!' || h.cell) FILTER (WHERE h.is_current) AS CurrentCell
            FROM v_observation_history h
            JOIN dim_area a ON a.area_id = h.area_id
            LEFT JOIN dim_indicator i ON i.indicator_code = h.indicator_code
            WHERE h.period_key BETWEEN $from AND $to AND ($province IS NULL OR a.province_code = $province)
            GROUP BY ALL
            HAVING count(DISTINCT h.value::VARCHAR || h.withdrawn::VARCHAR) > 1
            ORDER BY h.period, h.area_code, h.indicator_code, h.measure, h.disaggregation
            """, new { from = new PeriodKey(year, 1).Key, to = new PeriodKey(year, 12).Key, province = provinceCode }).ToList();
}
