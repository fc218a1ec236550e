using DuckDB.NET.Data;
using Ntm.Domain.Measures;
using Ntm.Etl.Ingestion;
using Ntm.Etl.Templates;
using Ntm.Etl.Validation;
using Ntm.Warehouse;

namespace Ntm.Etl.Tests.Templates;

/// <summary>Each family read from real .xlsx and .xls files: what lands in which indicator, measure and period.</summary>
[Collection(nameof(WarehouseFixture))]
public sealed class FamilyTests(WarehouseFixture fixture) : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private (string? Template, ExtractionResult Result) Read(string name, string extension, IngestionOptions? options = null) =>
        fixture.Read(directory, TestData.Fixtures("workbooks", name + extension), options);

    private static decimal Value(ExtractionResult result, string indicator, string measure, string? areaCode = null, int? period = null) =>
        Assert.Single(result.Values, v => v.IndicatorCode == indicator && v.Measure.ToCode() == measure && (areaCode is null || v.Area.Code == areaCode) && (period is null || v.Period.Key == period)).Value;

    [Theory]
    [InlineData(".xlsx")]
    [InlineData(".xls")]
    public void The_department_report_reads_groups_merged_headers_pairs_and_both_number_styles(string extension)
    {
        var (template, result) = Read("hau-giang-2022-12-report", extension);
        Assert.Equal("report-table", template);
        Assert.Equal("93", result.ReportingArea!.Code);
        Assert.Equal((2022, 12, false), (result.Period!.Year, result.Period.Month, result.Period.WholeYear));
        Assert.All(result.Values, v => Assert.Equal(202212, v.Period.Key));

        // "Tổng số" means different indicators under "Khám phát hiện" and "Bệnh lành".
        Assert.Equal(104m, Value(result, "tb.detected.total", "month"));
        Assert.Equal(1399m, Value(result, "tb.detected.total", "ytd"));
        Assert.Equal(110.2m, Value(result, "tb.detected.total", "reported_rate"));
        Assert.Equal(58m, Value(result, "tb.cured.total", "month"));
        Assert.Equal(1058m, Value(result, "tb.cured.total", "ytd"));
        Assert.Equal(744m, Value(result, "tb.cured.pulmonary_pos", "ytd"));
        Assert.Equal(146m, Value(result, "tb.pulmonary_neg", "ytd"));
        Assert.Equal(1051m, Value(result, "tb.pulmonary_pos_new", "ytd"));
        Assert.Equal(10134m, Value(result, "tb.sputum_smears", "ytd"));

        // Family planning: two-row merged header, "ytd/target" pairs, vi-VN thousands and decimals.
        Assert.Equal(25m, Value(result, "fp.iud", "month"));
        Assert.Equal(7746m, Value(result, "fp.iud", "ytd"));
        Assert.Equal(6653m, Value(result, "fp.iud", "target_year"));
        Assert.Equal(116.43m, Value(result, "fp.iud", "reported_rate"));
        Assert.Equal(32122m, Value(result, "fp.iud", "stock"));
        Assert.Equal(1m, Value(result, "fp.sterilization", "ytd"));
        Assert.Equal(1415m, Value(result, "fp.sterilization", "stock"));
        Assert.Equal(56549m, Value(result, "fp.modern.total", "ytd"));
        Assert.Equal(50697m, Value(result, "fp.modern.total", "target_year"));
        Assert.Equal(83798m, Value(result, "fp.modern.total", "stock"));

        // The seed's own discrepancy: 1,399 detected, but 1,051 + 62 + 146 + 137 = 1,396.
        var labels = Ntm.Etl.Parsing.IndicatorLabels.FromCatalog(Ntm.Warehouse.ReferenceData.IndicatorCatalog.Build(Ntm.Warehouse.ReferenceData.ReferenceFiles.Load()));
        var findings = new Validator(labels).Validate(result.Values, new DateOnly(2026, 1, 1), sums: Ntm.Etl.Tables.TableVocabulary.BuiltIn.Sums);
        var mismatch = Assert.Single(findings, f => f.Rule == "sum_mismatch");
        Assert.Equal(("Lao", "C8", "1,399", "1.396"), (mismatch.Sheet, mismatch.Cell, mismatch.ValueSeen, mismatch.Expected));

        // Comparisons with the same period are derived, not loaded; "-" is not reported, not zero.
        Assert.Contains(result.Ignored, i => i.Reason.StartsWith("so sánh", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Values, v => v.Text is "-" or "↑15,19" or "45.0%");
        Assert.DoesNotContain(result.Findings, f => f.Severity == Severity.Error);
    }

    [Theory]
    [InlineData(".xlsx")]
    [InlineData(".xls")]
    public void The_criterion_14_table_stores_numerators_denominators_and_reported_rates_at_year_end(string extension)
    {
        var (template, result) = Read("le-hong-2022-criterion-14", extension);
        Assert.Equal("report-table", template);
        Assert.Equal("11266", result.ReportingArea!.Code);
        Assert.True(result.Period!.WholeYear);
        Assert.All(result.Values, v => Assert.Equal(202212, v.Period.Key));
        Assert.Equal(7475m, Value(result, "bhyt.insured", "stock"));
        Assert.Equal(95.1m, Value(result, "bhyt.coverage", "reported_rate"));
        Assert.Equal(3159m, Value(result, "health.telemedicine_users", "stock"));
        Assert.Equal(6012m, Value(result, "health.ehealth_book", "stock"));
        Assert.All(result.Values.Where(v => v.IndicatorCode == "population.total"), v => Assert.Equal(7860m, v.Value));
        // Thresholds ("≥ 95 %") and verdicts ("Đạt") are not data.
        Assert.DoesNotContain(result.Values, v => v.Text.Contains('≥', StringComparison.Ordinal) || v.Text == "Đạt");
        Assert.DoesNotContain(result.Findings, f => f.Severity == Severity.Error);
    }

    [Theory]
    [InlineData(".xlsx")]
    [InlineData(".xls")]
    public void The_unit_grid_finds_communes_inside_the_district_of_its_title(string extension)
    {
        var (template, result) = Read("long-my-2022-12-bhyt", extension);
        Assert.Equal("unit-grid", template);
        Assert.Equal("936", result.ReportingArea!.Code);
        Assert.Equal(7010m, Value(result, "bhyt.insured", "stock", "31483"));
        Assert.Equal(8120m, Value(result, "population.total", "stock", "31483"));
        Assert.Equal(9918m, Value(result, "bhyt.insured", "stock", "31489"));
        Assert.Equal(10230m, Value(result, "population.total", "stock", "31489"));
        // "-" is not reported: no insured value for Lương Tâm, but its population is there.
        Assert.DoesNotContain(result.Values, v => v.Area.Code == "31492" && v.IndicatorCode == "bhyt.insured");
        Assert.Equal(7300m, Value(result, "population.total", "stock", "31492"));
        Assert.Contains(result.Ignored, i => i.Text == "Tổng cộng");
    }

    [Theory]
    [InlineData(".xlsx")]
    [InlineData(".xls")]
    public void The_area_month_grid_reads_merged_month_headers_and_variants(string extension)
    {
        var (template, result) = Read("hau-giang-2022-dengue-by-district", extension, new IngestionOptions(Period: Ntm.Etl.Parsing.ReportPeriod.ParseOption("2022")));
        Assert.Equal("area-month-grid", template);
        Assert.Equal(22m, Value(result, "disease.dengue.cases", "month", "936", 202202));
        Assert.Equal(1m, Value(result, "disease.dengue.deaths", "month", "936", 202202));
        Assert.Equal(15m, Value(result, "disease.dengue.cases", "month", "930", 202203));
        Assert.DoesNotContain(result.Values, v => v.Area.Code == "937" && v.Period.Key == 202202);
        Assert.Equal(5m, Value(result, "disease.dengue.cases", "month", "937", 202203));
    }

    [Theory]
    [InlineData(".xlsx")]
    [InlineData(".xls")]
    public void The_long_layout_reads_codes_names_and_vietnamese_measure_words(string extension)
    {
        var (template, result) = Read("long-format-2023", extension);
        Assert.Equal("long", template);
        Assert.Equal(3m, Value(result, "disease.dengue.cases", "ytd", "31483", 202301));
        Assert.Equal(5m, Value(result, "disease.dengue.cases", "ytd", "31483", 202302));
        Assert.Equal(93.4m, Value(result, "bhyt.coverage", "reported_rate", "31484", 202302));
    }

    [Theory]
    [InlineData(".xlsx")]
    [InlineData(".xls")]
    public void A_typing_mistake_is_an_error_naming_the_sheet_and_cell(string extension)
    {
        var (_, result) = Read("typo-2022-12", extension);
        var error = Assert.Single(result.Findings, f => f.Severity == Severity.Error);
        Assert.Equal(("Lao", "C5", "not_a_number"), (error.Sheet, error.Cell, error.Rule));
        Assert.Contains("'1.3o9'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_label_not_in_the_catalogue_is_a_warning_that_lists_the_numbers_left_out()
    {
        var path = new XlsxBuilder().Sheet("Lao")
            .Row(0, "SỞ Y TẾ HẬU GIANG").Row(1, "BÁO CÁO tháng 11 năm 2022")
            .Row(3, "Nội dung", "Thực hiện tháng", "Cộng dồn")
            .Row(4, "Lao phổi M(+) mới", "80", "971")
            .Row(5, "Bệnh phong mới phát hiện", "2", "11")
            .Save(directory.File("unknown.xlsx"));
        var (_, result) = fixture.Read(directory, path);
        var warning = Assert.Single(result.Findings, f => f.Rule == "unknown_indicator");
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains("dòng 6", warning.Message, StringComparison.Ordinal);
        Assert.Contains("B6=2", warning.Message, StringComparison.Ordinal);
        Assert.Contains("C6=11", warning.Message, StringComparison.Ordinal);
        Assert.Equal(2, result.Values.Count);
    }

    [Fact]
    public void A_grid_of_2025_names_the_units_in_force_in_its_first_month_with_figures()
    {
        // July to December 2025: the new city's communes (Phường Cái Khế, 31120, exists only on the map of 2025-07-01).
        var after = new XlsxBuilder().Sheet("SXH")
            .Row(0, "SỞ Y TẾ THÀNH PHỐ CẦN THƠ").Row(1, "SỐ CA SỐT XUẤT HUYẾT THEO XÃ VÀ THÁNG NĂM 2025")
            .Row(2, "Xã", "Tháng 7", null, "Tháng 8", null, "Tháng 9", null).Row(3, null, "M", "C", "M", "C", "M", "C")
            .Row(4, "Phường Cái Khế", 12, 0, 15, 1, 9, 0)
            .Merge("B3:C3").Merge("D3:E3").Merge("F3:G3")
            .Save(directory.File("sxh-2025-t7.xlsx"));
        // January to June 2025: the former Hậu Giang's communes (Xã Thuận Hưng of Huyện Long Mỹ, 31483).
        var before = new XlsxBuilder().Sheet("SXH")
            .Row(0, "SỞ Y TẾ TỈNH HẬU GIANG").Row(1, "TRUNG TÂM Y TẾ HUYỆN LONG MỸ").Row(2, "SỐ CA SỐT XUẤT HUYẾT THEO XÃ VÀ THÁNG NĂM 2025")
            .Row(3, "Xã", "Tháng 1", null, "Tháng 2", null, "Tháng 3", null).Row(4, null, "M", "C", "M", "C", "M", "C")
            .Row(5, "Xã Thuận Hưng", 3, 0, 2, 0, 1, 0)
            .Merge("B4:C4").Merge("D4:E4").Merge("F4:G4")
            .Save(directory.File("sxh-2025-t1.xlsx"));
        var home = fixture.NewHome(directory);
        using var connection = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly();
        var service = new IngestionService(connection, home, TimeProvider.System);

        var july = service.Check(after, new IngestionOptions()).Result;
        Assert.DoesNotContain(july.Findings, f => f.Severity == Severity.Error);
        Assert.Equal(12m, Value(july, "disease.dengue.cases", "month", "31120", 202507));
        Assert.All(july.Values, v => Assert.Equal(new DateOnly(2025, 7, 1), v.Area.ValidFrom));

        var january = service.Check(before, new IngestionOptions()).Result;
        Assert.DoesNotContain(january.Findings, f => f.Severity == Severity.Error);
        Assert.Equal(3m, Value(january, "disease.dengue.cases", "month", "31483", 202501));
        Assert.All(january.Values, v => Assert.True(v.Area.ValidFrom < new DateOnly(2025, 7, 1)));
    }

    [Fact]
    public void A_date_written_under_an_earlier_month_column_does_not_decide_which_map_a_grid_uses()
    {
        // A whole-year grid of 2025 with figures from July only, and the signing date under the January column.
        var path = new XlsxBuilder().Sheet("SXH")
            .Row(0, "SỞ Y TẾ THÀNH PHỐ CẦN THƠ").Row(1, "SỐ CA SỐT XUẤT HUYẾT THEO XÃ VÀ THÁNG NĂM 2025")
            .Row(2, "Xã", "Tháng 1", null, "Tháng 7", null, "Tháng 8", null, "Tháng 9", null).Row(3, null, "M", "C", "M", "C", "M", "C", "M", "C")
            .Row(4, "Phường Cái Khế", null, null, 12, 0, 15, 1, 9, 0)
            .Row(6, null, "Ngày 05 tháng 10 năm 2025")
            .Merge("B3:C3").Merge("D3:E3").Merge("F3:G3").Merge("H3:I3")
            .Save(directory.File("sxh-2025-ca-nam.xlsx"));
        var (_, result) = fixture.Read(directory, path);
        Assert.Equal(12m, Value(result, "disease.dengue.cases", "month", "31120", 202507));
    }
}
