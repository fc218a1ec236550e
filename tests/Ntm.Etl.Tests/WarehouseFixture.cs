using Ntm.Etl.Ingestion;
using Ntm.Warehouse;

namespace Ntm.Etl.Tests;

/// <summary>
/// A warehouse initialised once (schema and reference data); each test gets its own home with a
/// copy of it, so tests stay independent and fast.
/// </summary>
public sealed class WarehouseFixture : IDisposable
{
    private readonly TempDirectory template = new();

    public WarehouseFixture()
    {
        var home = new WarehouseHome(template.File("home"));
        new WarehouseInitializer(TimeProvider.System).Initialize(home);
        WarehouseFile = home.WarehouseFile;
    }

    public string WarehouseFile { get; }

    /// <summary>A fresh home in <paramref name="directory"/> holding a copy of the initialised warehouse.</summary>
    public WarehouseHome NewHome(TempDirectory directory)
    {
        var home = new WarehouseHome(directory.File("home"));
        home.EnsureFolders();
        File.Copy(WarehouseFile, home.WarehouseFile);
        return home;
    }

    /// <summary>Reads <paramref name="path"/> as ingestion would, in a fresh home, without storing anything: the template chosen and what it read.</summary>
    public (string? Template, Ntm.Etl.Templates.ExtractionResult Result) Read(TempDirectory directory, string path, IngestionOptions? options = null)
    {
        var home = NewHome(directory);
        using var connection = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly();
        var prepared = new IngestionService(connection, home, TimeProvider.System).Check(path, options ?? new IngestionOptions());
        return (prepared.Template, prepared.Result);
    }

    /// <summary>Ingests <paramref name="paths"/> into <paramref name="home"/> with a fixed clock.</summary>
    public static List<IngestFileResult> Ingest(WarehouseHome home, IngestionOptions? options = null, TimeProvider? clock = null, params string[] paths)
    {
        using var connection = new WarehouseDatabase(home.WarehouseFile).OpenForWriting();
        var service = new IngestionService(connection, home, clock ?? new FixedClock(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.FromHours(7))));
        var batch = IngestionBatch.Plan(paths, home.Inbox, TimeSpan.Zero, DateTime.UtcNow);
        return service.Ingest(batch, options ?? new IngestionOptions()).ToList();
    }

    public void Dispose() => template.Dispose();
}

[CollectionDefinition(nameof(WarehouseFixture))]
public sealed class WarehouseFixtureCollection : ICollectionFixture<WarehouseFixture>;
