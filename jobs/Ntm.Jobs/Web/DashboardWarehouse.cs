using Dapper;
using DuckDB.NET.Data;
using Ntm.Domain.Areas;
using Ntm.Warehouse;
using Ntm.Warehouse.Areas;

namespace Ntm.Jobs.Web;

/// <summary>
/// The dashboard's reads: each request opens the warehouse read-only for as long as it reads (so a
/// writer of this process, an ingest, waits at most for one page). What the warehouse holds changes
/// only when a file is ingested or reference data is loaded, so the unit directory and the answers
/// of the pages (a trend, a compliance table, a month's review) are kept in memory for the state they
/// were computed on: the next file, alias or reference load makes every one of them computed again.
/// </summary>
public sealed class DashboardWarehouse(DashboardOptions options)
{
    /// <summary>How many answers are kept for one state of the warehouse.</summary>
    public const int MaxAnswers = 256;

    private readonly Lock gate = new();
    private string state = string.Empty;
    private AreaDirectory? directory;
    private readonly Dictionary<string, object> answers = new(StringComparer.Ordinal);

    /// <summary>The warehouse file.</summary>
    public WarehouseDatabase Database { get; } = new(options.Home.WarehouseFile);

    /// <summary>Runs <paramref name="work"/> on a read-only connection with the unit directory.</summary>
    public T Read<T>(Func<DuckDBConnection, AreaDirectory, T> work)
    {
        using var connection = Database.OpenReadOnly();
        return work(connection, Directory(connection, State(connection)));
    }

    /// <summary>
    /// The answer of <paramref name="key"/> (a question written out in full) for the warehouse as it is
    /// now: computed by <paramref name="work"/> the first time, then kept until the warehouse changes.
    /// A question that cannot be answered is never kept.
    /// </summary>
    public T Answer<T>(string key, Func<DuckDBConnection, AreaDirectory, T> work)
        where T : class
    {
        using var connection = Database.OpenReadOnly();
        var now = State(connection);
        var units = Directory(connection, now);
        lock (gate)
        {
            if (now == state && answers.TryGetValue(key, out var known) && known is T kept)
            {
                return kept;
            }
        }

        var answer = work(connection, units);
        lock (gate)
        {
            if (now == state)
            {
                if (answers.Count >= MaxAnswers)
                {
                    answers.Clear();
                }

                answers[key] = answer;
            }
        }

        return answer;
    }

    /// <summary>
    /// A summary of everything the pages are computed from: the submissions (every ingest adds one),
    /// the reference data loaded, the units, their aliases and the crosswalk, the indicators' aliases.
    /// </summary>
    private static string State(DuckDBConnection connection) => connection.ExecuteScalar<string>("""
        SELECT (SELECT coalesce(max(submission_id), 0) || ':' || count(*) FROM submission)
            || '|' || (SELECT coalesce(string_agg(dataset || '=' || checksum, ',' ORDER BY dataset), '') FROM reference_dataset)
            || '|' || (SELECT count(*) || ':' || coalesce(sum(hash(area_id, area_code, area_name, valid_from, valid_to, parent_id)), 0) FROM dim_area)
            || '|' || (SELECT count(*) || ':' || coalesce(sum(hash(alias, area_id)), 0) FROM area_alias)
            || '|' || (SELECT count(*) || ':' || coalesce(sum(hash(old_area_id, new_area_id, weight)), 0) FROM area_crosswalk)
            || '|' || (SELECT count(*) || ':' || coalesce(sum(hash(alias, indicator_code)), 0) FROM indicator_alias)
        """) ?? string.Empty;

    private AreaDirectory Directory(DuckDBConnection connection, string now)
    {
        lock (gate)
        {
            if (now == state && directory is not null)
            {
                return directory;
            }
        }

        var loaded = AreaDirectoryLoader.Load(connection);
        lock (gate)
        {
            if (now != state)
            {
                state = now;
                answers.Clear();
            }

            directory = loaded;
        }

        return loaded;
    }
}

/// <summary>The latest month with a current figure (null for an empty warehouse), as an answer the dashboard keeps.</summary>
public sealed record LatestMonth(Ntm.Domain.Periods.PeriodKey? Month);
