using Ntm.Warehouse.DuckDb;

namespace Ntm.Warehouse;

/// <summary>
/// Opens connections to the warehouse file: one writer at a time (across processes), readers
/// read-only. This is the one place that knows the warehouse is DuckDB; everything above it
/// works with <see cref="System.Data.Common.DbConnection"/> and Dapper.
/// </summary>
public sealed class WarehouseDatabase(string path)
{
    /// <summary>The warehouse file.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>True when the warehouse file exists.</summary>
    public bool Exists => File.Exists(Path);

    /// <summary>
    /// Opens the warehouse for writing, creating the file if needed. Throws
    /// <see cref="WarehouseBusyException"/> when another process holds it.
    /// </summary>
    public DuckDbConnection OpenForWriting() => Open(readOnly: false);

    /// <summary>Opens the warehouse read-only; statements that write are refused.</summary>
    public DuckDbConnection OpenReadOnly()
    {
        if (!Exists)
        {
            throw new WarehouseNotInitializedException(Path);
        }

        return Open(readOnly: true);
    }

    private DuckDbConnection Open(bool readOnly)
    {
        var builder = new DuckDbConnectionStringBuilder { DataSource = Path, ReadOnly = readOnly };
        var connection = new DuckDbConnection(builder.ConnectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch (DuckDbException ex) when (ex.IsLockConflict)
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
