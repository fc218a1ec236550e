using System.Numerics;
using Ntm.Warehouse.DuckDb;

namespace Ntm.Warehouse.Tests.DuckDb;

public sealed class TypeRoundTripTests : IDisposable
{
    private readonly DuckDbConnection connection = new("Data Source=:memory:");

    public TypeRoundTripTests() => connection.Open();

    public void Dispose() => connection.Dispose();

    private (object Value, Type FieldType, string TypeName) SelectOne(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        var result = (reader.GetValue(0), reader.GetFieldType(0), reader.GetDataTypeName(0));
        Assert.False(reader.Read());
        return result;
    }

    [Theory]
    [InlineData("SELECT true", true, typeof(bool))]
    [InlineData("SELECT false", false, typeof(bool))]
    [InlineData("SELECT (-128)::TINYINT", (sbyte)-128, typeof(sbyte))]
    [InlineData("SELECT 32767::SMALLINT", (short)32767, typeof(short))]
    [InlineData("SELECT (-2147483648)::INTEGER", int.MinValue, typeof(int))]
    [InlineData("SELECT 9223372036854775807::BIGINT", long.MaxValue, typeof(long))]
    [InlineData("SELECT 255::UTINYINT", (byte)255, typeof(byte))]
    [InlineData("SELECT 0.1::DOUBLE", 0.1, typeof(double))]
    [InlineData("SELECT 'Hà Nội'", "Hà Nội", typeof(string))]
    public void Scalar_types_come_back_with_their_clr_type(string sql, object expected, Type type)
    {
        var (value, fieldType, _) = SelectOne(sql);
        Assert.Equal(type, fieldType);
        Assert.Equal(expected, value);
    }

    [Fact]
    public void Hugeint_is_what_sum_returns_and_reads_exactly_as_decimal_or_as_int128()
    {
        var (value, fieldType, typeName) = SelectOne("SELECT SUM(x) FROM (VALUES (9223372036854775807::BIGINT), (9223372036854775807::BIGINT)) t(x)");
        Assert.Equal("HUGEINT", typeName);
        Assert.Equal(typeof(decimal), fieldType);
        Assert.Equal(2m * long.MaxValue, value);

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (-170141183460469231731687303715884105727)::HUGEINT";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(Int128.Parse("-170141183460469231731687303715884105727", System.Globalization.CultureInfo.InvariantCulture), reader.GetFieldValue<Int128>(0));
        var error = Assert.Throws<OverflowException>(() => reader.GetValue(0));
        Assert.Contains("Int128", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT 123.45::DECIMAL(5,2)", "123.45")]
    [InlineData("SELECT (-1.5)::DECIMAL(4,1)", "-1.5")]
    [InlineData("SELECT 12345678.9012::DECIMAL(18,4)", "12345678.9012")]
    [InlineData("SELECT 99999999999999999999.123456::DECIMAL(38,6)", "99999999999999999999.123456")]
    [InlineData("SELECT 0.0001::DECIMAL(9,4)", "0.0001")]
    public void Decimals_are_exact_at_every_storage_width(string sql, string expected)
    {
        var (value, fieldType, _) = SelectOne(sql);
        Assert.Equal(typeof(decimal), fieldType);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Fact]
    public void Dates_and_timestamps_round_trip()
    {
        Assert.Equal(new DateTime(2025, 7, 1), SelectOne("SELECT DATE '2025-07-01'").Value);
        Assert.Equal(new DateTime(1969, 12, 31), SelectOne("SELECT DATE '1969-12-31'").Value);
        Assert.Equal(new DateTime(2024, 2, 29, 13, 45, 30, 123).AddTicks(4560), SelectOne("SELECT TIMESTAMP '2024-02-29 13:45:30.123456'").Value);
    }

    [Fact]
    public void Vietnamese_text_round_trips_exactly_through_parameters_and_tables()
    {
        string[] samples =
        [
            "Thành phố Hồ Chí Minh",
            "Xã Ia Mơ",
            "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi (chiều cao/tuổi)",
            "Đặc khu Phú Quốc",
            string.Empty,
            "ngắn",
            "đúng mười hai",
        ];
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (s VARCHAR)";
            create.ExecuteNonQuery();
        }

        foreach (var sample in samples)
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO t VALUES ($s)";
            insert.Parameters.Add(new DuckDbParameter("s", sample));
            Assert.Equal(1, insert.ExecuteNonQuery());
        }

        using var select = connection.CreateCommand();
        select.CommandText = "SELECT s FROM t";
        using var reader = select.ExecuteReader();
        var read = new List<string>();
        while (reader.Read())
        {
            read.Add(reader.GetString(0));
        }

        Assert.Equal(samples, read);
    }

