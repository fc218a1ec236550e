using DuckDB.NET.Data;

namespace Ntm.Warehouse;

/// <summary>
/// Opens connections to the warehouse file (DuckDB, through DuckDB.NET): one writing process at a
/// time, read-only readers, and a sandboxed connection for SQL a user types. This is the one place
/// that knows how the file is opened; everything above it works with ADO.NET and Dapper.
/// </summary>
public sealed class WarehouseDatabase(string path)
{
    /// <summary>
    /// What a user's SQL runs under, set by DuckDB itself when the file is opened and then locked:
    /// the file cannot be written, no other file or URL can be read or written, no extension can be
    /// installed or loaded from outside, and no setting can be changed by the SQL.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> SandboxSettings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["access_mode"] = "READ_ONLY",
        ["enable_external_access"] = "false",
        ["autoinstall_known_extensions"] = "false",
        ["autoload_known_extensions"] = "false",
        ["allow_community_extensions"] = "false",
        ["allow_unsigned_extensions"] = "false",
        ["lock_configuration"] = "true",
    };

    /// <summary>The warehouse file.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>True when the warehouse file exists.</summary>
    public bool Exists => File.Exists(Path);

    /// <summary>
    /// Opens the warehouse for writing, creating the file if needed. Throws
    /// <see cref="WarehouseBusyException"/> when another process holds it.
    /// </summary>
    public DuckDBConnection OpenForWriting() => Open(new Dictionary<string, string>());

    /// <summary>Opens the warehouse read-only, for the product's own queries.</summary>
    public DuckDBConnection OpenReadOnly()
    {
        EnsureExists();
        return Open(new Dictionary<string, string> { ["access_mode"] = "READ_ONLY" });
    }

    /// <summary>
    /// Opens the warehouse for SQL a user typed, under <see cref="SandboxSettings"/>, and checks
    /// with DuckDB that they are in force (a connection of this process that already writes would
    /// otherwise be shared): when they are not, the connection is refused.
    /// </summary>
    public DuckDBConnection OpenSandboxed()
    {
        EnsureExists();
        var connection = Open(SandboxSettings);
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT current_setting('access_mode') = 'read_only' AND NOT current_setting('enable_external_access') AND current_setting('lock_configuration')";
            if (command.ExecuteScalar() is not true)
            {
                throw new InvalidOperationException($"The warehouse {Path} is already open for writing in this process; a sandboxed connection cannot be made beside it.");
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void EnsureExists()
    {
        if (!Exists)
        {
            throw new WarehouseNotInitializedException(Path);
        }
    }

    private DuckDBConnection Open(IReadOnlyDictionary<string, string> settings)
    {
        var builder = new DuckDBConnectionStringBuilder { DataSource = Path };
        foreach (var (key, value) in settings)
        {
            builder[key] = value;
        }

        var connection = new DuckDBConnection(builder.ConnectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch (DuckDBException ex) when (WarehouseBusyException.IsLockConflict(ex))
        {
            connection.Dispose();
            throw WarehouseBusyException.For(Path, ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
