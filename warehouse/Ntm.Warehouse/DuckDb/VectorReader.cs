using System.Text;

namespace Ntm.Warehouse.DuckDb;

/// <summary>
/// Decodes one value from a DuckDB result vector. Layouts follow the C API: fixed-width values
/// in native order, strings as 16-byte <c>duckdb_string_t</c> (inlined up to 12 bytes).
/// </summary>
internal static unsafe class VectorReader
{
    private const int StringInlineLength = 12;
    private static readonly long EpochTicks = DateTime.UnixEpoch.Ticks;

    public static bool IsValid(ulong* validity, int row) =>
        validity == null || (validity[row >> 6] & (1UL << (row & 63))) != 0;

    public static object Read(ColumnInfo column, void* data, int row) => column.Type switch
    {
        DuckDbType.Boolean => ((byte*)data)[row] != 0,
        DuckDbType.TinyInt => ((sbyte*)data)[row],
        DuckDbType.SmallInt => ((short*)data)[row],
        DuckDbType.Integer => ((int*)data)[row],
        DuckDbType.BigInt => ((long*)data)[row],
        DuckDbType.UTinyInt => ((byte*)data)[row],
        DuckDbType.USmallInt => ((ushort*)data)[row],
        DuckDbType.UInteger => ((uint*)data)[row],
        DuckDbType.UBigInt => ((ulong*)data)[row],
        DuckDbType.HugeInt => ToDecimal(ReadHugeInt(data, row), 0, column.Name),
        DuckDbType.UHugeInt => new UInt128(((ulong*)data)[(2 * row) + 1], ((ulong*)data)[2 * row]),
        DuckDbType.Float => ((float*)data)[row],
        DuckDbType.Double => ((double*)data)[row],
        DuckDbType.Decimal => ReadDecimal(column, data, row),
        DuckDbType.Varchar => ReadString(data, row),
        DuckDbType.Blob => ReadBlob(data, row),
        DuckDbType.Date => ReadDate(data, row),
        DuckDbType.Timestamp or DuckDbType.TimestampTz => FromMicros(((long*)data)[row]),
        DuckDbType.TimestampS => FromMicros(((long*)data)[row] * 1_000_000),
        DuckDbType.TimestampMs => FromMicros(((long*)data)[row] * 1_000),
        DuckDbType.TimestampNs => new DateTime(EpochTicks + (((long*)data)[row] / 100), DateTimeKind.Unspecified),
        DuckDbType.Time => TimeSpan.FromTicks(((long*)data)[row] * 10),
        _ => throw new NotSupportedException(
            $"Column '{column.Name}' has DuckDB type {column.SqlTypeName}, which this provider does not read; CAST it to VARCHAR in the query."),
    };

    public static Int128 ReadHugeInt(void* data, int row)
    {
        var parts = (ulong*)data + (2 * row);
        return new Int128(parts[1], parts[0]);
    }

    public static string ReadString(void* data, int row)
    {
        var pointer = StringSpan(data, row, out var length);
        return Encoding.UTF8.GetString(pointer, length);
    }

    public static decimal ReadDecimal(ColumnInfo column, void* data, int row)
    {
        Int128 unscaled = column.DecimalStorage switch
        {
            DuckDbType.SmallInt => ((short*)data)[row],
            DuckDbType.Integer => ((int*)data)[row],
            DuckDbType.BigInt => ((long*)data)[row],
            _ => ReadHugeInt(data, row),
        };
        return ToDecimal(unscaled, column.Scale, column.Name);
    }

    /// <summary>Builds a decimal from DuckDB's unscaled integer without going through floating point.</summary>
    internal static decimal ToDecimal(Int128 unscaled, int scale, string columnName)
    {
        var negative = unscaled < 0;
        var magnitude = (UInt128)(negative ? -unscaled : unscaled);
        while (scale > 28 || magnitude >> 96 != 0)
        {
            if (scale == 0)
            {
                throw new OverflowException($"The value in column '{columnName}' does not fit in a .NET decimal; read it with GetFieldValue<Int128>().");
            }

            // Dropping a digit of the fraction; DuckDB's widest DECIMAL can exceed .NET's 96 bits.
            magnitude /= 10;
            scale--;
        }

        var low = (int)(uint)(magnitude & uint.MaxValue);
        var mid = (int)(uint)((magnitude >> 32) & uint.MaxValue);
        var high = (int)(uint)((magnitude >> 64) & uint.MaxValue);
        return new decimal(low, mid, high, negative, (byte)scale);
    }

    private static DateTime ReadDate(void* data, int row) =>
        DateTime.UnixEpoch.AddDays(((int*)data)[row]);

    private static DateTime FromMicros(long micros) =>
        new(EpochTicks + (micros * 10), DateTimeKind.Unspecified);

    private static byte[] ReadBlob(void* data, int row)
    {
        var pointer = StringSpan(data, row, out var length);
        return new ReadOnlySpan<byte>(pointer, length).ToArray();
    }

    private static byte* StringSpan(void* data, int row, out int length)
    {
        var entry = (byte*)data + (16 * row);
        length = *(int*)entry;
        return length <= StringInlineLength ? entry + 4 : *(byte**)(entry + 8);
    }
}
