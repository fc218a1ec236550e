using Ntm.Reports.Charts;

namespace Ntm.Reports.Tests.Charts;

public sealed class PngDensityTests
{
    [Fact]
    public void The_density_is_written_once_after_the_header_and_decoders_still_read_the_image()
    {
        var chart = ChartRenderer.YearOverYear(new YearOverYearChartModel("Thử", "Số ca", 2024, [1, 2], [2, 1], new ChartFooter("Thử", "01/2024")));
        var png = chart.Png(300);
        Assert.Equal(300, PngDensity.ReadDpi(png)!.Value, 1);
        // Written again at another density: replaced, not added.
        var again = PngDensity.WithDpi(png, 150);
        Assert.Equal(150, PngDensity.ReadDpi(again)!.Value, 1);
        Assert.Equal(png.Length, again.Length);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(again, 12, 4));
        Assert.Equal("pHYs", System.Text.Encoding.ASCII.GetString(again, 8 + 25 + 4, 4));
        using var bitmap = SkiaSharp.SKBitmap.Decode(again);
        Assert.Equal((int)Math.Round(chart.Width * 300 / 96.0), bitmap.Width);
        Assert.Throws<ArgumentException>(() => PngDensity.WithDpi([1, 2, 3], 96));
    }
}
