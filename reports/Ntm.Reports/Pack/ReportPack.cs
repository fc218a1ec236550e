using System.Data.Common;
using Ntm.Domain.Areas;
using Ntm.Domain.Periods;
using Ntm.Warehouse.Queries;

namespace Ntm.Reports.Pack;

/// <summary>
/// Builds and writes a report pack from the warehouse: the one path taken by <c>ntm report annual</c>
/// and by the scheduled monthly report.
/// </summary>
public static class ReportPack
{
    /// <summary>The province with the most figures from <paramref name="from"/> to <paramref name="to"/>, in force on <paramref name="asOf"/>; null when there are none.</summary>
    public static AreaRecord? BusiestProvince(DbConnection connection, AreaDirectory areas, PeriodKey from, PeriodKey to, DateOnly asOf) =>
        new CoverageQuery(connection).BusiestProvince(from, to) is { } code
            ? areas.Areas.FirstOrDefault(a => a.Level == AreaLevel.Province && a.Code == code && a.IsValidOn(asOf))
            : null;

    /// <summary>
    /// Writes the report of <paramref name="area"/> for <paramref name="year"/> (up to <paramref name="through"/> for a
    /// monthly report) into <paramref name="folder"/>, with the warehouse's criteria and, when
    /// <paramref name="review"/> says when and how, the data-quality review of its last month in the
    /// annex; returns index.html.
    /// </summary>
    public static string Write(DbConnection connection, AreaDirectory areas, AreaRecord area, int year, string folder, PeriodKey? through = null, QualityReviewAt? review = null)
    {
        var criteria = CriteriaQuery.Load(connection);
        var report = new AnnualReportBuilder(connection, criteria, areas, review).Build(area, year, through);
        return AnnualReportPackWriter.Write(report, folder);
    }
}
