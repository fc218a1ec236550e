using Ntm.Etl.Validation;

namespace Ntm.Etl.Tests.Plans;

/// <summary>
/// A district's score sheet of the national commune health criteria (QĐ 1300/QĐ-BYT): the points are
/// stored as figures, each commune with every criterion gets its yearly status by the pass rule, and
/// a score above its criterion's maximum refuses the file naming the cell.
/// </summary>
[Collection(nameof(WarehouseFixture))]
public sealed class HealthStandardScoreSheetTests(WarehouseFixture fixture) : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private string Sheet(string name, params object?[][] communes)
    {
        var builder = new XlsxBuilder().Sheet("Chấm điểm")
            .Row(0, "TRUNG TÂM Y TẾ HUYỆN TUẦN GIÁO")
            .Row(1, "KẾT QUẢ CHẤM ĐIỂM BỘ TIÊU CHÍ QUỐC GIA VỀ Y TẾ XÃ NĂM 2024")
            .Row(2, "STT", "Xã, thị trấn", "Điểm đạt của các tiêu chí", null, null, null, null, null, null, null, null, null, "Tổng điểm", "Điểm liệt")
            .Merge("A3:A4").Merge("B3:B4").Merge("C3:L3").Merge("M3:M4").Merge("N3:N4")
            .Row(3, null, null, "TC1", "TC2", "TC3", "TC4", "TC5", "TC6", "TC7", "TC8", "TC9", "TC10");
        for (var i = 0; i < communes.Length; i++)
        {
            builder.Row(4 + i, [i + 1, .. communes[i]]);
        }

        return builder.Row(5 + communes.Length, "Người lập biểu").Save(directory.File(name));
    }

    [Fact]
    public void Each_commune_s_status_is_derived_by_the_rule_from_its_points()
    {
        var path = Sheet("diem-2024.xlsx",
            ["Mường Khong", 12, 8, 10, 8, 15, 10, 5, 9, 3, 3, 83, 0],        // met
            ["Ta Ma", 12, 8, 10, 8, 9, 12, 6, 11, 3, 4, 83, 0],              // TC5 9/19 = 47%
            ["Chiềng Sinh", 14, 10, 12, 9, 19, 12, 6, 11, 3, 4, 100, 1],     // a knock-out item failed
            ["TT Tuần Giáo", 11, 8, 10, 7, 15.5, 10, 5, 8.5, 2, 3, 80, "Không"], // exactly 80
            ["Quài Tở", 11, 8, 10, 7, 15, 10, 5, 8.5, 2, 3, 80, 0],          // 79.5, total written 80
            ["Quài Nưa", 14, 10, 12, 9, 19, 12, 6, 11, 3, 4, 100, "Có (01 nội dung)"]); // a knock-out item failed, written in words

        var (_, result) = fixture.Read(directory, path);

        Assert.DoesNotContain(result.Findings, f => f.Severity == Severity.Error);
        var status = result.Values.Where(v => v.IndicatorCode == "commune.health_standard").ToDictionary(v => v.Area.Code, v => v.Value);
        Assert.Equal(new Dictionary<string, decimal> { ["03284"] = 1, ["03265"] = 0, ["03298"] = 0, ["03253"] = 1, ["03295"] = 0, ["03274"] = 0 }, status);
        Assert.Equal(10 * 6, result.Values.Count(v => v.IndicatorCode.StartsWith("health_standard.tc", StringComparison.Ordinal)));
        Assert.Equal(1m, result.Values.Single(v => v.IndicatorCode == "health_standard.knockouts_failed" && v.Area.Code == "03274").Value);
        Assert.All(result.Values, v => Assert.Equal("2024-12", v.Period.ToString()));
        var total = Assert.Single(result.Findings, f => f.Rule == "score_total");
        Assert.Equal("M9", total.Cell);
        Assert.Contains("79,5", total.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_score_above_its_criterion_s_maximum_refuses_the_file_naming_the_cell()
    {
        var path = Sheet("diem-vuot.xlsx",
            ["Mường Khong", 15, 8, 10, 8, 15, 10, 5, 9, 3, 3, 86, 0],
            ["Ta Ma", 12, 8, 10, 8, 9, 12, 6, 11, 3, 4, 83, 0]);

        var (_, result) = fixture.Read(directory, path);

        var error = Assert.Single(result.Findings, f => f.Severity == Severity.Error);
        Assert.Equal(("C5", "score_above_maximum"), (error.Cell, error.Rule));
        Assert.Contains("0–14", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Values, v => v.IndicatorCode == "commune.health_standard" && v.Area.Code == "03284");
    }
}
