using Dapper;
using Ntm.Warehouse.DuckDb;

namespace Ntm.Warehouse.Tests.DuckDb;

public sealed class DapperTests : IDisposable
{
    private readonly DuckDbConnection connection = new("Data Source=:memory:");

    public DapperTests()
    {
        connection.Open();
        connection.Execute("CREATE TABLE area (code VARCHAR, name VARCHAR, level VARCHAR, population BIGINT, insured BIGINT, valid_from DATE)");
    }

    public void Dispose() => connection.Dispose();

    private sealed record Area(string Code, string Name, string Level, long? Population, long? Insured, DateTime ValidFrom);

    // A class with setters: Dapper converts HUGEINT (what SUM returns) to long through Int128's explicit operator.
    private sealed class Coverage
    {
        public string Level { get; set; } = string.Empty;

        public long Population { get; set; }

        public long Insured { get; set; }

        public double Rate { get; set; }
    }

    // A positional record needs exact column types, as on SQL Server: cast the sums.
    private sealed record CoverageRecord(string Level, long Population, long Insured);

    [Fact]
    public void Execute_with_a_list_inserts_every_row_and_query_maps_records()
    {
        var rows = new[]
        {
            new { code = "93", name = "Hậu Giang", level = "province", population = 733_017L, insured = 680_000L, validFrom = new DateTime(2008, 1, 1) },
            new { code = "930", name = "Thành phố Vị Thanh", level = "district", population = 73_322L, insured = 70_000L, validFrom = new DateTime(2008, 1, 1) },
            new { code = "934", name = "Huyện Long Mỹ", level = "district", population = 98_000L, insured = 90_000L, validFrom = new DateTime(2008, 1, 1) },
        };
        var inserted = connection.Execute("INSERT INTO area VALUES (@code, @name, @level, @population, @insured, @validFrom)", rows);
        Assert.Equal(3, inserted);

        var districts = connection.Query<Area>(
            "SELECT code, name, level, population, insured, valid_from AS ValidFrom FROM area WHERE level = @level ORDER BY code",
            new { level = "district" }).ToList();
        Assert.Equal(["Thành phố Vị Thanh", "Huyện Long Mỹ"], districts.Select(d => d.Name));
        Assert.Equal(new DateTime(2008, 1, 1), districts[0].ValidFrom);
    }

    [Fact]
    public void Sums_come_back_as_hugeint_and_map_to_long()
    {
        connection.Execute("INSERT INTO area VALUES ('1', 'a', 'district', 100, 95, NULL), ('2', 'b', 'district', 300, 250, NULL)");
        // A ratio is recomputed from summed parts, never averaged.
        var coverage = connection.QuerySingle<Coverage>(
            "SELECT level, sum(population) AS population, sum(insured) AS insured, sum(insured) * 100.0 / sum(population) AS rate FROM area GROUP BY level");
        Assert.Equal(400, coverage.Population);
        Assert.Equal(345, coverage.Insured);
        Assert.Equal(86.25, coverage.Rate, 10);

        var record = connection.QuerySingle<CoverageRecord>(
            "SELECT level, sum(population)::BIGINT AS population, sum(insured)::BIGINT AS insured FROM area GROUP BY level");
        Assert.Equal(new CoverageRecord("district", 400, 345), record);
    }

    [Fact]
    public void Null_parameters_and_null_columns_map_to_null()
    {
        connection.Execute("INSERT INTO area VALUES (@code, @name, 'commune', @population, NULL, DATE '2025-07-01')", new { code = "x", name = "Xã Ia Mơ", population = (long?)null });
        var area = connection.QuerySingle<Area>("SELECT code, name, level, population, insured, valid_from AS ValidFrom FROM area");
        Assert.Null(area.Population);
        Assert.Equal("Xã Ia Mơ", area.Name);
    }

    [Fact]
    public void Dynamic_rows_and_scalars_work()
    {
        Assert.Equal(42, connection.ExecuteScalar<int>("SELECT 42"));
        var row = connection.QuerySingle("SELECT 'Đạt' AS status, 95.0::DECIMAL(5,2) AS threshold");
        Assert.Equal("Đạt", (string)row.status);
        Assert.Equal(95.0m, (decimal)row.threshold);
    }

    [Fact]
    public void A_transaction_passed_to_dapper_is_honoured()
    {
        using (var transaction = connection.BeginTransaction())
        {
            connection.Execute("INSERT INTO area (code, name) VALUES (@code, @name)", new { code = "1", name = "x" }, transaction);
            transaction.Rollback();
        }

        Assert.Equal(0, connection.ExecuteScalar<int>("SELECT count(*) FROM area"));
    }
}

[Collection(nameof(HandleCounting))]
public sealed class StatementReuseTests
{
    [Fact]
    public void The_same_sql_through_new_commands_reuses_its_prepared_statement_and_stays_correct()
    {
        using var connection = new DuckDbConnection("Data Source=:memory:");
        connection.Open();
        connection.Execute("CREATE TABLE t (a INTEGER)");
        var baseline = DuckDbHandleCounter.Live;
        for (var i = 0; i < 500; i++)
        {
            connection.Execute("INSERT INTO t VALUES (@a)", new { a = i });
            Assert.Equal(i + 1, connection.ExecuteScalar<int>("SELECT count(*) FROM t WHERE a <= @a", new { a = i }));
        }

        // Two statements kept (one per text), not a thousand.
        Assert.True(DuckDbHandleCounter.Live - baseline <= 6, $"{DuckDbHandleCounter.Live - baseline} handles kept");
        Assert.Equal(124750L, connection.ExecuteScalar<long>("SELECT sum(a) FROM t"));
    }
}
