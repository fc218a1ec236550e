namespace Ntm.Domain.Standards;

/// <summary>A criterion of a national commune health criteria set and the most points it is worth.</summary>
public sealed record HealthStandardCriterion(string SetCode, string Code, string NameVi, decimal MaxPoints)
{
    /// <summary>The indicator that holds a commune's points on this criterion ("TC5" → <c>health_standard.tc5</c>).</summary>
    public string IndicatorCode => HealthStandardRule.IndicatorOf(Code);
}

/// <summary>
/// A national commune health criteria set (Bộ tiêu chí quốc gia về y tế xã): its criteria, the
/// years it applies to, and its pass rule: at least <see cref="MinTotalPercent"/> of all points,
/// at least <see cref="MinCriterionPercent"/> of each criterion's points, no knock-out item failed.
/// </summary>
public sealed record HealthStandardSet(string Code, string NameVi, int ValidFromYear, int ValidToYear, decimal MinTotalPercent, decimal MinCriterionPercent, string Source, IReadOnlyList<HealthStandardCriterion> Criteria)
{
    /// <summary>The points of all criteria.</summary>
    public decimal MaxTotal => Criteria.Sum(c => c.MaxPoints);

    /// <summary>True when the set applies to <paramref name="year"/>.</summary>
    public bool InForce(int year) => ValidFromYear <= year && year <= ValidToYear;
}

/// <summary>What the pass rule says of one commune's scores.</summary>
/// <param name="Met">True when the commune meets the standard.</param>
/// <param name="Total">The sum of its points.</param>
/// <param name="MaxTotal">The points of all criteria.</param>
/// <param name="Failing">The criteria below their minimum share, in the set's order.</param>
/// <param name="TotalTooLow">True when the total is below the minimum share of all points.</param>
/// <param name="KnockoutsFailed">Knock-out items failed.</param>
public sealed record HealthStandardVerdict(bool Met, decimal Total, decimal MaxTotal, IReadOnlyList<string> Failing, bool TotalTooLow, decimal KnockoutsFailed)
{
    /// <summary>Why the commune does not meet the standard, in Vietnamese; empty when it does.</summary>
    public string Reason(HealthStandardSet set)
    {
        var reasons = new List<string>(3);
        if (TotalTooLow)
        {
            reasons.Add($"tổng {Format(Total)}/{Format(MaxTotal)} điểm, dưới {Format(set.MinTotalPercent)}%");
        }

        if (Failing.Count > 0)
        {
            reasons.Add($"{string.Join(", ", Failing)} dưới {Format(set.MinCriterionPercent)}% số điểm của tiêu chí");
        }

        if (KnockoutsFailed > 0)
        {
            reasons.Add($"{Format(KnockoutsFailed)} điểm liệt không đạt");
        }

        return string.Join("; ", reasons);
    }

    private static string Format(decimal value) => value.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
}

/// <summary>
/// The pass rule of the national commune health criteria, on exact values: a commune meets the
/// standard with at least 80% of all points, at least 50% of each criterion's points and no failed
/// knock-out item (the shares are the set's data). Pure.
/// </summary>
public static class HealthStandardRule
{
    /// <summary>The indicator prefix of the criteria's points.</summary>
    public const string IndicatorPrefix = "health_standard.";

    /// <summary>The indicator of the total points.</summary>
    public const string TotalIndicator = "health_standard.total";

    /// <summary>The indicator of the knock-out items failed.</summary>
    public const string KnockoutIndicator = "health_standard.knockouts_failed";

    /// <summary>The yes/no status the rule derives (criterion 15.2 of the New Rural sets).</summary>
    public const string StatusIndicator = "commune.health_standard";

    /// <summary>The indicator that holds the points of criterion <paramref name="criterionCode"/> ("TC5").</summary>
    public static string IndicatorOf(string criterionCode) => IndicatorPrefix + criterionCode.ToLowerInvariant();

    /// <summary>
    /// Judges one commune's <paramref name="points"/> (by criterion code; every criterion of the set
    /// must be there) and its failed knock-out items.
    /// </summary>
    public static HealthStandardVerdict Judge(HealthStandardSet set, IReadOnlyDictionary<string, decimal> points, decimal knockoutsFailed)
    {
        var missing = set.Criteria.Where(c => !points.ContainsKey(c.Code)).Select(c => c.Code).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"No points for {string.Join(", ", missing)}.", nameof(points));
        }

        var total = set.Criteria.Sum(c => points[c.Code]);
        // Shares compared without division: points × 100 ≥ share × maximum.
        var failing = set.Criteria.Where(c => points[c.Code] * 100 < set.MinCriterionPercent * c.MaxPoints).Select(c => c.Code).ToList();
        var tooLow = total * 100 < set.MinTotalPercent * set.MaxTotal;
        return new HealthStandardVerdict(!tooLow && failing.Count == 0 && knockoutsFailed <= 0, total, set.MaxTotal, failing, tooLow, knockoutsFailed);
    }

    /// <summary>The set that applies to <paramref name="year"/>, or null.</summary>
    public static HealthStandardSet? For(IEnumerable<HealthStandardSet> sets, int year) =>
        sets.Where(s => s.InForce(year)).OrderByDescending(s => s.ValidFromYear).FirstOrDefault();
}
