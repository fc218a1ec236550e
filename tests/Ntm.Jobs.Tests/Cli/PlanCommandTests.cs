using System.Text;
using System.Text.Json;

namespace Ntm.Jobs.Tests.Cli;

/// <summary>
/// <c>ntm plan progress</c> on a small warehouse: a province's plan for communes to reach the
/// advanced New Rural level (criterion 14), one commune meeting all of 14.1–14.4, one failing 14.1,
/// one without figures; a district's plan for the national commune health criteria with its score
/// sheet; a later plan that restates one district's target replaces that target only.
/// </summary>
public sealed class PlanCommandTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private static void Send(string home, string name, string text)
    {
        File.WriteAllText(Path.Combine(home, "inbox", name), text, new UTF8Encoding(false));
        var ingest = CliRunner.InProcess("--home", home, "ingest");
        Assert.True(ingest.ExitCode == 0, ingest.Out + ingest.Error);
    }

    private string Home()
    {
        var home = directory.File("home");
        Assert.Equal(0, CliRunner.InProcess("--home", home, "init").ExitCode);
        Send(home, "kh-ntm-nc-2024.csv", "SỞ Y TẾ BẮC GIANG\nKẾ HOẠCH XÃ ĐẠT CHUẨN NÔNG THÔN MỚI NÂNG CAO NĂM 2024 (LĨNH VỰC Y TẾ)\n"
            + "STT,Đơn vị,Số xã đạt chuẩn NTM nâng cao,Tên xã\n1,Thị xã Việt Yên,3,\"Nghĩa Trung, Trung Sơn, Tiên Sơn\"\n2,Huyện Tân Yên,1,Cao Xá\n,Tổng cộng,4,\n"
            + "3,Tỷ lệ người dân tham gia BHYT,trên 99,\n");
        Send(home, "bc-viet-yen-2024.csv", "TRUNG TÂM Y TẾ THỊ XÃ VIỆT YÊN\nBÁO CÁO TIÊU CHÍ Y TẾ XÃ NÔNG THÔN MỚI NÂNG CAO NĂM 2024\n"
            + "Xã,Dân số,Số người tham gia BHYT,Số người được quản lý sức khỏe,Số người tham gia và sử dụng khám chữa bệnh từ xa,Số người có sổ khám chữa bệnh điện tử\n"
            + "Nghĩa Trung,10000,9700,9300,4500,8000\nTrung Sơn,8000,7200,7400,3600,6400\n");
        Send(home, "kh-btcqg-2024.csv", "UBND HUYỆN TUẦN GIÁO\nKẾ HOẠCH THỰC HIỆN BỘ TIÊU CHÍ QUỐC GIA VỀ Y TẾ XÃ NĂM 2024\n"
            + "STT,Nội dung,Số xã,Tên xã\n1,Xã phấn đấu đạt Tiêu chí quốc gia về y tế xã,2,Mường Khong và Ta Ma\n2,Duy trì đạt tiêu chí quốc gia về y tế xã,2,\"Chiềng Sinh, Quài Tở\"\n");
        Send(home, "diem-btcqg-2024.csv", "TRUNG TÂM Y TẾ HUYỆN TUẦN GIÁO\nKẾT QUẢ CHẤM ĐIỂM BỘ TIÊU CHÍ QUỐC GIA VỀ Y TẾ XÃ NĂM 2024\n"
            + "Xã,TC1,TC2,TC3,TC4,TC5,TC6,TC7,TC8,TC9,TC10,Tổng điểm,Điểm liệt\n"
            + "Mường Khong,12,8,10,8,15,10,5,9,3,3,83,0\nTa Ma,12,8,10,8,9,12,6,11,3,4,83,0\nChiềng Sinh,14,10,12,9,19,12,6,11,3,4,100,1\nQuài Tở,11,8,10,7,15.5,10,5,8.5,2,3,80,0\n");
        return home;
    }

    private static Dictionary<(string Area, string Target), JsonElement> Rows(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("rows").EnumerateArray().ToDictionary(r => (r.GetProperty("area_code").GetString()!, r.GetProperty("target").GetString()!), r => r.Clone());

    /// <summary>Each commune's status and failing criteria ("khong_dat", "14.1, 14.3").</summary>
    private static Dictionary<string, (string Status, string Failing)> Communes(JsonElement row) =>
        row.GetProperty("communes").EnumerateArray().ToDictionary(c => c.GetProperty("area_code").GetString()!,
            c => (c.GetProperty("status").GetString()!, string.Join(", ", c.GetProperty("failing").EnumerateArray().Select(f => f.GetString()!))));

    [Fact]
    public void Each_named_commune_has_its_status_and_failing_criteria_and_each_target_its_planned_achieved_and_gap()
    {
        var home = Home();

        var result = CliRunner.InProcess("--home", home, "plan", "progress", "--year", "2024", "--format", "json");

        Assert.True(result.ExitCode == 0, result.Error);
        var document = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(2024, document.GetProperty("year").GetInt32());
        var rows = Rows(result.Out);
        var vietYen = rows[("222", "ntm_nang_cao")];
        Assert.Equal((3m, 1m, 2m), (vietYen.GetProperty("planned").GetDecimal(), vietYen.GetProperty("achieved").GetDecimal(), vietYen.GetProperty("gap").GetDecimal()));
        var communes = Communes(vietYen);
        Assert.Equal(("dat", ""), communes["07765"]);          // Nghĩa Trung: 97%, 93%, 45%, 80%
        Assert.Equal(("khong_dat", "14.1"), communes["07780"]);        // Trung Sơn: BHYT 90% < 95%
        Assert.Equal("chua_co_so_lieu", communes["07786"].Status);               // Tiên Sơn: no figures
        var province = rows[("24", "ntm_nang_cao")];
        Assert.Equal((4m, 1m, 3m), (province.GetProperty("planned").GetDecimal(), province.GetProperty("achieved").GetDecimal(), province.GetProperty("gap").GetDecimal()));

        var reach = rows[("099", "health_standard")];
        Assert.Equal((2m, 1m, 1m), (reach.GetProperty("planned").GetDecimal(), reach.GetProperty("achieved").GetDecimal(), reach.GetProperty("gap").GetDecimal()));
        Assert.Equal(("khong_dat", "TC5"), Communes(reach)["03265"]); // Ta Ma: TC5 9/19
        Assert.Equal("dat", Communes(reach)["03284"].Status);
        var keep = Communes(rows[("099", "health_standard_keep")]);
        Assert.Equal("khong_dat", keep["03298"].Status);                        // Chiềng Sinh: a knock-out item failed
        Assert.Equal(("dat", ""), keep["03295"]);             // Quài Tở: exactly 80

        // Plans made before the 2025 reorganisation say where each named commune went.
        var now = vietYen.GetProperty("communes").EnumerateArray().Single(c => c.GetProperty("area_code").GetString() == "07765").GetProperty("now").EnumerateArray().ToList();
        Assert.NotEmpty(now);
        Assert.All(now, n => Assert.False(string.IsNullOrEmpty(n.GetProperty("area_name").GetString())));

        // The province's BHYT target against the year's coverage (no province-wide figure: no verdict).
        var bhyt = rows[("24", "bhyt.coverage")];
        Assert.Equal((99m, ">"), (bhyt.GetProperty("planned").GetDecimal(), bhyt.GetProperty("comparator").GetString()));

        var table = CliRunner.InProcess("--home", home, "plan", "progress", "--year", "2024", "--area", "222");
        Assert.True(table.ExitCode == 0, table.Error);
        Assert.Contains("Việt Yên", table.Out, StringComparison.Ordinal);
        Assert.Contains("(14.1)", table.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Tuần Giáo", table.Out, StringComparison.Ordinal);

        var xlsx = directory.File("tien-do.xlsx");
        Assert.Equal(0, CliRunner.InProcess("--home", home, "plan", "progress", "--year", "2024", "--format", "xlsx", "--out", xlsx).ExitCode);
        Assert.True(new FileInfo(xlsx).Length > 0);
    }

    [Fact]
    public void The_annual_report_pack_has_the_plan_s_table_and_its_chart_of_planned_against_achieved_by_district()
    {
        var home = Home();
        var pack = directory.File("pack");

        var result = CliRunner.InProcess("--home", home, "report", "annual", "--year", "2024", "--area", "24", "--out", pack);

        Assert.True(result.ExitCode == 0, result.Error);
        var table = Directory.GetFiles(Path.Combine(pack, "tables"), "*.csv").Single(f => Path.GetFileName(f).Contains("ke-hoach", StringComparison.Ordinal));
        var text = File.ReadAllText(table);
        Assert.Contains("Xã Trung Sơn: Không đạt (14.1)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Tuần Giáo", text, StringComparison.Ordinal);
        Assert.Contains(Directory.GetFiles(pack, "*.png", SearchOption.AllDirectories), f => Path.GetFileName(f).Contains("ke-hoach-ntm-nang-cao", StringComparison.Ordinal));
    }

    [Fact]
    public void A_later_plan_restating_one_district_s_target_replaces_that_target_only()
    {
        var home = Home();
        Send(home, "kh-ntm-nc-2024-sua.csv", "SỞ Y TẾ BẮC GIANG\nKẾ HOẠCH XÃ ĐẠT CHUẨN NÔNG THÔN MỚI NÂNG CAO NĂM 2024 (ĐIỀU CHỈNH)\n"
            + "STT,Đơn vị,Số xã đạt chuẩn NTM nâng cao,Tên xã\n1,Thị xã Việt Yên,2,\"Nghĩa Trung, Trung Sơn\"\n");

        var rows = Rows(CliRunner.InProcess("--home", home, "plan", "progress", "--year", "2024", "--json").Out);

        Assert.Equal(["07765", "07780"], Communes(rows[("222", "ntm_nang_cao")]).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2m, rows[("222", "ntm_nang_cao")].GetProperty("planned").GetDecimal());
        Assert.Equal(["07336"], Communes(rows[("216", "ntm_nang_cao")]).Keys);        // Tân Yên: still the first file's
        var status = CliRunner.InProcess("--home", home, "query", "--format", "csv", "SELECT status FROM v_submission WHERE file_name = 'kh-ntm-nc-2024.csv'");
        Assert.Contains("partly_superseded", status.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_year_without_plans_says_so()
    {
        var home = directory.File("home");
        Assert.Equal(0, CliRunner.InProcess("--home", home, "init").ExitCode);

        var result = CliRunner.InProcess("--home", home, "plan", "progress", "--year", "2023");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Chưa có kế hoạch năm 2023", result.Error, StringComparison.Ordinal);
    }
}
