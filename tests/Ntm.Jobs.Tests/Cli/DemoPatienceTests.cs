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

        // This test process reads the warehouse for three seconds: to the demo's process it is another process holding the file.
        var reader = new WarehouseDatabase(Path.Combine(home, "warehouse.duckdb")).OpenReadOnly();
        var release = Task.Delay(TimeSpan.FromSeconds(3)).ContinueWith(_ => reader.Dispose(), TaskScheduler.Default);
        var demo = await Task.Run(() => CliRunner.Child("--home", home, "demo", "--years", "1"));
        await release;

        Assert.True(demo.ExitCode == 0, demo.Out + demo.Error);
        Assert.Contains("đang chờ để thử lại", demo.Out, StringComparison.Ordinal);
        Assert.Contains("Báo cáo năm", demo.Out, StringComparison.Ordinal);
    }
}
