using Ntm.Domain.Periods;
using Ntm.Etl.Parsing;
using Ntm.Etl.Templates;
using Ntm.Etl.Validation.Rules;

namespace Ntm.Etl.Validation;

/// <summary>
/// Checks values read from a submission with the rules that need more than two sides to compare
/// (<see cref="Rules"/>: a period in the future, one figure given two values, a year-to-date that
/// went down, a rate that disagrees with its counts…), then with the rules kept as data
/// (<paramref name="dataRules"/>: a negative count, deaths above cases, a month above its
/// year-to-date…). Errors reject the file; warnings are stored and shown. Pure: the previous month's
/// figures come in as a function.
/// </summary>
public sealed class Validator(IndicatorLabels indicators, IReadOnlyList<Ntm.Domain.Quality.DataRule>? dataRules = null)
{
    /// <summary>The rules, in the order their findings are listed.</summary>
    public static IReadOnlyList<IValidationRule> Rules { get; } =
    [
        new FuturePeriodRule(),
        new FractionalCountRule(),
        new ConflictingValuesRule(),
        new YearToDateDecreasedRule(),
        new YearToDateAcrossCrosswalkRule(),
        new AchievementRateRule(),
        new RatioRateRule(),
        new DeclaredSumRule(),
        new NumeratorAboveDenominatorRule(),
    ];

    /// <summary>The findings for <paramref name="values"/>.</summary>
    /// <param name="values">What the template read.</param>
    /// <param name="today">The current date (from the injected clock): periods after it are refused.</param>
    /// <param name="previousYtd">The year-to-date already stored for (area, indicator) in the month before a month, or null.</param>
    /// <param name="sums">Totals the template declares.</param>
    /// <param name="monthsAcrossCrosswalk">For a unit created on 2025-07-01, its 2025 months since January as stored (see <see cref="ValidationContext.MonthsAcrossCrosswalk"/>).</param>
    public IReadOnlyList<Finding> Validate(IReadOnlyList<ExtractedValue> values, DateOnly today, Func<int, string, PeriodKey, decimal?>? previousYtd = null, IReadOnlyList<SumRule>? sums = null,
        Func<int, string, PeriodKey, IReadOnlyList<decimal?>?>? monthsAcrossCrosswalk = null)
    {
        var context = new ValidationContext(values, indicators, today, previousYtd, sums, monthsAcrossCrosswalk);
        var findings = new List<Finding>();
        foreach (var rule in Rules)
        {
            foreach (var finding in rule.Check(context))
            {
                Reading.ReadBudget.Check();
                findings.Add(finding);
            }
        }

        foreach (var finding in DataRuleCheck.Check(dataRules ?? [], context))
        {
            Reading.ReadBudget.Check();
            findings.Add(finding);
        }

        return findings;
    }
}
