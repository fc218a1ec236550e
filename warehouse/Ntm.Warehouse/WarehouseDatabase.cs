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

    /// <summary>How long a writer of this process waits for the same process's readers to finish.</summary>
    public static readonly TimeSpan InProcessReaderWait = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Opens the warehouse for writing, creating the file if needed. Throws
    /// <see cref="WarehouseBusyException"/> when another process holds it, or when readers of this
    /// process keep it open read-only for longer than <see cref="InProcessReaderWait"/>.
    /// </summary>
    /// <remarks>
    /// DuckDB.NET keeps one database instance per file per process, shared by every open
    /// connection whatever its settings: a writer opened while a reader of the same process (the
    /// dashboard, a job's check) is open gets that reader's read-only instance. DuckDB says which
    /// mode the instance is in; a read-only one is closed and tried again once the readers are done.
    /// </remarks>
    public DuckDBConnection OpenForWriting()
    {
        // Only 'ntm init' (and 'demo') create a warehouse: a home typed wrong is never made a new one.
        EnsureExists();
        return OpenOrCreateForWriting();
    }

    /// <summary>Opens the warehouse for writing, creating its file when there is none (for <c>ntm init</c>).</summary>
    public DuckDBConnection OpenOrCreateForWriting()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var connection = Open(new Dictionary<string, string>());
            if (!IsReadOnly(connection))
            {
                return connection;
            }

            connection.Dispose();
            if (started.Elapsed > InProcessReaderWait)
            {
                throw new WarehouseBusyException($"Warehouse busy: {Path} is open read-only in this process.") { Path = Path, HolderProcessId = Environment.ProcessId };
            }

            Thread.Sleep(25);
        }
    }

    private static bool IsReadOnly(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT current_setting('access_mode') = 'read_only'";
        return command.ExecuteScalar() is true;
    }

    /// <summary>Opens the warehouse read-only, for the product's own queries.</summary>
    /// <remarks>
    /// A warehouse whose schema is older than this program's (the program was updated, <c>ntm
    /// init</c> not yet run) is refused with what to do, rather than failing on a missing column.
    /// </remarks>
    public DuckDBConnection OpenReadOnly()
    {
        EnsureExists();
        var connection = Open(new Dictionary<string, string> { ["access_mode"] = "READ_ONLY" });
        var latest = Schema.Migration.BuiltIn[^1].Version;
        int version;
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT coalesce(max(version), 0) FROM schema_version";
            version = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (DuckDBException)
        {
            version = 0;
        }

        if (version < latest)
        {
            connection.Dispose();
            throw new WarehouseNotInitializedException(version == 0
                ? $"Tệp {Path} chưa phải là kho dữ liệu đã khởi tạo. Hãy chạy 'ntm init' (với cùng --home) trước."
                : $"Kho dữ liệu {Path} ở lược đồ {version}; phiên bản này của chương trình cần lược đồ {latest}. Hãy chạy 'ntm init' (với cùng --home) để nâng cấp; số liệu đã có được giữ nguyên.", null);
        }

        return connection;
    }

    /// <summary>
    /// Opens the warehouse for SQL a user typed, under <see cref="SandboxSettings"/>, and checks
    /// with DuckDB that they are in force (a connection of this process that already writes would
    /// otherwise be shared): when they are not, the connection is refused.
    /// </summary>
    public DuckDBConnection OpenSandboxed(int? memoryLimitMegabytes = null)
    {
        EnsureExists();
        var settings = new Dictionary<string, string>(SandboxSettings, StringComparer.Ordinal);
        if (memoryLimitMegabytes is { } megabytes)
        {
            // The query's memory, and nothing spilled to disk beyond it.
            settings["memory_limit"] = $"{megabytes}MB";
            settings["max_temp_directory_size"] = "0B";
        }

        var connection = Open(settings);
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
