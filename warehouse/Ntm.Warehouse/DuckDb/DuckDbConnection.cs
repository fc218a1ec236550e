using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Ntm.Warehouse.DuckDb;

/// <summary>
/// An ADO.NET connection to a DuckDB database file (or an in-memory database), so that Dapper and
/// plain ADO.NET code run on DuckDB as they do on SQL Server.
/// </summary>
public sealed partial class DuckDbConnection : DbConnection
{
    private readonly Lock ownedGate = new();
    private readonly HashSet<DuckDbHandle> owned = [];
    private readonly Dictionary<string, StatementList> statementCache = new(StringComparer.Ordinal);
    private readonly LinkedList<string> statementOrder = new();
    private string connectionString = string.Empty;
    private SharedDatabase? database;
    private ConnectionHandle? native;
    private ConnectionState state = ConnectionState.Closed;

    /// <summary>Creates a closed connection.</summary>
    public DuckDbConnection()
    {
    }

    /// <summary>Creates a closed connection with the given connection string.</summary>
    public DuckDbConnection(string connectionString) => this.connectionString = connectionString;

    /// <inheritdoc />
    [AllowNull]
    public override string ConnectionString
    {
        get => connectionString;
        set
        {
            if (state != ConnectionState.Closed)
            {
                throw new InvalidOperationException("The connection string cannot change while the connection is open.");
            }

            connectionString = value ?? string.Empty;
        }
    }

    /// <inheritdoc />
    public override string Database => "main";

    /// <inheritdoc />
    public override string DataSource => new DuckDbConnectionStringBuilder(connectionString).DataSource;

    /// <inheritdoc />
    public override string ServerVersion => DuckDbNativeLibrary.EnsureLoaded();

    /// <inheritdoc />
    public override ConnectionState State => state;

    /// <summary>True when the connection refuses statements that write.</summary>
    public bool IsReadOnly { get; private set; }

    /// <summary>The transaction in progress on this connection, if any.</summary>
    internal DuckDbTransaction? CurrentTransaction { get; set; }

    internal ConnectionHandle Native =>
        native is { IsClosed: false } handle ? handle : throw new InvalidOperationException("The connection is not open.");

    /// <inheritdoc />
    public override void Open()
    {
        if (state == ConnectionState.Open)
        {
            throw new InvalidOperationException("The connection is already open.");
        }

        var builder = new DuckDbConnectionStringBuilder(connectionString);
        var shared = DatabaseRegistry.Acquire(builder.DataSource, builder.ReadOnly, builder.DuckDbOptions);
        try
        {
            if (NativeMethods.duckdb_connect(shared.Handle.DangerousGetHandle(), out var connection) != NativeMethods.Success)
            {
                throw new DuckDbException($"DuckDB could not connect to {builder.DataSource}.");
            }

            native = new ConnectionHandle(connection, shared.Handle);
        }
        catch
        {
            DatabaseRegistry.Release(shared);
            throw;
        }

        database = shared;
        IsReadOnly = builder.ReadOnly;
        state = ConnectionState.Open;
    }

    /// <inheritdoc />
    public override void Close()
    {
        if (state == ConnectionState.Closed)
        {
            return;
        }

        DuckDbHandle[] toRelease;
        lock (ownedGate)
        {
            toRelease = [.. owned];
            owned.Clear();
        }

        // Results, statements and appenders first: they belong to this connection.
        statementCache.Clear();
        statementOrder.Clear();
        foreach (var handle in toRelease)
        {
            handle.Dispose();
        }

        CurrentTransaction = null;
        native?.Dispose();
        native = null;
        if (database is not null)
        {
            DatabaseRegistry.Release(database);
            database = null;
        }

        state = ConnectionState.Closed;
    }

    /// <inheritdoc />
    public override void ChangeDatabase(string databaseName) =>
        throw new NotSupportedException("DuckDB connections have one database; use ATTACH in SQL instead.");

    /// <summary>Creates a command on this connection.</summary>
    public new DuckDbCommand CreateCommand() => new() { Connection = this };

    /// <summary>Starts a bulk load into <paramref name="table"/> through DuckDB's appender.</summary>
    public DuckDbAppender CreateAppender(string table, string? schema = null) => new(this, schema, table);

    /// <summary>Interrupts the statement running on this connection, from another thread.</summary>
    public void Interrupt()
    {
        if (native is { IsClosed: false } handle)
        {
            NativeMethods.duckdb_interrupt(handle.DangerousGetHandle());
        }
    }

    /// <summary>Runs SQL without parameters and discards its result (transaction control, pragmas).</summary>
    internal unsafe void ExecuteImmediate(string sql)
    {
        using var result = ResultHandle.Allocate();
        if (NativeMethods.duckdb_query(Native.DangerousGetHandle(), sql, result.Pointer) != NativeMethods.Success)
        {
            throw new DuckDbException(NativeMethods.ReadUtf8(NativeMethods.duckdb_result_error(result.Pointer)) ?? $"DuckDB failed to run {sql}.");
        }
    }

    /// <summary>
    /// Takes the prepared statements of <paramref name="text"/> that an earlier command left, if any:
    /// Dapper makes a new command for every call, and preparing the same SQL again each time costs
    /// more than running it.
    /// </summary>
    internal StatementList? TakeStatements(string text)
    {
        lock (ownedGate)
        {
            if (statementCache.Remove(text, out var list))
            {
                statementOrder.Remove(text);
                return list.IsUsable ? list : null;
            }

            return null;
        }
    }

    /// <summary>Keeps a disposed command's prepared statements for the next command with the same text (the 64 most recent texts).</summary>
    internal bool KeepStatements(string text, StatementList list)
    {
        lock (ownedGate)
        {
            if (state != ConnectionState.Open || !list.IsUsable || statementCache.ContainsKey(text))
            {
                return false;
            }

            statementCache[text] = list;
            statementOrder.AddFirst(text);
            if (statementOrder.Count > 64)
            {
                var oldest = statementOrder.Last!.Value;
                statementOrder.RemoveLast();
                statementCache.Remove(oldest, out var evicted);
                evicted?.Dispose();
            }

            return true;
        }
    }

    /// <summary>Remembers a native object so that closing the connection releases it.</summary>
    internal void Own(DuckDbHandle handle)
    {
        handle.Owner = this;
        lock (ownedGate)
        {
            owned.Add(handle);
        }
    }

    /// <summary>Forgets a native object that its owner has released.</summary>
    internal void Disown(DuckDbHandle handle)
    {
        lock (ownedGate)
        {
            owned.Remove(handle);
        }
    }

    /// <inheritdoc />
    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel)
    {
        if (CurrentTransaction is not null)
        {
            throw new InvalidOperationException("A transaction is already in progress on this connection; DuckDB does not nest transactions.");
        }

        if (isolationLevel is not (IsolationLevel.Unspecified or IsolationLevel.Snapshot or IsolationLevel.Serializable or IsolationLevel.ReadCommitted or IsolationLevel.RepeatableRead))
        {
            throw new ArgumentException($"DuckDB runs every transaction with snapshot isolation; {isolationLevel} is not available.", nameof(isolationLevel));
        }

        ExecuteImmediate("BEGIN TRANSACTION");
        CurrentTransaction = new DuckDbTransaction(this);
        return CurrentTransaction;
    }

    /// <inheritdoc />
    protected override DbCommand CreateDbCommand() => CreateCommand();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Close();
        }

        base.Dispose(disposing);
    }
}
