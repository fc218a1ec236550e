using Ntm.Domain.Areas;
using Ntm.Domain.Measures;
using Ntm.Domain.Periods;
using Ntm.Domain.Quality;

namespace Ntm.Domain.Tests.Quality;

/// <summary>Validation rules kept as data: each kind of rule the rules file can hold, broken and kept, and the consistency measures by hand.</summary>
public sealed class DataRuleTests
{
    private static readonly PeriodKey March = new(2024, 3);

    private static List<RuleBreach> Check(DataRule rule, AreaLevel level, params (string Indicator, Measure Measure, decimal Value)[] figures)
    {
        var byKey = figures.ToDictionary(f => (f.Indicator, f.Measure), f => f.Value);
        var place = new RulePlace(1, level, March, string.Empty, figures.Select(f => f.Indicator).ToHashSet());
        return DataRules.Evaluate([rule], [place], (_, indicator, measure) => byKey.TryGetValue((indicator, measure), out var v) ? v : null,
            code => code.StartsWith("fp.cpr", StringComparison.Ordinal) ? "ratio" : "count").ToList();
    }

    [Fact]
    public void A_rule_over_every_count_applies_to_each_indicator_of_its_kind()
    {
        var negative = DataRule.Parse("negative_count", "*", ">=", "0", "error", null, "month;ytd", "count", "số đếm {left} là số âm ({indicator}).");
        var hit = Assert.Single(Check(negative, AreaLevel.Commune, ("disease.dengue.cases", Measure.Month, -3), ("disease.hfmd.cases", Measure.Month, 2), ("fp.cpr_modern", Measure.Month, -1)));
        Assert.Equal(("disease.dengue.cases", -3m), (hit.Indicator, hit.Left));
        Assert.Equal("số đếm -3 là số âm (Sốt xuất huyết).", DataRules.Describe(hit, _ => "Sốt xuất huyết"));
        Assert.Empty(Check(negative, AreaLevel.Commune, ("disease.dengue.cases", Measure.Month, 0)));

        // Terms with their own measure: the month against the year to date of the same indicator.
        var month = DataRule.Parse("month_above_ytd", "*:month", "<=", "*:ytd", "warning", null, "month", "count", "{left} > {right}");
        Assert.Equal(5m, Assert.Single(Check(month, AreaLevel.District, ("tb.detected.total", Measure.Month, 5), ("tb.detected.total", Measure.YearToDate, 4))).Left);
        Assert.Empty(Check(month, AreaLevel.District, ("tb.detected.total", Measure.Month, 4), ("tb.detected.total", Measure.YearToDate, 4)));
        Assert.False(month.IsError);
    }

    [Fact]
    public void A_rule_between_named_indicators_needs_both_sides_and_sums_its_terms()
    {
        var deaths = DataRule.Parse("deaths", "disease.dengue.deaths", "<=", "disease.dengue.cases", "error", null, "month;ytd", null, "{left} > {right}");
        Assert.Single(Check(deaths, AreaLevel.Commune, ("disease.dengue.deaths", Measure.Month, 3), ("disease.dengue.cases", Measure.Month, 2)));
        Assert.Empty(Check(deaths, AreaLevel.Commune, ("disease.dengue.deaths", Measure.Month, 2), ("disease.dengue.cases", Measure.Month, 2)));
        // A missing side is not zero: nothing is checked.
        Assert.Empty(Check(deaths, AreaLevel.Commune, ("disease.dengue.deaths", Measure.Month, 3)));

        // 5 + 3 + 2 = 10 forms of TB against a total of 9: broken; of 10: kept.
        var parts = DataRule.Parse("tb", "tb.pulmonary_pos_new + tb.pulmonary_neg + tb.extrapulmonary", "<=", "tb.detected.total", "warning", null, "month", null, "{left} > {right}");
        var tb = new[] { ("tb.pulmonary_pos_new", Measure.Month, 5m), ("tb.pulmonary_neg", Measure.Month, 3m), ("tb.extrapulmonary", Measure.Month, 2m) };
        Assert.Equal((10m, 9m), Check(parts, AreaLevel.District, [.. tb, ("tb.detected.total", Measure.Month, 9m)]).Select(b => (b.Left, b.Right)).Single());
        Assert.Empty(Check(parts, AreaLevel.District, [.. tb, ("tb.detected.total", Measure.Month, 10m)]));

        // A constant and an equality; a level the rule is not for.
        var cap = DataRule.Parse("cap", "disease.hfmd.cases", "=", "0", "warning", "commune", "month", null, "{left}");
        Assert.Single(Check(cap, AreaLevel.Commune, ("disease.hfmd.cases", Measure.Month, 1)));
        Assert.Empty(Check(cap, AreaLevel.Commune, ("disease.hfmd.cases", Measure.Month, 0)));
        Assert.Empty(Check(cap, AreaLevel.District, ("disease.hfmd.cases", Measure.Month, 1)));
    }

    [Fact]
    public void A_rule_written_wrong_is_refused_with_what_is_wrong()
    {
        Assert.Contains("toán tử '=>'", Assert.Throws<FormatException>(() => DataRule.Parse("x", "a.b", "=>", "0", "error", null, null, null, "m")).Message);
        Assert.Contains("loại số liệu 'week'", Assert.Throws<FormatException>(() => DataRule.Parse("x", "a.b:week", "<=", "0", "error", null, null, null, "m")).Message);
        Assert.Contains("cấp 'village'", Assert.Throws<FormatException>(() => DataRule.Parse("x", "a.b", "<=", "0", "error", "village", null, null, "m")).Message);
        Assert.Contains("mức 'fatal'", Assert.Throws<FormatException>(() => DataRule.Parse("x", "a.b", "<=", "0", "fatal", null, null, null, "m")).Message);
        Assert.Contains("hằng số", Assert.Throws<FormatException>(() => DataRule.Parse("x", "1", "<=", "2", "error", null, null, null, "m")).Message);
    }

    [Fact]
    public void Consistency_over_time_and_drop_out_match_hand_computed_values()
    {
        // 60 this year against 30, 30, 30: 2.00; the parent's 180 against 150 a year: 1.20; |2 − 1.2| ÷ 1.2 = 67% > 33%.
        Assert.Equal(2.00m, ConsistencyMethods.OverTime(60, [30, 30, 30]));
        Assert.Equal(1.20m, ConsistencyMethods.OverTime(180, [150, 150, 150]));
        Assert.True(ConsistencyMethods.Deviates(2.00m, 1.20m, 0.33m));
        Assert.False(ConsistencyMethods.Deviates(1.00m, 1.20m, 0.33m));
        // Two years only, or a mean under 10: nothing said.
        Assert.Null(ConsistencyMethods.OverTime(60, [30, 30]));
        Assert.Null(ConsistencyMethods.OverTime(6, [3, 3, 3]));
        // Penta 1 = 12, Penta 3 = 15: drop-out (12 − 15) ÷ 12 = −25%.
        Assert.Equal(-0.25m, ConsistencyMethods.DropOut(12, 15));
        Assert.Equal(0.10m, ConsistencyMethods.DropOut(20, 18));
        Assert.Null(ConsistencyMethods.DropOut(5, 6));
    }
}
