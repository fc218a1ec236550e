using Microsoft.Extensions.Logging;
using Ntm.Reports.Pack;
using Ntm.Warehouse;
using Ntm.Domain.Areas;
using DuckDB.NET.Data;

namespace Ntm.Jobs.Scheduling;

/// <summary>After the reporting deadline: the report pack of the previous month's year to date, for the province with the most figures.</summary>
public sealed class MonthlyReportJob(WarehouseHome home, TimeProvider clock, ScheduleSettings settings, ILogger<MonthlyReportJob> logger)
    : NtmJob(home, clock, settings, logger)
{
    /// <inheritdoc />
    protected override string Name => JobNames.MonthlyReport;

    /// <inheritdoc />
    protected override JobOutcome Run(DuckDBConnection connection, CancellationToken cancellation)
    {
        var period = PreviousMonth();
        var directory = Ntm.Warehouse.Areas.AreaDirectoryLoader.Load(connection);
        var area = ReportPack.BusiestProvince(connection, directory, period, period, new DateOnly(period / 100, period % 100, 1));
        if (area is null)
        {
            return new JobOutcome("succeeded", 0, $"Chưa có số liệu tháng {period % 100:D2}/{period / 100}: không lập báo cáo.");
        }

        var index = ReportPack.Write(connection, directory, Home.Reference, area, period / 100, Path.Combine(Home.Reports, "monthly", $"{period / 100}-{period % 100:D2}-{area.Code}"));
        return new JobOutcome("succeeded", 1, index);
    }
}
