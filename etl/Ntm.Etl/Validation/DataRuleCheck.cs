using Ntm.Domain.Measures;
using Ntm.Domain.Periods;
using Ntm.Domain.Quality;
using Ntm.Etl.Templates;

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

        // A figure's first value (a second one is ConflictingValuesRule's), and each place's indicators, in reading order.
        var figures = new Dictionary<(int Area, PeriodKey Period, string Part, string Indicator, Measure Measure), ExtractedValue>();
        var indicatorsAt = new Dictionary<(int Area, PeriodKey Period, string Part), (ExtractedValue First, HashSet<string> Indicators)>();
        foreach (var v in context.AllValues)
        {
            if (v.Withdrawn || !figures.TryAdd((v.Area.AreaId, v.Period, v.Disaggregation, v.IndicatorCode, v.Measure), v))
            {
                continue;
            }

            if (!indicatorsAt.TryGetValue((v.Area.AreaId, v.Period, v.Disaggregation), out var at))
            {
                indicatorsAt[(v.Area.AreaId, v.Period, v.Disaggregation)] = at = (v, new HashSet<string>(StringComparer.Ordinal));
            }

            at.Indicators.Add(v.IndicatorCode);
        }

        var places = indicatorsAt.Select(p => new RulePlace(p.Key.Area, p.Value.First.Area.Level, p.Key.Period, p.Key.Part, p.Value.Indicators)).ToList();
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
