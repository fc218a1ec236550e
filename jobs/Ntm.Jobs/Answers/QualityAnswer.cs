using System.Data.Common;
using Ntm.Domain.Areas;
using Ntm.Domain.Periods;
using Ntm.Domain.Quality;
using Ntm.Jobs.Cli;
using Ntm.Jobs.Scheduling;
using Ntm.Warehouse.Queries;

namespace Ntm.Jobs.Answers;

/// <summary>
/// The answer to <c>ntm quality</c> and to the dashboard's quality page: the month, the unit
/// reviewed, and the review's items, most important first.
/// </summary>
public sealed record QualityAnswer(PeriodKey Period, AreaRecord Root, IReadOnlyList<QualityItem> Items)
{
    /// <summary>The Vietnamese names of the indicators the items are about, by code.</summary>
    public IReadOnlyDictionary<string, string> IndicatorNames { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Reviews <paramref name="period"/> (default: the latest month with figures) for <paramref name="area"/>
    /// (default: the province with the most figures that month).
    /// </summary>
    public static QualityAnswer Ask(DbConnection connection, AreaDirectory directory, ScheduleSettings settings, PeriodKey? period, string? area, DateTimeOffset now)
    {
        var coverage = new CoverageQuery(connection);
        var month = period ?? coverage.LatestMonth() ?? throw new UsageException("Kho chưa có số liệu; hãy nạp báo cáo trước (ntm ingest).");
        var root = area is not null
            ? TrendAnswer.Find(directory, area, month.LastDay)
            : coverage.BusiestProvince(month, month) is { } code
                ? directory.Areas.FirstOrDefault(a => a.Code == code && a.Level == AreaLevel.Province && a.IsValidOn(month.LastDay))
                  ?? TrendAnswer.Find(directory, code, month.LastDay)
                : throw new UsageException($"Tháng {month} chưa có số liệu; chỉ định --area.");
        var items = new QualityQuery(connection, directory).Review(month, root, now, new QualityOptions(DeadlineDay: settings.ReportingDeadlineDay, TimeZone: settings.TimeZone));
        var codes = items.Select(i => i.IndicatorCode).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var names = new Ntm.Warehouse.Queries.IndicatorQuery(connection).List().Where(i => codes.Contains(i.Code)).ToDictionary(i => i.Code, i => i.NameVi, StringComparer.Ordinal);
        return new QualityAnswer(month, root, items) { IndicatorNames = names };
    }
}
