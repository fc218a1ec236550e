using DuckDB.NET.Data;
using Microsoft.Extensions.Logging;
using Ntm.Domain.Periods;
using Ntm.Domain.Statuses;
using Ntm.Reports.Tables;
using Ntm.Warehouse;
using Ntm.Warehouse.Queries;

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
    protected override JobResult Run(DuckDBConnection connection, CancellationToken cancellation)
    {
        var period = ReportMonth();
        var now = LocalNow();
        var late = now.Day > Settings.ReportingDeadlineDay || PeriodKey.Of(now.DateTime) > period.Next;
        var query = new CompletenessQuery(connection);
        var gaps = query.Gaps(period);
        query.Record(period, gaps, late, Clock.GetUtcNow().UtcDateTime);

        Directory.CreateDirectory(Home.Reports);
        var path = Path.Combine(Home.Reports, $"completeness-{period}.csv");
        CsvTableWriter.Write(new TableData($"Đơn vị chưa gửi báo cáo tháng {period.ToVietnamese()}",
            [new("Mã đơn vị"), new("Đơn vị"), new("Mẫu báo cáo"), new("Trễ hạn")],
            gaps.Select(g => (IReadOnlyList<object?>)[g.AreaCode, g.AreaName, g.Template, late ? "có" : "chưa"]).ToList()), path);
        return new JobResult(JobOutcome.Succeeded, gaps.Count, $"{gaps.Count} đơn vị chưa gửi báo cáo tháng {period.Month:D2}/{period.Year}{(late ? " (đã quá hạn)" : string.Empty)}: {path}");
    }
}
