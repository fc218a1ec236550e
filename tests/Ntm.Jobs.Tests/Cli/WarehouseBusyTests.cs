using Dapper;
using Ntm.Jobs.Cli;
using Ntm.Warehouse;

namespace Ntm.Jobs.Tests.Cli;

public sealed class WarehouseBusyTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void A_second_writer_process_is_refused_cleanly_and_the_file_stays_intact()
    {
        var home = directory.File("home");
        Assert.Equal(0, CliRunner.InProcess("--home", home, "init").ExitCode);

        using (var writer = new WarehouseDatabase(Path.Combine(home, "warehouse.duckdb")).OpenForWriting())
        {
            writer.Execute("CREATE TABLE probe AS SELECT range AS i FROM range(1000)");

            var second = CliRunner.Child("--home", home, "init");
            Assert.Equal((int)ExitCode.WarehouseBusy, second.ExitCode);
            Assert.Contains("bận", second.Error, StringComparison.Ordinal);

            var reader = CliRunner.Child("--home", home, "query", "select 1");
            Assert.Equal((int)ExitCode.WarehouseBusy, reader.ExitCode);

            // The holder keeps writing after the refusal.
            writer.Execute("INSERT INTO probe SELECT range FROM range(1000, 2000)");
        }

        var after = CliRunner.Child("--home", home, "query", "select count(*) as n, sum(i) as s from probe", "--json");
        Assert.Equal(0, after.ExitCode);
        Assert.Contains("\"n\": 2000", after.Out, StringComparison.Ordinal);
        Assert.Contains("\"s\": 1999000", after.Out, StringComparison.Ordinal);
    }
}
