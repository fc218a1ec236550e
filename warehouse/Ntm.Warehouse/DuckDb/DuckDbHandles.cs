using System.Runtime.InteropServices;

namespace Ntm.Warehouse.DuckDb;

/// <summary>
/// Counts live native handles so tests can prove that nothing leaks. Incremented when a handle is
/// created, decremented when DuckDB's destroy function has run.
/// </summary>
public static class DuckDbHandleCounter
{
    private static long live;

    /// <summary>Native DuckDB objects (databases, connections, statements, results, appenders) not yet released.</summary>
    public static long Live => Interlocked.Read(ref live);

    internal static void Created() => Interlocked.Increment(ref live);

    internal static void Released() => Interlocked.Decrement(ref live);
}

/// <summary>Base for DuckDB handles: one owner, released exactly once, counted.</summary>
internal abstract class DuckDbHandle : SafeHandle
{
    protected DuckDbHandle(IntPtr handle)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        SetHandle(handle);
        if (handle != IntPtr.Zero)
        {
            DuckDbHandleCounter.Created();
        }
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>The connection that releases this handle when it closes, if any.</summary>
    internal DuckDbConnection? Owner { get; set; }

    protected sealed override bool ReleaseHandle()
    {
        Destroy(handle);
        DuckDbHandleCounter.Released();
        Owner?.Disown(this);
        return true;
    }

    protected abstract void Destroy(IntPtr value);
}

/// <summary>A <c>duckdb_database</c>.</summary>
internal sealed class DatabaseHandle(IntPtr value) : DuckDbHandle(value)
{
    protected override void Destroy(IntPtr value) => NativeMethods.duckdb_close(ref value);
}

/// <summary>A <c>duckdb_connection</c>; keeps its database alive while it lives.</summary>
internal sealed class ConnectionHandle : DuckDbHandle
{
    private readonly DatabaseHandle database;

    public ConnectionHandle(IntPtr value, DatabaseHandle database)
        : base(value)
    {
        this.database = database;
        var added = false;
        database.DangerousAddRef(ref added);
    }

    protected override void Destroy(IntPtr value)
    {
        NativeMethods.duckdb_disconnect(ref value);
        database.DangerousRelease();
    }
}

/// <summary>A <c>duckdb_prepared_statement</c>.</summary>
internal sealed class PreparedStatementHandle(IntPtr value) : DuckDbHandle(value)
{
    protected override void Destroy(IntPtr value) => NativeMethods.duckdb_destroy_prepare(ref value);
}

/// <summary>The <c>duckdb_extracted_statements</c> of a command text.</summary>
internal sealed class ExtractedStatementsHandle(IntPtr value) : DuckDbHandle(value)
{
    protected override void Destroy(IntPtr value) => NativeMethods.duckdb_destroy_extracted(ref value);
}

/// <summary>A <c>duckdb_data_chunk</c>, fetched from a result or built for the appender.</summary>
internal sealed class DataChunkHandle(IntPtr value) : DuckDbHandle(value)
{
    protected override void Destroy(IntPtr value) => NativeMethods.duckdb_destroy_data_chunk(ref value);
}

/// <summary>A <c>duckdb_appender</c>.</summary>
internal sealed class AppenderHandle(IntPtr value) : DuckDbHandle(value)
{
    protected override void Destroy(IntPtr value) => NativeMethods.duckdb_appender_destroy(ref value);
}

/// <summary>
/// A <c>duckdb_result</c>. The C API wants the caller to own the struct's memory, so the handle
/// points at a block allocated here and frees it after DuckDB has destroyed the result.
/// </summary>
internal sealed unsafe class ResultHandle : DuckDbHandle
{
    private ResultHandle(IntPtr value)
        : base(value)
    {
    }

    public DuckDbResultStruct* Pointer => (DuckDbResultStruct*)handle;

    /// <summary>Allocates a zeroed result struct for DuckDB to fill.</summary>
    public static ResultHandle Allocate()
    {
        var block = (DuckDbResultStruct*)NativeMemory.AllocZeroed((nuint)sizeof(DuckDbResultStruct));
        return new ResultHandle((IntPtr)block);
    }

    protected override void Destroy(IntPtr value)
    {
        NativeMethods.duckdb_destroy_result((DuckDbResultStruct*)value);
        NativeMemory.Free((void*)value);
    }
}
