namespace Ntm.Warehouse.DuckDb;

/// <summary>
/// Opens each database file once per process and shares it between connections.
/// DuckDB's file lock is per process, so two instances of the same file inside one process would
/// not exclude each other and could corrupt it; sharing one instance avoids that.
/// </summary>
internal static class DatabaseRegistry
{
    private const string InMemory = ":memory:";
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, SharedDatabase> Open = new(StringComparer.Ordinal);

    /// <summary>Opens (or joins) the database at <paramref name="path"/>; pair with <see cref="Release"/>.</summary>
    public static SharedDatabase Acquire(string path, bool readOnly, IReadOnlyDictionary<string, string> options)
    {
        if (path.Length == 0 || string.Equals(path, InMemory, StringComparison.Ordinal))
        {
            // Every in-memory connection is its own database; nothing to share.
            return new SharedDatabase(InMemory, OpenNative(null, readOnly: false, options), readOnly: false, shared: false);
        }

        var key = Path.GetFullPath(path);
        // A writer that finds the file open read-only in this process waits for those (short) readers
        // to close: the instance must be reopened for writing, and two instances of one file must never coexist.
        var deadline = DateTime.UtcNow + ReadersWait;
        while (true)
        {
            lock (Gate)
            {
                if (!Open.TryGetValue(key, out var existing))
                {
                    var opened = new SharedDatabase(key, OpenNative(key, readOnly, options), readOnly, shared: true) { Users = 1 };
                    Open.Add(key, opened);
                    return opened;
                }

                if (!existing.ReadOnly || readOnly)
                {
                    existing.Users++;
                    return existing;
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new DuckDbException(
                        $"Database {key} is open read-only in this process and its readers did not close within {ReadersWait.TotalSeconds:0} s; it cannot be opened for writing.");
                }
            }

            Thread.Sleep(10);
        }
    }

    /// <summary>How long a writer waits for this process's readers of the same file to close.</summary>
    private static readonly TimeSpan ReadersWait = TimeSpan.FromSeconds(10);

    /// <summary>Leaves a database; the last user closes it, which releases DuckDB's file lock.</summary>
    public static void Release(SharedDatabase database)
    {
        if (!database.Shared)
        {
            database.Handle.Dispose();
            return;
        }

        lock (Gate)
        {
            database.Users--;
            if (database.Users > 0)
            {
                return;
            }

            Open.Remove(database.Key);
            database.Handle.Dispose();
        }
    }

    private static DatabaseHandle OpenNative(string? path, bool readOnly, IReadOnlyDictionary<string, string> options)
    {
        DuckDbNativeLibrary.EnsureLoaded();
        if (NativeMethods.duckdb_create_config(out var config) != NativeMethods.Success)
        {
            throw new DuckDbException("DuckDB could not create a configuration.");
        }

        try
        {
            if (readOnly)
            {
                SetOption(config, "access_mode", "READ_ONLY");
            }

            foreach (var (name, value) in options)
            {
                SetOption(config, name, value);
            }

            if (NativeMethods.duckdb_open_ext(path ?? InMemory, out var database, config, out var error) != NativeMethods.Success)
            {
                var message = NativeMethods.ReadUtf8(error) ?? "unknown error";
                NativeMethods.duckdb_free(error);
                if (database != IntPtr.Zero)
                {
                    NativeMethods.duckdb_close(ref database);
                }

                throw new DuckDbException(message);
            }

            return new DatabaseHandle(database);
        }
        finally
        {
            NativeMethods.duckdb_destroy_config(ref config);
        }
    }

    private static void SetOption(IntPtr config, string name, string value)
    {
        if (NativeMethods.duckdb_set_config(config, name, value) != NativeMethods.Success)
        {
            throw new DuckDbException($"DuckDB does not accept the setting {name}={value}.");
        }
    }
}

/// <summary>One open DuckDB database and how many connections use it.</summary>
internal sealed class SharedDatabase(string key, DatabaseHandle handle, bool readOnly, bool shared)
{
    public string Key { get; } = key;

    public DatabaseHandle Handle { get; } = handle;

    public bool ReadOnly { get; } = readOnly;

    public bool Shared { get; } = shared;

    public int Users { get; set; }
}
