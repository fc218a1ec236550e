using System.Text;

namespace Ntm.Warehouse.DuckDb;

/// <summary>
/// Bulk loads rows into a table through DuckDB's appender. Rows are written straight into a data
/// chunk's vectors and handed to DuckDB 2,048 at a time, which is what makes bulk loads fast.
/// Every value is checked against the column's type before it is written: a mismatch throws
/// rather than silently converting. Wrap the load in a transaction to make it all-or-nothing.
/// </summary>
public sealed unsafe class DuckDbAppender : IDisposable
{
    private readonly DuckDbConnection connection;
    private readonly string table;
    private readonly AppenderHandle appender;
    private readonly AppenderColumn[] columns;
    private readonly DataChunkHandle chunk;
    private readonly int capacity;
    private byte[] textBuffer = new byte[256];
    private int rowInChunk;
    private int column;
    private bool inRow;
    private bool closed;

    internal DuckDbAppender(DuckDbConnection connection, string? schema, string table)
    {
        if (connection.IsReadOnly)
        {
            throw new DuckDbException("The connection is read-only: the appender is refused.");
        }

        this.connection = connection;
        this.table = table;
        var native = connection.Native.DangerousGetHandle();
        if (NativeMethods.duckdb_appender_create(native, schema, table, out var handle) != NativeMethods.Success)
        {
            var message = NativeMethods.ReadUtf8(NativeMethods.duckdb_appender_error(handle)) ?? $"DuckDB cannot append to {table}.";
            NativeMethods.duckdb_appender_destroy(ref handle);
            throw new DuckDbException(message);
        }

        appender = new AppenderHandle(handle);
        connection.Own(appender);
        var count = (int)NativeMethods.duckdb_appender_column_count(handle);
        columns = new AppenderColumn[count];
        var types = stackalloc IntPtr[count];
        try
        {
            for (var i = 0; i < count; i++)
            {
                types[i] = NativeMethods.duckdb_appender_column_type(handle, (ulong)i);
                var type = NativeMethods.duckdb_get_type_id(types[i]);
                columns[i] = type == DuckDbType.Decimal
                    ? new AppenderColumn(type, NativeMethods.duckdb_decimal_scale(types[i]), NativeMethods.duckdb_decimal_internal_type(types[i]))
                    : new AppenderColumn(type, 0, DuckDbType.Invalid);
                if (!AppenderColumn.Supported(type))
                {
                    throw new DuckDbException($"Column {i + 1} of {table} has type {type.ToString().ToUpperInvariant()}, which the appender does not write.");
                }
            }

            chunk = new DataChunkHandle(NativeMethods.duckdb_create_data_chunk(types, (ulong)count));
            connection.Own(chunk);
        }
        catch
        {
            appender.Dispose();
            throw;
        }
        finally
        {
            for (var i = 0; i < count; i++)
            {
                if (types[i] != IntPtr.Zero)
                {
                    NativeMethods.duckdb_destroy_logical_type(ref types[i]);
                }
            }
        }

        capacity = (int)NativeMethods.duckdb_vector_size();
        MapVectors();
    }

    /// <summary>Rows appended so far, including those still buffered.</summary>
    public long RowCount { get; private set; }

    /// <summary>Starts a row; call the <c>Append</c> methods once per column in table order, then <see cref="EndRow"/>.</summary>
    public DuckDbAppender BeginRow()
    {
        ObjectDisposedException.ThrowIf(closed, this);
        if (inRow)
        {
            throw new InvalidOperationException("The previous row was not ended.");
        }

        inRow = true;
        column = 0;
        return this;
    }

    /// <summary>Appends SQL NULL.</summary>
    public DuckDbAppender AppendNull()
    {
        var target = Next("NULL");
        NativeMethods.duckdb_vector_ensure_validity_writable(target.Vector);
        target.Validity = NativeMethods.duckdb_vector_get_validity(target.Vector);
        target.Validity[rowInChunk >> 6] &= ~(1UL << (rowInChunk & 63));
        return this;
    }

    /// <summary>Appends a BOOLEAN.</summary>
    public DuckDbAppender Append(bool value)
    {
        var target = Expect("Boolean", DuckDbType.Boolean);
        ((byte*)target.Data)[rowInChunk] = value ? (byte)1 : (byte)0;
        return this;
    }

    /// <summary>Appends an integer to any integer, DECIMAL or DOUBLE column it fits in.</summary>
    public DuckDbAppender Append(long value)
    {
        var target = Next("Int64");
        switch (target.Type)
        {
            case DuckDbType.TinyInt: ((sbyte*)target.Data)[rowInChunk] = checked((sbyte)value); break;
            case DuckDbType.SmallInt: ((short*)target.Data)[rowInChunk] = checked((short)value); break;
            case DuckDbType.Integer: ((int*)target.Data)[rowInChunk] = checked((int)value); break;
            case DuckDbType.BigInt: ((long*)target.Data)[rowInChunk] = value; break;
            case DuckDbType.HugeInt: ((DuckDbHugeInt*)target.Data)[rowInChunk] = new DuckDbHugeInt(value); break;
            case DuckDbType.Double: ((double*)target.Data)[rowInChunk] = value; break;
            case DuckDbType.Decimal: WriteDecimal(target, value); break;
            default: throw Mismatch(target, "Int64");
        }

        return this;
    }

