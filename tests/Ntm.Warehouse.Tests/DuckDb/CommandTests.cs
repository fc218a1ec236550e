using System.Data;
using Ntm.Warehouse.DuckDb;

namespace Ntm.Warehouse.Tests.DuckDb;

public sealed class CommandTests : IDisposable
{
    private readonly DuckDbConnection connection = new("Data Source=:memory:");

    public CommandTests()
    {
        connection.Open();
        Run("CREATE TABLE area (code VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, population BIGINT)");
    }

    public void Dispose() => connection.Dispose();

    private int Run(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(name, value);
        }

        return command.ExecuteNonQuery();
    }

    private object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(name, value);
        }

        return command.ExecuteScalar();
    }

    [Fact]
    public void Named_parameters_work_with_dollar_and_at_prefixes()
    {
        Assert.Equal(1, Run("INSERT INTO area VALUES ($code, $name, $pop)", ("code", "93"), ("name", "Hậu Giang"), ("pop", 733_017L)));
        Assert.Equal(1, Run("INSERT INTO area VALUES (@code, @name, @pop)", ("@code", "94"), ("@name", "Sóc Trăng"), ("@pop", 1_199_653L)));
        Assert.Equal("Sóc Trăng", Scalar("SELECT name FROM area WHERE code = @code", ("code", "94")));
        Assert.Equal("Hậu Giang", Scalar("SELECT name FROM area WHERE code = $code", ("@code", "93")));
    }

    [Fact]
    public void Positional_parameters_bind_in_order()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT ? || '-' || ?";
        command.Parameters.Add(new DuckDbParameter { Value = "a" });
        command.Parameters.Add(new DuckDbParameter { Value = "b" });
        Assert.Equal("a-b", command.ExecuteScalar());
    }

    [Fact]
    public void Null_parameters_store_null()
    {
        Run("INSERT INTO area VALUES ($code, $name, $pop)", ("code", "95"), ("name", "Bạc Liêu"), ("pop", null));
        Run("INSERT INTO area VALUES ($code, $name, $pop)", ("code", "96"), ("name", "Cà Mau"), ("pop", DBNull.Value));
        Assert.Equal(2L, Scalar("SELECT count(*) FROM area WHERE population IS NULL"));
    }

    [Fact]
    public void At_signs_inside_literals_and_comments_are_left_alone()
    {
        var value = Scalar("SELECT '@code' || $x -- @code\n", ("code", "ignored"), ("x", "!"));
        Assert.Equal("@code!", value);
    }

    [Fact]
    public void A_missing_parameter_is_named_in_the_error()
    {
        var error = Assert.Throws<DuckDbException>(() => Scalar("SELECT $missing"));
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_statement_raises_with_duckdbs_message()
    {
        var error = Assert.Throws<DuckDbException>(() => Scalar("SELECT * FROM no_such_table"));
        Assert.Contains("Table with name no_such_table does not exist", error.Message, StringComparison.Ordinal);

        var syntax = Assert.Throws<DuckDbException>(() => Scalar("SELEC 1"));
        Assert.Contains("syntax error", syntax.Message, StringComparison.OrdinalIgnoreCase);

        Run("INSERT INTO area VALUES ('01', 'Hà Nội', 1)");
        var constraint = Assert.Throws<DuckDbException>(() => Run("INSERT INTO area VALUES ('01', 'Hà Nội', 1)"));
        Assert.Contains("Duplicate key", constraint.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_statements_run_in_order_and_the_reader_shows_the_last()
    {
        Assert.Equal(2, Run("INSERT INTO area VALUES ('01', 'Hà Nội', 1); INSERT INTO area VALUES ('79', 'Hồ Chí Minh', 2);"));
        Assert.Equal(5L, Scalar("UPDATE area SET population = population + 1; SELECT sum(population)::BIGINT FROM area"));
    }

    [Fact]
    public void A_command_re_executes_with_new_parameter_values()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO area VALUES ($code, $name, $pop)";
        var code = command.Parameters.Add("code", null);
        var name = command.Parameters.Add("name", null);
        var pop = command.Parameters.Add("pop", null);
        for (var i = 0; i < 100; i++)
        {
            code.Value = $"c{i}";
            name.Value = $"Xã {i}";
            pop.Value = (long)i;
            command.ExecuteNonQuery();
        }

        Assert.Equal(4950L, Scalar("SELECT sum(population)::BIGINT FROM area"));
    }

    [Fact]
    public void Transactions_commit()
    {
        using (var transaction = connection.BeginTransaction())
        {
            Run("INSERT INTO area VALUES ('01', 'Hà Nội', 1)");
            transaction.Commit();
        }

        Assert.Equal(1L, Scalar("SELECT count(*) FROM area"));
    }

    [Fact]
    public void Transactions_roll_back_explicitly_and_on_dispose()
    {
        using (var transaction = connection.BeginTransaction())
        {
            Run("INSERT INTO area VALUES ('01', 'Hà Nội', 1)");
            transaction.Rollback();
        }

        using (connection.BeginTransaction())
        {
            Run("INSERT INTO area VALUES ('02', 'Hà Giang', 1)");
        }

        Assert.Equal(0L, Scalar("SELECT count(*) FROM area"));
    }

    [Fact]
    public void Nested_transactions_are_refused()
    {
        using var transaction = connection.BeginTransaction();
        Assert.Throws<InvalidOperationException>(() => connection.BeginTransaction());
    }

    [Fact]
    public void A_reader_with_no_rows_says_so()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM area";
        using var reader = command.ExecuteReader();
        Assert.False(reader.HasRows);
        Assert.False(reader.Read());
        Assert.Equal(3, reader.FieldCount);
        Assert.Equal("name", reader.GetName(1));
    }

    [Fact]
    public void Close_connection_behaviour_closes_the_connection()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        using (var reader = command.ExecuteReader(CommandBehavior.CloseConnection))
        {
            Assert.True(reader.Read());
        }

        Assert.Equal(ConnectionState.Closed, connection.State);
    }

    [Fact]
    public void Unsupported_types_name_the_column_and_the_fix()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT [1, 2] AS list_column";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        var error = Assert.Throws<NotSupportedException>(() => reader.GetValue(0));
        Assert.Contains("list_column", error.Message, StringComparison.Ordinal);
        Assert.Contains("CAST", error.Message, StringComparison.Ordinal);
    }
}
