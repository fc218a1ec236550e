using Ntm.Warehouse;

namespace Ntm.Jobs.Tests.Cli;

/// <summary>The demo waits for a reader that briefly holds the warehouse, instead of failing busy.</summary>
public sealed class DemoPatienceTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task The_demo_waits_for_a_reader_of_another_process_and_then_runs()
    {
        var home = directory.File("home");
        Assert.Equal(0, CliRunner.InProcess("--home", home, "init").ExitCode);

        // This test process reads the warehouse until the demo says it is waiting for it: to the
        // demo's process it is another process holding the file. Released on that event, not after a time.
        var reader = new WarehouseDatabase(Path.Combine(home, "warehouse.duckdb")).OpenReadOnly();
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "ntm.dll"), "--home", home, "demo", "--years", "1" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = new System.Text.StringBuilder();
        var waited = false;
        // The wait is said on standard error, at once.
        while (await process.StandardError.ReadLineAsync() is { } line)
        {
            error.AppendLine(line);
            if (!waited && line.Contains("đang chờ để thử lại", StringComparison.Ordinal))
            {
                waited = true;
                reader.Dispose();
            }
        }

        reader.Dispose();
        // A guard against a hang, not a measure of speed.
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(10)), "the demo did not finish");
        Assert.True(process.ExitCode == 0, await output + error);
        Assert.True(waited, error.ToString());
        Assert.Contains("Báo cáo năm", await output, StringComparison.Ordinal);
    }
}
