namespace Ntm.Etl.Tests;

/// <summary>The real files the tests read (tests/data) and the typed fixtures copied beside the test binaries.</summary>
public static class TestData
{
    public static string Path(params string[] parts) => Repository.Data(parts);

    public static string Fixtures(params string[] parts) => System.IO.Path.Combine([AppContext.BaseDirectory, "fixtures", .. parts]);
}
