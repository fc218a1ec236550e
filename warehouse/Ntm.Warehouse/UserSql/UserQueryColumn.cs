namespace Ntm.Warehouse.UserSql;

/// <summary>How a column's values are printed.</summary>
public enum UserValueKind
{
    /// <summary>Text.</summary>
    Text,

    /// <summary>A number (JSON number, right-aligned); very large ones arrive as their exact text.</summary>
    Number,

    /// <summary>true / false.</summary>
    Boolean,

    /// <summary>A nested value (LIST, STRUCT, MAP, ARRAY, UNION) rendered by DuckDB as JSON text.</summary>
    Json,
}

/// <summary>A column of a user's query: its name, DuckDB's type and how it prints.</summary>
public sealed record UserQueryColumn(string Name, string DuckDbType, UserValueKind Kind);
