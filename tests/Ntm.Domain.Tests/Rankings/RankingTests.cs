using Ntm.Domain.Rankings;

namespace Ntm.Domain.Tests.Rankings;

/// <summary>Ranks with ties, rates per 100,000, a unit without population or figure, and the total, by hand.</summary>
public sealed class RankingTests
{
    private static readonly RankInput[] Units =
    [
        new("A", "Xã A", 30, 20, 10_000),   // rate 300
        new("B", "Xã B", 50, 50, 25_000),   // rate 200
        new("C", "Xã C", 30, null, 20_000), // rate 150
        new("D", "Xã D", 10, 5, null),      // no population: no rate
        new("E", "Xã E", null, 4, 8_000),   // no figure
    ];

    [Fact]
    public void By_value_ties_share_a_rank_and_a_unit_without_figure_is_last_unranked()
    {
        var (rows, total) = Ranking.Rank(Units, byRate: false);
        Assert.Equal(["B:1", "A:2", "C:2", "D:4", "E:-"], rows.Select(r => $"{r.Code}:{(r.Rank is { } k ? k.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-")}"));
        // 120 in all: B is 50/120 of it; A +10 on 20 is +50%; C has no last year.
        Assert.Equal(50m / 120m, rows[0].Share);
        Assert.Equal((10m, 50m), (rows[1].Change!.Value, rows[1].PercentChange!.Value));
        Assert.Null(rows[2].Change);
        Assert.Equal((120m, 4, 5), (total.Value!.Value, total.UnitsWithValue, total.Units));
        // Last year over the units with both years: A, B, D = 75 against 90 this year.
        Assert.Equal((75m, 15m, 20m), (total.LastYear!.Value, total.Change!.Value, total.PercentChange!.Value));
    }

    [Fact]
    public void By_rate_the_units_without_population_have_no_rate_and_no_rank()
    {
        var (rows, total) = Ranking.Rank(Units, byRate: true);
        Assert.Equal(["A:1:300", "B:2:200", "C:3:150", "D:-:-", "E:-:-"],
            rows.Select(r => $"{r.Code}:{(r.Rank is { } k ? k.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-")}:{(r.Rate is { } rate ? rate.ToString("0", System.Globalization.CultureInfo.InvariantCulture) : "-")}"));
        // The total's rate: (30 + 50 + 30) × 100,000 ÷ 55,000 = 200 (D has no population, E no figure).
        Assert.Equal((200m, 55_000m), (total.Rate!.Value, total.Population!.Value));
    }
}
