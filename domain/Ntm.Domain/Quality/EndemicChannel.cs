namespace Ntm.Domain.Quality;

/// <summary>
/// The endemic channel of a disease for one area and calendar month, from the same month of the
/// previous years (up to five): the mean and mean + 2 standard deviations (sample), and the
/// median and third quartile as the robust variant. Fewer than three earlier years draw no channel.
/// </summary>
public sealed record EndemicChannel(decimal Mean, decimal Upper, decimal Median, decimal ThirdQuartile, int Years)
{
    /// <summary>The fewest earlier years a channel is drawn from.</summary>
    public const int MinimumYears = 3;

    /// <summary>The channel from <paramref name="earlierYears"/> (the same month, one value per year), or null with fewer than <see cref="MinimumYears"/>.</summary>
    public static EndemicChannel? Of(IReadOnlyCollection<decimal> earlierYears)
    {
        if (earlierYears.Count < MinimumYears)
        {
            return null;
        }

        var values = earlierYears.Select(v => (double)v).ToList();
        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        return new EndemicChannel((decimal)mean, (decimal)(mean + (2 * sd)), ModifiedZScore.Median(earlierYears), Quantile(earlierYears, 0.75m), earlierYears.Count);
    }

    /// <summary>Whether <paramref name="cases"/> lie above the channel (mean + 2 SD).</summary>
    public bool IsAbove(decimal cases) => cases > Upper;

    /// <summary>The quantile by linear interpolation between order statistics (type 7, as R and Excel's QUARTILE.INC).</summary>
    public static decimal Quantile(IReadOnlyCollection<decimal> values, decimal p)
    {
        var sorted = values.Order().ToList();
        var h = (sorted.Count - 1) * p;
        var low = (int)Math.Floor(h);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + ((h - low) * (sorted[high] - sorted[low]));
    }
}
