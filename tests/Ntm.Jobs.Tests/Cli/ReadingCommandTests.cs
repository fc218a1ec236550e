using System.Text;
using System.Text.Json;
using Dapper;
using Ntm.Jobs.Cli;
using Ntm.Warehouse;

namespace Ntm.Jobs.Tests.Cli;

/// <summary>
/// A label the catalogue lacks is one command away from being learned, and a file already
/// accepted can then be read again; the catalogue can be searched; seed 004's table gives
/// Resolution 20's criteria a status for Thành phố Cao Bằng.
/// </summary>
public sealed class ReadingCommandTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private string Home()
    {
        var home = directory.File("home");
        Assert.Equal(0, CliRunner.InProcess("--home", home, "init").ExitCode);
        return home;
    }

    [Fact]
    public void An_unknown_label_is_taught_with_one_command_and_the_accepted_file_read_again()
    {
        var home = Home();
        File.WriteAllText(Path.Combine(home, "inbox", "bao-cao.csv"),
            "SỞ Y TẾ HẬU GIANG\nBÁO CÁO tháng 12 năm 2022\nNội dung,Thực hiện trong tháng,Cộng dồn\nLam máu XN tìm KST sốt rét,188,5.493\nSốt xuất huyết,193,1.178\n", new UTF8Encoding(false));
        var first = CliRunner.InProcess("--home", home, "ingest", "--json");
        Assert.Equal(0, first.ExitCode);
        var file = JsonDocument.Parse(first.Out).RootElement.GetProperty("files")[0];
        var id = file.GetProperty("submission_id").GetInt64();
        var warning = file.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("rule").GetString() == "unknown_indicator").GetProperty("message").GetString()!;
        Assert.Contains("ntm alias add \"Lam máu XN tìm KST sốt rét\" malaria.blood_smears", warning, StringComparison.Ordinal);

        var taught = CliRunner.InProcess("--home", home, "alias", "add", "Lam máu XN tìm KST sốt rét", "malaria.blood_smears");
        Assert.True(taught.ExitCode == 0, taught.Error);
        Assert.True(File.Exists(Path.Combine(home, "reference", "indicator_aliases", AliasCommand.FileName)));

        var again = CliRunner.InProcess("--home", home, "ingest", "--again", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json");
        Assert.True(again.ExitCode == 0, again.Error);
        var reread = JsonDocument.Parse(again.Out).RootElement.GetProperty("files")[0];
        Assert.Equal(id, reread.GetProperty("supersedes").GetInt64());

        using var connection = new WarehouseDatabase(Path.Combine(home, "warehouse.duckdb")).OpenReadOnly();
        Assert.Equal(5493m, connection.ExecuteScalar<decimal>("SELECT value FROM v_observation WHERE indicator_code = 'malaria.blood_smears' AND measure = 'ytd'"));
        Assert.Equal(1178m, connection.ExecuteScalar<decimal>("SELECT value FROM v_observation WHERE indicator_code = 'disease.dengue.cases' AND measure = 'ytd'"));
        Assert.Equal("superseded", connection.ExecuteScalar<string>("SELECT status FROM submission WHERE submission_id = $id", new { id }));
    }

    [Fact]
    public void A_sub_header_is_taught_in_its_group_and_the_rate_beside_it_follows()
    {
        // "Số trẻ SDD" is underweight under "Cân nặng/tuổi", stunting under "Chiều cao/tuổi", wasting here.
        var home = Home();
        new Ntm.Etl.Tests.XlsxBuilder().Sheet("BC thang 10")
            .Row(1, "UBND THỊ XÃ LONG MỸ").Row(2, "TRUNG TÂM Y TẾ")
            .Row(4, "BÁO CÁO KẾT QUẢ THEO DÕI TĂNG TRƯỞNG TRẺ EM").Row(5, "Tháng 10 năm 2024")
            .Row(7, "TT", "Xã, phường", "Số trẻ dưới 5 tuổi được cân đo", "Cân nặng theo chiều cao", null)
            .Row(8, null, null, null, "Số trẻ SDD", "Tỷ lệ %")
            .Merge("A8:A9").Merge("B8:B9").Merge("C8:C9").Merge("D8:E8")
            .Row(9, 1, "Xã Long Bình", 412, 9, 2.18)
            .Row(10, 2, "Xã Long Phú", 380, 11, 2.89)
            .Save(Path.Combine(home, "inbox", "tang-truong.xlsx"));

        var first = CliRunner.InProcess("--home", home, "ingest", "--json");
        Assert.Equal(0, first.ExitCode);
        var file = JsonDocument.Parse(first.Out).RootElement.GetProperty("files")[0];
        var warnings = file.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("rule").GetString() == "unknown_indicator")
            .ToDictionary(f => f.GetProperty("cell").GetString()!, f => f.GetProperty("message").GetString()!);
        Assert.Equal(["D9", "E9"], warnings.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("ntm alias add \"Cân nặng theo chiều cao > Số trẻ SDD\" nutrition.wasting_u5", warnings["D9"], StringComparison.Ordinal);
        Assert.DoesNotContain("ntm alias add", warnings["E9"], StringComparison.Ordinal);
        Assert.Contains("thuộc chỉ tiêu của cột D", warnings["E9"], StringComparison.Ordinal);

        var taught = CliRunner.InProcess("--home", home, "alias", "add", "Cân nặng theo chiều cao > Số trẻ SDD", "nutrition.wasting_u5");
        Assert.True(taught.ExitCode == 0, taught.Error);
        var again = CliRunner.InProcess("--home", home, "ingest", "--again", file.GetProperty("submission_id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), "--json");
        Assert.True(again.ExitCode == 0, again.Error);
        var reread = JsonDocument.Parse(again.Out).RootElement.GetProperty("files")[0];
        Assert.DoesNotContain(reread.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "unknown_indicator");

        using var connection = new WarehouseDatabase(Path.Combine(home, "warehouse.duckdb")).OpenReadOnly();
        var stored = connection.Query<(string Indicator, string Measure, decimal Value)>(
            "SELECT indicator_code, measure, value FROM v_observation WHERE indicator_code LIKE 'nutrition.wasting_u5%' ORDER BY indicator_code, value").ToList();
        Assert.Equal([("nutrition.wasting_u5", "stock", 9m), ("nutrition.wasting_u5", "stock", 11m), ("nutrition.wasting_u5.rate", "reported_rate", 2.18m), ("nutrition.wasting_u5.rate", "reported_rate", 2.89m)], stored);
    }

    [Fact]
    public void A_wrong_code_for_an_alias_is_refused_with_the_nearest_codes()
    {
        var home = Home();
        var result = CliRunner.InProcess("--home", home, "alias", "add", "SXH tháng", "disease.dengue");
        Assert.Equal((int)ExitCode.Usage, result.ExitCode);
        Assert.Contains("disease.dengue.cases", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_catalogue_is_searched_by_name_without_diacritics()
    {
        var home = Home();
        var result = CliRunner.InProcess("--home", home, "indicators", "--search", "sot xuat huyet", "--json");
        Assert.Equal(0, result.ExitCode);
        var codes = JsonDocument.Parse(result.Out).RootElement.EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        Assert.Contains("disease.dengue.cases", codes);
        Assert.DoesNotContain("disease.measles.cases", codes);
    }

    [Fact]
    public void Resolution_20s_13_criteria_get_a_status_for_cao_bang_city_from_seed_004()
    {
        var home = Home();
        File.Copy(Path.Combine(AppContext.BaseDirectory, "fixtures", "workbooks", "seed-004-cao-bang-2024.xlsx"), Path.Combine(home, "inbox", "seed-004.xlsx"));
        Assert.Equal(0, CliRunner.InProcess("--home", home, "ingest").ExitCode);

        var result = CliRunner.InProcess("--home", home, "compliance", "--set", "NQ20-2025", "--year", "2024", "--area", "Thành phố Cao Bằng", "--format", "json");
        Assert.True(result.ExitCode == 0, result.Error);
        var rows = JsonDocument.Parse(result.Out).RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(13, rows.Count);
        Assert.All(rows, r => Assert.Equal("040", r.GetProperty("area_code").GetString()));
        var judged = rows.Where(r => r.GetProperty("status").GetString() is "dat" or "khong_dat").ToList();
        Assert.Equal(11, judged.Count);
        Assert.Equal("khong_dat", rows.Single(r => r.GetProperty("criterion").GetString() == "bhyt").GetProperty("status").GetString());
        Assert.Equal("dat", rows.Single(r => r.GetProperty("criterion").GetString() == "satisfaction").GetProperty("status").GetString());
        // The two results written as bounds (> 93%, > 97% "chưa thực hiện quản lý") have no value to judge.
        Assert.Equal(["epi", "managed"], rows.Where(r => r.GetProperty("status").GetString() == "chua_co_so_lieu").Select(r => r.GetProperty("criterion").GetString()).Order());
    }
}
