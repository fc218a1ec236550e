using System.Data;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace Ntm.Warehouse.DuckDb;

/// <summary>Binds .NET values to the parameters of a prepared statement.</summary>
internal static unsafe class ParameterBinder
{
    private static readonly DateTime Epoch = DateTime.UnixEpoch;

    /// <summary>Binds every parameter the statement names, by name or by position.</summary>
    public static void BindAll(PreparedStatementHandle statement, DuckDbParameterCollection parameters)
    {
        var stmt = statement.DangerousGetHandle();
        _ = NativeMethods.duckdb_clear_bindings(stmt);
        var count = NativeMethods.duckdb_nparams(stmt);
        for (ulong index = 1; index <= count; index++)
        {
            var namePtr = NativeMethods.duckdb_parameter_name(stmt, index);
            var name = NativeMethods.ReadUtf8(namePtr) ?? string.Empty;
            NativeMethods.duckdb_free(namePtr);

            DuckDbParameter parameter;
            if (int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var position))
            {
                if (position < 1 || position > parameters.Count)
                {
                    throw new DuckDbException($"The statement uses parameter ${position}, but the command has {parameters.Count} parameter(s).");
                }

                parameter = parameters.At(position - 1);
            }
            else
            {
                var found = parameters.IndexOf(name);
                if (found < 0)
                {
                    throw new DuckDbException($"No value was given for parameter ${name}.");
                }

                parameter = parameters.At(found);
            }

            Bind(stmt, index, parameter);
        }
    }

    private static void Bind(IntPtr stmt, ulong index, DuckDbParameter parameter)
    {
        var state = parameter.Value switch
        {
            null or DBNull => NativeMethods.duckdb_bind_null(stmt, index),
            bool v => NativeMethods.duckdb_bind_boolean(stmt, index, v),
            sbyte v => NativeMethods.duckdb_bind_int8(stmt, index, v),
            byte v => NativeMethods.duckdb_bind_uint8(stmt, index, v),
            short v => NativeMethods.duckdb_bind_int16(stmt, index, v),
            ushort v => NativeMethods.duckdb_bind_uint16(stmt, index, v),
            int v => NativeMethods.duckdb_bind_int32(stmt, index, v),
            uint v => NativeMethods.duckdb_bind_uint32(stmt, index, v),
            long v => NativeMethods.duckdb_bind_int64(stmt, index, v),
            ulong v => NativeMethods.duckdb_bind_uint64(stmt, index, v),
            Int128 v => NativeMethods.duckdb_bind_hugeint(stmt, index, new DuckDbHugeInt(v)),
            BigInteger v => NativeMethods.duckdb_bind_hugeint(stmt, index, new DuckDbHugeInt((Int128)v)),
            float v => NativeMethods.duckdb_bind_float(stmt, index, v),
            double v => NativeMethods.duckdb_bind_double(stmt, index, v),
            decimal v => NativeMethods.duckdb_bind_decimal(stmt, index, ToDuckDbDecimal(v)),
            string v => BindText(stmt, index, v),
            char v => BindText(stmt, index, v.ToString()),
            Guid v => BindText(stmt, index, v.ToString()),
            DateOnly v => NativeMethods.duckdb_bind_date(stmt, index, ToDays(v)),
            DateTime v when parameter.HasExplicitDbType && parameter.DbType == DbType.Date =>
                NativeMethods.duckdb_bind_date(stmt, index, ToDays(DateOnly.FromDateTime(v))),
            DateTime v => NativeMethods.duckdb_bind_timestamp(stmt, index, ToMicros(v)),
            DateTimeOffset v => NativeMethods.duckdb_bind_timestamp(stmt, index, ToMicros(v.UtcDateTime)),
            byte[] v => BindBlob(stmt, index, v),
            Enum v => NativeMethods.duckdb_bind_int64(stmt, index, Convert.ToInt64(v, CultureInfo.InvariantCulture)),
            var other => throw new DuckDbException(
                $"Parameter {parameter.ParameterName} has a value of type {other.GetType().Name}, which cannot be passed to DuckDB."),
        };

        if (state != NativeMethods.Success)
        {
            throw new DuckDbException($"DuckDB refused the value of parameter {parameter.ParameterName} ({parameter.Value}).");
        }
    }

    /// <summary>Days since 1970-01-01, DuckDB's DATE representation.</summary>
    internal static int ToDays(DateOnly date) => date.DayNumber - DateOnly.FromDateTime(Epoch).DayNumber;

    /// <summary>Microseconds since 1970-01-01 00:00, DuckDB's TIMESTAMP representation.</summary>
    internal static long ToMicros(DateTime value) => (value.Ticks - Epoch.Ticks) / (TimeSpan.TicksPerMillisecond / 1000);

    /// <summary>A .NET decimal as DuckDB's DECIMAL(38, scale): the unscaled integer and its scale.</summary>
    internal static DuckDbDecimal ToDuckDbDecimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (byte)((bits[3] >> 16) & 0xFF);
        var negative = bits[3] < 0;
        var magnitude = ((Int128)(uint)bits[2] << 64) | ((Int128)(uint)bits[1] << 32) | (uint)bits[0];
        return new DuckDbDecimal { Width = 38, Scale = scale, Value = new DuckDbHugeInt(negative ? -magnitude : magnitude) };
    }

    private static int BindText(IntPtr stmt, ulong index, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        fixed (byte* p = bytes)
        {
            return NativeMethods.duckdb_bind_varchar_length(stmt, index, p, (ulong)bytes.Length);
        }
    }

    private static int BindBlob(IntPtr stmt, ulong index, byte[] value)
    {
        fixed (byte* p = value)
        {
            return NativeMethods.duckdb_bind_blob(stmt, index, p, (ulong)value.Length);
        }
    }
}
