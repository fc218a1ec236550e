using Microsoft.Extensions.Logging;
using Ntm.Reports.Pack;
using Ntm.Warehouse;
using Ntm.Warehouse.Areas;
using Ntm.Warehouse.DuckDb;
using Ntm.Warehouse.ReferenceData;

namespace Ntm.Jobs.Scheduling;

/// <summary>After the reporting deadline: the report pack of the previous month's year to date, for the province with the most figures.</summary>
public sealed class MonthlyReportJob(WarehouseHome home, TimeProvider clock, ScheduleSettings settings, ILogger<MonthlyReportJob> logger)
    : NtmJob(home, clock, settings, logger)
{
    /// <inheritdoc />
    protected override string Name => JobNames.MonthlyReport;

    /// <inheritdoc />
    protected override JobOutcome Run(DuckDbConnection connection, CancellationToken cancellation)
    {
        var period = PreviousMonth();
        var code = Dapper.SqlMapper.ExecuteScalar<string?>(connection, """
            SELECT a.province_code FROM v_observation o JOIN dim_area a ON a.area_id = o.area_id
            WHERE o.period_key = @period GROUP BY a.province_code ORDER BY count(*) DESC, a.province_code LIMIT 1
            """, new { period });
        if (code is null)
        {
            return new JobOutcome("succeeded", 0, $"Chưa có số liệu tháng {period % 100:D2}/{period / 100}: không lập báo cáo.");
        }

        var directory = AreaDirectory.Load(connection);
        var area = directory.Areas.First(a => a.Level == AreaLevel.Province && a.Code == code && a.IsValidOn(new DateOnly(period / 100, period % 100, 1)));
        var files = ReferenceFiles.Load(Home.Reference);
        var report = new AnnualReportBuilder(connection, CriteriaCatalog.Build(files, IndicatorCatalog.Build(files)), directory).Build(area, period / 100);
        var index = AnnualReportPackWriter.Write(report, Path.Combine(Home.Reports, "monthly", $"{period / 100}-{period % 100:D2}-{area.Code}"));
        return new JobOutcome("succeeded", 1, index);
    }
}
