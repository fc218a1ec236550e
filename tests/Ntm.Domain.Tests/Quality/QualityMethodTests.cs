using Ntm.Domain.Quality;

namespace Ntm.Domain.Tests.Quality;

/// <summary>The outlier score against values worked out by hand.</summary>
public sealed class QualityMethodTests
{
    [Fact]
    public void The_modified_z_score_matches_a_hand_computed_example()
    {
        // History 10, 12, 11, 13, 9: median 11, deviations 1, 1, 0, 2, 2 → MAD 1; z(20) = 0.6745 × 9 / 1 = 6.07.
        var score = ModifiedZScore.Score(20, [10, 12, 11, 13, 9])!;
        Assert.Equal(11m, score.Median);
        Assert.Equal(6.07m, decimal.Round(score.Z, 2));
        // The expected range is median ± 3.5 × MAD / 0.6745 = 11 ± 5.19.
        Assert.Equal((5.81m, 16.19m), (decimal.Round(score.Low, 2), decimal.Round(score.High, 2)));
        Assert.True(Math.Abs(ModifiedZScore.Score(14, [10, 12, 11, 13, 9])!.Z) < 3.5m);
    }

    [Fact]
    public void Too_short_a_history_claims_nothing_and_equal_values_fall_back_to_the_mean_deviation()
    {
        Assert.Null(ModifiedZScore.Score(100, [1, 2], minimumHistory: 3));

        // 5, 5, 5, 5, 9: MAD 0, mean absolute deviation 0.8 → z(13) = (13 − 5) / (1.2533 × 0.8) = 7.98.
        Assert.Equal(7.98m, decimal.Round(ModifiedZScore.Score(13, [5, 5, 5, 5, 9])!.Z, 2));
    }
}
