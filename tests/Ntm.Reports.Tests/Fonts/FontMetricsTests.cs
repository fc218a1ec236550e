using Ntm.Reports.Fonts;

namespace Ntm.Reports.Tests.Fonts;

public sealed class FontMetricsTests
{
    [Fact]
    public void Widths_come_from_the_fonts_own_advance_table()
    {
        var font = FontMetrics.DejaVuSans;
        Assert.Equal(2048, font.UnitsPerEm);
        // DejaVu Sans: "i" is narrow, "W" wide; widths scale with the size.
        Assert.True(font.Measure("W", 12) > 2 * font.Measure("i", 12));
        Assert.Equal(2 * font.Measure("Hà Nội", 12), font.Measure("Hà Nội", 24), 6);
        Assert.Equal(font.Measure("ab", 12), font.Measure("a", 12) + font.Measure("b", 12), 6);
    }

    [Fact]
    public void Vietnamese_letters_have_their_own_glyphs_and_combining_input_measures_like_precomposed()
    {
        var font = FontMetrics.DejaVuSans;
        Assert.True(font.Measure("Đ", 12) > 0);
        Assert.Equal(font.Measure("Hòa Bình", 12), font.Measure("Ho\u0300a Bi\u0300nh", 12), 6);
        // "ệ" is a glyph of its own, not the missing-glyph box: it measures like "e" in this font.
        Assert.Equal(font.Measure("e", 12), font.Measure("ệ", 12), 6);
    }
}
