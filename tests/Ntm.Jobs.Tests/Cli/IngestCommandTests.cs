using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dapper;
using Ntm.Jobs.Cli;
using Ntm.Warehouse;

namespace Ntm.Jobs.Tests.Cli;

public sealed class IngestCommandTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    /// <summary>A long-format CSV a commune might send: dengue cases for one month.</summary>
    private static void WriteReport(string inbox, int index)
    {
        var month = 1 + (index % 12);
        var year = 2015 + (index / 12);
        var text = new StringBuilder("Kỳ báo cáo,Mã đơn vị,Chỉ tiêu,Loại số liệu,Giá trị\n");
        text.Append(CultureInfo.InvariantCulture, $"{year}-{month:D2},31483,disease.dengue.cases,trong tháng,{index % 17}\n");
        text.Append(CultureInfo.InvariantCulture, $"{year}-{month:D2},31484,disease.dengue.cases,trong tháng,{index % 5}\n");
        File.WriteAllText(Path.Combine(inbox, $"report-{index:D3}.csv"), text.ToString(), new UTF8Encoding(false));
    }

    private static (int Submissions, long Values, decimal Sum, string Files) State(string home)
    {
        using var connection = new WarehouseDatabase(Path.Combine(home, "warehouse.duckdb")).OpenReadOnly();
        var submissions = connection.ExecuteScalar<int>("SELECT count(*) FROM submission WHERE status = 'accepted'");
        var values = connection.ExecuteScalar<long>("SELECT count(*) FROM v_observation");
        var sum = connection.ExecuteScalar<decimal?>("SELECT sum(value) FROM v_observation") ?? 0;
        var files = string.Join(",", connection.Query<string>("SELECT file_name || ':' || sha256 FROM submission WHERE status = 'accepted' ORDER BY file_name"));
        return (submissions, values, sum, files);
    }

    [Fact]
    public void Ingest_reports_json_per_file_and_exits_3_when_some_are_rejected()
    {
        var home = directory.File("home");
        CliRunner.InProcess("--home", home, "init");
        WriteReport(Path.Combine(home, "inbox"), 1);
        File.WriteAllText(Path.Combine(home, "inbox", "broken.xlsx"), "not a workbook");
        var result = CliRunner.InProcess("--home", home, "ingest", "--json");
        Assert.Equal((int)ExitCode.Partial, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var files = json.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(2, files.Count);
        var broken = files.Single(f => f.GetProperty("file").GetString() == "broken.xlsx");
        Assert.Equal("rejected", broken.GetProperty("status").GetString());
        Assert.Equal("not_excel", broken.GetProperty("findings")[0].GetProperty("rule").GetString());
        var report = files.Single(f => f.GetProperty("file").GetString() == "report-001.csv");
        Assert.Equal("accepted", report.GetProperty("status").GetString());
        Assert.Equal("long", report.GetProperty("template").GetString());
        Assert.Equal("2015-02", report.GetProperty("period").GetString());
        Assert.Equal(2, report.GetProperty("area_code").GetArrayLength());
        Assert.Equal(2, report.GetProperty("values").GetInt32());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("supersedes").ValueKind);

        var again = CliRunner.InProcess("--home", home, "ingest", "--json");
        Assert.Equal((int)ExitCode.Ok, again.ExitCode);
    }

    [Fact]
    public void Template_check_explains_without_loading()
    {
        var home = directory.File("home");
        CliRunner.InProcess("--home", home, "init");
        WriteReport(directory.Path, 7);
        var result = CliRunner.InProcess("--home", home, "template", "check", directory.File("report-007.csv"), "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("long", json.RootElement.GetProperty("template").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("values").GetArrayLength());
        Assert.Equal("disease.dengue.cases", json.RootElement.GetProperty("values")[0].GetProperty("indicator_code").GetString());
        Assert.True(File.Exists(directory.File("report-007.csv")));
        Assert.Equal(0, State(home).Submissions);
    }

    [Fact]
    public void An_ingest_killed_half_way_and_run_again_ends_as_one_clean_run()
    {
        const int files = 120;
        var clean = directory.File("clean");
        var killed = directory.File("killed");
        foreach (var home in new[] { clean, killed })
        {
            Assert.Equal(0, CliRunner.InProcess("--home", home, "init").ExitCode);
            for (var i = 0; i < files; i++)
            {
                WriteReport(Path.Combine(home, "inbox"), i);
            }
        }

        Assert.Equal(0, CliRunner.Child("--home", clean, "ingest").ExitCode);

        // Kill the second run once it is part way through the batch: in groups of five files, so that after
        // the tenth archived file a score of commits remain (one group of 120 is done in a fraction of a second).
        File.WriteAllText(Path.Combine(killed, "ntm.json"), "{ \"ingest_group_files\": 5 }");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ntm.dll"));
        foreach (var arg in new[] { "--home", killed, "ingest" })
        {
            start.ArgumentList.Add(arg);
        }

        using (var process = Process.Start(start)!)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (Directory.GetFiles(Path.Combine(killed, "archive")).Length < 10 && !process.HasExited && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(5);
            }

            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.WaitForExit();
        }

        Assert.True(Directory.GetFiles(Path.Combine(killed, "inbox")).Length > 0, "the batch finished before it could be killed; nothing was tested");
        Assert.Equal(0, CliRunner.Child("--home", killed, "ingest").ExitCode);

        Assert.Equal(State(clean), State(killed));
        Assert.Empty(Directory.GetFiles(Path.Combine(killed, "inbox")));
        Assert.Equal(
            Directory.GetFiles(Path.Combine(clean, "archive")).Select(Path.GetFileName).Order(),
            Directory.GetFiles(Path.Combine(killed, "archive")).Select(Path.GetFileName).Order());
        Assert.Equal(files, State(killed).Submissions);
    }
}

public sealed class TrendAndComplianceCommandTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Trend_writes_its_chart_and_table_and_compliance_its_workbook()
    {
        var home = directory.File("home");
        CliRunner.InProcess("--home", home, "init");
        var inbox = Path.Combine(home, "inbox");
        File.WriteAllText(Path.Combine(inbox, "a.csv"), "Kỳ báo cáo,Mã đơn vị,Chỉ tiêu,Loại số liệu,Giá trị\n2023-01,31483,disease.dengue.cases,trong tháng,4\n2023-02,31483,disease.dengue.cases,trong tháng,6\n2022-02,31483,disease.dengue.cases,trong tháng,3\n");
        Assert.Equal(0, CliRunner.InProcess("--home", home, "ingest").ExitCode);

        var result = CliRunner.InProcess("--home", home, "trend", "--indicator", "disease.dengue.cases", "--area", "31483", "--from", "2023-01", "--to", "2023-02",
            "--svg", directory.File("t.svg"), "--png", directory.File("t.png"), "--csv", directory.File("t.csv"), "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(result.Out);
        var february = json.RootElement[1];
        Assert.Equal((6m, 4m, 3m, 100m), (february.GetProperty("value").GetDecimal(), february.GetProperty("previous_month").GetDecimal(),
            february.GetProperty("same_period_last_year").GetDecimal(), february.GetProperty("percent_change").GetDecimal()));
        Assert.True(File.Exists(directory.File("t.svg")) && File.Exists(directory.File("t.png")));
        Assert.StartsWith("\uFEFF", System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(directory.File("t.csv"))), StringComparison.Ordinal);

        var compliance = CliRunner.InProcess("--home", home, "compliance", "--set", "NTM-NC-2021-2025", "--year", "2022", "--area", "31483", "--format", "json", "--xlsx", directory.File("c.xlsx"));
        Assert.Equal(0, compliance.ExitCode);
        using var rows = System.Text.Json.JsonDocument.Parse(compliance.Out);
        Assert.Equal("NTM-NC-2021-2025", rows.RootElement.GetProperty("set").GetString());
        Assert.All(rows.RootElement.GetProperty("rows").EnumerateArray(), r => Assert.Equal("chua_co_so_lieu", r.GetProperty("status").GetString()));
        Assert.Equal("chua_co_so_lieu", rows.RootElement.GetProperty("areas")[0].GetProperty("status").GetString());
        Assert.True(File.Exists(directory.File("c.xlsx")));
    }
}
