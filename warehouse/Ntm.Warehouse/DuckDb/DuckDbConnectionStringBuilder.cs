using System.Data.Common;
using System.Globalization;

namespace Ntm.Warehouse.DuckDb;

/// <summary>
/// Connection string for <see cref="DuckDbConnection"/>: <c>Data Source=path;Read Only=true</c>.
/// Any other key is passed to DuckDB as a configuration option (for example <c>threads=2</c>).
/// </summary>
public sealed class DuckDbConnectionStringBuilder : DbConnectionStringBuilder
{
    private const string DataSourceKey = "Data Source";
    private const string ReadOnlyKey = "Read Only";

    /// <summary>Creates an empty builder.</summary>
    public DuckDbConnectionStringBuilder()
    {
    }

    /// <summary>Creates a builder from an existing connection string.</summary>
    public DuckDbConnectionStringBuilder(string connectionString) => ConnectionString = connectionString;

    /// <summary>The database file, or <c>:memory:</c>.</summary>
    public string DataSource
    {
        get => TryGet(DataSourceKey) ?? TryGet("DataSource") ?? TryGet("Database") ?? ":memory:";
        set => this[DataSourceKey] = value;
    }

    /// <summary>Opens the file in DuckDB's read-only access mode: statements that write are refused.</summary>
    public bool ReadOnly
    {
        get => TryGet(ReadOnlyKey) is { } text && bool.Parse(text);
        set => this[ReadOnlyKey] = value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The keys that are not the provider's own, passed to DuckDB as configuration options.</summary>
    internal IReadOnlyDictionary<string, string> DuckDbOptions
    {
        get
        {
            var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (string key in Keys)
            {
                if (key.Equals(DataSourceKey, StringComparison.OrdinalIgnoreCase)
                    || key.Equals("DataSource", StringComparison.OrdinalIgnoreCase)
                    || key.Equals("Database", StringComparison.OrdinalIgnoreCase)
                    || key.Equals(ReadOnlyKey, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                options[key] = Convert.ToString(this[key], CultureInfo.InvariantCulture) ?? string.Empty;
            }

            return options;
        }
    }

    private string? TryGet(string key) =>
        TryGetValue(key, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;
}
