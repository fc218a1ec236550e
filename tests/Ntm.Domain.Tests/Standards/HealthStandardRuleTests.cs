using Ntm.Domain.Standards;

namespace Ntm.Domain.Tests.Standards;

/// <summary>The pass rule of the national commune health criteria (QĐ 1300/QĐ-BYT): ≥ 80% of all points, ≥ 50% of each criterion's, no failed knock-out item.</summary>
public sealed class HealthStandardRuleTests
{
    private static readonly decimal[] Maximum = [14, 10, 12, 9, 19, 12, 6, 11, 3, 4];

    private static readonly HealthStandardSet Set = new("BTCQG-YTX-2030", "Bộ tiêu chí quốc gia về y tế xã giai đoạn đến năm 2030", 2023, 2030, 80, 50, "QĐ 1300/QĐ-BYT",
        Maximum.Select((max, i) => new HealthStandardCriterion("BTCQG-YTX-2030", $"TC{i + 1}", $"Tiêu chí {i + 1}", max)).ToList());

    private static Dictionary<string, decimal> Points(params decimal[] points) => points.Select((p, i) => (Code: $"TC{i + 1}", p)).ToDictionary(x => x.Code, x => x.p);

    [Fact]
    public void Exactly_eighty_percent_of_all_points_with_every_criterion_at_half_or_more_meets_the_standard()
    {
        var verdict = HealthStandardRule.Judge(Set, Points(11, 8, 10, 7, 15.5m, 10, 5, 8.5m, 2, 3), 0);

        Assert.Equal(80m, verdict.Total);
        Assert.True(verdict.Met);
        Assert.Empty(verdict.Failing);
        Assert.Equal(string.Empty, verdict.Reason(Set));
    }

    [Fact]
    public void Half_a_point_under_eighty_does_not()
    {
        var verdict = HealthStandardRule.Judge(Set, Points(11, 8, 10, 7, 15, 10, 5, 8.5m, 2, 3), 0);

        Assert.Equal(79.5m, verdict.Total);
        Assert.False(verdict.Met);
        Assert.True(verdict.TotalTooLow);
        Assert.Contains("79,5/100 điểm", verdict.Reason(Set), StringComparison.Ordinal);
    }

    [Fact]
    public void A_criterion_at_forty_seven_percent_fails_the_commune_whatever_its_total()
    {
        // TC5: 9 of 19 points is 47%; the total is 90.
        var verdict = HealthStandardRule.Judge(Set, Points(14, 10, 12, 9, 9, 12, 6, 11, 3, 4), 0);

        Assert.Equal(90m, verdict.Total);
        Assert.False(verdict.Met);
        Assert.Equal(["TC5"], verdict.Failing);
        Assert.False(verdict.TotalTooLow);
    }

    [Fact]
    public void Exactly_half_of_a_criterion_s_points_is_enough_for_that_criterion()
    {
        // TC1 7 of 14 and TC9 1.5 of 3: exactly 50%.
        var verdict = HealthStandardRule.Judge(Set, Points(7, 10, 12, 9, 19, 12, 6, 11, 1.5m, 4), 0);

        Assert.Empty(verdict.Failing);
        Assert.True(verdict.Met);
    }

    [Fact]
    public void A_failed_knock_out_item_fails_a_commune_with_every_point()
    {
        var verdict = HealthStandardRule.Judge(Set, Points(Maximum), 1);

        Assert.Equal(100m, verdict.Total);
        Assert.False(verdict.Met);
        Assert.Contains("1 điểm liệt không đạt", verdict.Reason(Set), StringComparison.Ordinal);
    }

    [Fact]
    public void Scores_without_every_criterion_are_not_judged()
    {
        var points = Points(Maximum);
        points.Remove("TC10");

        Assert.Throws<ArgumentException>(() => HealthStandardRule.Judge(Set, points, 0));
    }

    [Fact]
    public void The_set_in_force_is_the_one_of_the_year()
    {
        var old = Set with { Code = "BTCQG-YTX-2020", ValidFromYear = 2015, ValidToYear = 2022 };

        Assert.Equal("BTCQG-YTX-2020", HealthStandardRule.For([old, Set], 2021)!.Code);
        Assert.Equal("BTCQG-YTX-2030", HealthStandardRule.For([old, Set], 2023)!.Code);
        Assert.Null(HealthStandardRule.For([old, Set], 2031));
    }
}
