using System.Data.Common;
using Dapper;
using Ntm.Domain.Areas;
using Ntm.Warehouse.ReferenceData;

namespace Ntm.Reports.Pack;

/// <summary>
/// Builds and writes a report pack from the warehouse: the one path taken by <c>ntm report annual</c>
/// and by the scheduled monthly report.
/// </summary>
public static class ReportPack
{
    /// <summary>The province with the most figures between two months (yyyymm), in force on <paramref name="asOf"/>; null when there are none.</summary>
    public static AreaRecord? BusiestProvince(DbConnection connection, AreaDirectory areas, int fromPeriod, int toPeriod, DateOnly asOf)
    {
        var code = connection.ExecuteScalar<string?>("""
            SELECT a.province_code FROM v_observation o JOIN dim_area a ON a.area_id = o.area_id
            WHERE o.period_key BETWEEN $fromPeriod AND $toPeriod GROUP BY a.province_code ORDER BY count(*) DESC, a.province_code LIMIT 1
            """, new { fromPeriod, toPeriod });
        return code is null ? null : areas.Areas.FirstOrDefault(a => a.Level == AreaLevel.Province && a.Code == code && a.IsValidOn(asOf));
    }

    /// <summary>Writes the report of <paramref name="area"/> for <paramref name="year"/> into <paramref name="folder"/>, with the criteria of <paramref name="referenceFolder"/>; returns index.html.</summary>
    public static string Write(DbConnection connection, AreaDirectory areas, string referenceFolder, AreaRecord area, int year, string folder)
    {
        var files = ReferenceFiles.Load(referenceFolder);
        var criteria = CriteriaCatalog.Build(files, IndicatorCatalog.Build(files));
        var report = new AnnualReportBuilder(connection, criteria, areas).Build(area, year);
        return AnnualReportPackWriter.Write(report, folder);
    }
}
