namespace Ntm.Domain.Rankings;

/// <summary>One unit to rank: its figure, the same period last year, and its population (for a rate), each possibly unknown.</summary>
public sealed record RankInput(string Code, string Name, decimal? Value, decimal? LastYear, decimal? Population);

/// <summary>
/// One ranked unit: its rank (ties share it; none without the figure ranked on), its figure, its rate
/// per <see cref="Ranking.Per"/>, its share of the total, and the change on the same period last year.
/// </summary>
public sealed record RankedUnit(int? Rank, string Code, string Name, decimal? Value, decimal? Rate, decimal? Share, decimal? LastYear, decimal? Change, decimal? PercentChange, decimal? Population);

/// <summary>The total of the ranked units: the sum of their figures, their rate over the population of those that have one, and last year's.</summary>
public sealed record RankTotal(decimal? Value, decimal? Rate, decimal? LastYear, decimal? Change, decimal? PercentChange, decimal? Population, int Units, int UnitsWithValue);

/// <summary>
/// Ranks units by their figure or by their rate per <c>per</c> of their own population, highest
/// first: standard competition ranking (1, 2, 2, 4), units without the figure ranked on listed last
/// without a rank. Exact values throughout; rounding is for whoever prints them. Pure functions.
/// </summary>
public static class Ranking
{
    /// <summary>The usual base of a rate: per 100,000 people.</summary>
    public const decimal Per = 100_000m;

    /// <summary>The units ranked, and their total.</summary>
    public static (IReadOnlyList<RankedUnit> Units, RankTotal Total) Rank(IReadOnlyList<RankInput> units, bool byRate, decimal per = Per)
    {
        var total = units.Where(u => u.Value is not null).Sum(u => u.Value!.Value);
        var withValue = units.Count(u => u.Value is not null);
        var rows = units.Select(u => new RankedUnit(null, u.Code, u.Name, u.Value, RateOf(u.Value, u.Population, per),
                u.Value is { } v && total != 0 ? v / total : null, u.LastYear, Change(u.Value, u.LastYear), PercentChange(u.Value, u.LastYear), u.Population))
            .ToList();
        decimal? Key(RankedUnit u) => byRate ? u.Rate : u.Value;
        var ordered = rows.OrderBy(u => Key(u) is null).ThenByDescending(Key).ThenBy(u => u.Name, StringComparer.Ordinal).ThenBy(u => u.Code, StringComparer.Ordinal).ToList();
        var ranked = new List<RankedUnit>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var rank = Key(ordered[i]) is null ? (int?)null
                : i > 0 && Key(ordered[i - 1]) == Key(ordered[i]) ? ranked[i - 1].Rank : i + 1;
            ranked.Add(ordered[i] with { Rank = rank });
        }

        // The total's rate counts only the units that have both a figure and a population.
        var both = units.Where(u => u.Value is not null && u.Population is > 0).ToList();
        var population = both.Count > 0 ? both.Sum(u => u.Population!.Value) : (decimal?)null;
        var lastYear = units.Any(u => u.Value is not null && u.LastYear is not null) ? units.Where(u => u.Value is not null && u.LastYear is not null).Sum(u => u.LastYear!.Value) : (decimal?)null;
        var comparable = units.Where(u => u.Value is not null && u.LastYear is not null).Sum(u => u.Value!.Value);
        return (ranked, new RankTotal(withValue > 0 ? total : null, population is { } p ? both.Sum(u => u.Value!.Value) * per / p : null,
            lastYear, lastYear is { } l ? comparable - l : null, lastYear is { } b ? PercentChange(comparable, b) : null, population, units.Count, withValue));
    }

    /// <summary>value × per ÷ population; null without either or with a population of 0.</summary>
    public static decimal? RateOf(decimal? value, decimal? population, decimal per = Per) =>
        value is { } v && population is > 0 ? v * per / population.Value : null;

    private static decimal? Change(decimal? value, decimal? before) => value is { } v && before is { } b ? v - b : null;

    private static decimal? PercentChange(decimal? value, decimal? before) => value is { } v && before is { } b && b != 0 ? 100m * (v - b) / b : null;
}
