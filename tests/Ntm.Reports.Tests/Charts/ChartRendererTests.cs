using System.Xml.Linq;
using Ntm.Reports.Charts;

namespace Ntm.Reports.Tests.Charts;

public sealed class ChartRendererTests : IDisposable
{
    private static readonly ChartFooter Footer = new("Niên giám bệnh truyền nhiễm", "12/2012");
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private static TrendChartModel Trend() => new(
        "Sốt xuất huyết — Hậu Giang, số ca mắc theo tháng năm 2012", "Số ca", Enumerable.Range(1, 12).Select(VietnameseFormat.ShortMonth).ToList(),
        [new ChartSeries("Năm 2012", [37, 25, 27, 30, 53, 49, 84, 107, 102, 84, 52, 36]), new ChartSeries("Năm 2011 (cùng kỳ)", [51, 33, 25, 13, 25, null, 100, 115, 99, 56, 70, 60], Dashed: true)],
        100, "Ngưỡng", Footer);

    public static TheoryData<string, string> Charts => new()
    {
        { "trend", ChartRenderer.Trend(Trend()) },
        { "year-over-year", ChartRenderer.YearOverYear(new YearOverYearChartModel("Sốt xuất huyết so với cùng kỳ", "Số ca", 2012, [37, 25, 27, null], [51, 33, 25, 13], Footer)) },
        { "ranked", ChartRenderer.Ranked(new RankedBarChartModel("Theo huyện", "Số ca", [("Huyện Long Mỹ", 356.5m), ("Thành phố Vị Thanh", 120), ("Huyện Châu Thành A", null)], Footer)) },
        { "heat", ChartRenderer.ComplianceHeat(new ComplianceHeatModel("Tiêu chí 14", ["Xã Lê Hồng", "Xã Thanh Tùng"], ["14.1", "14.2"], [["dat", "khong_dat"], ["chua_co_so_lieu", "dat"]], Footer)) },
    };

    [Theory]
    [MemberData(nameof(Charts))]
    public void Every_chart_is_well_formed_svg_that_rsvg_convert_turns_into_a_png_of_the_expected_size(string name, string svg)
    {
        var document = XDocument.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", document.Root!.Name);
        var width = int.Parse(document.Root.Attribute("width")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        var height = int.Parse(document.Root.Attribute("height")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("Nguồn: Niên giám bệnh truyền nhiễm. Số liệu đến 12/2012.", svg, StringComparison.Ordinal);

        var path = directory.File(name + ".svg");
        File.WriteAllText(path, svg);
        Rasterizer.ToPng(path, directory.File(name + ".png"));
        Assert.Equal((width, height), PngSize(directory.File(name + ".png")));
        Rasterizer.ToPng(path, directory.File(name + "-300.png"), 300);
        // rsvg-convert rounds a fractional size up.
        Assert.Equal(((int)Math.Ceiling(width * 300 / 96.0), (int)Math.Ceiling(height * 300 / 96.0)), PngSize(directory.File(name + "-300.png")));
        Rasterizer.ToPdf(path, directory.File(name + ".pdf"));
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(directory.File(name + ".pdf")), 0, 4), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_data_gives_the_same_bytes()
    {
        var first = ChartRenderer.Trend(Trend());
        var again = ChartRenderer.Trend(Trend());
        Assert.Equal(first, again);
        // And the comparison is not vacuous: other data, other bytes.
        Assert.NotEqual(first, ChartRenderer.Trend(Trend() with { Target = 90 }));
        var svg = directory.File("a.svg");
        File.WriteAllText(svg, first);
        Rasterizer.ToPng(svg, directory.File("a.png"));
        Rasterizer.ToPng(svg, directory.File("b.png"));
        Assert.Equal(File.ReadAllBytes(directory.File("a.png")), File.ReadAllBytes(directory.File("b.png")));
    }

    [Fact]
    public void A_missing_month_is_a_gap_in_the_line_not_a_drop_to_zero()
    {
        var svg = ChartRenderer.Trend(Trend());
        var dashed = XDocument.Parse(svg).Descendants().Single(e => e.Name.LocalName == "path" && e.Attribute("stroke-dasharray") is not null);
        // Two pieces: January to May, then July to December.
        Assert.Equal(2, dashed.Attribute("d")!.Value.Count(c => c == 'M'));
    }

    [Fact]
    public void The_legend_sits_below_the_plot_and_the_month_labels_do_not_overlap()
    {
        var document = XDocument.Parse(ChartRenderer.Trend(Trend()));
        var texts = document.Descendants().Where(e => e.Name.LocalName == "text").ToList();
        var axisBottom = document.Descendants().Where(e => e.Name.LocalName == "line" && e.Attribute("stroke")!.Value == Palette.Ink).Select(e => double.Parse(e.Attribute("y1")!.Value, System.Globalization.CultureInfo.InvariantCulture)).Single();
        var legend = texts.Single(t => t.Value == "Năm 2012");
        Assert.True(double.Parse(legend.Attribute("y")!.Value, System.Globalization.CultureInfo.InvariantCulture) > axisBottom);

        var months = texts.Where(t => t.Value.StartsWith('T') && t.Value.Length <= 3).Select(t => (X: double.Parse(t.Attribute("x")!.Value, System.Globalization.CultureInfo.InvariantCulture), Width: SvgCanvas.Measure(t.Value))).OrderBy(t => t.X).ToList();
        Assert.Equal(12, months.Count);
        for (var i = 1; i < months.Count; i++)
        {
            Assert.True(months[i].X - (months[i].Width / 2) > months[i - 1].X + (months[i - 1].Width / 2), "month labels overlap");
        }
    }

    [Theory]
    [InlineData(0, 37, 0, 40, 10)]
    [InlineData(0, 1178, 0, 1250, 250)]
    [InlineData(0, 95.1, 0, 100, 20)]
    public void Ticks_fall_on_round_numbers(double low, double high, double min, double max, double step)
    {
        var scale = NiceScale.For((decimal)low, (decimal)high);
        Assert.Equal(((decimal)min, (decimal)max, (decimal)step), (scale.Min, scale.Max, scale.Step));
    }

    [Fact]
    public void Numbers_are_formatted_the_vietnamese_way()
    {
        Assert.Equal("1.178", VietnameseFormat.Number(1178m));
        Assert.Equal("95,1", VietnameseFormat.Number(95.06m));
        Assert.Equal("95", VietnameseFormat.Number(94.96m, 0));
        Assert.Equal("-", VietnameseFormat.Number(null));
    }

    private static (int Width, int Height) PngSize(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
    }
}
