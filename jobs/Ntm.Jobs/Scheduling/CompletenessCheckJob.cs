using System.Text;
using Dapper;
using Microsoft.Extensions.Logging;
using Ntm.Warehouse;
using DuckDB.NET.Data;

namespace Ntm.Jobs.Scheduling;

/// <summary>
/// Who has not reported for the previous month: every unit that sent a single-unit report with a
/// template in the twelve months before, and sent none for the month. Late when the deadline has
/// passed. Written to <c>reports/completeness-YYYY-MM.csv</c> and to <c>completeness_gap</c>.
/// </summary>
public sealed class CompletenessCheckJob(WarehouseHome home, TimeProvider clock, ScheduleSettings settings, ILogger<CompletenessCheckJob> logger)
    : NtmJob(home, clock, settings, logger)
{
    /// <inheritdoc />
    protected override string Name => JobNames.CompletenessCheck;

    /// <inheritdoc />
    protected override JobOutcome Run(DuckDBConnection connection, CancellationToken cancellation)
    {
        var period = PreviousMonth();
        var now = TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), Settings.ResolveTimeZone() ?? TimeZoneInfo.Utc);
        var late = now.Day > Settings.ReportingDeadlineDay || (now.Year * 100) + now.Month > NextMonth(period);
        var missing = connection.Query<(int AreaId, string Template, string AreaCode, string AreaName)>("""
            SELECT DISTINCT s.area_id, s.template, a.area_code, a.full_name
            FROM submission s JOIN dim_area a ON a.area_id = s.area_id
            WHERE s.status IN ('accepted', 'superseded') AND s.template IS NOT NULL
              AND s.period_key BETWEEN $from AND $before
              AND NOT EXISTS (SELECT 1 FROM submission t WHERE t.area_id = s.area_id AND t.template = s.template
                              AND t.period_key = $period AND t.status IN ('accepted', 'superseded'))
            ORDER BY a.area_code, s.template
            """, new { period, before = PreviousMonthOf(period), from = period - 100 }).ToList();

        using (var transaction = connection.BeginTransaction())
        {
            connection.Execute("DELETE FROM completeness_gap WHERE period_key = $period", new { period }, transaction);
            foreach (var gap in missing)
            {
                connection.Execute("INSERT INTO completeness_gap VALUES ($period, $area, $template, $late, $at)",
                    new { period, area = gap.AreaId, template = gap.Template, late, at = Clock.GetUtcNow().UtcDateTime }, transaction);
            }

            transaction.Commit();
        }

        Directory.CreateDirectory(Home.Reports);
        var csv = new StringBuilder("Mã đơn vị,Đơn vị,Mẫu báo cáo,Trễ hạn\r\n");
        foreach (var gap in missing)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{gap.AreaCode},\"{gap.AreaName}\",{gap.Template},{(late ? "có" : "chưa")}\r\n");
        }

        var path = Path.Combine(Home.Reports, $"completeness-{period / 100}-{period % 100:D2}.csv");
        File.WriteAllText(path, csv.ToString(), new UTF8Encoding(true));
        return new JobOutcome("succeeded", missing.Count, $"{missing.Count} đơn vị chưa gửi báo cáo tháng {period % 100:D2}/{period / 100}{(late ? " (đã quá hạn)" : string.Empty)}: {path}");
    }

    private static int PreviousMonthOf(int period) => period % 100 == 1 ? period - 89 : period - 1;

    private static int NextMonth(int period) => period % 100 == 12 ? period + 89 : period + 1;
}
