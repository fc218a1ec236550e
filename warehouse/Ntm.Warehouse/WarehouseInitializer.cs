using Ntm.Warehouse.ReferenceData;
using Ntm.Warehouse.Schema;

namespace Ntm.Warehouse;

/// <summary>What <see cref="WarehouseInitializer.Initialize"/> did.</summary>
public sealed record InitializationResult(int SchemaVersion, IReadOnlyList<Migration> MigrationsApplied, ReferenceLoadResult ReferenceData);

/// <summary>
/// Brings a home to a working state: its folders, the warehouse file, the schema at the latest
/// version, the reference data (built-in and the home's own) loaded. Safe to run again: it only
/// does what is missing or changed.
/// </summary>
public sealed class WarehouseInitializer(TimeProvider clock)
{
    /// <summary>Initialises <paramref name="home"/>; throws <see cref="WarehouseBusyException"/> if another process writes to it.</summary>
    public InitializationResult Initialize(WarehouseHome home)
    {
        home.EnsureFolders();
        // Read and check the reference files before opening the warehouse for writing.
        var files = ReferenceFiles.Load(home.Reference);
        using var connection = new WarehouseDatabase(home.WarehouseFile).OpenForWriting();
        var applied = new Migrator(clock).Apply(connection, Migration.BuiltIn);
        var reference = new ReferenceDataLoader(clock).Load(connection, files);
        return new InitializationResult(Migrator.CurrentVersion(connection), applied, reference);
    }
}
