namespace Ntm.Domain.Quality;

/// <summary>How sure the review is that a value needs checking.</summary>
public enum OutlierLevel
{
    /// <summary>Far from its history, but by few: said, not pressed.</summary>
    Small,

    /// <summary>Far from its history and by many: to check before signing.</summary>
    Check,
}

/// <summary>A value judged an outlier: by which history, its score, the range that history expects, and how sure.</summary>
public sealed record Outlier(OutlierLevel Level, string Basis, OutlierScore Score);

/// <summary>The thresholds of the outlier test.</summary>
/// <param name="Threshold">|modified z| above which a value is far from its history (3.5, Iglewicz and Hoaglin).</param>
/// <param name="AbsoluteFloor">The least distance from the median that can be an outlier (5): one case after zeros is not one.</param>
/// <param name="LargeDistance">From this distance from the median (20) a far value is to be checked; below it, it is said as small numbers.</param>
/// <param name="SameMonthHistory">The fewest same-month values of earlier years the first test needs (3).</param>
/// <param name="RecentHistory">The fewest of the twelve months before the second test needs (6).</param>
public sealed record OutlierOptions(decimal Threshold = 3.5m, decimal AbsoluteFloor = 5m, decimal LargeDistance = 20m, int SameMonthHistory = 3, int RecentHistory = 6);

/// <summary>
/// Whether a monthly count means "check the data": its modified z-score against the same month of
/// earlier years, else (too few of them) against the twelve months before (<see cref="ModifiedZScore"/>), above the
/// threshold <b>and</b> at least <see cref="OutlierOptions.AbsoluteFloor"/> from the median; how far
/// (the score) and how large (the distance) decide the level. Pure function.
/// </summary>
public static class OutlierJudgement
{
    /// <summary>The same month of earlier years.</summary>
    public const string SameMonth = "same_month";

    /// <summary>The twelve months before.</summary>
    public const string Recent = "recent";

    /// <summary>The judgement of <paramref name="value"/>, or null when it is not an outlier (or the histories are too short to say).</summary>
    public static Outlier? Judge(decimal value, IReadOnlyCollection<decimal> sameMonth, IReadOnlyCollection<decimal> recent, OutlierOptions? options = null)
    {
        options ??= new OutlierOptions();

        // The same month of earlier years answers when it can (a seasonal peak is judged against earlier
        // peaks, never against the low months before it); the twelve months before only when it cannot.
        var (basis, score) = ModifiedZScore.Score(value, sameMonth, options.Threshold, options.SameMonthHistory) is { } seasonal
            ? (SameMonth, seasonal)
            : (Recent, ModifiedZScore.Score(value, recent, options.Threshold, options.RecentHistory));
        if (score is null)
        {
            return null;
        }

        var distance = Math.Abs(value - score.Median);
        if (Math.Abs(score.Z) > options.Threshold && distance >= options.AbsoluteFloor)
        {
            return new Outlier(distance >= options.LargeDistance ? OutlierLevel.Check : OutlierLevel.Small, basis, score);
        }

        return null;
    }
}