    /// <summary>Appends an integer (see <see cref="Append(long)"/>).</summary>
    public DuckDbAppender Append(int value) => Append((long)value);

    /// <summary>Appends a HUGEINT.</summary>
    public DuckDbAppender Append(Int128 value)
    {
        var target = Expect("Int128", DuckDbType.HugeInt);
        ((DuckDbHugeInt*)target.Data)[rowInChunk] = new DuckDbHugeInt(value);
        return this;
    }

    /// <summary>Appends a DOUBLE (or FLOAT).</summary>
    public DuckDbAppender Append(double value)
    {
        var target = Next("Double");
        switch (target.Type)
        {
            case DuckDbType.Double: ((double*)target.Data)[rowInChunk] = value; break;
            case DuckDbType.Float: ((float*)target.Data)[rowInChunk] = (float)value; break;
            default: throw Mismatch(target, "Double");
        }

        return this;
    }

    /// <summary>Appends a decimal to a DECIMAL column (exactly; too many digits throw) or a DOUBLE column.</summary>
    public DuckDbAppender Append(decimal value)
    {
        var target = Next("Decimal");
        switch (target.Type)
        {
            case DuckDbType.Decimal: WriteDecimal(target, value); break;
            case DuckDbType.Double: ((double*)target.Data)[rowInChunk] = (double)value; break;
            default: throw Mismatch(target, "Decimal");
        }

        return this;
    }

    /// <summary>Appends text to a VARCHAR column; <c>null</c> appends NULL.</summary>
    public DuckDbAppender Append(string? value)
    {
        if (value is null)
        {
            return AppendNull();
        }

        var target = Expect("String", DuckDbType.Varchar);
        var needed = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (needed > textBuffer.Length)
        {
            textBuffer = new byte[Math.Max(needed, textBuffer.Length * 2)];
        }

        var length = Encoding.UTF8.GetBytes(value, textBuffer);
        fixed (byte* bytes = textBuffer)
        {
            NativeMethods.duckdb_vector_assign_string_element_len(target.Vector, (ulong)rowInChunk, bytes, (ulong)length);
        }

        return this;
    }

    /// <summary>Appends a DATE.</summary>
    public DuckDbAppender Append(DateOnly value)
    {
        var target = Expect("DateOnly", DuckDbType.Date);
        ((int*)target.Data)[rowInChunk] = ParameterBinder.ToDays(value);
        return this;
    }

    /// <summary>Appends a TIMESTAMP, or a DATE when the time of day is midnight.</summary>
    public DuckDbAppender Append(DateTime value)
    {
        var target = Next("DateTime");
        switch (target.Type)
        {
            case DuckDbType.Timestamp: ((long*)target.Data)[rowInChunk] = ParameterBinder.ToMicros(value); break;
            case DuckDbType.Date when value.TimeOfDay == TimeSpan.Zero:
                ((int*)target.Data)[rowInChunk] = ParameterBinder.ToDays(DateOnly.FromDateTime(value)); break;
            default: throw Mismatch(target, "DateTime");
        }

        return this;
    }

    /// <summary>Appends an integer, or NULL.</summary>
    public DuckDbAppender AppendNullable(long? value) => value is { } v ? Append(v) : AppendNull();

    /// <summary>Appends an integer, or NULL.</summary>
    public DuckDbAppender AppendNullable(int? value) => value is { } v ? Append(v) : AppendNull();

    /// <summary>Appends a double, or NULL.</summary>
    public DuckDbAppender AppendNullable(double? value) => value is { } v ? Append(v) : AppendNull();

    /// <summary>Appends a decimal, or NULL.</summary>
    public DuckDbAppender AppendNullable(decimal? value) => value is { } v ? Append(v) : AppendNull();

    /// <summary>Appends a date, or NULL.</summary>
    public DuckDbAppender AppendNullable(DateOnly? value) => value is { } v ? Append(v) : AppendNull();

    /// <summary>Ends the row; every column must have been given a value.</summary>
    public void EndRow()
    {
        if (!inRow)
        {
            throw new InvalidOperationException("EndRow without BeginRow.");
        }

        if (column != columns.Length)
        {
            throw new DuckDbException($"A row for {table} got {column} value(s); the table has {columns.Length} column(s).");
        }

        inRow = false;
        rowInChunk++;
        RowCount++;
        if (rowInChunk == capacity)
        {
            FlushChunk();
        }
    }

    /// <summary>Hands buffered rows to DuckDB and flushes them into the table.</summary>
    public void Flush()
    {
        ObjectDisposedException.ThrowIf(closed, this);
        FlushChunk();
        Check(NativeMethods.duckdb_appender_flush(appender.DangerousGetHandle()));
    }

