namespace Ntm.Etl.Tests;

/// <summary>The real data beside the repository (../shared/data), found from the test binaries.</summary>
public static class SharedData
{
    public static string Path(params string[] parts) => System.IO.Path.Combine([RepoRoot(), "..", "shared", "data", .. parts]);

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
