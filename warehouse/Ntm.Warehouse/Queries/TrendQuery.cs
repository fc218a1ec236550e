using System.Data.Common;
using Dapper;
using Ntm.Domain.Areas;
using Ntm.Domain.Indicators;
using Ntm.Domain.Measures;
using Ntm.Domain.Periods;
using Ntm.Domain.Rollups;

namespace Ntm.Warehouse.Queries;

/// <summary>
/// One month of an indicator for one area, with what a statistician compares it with: the
/// previous month, the same month last year (so với cùng kỳ), the change, and the share of the
/// annual target reached. Missing months stay null. A figure rolled up from units says how many
/// of the units that existed reported (<see cref="UnitsReported"/> of <see cref="UnitsExpected"/>);
/// the change against last year is computed only when both totals are complete.
/// </summary>
public sealed record TrendPoint(
    string AreaCode,
    string AreaName,
    PeriodKey Period,
    decimal? Value,
    decimal? PreviousMonth,
    decimal? SamePeriodLastYear,
    decimal? Change,
    decimal? PercentChange,
    decimal? AnnualTarget,
    decimal? PercentOfTarget,
    FigureSource? Source,
    int? UnitsReported,
    int? UnitsExpected,
    decimal? Numerator,
    decimal? Denominator)
{
    /// <summary>The source's code (own, months, children, crosswalk, computed, reported, share), or null when there is no value.</summary>
    public string? SourceCode => Source?.ToCode();

    /// <summary>False when some of the units expected to make up the figure did not report.</summary>
    public bool IsComplete => UnitsExpected is null || UnitsReported >= UnitsExpected;

    /// <summary>Why a change against last year is missing although both figures are there.</summary>
    public string? Note { get; init; }
}

/// <summary>
/// Monthly series, year-to-date, comparisons and a year's figure, all answered by the rollup
/// rules of <see cref="RollupEngine"/>.
/// </summary>
public sealed class TrendQuery(DbConnection connection)
{
    /// <summary>
    /// The series of <paramref name="indicator"/> for <paramref name="areas"/> from <paramref name="from"/> to
    /// <paramref name="to"/>, as monthly values or year-to-date (<paramref name="measure"/>; a stock is its level at each month).
    /// </summary>
    public IReadOnlyList<TrendPoint> Series(string indicator, IReadOnlyList<AreaRecord> areas, PeriodKey from, PeriodKey to, Measure measure)
    {
        // A count by month or stock needs only totals of the units below those asked, unless some unit
        // states a target (progress towards it is a year-to-date, which needs each unit's months).
        var pool = measure != Measure.YearToDate && RollupLoader.Rules(connection).TryGetValue(indicator, out var rule) && rule.Kind == IndicatorKind.Count;
        var engine = Engine([indicator], areas, from, to, pool);
        if (pool && engine.Engine.HoldsTargets(indicator))
        {
            engine = Engine([indicator], areas, from, to);
        }

        return Series(engine.Engine, engine.Rules[indicator], areas, from, to, measure);
    }

    /// <summary>The year's figure of <paramref name="indicator"/> for each of <paramref name="areas"/>, as criteria judge it (<see cref="RollupEngine.Annual"/>).</summary>
    public IReadOnlyList<Figure?> Annual(string indicator, IReadOnlyList<AreaRecord> areas, int year)
    {
        var (engine, _) = Engine([indicator], areas, new PeriodKey(year, 1), new PeriodKey(year, 12));
        return areas.Select(a => engine.Annual(a.AreaId, year, indicator).Figure).ToList();
    }

    /// <summary>The rules over what <paramref name="indicators"/> need, checked against the catalogue.</summary>
    internal (RollupEngine Engine, IReadOnlyDictionary<string, IndicatorRule> Rules) Engine(IReadOnlyCollection<string> indicators, IReadOnlyList<AreaRecord> areas, PeriodKey from, PeriodKey to, bool poolLeaves = false)
    {
        var rules = RollupLoader.Rules(connection);
        foreach (var indicator in indicators.Where(i => !rules.ContainsKey(i)))
        {
            throw new Ntm.Domain.Errors.UnknownCodeException("chỉ tiêu", indicator, Ntm.Domain.Errors.UnknownCodeException.NearestOf(indicator, rules.Keys), "Xem danh mục: ntm indicators --search TỪ.");
        }

        // Last year's months for the comparison, and January for year-to-date sums.
        return (RollupLoader.Load(connection, areas.Select(a => a.AreaId).ToList(), indicators, new PeriodKey(from.Year - 1, 1), to, poolLeaves: poolLeaves), rules);
    }

