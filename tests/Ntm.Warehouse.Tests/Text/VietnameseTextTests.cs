using Ntm.Domain.Text;

namespace Ntm.Warehouse.Tests.Text;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("Huyện  Long-Mỹ.", "huyen long mi")]
    [InlineData("Xã Vũ Quý", "xa vu qui")]
    [InlineData("Xã Vũ Quí", "xa vu qui")]
    [InlineData("Thủy Huy", "thuy huy")]
    [InlineData("ĐẮK LẮK", "dak lak")]
    [InlineData("  Tỷ lệ (%)  ", "ti le")]
    [InlineData("1. Sốt xuất huyết", "1 sot xuat huyet")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Key_folds_case_diacritics_punctuation_and_spacing(string? text, string expected) =>
        Assert.Equal(expected, VietnameseText.Key(text));

    [Fact]
    public void Key_treats_combining_and_precomposed_marks_alike()
    {
        var precomposed = "Hòa Bình";
        var combining = "Ho\u0300a Bi\u0300nh";
        Assert.Equal(VietnameseText.Key(precomposed), VietnameseText.Key(combining));
        Assert.Equal(precomposed, VietnameseText.Clean(combining));
    }
}
