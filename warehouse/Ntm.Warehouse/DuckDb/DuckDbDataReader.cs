using System.Collections;
using System.Data;
using System.Data.Common;
using System.Globalization;

namespace Ntm.Warehouse.DuckDb;

/// <summary>
/// Reads a DuckDB result chunk by chunk (2,048 rows at a time), decoding values straight from
/// the result vectors. Disposing the reader, or closing its connection, releases the result.
/// </summary>
public sealed unsafe class DuckDbDataReader : DbDataReader
{
    private readonly ResultHandle result;
    private readonly DuckDbConnection connection;
    private readonly CommandBehavior behavior;
    private readonly ColumnInfo[] columns;
    private readonly void*[] data;
    private readonly ulong*[] validity;
    private DataChunkHandle? chunk;
    private int chunkSize;
    private bool hasRows;
    private int row = -1;
    private bool started;
    private bool exhausted;
    private bool closed;

    internal DuckDbDataReader(ResultHandle result, DuckDbConnection connection, CommandBehavior behavior, int recordsAffected)
    {
        this.result = result;
        this.connection = connection;
        this.behavior = behavior;
        RecordsAffected = recordsAffected;
        var count = (int)NativeMethods.duckdb_column_count(result.Pointer);
        columns = new ColumnInfo[count];
        for (var i = 0; i < count; i++)
        {
            columns[i] = Describe(result, i);
        }

        data = new void*[count];
        validity = new ulong*[count];
    }

    /// <inheritdoc />
    public override int Depth => 0;

    /// <inheritdoc />
    public override int FieldCount => columns.Length;

    /// <inheritdoc />
    public override bool HasRows
    {
        get
        {
            Start();
            return hasRows;
        }
    }

    /// <inheritdoc />
    public override bool IsClosed => closed;

    /// <inheritdoc />
    public override int RecordsAffected { get; }

    /// <inheritdoc />
    public override object this[int ordinal] => GetValue(ordinal);

    /// <inheritdoc />
    public override object this[string name] => GetValue(GetOrdinal(name));

    /// <inheritdoc />
    public override bool Read()
    {
        ObjectDisposedException.ThrowIf(closed, this);
        Start();
        if (exhausted)
        {
            return false;
        }

        row++;
        while (row >= chunkSize)
        {
            LoadNextChunk();
            if (exhausted)
            {
                return false;
            }

            row = 0;
        }

        return true;
    }

    /// <inheritdoc />
    public override bool NextResult() => false;

    /// <inheritdoc />
    public override void Close()
    {
        if (closed)
        {
            return;
        }

        closed = true;
        DestroyChunk();
        result.Dispose();
        if (behavior.HasFlag(CommandBehavior.CloseConnection))
        {
            connection.Close();
        }
    }

    /// <inheritdoc />
    public override string GetName(int ordinal) => columns[ordinal].Name;

    /// <inheritdoc />
    public override int GetOrdinal(string name)
    {
        for (var i = 0; i < columns.Length; i++)
        {
            if (string.Equals(columns[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        // ADO.NET's contract (and Dapper's expectation) for an unknown column name.
#pragma warning disable CA2201
        throw new IndexOutOfRangeException($"The result has no column named '{name}'.");
#pragma warning restore CA2201
    }

    /// <inheritdoc />
    public override string GetDataTypeName(int ordinal) => columns[ordinal].SqlTypeName;

    /// <inheritdoc />
    public override Type GetFieldType(int ordinal) => columns[ordinal].ClrType;

    /// <inheritdoc />
    public override bool IsDBNull(int ordinal)
    {
        EnsureRow();
        return columns[ordinal].Type == DuckDbType.SqlNull || !VectorReader.IsValid(validity[ordinal], row);
    }

    /// <inheritdoc />
    public override object GetValue(int ordinal) =>
        IsDBNull(ordinal) ? DBNull.Value : VectorReader.Read(columns[ordinal], data[ordinal], row);

    /// <inheritdoc />
    public override int GetValues(object[] values)
    {
        var count = Math.Min(values.Length, columns.Length);
        for (var i = 0; i < count; i++)
        {
            values[i] = GetValue(i);
        }

        return count;
    }

    /// <inheritdoc />
    public override T GetFieldValue<T>(int ordinal)
    {
        if (columns[ordinal].Type == DuckDbType.HugeInt && (typeof(T) == typeof(Int128) || typeof(T) == typeof(Int128?)) && !IsDBNull(ordinal))
        {
            // The full 128-bit range, beyond what decimal holds.
            return (T)(object)VectorReader.ReadHugeInt(data[ordinal], row);
        }

        var value = GetValue(ordinal);
        if (value is T typed)
        {
            return typed;
        }

        if (value is DBNull)
        {
            if (default(T) is null)
            {
                return default!;
            }

            throw new InvalidCastException($"Column '{columns[ordinal].Name}' is NULL in this row.");
        }

        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        return (T)ConvertValue(value, target, ordinal);
    }

    /// <inheritdoc />
    public override bool GetBoolean(int ordinal) => GetFieldValue<bool>(ordinal);

    /// <inheritdoc />
    public override byte GetByte(int ordinal) => GetFieldValue<byte>(ordinal);

    /// <inheritdoc />
    public override char GetChar(int ordinal) => GetString(ordinal)[0];

    /// <inheritdoc />
    public override DateTime GetDateTime(int ordinal) => GetFieldValue<DateTime>(ordinal);

    /// <inheritdoc />
    public override decimal GetDecimal(int ordinal) => GetFieldValue<decimal>(ordinal);

    /// <inheritdoc />
    public override double GetDouble(int ordinal)
    {
        var column = columns[ordinal];
        if (column.Type == DuckDbType.Double && !IsDBNull(ordinal))
        {
            return ((double*)data[ordinal])[row];
        }

        return GetFieldValue<double>(ordinal);
    }

    /// <inheritdoc />
    public override float GetFloat(int ordinal) => GetFieldValue<float>(ordinal);

    /// <inheritdoc />
    public override Guid GetGuid(int ordinal) => Guid.Parse(GetString(ordinal));

    /// <inheritdoc />
    public override short GetInt16(int ordinal) => GetFieldValue<short>(ordinal);

    /// <inheritdoc />
    public override int GetInt32(int ordinal) => GetFieldValue<int>(ordinal);

    /// <inheritdoc />
    public override long GetInt64(int ordinal)
    {
        var column = columns[ordinal];
        if (column.Type == DuckDbType.BigInt && !IsDBNull(ordinal))
        {
            return ((long*)data[ordinal])[row];
        }

        return GetFieldValue<long>(ordinal);
    }

    /// <inheritdoc />
    public override string GetString(int ordinal)
    {
        var column = columns[ordinal];
        if (IsDBNull(ordinal))
        {
            throw new InvalidCastException($"Column '{column.Name}' is NULL in this row.");
        }

        return column.Type == DuckDbType.Varchar
            ? VectorReader.ReadString(data[ordinal], row)
            : Convert.ToString(GetValue(ordinal), CultureInfo.InvariantCulture) ?? string.Empty;
    }

    /// <inheritdoc />
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length)
    {
        var bytes = GetFieldValue<byte[]>(ordinal);
        if (buffer is null)
        {
            return bytes.Length;
        }

        var count = (int)Math.Max(0, Math.Min(length, bytes.Length - dataOffset));
        Array.Copy(bytes, dataOffset, buffer, bufferOffset, count);
        return count;
    }

    /// <inheritdoc />
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length)
    {
        var text = GetString(ordinal);
        if (buffer is null)
        {
            return text.Length;
        }

        var count = (int)Math.Max(0, Math.Min(length, text.Length - dataOffset));
        text.CopyTo((int)dataOffset, buffer, bufferOffset, count);
        return count;
    }

    /// <inheritdoc />
    public override IEnumerator GetEnumerator() => new DbEnumerator(this, closeReader: false);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Close();
        }

        base.Dispose(disposing);
    }

