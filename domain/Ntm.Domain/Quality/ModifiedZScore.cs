namespace Ntm.Domain.Quality;

/// <summary>A value judged against its own history: the score, and the range the history expects.</summary>
public sealed record OutlierScore(decimal Z, decimal Median, decimal Low, decimal High, int History);

/// <summary>
/// Iglewicz and Hoaglin's modified z-score, z = 0.6745 (x − median) / MAD, robust to the outliers
/// earlier years themselves hold. When MAD is 0 (a history of equal values) the mean absolute
/// deviation stands in, z = (x − median) / (1.2533 · MeanAD) (the usual fallback); when
/// that is 0 too, any other value is an outlier and an equal one is not.
/// </summary>
public static class ModifiedZScore
{
    private const decimal Consistency = 0.6745m;
    private const decimal MeanDeviationScale = 1.253314m;

    /// <summary>Scores <paramref name="value"/> against <paramref name="history"/>; null below <paramref name="minimumHistory"/> values.</summary>
    public static OutlierScore? Score(decimal value, IReadOnlyCollection<decimal> history, decimal threshold = 3.5m, int minimumHistory = 3)
    {
        if (history.Count < Math.Max(1, minimumHistory))
        {
            return null;
        }

        var median = Median(history);
        var mad = Median(history.Select(h => Math.Abs(h - median)).ToList());
        decimal spread;
        if (mad > 0)
        {
            spread = mad / Consistency;
        }
        else
        {
            var meanDeviation = history.Average(h => Math.Abs(h - median));
            spread = MeanDeviationScale * meanDeviation;
            if (meanDeviation == 0)
            {
                var z = value == median ? 0m : value > median ? decimal.MaxValue / 4 : decimal.MinValue / 4;
                return new OutlierScore(z, median, median, median, history.Count);
            }
        }

        return new OutlierScore((value - median) / spread, median, median - (threshold * spread), median + (threshold * spread), history.Count);
    }

    /// <summary>The median.</summary>
    public static decimal Median(IReadOnlyCollection<decimal> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
