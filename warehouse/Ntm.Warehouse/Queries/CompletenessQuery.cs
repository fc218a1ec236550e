using System.Data.Common;
using Dapper;
using Ntm.Domain.Areas;
using Ntm.Domain.Periods;

namespace Ntm.Warehouse.Queries;

/// <summary>A unit that has not sent a report it must send: the unit, the data set, and whether it is overdue.</summary>
public sealed record CompletenessGap(int AreaId, string AreaCode, string AreaName, string Template, bool Overdue, string Message);

/// <summary>
/// Who has not reported for a month, for every province in force that month: the reporting review of
/// <see cref="QualityQuery"/> (units that must report a data set, from <c>reporting_duty</c>, and
/// those that did not, a commune left out of its district's file included); and the record of the gaps found.
/// </summary>
public sealed class CompletenessQuery(DbConnection connection)
{
    private static readonly HashSet<string> MissingRules = ["missing", "missing_overdue", "missing_in_file"];

    /// <summary>The gaps of <paramref name="period"/> as of <paramref name="now"/>, by unit code and data set.</summary>
    public IReadOnlyList<CompletenessGap> Gaps(PeriodKey period, DateTimeOffset now, QualityOptions? options = null)
    {
        var directory = Areas.AreaDirectoryLoader.Load(connection);
        var query = new QualityQuery(connection, directory);
        var gaps = new List<CompletenessGap>();
        var provinces = directory.Areas.Where(a => a.Level == AreaLevel.Province && a.IsValidOn(period.LastDay)).ToList();
        foreach (var items in query.Completeness(period, provinces, now, options))
        {
            foreach (var item in items.Where(i => MissingRules.Contains(i.Rule)))
            {
                var unit = directory.Areas.First(a => a.Code == item.AreaCode && a.IsValidOn(period.LastDay));
                gaps.Add(new CompletenessGap(unit.AreaId, unit.Code, unit.FullName, item.DataSet!, item.Overdue, item.Message));
            }
        }

        return gaps.DistinctBy(g => (g.AreaId, g.Template)).OrderBy(g => g.AreaCode, StringComparer.Ordinal).ThenBy(g => g.Template, StringComparer.Ordinal).ToList();
    }

    /// <summary>Replaces the recorded gaps of <paramref name="period"/> with <paramref name="gaps"/>, in one transaction.</summary>
    public void Record(PeriodKey period, IReadOnlyList<CompletenessGap> gaps, DateTime foundAtUtc)
    {
        using var transaction = connection.BeginTransaction();
        connection.Execute("DELETE FROM completeness_gap WHERE period_key = $period", new { period = period.Key }, transaction);
        foreach (var gap in gaps)
        {
            connection.Execute("INSERT INTO completeness_gap VALUES ($period, $area, $template, $late, $at)",
                new { period = period.Key, area = gap.AreaId, template = gap.Template, late = gap.Overdue, at = foundAtUtc }, transaction);
        }

        transaction.Commit();
    }
}
