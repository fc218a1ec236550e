namespace Ntm.Warehouse.DuckDb;

/// <summary>A result column: its name, DuckDB type and, for DECIMAL, scale and storage type.</summary>
internal sealed record ColumnInfo(string Name, DuckDbType Type, byte Scale, DuckDbType DecimalStorage)
{
    /// <summary>The .NET type <see cref="DuckDbDataReader.GetValue"/> returns for this column.</summary>
    public Type ClrType => Type switch
    {
        DuckDbType.Boolean => typeof(bool),
        DuckDbType.TinyInt => typeof(sbyte),
        DuckDbType.SmallInt => typeof(short),
        DuckDbType.Integer => typeof(int),
        DuckDbType.BigInt => typeof(long),
        DuckDbType.UTinyInt => typeof(byte),
        DuckDbType.USmallInt => typeof(ushort),
        DuckDbType.UInteger => typeof(uint),
        DuckDbType.UBigInt => typeof(ulong),
        // HUGEINT is what SUM of integers returns: decimal holds any realistic sum exactly and, unlike
        // Int128, converts (IConvertible) as Dapper expects, so ExecuteScalar<long>("SELECT sum(…)") works.
        DuckDbType.HugeInt => typeof(decimal),
        DuckDbType.UHugeInt => typeof(UInt128),
        DuckDbType.Float => typeof(float),
        DuckDbType.Double => typeof(double),
        DuckDbType.Decimal => typeof(decimal),
        DuckDbType.Varchar => typeof(string),
        DuckDbType.Blob => typeof(byte[]),
        DuckDbType.Date => typeof(DateTime),
        DuckDbType.Timestamp or DuckDbType.TimestampS or DuckDbType.TimestampMs or DuckDbType.TimestampNs or DuckDbType.TimestampTz => typeof(DateTime),
        DuckDbType.Time => typeof(TimeSpan),
        _ => typeof(object),
    };

    /// <summary>The SQL name of the type, as a user would write it.</summary>
    public string SqlTypeName => Type switch
    {
        DuckDbType.Varchar => "VARCHAR",
        DuckDbType.HugeInt => "HUGEINT",
        DuckDbType.SqlNull => "NULL",
        _ => Type.ToString().ToUpperInvariant(),
    };
}
