using Ntm.Etl.Parsing;

namespace Ntm.Etl.Tests.Parsing;

public sealed class NumberParserTests
{
    [Theory]
    [InlineData("1.178", NumberContext.Count, 1178)]
    [InlineData("1,399", NumberContext.Count, 1399)]
    [InlineData("53.131", NumberContext.Count, 53131)]
    [InlineData("2.201.843", NumberContext.Unknown, 2201843)]
    [InlineData("1,234,567", NumberContext.Unknown, 1234567)]
    [InlineData("111,54", NumberContext.Unknown, 111.54)]
    [InlineData("110.2", NumberContext.Unknown, 110.2)]
    [InlineData("1.234,5", NumberContext.Unknown, 1234.5)]
    [InlineData("1,234.5", NumberContext.Unknown, 1234.5)]
    [InlineData("Có (01 nội dung)", NumberContext.Count, 1)]
    [InlineData("Có (2)", NumberContext.Count, 2)]
    [InlineData("00", NumberContext.Count, 0)]
    [InlineData("08", NumberContext.Count, 8)]
    [InlineData("0", NumberContext.Count, 0)]
    [InlineData("193", NumberContext.Unknown, 193)]
    [InlineData(" 7 475 ", NumberContext.Count, 7475)]
    [InlineData("0,5", NumberContext.Rate, 0.5)]
    [InlineData("1.178", NumberContext.Rate, 1.178)]
    [InlineData("1,178", NumberContext.Rate, 1.178)]
    [InlineData("-12", NumberContext.Unknown, -12)]
    public void Numbers_are_read_in_both_conventions(string text, NumberContext context, double expected)
    {
        var parsed = NumberParser.Parse(text, context);
        Assert.Equal(ValueKind.Number, parsed.Kind);
        Assert.Equal((decimal)expected, parsed.Value);
        Assert.False(parsed.Unsure);
    }

