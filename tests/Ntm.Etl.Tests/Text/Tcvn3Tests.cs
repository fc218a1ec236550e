using Ntm.Etl.Text;

namespace Ntm.Etl.Tests.Text;

public sealed class Tcvn3Tests
{
    [Theory]
    [InlineData("Hµ Néi", "Hà Nội")]
    [InlineData("Thanh Ho¸", "Thanh Hoá")]
    [InlineData("§µ N½ng", "Đà Nẵng")]
    [InlineData("TØnh/T.phè", "Tỉnh/T.phố")]
    public void Legacy_text_converts_to_unicode(string legacy, string unicode) =>
        Assert.Equal(unicode, Tcvn3.ToUnicode(legacy));

    [Fact]
    public void Detection_needs_tcvn3_letters_and_no_unicode_vietnamese()
    {
        Assert.True(Tcvn3.LooksLikeTcvn3(["Hµ Néi", "H¶i Phßng", "Th¸i B×nh"]));
        Assert.False(Tcvn3.LooksLikeTcvn3(["Hà Nội", "Hải Phòng"]));
        Assert.False(Tcvn3.LooksLikeTcvn3(["Café", "Réunion", "Total 2002"]));
        Assert.False(Tcvn3.LooksLikeTcvn3(["Hà Nội", "Hµ Néi"]));
    }
}
