namespace Ntm.Jobs.Tests.Cli;

/// <summary>
/// What the user can put right ends with exit 2 and a Vietnamese message naming the file, line or
/// code, never "Internal error" or a stack trace; the warehouse is left as it was.
/// </summary>
public sealed class UserErrorTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public UserErrorTests() => Assert.Equal(0, CliRunner.InProcess("--home", Home, "init").ExitCode);

    public void Dispose() => directory.Dispose();

    private string Home => directory.File("home");

    private static void Clean(CliRunner.Result result, params string[] mentions)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("Internal error", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Error, StringComparison.Ordinal);
        foreach (var mention in mentions)
        {
            Assert.Contains(mention, result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_broken_reference_file_stops_init_with_its_name_and_line()
    {
        Directory.CreateDirectory(Path.Combine(Home, "reference", "targets"));
        File.WriteAllText(Path.Combine(Home, "reference", "targets", "ke-hoach.csv"), "area_code,generation,year,indicator_code,comparator,value,source\n93,2025-03,2024,bhyt.coverage,>=,nhiều,x\n");
        Clean(CliRunner.InProcess("--home", Home, "init"), "ke-hoach.csv", "'nhiều' không phải là số");

        File.WriteAllText(Path.Combine(Home, "reference", "targets", "ke-hoach.csv"), "area_code,generation,year\n93,\"2025-03,2024\n");
        Clean(CliRunner.InProcess("--home", Home, "init"), "ke-hoach.csv", "dòng 2");
    }

    [Fact]
    public void An_unknown_code_names_the_nearest_ones()
    {
        Clean(CliRunner.InProcess("--home", Home, "trend", "--indicator", "disease.dengue.case", "--area", "93", "--from", "2024-01", "--to", "2024-02"),
            "Không có chỉ tiêu 'disease.dengue.case'", "disease.dengue.cases");
        Clean(CliRunner.InProcess("--home", Home, "compliance", "--set", "NTM-2021-2052", "--year", "2024", "--area", "93"),
            "Không có bộ tiêu chí 'NTM-2021-2052'", "NTM-2021-2025");
        Clean(CliRunner.InProcess("--home", Home, "ingest", "--template", "mau-khong-co"), "Không có mẫu (template) 'mau-khong-co'");
        Clean(CliRunner.InProcess("--home", Home, "compliance", "--set", "NTM-2021-2025", "--year", "2019", "--area", "93"), "2021–2025", "NTM-2016-2020");
        Clean(CliRunner.InProcess("--home", Home, "ingest", "--again", "999"), "Không có báo cáo nộp mã 999");
    }

    [Fact]
    public void A_broken_template_or_schedule_names_its_file()
    {
        File.WriteAllText(Path.Combine(Home, "templates", "hong.yaml"), "name: hong\nfamily: [khong dong\n");
        Clean(CliRunner.InProcess("--home", Home, "ingest"), "hong.yaml", "dòng");
        File.Delete(Path.Combine(Home, "templates", "hong.yaml"));

        File.WriteAllText(Path.Combine(Home, "ntm.json"), """{ "time_zone": "Asia/Nowhere" }""");
        Clean(CliRunner.InProcess("--home", Home, "jobs", "list"), "ntm.json", "Asia/Nowhere");
    }
}
