using System.Text.Json;

namespace Ntm.Jobs.Tests.Cli;

/// <summary>
/// Every verb's machine output is one valid JSON document on standard output and nothing else:
/// notices (a merged unit, a file written) go to standard error. Run on figures of communes of
/// Hậu Giang that were merged on 2025-07-01.
/// </summary>
public sealed class JsonOutputTests : IClassFixture<JsonOutputTests.Home>
{
    private readonly Home home;

    public JsonOutputTests(Home home) => this.home = home;

    /// <summary>A home with six months of dengue cases in 2024 and 2025 for the communes of district 936, and the 2025 figures of criteria.</summary>
    public sealed class Home : IDisposable
    {
        private readonly TempDirectory directory = new();

        public Home()
        {
            Path = directory.File("home");
            Assert.Equal(0, CliRunner.InProcess("--home", Path, "init").ExitCode);
            var lines = new List<string> { "Kỳ báo cáo,Mã đơn vị,Chỉ tiêu,Loại số liệu,Giá trị" };
            var communes = new[] { "31483", "31484", "31486", "31489", "31490", "31492", "31493", "31495" };
            foreach (var year in new[] { 2024, 2025 })
            {
                for (var month = 1; month <= 6; month++)
                {
                    lines.AddRange(communes.Select((c, i) => $"{year}-{month:00},{c},disease.dengue.cases,trong tháng,{(i * 3 + month + year - 2024) % 7}"));
                }
            }

            lines.AddRange(["2025-06,31483,bhyt.insured,stock,9500", "2025-06,31483,population.total,stock,10000", "2025-06,31486,population.total,stock,8000"]);
            File.WriteAllText(System.IO.Path.Combine(Path, "inbox", "hau-giang.csv"), string.Join('\n', lines) + "\n");
            var ingest = CliRunner.InProcess("--home", Path, "ingest");
            Assert.True(ingest.ExitCode == 0, ingest.Out + ingest.Error);
            SampleFile = directory.File("sample.csv");
            File.WriteAllText(SampleFile, "Kỳ báo cáo,Mã đơn vị,Chỉ tiêu,Loại số liệu,Giá trị\n2025-06,31489,disease.dengue.cases,trong tháng,2\n");
        }

        public string Path { get; }

        public string SampleFile { get; }

        public void Dispose() => directory.Dispose();
    }

    public static TheoryData<string[]> Verbs() => new()
    {
        new[] { "indicators", "--search", "dengue", "--format", "json" },
        new[] { "criteria", "--format", "json" },
        new[] { "criteria", "--set", "NTM-2021-2025", "--json" },
        new[] { "trend", "--indicator", "disease.dengue.cases", "--area", "936", "--from", "2025-01", "--to", "2025-06", "--format", "json" },
        new[] { "trend", "--indicator", "disease.dengue.cases", "--area", "936", "--from", "2025-01", "--to", "2025-06", "--by-children", "--json" },
        new[] { "rank", "--indicator", "disease.dengue.cases", "--area", "936", "--period", "2025-03", "--format", "json" },
        new[] { "rank", "--indicator", "disease.dengue.cases", "--area", "936", "--year", "2025", "--per", "100000", "--json" },
        new[] { "history", "--indicator", "disease.dengue.cases", "--area", "31483", "--format", "json" },
        new[] { "compliance", "--set", "NTM-2021-2025", "--year", "2025", "--area", "936", "--format", "json" },
        new[] { "quality", "--period", "2025-06", "--area", "93", "--format", "json" },
        new[] { "jobs", "history", "--format", "json" },
        new[] { "jobs", "list", "--json" },
        new[] { "query", "select 1 as x, 'Hậu Giang' as name", "--format", "json" },
        new[] { "template", "list", "--json" },
        new[] { "init", "--json" },
    };

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Standard_output_is_one_json_document(string[] args)
    {
        var result = CliRunner.InProcess(["--home", home.Path, .. args]);
        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Contains(json.RootElement.ValueKind, new[] { JsonValueKind.Object, JsonValueKind.Array });
    }

    [Fact]
    public void A_merged_units_trend_is_json_with_the_notice_on_standard_error()
    {
        var result = CliRunner.InProcess("--home", home.Path, "trend", "--indicator", "disease.dengue.cases", "--area", "31483", "--from", "2025-01", "--to", "2025-12", "--format", "json");
        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(6, json.RootElement.GetArrayLength());
        Assert.Contains("đã sáp nhập vào", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("sáp nhập", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_check_is_json()
    {
        var result = CliRunner.InProcess("--home", home.Path, "template", "check", home.SampleFile, "--json");
        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
    }

    [Fact]
    public void A_file_written_with_out_is_said_on_standard_error_and_holds_the_json()
    {
        using var directory = new TempDirectory();
        var file = directory.File("rank.json");
        var result = CliRunner.InProcess("--home", home.Path, "rank", "--indicator", "disease.dengue.cases", "--area", "936", "--period", "2025-03", "--format", "json", "--out", file);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(string.Empty, result.Out);
        Assert.Contains("Đã ghi", result.Error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        Assert.Equal(8, json.RootElement.GetProperty("rows").GetArrayLength());
    }

    [Theory]
    [InlineData(new[] { "--json", "rank", "--indicator", "disease.dengue.cases", "--area", "936", "--period", "2025-03", "--format", "csv" }, "mâu thuẫn")]
    [InlineData(new[] { "trend", "--indicator", "disease.dengue.cases", "--area", "936", "--out", "x.csv" }, "--format csv, json hoặc xlsx")]
    [InlineData(new[] { "quality", "--period", "2025-06", "--area", "93", "--format", "xlsx" }, "--format xlsx cần --out")]
    public void Output_options_that_contradict_each_other_are_usage_errors(string[] args, string expected)
    {
        var result = CliRunner.InProcess(["--home", home.Path, .. args]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public void A_folder_given_as_the_file_to_write_is_a_usage_error()
    {
        using var directory = new TempDirectory();
        var result = CliRunner.InProcess("--home", home.Path, "quality", "--period", "2025-06", "--area", "93", "--format", "xlsx", "--out", directory.Path);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("là một thư mục", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_csv_written_to_a_file_is_the_csv_of_standard_output()
    {
        using var directory = new TempDirectory();
        var file = directory.File("rank.csv");
        string[] args = ["--home", home.Path, "rank", "--indicator", "disease.dengue.cases", "--area", "936", "--year", "2025", "--per", "100000", "--format", "csv"];
        var printed = CliRunner.InProcess(args);
        Assert.Equal(0, CliRunner.InProcess([.. args, "--out", file]).ExitCode);
        Assert.Equal(printed.Out.TrimStart('\uFEFF').TrimEnd(), File.ReadAllText(file).TrimStart('\uFEFF').TrimEnd());
    }
}
