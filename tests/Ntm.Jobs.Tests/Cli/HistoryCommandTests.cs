using System.Text;
using System.Text.Json;

namespace Ntm.Jobs.Tests.Cli;

/// <summary>
/// A figure's audit from the command line: a province's October report sent three times (12, then
/// 14, then withdrawn with "x"), <c>ntm history</c> lists the three values with their files and
/// cells and marks the current one; the annual report's data-quality annex names the figure changed.
/// </summary>
public sealed class HistoryCommandTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private static void Send(string home, string name, string dengue)
    {
        File.WriteAllText(Path.Combine(home, "inbox", name),
            $"SỞ Y TẾ HẬU GIANG\nBÁO CÁO TÌNH HÌNH DỊCH BỆNH THÁNG 10 NĂM 2024\nTên bệnh,Số mắc trong tháng,Cộng dồn mắc\nSốt xuất huyết,{dengue},140\nTay chân miệng,5,61\n",
            new UTF8Encoding(false));
        var ingest = CliRunner.InProcess("--home", home, "ingest");
        Assert.True(ingest.ExitCode == 0, ingest.Out + ingest.Error);
    }

    [Fact]
    public void Every_value_a_figure_had_is_listed_with_its_file_and_cell_and_the_current_one_is_marked()
    {
        var home = directory.File("home");
        Assert.Equal(0, CliRunner.InProcess("--home", home, "init").ExitCode);
        Send(home, "bc-t10.csv", "12");
        Send(home, "bc-t10-sua.csv", "14");
        Send(home, "bc-t10-rut.csv", "x");

        var result = CliRunner.InProcess("--home", home, "history", "--indicator", "disease.dengue.cases", "--area", "Hậu Giang", "--period", "2024-10", "--measure", "month", "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        var versions = JsonDocument.Parse(result.Out).RootElement.GetProperty("versions").EnumerateArray()
            .Select(v => (File: v.GetProperty("file_name").GetString(), Cell: v.GetProperty("cell").GetString(), Value: v.GetProperty("value").ValueKind == JsonValueKind.Null ? (decimal?)null : v.GetProperty("value").GetDecimal(),
                Withdrawn: v.GetProperty("withdrawn").GetBoolean(), Current: v.GetProperty("is_current").GetBoolean()))
            .ToList();
        Assert.Equal([("bc-t10.csv", "B4", 12m, false, false), ("bc-t10-sua.csv", "B4", 14m, false, false), ("bc-t10-rut.csv", "B4", (decimal?)null, true, true)], versions);

        var table = CliRunner.InProcess("--home", home, "history", "--indicator", "disease.dengue.cases", "--area", "93", "--period", "2024-10");
        Assert.Contains("đã rút", table.Out, StringComparison.Ordinal);
        Assert.Contains("✓", table.Out, StringComparison.Ordinal);

        var unknown = CliRunner.InProcess("--home", home, "history", "--indicator", "disease.dengue", "--area", "93");
        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("ntm indicators --search", unknown.Error, StringComparison.Ordinal);

        var pack = directory.File("pack");
        Assert.Equal(0, CliRunner.InProcess("--home", home, "report", "annual", "--year", "2024", "--area", "93", "--out", pack).ExitCode);
        var annex = Directory.GetFiles(Path.Combine(pack, "tables"), "*.csv").Single(f => Path.GetFileName(f).Contains("sua-hoac-rut", StringComparison.Ordinal));
        var lines = File.ReadAllLines(annex);
        var dengue = Assert.Single(lines, l => l.Contains("2024-10", StringComparison.Ordinal) && l.Contains("sốt xuất huyết", StringComparison.OrdinalIgnoreCase) && l.Contains("trong tháng", StringComparison.Ordinal));
        Assert.Contains("đã rút", dengue, StringComparison.Ordinal);
        Assert.Contains("bc-t10-rut.csv", dengue, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains("tay chân miệng", StringComparison.OrdinalIgnoreCase)); // restated with the same values: no change
    }
}
