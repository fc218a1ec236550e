namespace Ntm.Warehouse.Tests;

/// <summary>
/// A warehouse initialised once per test class (schema and reference data, which takes a
/// second); each test works on its own copy of the file.
/// </summary>
public sealed class InitializedWarehouse : IDisposable
{
    private readonly TempDirectory directory = new();

    public InitializedWarehouse()
    {
        var home = new WarehouseHome(directory.File("home"));
        new WarehouseInitializer(TimeProvider.System).Initialize(home);
        File = home.WarehouseFile;
    }

    /// <summary>The initialised warehouse file; copy it, never change it.</summary>
    public string File { get; }

    /// <summary>A copy of the warehouse in <paramref name="directory"/>.</summary>
    public WarehouseDatabase CopyTo(TempDirectory target)
    {
        var path = target.File("warehouse.duckdb");
        System.IO.File.Copy(File, path);
        return new WarehouseDatabase(path);
    }

    public void Dispose() => directory.Dispose();
}
