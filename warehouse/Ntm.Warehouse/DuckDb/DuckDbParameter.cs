using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Ntm.Warehouse.DuckDb;

/// <summary>
/// A parameter of a <see cref="DuckDbCommand"/>. In SQL, name it <c>$name</c> (DuckDB) or
/// <c>@name</c> (as on SQL Server), or use <c>?</c>/<c>$1</c> positionally.
/// </summary>
public sealed class DuckDbParameter : DbParameter
{
    private string parameterName = string.Empty;
    private DbType? dbType;

    /// <summary>Creates an unnamed parameter.</summary>
    public DuckDbParameter()
    {
    }

    /// <summary>Creates a named parameter with a value.</summary>
    public DuckDbParameter(string name, object? value)
    {
        ParameterName = name;
        Value = value;
    }

    /// <inheritdoc />
    public override DbType DbType
    {
        get => dbType ?? InferDbType(Value);
        set => dbType = value;
    }

    /// <summary>True when <see cref="DbType"/> was set explicitly rather than inferred from the value.</summary>
    internal bool HasExplicitDbType => dbType.HasValue;

    /// <inheritdoc />
    public override ParameterDirection Direction
    {
        get => ParameterDirection.Input;
        set
        {
            if (value != ParameterDirection.Input)
            {
                throw new NotSupportedException("DuckDB parameters are input only.");
            }
        }
    }

    /// <inheritdoc />
    public override bool IsNullable { get; set; } = true;

    /// <inheritdoc />
    [AllowNull]
    public override string ParameterName
    {
        get => parameterName;
        set => parameterName = value ?? string.Empty;
    }

    /// <inheritdoc />
    public override int Size { get; set; }

    /// <inheritdoc />
    [AllowNull]
    public override string SourceColumn { get; set; } = string.Empty;

    /// <inheritdoc />
    public override bool SourceColumnNullMapping { get; set; }

    /// <inheritdoc />
    public override object? Value { get; set; }

    /// <summary>The name as DuckDB reports it: without a leading <c>$</c>, <c>@</c> or <c>:</c>.</summary>
    internal string BareName => parameterName.TrimStart('$', '@', ':');

    /// <inheritdoc />
    public override void ResetDbType() => dbType = null;

    private static DbType InferDbType(object? value) => value switch
    {
        null or DBNull => DbType.Object,
        bool => DbType.Boolean,
        sbyte => DbType.SByte,
        byte => DbType.Byte,
        short => DbType.Int16,
        ushort => DbType.UInt16,
        int => DbType.Int32,
        uint => DbType.UInt32,
        long => DbType.Int64,
        ulong => DbType.UInt64,
        float => DbType.Single,
        double => DbType.Double,
        decimal => DbType.Decimal,
        string or char => DbType.String,
        DateOnly => DbType.Date,
        DateTime => DbType.DateTime,
        DateTimeOffset => DbType.DateTimeOffset,
        byte[] => DbType.Binary,
        Guid => DbType.Guid,
        _ => DbType.Object,
    };
}
