using Ntm.Domain.Indicators;
using Ntm.Domain.Measures;
using Ntm.Domain.Periods;

namespace Ntm.Domain.Rollups;

/// <summary>
/// The rollup rules, written once: the figure of any unit for any month, from what units reported.
/// <list type="bullet">
/// <item><b>Counts</b> (month, stock, annual target): the unit's own figure; else, before
/// 2025-07-01 for a new unit, its old units' figures times their crosswalk weights; else the sum of
/// its children that reported, saying how many of the children that existed did.</item>
/// <item><b>Year-to-date of a count</b>: the unit's own cộng dồn; else the sum of its children's
/// year-to-dates (each its own cộng dồn or its sum of months); for a unit without children, the sum
/// of its months since January when every one of them is known.</item>
/// <item><b>Ratios</b>: factor × Σ numerator ÷ Σ denominator over the units that reported
/// <i>both</i> (a unit's own pair, else its children's pairs, recursively), so a numerator and a
/// denominator are never taken from different units; a flow's parts are taken with the measure
/// asked, a stock's parts as stocks. Without any pair, the unit's own written rate, marked as
/// reported; a written rate never rolls up.</item>
/// <item><b>Rates</b> known only as written: the unit's own figure; a parent has none.</item>
/// <item><b>Flags</b> (1 = meets a standard): the unit's own; a parent gets the share (%) of its
/// lowest units judged that meet it, with how many were judged.</item>
/// </list>
/// A month nobody reported is missing, never zero. Results are cached: a province's series over
/// ten years walks each commune once per month.
/// </summary>
public sealed class RollupEngine(AreaHierarchy hierarchy, StoredFigures stored, IReadOnlyDictionary<string, IndicatorRule> indicators)
{
    private const int MaxDepth = 8;
    private readonly Dictionary<(int Area, int Period, string Indicator, Measure Measure), Figure?> cache = [];
    private readonly Dictionary<(int Area, int Period, string Indicator, Measure Measure), Pair?> pairs = [];
    private readonly Dictionary<(int Area, int Period, string Indicator), (int Met, int Judged, int Expected)> shares = [];
    private readonly Dictionary<(int Area, int Year, string Indicator), Figure?> targets = [];
    private readonly Dictionary<(int Area, bool New), (int Pooled, int[] Others)> childSplits = [];

    /// <summary>The figure of <paramref name="area"/> for <paramref name="period"/>: the rule of the indicator's kind, for the measure asked.</summary>
    public Figure? Value(int area, PeriodKey period, string indicator, Measure measure)
    {
        if (!indicators.TryGetValue(indicator, out var rule))
        {
            return null;
        }

        if (stored.HasPooled && (rule.Kind != IndicatorKind.Count || !StoredFigures.IsPoolable(measure) || stored.IsPooled(area)))
        {
            // Pooled units are summed for counts by month or stock only, and are not asked themselves; anything else needs each unit's figures.
            throw new InvalidOperationException($"{indicator} ({measure}) of {area} was asked of units held only as sums.");
        }

        return rule.Kind switch
        {
            IndicatorKind.Ratio => Ratio(area, period, rule, measure),
            IndicatorKind.Rate => Own(area, period, indicator, Measure.Stock) ?? Own(area, period, indicator, Measure.ReportedRate) ?? Own(area, period, indicator, measure),
            IndicatorKind.Flag => Flag(area, period, indicator),
            _ => measure == Measure.ReportedRate ? Own(area, period, indicator, measure) : Count(area, period, indicator, measure, 0),
        };
    }

    /// <summary>
    /// A year's figure, as criteria judge it: a flow's year-to-date at December, a stock, rate or
    /// flag at the latest month of the year that has one, a ratio from its parts taken the same way.
    /// </summary>
    public (Figure? Figure, PeriodKey Period) Annual(int area, int year, string indicator)
    {
        if (!indicators.TryGetValue(indicator, out var rule))
        {
            return (null, new PeriodKey(year, 12));
        }

        var measure = rule.Kind == IndicatorKind.Count && rule.IsFlow || rule.Kind == IndicatorKind.Ratio && IsFlowRatio(rule) ? Measure.YearToDate : Measure.Stock;
        for (var month = new PeriodKey(year, 12); month.Year == year; month = month.Previous)
        {
            if (Value(area, month, indicator, measure) is { } figure)
            {
                return (figure, month);
            }

            if (measure == Measure.YearToDate)
            {
                // A year-to-date is cumulative: an earlier month's is not the year's.
                break;
            }
        }

        return (null, new PeriodKey(year, 12));
    }

