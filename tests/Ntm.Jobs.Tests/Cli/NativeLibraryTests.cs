namespace Ntm.Jobs.Tests.Cli;

public sealed class NativeLibraryTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void A_missing_library_is_reported_with_the_path_looked_at_and_how_to_get_it()
    {
        var missing = directory.File("nowhere/libduckdb.so");
        var result = CliRunner.ChildWithEnvironment(new Dictionary<string, string> { ["NTM_DUCKDB_LIBRARY"] = missing }, "--home", directory.File("home"), "init");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(missing, result.Error, StringComparison.Ordinal);
        Assert.Contains("fetch-duckdb.sh", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_library_that_is_not_duckdb_is_refused()
    {
        var other = new[] { "/lib/x86_64-linux-gnu/libz.so.1", "/usr/lib/x86_64-linux-gnu/libz.so.1" }.First(File.Exists);
        var result = CliRunner.ChildWithEnvironment(new Dictionary<string, string> { ["NTM_DUCKDB_LIBRARY"] = other }, "--home", directory.File("home"), "init");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not a DuckDB library", result.Error, StringComparison.Ordinal);
    }
}
