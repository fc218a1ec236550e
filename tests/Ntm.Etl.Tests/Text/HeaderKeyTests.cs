using Ntm.Etl.Tables;

namespace Ntm.Etl.Tests.Text;

public sealed class HeaderKeyTests
{
    [Theory]
    [InlineData("thuc hien thang", "thuc hien thang", true)]
    [InlineData("so thuc hien thang 10", "thuc hien", true)]
    [InlineData("thuc hien thang", "thang", true)]
    [InlineData("thuc hien thang", "than", false)]
    [InlineData("cong don", "cong", true)]
    [InlineData("tong cong", "cong", true)]
    [InlineData("congdon cong", "cong", true)]
    [InlineData("congdon", "cong", false)]
    [InlineData("ke hoach nam", "hoach nam ke", false)]
    [InlineData("a a b", "a b", true)]
    [InlineData("nam", "", false)]
    [InlineData("", "nam", false)]
    public void A_phrase_stands_in_a_key_word_for_word(string key, string phrase, bool expected)
    {
        Assert.Equal(expected, HeaderKey.Contains(key, phrase));
        // As it was first written: the key padded with spaces holds the phrase padded with spaces.
        Assert.Equal(phrase.Length > 0 && (key == phrase || $" {key} ".Contains($" {phrase} ", StringComparison.Ordinal)), HeaderKey.Contains(key, phrase));
    }
}
