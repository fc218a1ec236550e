using System.Buffers.Binary;
using System.Globalization;
using System.Xml.Linq;
using Ntm.Domain.Statuses;
using Ntm.Reports.Charts;

namespace Ntm.Reports.Tests.Charts;

/// <summary>
/// The charts as ScottPlot draws them: SVG whose text is text, PNG at 96 and 300 dpi with the
/// density in the file, the same bytes for the same data and other bytes for other data, and the
/// faults readers noticed in the earlier charts.
/// </summary>
public sealed class ChartRendererTests
{
    private static readonly ChartFooter Footer = new("Niên giám bệnh truyền nhiễm", "12/2012");

    private static TrendChartModel Trend() => new(
        "Sốt xuất huyết — Hậu Giang, số ca mắc theo tháng năm 2012", "Số ca", Enumerable.Range(1, 12).Select(VietnameseFormat.ShortMonth).ToList(),
        [new ChartSeries("Năm 2012", [37, 25, 27, 30, 53, 49, 84, 107, 102, 84, 52, 36]), new ChartSeries("Năm 2011 (cùng kỳ)", [51, 33, 25, 13, 25, null, 100, 115, 99, 56, 70, 60], Dashed: true)],
        100, "Chỉ tiêu năm", Footer);

    private static readonly RankedBarChartModel Coverage = new("Tỷ lệ người dân tham gia BHYT năm 2024 theo đơn vị", "%",
        [("Thành phố Ngã Bảy", 98.5m), ("Huyện Phụng Hiệp", 95.7m), ("Huyện Long Mỹ", 96.54m), ("Thị xã Long Mỹ", null)], Footer, Decimals: 1, Threshold: 95, ThresholdLabel: "Mục tiêu đến năm 2025 của Nghị quyết 20-NQ/TW: ≥ 95");

    public static TheoryData<string, Chart> Charts => new()
    {
        { "trend", ChartRenderer.Trend(Trend()) },
        { "year-over-year", ChartRenderer.YearOverYear(new YearOverYearChartModel("Sốt xuất huyết so với cùng kỳ", "Số ca", 2012, [37, 25, 27, null], [51, 33, 25, 13], Footer)) },
        { "ranked", ChartRenderer.Ranked(new RankedBarChartModel("Theo huyện", "Số ca", [("Huyện Long Mỹ", 356m), ("Thành phố Vị Thanh", 120), ("Huyện Châu Thành A", null)], Footer)) },
        { "ranked-dots", ChartRenderer.Ranked(Coverage) },
        { "heat", ChartRenderer.ComplianceHeat(new ComplianceHeatModel("Tiêu chí 15", ["15.1", "15.2", "Kết quả"],
            [new HeatRow("Huyện Thanh Miện (0/2 đạt)"), new HeatRow("Xã Lê Hồng", [ComplianceStatus.Met, ComplianceStatus.NotMet, ComplianceStatus.NotMet]),
             new HeatRow("Xã Thanh Tùng", [ComplianceStatus.NoData, ComplianceStatus.NoThreshold, ComplianceStatus.NoData])], Footer)) },
    };

    [Theory]
    [MemberData(nameof(Charts))]
    public void Every_chart_is_svg_with_its_text_as_text_and_png_at_96_and_300_dpi_that_say_so(string name, Chart chart)
    {
        var texts = Texts(chart.Svg());
        Assert.Contains(chart.Title, texts);
        Assert.Contains("Nguồn: Niên giám bệnh truyền nhiễm. Số liệu đến 12/2012.", texts);

        var screen = chart.Png(96);
        Assert.Equal((chart.Width, chart.Height), PngSize(screen));
        Assert.Equal(96, PngDensity.ReadDpi(screen)!.Value, 1);
        var print = chart.Png(300);
        Assert.Equal(((int)Math.Round(chart.Width * 300 / 96.0), (int)Math.Round(chart.Height * 300 / 96.0)), PngSize(print));
        Assert.Equal(300, PngDensity.ReadDpi(print)!.Value, 1);
        Assert.True(print.Length > screen.Length, $"{name}: the 300-dpi PNG should hold more pixels");
    }

    [Fact]
    public void The_same_data_gives_the_same_bytes_and_other_data_other_bytes()
    {
        // Two separate drawings of the same data, with another chart drawn between them (Skia numbers
        // SVG clip paths process-wide, so a counter left in the output would make them differ).
        var first = ChartRenderer.Trend(Trend());
        var (firstPng, firstSvg) = (first.Png(), first.Svg());
        _ = ChartRenderer.Trend(Trend() with { Title = "Biểu đồ khác" }).Svg();
        var second = ChartRenderer.Trend(Trend());
        Assert.NotEmpty(firstPng);
        Assert.Equal(firstPng, second.Png());
        Assert.Equal(firstSvg, second.Svg());
        var other = Trend() with { Series = [Trend().Series[0] with { Values = [37, 25, 27, 30, 53, 49, 84, 107, 102, 84, 52, 35] }, Trend().Series[1]] };
        Assert.NotEqual(ChartRenderer.Trend(Trend()).Png(), ChartRenderer.Trend(other).Png());
        Assert.NotEqual(ChartRenderer.Trend(Trend()).Svg(), ChartRenderer.Trend(other).Svg());
    }

