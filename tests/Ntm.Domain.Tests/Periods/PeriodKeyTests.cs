using Ntm.Domain.Periods;

namespace Ntm.Domain.Tests.Periods;

public sealed class PeriodKeyTests
{
    [Theory]
    [InlineData(202301, -1, 202212)]
    [InlineData(202212, 1, 202301)]
    [InlineData(202206, -18, 202012)]
    [InlineData(202206, 30, 202412)]
    public void Months_add_across_years(int key, int months, int expected) =>
        Assert.Equal(expected, PeriodKey.FromKey(key).AddMonths(months).Key);

    [Fact]
    public void A_month_knows_its_neighbours_its_year_and_its_days()
    {
        var march = new PeriodKey(2024, 3);
        Assert.Equal("2024-03", march.ToString());
        Assert.Equal("2024-02", march.Previous.ToString());
        Assert.Equal("2023-03", march.SameMonthLastYear.ToString());
        Assert.Equal(new DateOnly(2024, 3, 31), march.LastDay);
        Assert.Equal(new DateOnly(2024, 2, 29), march.Previous.LastDay);
        Assert.Equal(["2024-01", "2024-02", "2024-03"], march.YearToDate().Select(m => m.ToString()));
        Assert.Equal(14, new PeriodKey(2025, 3).MonthsSince(new PeriodKey(2024, 1)));
        Assert.Equal("T3/2024", march.ToVietnamese());
    }

    [Theory]
    [InlineData("2024-03", true)]
    [InlineData("202403", true)]
    [InlineData("2024-13", false)]
    [InlineData("2024-3", false)]
    [InlineData("x", false)]
    public void Text_parses_only_as_a_month(string text, bool ok) => Assert.Equal(ok, PeriodKey.TryParse(text, out _));

    [Fact]
    public void Months_order_and_ranges_include_both_ends()
    {
        Assert.True(new PeriodKey(2023, 12) < new PeriodKey(2024, 1));
        Assert.Equal(13, PeriodKey.Range(new PeriodKey(2023, 12), new PeriodKey(2024, 12)).Count());
        Assert.Empty(PeriodKey.Range(new PeriodKey(2024, 2), new PeriodKey(2024, 1)));
    }
}
