using Dapper;
using DuckDB.NET.Data;
using Ntm.Domain.Areas;
using Ntm.Warehouse;
using Ntm.Warehouse.Areas;

namespace Ntm.Jobs.Web;

/// <summary>
/// The dashboard's reads: each request opens the warehouse read-only for as long as it reads (so a
/// writer of this process, an ingest, waits at most for one page) and uses the unit directory kept
/// in memory until the units or their aliases change.
/// </summary>
public sealed class DashboardWarehouse(DashboardOptions options)
{
    private readonly Lock gate = new();
    private (string Fingerprint, AreaDirectory Directory)? cached;

    /// <summary>The warehouse file.</summary>
    public WarehouseDatabase Database { get; } = new(options.Home.WarehouseFile);

    /// <summary>Runs <paramref name="work"/> on a read-only connection with the unit directory.</summary>
    public T Read<T>(Func<DuckDBConnection, AreaDirectory, T> work)
    {
        using var connection = Database.OpenReadOnly();
        return work(connection, Directory(connection));
    }

    private AreaDirectory Directory(DuckDBConnection connection)
    {
        // A cheap summary of what the directory is built from: a unit or alias added, changed or removed changes it.
        var fingerprint = connection.ExecuteScalar<string>("""
            SELECT (SELECT count(*) || ':' || coalesce(sum(hash(area_id, area_code, area_name, valid_from, valid_to, parent_id)), 0) FROM dim_area)
                || '|' || (SELECT count(*) || ':' || coalesce(sum(hash(alias, area_id)), 0) FROM area_alias)
                || '|' || (SELECT count(*) || ':' || coalesce(sum(hash(old_area_id, new_area_id, weight)), 0) FROM area_crosswalk)
            """) ?? string.Empty;
        lock (gate)
        {
            if (cached is { } known && known.Fingerprint == fingerprint)
            {
                return known.Directory;
            }
        }

        var directory = AreaDirectoryLoader.Load(connection);
        lock (gate)
        {
            cached = (fingerprint, directory);
        }

        return directory;
    }
}
