using System.Data.Common;
using Dapper;
using Ntm.Domain.Areas;

namespace Ntm.Warehouse.Queries;

/// <summary>
/// One month of an indicator for one area, with what a statistician compares it with: the
/// previous month, the same month last year (so với cùng kỳ), the change, and the share of the
/// annual target reached. Missing months stay null. <see cref="Source"/> says whether a ratio was
/// computed from its numerator and denominator or is the rate the submitter reported.
/// </summary>
public sealed record TrendPoint(
    string AreaCode,
    string AreaName,
    string Period,
    decimal? Value,
    decimal? PreviousMonth,
    decimal? SamePeriodLastYear,
    decimal? Change,
    decimal? PercentChange,
    decimal? AnnualTarget,
    decimal? PercentOfTarget,
    string? Source);

/// <summary>Monthly series, year-to-date, comparisons and rankings, over the rolled-up cube.</summary>
public sealed class TrendQuery(DbConnection connection)
{
    /// <summary>The indicator's kind and parts, from the catalogue.</summary>
    private sealed record Indicator(string Code, string Kind, string? NumeratorCode, string? DenominatorCode, decimal? Factor);

    /// <summary>
    /// The series of <paramref name="indicator"/> for <paramref name="areas"/> from <paramref name="from"/> to
    /// <paramref name="to"/> (yyyymm), as monthly values or year-to-date (<paramref name="measure"/>).
    /// </summary>
    public IReadOnlyList<TrendPoint> Series(string indicator, IReadOnlyList<AreaRecord> areas, int from, int to, string measure)
    {
        var definition = connection.QuerySingleOrDefault<Indicator>(
            "SELECT indicator_code AS Code, kind AS Kind, numerator_code AS NumeratorCode, denominator_code AS DenominatorCode, factor AS Factor FROM dim_indicator WHERE indicator_code = $indicator",
            new { indicator }) ?? throw new ArgumentException($"Chỉ tiêu '{indicator}' không có trong danh mục.", nameof(indicator));
        var codes = new[] { definition.Code, definition.NumeratorCode, definition.DenominatorCode }.OfType<string>().ToArray();
        // Last year's months for the comparison, and January for year-to-date sums.
        var cube = ObservationCube.Load(connection, areas.Select(a => a.AreaId).ToList(), codes, ((from / 100) - 1) * 100 + 1, to);
        return Series(cube, definition, areas, from, to, measure);
    }

    /// <summary>
    /// Several indicators' series over one cube, loaded once: what compliance and reports ask for
    /// many areas and criteria at a time.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<TrendPoint>> SeriesOfMany(IReadOnlyCollection<string> indicators, IReadOnlyList<AreaRecord> areas, int from, int to, string measure)
    {
        var definitions = connection.Query<Indicator>(
            "SELECT indicator_code AS Code, kind AS Kind, numerator_code AS NumeratorCode, denominator_code AS DenominatorCode, factor AS Factor FROM dim_indicator WHERE indicator_code IN $indicators",
            new { indicators = indicators.ToArray() }).ToList();
        var codes = definitions.SelectMany(d => new[] { d.Code, d.NumeratorCode, d.DenominatorCode }).OfType<string>().Distinct().ToArray();
        var cube = ObservationCube.Load(connection, areas.Select(a => a.AreaId).ToList(), codes, ((from / 100) - 1) * 100 + 1, to);
        return definitions.ToDictionary(d => d.Code, d => (IReadOnlyList<TrendPoint>)Series(cube, d, areas, from, to, measure));
    }

    private static List<TrendPoint> Series(ObservationCube cube, Indicator definition, IReadOnlyList<AreaRecord> areas, int from, int to, string measure)
    {
        var points = new List<TrendPoint>();
        foreach (var area in areas)
        {
            foreach (var period in Months(from, to))
            {
                var (value, source) = ValueAt(cube, definition, area.AreaId, period, measure);
                var previous = period % 100 == 1 ? ValueAt(cube, definition, area.AreaId, period - 89, measure).Value : ValueAt(cube, definition, area.AreaId, period - 1, measure).Value;
                var lastYear = ValueAt(cube, definition, area.AreaId, period - 100, measure).Value;
                var target = definition.Kind == "count" ? cube.Value(area.AreaId, period, definition.Code, "target_year") : null;
                var ytd = definition.Kind == "count" ? ValueAt(cube, definition, area.AreaId, period, "ytd").Value : null;
                points.Add(new TrendPoint(
                    area.Code, area.Name, $"{period / 100:D4}-{period % 100:D2}", value, previous, lastYear,
                    value - lastYear,
                    value is { } v && lastYear is { } l && l != 0 ? Math.Round(100m * (v - l) / l, 4) : null,
                    target,
                    ytd is { } y && target is { } t && t != 0 ? Math.Round(100m * y / t, 4) : null,
                    value is null ? null : source));
            }
        }

        return points;
    }

    /// <summary>The children of <paramref name="area"/> that exist in the area's generation, for a breakdown or ranking.</summary>
    public static IReadOnlyList<AreaRecord> ChildrenOf(AreaDirectory directory, AreaRecord area) =>
        directory.Areas.Where(a => a.ParentId == area.AreaId).OrderBy(a => a.Code, StringComparer.Ordinal).ToList();

    /// <summary>Months from <paramref name="from"/> to <paramref name="to"/> (yyyymm), inclusive.</summary>
    public static IEnumerable<int> Months(int from, int to)
    {
        for (var period = from; period <= to; period = period % 100 == 12 ? period + 89 : period + 1)
        {
            yield return period;
        }
    }

    private static (decimal? Value, string? Source) ValueAt(ObservationCube cube, Indicator indicator, int area, int period, string measure)
    {
        if (indicator.Kind == "ratio")
        {
            // factor × Σ numerator ÷ Σ denominator, parts as stocks (people insured, population) or as the measure asked.
            foreach (var partMeasure in new[] { "stock", measure }.Distinct())
            {
                var numerator = PartValue(cube, indicator.NumeratorCode!, area, period, partMeasure);
                var denominator = PartValue(cube, indicator.DenominatorCode!, area, period, partMeasure);
                if (numerator is { } n && denominator is { } d && d != 0)
                {
                    return (indicator.Factor!.Value * n / d, "computed");
                }
            }

            return cube.Value(area, period, indicator.Code, "reported_rate") is { } reported ? (reported, "reported") : (null, null);
        }

        if (indicator.Kind == "rate")
        {
            var own = cube.Value(area, period, indicator.Code, "stock") ?? cube.Value(area, period, indicator.Code, "reported_rate");
            return (own, own is null ? null : "reported");
        }

        return (PartValue(cube, indicator.Code, area, period, measure), "sum");
    }

    /// <summary>A count: as stored, or year-to-date as the sum of the months since January when every one of them is known.</summary>
    private static decimal? PartValue(ObservationCube cube, string code, int area, int period, string measure)
    {
        if (cube.Value(area, period, code, measure) is { } stored)
        {
            return stored;
        }

        if (measure != "ytd")
        {
            return null;
        }

        decimal total = 0;
        foreach (var month in Months(((period / 100) * 100) + 1, period))
        {
            if (cube.Value(area, month, code, "month") is not { } value)
            {
                return null;
            }

            total += value;
        }

        return total;
    }
}
