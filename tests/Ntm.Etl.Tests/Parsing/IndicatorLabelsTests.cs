using Ntm.Etl.Parsing;
using Ntm.Warehouse.ReferenceData;

namespace Ntm.Etl.Tests.Parsing;

public sealed class IndicatorLabelsTests
{
    private static readonly IndicatorLabels Labels = IndicatorLabels.FromCatalog(IndicatorCatalog.Build(ReferenceFiles.Load()));

    [Theory]
    [InlineData("Sốt xuất huyết", null, "disease.dengue.cases")]
    [InlineData("1. SXH", null, "disease.dengue.cases")]
    [InlineData(" - Lao phổi M(+) mới", null, "tb.pulmonary_pos_new")]
    [InlineData("- Lao phổi M(-)", null, "tb.pulmonary_neg")]
    [InlineData(" - Tổng số", "* Khám phát hiện :", "tb.detected.total")]
    [InlineData(" - Tổng số", "* Bệnh lành", "tb.cured.total")]
    [InlineData(" - Lao phổi M(+)", "* Bệnh lành", "tb.cured.pulmonary_pos")]
    [InlineData("14.1. Tỷ lệ người dân tham gia bảo hiểm y tế ( áp dụng đạt cho cả nam và nữ)", null, "bhyt.coverage")]
    [InlineData("a) Vòng tránh thai", null, "fp.iud")]
    [InlineData("CumA(H5N1)", null, "disease.influenza_h5n1.cases")]
    [InlineData("1. Viêm gan do vi rút", null, "disease.hepatitis.cases")]
    [InlineData("Bệnh sởi", null, "disease.measles.cases")]
    [InlineData("disease.hfmd.cases", null, "disease.hfmd.cases")]
    [InlineData("Quản lý, tư vấn BN được phát hiện", "* Chương trình Phòng chống hen phế quản:", "ncd.asthma.managed")]
    [InlineData("* Tâm thần phân liệt", "Phát hiện bệnh mới", "mental.new.schizophrenia")]
    [InlineData("*Tâm thần phân liệt", "Bệnh nhân quản lý", "mental.managed.schizophrenia")]
    [InlineData(" - Cân nặng theo tuổi", "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng", "nutrition.underweight_u5.rate")]
    [InlineData("Tổng:", "Các BPTT", "fp.modern.total")]
    [InlineData("Số trẻ <5 tuổi bị SDD cân nặng/tuổi", null, "nutrition.underweight_u5")]
    [InlineData("Giường bệnh viện/vạn dân", null, "resources.beds_per_10k")]
    [InlineData("Tỷ lệ giường bệnh tư nhân (%)", null, "resources.beds_private.share")]
    [InlineData("- Số ca nhiễm mới HIV trên 100.000 dân", null, "disease.hiv.new_per_100k")]
    public void Labels_match_by_normalised_text_aliases_and_context(string label, string? context, string code) =>
        Assert.Equal(code, Labels.Resolve(label, context is null ? null : [context]).Code);

    [Fact]
    public void A_total_without_context_is_not_guessed()
    {
        Assert.Null(Labels.Resolve("Tổng số").Code);
        Assert.Null(Labels.Resolve("Quản lý, tư vấn BN được phát hiện").Code);
    }

    [Fact]
    public void An_unmatched_label_gets_the_closest_indicators_as_suggestions()
    {
        var suggestion = Labels.Suggest("Số trẻ dưới 5 tuổi suy dinh dưỡng thể thấp còi mới");
        Assert.Contains(suggestion.Indicators, s => s.Code == "nutrition.stunting_u5");
        Assert.Equal("Số trẻ dưới 5 tuổi suy dinh dưỡng thể thấp còi mới", suggestion.Alias);
        Assert.Empty(Labels.Suggest("xyz").Indicators);
    }

    [Theory]
    [InlineData("Cân nặng theo chiều cao", "nutrition.wasting_u5")]
    [InlineData("Chiều cao theo tuổi", "nutrition.stunting_u5")]
    [InlineData("Cân nặng theo tuổi", "nutrition.underweight_u5")]
    public void A_sub_header_is_suggested_with_its_group_and_taught_in_that_context(string group, string expected)
    {
        // "Số trẻ SDD" shares only "số trẻ" with most counts: the group's words say which, and the alias must keep them.
        var suggestion = Labels.Suggest("Số trẻ SDD", group);
        Assert.Equal(expected, suggestion.Indicators[0].Code);
        Assert.Equal($"{group} > Số trẻ SDD", suggestion.Alias);
        Assert.Null(Labels.Resolve("Số trẻ SDD").Code);
    }

    [Fact]
    public void A_context_or_label_holding_the_alias_divider_is_taught_so_that_it_splits_where_it_should()
    {
        var suggestion = Labels.Suggest("Số trẻ > 2 tuổi SDD", "Trẻ > 5 tuổi");
        Assert.Equal("Trẻ >5 tuổi > Số trẻ >2 tuổi SDD", suggestion.Alias);
        var taught = new IndicatorLabels([new IndicatorLabel("x.count", "count", null, null, "X", [suggestion.Alias])]);
        Assert.Equal("x.count", taught.Resolve("Số trẻ > 2 tuổi SDD", ["Trẻ > 5 tuổi"]).Code);
        Assert.Null(taught.Resolve("Số trẻ > 2 tuổi SDD", ["Trẻ em"]).Code);
    }

    [Fact]
    public void Words_every_count_has_do_not_make_a_suggestion()
    {
        Assert.DoesNotContain(Labels.Suggest("Số trẻ SDD").Indicators, s => s.Code.StartsWith("epi.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Số ca sốt phát ban nghi ngờ", WordsRelation.Shares)]
    [InlineData("Số mẫu xét nghiệm", WordsRelation.Other)]
    [InlineData("Số ca dương tính sởi", WordsRelation.Other)]
    [InlineData("(%)", WordsRelation.Silent)]
    [InlineData("", WordsRelation.Silent)]
    public void A_header_under_a_title_naming_an_indicator_names_it_another_quantity_or_nothing(string header, WordsRelation expected) =>
        Assert.Equal(expected, Labels.Relation(header, "disease.rash_fever.cases"));

    [Fact]
    public void An_unknown_label_matches_nothing()
    {
        var (code, candidates) = Labels.Resolve("Bệnh phong mới phát hiện");
        Assert.Null(code);
        Assert.Empty(candidates);
    }
}
