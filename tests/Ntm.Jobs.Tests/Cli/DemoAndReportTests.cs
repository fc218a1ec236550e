using System.Diagnostics;
using System.Text.Json;
using Dapper;
using Ntm.Warehouse;

namespace Ntm.Jobs.Tests.Cli;

/// <summary>The README's main job on a small scale: demo data → warehouse → report pack, opened in a real browser.</summary>
public sealed class DemoAndReportTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void The_demo_loads_a_province_catches_its_mistakes_and_writes_a_report_pack_a_browser_renders()
    {
        var home = directory.File("home");
        var result = CliRunner.InProcess("--home", home, "demo", "--years", "2", "--json");
        Assert.True(result.ExitCode == 0, result.Error + result.Out);
        var index = JsonDocument.Parse(result.Out[result.Out.LastIndexOf("{\n", StringComparison.Ordinal)..]).RootElement.GetProperty("report").GetString()!;

        using (var connection = new WarehouseDatabase(Path.Combine(home, "warehouse.duckdb")).OpenReadOnly())
        {
            Assert.Equal(1, connection.ExecuteScalar<int>("SELECT count(*) FROM v_submission WHERE status = 'rejected'"));
            Assert.Equal("not_a_number", connection.ExecuteScalar<string>("SELECT rule FROM v_finding WHERE severity = 'error'"));
            Assert.Equal(1, connection.ExecuteScalar<int>("SELECT count(*) FROM v_submission WHERE status = 'superseded'"));
            Assert.True(connection.ExecuteScalar<int>("SELECT count(*) FROM v_finding WHERE rule = 'rate_mismatch'") >= 1);
            Assert.True(connection.ExecuteScalar<long>("SELECT count(*) FROM v_observation") > 10_000);
        }

        var pack = Path.GetDirectoryName(index)!;
        Assert.True(File.Exists(Path.Combine(pack, "summary.md")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(pack, "tables"), "*.xlsx"));
        var svgs = Directory.GetFiles(Path.Combine(pack, "charts"), "*.svg");
        Assert.True(svgs.Length >= 8, $"{svgs.Length} charts");
        Assert.All(svgs, svg => Assert.True(File.Exists(Path.ChangeExtension(svg, ".png")) && File.Exists(Path.ChangeExtension(svg, null) + "-300dpi.png")));
        var html = File.ReadAllText(index);
        Assert.Contains("Bệnh truyền nhiễm", html, StringComparison.Ordinal);
        Assert.Contains("Đạt", html, StringComparison.Ordinal);

        // Headless Chromium: the page renders offline, every chart is in the DOM as an inline image, no console errors.
        var screenshot = directory.File("report.png");
        var (dom, log) = Chromium(index, screenshot);
        Assert.Equal(svgs.Length, CountOf(dom, "<img src=\"data:image/png;base64,"));
        Assert.DoesNotContain("src=\"http", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("Uncaught", log, StringComparison.Ordinal);
        Assert.DoesNotContain(":ERROR:CONSOLE", log, StringComparison.Ordinal);
        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot is empty");

        // The demo run again in the same home writes the same bytes: every accepted file is a duplicate and
        // nothing changes in the data. (The one bad file is read again, as a resent file is after a new alias
        // or template, and rejected again.)
        (long Accepted, long Values, long Rejected) Submissions()
        {
            using var connection = new WarehouseDatabase(Path.Combine(home, "warehouse.duckdb")).OpenReadOnly();
            return (connection.ExecuteScalar<long>("SELECT count(*) FROM submission WHERE status IN ('accepted', 'superseded')"),
                connection.ExecuteScalar<long>("SELECT count(*) FROM v_observation"),
                connection.ExecuteScalar<long>("SELECT count(*) FROM submission WHERE status = 'rejected'"));
        }

        var before = Submissions();
        var again = CliRunner.InProcess("--home", home, "demo", "--years", "2", "--json");
        Assert.True(again.ExitCode == 0, again.Error + again.Out);
        var after = Submissions();
        Assert.Equal((before.Accepted, before.Values, before.Rejected + 1), after);
        Assert.Contains("trùng", again.Out, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private (string Dom, string Log) Chromium(string page, string screenshot)
    {
        var url = new Uri(page).AbsoluteUri;
        string[] common = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            $"--user-data-dir={directory.File("chromium-profile")}", "--enable-logging=stderr", "--v=0"];
        var dom = Run([.. common, "--dump-dom", url]);
        var shot = Run([.. common, $"--screenshot={screenshot}", "--window-size=1000,4000", url]);
        return (dom.Out, dom.Error + shot.Error);
    }

    private static (string Out, string Error) Run(string[] arguments)
    {
        var start = new ProcessStartInfo("chromium") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("chromium did not finish");
        }

        return (output.Result, error.Result);
    }
}