    /// <summary>Flushes and closes the appender. Also done by <see cref="Dispose"/>.</summary>
    public void Close()
    {
        if (closed)
        {
            return;
        }

        closed = true;
        try
        {
            if (inRow)
            {
                throw new DuckDbException($"The appender for {table} was closed in the middle of a row.");
            }

            FlushChunk();
            Check(NativeMethods.duckdb_appender_close(appender.DangerousGetHandle()));
        }
        finally
        {
            chunk.Dispose();
            appender.Dispose();
        }
    }

    /// <summary>
    /// Closes the appender. A row left half-written (because appending a value threw) is dropped,
    /// so the original error is the one the caller sees; complete rows are flushed.
    /// </summary>
    public void Dispose()
    {
        inRow = false;
        Close();
    }

    private static DuckDbException Mismatch(AppenderColumn target, string given) =>
        new($"Column {target.Index + 1} is {target.Type.ToString().ToUpperInvariant()}; a {given} value cannot be appended to it.");

    private void FlushChunk()
    {
        if (rowInChunk == 0)
        {
            return;
        }

        var handle = chunk.DangerousGetHandle();
        NativeMethods.duckdb_data_chunk_set_size(handle, (ulong)rowInChunk);
        Check(NativeMethods.duckdb_append_data_chunk(appender.DangerousGetHandle(), handle));
        NativeMethods.duckdb_data_chunk_reset(handle);
        rowInChunk = 0;
        MapVectors();
    }

    private void MapVectors()
    {
        var handle = chunk.DangerousGetHandle();
        for (var i = 0; i < columns.Length; i++)
        {
            var vector = NativeMethods.duckdb_data_chunk_get_vector(handle, (ulong)i);
            columns[i].Index = i;
            columns[i].Vector = vector;
            columns[i].Data = NativeMethods.duckdb_vector_get_data(vector);
            columns[i].Validity = null;
        }
    }

    private AppenderColumn Next(string given)
    {
        ObjectDisposedException.ThrowIf(closed, this);
        if (!inRow)
        {
            throw new InvalidOperationException("Call BeginRow before appending values.");
        }

        if (column >= columns.Length)
        {
            throw new DuckDbException($"Too many values for a row of {table}: it has {columns.Length} column(s); got a {given} value after them.");
        }

        return columns[column++];
    }

    private AppenderColumn Expect(string given, DuckDbType type)
    {
        var target = Next(given);
        return target.Type == type ? target : throw Mismatch(target, given);
    }

    private void WriteDecimal(AppenderColumn target, decimal value)
    {
        var rounded = decimal.Round(value, target.Scale);
        if (rounded != value)
        {
            throw new DuckDbException($"Column {target.Index + 1} keeps {target.Scale} decimal place(s); {value} would lose digits.");
        }

        Int128 unscaled = ParameterBinder.ToDuckDbDecimal(value).Value.ToInt128();
        var valueScale = ParameterBinder.ToDuckDbDecimal(value).Scale;
        for (var s = valueScale; s < target.Scale; s++)
        {
            unscaled *= 10;
        }

        for (var s = valueScale; s > target.Scale; s--)
        {
            unscaled /= 10;
        }

        switch (target.DecimalStorage)
        {
            case DuckDbType.SmallInt: ((short*)target.Data)[rowInChunk] = checked((short)unscaled); break;
            case DuckDbType.Integer: ((int*)target.Data)[rowInChunk] = checked((int)unscaled); break;
            case DuckDbType.BigInt: ((long*)target.Data)[rowInChunk] = checked((long)unscaled); break;
            default: ((DuckDbHugeInt*)target.Data)[rowInChunk] = new DuckDbHugeInt(unscaled); break;
        }
    }

    private void Check(int state)
    {
        if (state != NativeMethods.Success)
        {
            throw new DuckDbException(NativeMethods.ReadUtf8(NativeMethods.duckdb_appender_error(appender.DangerousGetHandle()))
                ?? $"DuckDB refused rows appended to {table}.");
        }
    }

    /// <summary>Where one column's values go in the current chunk.</summary>
    private sealed class AppenderColumn(DuckDbType type, byte scale, DuckDbType decimalStorage)
    {
        public DuckDbType Type { get; } = type;

        public byte Scale { get; } = scale;

        public DuckDbType DecimalStorage { get; } = decimalStorage;

        public int Index { get; set; }

        public IntPtr Vector { get; set; }

        public void* Data { get; set; }

        public ulong* Validity { get; set; }

        public static bool Supported(DuckDbType type) => type is DuckDbType.Boolean or DuckDbType.TinyInt or DuckDbType.SmallInt
            or DuckDbType.Integer or DuckDbType.BigInt or DuckDbType.HugeInt or DuckDbType.Float or DuckDbType.Double
            or DuckDbType.Decimal or DuckDbType.Varchar or DuckDbType.Date or DuckDbType.Timestamp;
    }
}