    [Theory]
    [InlineData("110.2%", 110.2)]
    [InlineData("111,54%", 111.54)]
    [InlineData("95, 1%", 95.1)]
    [InlineData("66%", 66)]
    [InlineData("100,3 %", 100.3)]
    public void Percentages_keep_the_number_before_the_sign(string text, double expected)
    {
        var parsed = NumberParser.Parse(text);
        Assert.Equal(ValueKind.Percent, parsed.Kind);
        Assert.Equal((decimal)expected, parsed.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-")]
    [InlineData("–")]
    [InlineData(null)]
    public void Empty_and_dash_are_not_reported_which_is_not_zero(string? text)
    {
        var parsed = NumberParser.Parse(text, NumberContext.Count);
        Assert.Equal(ValueKind.NotReported, parsed.Kind);
        Assert.Null(parsed.Value);
    }

    [Theory]
    [InlineData("7.746/6.653", 7746, 6653)]
    [InlineData("7.475/7860", 7475, 7860)]
    [InlineData("56.549/50.697", 56549, 50697)]
    [InlineData("3.159 / 7860", 3159, 7860)]
    public void A_value_and_its_target_in_one_cell_are_a_pair(string text, double first, double second)
    {
        var parsed = NumberParser.Parse(text);
        Assert.Equal(ValueKind.Pair, parsed.Kind);
        Assert.Equal(((decimal)first, (decimal)second), (parsed.Value, parsed.Second));
    }

    [Theory]
    [InlineData("↑15,19", 15.19)]
    [InlineData("↓375", -375)]
    [InlineData("tăng 1.123", 1123)]
    [InlineData("giảm 51", -51)]
    [InlineData("Giảm 11 ca", -11)]
    [InlineData("↑ 2,5%", 2.5)]
    public void Arrows_and_words_make_signed_differences(string text, double expected)
    {
        var parsed = NumberParser.Parse(text, NumberContext.Count);
        Assert.Equal(ValueKind.Difference, parsed.Kind);
        Assert.Equal((decimal)expected, parsed.Value);
    }

    [Theory]
    [InlineData("<1%", 1)]
    [InlineData("< 0,5", 0.5)]
    [InlineData("≥ 95", 95)]
    public void Bounds_are_recognised_and_never_a_value(string text, double bound)
    {
        var parsed = NumberParser.Parse(text);
        Assert.Equal(ValueKind.Bound, parsed.Kind);
        Assert.Equal((decimal)bound, parsed.Value);
        Assert.False(parsed.HasValue);
    }

    [Theory]
    [InlineData("1.3o9")]
    [InlineData("12..3")]
    [InlineData("1.23.4")]
    [InlineData("7.746/")]
    [InlineData("%")]
    public void Text_that_is_not_a_number_is_invalid(string text) =>
        Assert.Equal(ValueKind.Invalid, NumberParser.Parse(text, NumberContext.Count).Kind);

    [Theory]
    [InlineData("abc")]
    [InlineData("Đạt")]
    [InlineData("tương đương")]
    [InlineData("Không có ca SR (+)")]
    public void Words_without_a_digit_are_a_remark_not_a_number(string text) =>
        Assert.Equal(ValueKind.Text, NumberParser.Parse(text, NumberContext.Count).Kind);

    [Theory]
    [InlineData("> 95", ">", 95.0, null)]
    [InlineData("<109", "<", 109.0, null)]
    [InlineData("18,5", null, 18.5, null)]
    [InlineData("95% với 12 loại vắc xin", null, 95.0, "với 12 loại vắc xin")]
    [InlineData("≥ 90 %", ">=", 90.0, null)]
    [InlineData("< 23", "<", 23.0, null)]
    public void Targets_are_read_with_their_comparator_and_words(string text, string? comparator, double value, string? note)
    {
        var parsed = NumberParser.ParseComparison(text);
        Assert.NotNull(parsed);
        Assert.Equal((comparator, (decimal)value, note), (parsed.Value.Comparator, parsed.Value.Value, parsed.Value.Note));
    }

    [Fact]
    public void A_bound_with_words_after_it_is_a_bound()
    {
        var parsed = NumberParser.Parse("> 97% dân số đã được lập hồ sơ sức khỏe điện tử nhưng chưa thực hiện quản lý", NumberContext.Rate);
        Assert.Equal(ValueKind.Bound, parsed.Kind);
        Assert.Equal(97m, parsed.Value);
    }

    [Fact]
    public void Words_before_a_number_are_kept_apart()
    {
        var parsed = NumberParser.Parse("Tiêm nhắc 59", NumberContext.Count);
        Assert.Equal((ValueKind.Number, 59m, "Tiêm nhắc"), (parsed.Kind, parsed.Value!.Value, parsed.Words));
    }

    [Theory]
    [InlineData("193*", 193, "*")]
    [InlineData("1.178**", 1178, "**")]
    [InlineData("119 (1)", 119, "(1)")]
    [InlineData("45¹", 45, "¹")]
    [InlineData("12 (3 tử vong)", 12, "(3 tử vong)")]
    [InlineData("45  (ước tính)", 45, "(ước tính)")]
    [InlineData("1.178 (trong đó 12 nữ)", 1178, "(trong đó 12 nữ)")]
    public void A_footnote_mark_or_a_remark_after_a_number_is_set_apart_like_words(string text, double value, string mark)
    {
        var parsed = NumberParser.Parse(text, NumberContext.Count);
        Assert.Equal((ValueKind.Number, (decimal)value, mark), (parsed.Kind, parsed.Value!.Value, parsed.Words));
    }

    [Theory]
    [InlineData("(5)")]
    [InlineData("*")]
    public void A_mark_without_a_number_before_it_is_no_number(string text) =>
        Assert.False(NumberParser.Parse(text, NumberContext.Count).Kind == ValueKind.Number);

    [Fact]
    public void A_lone_ambiguous_number_without_context_is_read_the_vietnamese_way_and_flagged()
    {
        var parsed = NumberParser.Parse("1.178");
        Assert.Equal(1178m, parsed.Value);
        Assert.True(parsed.Unsure);
    }

    [Fact]
    public void The_rest_of_a_column_decides_its_ambiguous_cells()
    {
        var english = NumberParser.ParseColumn([("1,399", null), ("12.5", null), ("2,001", null)], NumberContext.Unknown);
        Assert.Equal([1399m, 12.5m, 2001m], english.Select(p => p.Value));
        Assert.All(english, p => Assert.False(p.Unsure));

        var vietnamese = NumberParser.ParseColumn([("1.178", null), ("95,1", null)], NumberContext.Unknown);
        Assert.Equal([1178m, 95.1m], vietnamese.Select(p => p.Value));
        Assert.All(vietnamese, p => Assert.False(p.Unsure));
    }

    [Fact]
    public void Numbers_the_file_stored_are_taken_as_stored()
    {
        Assert.Equal(0.3m, NumberParser.Parse("0.30000000000000004", stored: 0.1 + 0.2).Value);
        Assert.Equal(1178m, NumberParser.Parse("1178", stored: 1178.0).Value);
    }

    [Fact]
    public void Test_result_annotations_are_kept_apart_from_the_number()
    {
        var parsed = NumberParser.Parse("5.493(-)", NumberContext.Count);
        Assert.Equal((ValueKind.Number, 5493m, "(-)"), (parsed.Kind, parsed.Value, parsed.Annotation));
    }
}
