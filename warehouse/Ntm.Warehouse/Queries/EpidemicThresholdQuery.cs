using System.Data.Common;
using Dapper;
using Ntm.Domain.Areas;
using Ntm.Domain.Measures;
using Ntm.Domain.Periods;
using Ntm.Domain.Quality;

namespace Ntm.Warehouse.Queries;

/// <summary>
/// Each month's official epidemic threshold of one unit (Thông tư 15/2026/TT-BYT, <see cref="EpidemicMethods.Official"/>):
/// the same month of the five years before through the crosswalk, the declared epidemic years of the
/// unit, its parents or the old units it took over left out. The one definition the trend chart and
/// the report pack draw as a band.
/// </summary>
public static class EpidemicThresholdQuery
{
    /// <summary>The verdict of each month from <paramref name="from"/> to <paramref name="to"/>; null for a month without the five years.</summary>
    public static IReadOnlyList<OfficialVerdict?> Monthly(DbConnection connection, AreaDirectory directory, string indicator, AreaRecord area, PeriodKey from, PeriodKey to)
    {
        var history = new TrendQuery(connection).Series(indicator, [area], from.AddMonths(-12 * EpidemicMethods.OfficialYears), to, Measure.Month)
            .Where(p => p.Value is not null).ToDictionary(p => p.Period, p => p.Value!.Value);
        var units = new HashSet<int>();
        var stack = new Stack<int>([area.AreaId, .. new CoverageQuery(connection).Predecessors(area.AreaId)]);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (units.Add(id) && directory.TryGet(id)?.ParentId is { } parent)
            {
                stack.Push(parent);
            }
        }

        var epidemic = connection.Query<(int Area, int Year)>("SELECT area_id, year FROM epidemic_year WHERE indicator_code = $indicator", new { indicator })
            .Where(e => units.Contains(e.Area)).Select(e => e.Year).ToHashSet();
        return PeriodKey.Range(from, to).Select(month =>
        {
            var years = Enumerable.Range(1, EpidemicMethods.OfficialYears)
                .Select(k => month.AddMonths(-12 * k))
                .Where(history.ContainsKey)
                .Select(p => new BaselineYear(p.Year, history[p], epidemic.Contains(p.Year)))
                .ToList();
            var verdict = EpidemicMethods.Official(history.GetValueOrDefault(month), years);
            return verdict.Status == OfficialStatus.NotEnoughYears ? null : verdict;
        }).ToList();
    }
}