    /// <summary>True when some unit stated a target of <paramref name="indicator"/>.</summary>
    public bool HoldsTargets(string indicator) => stored.Holds(indicator, Measure.TargetYear);

    /// <summary>
    /// A count's target for <paramref name="year"/>: the unit's own (the latest month of the year
    /// that states one, since a later report may revise it); else, before 2025-07-01 for a new unit,
    /// its old units' targets times their weights; else the sum of its children's targets, saying
    /// how many of the children that existed in the year stated one.
    /// </summary>
    public Figure? AnnualTarget(int area, int year, string indicator) =>
        // No unit stated a target of the indicator: none to look for under any unit.
        stored.Holds(indicator, Measure.TargetYear) ? Target(area, year, indicator, 0) : null;

    private Figure? Target(int area, int year, string indicator, int depth)
    {
        var key = (area, year, indicator);
        if (targets.TryGetValue(key, out var cached))
        {
            return cached;
        }

        Figure? figure = null;
        for (var month = new PeriodKey(year, 12); month.Year == year && figure is null; month = month.Previous)
        {
            figure = Own(area, month, indicator, Measure.TargetYear);
        }

        if (figure is null && depth <= MaxDepth)
        {
            var january = new PeriodKey(year, 1);
            if (hierarchy.UsesCrosswalk(area, january) && year < AreaHierarchy.FirstNewPeriod.Year)
            {
                figure = Weighted(hierarchy.OldUnits(area).Select(o => (o.Weight, Target(o.Old, year, indicator, depth + 1))), FigureSource.Crosswalk);
            }
            else if (hierarchy.Children(area).Where(k => hierarchy.ExistsIn(k, january) || hierarchy.ExistsIn(k, january.December)).ToList() is { Count: > 0 } kids)
            {
                figure = Weighted(kids.Select(k => (1m, Target(k, year, indicator, depth + 1))), FigureSource.Children);
            }
        }

        targets[key] = figure;
        return figure;
    }

    /// <summary>
    /// For a unit created on 2025-07-01, the months of <paramref name="period"/>'s year up to it as
    /// the rules give them (the months before the unit existed from its old units through the
    /// crosswalk, the others its own or its children's), to set beside the cộng dồn the unit itself
    /// states. Null for any other unit or year: there the unit's own cộng dồn is the only year-to-date
    /// that can disagree with nothing but itself.
    /// </summary>
    public IReadOnlyList<Figure?>? MonthsAcrossCrosswalk(int area, PeriodKey period, string indicator) =>
        indicators.TryGetValue(indicator, out var rule) && rule.Kind == IndicatorKind.Count && rule.IsFlow && hierarchy.UsesCrosswalk(area, period.January)
            ? period.YearToDate().Select(month => Count(area, month, indicator, Measure.Month, 0)).ToList()
            : null;

    /// <summary>
    /// Where a unit created on 2025-07-01 states its own cộng dồn for <paramref name="period"/> and
    /// its months since January (the first ones its old units', through the crosswalk) are all
    /// known and add up to something else: the two figures. The unit's own cộng dồn is the one the
    /// year-to-date shows.
    /// </summary>
    public (decimal Own, decimal Months)? YearToDateAcrossCrosswalk(int area, PeriodKey period, string indicator) =>
        Own(area, period, indicator, Measure.YearToDate) is { } own
        && MonthsAcrossCrosswalk(area, period, indicator) is { } months && months.All(m => m is { IsComplete: true })
        && months.Sum(m => m!.Value) is var sum && sum != own.Value
            ? (own.Value, sum)
            : null;

    private bool IsFlowRatio(IndicatorRule rule) =>
        indicators.TryGetValue(rule.NumeratorCode!, out var numerator) && numerator.IsFlow;

    private Figure? Own(int area, PeriodKey period, string indicator, Measure measure) =>
        stored.Get(area, period, indicator, measure) is { } value ? new Figure(value, FigureSource.Own) : null;

