using Ntm.Domain.Quality;

namespace Ntm.Domain.Tests.Quality;

/// <summary>Each surveillance method on counts computed by hand (the figures in the comments).</summary>
public sealed class EpidemicMethodsTests
{
    [Fact]
    public void The_official_threshold_leaves_the_epidemic_year_out_and_names_the_years()
    {
        // 2022 was an epidemic year: left out. The rest: 10, 12, 8, 10 → mean 10, SD √(8/3) = 1.63299, threshold 13.26599.
        BaselineYear[] years = [new(2020, 10), new(2021, 12), new(2022, 40, EpidemicYear: true), new(2023, 8), new(2024, 10)];

        var above = EpidemicMethods.Official(14, years);
        Assert.Equal(OfficialStatus.Above, above.Status);
        Assert.Equal(10m, above.Mean);
        Assert.Equal(13.26599, (double)above.Threshold!.Value, 5);
        Assert.Equal([2020, 2021, 2023, 2024], above.YearsUsed);
        Assert.Equal([2022], above.YearsLeftOut);
        Assert.Equal(OfficialStatus.NotAbove, EpidemicMethods.Official(13, years).Status);

        // With the epidemic year counted, the threshold would be 16 + 2 × 13.49 = 43.0: the year must go.
        Assert.Equal(OfficialStatus.NotAbove, EpidemicMethods.Official(14, [.. years.Select(y => y with { EpidemicYear = false })]).Status);
    }

    [Fact]
    public void Fewer_years_than_the_rule_needs_give_no_verdict_and_say_how_many_are_missing()
    {
        var verdict = EpidemicMethods.Official(50, [new(2022, 3), new(2023, 4), new(2024, 5)]);
        Assert.Equal(OfficialStatus.NotEnoughYears, verdict.Status);
        Assert.Equal(2, verdict.YearsMissing);
        Assert.Null(verdict.Threshold);

        // Five years, but four of them epidemic years: one value cannot make a standard deviation.
        var oneLeft = EpidemicMethods.Official(50, [new(2020, 3, true), new(2021, 4, true), new(2022, 5, true), new(2023, 6, true), new(2024, 2)]);
        Assert.Equal(OfficialStatus.NotEnoughYears, oneLeft.Status);
        Assert.Equal(0, oneLeft.YearsMissing);
    }

    [Fact]
    public void A_Bortman_channel_from_five_counts()
    {
        // ln(x+1) of 2, 4, 9, 3, 7: mean 1.695274, SD 0.493775; t(0.975, 4) = 2.776445;
        // centre e^1.695274 − 1 = 4.44814; upper e^(1.695274 + 2.776445 × 0.493775 / √5) − 1 = 9.05808.
        var channel = EpidemicMethods.Bortman([2m, 4m, 9m, 3m, 7m])!;
        Assert.Equal(4.44814, (double)channel.Centre, 4);
        Assert.Equal(9.05808, (double)channel.Upper, 4);
        Assert.Null(EpidemicMethods.Bortman([2m, 4m]));
    }

    [Fact]
    public void A_quartile_channel_is_the_median_and_the_third_quartile()
    {
        // Sorted 2, 3, 4, 7, 9: median 4; Q3 at (5 − 1) × 0.75 = 3 → 7.
        var channel = EpidemicMethods.Quartiles([2m, 4m, 9m, 3m, 7m])!;
        Assert.Equal(4m, channel.Centre);
        Assert.Equal(7m, channel.Upper);
    }

    [Fact]
    public void Two_cases_over_a_history_of_ones_cross_the_threshold_but_are_probable_and_twelve_are_a_signal()
    {
        BaselineYear[] years = [new(2020, 0), new(2021, 1), new(2022, 1), new(2023, 1), new(2024, 1)];
        decimal[] baseline = [0m, 1m, 1m, 1m, 1m];

        // Threshold 0.8 + 2 × √0.2 = 1.6944: two cases are over it.
        Assert.Equal(OfficialStatus.Above, EpidemicMethods.Official(2, years).Status);
        // Mean 0.8, variance 0.2 (under the mean): Poisson. P(X ≥ 2) = 1 − e^−0.8 × 1.8 = 0.19121.
        var two = EpidemicMethods.Improbable(2, baseline);
        Assert.Equal(Improbability.Poisson, two.Model);
        Assert.Equal(0.19121, two.Probability, 5);
        Assert.False(two.Probability < EpidemicMethods.SignalLevel);
        // P(X ≥ 12) = 6.87e-11.
        var twelve = EpidemicMethods.Improbable(12, baseline);
        Assert.True(twelve.Probability < 1e-10);
        Assert.True(twelve.Probability < EpidemicMethods.SignalLevel);
    }

    [Fact]
    public void An_overdispersed_history_is_a_negative_binomial()
    {
        // 0, 10, 2, 30, 5: mean 9.4, variance 146.8 → r = 9.4² / 137.4 = 0.643086, p = r / (r + 9.4) = 0.064033.
        // P(X ≥ 30) = 0.06880 (a Poisson of 9.4 would make it 1.4e-7), P(X ≥ 60) = 0.00777.
        decimal[] baseline = [0m, 10m, 2m, 30m, 5m];
        var thirty = EpidemicMethods.Improbable(30, baseline);
        Assert.Equal(Improbability.NegativeBinomial, thirty.Model);
        Assert.Equal(0.06880, thirty.Probability, 4);
        Assert.Equal(0.00777, EpidemicMethods.Improbable(60, baseline).Probability, 4);
    }

    [Fact]
    public void A_history_of_zeros_makes_one_case_unusual_but_not_impossible()
    {
        // Mean taken as 0.5 / 5 = 0.1: P(X ≥ 1) = 1 − e^−0.1 = 0.09516, P(X ≥ 2) = 0.00468.
        decimal[] zeros = [0m, 0m, 0m, 0m, 0m];
        Assert.Equal(0.09516, EpidemicMethods.Improbable(1, zeros).Probability, 5);
        Assert.Equal(0.00468, EpidemicMethods.Improbable(2, zeros).Probability, 5);
        Assert.Equal(1, EpidemicMethods.Improbable(0, zeros).Probability);
    }

    [Fact]
    public void A_rate_is_per_100000_of_the_units_population()
    {
        Assert.Equal(25m, EpidemicMethods.Rate(5, 20_000));
        Assert.Null(EpidemicMethods.Rate(5, null));
    }
}
