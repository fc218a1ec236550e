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
    public void Labels_match_by_normalised_text_aliases_and_group(string label, string? group, string code) =>
        Assert.Equal(code, Labels.Resolve(label, group).Code);

    [Fact]
    public void An_unknown_label_matches_nothing()
    {
        var (code, candidates) = Labels.Resolve("Bệnh phong mới phát hiện");
        Assert.Null(code);
        Assert.Empty(candidates);
    }
}
