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

    [Theory]
    [InlineData("TRẠM Y TẾ XÃ LONG TRỊ", "Long Trị", "31477")]
    [InlineData("TRẠM Y TẾ XÃ LONG TRÌ", "Long Trì", "28243")]
    [InlineData("Trạm Y tế xã Long Trị - thị xã Long Mỹ", "Long Trị", "31477")]
    public void A_commune_whose_name_another_shares_but_for_its_tone_is_found_by_the_tone_written_in_the_title(string issuer, string place, string code)
    {
        var path = directory.File("long-tri.csv");
        File.WriteAllText(path, string.Join('\n',
            issuer,
            $"{place}, ngày 02 tháng 12 năm 2024",
            "BÁO CÁO HOẠT ĐỘNG Y TẾ THÁNG 11 NĂM 2024",
            "Nội dung,Trong tháng,Cộng dồn",
            "Sốt xuất huyết,3,41",
            "Tay chân miệng,1,12"));

        var (_, result) = fixture.Read(directory, path);

        Assert.Equal(code, result.ReportingArea?.Code);
        Assert.Equal(4, result.Values.Count);
        Assert.All(result.Values, v => Assert.Equal(code, v.Area.Code));
        Assert.DoesNotContain(result.Findings, f => f.Severity == Ntm.Etl.Validation.Severity.Error);
    }

    [Fact]
    public void A_commune_named_without_tones_where_two_differ_only_by_them_is_asked_for_not_guessed()
    {
        var path = directory.File("long-tri-khong-dau.csv");
        File.WriteAllText(path, string.Join('\n',
            "TRAM Y TE XA LONG TRI",
            "BAO CAO HOAT DONG Y TE THANG 11 NAM 2024",
            "Noi dung,Trong thang,Cong don",
            "Sot xuat huyet,3,41"));

        var (_, result) = fixture.Read(directory, path);

        Assert.Empty(result.Values);
        Assert.Contains(result.Findings, f => f.Severity == Ntm.Etl.Validation.Severity.Error && f.Message.Contains("Long Trì", StringComparison.Ordinal) && f.Message.Contains("Long Trị", StringComparison.Ordinal));
    }

    [Fact]
    public void A_commune_whose_name_two_districts_share_under_a_bare_issuer_is_asked_for_with_the_cell_that_names_it()
    {
        // "UBND XÃ THUẬN HƯNG / TRẠM Y TẾ": Long Mỹ and Mỹ Tú each had a Xã Thuận Hưng, and nothing else on the page says which.
        var path = new XlsxBuilder().Sheet("KHHGD T11")
            .Row(0, "UBND XÃ THUẬN HƯNG", null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
            .Row(1, "TRẠM Y TẾ", null, null, "Độc lập - Tự do - Hạnh phúc")
            .Row(2, "Số: 12/BC-TYT", null, null, "Thuận Hưng, ngày 02 tháng 12 năm 2024")
            .Row(4, "BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC BIỆN PHÁP TRÁNH THAI THÁNG 11/2024")
            .Row(6, "TT", "Nội dung", "Kế hoạch năm 2024", "Trong tháng", "Cộng dồn")
            .Row(7, 1, "Đặt vòng", 40, 3, 35)
            .Save(directory.File("khhgd-thuan-hung.xlsx"));

        var (_, result) = fixture.Read(directory, path);

        Assert.Empty(result.Values);
        var error = Assert.Single(result.Findings, f => f.Severity == Ntm.Etl.Validation.Severity.Error);
        Assert.Contains("Tiêu đề 'UBND XÃ THUẬN HƯNG' (trang 'KHHGD T11', ô A1)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Huyện Long Mỹ (mã 31483", error.Message, StringComparison.Ordinal);
        Assert.Contains("Huyện Mỹ Tú (mã 31606", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_is_cut_only_where_a_higher_unit_begins_with_a_name_of_its_own()
    {
        Assert.Equal(
            [(AreaLevel.Commune, "xa tan hoa"), (AreaLevel.District, "huyen chau thanh a"), (AreaLevel.Province, "tinh hau giang")],
            Ntm.Etl.Tables.ReportingUnit.Chain(AreaLevel.Commune, "xa tan hoa huyen chau thanh a tinh hau giang"));
        // "Tịnh Thới", "Hòa Xá": unit words inside a name are not cuts.
        Assert.Single(Ntm.Etl.Tables.ReportingUnit.Chain(AreaLevel.Commune, "xa tinh thoi"));
        Assert.Single(Ntm.Etl.Tables.ReportingUnit.Chain(AreaLevel.Commune, "xa hoa xa"));
        Assert.Single(Ntm.Etl.Tables.ReportingUnit.Chain(AreaLevel.Commune, "xa tan tinh"));
    }

    [Fact]
    public void A_list_of_health_stations_is_reported_by_the_title_s_unit_and_its_rows_are_the_communes()
    {
        var path = new XlsxBuilder().Sheet("Danh sách")
            .Row(0, "TRUNG TÂM Y TẾ HUYỆN CHÂU THÀNH A")
            .Row(1, "DANH SÁCH NĂM 2024")
            .Row(2, "STT", "Đơn vị", "Dân số", "Số người tham gia BHYT")
            .Row(3, 1, "TYT TT Một Ngàn", 12000, 10800)
            .Row(4, 2, "Trạm Y tế xã Tân Hòa", 9000, 8100)
            .Row(5, 3, "TYT Thạnh Xuân", 10000, 8500)
            .Row(6, 4, "X. Trường Long Tây", 5000, 4000)
            .Save(directory.File("tram.xlsx"));

        var (template, result) = fixture.Read(directory, path);

        Assert.Equal("unit-grid", template);
        // "TYT TT Một Ngàn" is a row of the list, not the title: the reporting unit stays the district.
        Assert.Equal("932", result.ReportingArea!.Code);
        Assert.Equal(["31342", "31345", "31348", "31360"], result.Values.Select(v => v.Area.Code).Distinct().Order());
        Assert.Equal(8, result.Values.Count);
        Assert.DoesNotContain(result.Findings, f => f.Severity == Ntm.Etl.Validation.Severity.Error);
    }

    [Theory]
    [InlineData("TYT xã Tân Hòa", "xã Tân Hòa")]
    [InlineData("Trạm Y tế Thạnh Xuân", "Thạnh Xuân")]
    [InlineData("TTYT huyện Long Mỹ", "huyện Long Mỹ")]
    [InlineData("Xã Tân Hòa", "Xã Tân Hòa")]
    public void The_organisation_before_a_unit_s_name_is_taken_off(string text, string name) =>
        Assert.Equal(name, Ntm.Etl.Tables.ReportingUnit.WithoutOrganisation(text, Ntm.Etl.Tables.TableVocabulary.BuiltIn));
}
