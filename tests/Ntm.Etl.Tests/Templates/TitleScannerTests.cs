using Ntm.Domain.Areas;
using Ntm.Etl.Templates;

namespace Ntm.Etl.Tests.Templates;

/// <summary>The reporting unit named in title lines, including one line that names the unit and those above it.</summary>
[Collection(nameof(WarehouseFixture))]
public sealed class TitleScannerTests(WarehouseFixture fixture) : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Theory]
    [InlineData("TRẠM Y TẾ XÃ TÂN HÒA - HUYỆN CHÂU THÀNH A - TỈNH HẬU GIANG")]
    [InlineData("Trạm Y tế xã Tân Hòa, huyện Châu Thành A, tỉnh Hậu Giang")]
    [InlineData("TRẠM Y TẾ XÃ TÂN HÒA HUYỆN CHÂU THÀNH A")]
    public void A_commune_whose_name_many_provinces_share_is_found_by_the_units_named_after_it_on_the_same_line(string title)
    {
        var path = new XlsxBuilder().Sheet("Báo cáo")
            .Row(0, title)
            .Row(1, "BÁO CÁO THÁNG 12 NĂM 2022")
            .Row(3, "Nội dung", "Thực hiện tháng", "Cộng dồn")
            .Row(4, "Sốt xuất huyết", 3, 17)
            .Save(directory.File("tram-y-te.xlsx"));

        var (_, result) = fixture.Read(directory, path);

        Assert.Equal("31345", result.ReportingArea!.Code);
        Assert.Equal(2, result.Values.Count);
    }

    [Fact]
    public void A_name_is_cut_only_where_a_higher_unit_begins_with_a_name_of_its_own()
    {
        Assert.Equal(
            [(AreaLevel.Commune, "xa tan hoa"), (AreaLevel.District, "huyen chau thanh a"), (AreaLevel.Province, "tinh hau giang")],
            TitleScanner.Chain(AreaLevel.Commune, "xa tan hoa huyen chau thanh a tinh hau giang"));
        // "Tịnh Thới", "Hòa Xá": unit words inside a name are not cuts.
        Assert.Single(TitleScanner.Chain(AreaLevel.Commune, "xa tinh thoi"));
        Assert.Single(TitleScanner.Chain(AreaLevel.Commune, "xa hoa xa"));
        Assert.Single(TitleScanner.Chain(AreaLevel.Commune, "xa tan tinh"));
    }
}
