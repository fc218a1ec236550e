using Ntm.Warehouse.DuckDb;

namespace Ntm.Warehouse.Tests.DuckDb;

public sealed class AppenderTests : IDisposable
{
    private readonly DuckDbConnection connection = new("Data Source=:memory:");

    public AppenderTests() => connection.Open();

    public void Dispose() => connection.Dispose();

    private void Run(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    [Fact]
    public void A_million_rows_append_and_sum_back_exactly()
    {
        Run("CREATE TABLE obs (period INTEGER, area VARCHAR, value BIGINT, rate DOUBLE)");
        const int rows = 1_000_000;
        using (var appender = connection.CreateAppender("obs"))
        {
            for (var i = 0; i < rows; i++)
            {
                appender.BeginRow().Append(202201 + (i % 12)).Append(i % 7 == 0 ? "Xã Vị Thanh" : "P1").Append((long)i * 3).Append(i * 0.5);
                appender.EndRow();
            }

            Assert.Equal(rows, appender.RowCount);
        }

        Assert.Equal((long)rows, Scalar("SELECT count(*) FROM obs"));
        // sum(3i) for i < n = 3 n (n - 1) / 2, exactly, as HUGEINT.
        Assert.Equal(3m * rows * (rows - 1) / 2, Scalar("SELECT sum(value) FROM obs"));
        Assert.Equal(142858L, Scalar("SELECT count(*) FROM obs WHERE area = 'Xã Vị Thanh'"));
    }

    [Fact]
    public void Every_supported_type_and_null_appends()
    {
        Run("CREATE TABLE t (b BOOLEAN, i TINYINT, s SMALLINT, n INTEGER, l BIGINT, h HUGEINT, d DOUBLE, m DECIMAL(18,4), v VARCHAR, dt DATE, ts TIMESTAMP)");
        using (var appender = connection.CreateAppender("t"))
        {
            appender.BeginRow().Append(true).Append(-1).Append(300).Append(70000).Append(5_000_000_000L).Append((Int128)long.MaxValue * 3)
                .Append(0.25).Append(95.0495m).Append("Trạm Y tế xã Long Bình, huyện Long Mỹ").Append(new DateOnly(2025, 7, 1))
                .Append(new DateTime(2025, 7, 1, 6, 0, 0)).EndRow();
            appender.BeginRow();
            for (var i = 0; i < 11; i++)
            {
                appender.AppendNull();
            }

            appender.EndRow();
        }

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM t ORDER BY b NULLS LAST";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(
            new object[] { true, (sbyte)-1, (short)300, 70000, 5_000_000_000L, (decimal)long.MaxValue * 3, 0.25, 95.0495m, "Trạm Y tế xã Long Bình, huyện Long Mỹ", new DateTime(2025, 7, 1), new DateTime(2025, 7, 1, 6, 0, 0) },
            Enumerable.Range(0, 11).Select(reader.GetValue).ToArray());
        Assert.True(reader.Read());
        Assert.All(Enumerable.Range(0, 11), i => Assert.True(reader.IsDBNull(i)));
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_refused_before_it_is_written()
    {
        Run("CREATE TABLE t (n INTEGER, s VARCHAR)");
        using var appender = connection.CreateAppender("t");
        var error = Assert.Throws<DuckDbException>(() => appender.BeginRow().Append("not a number"));
        Assert.Contains("Column 1 is INTEGER", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decimal_that_would_lose_digits_is_refused()
    {
        Run("CREATE TABLE t (m DECIMAL(10,2))");
        using var appender = connection.CreateAppender("t");
        Assert.Throws<DuckDbException>(() => appender.BeginRow().Append(1.005m));
    }

    [Fact]
    public void An_integer_too_big_for_its_column_overflows_loudly()
    {
        Run("CREATE TABLE t (n SMALLINT)");
        using var appender = connection.CreateAppender("t");
        Assert.Throws<OverflowException>(() => appender.BeginRow().Append(100_000));
    }

    [Fact]
    public void A_short_row_is_refused()
    {
        Run("CREATE TABLE t (a INTEGER, b INTEGER)");
        using var appender = connection.CreateAppender("t");
        appender.BeginRow().Append(1);
        var error = Assert.Throws<DuckDbException>(appender.EndRow);
        Assert.Contains("2 column(s)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Appended_rows_roll_back_with_their_transaction()
    {
        Run("CREATE TABLE t (a INTEGER)");
        using (connection.BeginTransaction())
        {
            using var appender = connection.CreateAppender("t");
            for (var i = 0; i < 5000; i++)
            {
                appender.BeginRow().Append(i).EndRow();
            }
        }

        Assert.Equal(0L, Scalar("SELECT count(*) FROM t"));
    }

    [Fact]
    public void Constraint_violations_surface_as_errors()
    {
        Run("CREATE TABLE t (a INTEGER PRIMARY KEY)");
        var appender = connection.CreateAppender("t");
        appender.BeginRow().Append(1).EndRow();
        appender.BeginRow().Append(1).EndRow();
        Assert.Throws<DuckDbException>(appender.Close);
    }

    [Fact]
    public void Appending_to_a_missing_table_names_it()
    {
        var error = Assert.Throws<DuckDbException>(() => connection.CreateAppender("nowhere"));
        Assert.Contains("nowhere", error.Message, StringComparison.Ordinal);
    }
}
