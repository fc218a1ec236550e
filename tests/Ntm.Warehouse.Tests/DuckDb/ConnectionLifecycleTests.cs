using System.Data;
using Ntm.Warehouse.DuckDb;

namespace Ntm.Warehouse.Tests.DuckDb;

// Handle counting is process-wide, so these tests must not run beside other DuckDB tests.
[Collection(nameof(HandleCounting))]
public sealed class ConnectionLifecycleTests
{
    [Fact]
    public void Ten_thousand_connections_open_and_close_without_leaking()
    {
        using var directory = new TempDirectory();
        var connectionString = $"Data Source={directory.File("w.duckdb")}";
        using var keeper = new DuckDbConnection(connectionString);
        keeper.Open();
        Execute(keeper, "CREATE TABLE t AS SELECT 1 AS x");

        var baseline = DuckDbHandleCounter.Live;
        // Warm up, then measure memory over the bulk of the iterations.
        OpenCloseMany(connectionString, 500);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var memoryBefore = Environment.WorkingSet;

        OpenCloseMany(connectionString, 10_000);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        Assert.Equal(baseline, DuckDbHandleCounter.Live);
        var growth = Environment.WorkingSet - memoryBefore;
        Assert.True(growth < 64L * 1024 * 1024, $"working set grew by {growth / 1024 / 1024} MiB over 10,000 connections");
    }

    [Fact]
    public void Closing_the_last_connection_closes_the_database_file()
    {
        using var directory = new TempDirectory();
        var baseline = DuckDbHandleCounter.Live;
        var connectionString = $"Data Source={directory.File("w.duckdb")}";
        for (var i = 0; i < 200; i++)
        {
            using var connection = new DuckDbConnection(connectionString);
            connection.Open();
            Execute(connection, "SELECT 1");
        }

        Assert.Equal(baseline, DuckDbHandleCounter.Live);
    }

    [Fact]
    public void An_abandoned_reader_is_released_when_its_connection_closes()
    {
        var baseline = DuckDbHandleCounter.Live;
        var connection = new DuckDbConnection("Data Source=:memory:");
        connection.Open();
        AbandonReader(connection);
        connection.Close();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Assert.Equal(baseline, DuckDbHandleCounter.Live);
    }

    [Fact]
    public void A_reader_still_works_after_its_command_is_disposed()
    {
        using var connection = new DuckDbConnection("Data Source=:memory:");
        connection.Open();
        DuckDbDataReader reader;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT 'Đạt' AS status";
            reader = (DuckDbDataReader)command.ExecuteReader();
        }

        using (reader)
        {
            Assert.True(reader.Read());
            Assert.Equal("Đạt", reader.GetString(0));
        }
    }

    [Fact]
    public void Read_only_connections_refuse_writes()
    {
        using var directory = new TempDirectory();
        var path = directory.File("w.duckdb");
        using (var writer = new DuckDbConnection($"Data Source={path}"))
        {
            writer.Open();
            Execute(writer, "CREATE TABLE t (a INTEGER); INSERT INTO t VALUES (1)");
        }

        using var reader = new DuckDbConnection($"Data Source={path};Read Only=true");
        reader.Open();
        Assert.Equal(1, Convert.ToInt32(Scalar(reader, "SELECT count(*) FROM t"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Throws<DuckDbException>(() => Execute(reader, "DROP TABLE t"));
        Assert.Throws<DuckDbException>(() => Execute(reader, "INSERT INTO t VALUES (2)"));
        Assert.Throws<DuckDbException>(() => reader.CreateAppender("t"));
    }

    [Fact]
    public void A_read_only_connection_beside_a_writer_in_the_same_process_is_still_read_only()
    {
        using var directory = new TempDirectory();
        var path = directory.File("w.duckdb");
        using var writer = new DuckDbConnection($"Data Source={path}");
        writer.Open();
        Execute(writer, "CREATE TABLE t (a INTEGER)");
        using var reader = new DuckDbConnection($"Data Source={path};Read Only=true");
        reader.Open();
        Assert.Equal(0L, Scalar(reader, "SELECT count(*) FROM t"));
        var error = Assert.Throws<DuckDbException>(() => Execute(reader, "DROP TABLE t"));
        Assert.Contains("read-only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_setting_is_reported()
    {
        using var connection = new DuckDbConnection("Data Source=:memory:;no_such_setting=1");
        Assert.Throws<DuckDbException>(connection.Open);
        Assert.Equal(ConnectionState.Closed, connection.State);
    }

    private static void OpenCloseMany(string connectionString, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var connection = new DuckDbConnection(connectionString);
            connection.Open();
            if (i % 100 == 0)
            {
                Assert.Equal(1, Convert.ToInt32(Scalar(connection, "SELECT x FROM t"), System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    private static void AbandonReader(DuckDbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM range(5000)";
        var reader = command.ExecuteReader();
        reader.Read();
    }

    private static void Execute(DuckDbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(DuckDbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}

[CollectionDefinition(nameof(HandleCounting), DisableParallelization = true)]
public sealed class HandleCounting;
