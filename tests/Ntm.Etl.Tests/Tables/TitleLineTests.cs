using Ntm.Etl.Tables;

namespace Ntm.Etl.Tests.Tables;

/// <summary>What a line above a table is: a signing line is a place and a day, never a note's or a span's day.</summary>
public sealed class TitleLineTests
{
    [Theory]
    [InlineData("Phong Điền, ngày 03 tháng 11 năm 2024", "2024-11-03")]
    [InlineData("Mỹ Tú, ngày 08 tháng 7 năm 2024", "2024-07-08")]
    [InlineData("Ngã Sáu, ngày 28 tháng 10 năm 2024", "2024-10-28")]
    [InlineData("Hà Nội, ngày 3/11/2024", "2024-11-03")]
    public void A_place_and_a_day_is_a_signing_line_whatever_the_place_s_last_word(string line, string day)
    {
        var (kind, date) = TitleBlock.KindOf(line, TableVocabulary.BuiltIn);

        Assert.Equal((TitleLineKind.Signing, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)), (kind, date));
    }

    [Theory]
    [InlineData("Ghi chú: Cộng dồn tính từ ngày 01/01/2024.")]
    [InlineData("Số liệu cộng dồn từ ngày 01 tháng 01 năm 2024")]
    [InlineData("Lũy kế tính từ ngày 01/01/2024")]
    public void A_note_s_or_a_span_s_day_is_no_signing_day(string line)
    {
        Assert.NotEqual(TitleLineKind.Signing, TitleBlock.KindOf(line, TableVocabulary.BuiltIn).Kind);
    }
}
