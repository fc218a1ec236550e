namespace Ntm.Warehouse.DuckDb;

/// <summary>
/// The statements of one command text, prepared on first use and kept for re-execution.
/// Statements that write are refused here on a read-only connection, before they run.
/// </summary>
internal sealed class StatementList(DuckDbConnection owner, ExtractedStatementsHandle extracted, int count) : IDisposable
{
    private static readonly HashSet<DuckDbStatementType> ReadOnlyStatements =
    [
        DuckDbStatementType.Select,
        DuckDbStatementType.Explain,
        DuckDbStatementType.Transaction,
        DuckDbStatementType.Call,
        DuckDbStatementType.Set,
        DuckDbStatementType.VariableSet,
    ];

    private readonly PreparedStatementHandle?[] statements = new PreparedStatementHandle?[count];

    public int Count => statements.Length;

    /// <summary>False once the connection has closed and released the native objects.</summary>
    public bool IsUsable => !extracted.IsClosed && Array.TrueForAll(statements, s => s is null || !s.IsClosed);

    public PreparedStatementHandle this[int index] => statements[index] ??= Prepare(index);

    public void Dispose()
    {
        foreach (var statement in statements)
        {
            statement?.Dispose();
        }

        extracted.Dispose();
    }

    private PreparedStatementHandle Prepare(int index)
    {
        var native = owner.Native.DangerousGetHandle();
        _ = NativeMethods.duckdb_prepare_extracted_statement(native, extracted.DangerousGetHandle(), (ulong)index, out var stmt);
        var handle = new PreparedStatementHandle(stmt);
        var error = NativeMethods.ReadUtf8(NativeMethods.duckdb_prepare_error(stmt));
        if (error is not null)
        {
            handle.Dispose();
            throw new DuckDbException(error);
        }

        var kind = NativeMethods.duckdb_prepared_statement_type(stmt);
        if (owner.IsReadOnly && !ReadOnlyStatements.Contains(kind))
        {
            handle.Dispose();
            throw new DuckDbException($"The connection is read-only: a {kind.ToString().ToUpperInvariant()} statement is refused.");
        }

        owner.Own(handle);
        return handle;
    }
}
