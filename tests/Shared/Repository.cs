namespace Ntm.Tests;

/// <summary>Paths in the repository, found from the test binaries: the real files of <c>tests/data</c> (see its PROVENANCE.md). Shared by every test project.</summary>
public static class Repository
{
    /// <summary>The folder holding Ntm.Analytics.sln.</summary>
    public static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Ntm.Analytics.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Ntm.Analytics.sln not found above the test binaries.");
    }

    /// <summary>A file or folder under <c>tests/data</c>.</summary>
    public static string Data(params string[] parts) => Path.Combine([Root(), "tests", "data", .. parts]);
}
