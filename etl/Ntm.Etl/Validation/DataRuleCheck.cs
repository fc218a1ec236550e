using Ntm.Domain.Quality;

namespace Ntm.Etl.Validation;

/// <summary>
/// The validation rules kept as data (<see cref="DataRule"/>) checked over one file's figures: each
/// unit, month and part of the totals the file gives, both sides from that file alone. A finding
/// points at the first figure of the rule's left side, in the rule's words.
/// </summary>
public static class DataRuleCheck
{
    /// <summary>The findings of <paramref name="rules"/> for the file in <paramref name="context"/>.</summary>
    public static IEnumerable<Finding> Check(IReadOnlyList<DataRule> rules, ValidationContext context)
    {
        if (rules.Count == 0)
        {
            yield break;
        }

        var figures = context.AllValues.Where(v => !v.Withdrawn)
            .GroupBy(v => (v.Area.AreaId, v.Period, v.Disaggregation, v.IndicatorCode, v.Measure))
            .ToDictionary(g => g.Key, g => g.First());
        var places = figures.Values
            .GroupBy(v => (v.Area.AreaId, v.Period, v.Disaggregation))
            .Select(g => new RulePlace(g.Key.AreaId, g.First().Area.Level, g.Key.Period, g.Key.Disaggregation, g.Select(v => v.IndicatorCode).ToHashSet(StringComparer.Ordinal)))
            .ToList();
        foreach (var breach in DataRules.Evaluate(rules, places,
            (place, indicator, measure) => figures.TryGetValue((place.Area, place.Period, place.Part, indicator, measure), out var value) ? value.Value : null,
            indicator => context.Indicators[indicator]?.Kind))
        {
            var at = figures[(breach.Place.Area, breach.Place.Period, breach.Place.Part, breach.At.Indicator, breach.At.Measure!.Value)];
            var message = $"Trang '{at.Sheet}', ô {at.Cell}: {DataRules.Describe(breach, code => context.Indicators[code]?.NameVi ?? code)}";
            var expected = $"{breach.Rule.Operator} {ValidationContext.Format(breach.Right)}";
            yield return breach.Rule.IsError
                ? Finding.Error(at.Sheet, at.Cell, breach.Rule.Id, message, at.Text, expected)
                : Finding.Warning(at.Sheet, at.Cell, breach.Rule.Id, message, at.Text, expected);
        }
    }
}
