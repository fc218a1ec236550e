using MathNet.Numerics.Distributions;

namespace Ntm.Domain.Quality;

/// <summary>The same calendar month of one earlier year: its cases, and whether that year was declared an epidemic year.</summary>
public sealed record BaselineYear(int Year, decimal Cases, bool EpidemicYear = false);

/// <summary>What the official rule says of a month's cases.</summary>
public enum OfficialStatus
{
    /// <summary>Above the threshold.</summary>
    Above,

    /// <summary>At or under the threshold.</summary>
    NotAbove,

    /// <summary>The rule cannot be applied: fewer years than it needs.</summary>
    NotEnoughYears,
}

/// <summary>
/// The official verdict (Thông tư 15/2026/TT-BYT): the month's cases against the mean + 2 standard
/// deviations of the same month over the last five years, epidemic years left out; the years used and
/// the years left out named; without the five years, no verdict.
/// </summary>
public sealed record OfficialVerdict(OfficialStatus Status, decimal? Mean, decimal? StandardDeviation, decimal? Threshold, IReadOnlyList<int> YearsUsed, IReadOnlyList<int> YearsLeftOut, int YearsMissing);

/// <summary>How improbable a count is under a model of its baseline: P(X ≥ cases).</summary>
public sealed record Improbability(double Probability, string Model, decimal Mean, decimal Variance)
{
    /// <summary>poisson, or negative_binomial when the baseline varies more than a Poisson count would.</summary>
    public const string Poisson = "poisson";

    /// <summary>See <see cref="Poisson"/>.</summary>
    public const string NegativeBinomial = "negative_binomial";
}

/// <summary>A channel: its centre and its upper bound.</summary>
public sealed record Channel(decimal Centre, decimal Upper);

/// <summary>
/// The methods of surveillance for a month's count of an endemic disease against the same month
/// of earlier years, each a pure function with its source in its summary. The verdict a
/// statistician signs is <see cref="Official"/>; whether it is a signal is <see cref="Improbable"/>
/// (the level <see cref="SignalLevel"/>); <see cref="Bortman"/> and <see cref="Quartiles"/> are shown beside.
/// </summary>
public static class EpidemicMethods
{
    /// <summary>The years the official rule looks back over.</summary>
    public const int OfficialYears = 5;

    /// <summary>
    /// A count over the official threshold is a warning only when it is this improbable under the
    /// baseline's model (P(X ≥ cases) below 1%); otherwise it is information that says how probable it was.
    /// </summary>
    public const double SignalLevel = 0.01;

    /// <summary>
    /// Thông tư 15/2026/TT-BYT: cases above the mean + 2 SD (sample) of the same month over the
    /// <see cref="OfficialYears"/> years before, epidemic years left out. <paramref name="lastYears"/>
    /// are those years as the warehouse has them; a missing year, or fewer than two years left after
    /// the epidemic years, is <see cref="OfficialStatus.NotEnoughYears"/>.
    /// </summary>
    public static OfficialVerdict Official(decimal cases, IReadOnlyList<BaselineYear> lastYears)
    {
        var leftOut = lastYears.Where(y => y.EpidemicYear).Select(y => y.Year).Order().ToList();
        var used = lastYears.Where(y => !y.EpidemicYear).OrderBy(y => y.Year).ToList();
        var missing = Math.Max(0, OfficialYears - lastYears.Count);
        if (missing > 0 || used.Count < 2)
        {
            return new OfficialVerdict(OfficialStatus.NotEnoughYears, null, null, null, used.Select(y => y.Year).ToList(), leftOut, missing);
        }

        var values = used.Select(y => y.Cases).ToList();
        var mean = values.Average();
        var sd = StandardDeviation(values);
        var threshold = mean + (2 * sd);
        return new OfficialVerdict(cases > threshold ? OfficialStatus.Above : OfficialStatus.NotAbove, mean, sd, threshold, used.Select(y => y.Year).ToList(), leftOut, 0);
    }

    /// <summary>
    /// P(X ≥ <paramref name="cases"/>) under the baseline: a Poisson count with the baseline's mean, or a
    /// negative binomial with its mean and variance (method of moments) when the variance exceeds the
    /// mean. A baseline of zeros is given a mean of 0.5 ÷ years, so that one case is not impossible.
    /// </summary>
    public static Improbability Improbable(decimal cases, IReadOnlyCollection<decimal> baseline)
    {
        var mean = baseline.Count == 0 ? 0m : baseline.Average();
        var variance = baseline.Count < 2 ? 0m : StandardDeviation(baseline) * StandardDeviation(baseline);
        var k = (int)Math.Ceiling(cases);
        if (k <= 0)
        {
            return new Improbability(1, Improbability.Poisson, mean, variance);
        }

        if (variance > mean && mean > 0)
        {
            var r = (double)(mean * mean / (variance - mean));
            var p = r / (r + (double)mean);
            return new Improbability(1 - NegativeBinomial.CDF(r, p, k - 1), Improbability.NegativeBinomial, mean, variance);
        }

        var lambda = mean > 0 ? (double)mean : 0.5 / Math.Max(1, baseline.Count);
        return new Improbability(1 - MathNet.Numerics.Distributions.Poisson.CDF(lambda, k - 1), Improbability.Poisson, mean, variance);
    }

    /// <summary>
    /// The Bortman channel (Bortman 1999, PAHO): the geometric mean of the earlier years' counts, from
    /// the mean of ln(x + 1), with its 95% confidence interval (Student's t, n − 1 degrees of freedom),
    /// back-transformed (e^y − 1). Fewer than three years draw none.
    /// </summary>
    public static Channel? Bortman(IReadOnlyCollection<decimal> baseline)
    {
        if (baseline.Count < 3)
        {
            return null;
        }

        var logs = baseline.Select(v => Math.Log((double)v + 1)).ToList();
        var mean = logs.Average();
        var sd = Math.Sqrt(logs.Sum(v => (v - mean) * (v - mean)) / (logs.Count - 1));
        var t = StudentT.InvCDF(0, 1, logs.Count - 1, 0.975);
        return new Channel((decimal)(Math.Exp(mean) - 1), (decimal)(Math.Exp(mean + (t * sd / Math.Sqrt(logs.Count))) - 1));
    }

    /// <summary>The median / third-quartile channel (quantiles type 7); fewer than three years draw none.</summary>
    public static Channel? Quartiles(IReadOnlyCollection<decimal> baseline) =>
        baseline.Count < 3 ? null : new Channel(Quantile(baseline, 0.5m), Quantile(baseline, 0.75m));

    /// <summary>Cases per 100,000 of <paramref name="population"/>; null without a population.</summary>
    public static decimal? Rate(decimal cases, decimal? population) => population is > 0 ? cases * 100_000m / population.Value : null;

    /// <summary>The sample standard deviation (n − 1), exact in decimals but for the square root.</summary>
    private static decimal StandardDeviation(IReadOnlyCollection<decimal> values)
    {
        var mean = values.Average();
        var squares = values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
        return (decimal)Math.Sqrt((double)squares);
    }

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
