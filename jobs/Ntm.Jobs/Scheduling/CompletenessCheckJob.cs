using DuckDB.NET.Data;
using Microsoft.Extensions.Logging;
using Ntm.Domain.Periods;
using Ntm.Domain.Statuses;
using Ntm.Reports.Tables;
using Ntm.Warehouse;
using Ntm.Warehouse.Queries;

namespace Ntm.Jobs.Scheduling;

/// <summary>
/// Who has not reported for the previous month: the units that must report a data set
/// (<c>reporting_duty</c>, units in force that month) and did not, in every province; overdue when
/// the deadline has passed. Written to <c>reports/completeness-YYYY-MM.csv</c> and to <c>completeness_gap</c>.
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
        var query = new CompletenessQuery(connection);
        var gaps = query.Gaps(period, Clock.GetUtcNow(), new QualityOptions(Settings.ReportingDeadlineDay, Settings.TimeZone));
        query.Record(period, gaps, Clock.GetUtcNow().UtcDateTime);
        var late = gaps.Any(g => g.Overdue);

        Directory.CreateDirectory(Home.Reports);
        var path = Path.Combine(Home.Reports, $"completeness-{period}.csv");
        CsvTableWriter.Write(new TableData($"Đơn vị chưa gửi báo cáo tháng {period.ToVietnamese()}",
            [new("Mã đơn vị"), new("Đơn vị"), new("Bộ số liệu"), new("Quá hạn"), new("Nội dung")],
            gaps.Select(g => (IReadOnlyList<object?>)[g.AreaCode, g.AreaName, g.Template, g.Overdue ? "có" : "chưa", g.Message]).ToList()), path);
        return new JobResult(JobOutcome.Succeeded, gaps.Count, $"{gaps.Count} đơn vị chưa gửi báo cáo tháng {period.Month:D2}/{period.Year}{(late ? " (đã quá hạn)" : string.Empty)}: {path}");
    }
}
