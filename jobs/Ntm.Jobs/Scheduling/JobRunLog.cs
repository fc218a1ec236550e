using Dapper;
using DuckDB.NET.Data;
using Microsoft.Data.Sqlite;
using Ntm.Domain.Statuses;
using Ntm.Warehouse;

namespace Ntm.Jobs.Scheduling;

/// <summary>
/// Records every run in the warehouse's <c>job_run</c>. A run that found the warehouse busy
/// cannot write there, so it is kept in the scheduler's own SQLite file and copied into
/// <c>job_run</c> by the next run that gets in: no run goes unrecorded.
/// </summary>
public sealed class JobRunLog(WarehouseHome home, TimeProvider clock)
{
    /// <summary>The scheduler's SQLite file (Quartz's job store and the busy runs).</summary>
    public static string JobsDatabase(WarehouseHome home) => Path.Combine(home.Root, "jobs.db");

    /// <summary>Starts a run: copies the busy runs waiting in SQLite, then adds this one as running.</summary>
    public long Start(DuckDBConnection warehouse, string job, DateTimeOffset? fireTime)
    {
        using (var sqlite = OpenSqlite())
        {
            var waiting = sqlite.Query<(long Id, string Job, string? FireTime, string StartedAt, string Message)>("SELECT id, job, fire_time, started_at, message FROM ntm_busy_run ORDER BY id").ToList();
            foreach (var run in waiting)
            {
                warehouse.Execute(
                    "INSERT INTO job_run (job, fire_time, started_at, ended_at, outcome, message) VALUES ($job, $fire, $started, $started, 'busy', $message)",
                    new { job = run.Job, fire = run.FireTime is null ? (DateTime?)null : DateTime.Parse(run.FireTime, System.Globalization.CultureInfo.InvariantCulture), started = DateTime.Parse(run.StartedAt, System.Globalization.CultureInfo.InvariantCulture), message = run.Message });
                sqlite.Execute("DELETE FROM ntm_busy_run WHERE id = @id", new { id = run.Id });
            }
        }

        return warehouse.ExecuteScalar<long>(
            "INSERT INTO job_run (job, fire_time, started_at, outcome) VALUES ($job, $fire, $now, 'running') RETURNING job_run_id",
            new { job, fire = fireTime?.UtcDateTime, now = clock.GetUtcNow().UtcDateTime });
    }

    /// <summary>Ends a run with its outcome.</summary>
    public void Finish(DuckDBConnection warehouse, long id, JobOutcome outcome, int files, string message) =>
        warehouse.Execute(
            "UPDATE job_run SET ended_at = $now, outcome = $outcome, files_processed = $files, message = $message WHERE job_run_id = $id",
            new { id, outcome = outcome.ToCode(), files, message, now = clock.GetUtcNow().UtcDateTime });

    /// <summary>Keeps a run that found the warehouse busy until the warehouse can take it.</summary>
    public void RecordBusy(string job, DateTimeOffset? fireTime, string message)
    {
        using var sqlite = OpenSqlite();
        sqlite.Execute("INSERT INTO ntm_busy_run (job, fire_time, started_at, message) VALUES (@job, @fire, @started, @message)",
            new { job, fire = fireTime?.UtcDateTime.ToString("O"), started = clock.GetUtcNow().UtcDateTime.ToString("O"), message });
    }

    /// <summary>The busy runs not yet copied into the warehouse.</summary>
    public int WaitingBusyRuns()
    {
        using var sqlite = OpenSqlite();
        return sqlite.ExecuteScalar<int>("SELECT count(*) FROM ntm_busy_run");
    }

    private SqliteConnection OpenSqlite()
    {
        var connection = new SqliteConnection($"Data Source={JobsDatabase(home)}");
        connection.Open();
        connection.Execute("CREATE TABLE IF NOT EXISTS ntm_busy_run (id INTEGER PRIMARY KEY AUTOINCREMENT, job TEXT NOT NULL, fire_time TEXT, started_at TEXT NOT NULL, message TEXT NOT NULL)");
        return connection;
    }
}
