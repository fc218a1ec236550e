using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Ntm.Jobs.Cli;
using Ntm.Warehouse;
using Xunit.Abstractions;

namespace Ntm.Jobs.Tests.Cli;

/// <summary>
/// Safe by construction, through the real executable: a query cannot write, read outside the
/// warehouse or reach the network; two ingests never trip over each other; Ctrl-C stops after the
/// current file; a full disk leaves nothing half written and nothing recorded.
/// </summary>
public sealed class SafetyTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private string Home()
    {
        var home = directory.File("home");
        Assert.Equal(0, CliRunner.InProcess("--home", home, "init").ExitCode);
        return home;
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    private static void WriteReports(string inbox, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var text = new StringBuilder("Kỳ báo cáo,Mã đơn vị,Chỉ tiêu,Loại số liệu,Giá trị\n");
            text.Append(CultureInfo.InvariantCulture, $"{2015 + (i / 12)}-{1 + (i % 12):D2},31483,disease.dengue.cases,trong tháng,{i % 17}\n");
            var path = Path.Combine(inbox, $"report-{i:D3}.csv");
            File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
            File.SetLastWriteTimeUtc(path, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(i));
        }
    }

    [Theory]
    [InlineData("SET log_query_path='{0}'; select 1 as x")]
    [InlineData("SET profiling_output='{1}/p.json'")]
    [InlineData("CALL enable_logging(storage='file', storage_path='{1}')")]
    [InlineData("select * from read_text('/etc/passwd')")]
    [InlineData("select * from glob('/root/*')")]
    [InlineData("select * from read_csv('http://127.0.0.1:9/x.csv')")]
    [InlineData("INSTALL httpfs")]
    [InlineData("COPY (select 1) TO '{1}/x.csv'")]
    [InlineData("select 1; select 2")]
    public void A_hostile_query_exits_2_and_leaves_the_warehouse_and_the_disk_as_they_were(string template)
    {
        var home = Home();
        var warehouse = Path.Combine(home, "warehouse.duckdb");
        var watched = directory.File("watched");
        Directory.CreateDirectory(watched);
        var before = Hash(warehouse);
        var files = Directory.GetFiles(home, "*", SearchOption.AllDirectories).Order().ToList();

        var result = CliRunner.Child("--home", home, "query", string.Format(CultureInfo.InvariantCulture, template, warehouse, watched));

        Assert.Equal((int)ExitCode.Usage, result.ExitCode);
        Assert.DoesNotContain("Internal error", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, Hash(warehouse));
        Assert.Equal(files, Directory.GetFiles(home, "*", SearchOption.AllDirectories).Order().ToList());
        Assert.Empty(Directory.EnumerateFileSystemEntries(watched));
        Assert.Equal(0, CliRunner.Child("--home", home, "query", "select count(*) from dim_period").ExitCode);
    }

    [Fact]
    public void Every_type_prints_in_every_format()
    {
        var home = Home();
        const string sql = "select [1,2] as l, interval 3 month as i, {'a': 1} as s, 12.3400::decimal(18,4) as d, 99999999999999999999999999999999999999::decimal(38,0) as w, union_value(k := 1) as u, '=1+1' as f";
        foreach (var format in new[] { "table", "csv", "json" })
        {
            var result = CliRunner.InProcess("--home", home, "query", sql, "--format", format);
            Assert.True(result.ExitCode == 0, result.Error);
            Assert.Contains("3 months", result.Out, StringComparison.Ordinal);
        }

        var json = System.Text.Json.JsonDocument.Parse(CliRunner.InProcess("--home", home, "query", sql, "--json").Out).RootElement[0];
        Assert.Equal(System.Text.Json.JsonValueKind.Array, json.GetProperty("l").ValueKind);
        Assert.Equal(12.34m, json.GetProperty("d").GetDecimal());
        Assert.Equal("99999999999999999999999999999999999999", json.GetProperty("w").GetRawText());
        Assert.Equal(1, json.GetProperty("u").GetProperty("k").GetInt32());
        Assert.Contains(",'=1+1\r\n", CliRunner.InProcess("--home", home, "query", sql, "--format", "csv").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_shows_a_bounded_preview_and_says_more_rows_exist()
    {
        var home = Home();
        var result = CliRunner.InProcess("--home", home, "query", "select range as n from range(5000)", "--limit", "10");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Chỉ hiện 10 dòng đầu", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("│ 10 │", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_ingests_at_once_over_one_inbox_end_as_one_clean_run()
    {
        var clean = directory.File("clean");
        Assert.Equal(0, CliRunner.InProcess("--home", clean, "init").ExitCode);
        WriteReports(Path.Combine(clean, "inbox"), 40);
        Assert.Equal(0, CliRunner.Child("--home", clean, "ingest").ExitCode);

        var home = Home();
        WriteReports(Path.Combine(home, "inbox"), 40);
        var first = Start("--home", home, "ingest");
        var second = Start("--home", home, "ingest");
        var codes = new[] { Finish(first), Finish(second) };
        output.WriteLine($"exit codes: {string.Join(", ", codes.Select(c => c.Code))}; {string.Join(" | ", codes.Select(c => c.Error))}");

        Assert.All(codes, c => Assert.Contains(c.Code, new[] { (int)ExitCode.Ok, (int)ExitCode.WarehouseBusy }));
        Assert.Contains(codes, c => c.Code == (int)ExitCode.Ok);
        Assert.All(codes.Where(c => c.Code == (int)ExitCode.WarehouseBusy), c => Assert.Contains("nạp dữ liệu", c.Error, StringComparison.Ordinal));
        // Whatever the loser of the race left is taken by the next run.
        Assert.Equal(0, CliRunner.Child("--home", home, "ingest").ExitCode);
        Assert.Equal(Summary(clean), Summary(home));
        Assert.Empty(Directory.GetFiles(Path.Combine(home, "inbox")));
    }

    [Theory]
    [InlineData("INT")]
    [InlineData("HUP")]
    public void Ctrl_c_or_a_hang_up_stops_an_ingest_after_the_file_it_is_on(string signal)
    {
        var home = Home();
        var inbox = Path.Combine(home, "inbox");
        WriteReports(inbox, 300);
        // Groups of five files: after the third archived file, dozens of commits remain for the signal to land in
        // (one group of 300 is read and recorded in a fraction of a second).
        File.WriteAllText(Path.Combine(home, "ntm.json"), "{ \"ingest_group_files\": 5 }");
        var process = Start("--home", home, "ingest");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Directory.GetFiles(Path.Combine(home, "archive")).Length < 3 && !process.HasExited && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(5);
        }

        Assert.False(process.HasExited, "the batch finished before it could be interrupted; nothing was tested");
        Assert.Equal(0, Kill(process.Id, signal));
        var (code, error) = Finish(process);

        Assert.Equal((int)ExitCode.Ok, code);
        Assert.Contains("Đã dừng", error, StringComparison.Ordinal);
        var left = Directory.GetFiles(inbox).Length;
        Assert.InRange(left, 1, 297);
        using var connection = new WarehouseDatabase(Path.Combine(home, "warehouse.duckdb")).OpenReadOnly();
        // Every file is either wholly loaded or still in the inbox.
        Assert.Equal(300 - left, connection.ExecuteScalar<int>("SELECT count(*) FROM submission WHERE status = 'accepted'"));
        Assert.Equal(300 - left, connection.ExecuteScalar<int>("SELECT count(DISTINCT submission_id) FROM fact_observation"));
    }

    [Fact]
    public void A_hang_up_stops_serve_cleanly()
    {
        var home = Home();
        var process = Start("--home", home, "serve");
        // Waits for the line serve writes once it is up.
        var ready = process.StandardOutput.ReadLine();
        Assert.Contains("ntm serve", ready ?? string.Empty, StringComparison.Ordinal);

        Assert.Equal(0, Kill(process.Id, "HUP"));
        var (code, error) = Finish(process);

        Assert.True(code == (int)ExitCode.Ok, error);
    }

    [Fact]
    public void Serve_stops_with_a_message_when_its_home_is_moved_away()
    {
        var home = Home();
        var process = Start("--home", home, "serve");
        Assert.Contains("ntm serve", process.StandardOutput.ReadLine() ?? string.Empty, StringComparison.Ordinal);

        Directory.Move(home, home + "-moved");
        var (code, error) = Finish(process);

        Assert.Equal((int)ExitCode.InternalError, code);
        Assert.Contains("không còn ở chỗ cũ", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(home), "serve made a new home where the old one was");
    }

    [Fact]
    public void A_query_whose_reader_goes_away_stops_at_once()
    {
        var home = Home();
        var process = Start("--home", home, "query", "select range AS n from range(1000000000)", "--format", "csv");
        Assert.Equal("n", process.StandardOutput.ReadLine());
        Assert.Equal("0", process.StandardOutput.ReadLine());
        // '| head -2': the reader has what it wanted and goes away.
        process.StandardOutput.Close();
        var (code, error) = Finish(process, drainOutput: false);

        Assert.Equal((int)ExitCode.Ok, code);
        Assert.DoesNotContain("Internal error", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_full_disk_stops_with_a_vietnamese_message_leaves_no_partial_file_and_records_nothing()
    {
        var home = Home();
        var archive = Path.Combine(home, "archive");
        // A file system of 256 KB for the archive; the workbook below is larger than that.
        if (Run("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", archive) != 0)
        {
            output.WriteLine("SKIPPED: this machine does not allow mounting a small file system (needs root); the disk-full path was not exercised.");
            return;
        }

        try
        {
            var inbox = Path.Combine(home, "inbox");
            var text = new StringBuilder("Kỳ báo cáo,Mã đơn vị,Chỉ tiêu,Loại số liệu,Giá trị,Ghi chú\n");
            for (var i = 0; i < 300; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{2000 + (i / 12)}-{1 + (i % 12):D2},31483,disease.dengue.cases,trong tháng,{i % 7},{new string('x', 1200)}\n");
            }

            File.WriteAllText(Path.Combine(inbox, "big.csv"), text.ToString(), new UTF8Encoding(false));
            Assert.True(new FileInfo(Path.Combine(inbox, "big.csv")).Length > 300 * 1024);

            var result = CliRunner.Child("--home", home, "ingest");

            Assert.Equal((int)ExitCode.InternalError, result.ExitCode);
            Assert.Contains("Ổ đĩa đã đầy", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFiles(archive));
            Assert.True(File.Exists(Path.Combine(inbox, "big.csv")));
            using var connection = new WarehouseDatabase(Path.Combine(home, "warehouse.duckdb")).OpenReadOnly();
            Assert.Equal(0, connection.ExecuteScalar<int>("SELECT count(*) FROM submission"));
        }
        finally
        {
            Run("umount", archive);
        }
    }

    private static (int Submissions, long Values, decimal Sum) Summary(string home)
    {
        using var connection = new WarehouseDatabase(Path.Combine(home, "warehouse.duckdb")).OpenReadOnly();
        return (connection.ExecuteScalar<int>("SELECT count(*) FROM submission WHERE status = 'accepted'"),
            connection.ExecuteScalar<long>("SELECT count(*) FROM v_observation"),
            connection.ExecuteScalar<decimal?>("SELECT sum(value) FROM v_observation") ?? 0);
    }

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ntm.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    private static (int Code, string Error) Finish(Process process, bool drainOutput = true)
    {
        var error = process.StandardError.ReadToEndAsync();
        if (drainOutput)
        {
            _ = process.StandardOutput.ReadToEndAsync();
        }

        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("ntm did not finish within 120 s");
        }

        using (process)
        {
            return (process.ExitCode, error.Result);
        }
    }

    private static int Kill(int pid, string signal) => Run("kill", $"-{signal}", pid.ToString(CultureInfo.InvariantCulture));

    private static int Run(string command, params string[] args)
    {
        var start = new ProcessStartInfo(command) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start)!;
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }
}
