using Dapper;
using DuckDB.NET.Data;

namespace Ntm.Warehouse.Tests;

/// <summary>
/// The warehouse's behaviour on DuckDB.NET: values come back as they went in (decimals exactly,
/// Vietnamese text, dates), sums are exact, read-only connections refuse to write, and a
/// submission's rows are in the warehouse all together or not at all.
/// </summary>
public sealed class WarehouseDatabaseTests : IClassFixture<InitializedWarehouse>, IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly WarehouseDatabase database;

    public WarehouseDatabaseTests(InitializedWarehouse warehouse) => database = warehouse.CopyTo(directory);

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Values_round_trip_exactly()
    {
        using var connection = database.OpenOrCreateForWriting();
        connection.Execute("CREATE TABLE probe (d DECIMAL(18, 4), t VARCHAR, day DATE, moment TIMESTAMP, n BIGINT, flag BOOLEAN)");
        var rows = new[]
        {
            (D: 99_999_999_999_999.9999m, T: "Xã Lê Hồng, huyện Thanh Miện", Day: new DateOnly(2025, 7, 1), At: new DateTime(2025, 6, 30, 23, 59, 59), N: long.MaxValue, Flag: true),
            (D: -0.0001m, T: "Đạt / Không đạt", Day: new DateOnly(2000, 1, 1), At: new DateTime(2000, 1, 1), N: long.MinValue, Flag: false),
            (D: 111.54m, T: string.Empty, Day: new DateOnly(2040, 12, 31), At: new DateTime(2040, 12, 31, 12, 0, 0), N: 0L, Flag: true),
        };
        foreach (var r in rows)
        {
            connection.Execute("INSERT INTO probe VALUES ($d, $t, $day, $moment, $n, $flag)", new { d = r.D, t = r.T, day = r.Day, moment = r.At, n = r.N, flag = r.Flag });
        }

        var back = connection.Query<(decimal D, string T, DateTime Day, DateTime At, long N, bool Flag)>("SELECT * FROM probe ORDER BY n DESC").ToList();
        Assert.Equal(rows.OrderByDescending(r => r.N).Select(r => (r.D, r.T, r.Day.ToDateTime(TimeOnly.MinValue), r.At, r.N, r.Flag)), back);
    }

    [Fact]
    public void Sums_of_decimals_are_exact_where_doubles_would_drift()
    {
        using var connection = database.OpenOrCreateForWriting();
        connection.Execute("CREATE TABLE probe (v DECIMAL(18, 4))");
        using (var appender = connection.CreateAppender("probe"))
        {
            for (var i = 0; i < 100_000; i++)
            {
                appender.CreateRow().AppendValue(0.1m).EndRow();
            }
        }

        Assert.Equal(10_000m, connection.ExecuteScalar<decimal>("SELECT sum(v) FROM probe"));
        Assert.NotEqual(10_000.0, Enumerable.Repeat(0.1, 100_000).Sum());
        // DuckDB sums integers as HUGEINT; a cast gives the long Dapper callers expect.
        Assert.Equal(100_000L, connection.ExecuteScalar<long>("SELECT CAST(count(*) AS BIGINT) FROM probe"));
    }

    [Fact]
    public void A_read_only_connection_refuses_every_write()
    {
        using var connection = database.OpenReadOnly();
        Assert.ThrowsAny<DuckDBException>(() => connection.Execute("DELETE FROM dim_period"));
        Assert.ThrowsAny<DuckDBException>(() => connection.Execute("CREATE TABLE x (a INTEGER)"));
        Assert.Equal(492, connection.ExecuteScalar<int>("SELECT count(*) FROM dim_period"));
    }

    [Fact]
    public async Task A_writer_opened_while_a_reader_of_the_same_process_is_open_waits_and_can_write()
    {
        // DuckDB.NET shares one database instance per file in a process: without the check, the
        // writer would be handed the reader's read-only instance and fail on its first INSERT.
        var reader = database.OpenReadOnly();
        var writer = Task.Run(database.OpenForWriting);
        await Task.Delay(300);
        Assert.False(writer.IsCompleted);
        reader.Dispose();
        using var connection = await writer;
        connection.Execute("CREATE TABLE written_after_reader (x INTEGER)");
        Assert.Equal("automatic", connection.ExecuteScalar<string>("SELECT current_setting('access_mode')"), ignoreCase: true);
    }

    [Fact]
    public void A_submission_whose_transaction_fails_leaves_nothing_behind()
    {
        using var connection = database.OpenOrCreateForWriting();
        var before = connection.ExecuteScalar<long>("SELECT count(*) FROM fact_observation");
        var failed = Assert.Throws<InvalidOperationException>(void () =>
        {
            using var transaction = connection.BeginTransaction();
            connection.Execute("INSERT INTO submission (file_name, sha256, received_at, status) VALUES ('x.xlsx', 'abc', now(), 'accepted')");
            using (var appender = connection.CreateAppender("fact_observation"))
            {
                for (var i = 0; i < 5000; i++)
                {
                    appender.CreateRow().AppendValue(1L).AppendValue(202212).AppendValue(13031483).AppendValue("bhyt.insured").AppendValue("stock")
                        .AppendValue((decimal)i).AppendValue("s").AppendValue("A1").AppendValue(string.Empty).AppendValue(false).AppendValue(false).EndRow();
                }
            }

            // The file turns out to be bad after its rows were appended: nothing of it may stay.
            throw new InvalidOperationException("rejected after appending");
        });

        Assert.Equal("rejected after appending", failed.Message);
        Assert.Equal(before, connection.ExecuteScalar<long>("SELECT count(*) FROM fact_observation"));
        Assert.Equal(0, connection.ExecuteScalar<int>("SELECT count(*) FROM submission WHERE sha256 = 'abc'"));
    }

    [Fact]
    public void The_appender_refuses_a_value_of_the_wrong_type_for_its_column()
    {
        using var connection = database.OpenOrCreateForWriting();
        using var appender = connection.CreateAppender("fact_observation");
        Assert.ThrowsAny<Exception>(() => appender.CreateRow().AppendValue("not a number").EndRow());
    }

    [Fact]
    public void Opening_a_missing_warehouse_for_reading_says_to_initialise_it()
    {
        var missing = new WarehouseDatabase(directory.File("none.duckdb"));
        Assert.Throws<WarehouseNotInitializedException>(() => missing.OpenReadOnly());
        Assert.False(File.Exists(missing.Path));
    }

    [Fact]
    public void A_lock_conflict_is_recognised_and_names_the_process_holding_the_file()
    {
        var cause = new IOException($"IO Error: Could not set lock on file \"{database.Path}\": Conflicting lock is held in /usr/bin/dotnet (PID {Environment.ProcessId}) by user root.");
        Assert.True(WarehouseBusyException.IsLockConflict(cause));
        var busy = WarehouseBusyException.For(database.Path, cause);
        Assert.Equal(Environment.ProcessId, busy.HolderProcessId);
        Assert.Contains(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), busy.Message, StringComparison.Ordinal);
        Assert.False(WarehouseBusyException.IsLockConflict(new IOException("Catalog Error: Table with name x does not exist!")));
    }
}
