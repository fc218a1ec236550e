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

    [Fact]
    public void Key_and_toned_key_decompose_as_ICU_does_for_every_character_and_mixed_script()
    {
        // Character by character below U+2000 (the table), and texts mixing those with marks written
        // apart, out of order, and other scripts (ICU's FormD of the whole text).
        var texts = new List<string>();
        for (var c = '\u0001'; c < '\u2000'; c++)
        {
            if (!char.IsSurrogate(c))
            {
                texts.Add($"x{c}y Ở");
            }
        }

        texts.AddRange(["Ho\u0323\u0302i đồng", "Ngu\u031b\u0301o\u031bi", "Thu\u0309y Quỳ", "Mỹ 字 Tho", "ＡＢＣ ２０２４ Hòa", "Ꭰ x\U0001F600y Nhơn", "Ő Ǖ ǘ ḉ Ḝ"]);
        foreach (var text in texts)
        {
            Assert.Equal(ReferenceKey(text), VietnameseText.Key(text));
        }

        Assert.Equal(VietnameseText.TonedKey("Hoằng Quỳ"), VietnameseText.TonedKey("Hoa\u0306\u0300ng Quy\u0300"));
        Assert.Equal("hoăng2 qui2", VietnameseText.TonedKey("Hoằng Quỳ"));

        // Two tones on one letter (a slip): texts Unicode holds equivalent (the marks typed in either order) give one key,
        // the tone that canonical order puts last; on two letters of a word, the last written.
        foreach (var slip in new[] { "Ha\u0301\u0323 Lo\u0323\u0300c", "Ha\u0323\u0301 Lo\u0300\u0323c", "Ho\u0302\u0323\u0301i", "Ho\u0323\u0302\u0301i", "Ha\u0301i\u0300", "\u1EA1\u0301" })
        {
            Assert.Equal(VietnameseText.TonedKey(slip.Normalize(System.Text.NormalizationForm.FormD)), VietnameseText.TonedKey(slip));
            Assert.Equal(VietnameseText.TonedKey(slip.Normalize(System.Text.NormalizationForm.FormC)), VietnameseText.TonedKey(slip));
        }

        Assert.Equal(VietnameseText.TonedKey("Ha\u0301\u0323"), VietnameseText.TonedKey("Ha\u0323\u0301"));
        Assert.Equal("ha1", VietnameseText.TonedKey("Ha\u0323\u0301"));
        Assert.Equal("hai2", VietnameseText.TonedKey("Ha\u0301i\u0300"));
    }

    [Fact]
    public void Composed_is_ICU_FormC_for_every_character_and_mixed_script()
    {
        for (var c = '\u0001'; c < '\u2000'; c++)
        {
            if (!char.IsSurrogate(c))
            {
                var text = $"Ho{c}a Quỳ";
                Assert.Equal(text.Normalize(System.Text.NormalizationForm.FormC), VietnameseText.Composed(text));
            }
        }

        foreach (var text in new[] { "Hòa Bình", "Ho\u0300a Bi\u0300nh", "Ngu\u031b\u0301o\u031bi", "Mỹ 字 Tho", "Ꭰ x\U0001F600y Nhơn", "A\u030A Å" })
        {
            Assert.Equal(text.Normalize(System.Text.NormalizationForm.FormC), VietnameseText.Composed(text));
        }
    }

    // Key as it was written first: the whole text through ICU's FormD, marks dropped.
    private static string ReferenceKey(string text)
    {
        var builder = new System.Text.StringBuilder();
        var pendingSpace = false;
        foreach (var c in text.Normalize(System.Text.NormalizationForm.FormD))
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var mapped = c is 'đ' or 'Đ' ? 'd' : VietnameseText.AsciiDigit(char.ToLowerInvariant(c));
            if (char.IsLetterOrDigit(mapped))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(mapped);
                pendingSpace = false;
            }
            else
            {
                pendingSpace = true;
            }
        }

        // The final-y rule is the same for both; it is compared by the inline cases above.
        return VietnameseText.Key(builder.ToString());
    }
}
