using Ntm.Warehouse.Schema;

namespace Ntm.Warehouse;

/// <summary>What <see cref="WarehouseInitializer.Initialize"/> did.</summary>
public sealed record InitializationResult(int SchemaVersion, IReadOnlyList<Migration> MigrationsApplied);

/// <summary>
/// Brings a home to a working state: its folders, the warehouse file, the schema at the latest
/// version. Safe to run again: it only does what is missing.
/// </summary>
public sealed class WarehouseInitializer(TimeProvider clock)
{
    /// <summary>Initialises <paramref name="home"/>; throws <see cref="WarehouseBusyException"/> if another process writes to it.</summary>
    public InitializationResult Initialize(WarehouseHome home)
    {
        home.EnsureFolders();
        using var connection = new WarehouseDatabase(home.WarehouseFile).OpenForWriting();
        var applied = new Migrator(clock).Apply(connection, Migration.BuiltIn);
        return new InitializationResult(Migrator.CurrentVersion(connection), applied);
    }
}
