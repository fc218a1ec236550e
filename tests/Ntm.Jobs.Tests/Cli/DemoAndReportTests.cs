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
        var result = CliRunner.InProcess("--home", home, "demo", "--from-year", "2024", "--years", "2", "--json");
        Assert.True(result.ExitCode == 0, result.Error + result.Out);
        var index = JsonDocument.Parse(result.Out[result.Out.LastIndexOf("{\n", StringComparison.Ordinal)..]).RootElement.GetProperty("report").GetString()!;

        using (var connection = new WarehouseDatabase(Path.Combine(home, "warehouse.duckdb")).OpenReadOnly())
        {
            Assert.Equal(1, connection.ExecuteScalar<int>("SELECT count(*) FROM v_submission WHERE status = 'rejected'"));
            Assert.Equal("not_a_number", connection.ExecuteScalar<string>("SELECT rule FROM v_finding WHERE severity = 'error'"));
            Assert.Equal(1, connection.ExecuteScalar<int>("SELECT count(*) FROM v_submission WHERE status = 'superseded'"));
            Assert.True(connection.ExecuteScalar<int>("SELECT count(*) FROM v_finding WHERE rule = 'rate_mismatch'") >= 1);
            Assert.True(connection.ExecuteScalar<long>("SELECT count(*) FROM v_observation") > 10_000);

            // The demo crosses the reorganisation: the former provinces' units report until June 2025, the new communes after.
            Assert.Equal(202506, connection.ExecuteScalar<int>("SELECT max(o.period_key) FROM v_observation o JOIN dim_area a USING (area_id) WHERE a.valid_from < DATE '2025-07-01'"));
            Assert.Equal(202507, connection.ExecuteScalar<int>("SELECT min(o.period_key) FROM v_observation o JOIN dim_area a USING (area_id) WHERE a.valid_from >= DATE '2025-07-01' AND o.measure = 'month'"));
        }

        // The data-quality review of June 2025 finds the demo's deliberate mistakes, and nothing correct is an error.
        var quality = CliRunner.InProcess("--home", home, "quality", "--period", "2025-06", "--area", "92", "--json");
        Assert.True(quality.ExitCode == 0, quality.Error + quality.Out);
        var items = JsonDocument.Parse(quality.Out).RootElement.GetProperty("items").EnumerateArray().ToList();
        var errors = items.Where(i => i.GetProperty("severity").GetString() == "error").Select(i => i.GetProperty("message").GetString()!).ToList();
        Assert.Contains(errors, m => m.Contains("1.3o9", StringComparison.Ordinal));
        Assert.All(errors, m => Assert.Contains("bị từ chối", m, StringComparison.Ordinal));
        Assert.Contains(items, i => i.GetProperty("rule").GetString() == "rate_mismatch");

        // One series for the new province across the change, complete on both sides.
        var trend = CliRunner.InProcess("--home", home, "trend", "--indicator", "disease.dengue.cases", "--format", "json");
        Assert.True(trend.ExitCode == 0, trend.Error + trend.Out);
        var points = JsonDocument.Parse(trend.Out).RootElement.EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, 12).Select(m => $"2025-{m:D2}"), points.Select(p => p.GetProperty("period").GetString()));
        Assert.All(points, p => Assert.Equal("92", p.GetProperty("area_code").GetString()));
        Assert.All(points, p => Assert.True(p.GetProperty("value").GetDecimal() > 0));
        Assert.All(points.Take(6), p => Assert.Equal(3, p.GetProperty("units_reported").GetInt32()));

        var pack = Path.GetDirectoryName(index)!;
        Assert.True(File.Exists(Path.Combine(pack, "summary.md")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(pack, "tables"), "*.xlsx"));
        var svgs = Directory.GetFiles(Path.Combine(pack, "charts"), "*.svg");
        Assert.True(svgs.Length >= 8, $"{svgs.Length} charts");
        Assert.All(svgs, svg => Assert.True(File.Exists(Path.ChangeExtension(svg, ".png")) && File.Exists(Path.ChangeExtension(svg, null) + "-300dpi.png")));
        var html = File.ReadAllText(index);
        Assert.Contains("Bệnh truyền nhiễm", html, StringComparison.Ordinal);
        Assert.Contains("Đạt", html, StringComparison.Ordinal);
        Assert.Contains("Thành phố Cần Thơ", html, StringComparison.Ordinal);

        // Headless Chromium: the page renders offline, every chart is in the DOM as an inline image, no console errors,
        // and the table of contents leads to a section of each of its entries. The screenshot is kept in the test output.
        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "demo-report.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        var (dom, log) = Chromium(index, screenshot);
        var toc = System.Text.RegularExpressions.Regex.Match(dom, "<nav class=\"toc\">(.*?)</nav>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(toc.Success, "no table of contents");
        var anchors = System.Text.RegularExpressions.Regex.Matches(toc.Value, "href=\"#([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.True(anchors.Count >= 4, $"{anchors.Count} entries in the table of contents");
        Assert.All(anchors, id => Assert.Contains($"<section id=\"{id}\">", dom, StringComparison.Ordinal));
        Assert.Contains("Mục lục", dom, StringComparison.Ordinal);
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
        var again = CliRunner.InProcess("--home", home, "demo", "--from-year", "2024", "--years", "2", "--json");
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
        var shot = Run([.. common, $"--screenshot={screenshot}", "--window-size=1000,16000", url]);
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