    [Fact]
    public void Null_is_dbnull_for_every_type()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT NULL::BOOLEAN, NULL::BIGINT, NULL::HUGEINT, NULL::DOUBLE, NULL::DECIMAL(10,2), NULL::VARCHAR, NULL::DATE, NULL::TIMESTAMP, NULL";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        for (var i = 0; i < reader.FieldCount; i++)
        {
            Assert.True(reader.IsDBNull(i), $"column {i}");
            Assert.Equal(DBNull.Value, reader.GetValue(i));
        }
    }

    [Fact]
    public void Typed_getters_widen_and_convert()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 42::INTEGER AS i, SUM(x) AS h, DATE '2022-12-31' AS d FROM (VALUES (1), (2)) t(x)";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(42L, reader.GetInt64(0));
        Assert.Equal(3L, reader.GetInt64(1));
        Assert.Equal(3m, reader.GetDecimal(1));
        Assert.Equal(new DateOnly(2022, 12, 31), reader.GetFieldValue<DateOnly>(2));
        Assert.Equal(1, reader.GetOrdinal("h"));
    }

    [Fact]
    public void Results_span_many_chunks()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT i, 'row ' || i FROM range(10000) r(i)";
        using var reader = command.ExecuteReader();
        var count = 0L;
        while (reader.Read())
        {
            Assert.Equal(count, reader.GetInt64(0));
            Assert.Equal($"row {count}", reader.GetString(1));
            count++;
        }

        Assert.Equal(10000, count);
    }

    [Fact]
    public void Every_parameter_type_binds()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT $b, $i8, $i16, $i32, $i64, $h, $big, $d, $dec, $s, $date, $ts";
        command.Parameters.Add("b", true);
        command.Parameters.Add("i8", (sbyte)-5);
        command.Parameters.Add("i16", (short)-300);
        command.Parameters.Add("i32", 70000);
        command.Parameters.Add("i64", 5_000_000_000L);
        command.Parameters.Add("h", (Int128)long.MaxValue * 10);
        command.Parameters.Add("big", new BigInteger(12345));
        command.Parameters.Add("d", 2.5);
        command.Parameters.Add("dec", 95.05m);
        command.Parameters.Add("s", "Bạc Liêu");
        command.Parameters.Add("date", new DateOnly(2025, 6, 30));
        command.Parameters.Add("ts", new DateTime(2025, 7, 1, 8, 30, 0));
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.True(reader.GetBoolean(0));
        Assert.Equal(-5L, reader.GetInt64(1));
        Assert.Equal(-300L, reader.GetInt64(2));
        Assert.Equal(70000L, reader.GetInt64(3));
        Assert.Equal(5_000_000_000L, reader.GetInt64(4));
        Assert.Equal((Int128)long.MaxValue * 10, reader.GetFieldValue<Int128>(5));
        Assert.Equal(12345L, reader.GetInt64(6));
        Assert.Equal(2.5, reader.GetDouble(7));
        Assert.Equal(95.05m, reader.GetDecimal(8));
        Assert.Equal("Bạc Liêu", reader.GetString(9));
        Assert.Equal(new DateTime(2025, 6, 30), reader.GetDateTime(10));
        Assert.Equal(new DateTime(2025, 7, 1, 8, 30, 0), reader.GetDateTime(11));
    }
}
