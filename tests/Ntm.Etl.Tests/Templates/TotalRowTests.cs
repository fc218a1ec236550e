using Ntm.Etl.Templates;

namespace Ntm.Etl.Tests.Templates;

/// <summary>The rows and columns that total a list, whatever words an office uses, and the names that only begin like them.</summary>
public sealed class TotalRowTests
{
    [Theory]
    [InlineData("Tổng")]
    [InlineData("Tổng cộng")]
    [InlineData("TỔNG SỐ")]
    [InlineData("Cộng")]
    [InlineData("Cộng toàn huyện")]
    [InlineData("Tổng cộng toàn tỉnh")]
    [InlineData("Toàn huyện")]
    [InlineData("Cả nước")]
    [InlineData("Toàn thành phố")]
    public void Totals_are_recognised(string text) => Assert.True(TotalRow.Is(text));

    [Theory]
    [InlineData("Tổng Cọt")]
    [InlineData("Xã Tân Hòa")]
    [InlineData("Cả")]
    [InlineData("Cộng Hòa")]
    public void Names_that_begin_like_a_total_are_units(string text) => Assert.False(TotalRow.Is(text));
}
