namespace Ntm.Domain.Quality;

/// <summary>
/// The consistency measures of the WHO data quality review (Module 1, dimension 2), as pure
/// functions: consistency over time (this year ÷ the mean of the three years before, each unit
/// against its parent's own ratio), drop-out between a first and a later dose (a second dose
/// counted above the first is a data problem), and the ratio of two related indicators against the
/// parent's. Figures below <see cref="SmallBase"/> are not judged: a ratio of a few cases says nothing.
/// </summary>
public static class ConsistencyMethods
{
    /// <summary>The years before that consistency over time averages.</summary>
    public const int YearsBefore = 3;

    /// <summary>The least base (mean of the years before, or denominator) a ratio is judged on.</summary>
    public const decimal SmallBase = 10m;

    /// <summary>This year ÷ the mean of the <see cref="YearsBefore"/> years before; null without all of them or below <see cref="SmallBase"/>.</summary>
    public static decimal? OverTime(decimal current, IReadOnlyCollection<decimal> yearsBefore)
    {
        if (yearsBefore.Count < YearsBefore)
        {
            return null;
        }

        var mean = yearsBefore.Average();
        return mean < SmallBase ? null : current / mean;
    }

    /// <summary>Whether a unit's ratio lies further than <paramref name="tolerance"/> (0.33 is ±33%) from the reference ratio, relatively.</summary>
    public static bool Deviates(decimal ratio, decimal reference, decimal tolerance) =>
        reference != 0 && Math.Abs(ratio - reference) / reference > tolerance;

    /// <summary>(first − second) ÷ first; negative when more received the later dose than the first. Null below <see cref="SmallBase"/> first doses.</summary>
    public static decimal? DropOut(decimal first, decimal second) => first < SmallBase ? null : (first - second) / first;

    /// <summary>first ÷ second; null below <see cref="SmallBase"/> in the denominator.</summary>
    public static decimal? Ratio(decimal first, decimal second) => second < SmallBase ? null : first / second;
}
