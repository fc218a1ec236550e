using Dapper;
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
        var results = service.Ingest(batch, options ?? new IngestionOptions()).ToList();
        AssertCurrentFiguresFollowTheRule(connection);
        return results;
    }

    /// <summary>
    /// The current figures the ledger keeps (<c>is_current</c>) are those the rule gives when every
    /// figure's files are ranked: the latest accepted file that states it; their pooled sums
    /// (<c>fact_pooled</c>) those <c>v_fact_pooled</c> gives.
    /// </summary>
    public static void AssertCurrentFiguresFollowTheRule(System.Data.IDbConnection connection)
    {
        var kept = connection.Query<long>("SELECT rowid FROM fact_observation WHERE is_current ORDER BY 1").ToList();
        var ranked = connection.Query<long>("""
            SELECT f.rowid FROM fact_observation f
            JOIN submission s ON s.submission_id = f.submission_id AND s.status IN ('accepted', 'partly_superseded')
            QUALIFY row_number() OVER (PARTITION BY f.period_key, f.area_id, f.indicator_code, f.measure, f.disaggregation
                                       ORDER BY s.received_at DESC, s.submission_id DESC, f.rowid DESC) = 1
            ORDER BY 1
            """).ToList();
        Assert.Equal(ranked, kept);
        // And the sums kept beside them are the rule's over those figures.
        Assert.Empty(Ntm.Warehouse.Ledger.CurrentFigures.PoolDifferences(connection));
    }

    public void Dispose() => template.Dispose();
}

[CollectionDefinition(nameof(WarehouseFixture))]
public sealed class WarehouseFixtureCollection : ICollectionFixture<WarehouseFixture>;
