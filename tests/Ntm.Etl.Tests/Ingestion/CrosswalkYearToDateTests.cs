using Dapper;
using Ntm.Domain.Areas;
using Ntm.Domain.Measures;
using Ntm.Domain.Periods;
using Ntm.Domain.Statuses;
using Ntm.Etl.Ingestion;
using Ntm.Warehouse;
using Ntm.Warehouse.Queries;

namespace Ntm.Etl.Tests.Ingestion;

/// <summary>
/// The new Cần Thơ (from 2025-07-01: the former Cần Thơ, Hậu Giang and Sóc Trăng) sends its July
/// 2025 report with its own cộng dồn. Where that differs from its old provinces' January–June
/// plus its own July, the file gets a warning saying by how much, and the trend row says so too;
/// the year-to-date shown is the unit's own.
/// </summary>
[Collection(nameof(WarehouseFixture))]
public sealed class CrosswalkYearToDateTests(WarehouseFixture fixture) : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private static IngestFileResult Ingest(WarehouseHome home, string path)
    {
        File.Copy(path, Path.Combine(home.Inbox, Path.GetFileName(path)));
        return Assert.Single(WarehouseFixture.Ingest(home));
    }

    private WarehouseHome FirstHalf()
    {
        var home = fixture.NewHome(directory);
        // Sốt xuất huyết, January–June 2025, by the old provinces: 60 + 50 + 40 per month = 900.
        var first = Ingest(home, new XlsxBuilder().Sheet("SXH")
            .Row(0, "VIỆN PASTEUR THÀNH PHỐ HỒ CHÍ MINH")
            .Row(2, "SỐ CA MẮC SỐT XUẤT HUYẾT 6 THÁNG ĐẦU NĂM 2025")
            .Row(4, "Tỉnh", "Tháng 1", "Tháng 2", "Tháng 3", "Tháng 4", "Tháng 5", "Tháng 6")
            .Row(5, "Cần Thơ", 60, 60, 60, 60, 60, 60)
            .Row(6, "Hậu Giang", 50, 50, 50, 50, 50, 50)
            .Row(7, "Sóc Trăng", 40, 40, 40, 40, 40, 40)
            .Save(directory.File("sxh-6-thang-2025.xlsx")));
        Assert.Equal(IngestOutcome.Accepted, first.Outcome);
        Assert.Equal(18, first.Values);
        return home;
    }

    private string July(object ytd) => new XlsxBuilder().Sheet("Dịch bệnh")
        .Row(0, "SỞ Y TẾ THÀNH PHỐ CẦN THƠ", null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        .Row(1, "Số: 812/BC-SYT", null, null, "Cần Thơ, ngày 06 tháng 8 năm 2025")
        .Row(3, "BÁO CÁO TÌNH HÌNH BỆNH TRUYỀN NHIỄM THÁNG 7 NĂM 2025")
        .Row(5, "STT", "Tên bệnh", "Mắc trong tháng", "Cộng dồn")
        .Row(6, 1, "Sốt xuất huyết", 130, ytd)
        .Save(directory.File($"bc-thang-7-2025-{ytd}.xlsx"));

    private static TrendPoint YearToDate(WarehouseHome home)
    {
        using var connection = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly();
        var areas = Ntm.Warehouse.Areas.AreaDirectoryLoader.Load(connection);
        var july = new PeriodKey(2025, 7);
        var city = areas.Areas.Single(a => a.Code == "92" && a.Generation == AreaGeneration.From2025);
        return Assert.Single(new TrendQuery(connection).Series("disease.dengue.cases", [city], july, july, Measure.YearToDate));
    }

    [Fact]
    public void A_new_units_own_cong_don_that_differs_from_its_old_units_months_is_said_and_shown_as_stated()
    {
        var home = FirstHalf();

        var july = Ingest(home, July(1130));

        Assert.Equal(IngestOutcome.Accepted, july.Outcome);
        var warning = Assert.Single(july.Findings, f => f.Rule == "ytd_across_crosswalk");
        Assert.Equal(("Dịch bệnh", "D7"), (warning.Sheet, warning.Cell));
        Assert.Contains("1.030", warning.Message, StringComparison.Ordinal);
        Assert.Contains("chênh 100", warning.Message, StringComparison.Ordinal);

        var point = YearToDate(home);
        Assert.Equal((1130m, Ntm.Domain.Rollups.FigureSource.Own), (point.Value, point.Source));
        Assert.Contains("1.030", point.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_units_cong_don_that_adds_up_gets_no_warning_and_no_note()
    {
        var home = FirstHalf();

        var july = Ingest(home, July(1030));

        Assert.Equal(IngestOutcome.Accepted, july.Outcome);
        Assert.DoesNotContain(july.Findings, f => f.Rule == "ytd_across_crosswalk");
        var point = YearToDate(home);
        Assert.Equal(1030m, point.Value);
        Assert.Null(point.Note);
    }
}