    private static ColumnInfo Describe(ResultHandle result, int index)
    {
        var name = NativeMethods.ReadUtf8(NativeMethods.duckdb_column_name(result.Pointer, (ulong)index)) ?? $"column{index}";
        var logical = NativeMethods.duckdb_column_logical_type(result.Pointer, (ulong)index);
        try
        {
            var type = NativeMethods.duckdb_get_type_id(logical);
            return type == DuckDbType.Decimal
                ? new ColumnInfo(name, type, NativeMethods.duckdb_decimal_scale(logical), NativeMethods.duckdb_decimal_internal_type(logical))
                : new ColumnInfo(name, type, 0, DuckDbType.Invalid);
        }
        finally
        {
            NativeMethods.duckdb_destroy_logical_type(ref logical);
        }
    }

    private object ConvertValue(object value, Type target, int ordinal)
    {
        try
        {
            return (value, target) switch
            {
                (DateTime d, _) when target == typeof(DateOnly) => DateOnly.FromDateTime(d),
                (Int128 h, _) when target == typeof(long) => checked((long)h),
                (Int128 h, _) when target == typeof(int) => checked((int)h),
                (Int128 h, _) when target == typeof(decimal) => (decimal)h,
                (Int128 h, _) when target == typeof(double) => (double)h,
                (Int128 h, _) when target == typeof(string) => h.ToString(CultureInfo.InvariantCulture),
                (_, _) when target == typeof(Int128) => Int128.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture),
                _ => Convert.ChangeType(value, target, CultureInfo.InvariantCulture),
            };
        }
        catch (Exception ex) when (ex is InvalidCastException or OverflowException or FormatException)
        {
            throw new InvalidCastException(
                $"Column '{columns[ordinal].Name}' ({columns[ordinal].SqlTypeName}) holds {value}, which cannot be read as {target.Name}.", ex);
        }
    }

    private void EnsureRow()
    {
        ObjectDisposedException.ThrowIf(closed, this);
        if (!started || exhausted || row < 0 || row >= chunkSize)
        {
            throw new InvalidOperationException("No current row: call Read() first.");
        }
    }

    /// <summary>Loads the first chunk, which also tells whether there are rows, without consuming a row.</summary>
    private void Start()
    {
        if (!started)
        {
            LoadNextChunk();
            started = true;
            hasRows = !exhausted;
        }
    }

    private void LoadNextChunk()
    {
        DestroyChunk();
        while (true)
        {
            var fetched = NativeMethods.duckdb_fetch_chunk(*result.Pointer);
            if (fetched == IntPtr.Zero)
            {
                exhausted = true;
                chunkSize = 0;
                return;
            }

            chunk = new DataChunkHandle(fetched);
            chunkSize = (int)NativeMethods.duckdb_data_chunk_get_size(fetched);
            if (chunkSize > 0)
            {
                break;
            }

            DestroyChunk();
        }

        for (var i = 0; i < columns.Length; i++)
        {
            var vector = NativeMethods.duckdb_data_chunk_get_vector(chunk.DangerousGetHandle(), (ulong)i);
            data[i] = NativeMethods.duckdb_vector_get_data(vector);
            validity[i] = NativeMethods.duckdb_vector_get_validity(vector);
        }
    }

    private void DestroyChunk()
    {
        chunk?.Dispose();
        chunk = null;
    }
}