    private static List<TrendPoint> Series(RollupEngine engine, IndicatorRule rule, IReadOnlyList<AreaRecord> areas, PeriodKey from, PeriodKey to, Measure measure)
    {
        // A stock count (population, people insured) is its level at each month, whatever was asked.
        if (rule.Kind == IndicatorKind.Count && !rule.IsFlow && measure is Measure.Month or Measure.YearToDate)
        {
            measure = Measure.Stock;
        }

        var points = new List<TrendPoint>();
        foreach (var area in areas)
        {
            foreach (var period in PeriodKey.Range(from, to))
            {
                var figure = engine.Value(area.AreaId, period, rule.Code, measure);
                var previous = engine.Value(area.AreaId, period.Previous, rule.Code, measure);
                var lastYear = engine.Value(area.AreaId, period.SameMonthLastYear, rule.Code, measure);
                var comparable = figure is not null && lastYear is not null && figure.IsComplete && lastYear.IsComplete && figure.Source != FigureSource.Share;
                var target = rule.Kind == IndicatorKind.Count ? engine.AnnualTarget(area.AreaId, period.Year, rule.Code) : null;
                // The year-to-date only measures progress towards a target.
                var ytd = target is { Value: not 0 } && rule.Kind == IndicatorKind.Count && rule.IsFlow ? engine.Value(area.AreaId, period, rule.Code, Measure.YearToDate) : null;
                points.Add(new TrendPoint(
                    area.Code, area.FullName, period, figure?.Value, previous?.Value, lastYear?.Value,
                    comparable ? figure!.Value - lastYear!.Value : null,
                    comparable && lastYear!.Value != 0 ? Math.Round(100m * (figure!.Value - lastYear.Value) / lastYear.Value, 4) : null,
                    target?.Value,
                    ytd is not null && target is { Value: not 0 } t ? Math.Round(100m * ytd.Value / t.Value, 4) : null,
                    figure?.Source, figure?.UnitsReported, figure?.UnitsExpected, figure?.Numerator, figure?.Denominator)
                {
                    Note = Notes(
                        figure is not null && lastYear is not null && !comparable && figure.Source != FigureSource.Share ? "Không so cùng kỳ: tổng chưa đủ đơn vị báo cáo." : null,
                        measure == Measure.YearToDate && figure?.Source == FigureSource.Own ? YearToDateNote(engine.YearToDateAcrossCrosswalk(area.AreaId, period, rule.Code)) : null),
                });
            }
        }

        return points;
    }

    /// <summary>What a statistician must know about a 2025 year-to-date whose first months come from the old units.</summary>
    internal static string? YearToDateNote((decimal Own, decimal Months)? mismatch) =>
        mismatch is { } m
            ? $"Cộng dồn đơn vị báo ({VietnameseNumber(m.Own)}) khác tổng các tháng từ tháng 1 ({VietnameseNumber(m.Months)}; các tháng trước 7/2025 lấy từ các đơn vị cũ theo bảng chuyển đổi). Số hiển thị là cộng dồn đơn vị báo."
            : null;

    private static string? Notes(params string?[] notes) =>
        notes.OfType<string>().ToList() is { Count: > 0 } some ? string.Join(" ", some) : null;

    private static string VietnameseNumber(decimal value) =>
        decimal.Round(value, 4).ToString("#,##0.####", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));

    /// <summary>The children of <paramref name="area"/> that exist in the area's generation, for a breakdown or ranking.</summary>
    public static IReadOnlyList<AreaRecord> ChildrenOf(AreaDirectory directory, AreaRecord area) =>
        directory.Areas.Where(a => a.ParentId == area.AreaId).OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
}
