using System.Data.Common;

namespace Ntm.Warehouse.DuckDb;

/// <summary>An error reported by DuckDB, carrying DuckDB's own message.</summary>
public sealed class DuckDbException : DbException
{
    /// <summary>Creates an exception with DuckDB's message.</summary>
    public DuckDbException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with DuckDB's message and the error that caused it.</summary>
    public DuckDbException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception with no message; prefer the other constructors.</summary>
    public DuckDbException()
    {
    }

    /// <summary>
    /// True when the database file is locked by another process. DuckDB allows one writing process
    /// per file; callers turn this into a "warehouse busy" answer rather than a failure.
    /// </summary>
    public bool IsLockConflict => Message.Contains("Could not set lock on file", StringComparison.Ordinal)
        || Message.Contains("Conflicting lock is held", StringComparison.Ordinal);
}
