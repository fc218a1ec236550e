using Dapper;
using DuckDB.NET.Data;
using Ntm.Domain.Areas;
using Ntm.Warehouse.Ledger;

namespace Ntm.Warehouse.Tests.Queries;

/// <summary>A warehouse with reference data and hand-made observations whose answers are computed by hand in the tests.</summary>
public sealed class QueryFixture : IDisposable
{
    private readonly TempDirectory directory = new();

    public QueryFixture()
    {
        var home = new WarehouseHome(directory.File("home"));
        new WarehouseInitializer(TimeProvider.System).Initialize(home);
        Database = new WarehouseDatabase(home.WarehouseFile);
        using (var connection = Database.OpenForWriting())
        {
            Directory = Ntm.Warehouse.Areas.AreaDirectoryLoader.Load(connection);
        }
    }

    public WarehouseDatabase Database { get; }

    public AreaDirectory Directory { get; }

    public AreaRecord Old(string code) => Directory.Areas.Single(a => a.Code == code && a.Generation == AreaGeneration.Before2025);

    public AreaRecord New(string code) => Directory.Areas.Single(a => a.Code == code && a.Generation == AreaGeneration.From2025);

    /// <summary>Stores values as one accepted submission.</summary>
    public void Load(params (AreaRecord Area, int Period, string Indicator, string Measure, decimal Value)[] values)
    {
        using var connection = Database.OpenForWriting();
        var id = connection.ExecuteScalar<long>("INSERT INTO submission (file_name, sha256, received_at, status) VALUES ('test', $sha, now(), 'accepted') RETURNING submission_id", new { sha = Guid.NewGuid().ToString("N") });
        using (var appender = connection.CreateAppender("fact_observation"))
        {
            foreach (var (area, period, indicator, measure, value) in values)
            {
                appender.CreateRow().AppendValue(id).AppendValue(period).AppendValue(area.AreaId).AppendValue(indicator).AppendValue(measure).AppendValue(value).AppendValue("s").AppendValue("A1").AppendValue(string.Empty).AppendValue(false).AppendValue(true).EndRow();
            }
        }

        CurrentFigures.Mark(connection, [id]);
        Assert.Empty(CurrentFigures.PoolDifferences(connection));
    }

    public DuckDBConnection Read() => Database.OpenReadOnly();

    public void Dispose() => directory.Dispose();
}
