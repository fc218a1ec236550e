using System.Data;
using System.Data.Common;

namespace Ntm.Warehouse.DuckDb;

/// <summary>
/// A DuckDB transaction. DuckDB transactions are per connection and snapshot-isolated; disposing
/// one that was not committed rolls it back, so a failure half way leaves the database as it was.
/// </summary>
public sealed class DuckDbTransaction : DbTransaction
{
    private DuckDbConnection? connection;

    internal DuckDbTransaction(DuckDbConnection connection) => this.connection = connection;

    /// <inheritdoc />
    public override IsolationLevel IsolationLevel => IsolationLevel.Snapshot;

    /// <inheritdoc />
    protected override DbConnection? DbConnection => connection;

    /// <inheritdoc />
    public override void Commit() => End("COMMIT");

    /// <inheritdoc />
    public override void Rollback() => End("ROLLBACK");

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && connection is { State: ConnectionState.Open })
        {
            End("ROLLBACK");
        }

        connection = null;
        base.Dispose(disposing);
    }

    private void End(string sql)
    {
        var owner = connection ?? throw new InvalidOperationException("The transaction has already been committed or rolled back.");
        connection = null;
        owner.CurrentTransaction = null;
        owner.ExecuteImmediate(sql);
    }
}
