using Ntm.Domain.Text;

namespace Ntm.Domain.Tests.Text;

/// <summary>The questions reading asks of a cell's characters give what LINQ over the text gives.</summary>
public sealed class TextCharsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("1.3o9")]
    [InlineData("14.1. Tỷ lệ người dân tham gia BHYT")]
    [InlineData("Đ")]
    [InlineData("2024")]
    [InlineData("  ")]
    public void Any_all_and_count_agree_with_linq(string text)
    {
        foreach (var kind in new Func<char, bool>[] { char.IsLetter, char.IsDigit, char.IsAsciiDigit, char.IsLower })
        {
            Assert.Equal(text.Any(kind), TextChars.Any(text, kind));
            Assert.Equal(text.All(kind), TextChars.All(text, kind));
            Assert.Equal(text.Count(kind), TextChars.Count(text, kind));
        }
    }

    [Fact]
    public void A_vietnamese_capital_is_a_letter_and_a_mistyped_number_has_more_digits_than_letters()
    {
        Assert.True(TextChars.Any("Đ", char.IsLetter));
        Assert.True(TextChars.Count("1.3o9", char.IsDigit) > TextChars.Count("1.3o9", char.IsLetter));
        Assert.True(TextChars.All(string.Empty, char.IsAsciiDigit));
    }
}
