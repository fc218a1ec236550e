using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Ntm.Warehouse.DuckDb;

/// <summary>
/// A SQL command on DuckDB. The text may hold several statements; each is prepared once and
/// reused while the text is unchanged, which makes Dapper's repeated executions cheap.
/// A reader returns the result of the last statement.
/// </summary>
public sealed class DuckDbCommand : DbCommand
{
    private readonly DuckDbParameterCollection parameters = new();
    private string commandText = string.Empty;
    private DuckDbConnection? connection;
    private StatementList? prepared;
    private string? preparedText;

    /// <inheritdoc />
    [AllowNull]
    public override string CommandText
    {
        get => commandText;
        set
        {
            commandText = value ?? string.Empty;
            ReleasePrepared();
        }
    }

    /// <summary>Ignored: DuckDB has no statement timeout; use <see cref="Cancel"/> to interrupt.</summary>
    public override int CommandTimeout { get; set; } = 30;

    /// <inheritdoc />
    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text)
            {
                throw new NotSupportedException("DuckDB runs SQL text only.");
            }
        }
    }

    /// <inheritdoc />
    public override bool DesignTimeVisible { get; set; }

    /// <inheritdoc />
    public override UpdateRowSource UpdatedRowSource { get; set; }

    /// <inheritdoc />
    public new DuckDbParameterCollection Parameters => parameters;

    /// <inheritdoc />
    protected override DbConnection? DbConnection
    {
        get => connection;
        set
        {
            if (!ReferenceEquals(connection, value))
            {
                ReleasePrepared();
            }

            connection = value as DuckDbConnection
                ?? (value is null ? null : throw new ArgumentException("A DuckDbCommand needs a DuckDbConnection.", nameof(value)));
        }
    }

    /// <inheritdoc />
    protected override DbParameterCollection DbParameterCollection => parameters;

    /// <summary>Transactions are per connection in DuckDB; this is kept only for ADO.NET callers.</summary>
    protected override DbTransaction? DbTransaction { get; set; }

    /// <inheritdoc />
    public override void Cancel() => connection?.Interrupt();

    /// <inheritdoc />
    public override int ExecuteNonQuery()
    {
        var statements = PrepareStatements();
        long affected = -1;
        for (var i = 0; i < statements.Count; i++)
        {
            var statement = statements[i];
            using var result = Execute(statement);
            if (IsRowCounting(statement))
            {
                affected = Math.Max(affected, 0) + RowsChanged(result);
            }
        }

        return (int)Math.Min(affected, int.MaxValue);
    }

    /// <inheritdoc />
    public override object? ExecuteScalar()
    {
        using var reader = ExecuteDbDataReader(CommandBehavior.SingleRow);
        return reader.Read() && reader.FieldCount > 0 ? reader.GetValue(0) : null;
    }

    /// <inheritdoc />
    public override void Prepare() => PrepareStatements();

    /// <inheritdoc />
    protected override DbParameter CreateDbParameter() => new DuckDbParameter();

    /// <inheritdoc />
    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
    {
        var statements = PrepareStatements();
        if (statements.Count == 0)
        {
            throw new DuckDbException("The command text holds no SQL statement.");
        }

        for (var i = 0; i < statements.Count - 1; i++)
        {
            using var _ = Execute(statements[i]);
        }

        var last = statements[statements.Count - 1];
        var result = Execute(last);
        try
        {
            var affected = IsRowCounting(last) ? RowsChanged(result) : -1;
            return new DuckDbDataReader(result, OpenConnection(), behavior, affected);
        }
        catch
        {
            result.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            ReleasePrepared();
        }

        base.Dispose(disposing);
    }

    private static unsafe int RowsChanged(ResultHandle result) =>
        (int)Math.Min(NativeMethods.duckdb_rows_changed(result.Pointer), int.MaxValue);

    private static bool IsRowCounting(PreparedStatementHandle statement) =>
        NativeMethods.duckdb_prepared_statement_type(statement.DangerousGetHandle())
            is DuckDbStatementType.Insert or DuckDbStatementType.Update or DuckDbStatementType.Delete;

    private DuckDbConnection OpenConnection() =>
        connection is { State: ConnectionState.Open } open ? open : throw new InvalidOperationException("The command needs an open connection.");

    private unsafe ResultHandle Execute(PreparedStatementHandle statement)
    {
        var owner = OpenConnection();
        ParameterBinder.BindAll(statement, parameters);
        var result = ResultHandle.Allocate();
        owner.Own(result);
        if (NativeMethods.duckdb_execute_prepared(statement.DangerousGetHandle(), result.Pointer) != NativeMethods.Success)
        {
            var message = NativeMethods.ReadUtf8(NativeMethods.duckdb_result_error(result.Pointer)) ?? "DuckDB failed to run the statement.";
            result.Dispose();
            throw new DuckDbException(message);
        }

        return result;
    }

    /// <summary>
    /// Splits the text into statements; each is prepared just before it first runs, because a
    /// statement may refer to a table that an earlier one in the same text creates.
    /// </summary>
    private StatementList PrepareStatements()
    {
        var owner = OpenConnection();
        var text = SqlParameterRewriter.Rewrite(commandText, name => parameters.IndexOf(name) >= 0);
        if (prepared is not null && string.Equals(preparedText, text, StringComparison.Ordinal) && prepared.IsUsable)
        {
            return prepared;
        }

        ReleasePrepared();
        if (owner.TakeStatements(text) is { } kept)
        {
            prepared = kept;
            preparedText = text;
            return kept;
        }

        var native = owner.Native.DangerousGetHandle();
        var count = NativeMethods.duckdb_extract_statements(native, text, out var extracted);
        var handle = new ExtractedStatementsHandle(extracted);
        if (count == 0)
        {
            var error = NativeMethods.ReadUtf8(NativeMethods.duckdb_extract_statements_error(extracted));
            handle.Dispose();
            if (error is not null)
            {
                throw new DuckDbException(error);
            }
        }

        owner.Own(handle);
        prepared = new StatementList(owner, handle, (int)count);
        preparedText = text;
        return prepared;
    }

    private void ReleasePrepared()
    {
        if (prepared is null)
        {
            return;
        }

        if (preparedText is null || connection is null || !connection.KeepStatements(preparedText, prepared))
        {
            prepared.Dispose();
        }

        prepared = null;
        preparedText = null;
    }
}
