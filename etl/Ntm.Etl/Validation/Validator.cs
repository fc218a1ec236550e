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
        Func<int, string, PeriodKey, IReadOnlyList<decimal?>?>? monthsAcrossCrosswalk = null) =>
        Complete(CheckFile(values, today, sums), previousYtd, monthsAcrossCrosswalk);

    /// <summary>
    /// The findings of the rules that need the file alone (every rule but those that
    /// <see cref="IValidationRule.AsksWarehouse"/>, and the rules kept as data): what can be checked
    /// as soon as a file is read, on any thread. <see cref="Complete"/> adds the others.
    /// </summary>
    public FileFindings CheckFile(IReadOnlyList<ExtractedValue> values, DateOnly today, IReadOnlyList<SumRule>? sums = null)
    {
        var context = new ValidationContext(values, indicators, today, sums: sums);
        var byRule = new IReadOnlyList<Finding>?[Rules.Count];
        for (var i = 0; i < Rules.Count; i++)
        {
            byRule[i] = Rules[i].AsksWarehouse ? null : Collect(Rules[i].Check(context));
        }

        return new FileFindings(context, byRule, Collect(DataRuleCheck.Check(dataRules ?? [], context)));
    }

    /// <summary>
    /// Every finding for the file <paramref name="file"/> was checked on, in the order of
    /// <see cref="Rules"/> then the rules kept as data: the file's own, and those of the rules that
    /// compare it with what the warehouse holds.
    /// </summary>
    public static IReadOnlyList<Finding> Complete(FileFindings file, Func<int, string, PeriodKey, decimal?>? previousYtd = null,
        Func<int, string, PeriodKey, IReadOnlyList<decimal?>?>? monthsAcrossCrosswalk = null)
    {
        ValidationContext? context = null;
        var findings = new List<Finding>();
        for (var i = 0; i < Rules.Count; i++)
        {
            findings.AddRange(file.ByRule[i] ?? Collect(Rules[i].Check(context ??= file.Context.WithWarehouse(previousYtd, monthsAcrossCrosswalk))));
        }

        findings.AddRange(file.OfDataRules);
        return findings;
    }

    /// <summary>The findings on a file's targets: one target given twice with different values is an error.</summary>
    public IReadOnlyList<Finding> CheckTargets(IReadOnlyList<Templates.ExtractedTarget> targets) => Collect(ConflictingValuesRule.OfTargets(targets, indicators));

    private static List<Finding> Collect(IEnumerable<Finding> found)
    {
        var findings = new List<Finding>();
        foreach (var finding in found)
        {
            Reading.ReadBudget.Check();
            findings.Add(finding);
        }

        return findings;
    }

    /// <summary>
    /// What <see cref="CheckFile"/> found: the context it checked (the values, the date, the totals),
    /// each rule's findings (null for a rule that asks the warehouse) and the data rules'.
    /// </summary>
    public sealed record FileFindings(ValidationContext Context, IReadOnlyList<IReadOnlyList<Finding>?> ByRule, IReadOnlyList<Finding> OfDataRules)
    {
        /// <summary>The date the file was checked on.</summary>
        public DateOnly Today => Context.Today;
    }
}
