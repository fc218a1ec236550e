using DuckDB.NET.Data;
using Microsoft.Extensions.Logging;
using Ntm.Domain.Statuses;
using Ntm.Reports.Pack;
using Ntm.Warehouse;
using Ntm.Warehouse.Queries;

namespace Ntm.Jobs.Scheduling;

/// <summary>After the reporting deadline: the report pack of the previous month's year to date, for the province with the most figures.</summary>
public sealed class MonthlyReportJob(WarehouseHome home, TimeProvider clock, ScheduleSettings settings, ILogger<MonthlyReportJob> logger)
    : NtmJob(home, clock, settings, logger)
{
    /// <inheritdoc />
    protected override string Name => JobNames.MonthlyReport;

    /// <inheritdoc />
    protected override JobResult Run(DuckDBConnection connection, CancellationToken cancellation)
    {
        var period = ReportMonth();
        var directory = Ntm.Warehouse.Areas.AreaDirectoryLoader.Load(connection);
        var area = ReportPack.BusiestProvince(connection, directory, period, period, period.FirstDay);
        if (area is null)
        {
            return new JobResult(JobOutcome.NothingToDo, 0, $"Chưa có số liệu tháng {period.Month:D2}/{period.Year}: không lập báo cáo.");
        }

        var index = ReportPack.Write(connection, directory, area, period.Year, Path.Combine(Home.Reports, "monthly", $"{period}-{area.Code}"), period,
            new QualityReviewAt(Clock.GetUtcNow(), new QualityOptions(Settings.ReportingDeadlineDay, Settings.TimeZone)));
        return new JobResult(JobOutcome.Succeeded, 1, index);
    }
}
