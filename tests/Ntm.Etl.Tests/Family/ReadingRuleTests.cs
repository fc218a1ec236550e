using Ntm.Domain.Measures;
using Ntm.Domain.Statuses;
using Ntm.Etl.Ingestion;
using Ntm.Etl.Tables;
using Ntm.Etl.Templates;
using Ntm.Etl.Validation;
using Ntm.Warehouse;

namespace Ntm.Etl.Tests.Family;

/// <summary>
/// One test per rule of how the reader finds a report's period and unit, and reads numbers as
/// people type them: the period from the title or the period line, a month column, the file's name,
/// in that order, never from the signing line or the document number; a report signed before its
/// period ends is an error; the unit from the issuer; row names inside it whatever their
/// abbreviation or the unit's type today; thousands typed as decimals; a true fraction; --keep-valid.
/// </summary>
[Collection(nameof(WarehouseFixture))]
public sealed class ReadingRuleTests(WarehouseFixture fixture) : IDisposable
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.FromHours(7)));

    private readonly TempDirectory directory = new();
    private readonly List<TempDirectory> homes = [];

    public void Dispose()
    {
        directory.Dispose();
        homes.ForEach(h => h.Dispose());
    }

    private PreparedFile Check(XlsxBuilder builder, string name, IngestionOptions? options = null)
    {
        var path = builder.Save(directory.File(name));
        var place = new TempDirectory();
        homes.Add(place);
        var home = fixture.NewHome(place);
        using var connection = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly();
        return new IngestionService(connection, home, Clock).Check(path, options ?? new IngestionOptions());
    }

    private static XlsxBuilder DiseaseTable(XlsxBuilder builder, int headerRow) => builder
        .Row(headerRow, "STT", "Tên bệnh", "Số mắc trong tháng", "Số chết trong tháng", "Cộng dồn mắc", "Cộng dồn chết")
        .Row(headerRow + 1, 1, "Sốt xuất huyết", 12, 0, 140, 1)
        .Row(headerRow + 2, 2, "Tay chân miệng", 5, 0, 61, 0);

    private static decimal Value(PreparedFile file, string indicator, Measure measure) =>
        Assert.Single(file.Values, v => v.IndicatorCode == indicator && v.Measure == measure).Value;

    [Fact]
    public void The_period_comes_from_the_title_never_from_the_signing_line_above_it()
    {
        var file = Check(DiseaseTable(new XlsxBuilder().Sheet("BC")
            .Row(0, "TRUNG TÂM Y TẾ HUYỆN PHONG ĐIỀN", null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
            .Row(1, "Số: 245/BC-TTYT", null, null, "Phong Điền, ngày 03 tháng 11 năm 2024")
            .Row(3, "BÁO CÁO TÌNH HÌNH DỊCH BỆNH THÁNG 10 NĂM 2024"), 5), "bc.xlsx");

        Assert.True(file.Accepted);
        Assert.Equal(202410, file.Result.Period!.Period.Key);
        Assert.Equal("926", file.Result.ReportingArea!.Code);
        Assert.All(file.Values, v => Assert.Equal(202410, v.Period.Key));
        // "Số chết trong tháng" is deaths, not cases.
        Assert.Equal(12m, Value(file, "disease.dengue.cases", Measure.Month));
        Assert.Equal(0m, Value(file, "disease.dengue.deaths", Measure.Month));
        Assert.Equal(1m, Value(file, "disease.dengue.deaths", Measure.YearToDate));
    }

    [Fact]
    public void A_line_saying_the_day_the_data_run_to_gives_the_month_when_the_title_names_none()
    {
        var file = Check(DiseaseTable(new XlsxBuilder().Sheet("BC")
            .Row(0, "TRUNG TÂM Y TẾ HUYỆN LONG MỸ")
            .Row(2, "BÁO CÁO TÌNH HÌNH BỆNH TRUYỀN NHIỄM")
            .Row(3, "(Số liệu tính đến ngày 30/9/2024)"), 5), "bc.xlsx");

        Assert.Equal(202409, file.Result.Period!.Period.Key);
        Assert.True(file.Accepted);
    }

    [Theory]
    [InlineData("Tam Kỳ, ngày 10 tháng 01 năm 2025")]
    [InlineData("Tam Kỳ, ngày 05 tháng 12 năm 2024")]
    public void A_year_whose_data_run_to_a_day_before_its_end_is_the_months_up_to_that_day(string signing)
    {
        var file = Check(DiseaseTable(new XlsxBuilder().Sheet("BC")
            .Row(0, "TRUNG TÂM Y TẾ THÀNH PHỐ TAM KỲ", null, null, signing)
            .Row(2, "BÁO CÁO TÌNH HÌNH BỆNH TRUYỀN NHIỄM NĂM 2024")
            .Row(3, "(Số liệu tính đến ngày 30/11/2024)"), 5), "bc.xlsx");

        Assert.True(file.Accepted, string.Join("\n", file.Findings.Select(f => f.Message)));
        Assert.Equal(202411, file.Result.Period!.Period.Key);
        Assert.Equal("11 tháng đầu năm 2024", file.Result.Period.Describe());
        Assert.All(file.Values, v => Assert.Equal(202411, v.Period.Key));
    }

    [Fact]
    public void Without_a_period_in_the_title_or_the_columns_the_file_name_gives_it()
    {
        var file = Check(DiseaseTable(new XlsxBuilder().Sheet("BC").Row(0, "TRUNG TÂM Y TẾ HUYỆN LONG MỸ"), 2), "bao-cao-thang-10-2024.xlsx");

        Assert.Equal(202410, file.Result.Period!.Period.Key);
        Assert.True(file.Accepted);
    }

    [Fact]
    public void A_document_number_is_never_a_period()
    {
        var file = Check(DiseaseTable(new XlsxBuilder().Sheet("BC")
            .Row(0, "TRUNG TÂM Y TẾ HUYỆN LONG MỸ")
            .Row(1, "Số: 10/2024/BC-TTYT")
            .Row(2, "BÁO CÁO TÌNH HÌNH BỆNH TRUYỀN NHIỄM"), 4), "bc.xlsx");

        Assert.Null(file.Result.Period);
        Assert.False(file.Accepted);
        Assert.Contains(file.Findings, f => f.Rule == "no_period");
    }

    [Fact]
    public void A_report_signed_before_its_period_ends_is_an_error_unless_its_data_end_earlier()
    {
        var early = Check(DiseaseTable(new XlsxBuilder().Sheet("BC")
            .Row(0, "TRUNG TÂM Y TẾ HUYỆN LONG MỸ", null, null, "Long Mỹ, ngày 20 tháng 10 năm 2024")
            .Row(2, "BÁO CÁO TÌNH HÌNH DỊCH BỆNH THÁNG 10 NĂM 2024"), 4), "bc.xlsx");
        var error = Assert.Single(early.Findings, f => f.Severity == Severity.Error);
        Assert.Equal(("signed_before_period_end", "BC", "D1"), (error.Rule, error.Sheet, error.Cell));
        Assert.False(early.Accepted);

        // The month's data run from 26/9 to 25/10, as some provinces count: signed on 26/10 is after they end.
        var cutOff = Check(DiseaseTable(new XlsxBuilder().Sheet("BC")
            .Row(0, "TRUNG TÂM Y TẾ HUYỆN LONG MỸ", null, null, "Long Mỹ, ngày 26 tháng 10 năm 2024")
            .Row(2, "BÁO CÁO TÌNH HÌNH DỊCH BỆNH THÁNG 10 NĂM 2024")
            .Row(3, "(Số liệu từ ngày 26/9/2024 đến ngày 25/10/2024)"), 5), "bc.xlsx");
        Assert.True(cutOff.Accepted, string.Join("\n", cutOff.Findings.Select(f => f.Message)));

        // Signed in the month's last days without a cut-off written: figures closed early, a warning.
        var late = Check(DiseaseTable(new XlsxBuilder().Sheet("BC")
            .Row(0, "TRUNG TÂM Y TẾ HUYỆN LONG MỸ", null, null, "Long Mỹ, ngày 28 tháng 10 năm 2024")
            .Row(2, "BÁO CÁO TÌNH HÌNH DỊCH BỆNH THÁNG 10 NĂM 2024"), 4), "bc.xlsx");
        Assert.True(late.Accepted, string.Join("\n", late.Findings.Select(f => f.Message)));
        Assert.Equal(Severity.Warning, Assert.Single(late.Findings, f => f.Rule == "signed_before_period_end").Severity);
    }

    [Fact]
    public void A_part_numbered_in_Roman_numerals_is_the_group_of_the_rows_numbered_under_it()
    {
        // "Chuyển tuyến" alone is a referral only under "KHÁM CHỮA BỆNH", the part it is numbered under.
        var file = Check(new XlsxBuilder().Sheet("BC T10")
            .Row(0, "TRUNG TÂM Y TẾ HUYỆN TIÊN DU")
            .Row(1, "TRẠM Y TẾ XÃ ĐẠI ĐỒNG")
            .Row(3, "BÁO CÁO KẾT QUẢ HOẠT ĐỘNG Y TẾ THÁNG 10 NĂM 2024")
            .Row(5, "TT", "Nội dung", "ĐVT", "Tháng 10", "Cộng dồn")
            .Row(6, "I", "KHÁM CHỮA BỆNH")
            .Row(7, 1, "Tổng số lượt khám bệnh", "lượt", 1200, 10500)
            .Row(8, 2, "Chuyển tuyến", "lượt", 35, 310)
            .Row(9, "II", "PHÒNG CHỐNG SỐT RÉT")
            .Row(10, 1, "Số lam máu xét nghiệm", "lam", 40, 400), "kcb.xlsx");

        Assert.Equal(35m, Value(file, "hospital.referrals.total", Measure.Month));
        Assert.Equal(310m, Value(file, "hospital.referrals.total", Measure.YearToDate));
        Assert.Equal(40m, Value(file, "malaria.blood_smears", Measure.Month));
    }

    [Theory]
    [InlineData("BÁO CÁO BỆNH TRUYỀN NHIỄM ĐỢT 1 NĂM 2024", "(Số liệu từ ngày 01/6 đến ngày 15/6/2024)", 202406)]
    [InlineData("BÁO CÁO BỆNH TRUYỀN NHIỄM", "(Số liệu từ ngày 26/9 đến ngày 25/10/2024)", 202410)]
    public void A_span_of_days_within_or_across_one_month_is_that_month_not_the_months_since_January(string title, string span, int month)
    {
        var file = Check(DiseaseTable(new XlsxBuilder().Sheet("BC")
            .Row(0, "TRUNG TÂM Y TẾ HUYỆN LONG MỸ")
            .Row(2, title)
            .Row(3, span), 5), "bc.xlsx");

        Assert.Equal((month, false), (file.Result.Period!.Period.Key, file.Result.Period.WholeYear));
        Assert.Equal(12m, Value(file, "disease.dengue.cases", Measure.Month));
    }

    [Fact]
    public void A_bullet_belongs_to_the_row_numbered_just_above_it_however_deep_its_number()
    {
        var file = Check(new XlsxBuilder().Sheet("BTN")
            .Row(0, "TRUNG TÂM Y TẾ HUYỆN LONG MỸ")
            .Row(2, "BÁO CÁO BỆNH TRUYỀN NHIỄM THÁNG 10 NĂM 2024")
            .Row(4, "TT", "Tên bệnh", "Trong tháng", "Cộng dồn")
            .Row(5, "1", "Sốt xuất huyết", 12, 140)
            .Row(6, null, "- Tử vong", 0, 1)
            .Row(7, "2", "Bệnh lây qua đường tiêu hóa", null, null)
            .Row(8, "2.1", "Tay chân miệng", 5, 61)
            .Row(9, null, "- Tử vong", 1, 2)
            .Row(10, "2.2", "Tiêu chảy", 30, 250), "btn.xlsx");

        Assert.True(file.Accepted, string.Join("\n", file.Findings.Select(f => f.Message)));
        Assert.Equal(1m, Value(file, "disease.dengue.deaths", Measure.YearToDate));
        Assert.Equal(1m, Value(file, "disease.hfmd.deaths", Measure.Month));
        Assert.Equal(30m, Value(file, "disease.diarrhoea.cases", Measure.Month));
    }

    [Fact]
    public void A_column_headed_by_one_unit_s_name_is_that_unit_s_figures_not_a_column_of_names()
    {
        // "Huyện Vị Thủy" starts with a unit's word, as "Huyện/TP" does, but names one district: its figures.
        var file = Check(new XlsxBuilder().Sheet("S")
            .Row(0, "SỞ Y TẾ TỈNH HẬU GIANG")
            .Row(3, "SỐ MẮC BỆNH TRUYỀN NHIỄM THÁNG 8 NĂM 2024")
            .Row(5, "TT", "Tên bệnh", "Huyện Vị Thủy", "TP. Ngã Bảy", "Phụng Hiệp")
            .Row(6, 1, "Sốt xuất huyết", 12, 7, 15), "s.xlsx");

        Assert.True(file.Accepted, string.Join("\n", file.Findings.Select(f => f.Message)));
        // "Phụng Hiệp" is a district and a commune of the province: beside districts, the district.
        Assert.Equal(["931 7", "934 15", "935 12"], file.Values.Select(v => $"{v.Area.Code} {v.Value:0}").Order());
    }

    [Theory]
    [InlineData("SỞ Y TẾ TỈNH HẬU GIANG", null, "93")]
    [InlineData("SỞ Y TẾ SÓC TRĂNG", "TRUNG TÂM KIỂM SOÁT BỆNH TẬT", "94")]
    [InlineData("SỞ Y TẾ HẬU GIANG", "TRUNG TÂM Y TẾ HUYỆN LONG MỸ", "936")]
    [InlineData("TRUNG TÂM Y TẾ HUYỆN LONG MỸ", "TRẠM Y TẾ XÃ THUẬN HƯNG", "31483")]
    [InlineData("BẢO HIỂM XÃ HỘI VIỆT NAM", "BẢO HIỂM XÃ HỘI TỈNH HẬU GIANG", "93")]
    [InlineData("UBND HUYỆN LONG MỸ", "UBND XÃ THUẬN HƯNG", "31483")]
    public void The_reporting_unit_is_the_deepest_the_issuer_lines_name(string first, string? second, string code)
    {
        var builder = new XlsxBuilder().Sheet("BC").Row(0, first);
        if (second is not null)
        {
            builder.Row(1, second);
        }

        var file = Check(DiseaseTable(builder.Row(2, "BÁO CÁO THÁNG 10 NĂM 2024"), 4), "bc.xlsx");

        Assert.Equal(code, file.Result.ReportingArea!.Code);
        Assert.All(file.Values, v => Assert.Equal(code, v.Area.Code));
    }

    [Fact]
    public void An_organisation_over_its_unit_s_name_in_one_cell_names_that_unit()
    {
        var file = Check(DiseaseTable(new XlsxBuilder().Sheet("BC").Row(0, "ỦY BAN NHÂN DÂN\nHUYỆN LONG MỸ").Row(2, "BÁO CÁO THÁNG 10 NĂM 2024"), 4), "bc.xlsx");

        Assert.Equal("936", file.Result.ReportingArea!.Code);
    }

    [Fact]
    public void A_national_office_names_no_unit_and_its_rows_are_provinces()
    {
        var file = Check(new XlsxBuilder().Sheet("SXH")
            .Row(0, "BỘ Y TẾ", null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
            .Row(1, "CỤC Y TẾ DỰ PHÒNG")
            .Row(3, "SỐ CA MẮC SỐT XUẤT HUYẾT THEO TỈNH THÁNG 9 NĂM 2024")
            .Row(5, "Tỉnh, thành phố", "Mắc", "Chết")
            .Row(6, "Hà Nội", 1205, 1)
            .Row(7, "TP. Hồ Chí Minh", 2310, 2)
            .Row(8, "Bắc Giang", 88, 0)
            .Row(9, "Toàn quốc", 3603, 3), "sxh.xlsx");

        Assert.True(file.Accepted, string.Join("\n", file.Findings.Select(f => f.Message)));
        Assert.Null(file.Result.ReportingArea);
        Assert.Equal(["01", "24", "79"], file.Values.Select(v => v.Area.Code).Distinct().Order());
        Assert.Equal(88m, Assert.Single(file.Values, v => v.Area.Code == "24" && v.IndicatorCode == "disease.dengue.cases").Value);
        Assert.Equal(2m, Assert.Single(file.Values, v => v.Area.Code == "79" && v.IndicatorCode == "disease.dengue.deaths").Value);
    }

    [Fact]
    public void Row_names_resolve_inside_the_unit_whatever_their_abbreviation_or_their_type_today()
    {
        var file = Check(new XlsxBuilder().Sheet("BHYT")
            .Row(0, "SỞ Y TẾ TIỀN GIANG")
            .Row(1, "SỐ NGƯỜI THAM GIA BHYT THEO HUYỆN NĂM 2023")
            .Row(3, "STT", "Huyện, thị xã, thành phố", "Dân số", "Số người tham gia BHYT")
            .Row(4, 1, "TP. Mỹ Tho", 230000, 215000)
            // Thị xã Gò Công became Thành phố Gò Công: the name is the same unit.
            .Row(5, 2, "TX. Gò Công", 105000, 97000)
            .Row(6, 3, "TX. Cai Lậy", 125000, 112000)
            .Row(7, 4, "H. Cai Lậy", 180000, 160000)
            // Châu Thành is a district of eleven provinces: this one is Tiền Giang's.
            .Row(8, 5, "H. Châu Thành", 250000, 226000)
            .Row(9, 6, "Gò Công Tây", 140000, 127000), "bhyt.xlsx");

        Assert.True(file.Accepted, string.Join("\n", file.Findings.Select(f => f.Message)));
        Assert.Equal(["815", "816", "817", "820", "821", "823"], file.Values.Select(v => v.Area.Code).Distinct().Order());
    }

    [Fact]
    public void Row_abbreviations_of_communes_resolve_inside_their_district()
    {
        var file = Check(new XlsxBuilder().Sheet("DS")
            .Row(0, "TRUNG TÂM Y TẾ HUYỆN LONG MỸ")
            .Row(1, "DANH SÁCH XÃ NĂM 2023")
            .Row(3, "Đơn vị", "Dân số")
            .Row(4, "X. Thuận Hưng", 8120)
            .Row(5, "TT. Vĩnh Viễn", 10230)
            .Row(6, "Xã Vĩnh Viễn A", 9000)
            .Row(7, "Trạm Y tế xã Lương Tâm", 7300), "ds.xlsx");

        Assert.True(file.Accepted, string.Join("\n", file.Findings.Select(f => f.Message)));
        Assert.Equal(["31483", "31489", "31490", "31492"], file.Values.Select(v => v.Area.Code).Order());
    }

    private static XlsxBuilder Yearbook(object hanoiCases) => new XlsxBuilder().Sheet("SXH")
        .Row(0, "BỘ Y TẾ")
        .Row(1, "SỐ MẮC, CHẾT DO SỐT XUẤT HUYẾT THEO TỈNH NĂM 2014")
        .Row(3, "Tỉnh, thành phố", "Mắc", "Chết")
        .Row(4, "Hà Nội", hanoiCases, 0)
        .Row(5, "Hải Phòng", 212, 0)
        .Row(6, "Thái Bình", 55, 0)
        .Row(7, "Nam Định", 41, 0)
        .Row(8, "Hà Nam", 30, 0);

    [Fact]
    public void A_count_stored_as_a_decimal_beside_whole_counts_is_thousands_typed_with_a_dot()
    {
        var file = Check(Yearbook(1.401), "sxh-2014.xlsx");

        Assert.True(file.Accepted, string.Join("\n", file.Findings.Select(f => f.Message)));
        Assert.Equal(1401m, Assert.Single(file.Values, v => v.Area.Code == "01" && v.IndicatorCode == "disease.dengue.cases").Value);
        var warning = Assert.Single(file.Findings, f => f.Rule == "thousands_as_decimal");
        Assert.Equal(("SXH", "B5", Severity.Warning), (warning.Sheet, warning.Cell, warning.Severity));
    }

    [Theory]
    [InlineData(1401.5)]
    [InlineData(1.4015)]
    public void A_true_fraction_in_a_count_is_still_an_error_naming_the_cell(double typed)
    {
        var file = Check(Yearbook(typed), "sxh-2014.xlsx");

        Assert.False(file.Accepted);
        var error = Assert.Single(file.Findings, f => f.Severity == Severity.Error);
        Assert.Equal(("fractional_count", "SXH", "B5"), (error.Rule, error.Sheet, error.Cell));
    }

    [Fact]
    public void Keep_valid_loads_the_figures_without_errors_and_records_the_one_left_out()
    {
        var path = Yearbook("1.4o1").Save(directory.File("sxh-2014.xlsx"));
        var home = fixture.NewHome(directory);

        var strict = Assert.Single(WarehouseFixture.Ingest(home, paths: path));
        Assert.Equal(IngestOutcome.Rejected, strict.Outcome);

        var kept = Assert.Single(WarehouseFixture.Ingest(home, new IngestionOptions(KeepValid: true), paths: path));
        Assert.True(kept.Outcome == IngestOutcome.Accepted, string.Join("\n", kept.Findings.Select(f => $"{f.Rule} {f.Cell} {f.Message}")));
        Assert.Equal(9, kept.Values);
        var error = Assert.Single(kept.Findings, f => f.Severity == Severity.Error);
        Assert.Equal(("not_a_number", "B5"), (error.Rule, error.Cell));
        Assert.Contains(kept.Findings, f => f.Rule == "kept_valid");
        using var connection = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly();
        Assert.Equal(1, Dapper.SqlMapper.ExecuteScalar<int>(connection, "SELECT errors FROM v_submission WHERE status = 'accepted'"));
        Assert.Equal(0, Dapper.SqlMapper.ExecuteScalar<int>(connection, "SELECT count(*) FROM v_observation WHERE area_code = '01' AND indicator_code = 'disease.dengue.cases'"));
    }

    [Fact]
    public void A_template_pins_what_the_vocabulary_cannot_know_on_the_same_reader()
    {
        var path = new XlsxBuilder().Sheet("Sheet1")
            .Row(0, "TRUNG TÂM Y TẾ HUYỆN LONG MỸ")
            .Row(1, "BÁO CÁO THÁNG 10 NĂM 2024")
            .Row(3, "Xã", "Ca mới", "Ca cũ")
            .Row(4, "Thuận Hưng", 3, 9)
            .Row(5, "Thuận Hòa", 1, 4)
            .Save(directory.File("giam-sat-sxh-t10.xlsx"));
        var home = fixture.NewHome(directory);

        using (var connection = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly())
        {
            var bare = new IngestionService(connection, home, Clock).Check(path, new IngestionOptions());
            Assert.False(bare.Accepted);
            Assert.Contains(bare.Findings, f => f.Rule == "unknown_indicator" && f.Cell == "B4");
        }

        File.WriteAllText(Path.Combine(home.Templates, "giam-sat-sxh.yaml"), """
            name: giam-sat-sxh
            description: Bảng giám sát sốt xuất huyết theo xã của TTYT
            file_name_pattern: "^giam-sat-sxh"
            indicator: disease.dengue.cases
            columns:
              Ca mới: { measure: month }
              C: { skip: "số ca cũ, đã báo tháng trước" }
            """);
        using (var connection = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly())
        {
            var pinned = new IngestionService(connection, home, Clock).Check(path, new IngestionOptions());
            Assert.True(pinned.Accepted, string.Join("\n", pinned.Findings.Select(f => f.Message)));
            Assert.Equal("giam-sat-sxh", pinned.Template);
            Assert.Equal([3m, 1m], pinned.Values.Select(v => v.Value));
            Assert.All(pinned.Values, v => Assert.Equal(("disease.dengue.cases", Measure.Month, 202410), (v.IndicatorCode, v.Measure, v.Period.Key)));
            Assert.Contains(pinned.Result.Ignored, i => i.Reason == "số ca cũ, đã báo tháng trước");
        }

        Assert.Throws<TemplateDefinitionException>(() => TemplateCatalog.Parse("name: x\nfamily: unit_grid\n", "x.yaml"));
    }

    // What a column's header says, one rule each.

    private PreparedFile CheckTable(string title, object?[] header, params object?[][] rows)
    {
        var builder = new XlsxBuilder().Sheet("BC").Row(0, "TRUNG TÂM Y TẾ HUYỆN LONG MỸ").Row(1, title).Row(3, header);
        for (var i = 0; i < rows.Length; i++)
        {
            builder.Row(4 + i, rows[i]);
        }

        return Check(builder, "bc.xlsx");
    }

    private static string Findings(PreparedFile file) => string.Join("\n", file.Findings.Select(f => $"{f.Rule} {f.Cell} {f.Message}"));

    [Fact]
    public void A_flow_counted_since_the_programme_began_is_left_out_and_a_stock_so_written_is_the_stock()
    {
        var file = CheckTable("BÁO CÁO HIV/AIDS THÁNG 9 NĂM 2024",
            ["Nội dung", "Trong tháng", "Cộng dồn", "Lũy kế từ khi triển khai chương trình"],
            ["Số nhiễm HIV mới phát hiện", 2, 17, 1287],
            ["Số người hiện đang điều trị ARV", null, null, 536]);

        Assert.True(file.Accepted, Findings(file));
        Assert.Equal(17m, Value(file, "disease.hiv.new", Measure.YearToDate));
        Assert.Equal(536m, Value(file, "hiv.arv_patients", Measure.Stock));
        Assert.DoesNotContain(file.Values, v => v.Value == 1287m);
        Assert.Contains(file.Result.Ignored, i => i.Where == "D5" && i.Reason.Contains("từ khi triển khai", StringComparison.Ordinal));
    }

    [Fact]
    public void A_column_of_which_a_part_is_written_is_that_part_of_the_total_above_it()
    {
        var builder = new XlsxBuilder().Sheet("BC").Row(0, "TRUNG TÂM Y TẾ HUYỆN LONG MỸ").Row(1, "BÁO CÁO SỨC KHỎE SINH SẢN THÁNG 10 NĂM 2024")
            .Row(3, "Xã", "Phá thai", null).Row(4, null, "Tổng số", "Trong đó: vị thành niên").Merge("B4:C4").Merge("A4:A5")
            .Row(5, "Xã Thuận Hưng", 3, 1)
            .Row(6, "Xã Lương Tâm", 2, 0);
        var file = Check(builder, "bc.xlsx");

        Assert.True(file.Accepted, Findings(file));
        var totals = file.Values.Where(v => v.IndicatorCode == "abortion.total" && v.Disaggregation.Length == 0).Select(v => v.Value);
        var parts = file.Values.Where(v => v.IndicatorCode == "abortion.total" && v.Disaggregation == "vị thành niên").Select(v => v.Value);
        Assert.Equal([3m, 2m], totals);
        Assert.Equal([1m, 0m], parts);
    }

    [Fact]
    public void A_count_of_deaths_by_its_own_name_is_its_deaths_and_its_per_thousand_rate_is_the_mortality_rate()
    {
        var builder = new XlsxBuilder().Sheet("BC").Row(0, "TRUNG TÂM Y TẾ HUYỆN LONG MỸ").Row(1, "TỬ VONG TRẺ EM NĂM 2024")
            .Row(3, "Xã", "Trẻ em dưới 1 tuổi tử vong", null).Row(4, null, "Số trẻ", "Tỷ suất (‰)").Merge("B4:C4").Merge("A4:A5")
            .Row(5, "Xã Thuận Hưng", 2, 10.99)
            .Row(6, "Xã Lương Tâm", 1, 6.9);
        var file = Check(builder, "bc.xlsx");

        Assert.True(file.Accepted, Findings(file));
        Assert.Equal([2m, 1m], file.Values.Where(v => v.IndicatorCode == "deaths.u1").Select(v => v.Value));
        Assert.Equal([10.99m, 6.9m], file.Values.Where(v => v.IndicatorCode == "mortality.infant" && v.Measure == Measure.ReportedRate).Select(v => v.Value));
    }

    [Fact]
    public void A_rate_beside_a_count_is_the_ratio_per_as_many_as_its_header_says_and_thousands_are_thousands()
    {
        var file = Check(new XlsxBuilder().Sheet("HIV").Row(0, "BỘ Y TẾ").Row(1, "HIV VÀ LAO THEO TỈNH NĂM 2023")
            .Row(3, "Tỉnh", "Dân số trung bình (nghìn người)", "Số nhiễm HIV mới", "Tỷ lệ/100.000 dân", "Số trẻ dưới 1 tuổi được tiêm chủng đầy đủ", "Tỷ lệ (%)")
            .Row(4, "Hà Nội", "8.435,7", 1024, 12.1, 120000, 98.2)
            .Row(5, "Sơn La", "1.300,1", 188, 14.5, 21000, 95.1), "hiv.xlsx");

        Assert.True(file.Accepted, Findings(file));
        Assert.Equal([8435700m, 1300100m], file.Values.Where(v => v.IndicatorCode == "population.total").Select(v => v.Value));
        Assert.Equal([12.1m, 14.5m], file.Values.Where(v => v.IndicatorCode == "disease.hiv.new_per_100k").Select(v => v.Value));
        Assert.Equal([98.2m, 95.1m], file.Values.Where(v => v.IndicatorCode == "epi.fully_immunized_u1.rate").Select(v => v.Value));
    }

    [Fact]
    public void A_plan_in_percent_is_the_target_of_the_share_and_the_rate_beside_it_is_the_share()
    {
        var file = CheckTable("BAO PHỦ BHYT THEO XÃ THÁNG 6 NĂM 2024",
            ["Xã", "Dân số", "Số người tham gia BHYT", "Tỷ lệ bao phủ (%)", "Chỉ tiêu giao năm 2024 (%)"],
            ["Xã Thuận Hưng", 8120, 7810, 96.18, 96.5],
            ["Xã Lương Tâm", 7300, 6800, 93.15, 93]);

        Assert.True(file.Accepted, Findings(file));
        Assert.Equal([96.18m, 93.15m], file.Values.Where(v => v.IndicatorCode == "bhyt.coverage" && v.Measure == Measure.ReportedRate).Select(v => v.Value));
        Assert.Equal([96.5m, 93m], file.Result.Targets.Where(t => t.IndicatorCode == "bhyt.coverage").Select(t => t.Value));
        Assert.DoesNotContain(file.Values, v => v.Measure == Measure.TargetYear);
    }

    [Fact]
    public void A_comparison_in_percent_is_left_out_and_a_rate_is_the_months_not_the_cumulative_columns()
    {
        var file = CheckTable("BÁO CÁO KHÁM CHỮA BỆNH THÁNG 10 NĂM 2024",
            ["Nội dung", "Tháng 10/2023", "Tháng 10/2024", "So sánh (%)", "Cộng dồn 10 tháng"],
            ["Tổng số lần khám bệnh", 41230, 43415, 105.3, 412330],
            ["Công suất sử dụng giường bệnh", 92.5, 95.1, 102.8, 93.8]);

        Assert.True(file.Accepted, Findings(file));
        Assert.Equal(43415m, Value(file, "hospital.visits", Measure.Month));
        Assert.Equal(412330m, Value(file, "hospital.visits", Measure.YearToDate));
        Assert.Equal(95.1m, Value(file, "hospital.bed_occupancy", Measure.Stock));
        Assert.Equal(3, file.Values.Count); // last year's month and the comparison are left out
        Assert.Contains(file.Result.Ignored, i => i.Where == "E6" && i.Reason == FigureReader.CumulativeOfStockReason);
    }
}
