using Dapper;
using Ntm.Warehouse.ReferenceData;
using Ntm.Warehouse.Schema;

namespace Ntm.Warehouse;

/// <summary>What <see cref="WarehouseInitializer.Initialize"/> did.</summary>
/// <param name="SchemaVersion">The schema's version now.</param>
/// <param name="MigrationsApplied">The migrations this run applied.</param>
/// <param name="ReferenceData">What loading the reference data did.</param>
/// <param name="MigrationNotes">What the migrations applied changed in the data already stored, said to the one who ran them.</param>
public sealed record InitializationResult(int SchemaVersion, IReadOnlyList<Migration> MigrationsApplied, ReferenceLoadResult ReferenceData, IReadOnlyList<string> MigrationNotes);

/// <summary>
/// Brings a home to a working state: its folders, the warehouse file, the schema at the latest
/// version, the reference data (built-in and the home's own) loaded. Safe to run again: it only
/// does what is missing or changed.
/// </summary>
public sealed class WarehouseInitializer(TimeProvider clock)
{
    /// <summary>The migration that created <c>migration_note</c>.</summary>
    private const int FirstVersionWithNotes = 9;

    /// <summary>Initialises <paramref name="home"/>; throws <see cref="WarehouseBusyException"/> if another process writes to it.</summary>
    public InitializationResult Initialize(WarehouseHome home)
    {
        home.EnsureFolders();
        // Read and check the reference files before opening the warehouse for writing.
        var files = ReferenceFiles.Load(home.Reference);
        using var connection = new WarehouseDatabase(home.WarehouseFile).OpenOrCreateForWriting();
        var applied = new Migrator(clock).Apply(connection, Migration.BuiltIn);
        var reference = new ReferenceDataLoader(clock).Load(connection, files);
        var version = Migrator.CurrentVersion(connection);
        var notes = applied.Count > 0 && version >= FirstVersionWithNotes
            ? connection.Query<string>("SELECT note FROM migration_note WHERE version IN $versions ORDER BY version", new { versions = applied.Select(m => m.Version).ToArray() }).ToList()
            : [];
        return new InitializationResult(version, applied, reference, notes);
    }
}