    /// <summary>A count with any measure but reported_rate.</summary>
    private Figure? Count(int area, PeriodKey period, string indicator, Measure measure, int depth)
    {
        if (stored.HasPooled && stored.IsPooled(area))
        {
            // Reached through the crosswalk or a unit's months: a pooled unit's own figures are not held.
            throw new InvalidOperationException($"{indicator} ({measure}) of {area} was asked of a unit held only in its parent's sum.");
        }

        // A unit's own figure is one lookup: only what the rules derive is remembered.
        if (Own(area, period, indicator, measure) is { } own)
        {
            return own;
        }

        var key = (area, period.Key, indicator, measure);
        if (cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var figure = depth > MaxDepth ? null : Derive(area, period, indicator, measure, depth);
        cache[key] = figure;
        return figure;
    }

    private Figure? Derive(int area, PeriodKey period, string indicator, Measure measure, int depth)
    {
        if (measure == Measure.YearToDate && OwnMonths(area, period, indicator) is { } sum)
        {
            // The unit's own months since January, all of them.
            return new Figure(sum, FigureSource.Months);
        }

        if (hierarchy.UsesCrosswalk(area, period))
        {
            return Weighted(hierarchy.OldUnits(area).Select(o => (o.Weight, Count(o.Old, period, indicator, measure, depth + 1))), FigureSource.Crosswalk);
        }

        var kids = hierarchy.Children(area, period);
        if (kids.Count > 0)
        {
            if (stored.HasPooled && PooledChildren(area, period, kids) is { Pooled: > 0 } split)
            {
                // The children without children of their own, held as one sum (their own figures).
                if (!StoredFigures.IsPoolable(measure))
                {
                    throw new InvalidOperationException($"Figures of measure {measure} were asked of units held only as sums.");
                }

                return Weighted(split.Others.Select(k => (1m, Count(k, period, indicator, measure, depth + 1))), FigureSource.Children,
                    stored.Pooled(area, period, indicator, measure), split.Pooled);
            }

            return Weighted(kids.Select(k => (1m, Count(k, period, indicator, measure, depth + 1))), FigureSource.Children);
        }

        if (measure == Measure.YearToDate)
        {
            // A unit without children: the sum of its months since January (those before 2025-07-01
            // of a new unit come from its old units), when all are known.
            decimal total = 0;
            foreach (var month in period.YearToDate())
            {
                if (Count(area, month, indicator, Measure.Month, depth + 1) is not { } value)
                {
                    return null;
                }

                total += value.Value;
            }

            return new Figure(total, FigureSource.Months);
        }

        return null;
    }

    /// <summary>How many of a unit's children in <paramref name="period"/> are held in its pooled sum, and the others (the same for every month of a generation).</summary>
    private (int Pooled, int[] Others) PooledChildren(int area, PeriodKey period, IReadOnlyList<int> kids)
    {
        var key = (area, period >= AreaHierarchy.FirstNewPeriod);
        if (!childSplits.TryGetValue(key, out var split))
        {
            split = (kids.Count(stored.IsPooled), kids.Where(k => !stored.IsPooled(k)).ToArray());
            childSplits[key] = split;
        }

        return split;
    }

    private decimal? OwnMonths(int area, PeriodKey period, string indicator)
    {
        decimal total = 0;
        foreach (var month in period.YearToDate())
        {
            if (stored.Get(area, month, indicator, Measure.Month) is not { } value)
            {
                return null;
            }

            total += value;
        }

        return total;
    }

    /// <summary>
    /// The weighted sum of the parts that have a figure, and how many of them gave a whole one: a
    /// part that is itself a partial total (a former district 8/9 through the crosswalk) counts as
    /// not reported, so that what is missing below never disappears above. Null when none has a figure.
    /// </summary>
    private static Figure? Weighted(IEnumerable<(decimal Weight, Figure? Figure)> parts, FigureSource source, (decimal Sum, int Reported)? pooled = null, int pooledExpected = 0)
    {
        // Pooled parts (units held as one sum, each a whole own figure) count as the parts they are.
        decimal? total = pooled?.Sum;
        var reported = pooled?.Reported ?? 0;
        var expected = pooledExpected;
        foreach (var (weight, figure) in parts)
        {
            expected++;
            if (figure is not null)
            {
                total = (total ?? 0) + (weight * figure.Value);
                reported += figure.IsComplete ? 1 : 0;
            }
        }

        return total is { } value ? new Figure(value, source, reported, expected) : null;
    }

    private Figure? Ratio(int area, PeriodKey period, IndicatorRule rule, Measure measure)
    {
        if (measure == Measure.ReportedRate)
        {
            return Own(area, period, rule.Code, Measure.ReportedRate);
        }

        if (PairOf(area, period, rule, measure, 0) is { } pair && pair.Denominator != 0)
        {
            var source = pair.Source == FigureSource.Own ? FigureSource.Computed : pair.Source;
            return new Figure(rule.Factor * pair.Numerator / pair.Denominator, source, pair.Reported, pair.Expected, pair.Numerator, pair.Denominator);
        }

        // No unit gave both parts: the unit's own written rate, if it wrote one; a parent has none.
        return Own(area, period, rule.Code, Measure.ReportedRate) is { } written ? written with { Source = FigureSource.Reported } : null;
    }

    /// <summary>A ratio's numerator and denominator, summed over the same units: the unit's own pair, else its old units' or children's.</summary>
    private Pair? PairOf(int area, PeriodKey period, IndicatorRule rule, Measure measure, int depth)
    {
        var key = (area, period.Key, rule.Code, measure);
        if (pairs.TryGetValue(key, out var cached))
        {
            return cached;
        }

        Pair? pair = null;
        if (OwnPart(area, period, rule.NumeratorCode!, measure) is { } numerator && OwnPart(area, period, rule.DenominatorCode!, measure) is { } denominator)
        {
            pair = new Pair(numerator, denominator, FigureSource.Own, null, null);
        }
        else if (depth <= MaxDepth && hierarchy.UsesCrosswalk(area, period))
        {
            pair = Sum(hierarchy.OldUnits(area).Select(o => (o.Weight, PairOf(o.Old, period, rule, measure, depth + 1))), FigureSource.Crosswalk);
        }
        else if (depth <= MaxDepth && hierarchy.Children(area, period) is { Count: > 0 } kids)
        {
            pair = Sum(kids.Select(k => (1m, PairOf(k, period, rule, measure, depth + 1))), FigureSource.Children);
        }

        pairs[key] = pair;
        return pair;
    }

    /// <summary>A part the unit reported itself: a flow with the measure asked (a year-to-date may be its months), a stock as a stock.</summary>
    private decimal? OwnPart(int area, PeriodKey period, string code, Measure measure)
    {
        var flow = indicators.TryGetValue(code, out var part) && part.IsFlow;
        var partMeasure = flow && measure is Measure.Month or Measure.YearToDate ? measure : Measure.Stock;
        if (stored.Get(area, period, code, partMeasure) is { } value)
        {
            return value;
        }

        if (partMeasure == Measure.YearToDate)
        {
            decimal total = 0;
            foreach (var month in period.YearToDate())
            {
                if (stored.Get(area, month, code, Measure.Month) is not { } monthValue)
                {
                    return null;
                }

                total += monthValue;
            }

            return total;
        }

        return null;
    }

    private static Pair? Sum(IEnumerable<(decimal Weight, Pair? Pair)> parts, FigureSource source)
    {
        decimal numerator = 0, denominator = 0;
        int reported = 0, expected = 0;
        var any = false;
        foreach (var (weight, pair) in parts)
        {
            expected++;
            if (pair is not null)
            {
                any = true;
                numerator += weight * pair.Numerator;
                denominator += weight * pair.Denominator;
                reported += pair.Expected is null || pair.Reported >= pair.Expected ? 1 : 0;
            }
        }

        return any ? new Pair(numerator, denominator, source, reported, expected) : null;
    }

    private Figure? Flag(int area, PeriodKey period, string indicator)
    {
        if (Own(area, period, indicator, Measure.Stock) is { } own)
        {
            return own;
        }

        var (met, judged, expected) = Share(area, period, indicator, 0);
        return judged == 0 ? null : new Figure(100m * met / judged, FigureSource.Share, judged, expected, met, judged);
    }

    /// <summary>Among the lowest units under <paramref name="area"/>: how many meet, how many were judged, how many existed.</summary>
    private (int Met, int Judged, int Expected) Share(int area, PeriodKey period, string indicator, int depth)
    {
        var key = (area, period.Key, indicator);
        if (shares.TryGetValue(key, out var cached))
        {
            return cached;
        }

        (int Met, int Judged, int Expected) result;
        var kids = hierarchy.Children(area, period);
        if (kids.Count == 0 || depth > MaxDepth)
        {
            var own = stored.Get(area, period, indicator, Measure.Stock);
            result = (own is > 0 ? 1 : 0, own is null ? 0 : 1, 1);
        }
        else
        {
            result = (0, 0, 0);
            foreach (var kid in kids)
            {
                var (met, judged, expected) = Share(kid, period, indicator, depth + 1);
                result = (result.Met + met, result.Judged + judged, result.Expected + expected);
            }
        }

        shares[key] = result;
        return result;
    }

    private sealed record Pair(decimal Numerator, decimal Denominator, FigureSource Source, int? Reported, int? Expected);
}
