using System.Text.Json;
using Ntm.Etl.Tests;

namespace Ntm.Jobs.Tests.Cli;

/// <summary>
/// <c>ntm criteria threshold set/remove</c>: the threshold a province sets is kept under the home's
/// reference folder, shown by <c>ntm criteria</c> and used by the next verdict; a criterion without
/// a threshold is counted apart in the headline.
/// </summary>
public sealed class CriteriaThresholdCommandTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    /// <summary>
    /// Two communes of Hậu Giang (ĐBSCL, for which criterion 15.4 of NTM-2021-2025 has no
    /// threshold) with every figure of the set for 2022: the first meets 15.1–15.3 and has 60 % of
    /// its people with an electronic health book, the second misses 15.1 (85 %).
    /// </summary>
    private string Home()
    {
        var home = directory.File("home");
        Assert.Equal(0, CliRunner.InProcess("--home", home, "init").ExitCode);
        var lines = new List<string> { "Kỳ báo cáo,Mã đơn vị,Chỉ tiêu,Loại số liệu,Giá trị" };
        foreach (var (commune, insured) in new[] { ("31483", 9500), ("31486", 8500) })
        {
            lines.AddRange(
            [
                $"2022-12,{commune},bhyt.insured,stock,{insured}", $"2022-12,{commune},population.total,stock,10000",
                $"2022-12,{commune},commune.health_standard,stock,1", $"2022-12,{commune},nutrition.stunting_u5,stock,15",
                $"2022-12,{commune},population.children_u5_measured,stock,100", $"2022-12,{commune},health.ehealth_book,stock,6000",
            ]);
        }

        File.WriteAllText(Path.Combine(home, "inbox", "hau-giang.csv"), string.Join('\n', lines) + "\n");
        var ingest = CliRunner.InProcess("--home", home, "ingest");
        Assert.True(ingest.ExitCode == 0, ingest.Out + ingest.Error);
        return home;
    }

    private static JsonElement Compliance(string home)
    {
        var result = CliRunner.InProcess("--home", home, "compliance", "--set", "NTM-2021-2025", "--year", "2022", "--area", "936", "--format", "json");
        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        return json.RootElement.Clone();
    }

    private static string Status(JsonElement document, string area) =>
        document.GetProperty("areas").EnumerateArray().Single(a => a.GetProperty("area_code").GetString() == area).GetProperty("status").GetString()!;

    [Fact]
    public void A_threshold_the_province_sets_changes_the_verdict_at_once_and_is_shown_and_taken_back()
    {
        var home = Home();
        var before = Compliance(home);
        Assert.Equal("chua_co_nguong", Status(before, "31483"));
        Assert.Equal("khong_dat", Status(before, "31486"));
        var summary = before.GetProperty("summary");
        // The district's seven communes: five without figures.
        Assert.Equal((7, 0, 1, 1, 5), (summary.GetProperty("units").GetInt32(), summary.GetProperty("met").GetInt32(), summary.GetProperty("met_where_thresholded").GetInt32(),
            summary.GetProperty("not_met").GetInt32(), summary.GetProperty("no_data").GetInt32()));
        Assert.Contains("7 xã: 1 đạt đủ các tiêu chí có ngưỡng; tiêu chí 15.4 chưa có ngưỡng cho 7/7 xã.", summary.GetProperty("headline").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("0/7", summary.GetProperty("headline").GetString(), StringComparison.Ordinal);

        var set = CliRunner.InProcess("--home", home, "criteria", "threshold", "set", "--set", "NTM-2021-2025", "--criterion", "15.4", "--province", "Hậu Giang",
            ">= 55", "--source", "Quyết định 99/QĐ-UBND (kiểm thử)", "--note", "áp dụng đến khi có hướng dẫn");
        Assert.True(set.ExitCode == 0, set.Error);
        Assert.Contains("≥ 55 % cho tiêu chí 15.4", set.Out, StringComparison.Ordinal);
        Assert.Contains("tỉnh 93", set.Out, StringComparison.Ordinal);
        Assert.Contains("trước đó: bộ tiêu chí có ngưỡng ≥ 50 % cho TDMNPB, ≥ 70 % cho ĐBSH, vùng khác chưa có", set.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(home, "reference", "criterion_overrides", "ntm-thresholds.csv")));

        var after = Compliance(home);
        Assert.Equal("dat", Status(after, "31483"));
        Assert.Equal("khong_dat", Status(after, "31486"));
        Assert.StartsWith("1/7 xã đạt toàn bộ các tiêu chí", after.GetProperty("summary").GetProperty("headline").GetString(), StringComparison.Ordinal);
        var row = after.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("area_code").GetString() == "31483" && r.GetProperty("criterion").GetString() == "15.4");
        Assert.Equal(55m, row.GetProperty("threshold").GetDecimal());
        Assert.Contains("Ngưỡng riêng của tỉnh (Quyết định 99/QĐ-UBND (kiểm thử); áp dụng đến khi có hướng dẫn)", row.GetProperty("note").GetString(), StringComparison.Ordinal);

        var shown = CliRunner.InProcess("--home", home, "criteria", "--set", "NTM-2021-2025", "--format", "csv");
        Assert.Contains("\"Tỉnh Hậu Giang (93), tỉnh đặt\",≥ 55 %,từ 01/01/2021,Quyết định 99/QĐ-UBND (kiểm thử); áp dụng đến khi có hướng dẫn", shown.Out, StringComparison.Ordinal);

        // Setting it again replaces it; a stricter one makes the first commune fail.
        Assert.Equal(0, CliRunner.InProcess("--home", home, "criteria", "threshold", "set", "--set", "NTM-2021-2025", "--criterion", "15.4", "--province", "93", "61,5").ExitCode);
        Assert.Equal("khong_dat", Status(Compliance(home), "31483"));
        Assert.Single(File.ReadAllLines(Path.Combine(home, "reference", "criterion_overrides", "ntm-thresholds.csv")).Skip(1));

        var removed = CliRunner.InProcess("--home", home, "criteria", "threshold", "remove", "--set", "NTM-2021-2025", "--criterion", "15.4", "--province", "93");
        Assert.True(removed.ExitCode == 0, removed.Error);
        Assert.Equal("chua_co_nguong", Status(Compliance(home), "31483"));
    }

    [Fact]
    public void A_threshold_for_a_region_applies_to_its_communes()
    {
        var home = Home();
        var set = CliRunner.InProcess("--home", home, "criteria", "threshold", "set", "--set", "NTM-2021-2025", "--criterion", "15.4", "--region", "dbscl", "≥ 50", "--from", "2022");
        Assert.True(set.ExitCode == 0, set.Error);
        Assert.Contains("vùng/nhóm ĐBSCL, từ 01/01/2022", set.Out, StringComparison.Ordinal);
        var after = Compliance(home);
        Assert.Equal("dat", Status(after, "31483"));
        var note = after.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("area_code").GetString() == "31483" && r.GetProperty("criterion").GetString() == "15.4").GetProperty("note").GetString();
        Assert.Contains("Ngưỡng do tỉnh đặt cho vùng ĐBSCL", note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<= 55", "so sánh bằng ≥")]
    [InlineData("năm mươi", "không đọc được")]
    public void A_threshold_that_cannot_be_the_criterions_is_a_usage_error_and_writes_nothing(string threshold, string expected)
    {
        var home = Home();
        var result = CliRunner.InProcess("--home", home, "criteria", "threshold", "set", "--set", "NTM-2021-2025", "--criterion", "15.4", "--province", "93", threshold);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(home, "reference", "criterion_overrides", "ntm-thresholds.csv")));
    }

    [Theory]
    [InlineData("--province", "Atlantis", "Không có tỉnh")]
    [InlineData("--region", "Nam Cực", "Các giá trị:")]
    public void An_unknown_province_or_region_is_a_usage_error_naming_what_exists(string option, string value, string expected)
    {
        var home = Home();
        var result = CliRunner.InProcess("--home", home, "criteria", "threshold", "set", "--set", "NTM-2021-2025", "--criterion", "15.4", option, value, "60");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compliance_for_a_machine_without_a_set_is_refused_before_anything_is_judged_naming_the_sets_with_figures()
    {
        var home = Home();
        var result = CliRunner.InProcess("--home", home, "compliance", "--year", "2022", "--area", "936", "--format", "csv");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("chọn một bằng --set", result.Error, StringComparison.Ordinal);
        Assert.Contains("NTM-2021-2025", result.Error, StringComparison.Ordinal);
        Assert.Contains("NTM-NC-2021-2025", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("NTM-2016-2020", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
    }
}
