using Ntm.Domain.Measures;
using Ntm.Etl.Templates;

namespace Ntm.Etl.Tests.Templates;

/// <summary>
/// Report tables laid out as other offices lay them out, beyond the seeds: headers whose words
/// hold numbers ("Cộng dồn 12 tháng"), headers that only name a month ("Tháng 12/2022"), columns
/// of another period ("Cùng kỳ năm 2021", "Cộng dồn cùng kỳ 2021", "Tháng 11/2022"), a unit
/// column, roman-numbered groups, and the row of column numbers official forms print under the header.
/// </summary>
[Collection(nameof(WarehouseFixture))]
public sealed class HeaderVariantTests(WarehouseFixture fixture) : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private ExtractionResult Read(string path)
    {
        var (template, result) = fixture.Read(directory, path);
        Assert.Equal("report-table", template);
        return result;
    }

    private static decimal Value(ExtractionResult result, string indicator, string measure) =>
        Assert.Single(result.Values, v => v.IndicatorCode == indicator && v.Measure.ToCode() == measure).Value;

    [Fact]
    public void A_month_named_in_the_header_is_the_month_and_last_year_s_column_is_left_out()
    {
        var path = new XlsxBuilder().Sheet("Báo cáo")
            .Row(0, "SỞ Y TẾ TỈNH HẬU GIANG")
            .Row(1, "BÁO CÁO KẾT QUẢ HOẠT ĐỘNG Y TẾ THÁNG 12 NĂM 2022")
            .Row(3, "TT", "Chỉ tiêu", "Đơn vị tính", "Tháng 12/2022", "Cộng dồn 12 tháng", "Cùng kỳ năm 2021")
            .Row(4, "I", "CÔNG TÁC PHÒNG CHỐNG DỊCH")
            .Row(5, 1, "Sốt xuất huyết", "ca", 193, 1178, 55)
            .Row(6, 2, "Tay chân miệng", "ca", 119, 801, 388)
            .Row(7, 3, "Viêm gan virus", "ca", 2, 9, 4)
            .Row(8, "II", "TIÊM CHỦNG MỞ RỘNG")
            .Row(9, 1, "Trẻ <1 tuổi được miễn dịch đầy đủ", "trẻ", 610, 7158)
            .Save(directory.File("thang-12.xlsx"));

        var result = Read(path);

        Assert.Equal(202212, result.Period!.Period.Key);
        Assert.Equal(193m, Value(result, "disease.dengue.cases", "month"));
        Assert.Equal(1178m, Value(result, "disease.dengue.cases", "ytd"));
        Assert.Equal(119m, Value(result, "disease.hfmd.cases", "month"));
        Assert.Equal(801m, Value(result, "disease.hfmd.cases", "ytd"));
        Assert.Equal(2m, Value(result, "disease.hepatitis.cases", "month"));
        Assert.Equal(9m, Value(result, "disease.hepatitis.cases", "ytd"));
        Assert.Equal(610m, Value(result, "epi.fully_immunized_u1", "month"));
        Assert.Equal(7158m, Value(result, "epi.fully_immunized_u1", "ytd"));
        Assert.Equal(8, result.Values.Count);
        Assert.All(result.Values, v => Assert.Equal(202212, v.Period.Key));
        Assert.DoesNotContain(result.Values, v => v.Cell.StartsWith('F'));
        Assert.Contains(result.Ignored, i => i.Text == "Cùng kỳ năm 2021");
        Assert.DoesNotContain(result.Findings, f => f.Rule is "unknown_indicator" or "unlabelled_row");
    }

    [Fact]
    public void Columns_of_another_period_are_left_out_whatever_longer_words_they_hold()
    {
        var path = new XlsxBuilder().Sheet("Dịch bệnh")
            .Row(0, "TRUNG TÂM Y TẾ HUYỆN LONG MỸ")
            .Row(1, "Báo cáo tháng 12 năm 2022")
            .Row(3, "STT", "Tên bệnh", "Tháng 11/2022", "Tháng 12/2022", "Cộng dồn", "Cộng dồn cùng kỳ 2021", "Số mắc tháng trước")
            .Row(4, "(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)")
            .Row(5, 1, "Sốt xuất huyết", 40, 25, 310, 120, 40)
            .Row(6, 2, "Tay chân miệng", 11, 9, 95, 60, 11)
            .Save(directory.File("long-my.xlsx"));

        var result = Read(path);

        Assert.Equal("93", result.ReportingArea!.Code[..2]);
        Assert.Equal(25m, Value(result, "disease.dengue.cases", "month"));
        Assert.Equal(310m, Value(result, "disease.dengue.cases", "ytd"));
        Assert.Equal(9m, Value(result, "disease.hfmd.cases", "month"));
        Assert.Equal(95m, Value(result, "disease.hfmd.cases", "ytd"));
        Assert.Equal(4, result.Values.Count);
        Assert.Contains(result.Ignored, i => i.Text == "Tháng 11/2022" && i.Reason.Contains("tháng 11/2022", StringComparison.Ordinal));
        Assert.Contains(result.Ignored, i => i.Text == "Cộng dồn cùng kỳ 2021");
        Assert.Contains(result.Ignored, i => i.Text == "Số mắc tháng trước");
        Assert.DoesNotContain(result.Findings, f => f.Rule is "unknown_indicator" or "unlabelled_row");
    }

    [Fact]
    public void Without_a_title_the_month_of_the_columns_is_the_period()
    {
        var path = new XlsxBuilder().Sheet("Sheet1")
            .Row(0, "SỞ Y TẾ HẬU GIANG")
            .Row(2, "Nội dung", "T12/2022", "Lũy kế")
            .Row(3, "Sốt xuất huyết", 193, 1178)
            .Save(directory.File("bang.xlsx"));

        var result = Read(path);

        Assert.Equal(202212, result.Period!.Period.Key);
        Assert.Equal(193m, Value(result, "disease.dengue.cases", "month"));
        Assert.Equal(1178m, Value(result, "disease.dengue.cases", "ytd"));
    }

    [Theory]
    [InlineData("tháng 12/2022", 12, 2022)]
    [InlineData("Tháng 12 năm 2022", 12, 2022)]
    [InlineData("T12/2022", 12, 2022)]
    [InlineData("12/2022", 12, 2022)]
    [InlineData("Tháng 3", 3, null)]
    public void A_header_that_only_names_a_month_is_read_as_that_month(string header, int month, int? year) =>
        Assert.Equal((month, year), Ntm.Etl.Tables.MeasureTagger.NamedMonth(Ntm.Etl.Tables.HeaderKey.Of(header)));

    [Theory]
    [InlineData("Cộng dồn 12 tháng")]
    [InlineData("Tháng 13/2022")]
    [InlineData("Lũy kế đến tháng 12/2022")]
    public void A_header_with_other_words_does_not_only_name_a_month(string header) =>
        Assert.Null(Ntm.Etl.Tables.MeasureTagger.NamedMonth(Ntm.Etl.Tables.HeaderKey.Of(header)));

    [Fact]
    public void A_year_s_table_with_plans_and_results_named_by_year_alone()
    {
        var path = new XlsxBuilder().Sheet("NQ20")
            .Row(0, "UBND THÀNH PHỐ CAO BẰNG")
            .Row(2, "STT", "Chỉ tiêu", "ĐVT", "Năm 2023", "TH 2024", "KH 2025", "Mục tiêu 2030")
            .Row(3, 1, "Giường bệnh viện/vạn dân", "giường", 15, 16, 30, 32)
            .Row(4, 2, "Bác sĩ/vạn dân", "bác sĩ", 7, 8, 10, 11)
            .Row(5, 3, "Tỷ lệ tham gia bảo hiểm y tế", "%", "85,1", "86,5", "≥ 95", "> 95")
            .Save(directory.File("cao-bang.xlsx"));

        var result = Read(path);

        Assert.Equal("040", result.ReportingArea!.Code);
        decimal At(string indicator, int year) =>
            Assert.Single(result.Values, v => v.IndicatorCode == indicator && v.Period.Key == (year * 100) + 12 && v.Measure != Measure.TargetYear).Value;
        Assert.Equal(15m, At("resources.beds_per_10k", 2023));
        Assert.Equal(16m, At("resources.beds_per_10k", 2024));
        Assert.Equal(7m, At("resources.doctors_per_10k", 2023));
        Assert.Equal(8m, At("resources.doctors_per_10k", 2024));
        Assert.Equal(85.1m, At("bhyt.coverage", 2023));
        Assert.Equal(86.5m, At("bhyt.coverage", 2024));
        Assert.Contains(result.Targets, t => t.IndicatorCode == "resources.beds_per_10k" && t.Year == 2025 && t.Value == 30m);
        Assert.Contains(result.Targets, t => t.IndicatorCode == "resources.beds_per_10k" && t.Year == 2030 && t.Value == 32m);
        Assert.Contains(result.Targets, t => t.IndicatorCode == "bhyt.coverage" && t.Year == 2025 && t.Comparator == ">=" && t.Value == 95m);
        Assert.Contains(result.Targets, t => t.IndicatorCode == "bhyt.coverage" && t.Year == 2030 && t.Comparator == ">" && t.Value == 95m);
        Assert.DoesNotContain(result.Findings, f => f.Rule is "unknown_indicator" or "unlabelled_row");
    }

    [Fact]
    public void Figures_under_a_header_the_vocabulary_does_not_know_are_a_warning_never_dropped_in_silence()
    {
        var path = new XlsxBuilder().Sheet("Tiêu chí 14")
            .Row(0, "UBND XÃ LÊ HỒNG")
            .Row(1, "BÁO CÁO KẾT QUẢ THỰC HIỆN TIÊU CHÍ SỐ 14 VỀ Y TẾ NĂM 2022")
            .Row(3, "TT", "Nội dung tiêu chí", "ĐVT", "Yêu cầu", "Kết quả thực hiện", "Số liệu mới", "Tự đánh giá")
            .Row(4, 1, "Tỷ lệ người dân tham gia bảo hiểm y tế", "%", "≥ 95", "96,2", 7, "Đạt")
            .Row(5, 2, "Tỷ lệ dân số được quản lý sức khỏe", "%", "≥ 90", "93,5", 8, "Đạt")
            .Save(directory.File("tc14.xlsx"));

        var (template, result) = fixture.Read(directory, path);

        Assert.Equal("report-table", template);
        Assert.Equal([96.2m, 93.5m], result.Values.Select(v => v.Value));
        // The national threshold is the criterion's, not the commune's figure: left out with its reason.
        Assert.Contains(result.Ignored, i => i.Text == "Yêu cầu" && i.Reason.StartsWith("ngưỡng", StringComparison.Ordinal));
        var warning = Assert.Single(result.Findings, f => f.Rule == "unknown_column");
        Assert.Equal("F5", warning.Cell);
        Assert.Contains("'Số liệu mới'", warning.Message, StringComparison.Ordinal);
        Assert.Contains("2 số", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tuberculosis_table_in_today_s_words_reads_each_group_and_suggests_by_the_group()
    {
        var path = new XlsxBuilder().Sheet("Lao")
            .Row(0, "TRUNG TÂM Y TẾ HUYỆN CHÂU THÀNH A")
            .Row(1, "BÁO CÁO CÔNG TÁC PHÒNG CHỐNG LAO THÁNG 12 NĂM 2022")
            .Row(2, "Nội dung", "Thực hiện tháng", "Cộng dồn")
            .Row(3, "* Khám phát hiện")
            .Row(4, "- Tổng số", 10, 139)
            .Row(5, "- Lao phổi AFB(+) mới", 8, 105)
            .Row(6, "- Lao phổi không có bằng chứng vi khuẩn học", 1, 14)
            .Row(7, "* Điều trị khỏi")
            .Row(8, "- Tổng số", 5, 105)
            .Row(9, "- Lao phổi M(+)", 3, 74)
            .Row(10, "Số bệnh nhân lao được phát hiện", 10, 139)
            .Row(11, "* Quản lý")
            .Row(12, "- Tổng số", 40, 40)
            .Save(directory.File("lao.xlsx"));

        var (_, result) = fixture.Read(directory, path);

        // The total is written twice (under "Khám phát hiện" and as "Số bệnh nhân lao được phát hiện"), with the same figures.
        Assert.Equal([139m, 139m], result.Values.Where(v => v.IndicatorCode == "tb.detected.total" && v.Measure == Measure.YearToDate).Select(v => v.Value));
        Assert.Equal(105m, Value(result, "tb.pulmonary_pos_new", "ytd"));
        Assert.Equal(14m, Value(result, "tb.pulmonary_neg", "ytd"));
        Assert.Equal(105m, Value(result, "tb.cured.total", "ytd"));
        Assert.Equal(74m, Value(result, "tb.cured.pulmonary_pos", "ytd"));
        Assert.Equal(5m, Value(result, "tb.cured.total", "month"));
        // "Tổng số" under a group the catalogue does not know: a warning, and the command offered names its group's indicator first.
        var warning = Assert.Single(result.Findings, f => f.Rule == "unknown_indicator");
        Assert.Equal("A13", warning.Cell);
    }

    [Theory]
    [InlineData("BÁO CÁO 6 THÁNG ĐẦU NĂM 2023", 202306, true)]
    [InlineData("BÁO CÁO QUÝ III NĂM 2023", 202309, false)]
    [InlineData("BÁO CÁO QUÝ I NĂM 2023", 202303, true)]
    public void A_report_of_several_months_stores_its_year_to_date_at_its_last_month_and_never_a_quarter_as_a_year(string title, int period, bool totalIsYearToDate)
    {
        var path = new XlsxBuilder().Sheet("Báo cáo")
            .Row(0, "SỞ Y TẾ HẬU GIANG")
            .Row(1, title)
            .Row(3, "Nội dung", "Thực hiện", "Thực hiện tháng", "Cộng dồn")
            .Row(4, "Sốt xuất huyết", 40, 9, 120)
            .Save(directory.File("ky.xlsx"));

        var (_, result) = fixture.Read(directory, path);

        Assert.All(result.Values, v => Assert.Equal(period, v.Period.Key));
        Assert.Equal(9m, Value(result, "disease.dengue.cases", "month"));
        Assert.Contains(result.Values, v => v.Measure == Measure.YearToDate && v.Value == 120m);
        // "Thực hiện" is the period's own total: the months since January, or a later quarter's, which the warehouse does not keep.
        Assert.Equal(totalIsYearToDate, result.Values.Any(v => v.Measure == Measure.YearToDate && v.Value == 40m));
        Assert.Equal(!totalIsYearToDate, result.Findings.Any(f => f.Rule == "quarter_flows"));
    }

    [Theory]
    [InlineData("(Từ ngày 01/01/2024 đến ngày 31/12/2024)", 202412, true, false)]
    [InlineData("Số liệu từ ngày 01/01/2024 đến ngày 30/6/2024", 202406, true, false)]
    [InlineData("(Từ ngày 01/7/2024 đến ngày 30/9/2024)", 202409, false, true)]
    [InlineData("(Từ ngày 01/10/2024 đến ngày 31/10/2024)", 202410, false, false)]
    [InlineData("(Số liệu đến ngày 31/10/2024)", 202410, false, false)]
    public void A_line_of_the_days_the_data_run_from_and_to_is_the_period_they_span(string line, int period, bool sinceJanuary, bool quarter)
    {
        var path = new XlsxBuilder().Sheet("BC")
            .Row(0, "TRUNG TÂM Y TẾ HUYỆN LONG MỸ")
            .Row(1, "BÁO CÁO TÌNH HÌNH BỆNH TRUYỀN NHIỄM")
            .Row(2, line)
            .Row(4, "Tên bệnh", "Mắc", "Chết")
            .Row(5, "Sốt xuất huyết", 40, 0)
            .Save(directory.File("ky.xlsx"));

        var (_, result) = fixture.Read(directory, path);

        Assert.Equal(period, result.Period!.Period.Key);
        Assert.Equal((sinceJanuary, quarter), (result.Period.WholeYear, result.Period.Quarter));
    }

    [Fact]
    public void Two_months_in_the_middle_of_a_year_are_no_period()
    {
        var path = new XlsxBuilder().Sheet("BC")
            .Row(0, "TRUNG TÂM Y TẾ HUYỆN LONG MỸ")
            .Row(1, "BÁO CÁO TÌNH HÌNH BỆNH TRUYỀN NHIỄM")
            .Row(2, "(Từ ngày 01/4/2024 đến ngày 31/5/2024)")
            .Row(4, "Tên bệnh", "Mắc", "Chết")
            .Row(5, "Sốt xuất huyết", 40, 0)
            .Save(directory.File("hai-thang.xlsx"));

        var (_, result) = fixture.Read(directory, path);

        Assert.Null(result.Period);
        Assert.Empty(result.Values);
    }

    [Fact]
    public void A_unit_s_code_beside_its_name_says_which_unit_and_a_name_of_another_unit_is_an_error()
    {
        var path = directory.File("xuat.csv");
        File.WriteAllText(path, """
            Mã đơn vị;Tên đơn vị;Kỳ báo cáo;Chỉ tiêu;Giá trị
            31483;Trạm Y tế xã Thuận Hưng;202410;Số trẻ đẻ sống;12
            31484;Trạm Y tế xã Vĩnh Thuận Đông;202410;Số trẻ đẻ sống;7
            """);

        var (_, result) = fixture.Read(directory, path);

        // The first row's name is shared by communes of other provinces: its code says which.
        Assert.Equal([("31483", 12m)], result.Values.Select(v => (v.Area.Code, v.Value)));
        var error = Assert.Single(result.Findings, f => f.Rule == "area_code_mismatch");
        Assert.Equal(("B3", Ntm.Etl.Validation.Severity.Error), (error.Cell, error.Severity));
    }

    [Fact]
    public void A_district_s_plan_with_a_column_per_commune_gives_each_commune_its_targets()
    {
        // Typed by a tester: 'Toàn huyện' then twelve communes under 'Chia ra các xã, thị trấn', group rows between.
        var (_, result) = fixture.Read(directory, TestData.Fixtures("plans-typed", "chi-tieu-tam-duong-2025-cot-xa.xlsx"));

        Assert.Equal(91, result.Targets.Count);
        Assert.Equal(13, result.Targets.Select(t => t.Area.AreaId).Distinct().Count());
        Assert.Contains(result.Targets, t => t.Cell == "F12" && t.Area.Name == "Hoàng Hoa" && t.IndicatorCode == "bhyt.coverage" && t.Value == 96m);
        Assert.Contains(result.Targets, t => t.Cell == "D12" && t.Area.Name == "Tam Dương" && t.Value == 95.5m);
        // Immunisation under 1 year is a floor; stunting a ceiling (the indicator's way, not the label's "dưới").
        Assert.All(result.Targets.Where(t => t.IndicatorCode == "epi.fully_immunized_u1"), t => Assert.Equal(">=", t.Comparator));
        Assert.Contains(result.Targets, t => t.Cell == "E18" && t.Comparator == "<=" && t.Value == 12.5m);
        // An 'x' under a commune's column in a target's row names that commune for the row's target, beside the district's count.
        Assert.Equal(
            [("health_standard", 2m, "Duy Phiên M23, Hoàng Đan N23"), ("health_standard_keep", 10m, "Hợp Hòa E24, Hoàng Hoa F24, Đồng Tĩnh G24, Kim Long H24, Hướng Đạo I24, Đạo Tú J24, An Hòa K24, Thanh Vân L24, Hoàng Lâu O24, Hội Thịnh P24")],
            result.Plans.Select(p => (p.TargetCode, p.Planned, string.Join(", ", p.Communes.Select(c => $"{c.Commune.Name} {c.Cell}")))).Order());
        Assert.All(result.Plans, p => Assert.Equal("247", p.Area.Code));
        Assert.DoesNotContain(result.Findings, f => f.Rule == "plan_count");
    }

    [Fact]
    public void A_plan_s_row_of_column_numbers_is_no_unit_s_targets_and_a_share_of_communes_is_no_count()
    {
        // Typed by a tester: 'A | B | 1 | 2 | 3 | 4' under the header, 'Toàn tỉnh' then the districts, 'Tỷ lệ xã đạt BTCQG về y tế xã (%)'.
        var (_, result) = fixture.Read(directory, TestData.Fixtures("plans-typed", "chi-tieu-phu-tho-2025-hang-so-cot-ty-le.xlsx"));

        Assert.DoesNotContain(result.Plans, p => p.Cell.EndsWith("10", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Targets, t => t.Cell.EndsWith("10", StringComparison.Ordinal));
        Assert.Contains(result.Plans, p => (p.Cell, p.Area.Code, p.TargetCode, p.Planned) == ("C11", "25", "ntm", 20m));
        // The share is the indicator's target, never 100 communes.
        Assert.DoesNotContain(result.Plans, p => p.TargetCode.StartsWith("health_standard", StringComparison.Ordinal));
        Assert.Contains(result.Targets, t => (t.Cell, t.Area.Code, t.IndicatorCode, t.Comparator, t.Value) == ("D18", "234", "stations.health_standard.share", ">=", 94.1m));
        Assert.DoesNotContain(result.Findings, f => f.Severity == Ntm.Etl.Validation.Severity.Error);
    }

    [Fact]
    public void A_plan_s_model_villages_are_their_target_and_a_sentence_it_cannot_read_is_a_warning_on_its_cell()
    {
        var (_, result) = fixture.Read(directory, TestData.Fixtures("plans-typed", "ke-hoach-doan-hung-2025-cau-trong-o.xlsx"));

        Assert.Equal("230", result.ReportingArea!.Code);
        Assert.Contains(result.Plans, p => (p.Cell, p.TargetCode, p.Planned) == ("C12", "thon_ntm_kieu_mau", 5m));
        // "Phấn đấu có thêm 02 xã đạt chuẩn NTM nâng cao là xã Ngọc Quan và xã Phú Lâm": the count and the names of one sentence.
        Assert.Contains(result.Plans, p => (p.Cell, p.TargetCode, p.Planned, p.Communes.Count) == ("C10", "ntm_nang_cao", 2m, 2));
        Assert.Contains(result.Findings, f => (f.Rule, f.Cell) == ("plan_unread", "C11"));
        Assert.Contains(result.Targets, t => (t.Cell, t.IndicatorCode, t.Comparator, t.Value) == ("C13", "bhyt.coverage", ">", 95.5m));
    }

    [Fact]
    public void One_unit_s_target_given_twice_with_two_values_is_an_error_naming_both_cells_not_the_first_kept()
    {
        // The same plan with "Hoàng Hoa" over two columns: the commune has two targets for each indicator.
        var path = TestData.Fixtures("plans-typed", "chi-tieu-tam-duong-2025-hai-cot-mot-xa.xlsx");
        var home = fixture.NewHome(directory);
        using var connection = new Ntm.Warehouse.WarehouseDatabase(home.WarehouseFile).OpenReadOnly();
        var file = new Ntm.Etl.Ingestion.IngestionService(connection, home, TimeProvider.System).Check(path, new Ntm.Etl.Ingestion.IngestionOptions());

        var errors = file.Findings.Where(f => f.Rule == "conflicting_targets").ToList();
        Assert.Contains(errors, e => e.Message.Contains("Chi tieu 2025!F12", StringComparison.Ordinal) && e.Message.Contains("Chi tieu 2025!G12", StringComparison.Ordinal));
        Assert.False(file.Accepted);
        Assert.False(new Ntm.Etl.Ingestion.IngestionService(connection, home, TimeProvider.System).Check(path, new Ntm.Etl.Ingestion.IngestionOptions { KeepValid = true }).Accepted);
    }

    [Fact]
    public void A_count_under_a_rate_s_group_is_the_count_and_the_rate_beside_it_the_rate()
    {
        var path = new XlsxBuilder().Sheet("BHYT")
            .Row(0, "TRUNG TÂM Y TẾ HUYỆN LONG MỸ")
            .Row(1, "BÁO CÁO BẢO HIỂM Y TẾ THÁNG 10 NĂM 2024")
            .Row(3, "TT", "Xã", "Tỷ lệ người dân tham gia BHYT", null)
            .Row(4, null, null, "Số người", "%")
            .Row(5, 1, "Xã Thuận Hưng", "14.230", 92.5)
            .Merge("A4:A5").Merge("B4:B5").Merge("C4:D4")
            .Save(directory.File("bhyt.xlsx"));

        var (_, result) = fixture.Read(directory, path);

        // "Số người" is the people insured (14 230 of them), never a rate of 14.23.
        Assert.Contains(result.Values, v => v.IndicatorCode == "bhyt.insured" && v.Value == 14230m);
        Assert.Contains(result.Values, v => v.IndicatorCode == "bhyt.coverage" && v.Measure == Measure.ReportedRate && v.Value == 92.5m);
        Assert.DoesNotContain(result.Values, v => v.Value == 14.23m);
    }

    [Fact]
    public void A_column_of_month_numbers_under_tháng_is_a_column_of_periods()
    {
        var path = directory.File("dai.csv");
        File.WriteAllText(path, """
            Mã xã;Tên xã;Tháng;Chỉ tiêu;Giá trị
            31483;Xã Thuận Hưng;9;Số trẻ đẻ sống;12
            31483;Xã Thuận Hưng;10;Số trẻ đẻ sống;7
            """);
        File.Move(path, directory.File("so-tre-de-song-2024.csv"));

        var (_, result) = fixture.Read(directory, directory.File("so-tre-de-song-2024.csv"));

        Assert.Equal([(202409, 12m), (202410, 7m)], result.Values.Select(v => (v.Period.Key, v.Value)).Order());
    }

    [Fact]
    public void An_unknown_group_over_a_bare_count_and_its_rate_is_taught_by_the_group_s_name()
    {
        var path = new XlsxBuilder().Sheet("SKSS")
            .Row(0, "TRUNG TÂM Y TẾ HUYỆN LONG MỸ")
            .Row(1, "BÁO CÁO CHĂM SÓC SỨC KHỎE SINH SẢN THÁNG 10 NĂM 2024")
            .Row(3, "TT", "Xã", "Số trẻ đẻ sống", "Số trẻ sơ sinh được tiêm vitamin K1", null)
            .Row(4, null, null, null, "Số", "Tỷ lệ %")
            .Row(5, 1, "Xã Thuận Hưng", 20, 19, 95)
            .Row(6, 2, "Xã Thuận Hòa", 10, 10, 100)
            .Merge("A4:A5").Merge("B4:B5").Merge("C4:C5").Merge("D4:E4")
            .Save(directory.File("k1.xlsx"));

        var (_, result) = fixture.Read(directory, path);

        // Never "Số", which would make every bare "Số" of every file this count: the group names it.
        var warning = Assert.Single(result.Findings, f => f.Rule == "unknown_indicator" && f.Cell == "D5");
        Assert.Contains("ntm alias add \"Số trẻ sơ sinh được tiêm vitamin K1\"", warning.Message, StringComparison.Ordinal);
        Assert.Contains(result.Findings, f => f.Rule == "unknown_indicator" && f.Cell == "E5" && f.Message.Contains("thuộc chỉ tiêu của cột D", StringComparison.Ordinal));
    }

    [Fact]
    public void A_title_names_the_figure_only_of_columns_that_name_no_other_quantity()
    {
        var path = new XlsxBuilder().Sheet("SPB")
            .Row(0, "TRUNG TÂM Y TẾ HUYỆN LONG MỸ")
            .Row(1, "BÁO CÁO GIÁM SÁT SỐT PHÁT BAN THÁNG 9 NĂM 2024")
            .Row(3, "TT", "Xã", "Trong tháng", null, null, "Cộng dồn từ đầu năm")
            .Row(4, null, null, "Số ca", "Số mẫu xét nghiệm", "Số ca dương tính sởi", "Số ca")
            .Row(5, 1, "Xã Thuận Hưng", 3, 2, 1, 14)
            .Row(6, 2, "Xã Thuận Hòa", 1, 1, 0, 6)
            .Merge("A4:A5").Merge("B4:B5").Merge("C4:E4")
            .Save(directory.File("spb.xlsx"));

        var (_, result) = fixture.Read(directory, path);

        // "Số ca" is the title's indicator, under "Cộng dồn" the year-to-date's.
        Assert.Equal([3m, 1m], result.Values.Where(v => v.IndicatorCode == "disease.rash_fever.cases" && v.Measure == Measure.Month).Select(v => v.Value));
        Assert.Equal([14m, 6m], result.Values.Where(v => v.IndicatorCode == "disease.rash_fever.cases" && v.Measure == Measure.YearToDate).Select(v => v.Value));
        Assert.Equal(4, result.Values.Count);
        Assert.DoesNotContain(result.Findings, f => f.Severity == Ntm.Etl.Validation.Severity.Error);
        // The samples and the measles-positive name quantities of their own: each is left out with the command that teaches it.
        var warnings = result.Findings.Where(f => f.Rule == "unknown_indicator").OrderBy(f => f.Cell, StringComparer.Ordinal).ToList();
        Assert.Equal(["D5", "E5"], warnings.Select(w => w.Cell));
        Assert.Contains("ntm alias add \"Số mẫu xét nghiệm\"", warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("ntm alias add \"Số ca dương tính sởi\"", warnings[1].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_disease_over_a_row_of_cases_and_a_row_of_deaths_reads_both(bool merged)
    {
        var builder = new XlsxBuilder().Sheet("Dịch bệnh")
            .Row(0, "SỞ Y TẾ HẬU GIANG")
            .Row(1, "BÁO CÁO THÁNG 12 NĂM 2022")
            .Row(3, "Tên bệnh", null, "Trong tháng", "Cộng dồn")
            .Row(4, "Sốt xuất huyết", "Mắc", 193, 1178)
            .Row(5, null, "Chết", 0, 1)
            .Row(6, "Tay chân miệng", "M", 119, 801)
            .Row(7, null, "C", 0, 0)
            .Merge("A4:B4");
        if (merged)
        {
            builder.Merge("A5:A6").Merge("A7:A8");
        }

        var (_, result) = fixture.Read(directory, builder.Save(directory.File("mac-chet.xlsx")));

        Assert.Equal(1178m, Value(result, "disease.dengue.cases", "ytd"));
        Assert.Equal(1m, Value(result, "disease.dengue.deaths", "ytd"));
        Assert.Equal(0m, Value(result, "disease.dengue.deaths", "month"));
        Assert.Equal(119m, Value(result, "disease.hfmd.cases", "month"));
        Assert.Equal(0m, Value(result, "disease.hfmd.deaths", "ytd"));
        Assert.Equal(8, result.Values.Count);
        Assert.DoesNotContain(result.Findings, f => f.Rule is "unknown_indicator" or "unlabelled_row");
    }
}
