namespace Ntm.Etl.Tests;

/// <summary>The real files the tests read (tests/data, see its PROVENANCE.md) and the typed fixtures beside the test binaries.</summary>
public static class TestData
{
    public static string Path(params string[] parts) => System.IO.Path.Combine([RepoRoot(), "tests", "data", .. parts]);

    public static string Fixtures(params string[] parts) => System.IO.Path.Combine([AppContext.BaseDirectory, "fixtures", .. parts]);

    public static string RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Ntm.Analytics.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Ntm.Analytics.sln not found above the test binaries.");
    }
}