    [Fact]
    public void This_year_and_last_year_are_drawn_in_different_colours_and_the_target_is_a_line_named_in_the_legend()
    {
        var svg = ChartRenderer.Trend(Trend()).Svg();
        // Skia writes a dashed line as filled dashes, a solid one as a stroke.
        var colours = XDocument.Parse(svg).Descendants().SelectMany(e => new[] { e.Attribute("stroke")?.Value, e.Attribute("fill")?.Value }).OfType<string>().Select(c => c.ToUpperInvariant()).ToHashSet();
        Assert.Contains(Palette.Series[0], colours);
        Assert.Contains(Palette.LastYear, colours);
        Assert.Contains("Chỉ tiêu năm: 100", Texts(svg));
    }

    [Fact]
    public void An_endemic_channel_is_a_band_under_the_lines_named_in_the_legend()
    {
        var band = new ChartBand("Kênh dịch", Enumerable.Repeat<decimal?>(40, 12).ToList(), Enumerable.Repeat<decimal?>(200, 12).ToList());
        var svg = ChartRenderer.Trend(Trend() with { Band = band }).Svg();
        Assert.Contains("Kênh dịch", Texts(svg));
        var fills = XDocument.Parse(svg).Descendants().Select(e => e.Attribute("fill")?.Value?.ToUpperInvariant()).OfType<string>().ToHashSet();
        Assert.Contains(Palette.Band, fills);
        // The band's top (200) is inside the value axis: a tick at 200 is drawn.
        Assert.Contains("200", Texts(svg));
        Assert.DoesNotContain("Kênh dịch", Texts(ChartRenderer.Trend(Trend()).Svg()));
    }

    [Fact]
    public void A_missing_month_is_a_gap_in_the_line_not_a_drop_to_zero()
    {
        var model = Trend() with { Series = [new ChartSeries("Năm 2012", [37, 25, 27, 30, 53, null, 84, 107, 102, 84, 52, 36])] };
        var svg = XDocument.Parse(ChartRenderer.Trend(model).Svg());
        var line = svg.Descendants().Where(e => e.Name.LocalName == "path" && string.Equals(e.Attribute("stroke")?.Value, Palette.Series[0], StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(e => e.Attribute("d")!.Value.Length).First();
        // Two pieces: January to May, then July to December.
        Assert.Equal(2, line.Attribute("d")!.Value.Count(c => c == 'M'));
    }

    [Fact]
    public void Coverage_near_its_threshold_is_drawn_on_an_axis_that_fits_with_the_threshold_and_equal_decimals()
    {
        var texts = Texts(ChartRenderer.Ranked(Coverage).Svg());
        // Dots on a fitted axis: no tick at 0 or 100.
        Assert.DoesNotContain("0", texts);
        Assert.DoesNotContain("100", texts);
        Assert.Contains("Mục tiêu đến năm 2025 của Nghị quyết 20-NQ/TW: ≥ 95", texts);
        Assert.Contains("98,5", texts);
        Assert.Contains("96,5", texts);
        Assert.Contains("chưa có số liệu", texts);

        // Counts far apart are bars from zero, each value with the same decimals.
        var bars = Texts(ChartRenderer.Ranked(new RankedBarChartModel("Thực hiện so với chỉ tiêu", "%", [("Đình sản", 168.75m), ("Thuốc tiêm", 101m)], Footer, Decimals: 1)).Svg());
        Assert.Contains("168,8", bars);
        Assert.Contains("101,0", bars);
        Assert.Contains("0", bars);
    }

    [Fact]
    public void A_ranking_of_many_units_draws_the_highest_and_lowest_and_the_parents_line_at_a_page_size()
    {
        var communes = Enumerable.Range(1, 103).Select(i => ($"Xã {i:D3}", (decimal?)i)).ToList();
        var chart = ChartRenderer.Ranked(new RankedBarChartModel("Sốt xuất huyết theo xã", "Số ca", communes, Footer) { Reference = 52, ReferenceLabel = "Toàn tỉnh: 52" });
        var texts = Texts(chart.Svg());
        // 15 highest, a line for the 73 left out, 15 lowest: 31 rows, under 1,100 px at 96 dpi (the 103 rows took 3,034).
        Assert.Contains("Xã 103", texts);
        Assert.Contains("Xã 001", texts);
        Assert.DoesNotContain("Xã 050", texts);
        Assert.Contains("… 73 đơn vị khác (xem bảng)", texts);
        Assert.Contains("Toàn tỉnh: 52", texts);
        Assert.True(chart.Height < 1100, chart.Height.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_embedded_font_has_vietnamese_glyphs_in_regular_and_bold()
    {
        ChartFont.EnsureRegistered();
        var regular = ScottPlot.Fonts.GetTypeface(ChartFont.Family, bold: false, italic: false);
        var bold = ScottPlot.Fonts.GetTypeface(ChartFont.Family, bold: true, italic: false);
        Assert.Equal("DejaVu Sans", regular.FamilyName);
        Assert.True(bold.FontWeight > regular.FontWeight);
        Assert.True(regular.ContainsGlyphs("Sốt xuất huyết Hậu Giang Đạt"));
    }

    [Fact]
    public void Numbers_are_formatted_the_vietnamese_way()
    {
        Assert.Equal("1.178", VietnameseFormat.Number(1178m));
        Assert.Equal("95,1", VietnameseFormat.Number(95.06m));
        Assert.Equal("95", VietnameseFormat.Number(94.96m, 0));
        Assert.Equal("101,0", VietnameseFormat.Fixed(101m, 1));
        Assert.Equal("-", VietnameseFormat.Number(null));
    }

    private static List<string> Texts(string svg) =>
        XDocument.Parse(svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();

    private static (int Width, int Height) PngSize(byte[] png) =>
        (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
}
