using System.Diagnostics;
using System.Globalization;
using Dapper;
using DuckDB.NET.Data;
using Microsoft.Data.Sqlite;
using Ntm.Domain.Statuses;
using Ntm.Warehouse;

namespace Ntm.Jobs.Scheduling;

/// <summary>
/// Records every run in the warehouse's <c>job_run</c>, with the process that runs it. A run that
/// found the warehouse busy cannot write there, so it is kept in the scheduler's own SQLite file
/// and moved into <c>job_run</c> by the next run that gets in (taken out of SQLite in one
/// transaction, so two runs starting together never copy it twice). A run left 'running' by a
/// process that no longer exists is marked interrupted, with what it had done and what is still
/// in the inbox: no run goes unrecorded and none stays 'running' for ever.
/// </summary>
public sealed class JobRunLog(WarehouseHome home, TimeProvider clock)
{
    private static readonly string Host = Environment.MachineName;
    private static readonly (int Pid, DateTime StartedAt) Self = CurrentProcess();

    /// <summary>The scheduler's SQLite file (Quartz's job store and the busy runs).</summary>
    public static string JobsDatabase(WarehouseHome home) => Path.Combine(home.Root, "jobs.db");

    /// <summary>Starts a run: marks dead runs interrupted, moves the busy runs waiting in SQLite, then adds this one as running.</summary>
    public long Start(DuckDBConnection warehouse, string job, DateTimeOffset? fireTime)
    {
        RecoverInterrupted(warehouse);
        MoveBusyRuns(warehouse);
        return warehouse.ExecuteScalar<long>(
            "INSERT INTO job_run (job, fire_time, started_at, outcome, host, pid, process_started_at) VALUES ($job, $fire, $now, 'running', $host, $pid, $processStarted) RETURNING job_run_id",
            new { job, fire = fireTime?.UtcDateTime, now = clock.GetUtcNow().UtcDateTime, host = Host, pid = Self.Pid, processStarted = Self.StartedAt });
    }

    /// <summary>Records how many files a running run has done so far, so a crash leaves that count behind.</summary>
    public static void Progress(DuckDBConnection warehouse, long id, int files) =>
        warehouse.Execute("UPDATE job_run SET files_processed = $files WHERE job_run_id = $id AND outcome = 'running'", new { id, files });

    /// <summary>Ends a run with its outcome.</summary>
    public void Finish(DuckDBConnection warehouse, long id, JobOutcome outcome, int files, string message) =>
        warehouse.Execute(
            "UPDATE job_run SET ended_at = $now, outcome = $outcome, files_processed = $files, message = $message WHERE job_run_id = $id",
            new { id, outcome = outcome.ToCode(), files, message, now = clock.GetUtcNow().UtcDateTime });

    /// <summary>
    /// Marks interrupted every run still 'running' whose process is gone (on this machine: no such
    /// process, or another one with its id). Returns how many it marked.
    /// </summary>
    public int RecoverInterrupted(DuckDBConnection warehouse)
    {
        var running = warehouse.Query<(long Id, string? Host, int? Pid, DateTime? ProcessStartedAt, int Files)>(
            "SELECT job_run_id, host, pid, process_started_at, files_processed FROM job_run WHERE outcome = 'running'").ToList();
        var marked = 0;
        foreach (var run in running.Where(r => !IsAlive(r.Host, r.Pid, r.ProcessStartedAt)))
        {
            var waiting = InboxFiles();
            warehouse.Execute(
                "UPDATE job_run SET outcome = 'interrupted', ended_at = $now, message = $message WHERE job_run_id = $id AND outcome = 'running'",
                new
                {
                    id = run.Id,
                    now = clock.GetUtcNow().UtcDateTime,
                    message = $"Bị ngắt: tiến trình {run.Pid?.ToString(CultureInfo.InvariantCulture) ?? "?"} đã dừng đột ngột trước khi xong; đã xử lý {run.Files} tệp. "
                        + (waiting > 0 ? $"Hộp thư còn {waiting} tệp, sẽ được nạp ở lần chạy sau." : "Hộp thư trống."),
                });
            marked++;
        }

        return marked;
    }

    /// <summary>
    /// Whether the process that started a run still runs it. A run of another machine is taken as
    /// alive (it cannot be checked from here); a run without an owner (before migration 0007) as gone.
    /// </summary>
    public static bool IsAlive(string? host, int? pid, DateTime? processStartedAt)
    {
        if (pid is null || processStartedAt is null)
        {
            return false;
        }

        if (!string.Equals(host, Host, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(pid.Value);
            return Math.Abs((process.StartTime.ToUniversalTime() - processStartedAt.Value).TotalSeconds) < 2;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

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

    /// <summary>The files waiting in the inbox (hidden and system files aside).</summary>
    public int InboxFiles() =>
        Directory.Exists(home.Inbox) ? Directory.EnumerateFiles(home.Inbox).Count(f => !Path.GetFileName(f).StartsWith('.') && !Path.GetFileName(f).StartsWith("~$", StringComparison.Ordinal)) : 0;

    private void MoveBusyRuns(DuckDBConnection warehouse)
    {
        List<(long Id, string Job, string? FireTime, string StartedAt, string Message)> taken;
        using (var sqlite = OpenSqlite())
        {
            // Taken out in one immediate transaction: a second run starting at the same moment finds them gone.
            using var transaction = sqlite.BeginTransaction(deferred: false);
            taken = sqlite.Query<(long, string, string?, string, string)>("SELECT id, job, fire_time, started_at, message FROM ntm_busy_run ORDER BY id", transaction: transaction).ToList();
            sqlite.Execute("DELETE FROM ntm_busy_run WHERE id <= @last", new { last = taken.Count == 0 ? 0 : taken[^1].Item1 }, transaction);
            transaction.Commit();
        }

        try
        {
            foreach (var run in taken)
            {
                warehouse.Execute(
                    "INSERT INTO job_run (job, fire_time, started_at, ended_at, outcome, message) VALUES ($job, $fire, $started, $started, 'busy', $message)",
                    new { job = run.Job, fire = run.FireTime is null ? (DateTime?)null : DateTime.Parse(run.FireTime, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), started = DateTime.Parse(run.StartedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), message = run.Message });
            }
        }
        catch (DuckDBException)
        {
            // Put them back for the next run rather than lose them.
            using var sqlite = OpenSqlite();
            foreach (var run in taken)
            {
                sqlite.Execute("INSERT INTO ntm_busy_run (job, fire_time, started_at, message) VALUES (@job, @fire, @started, @message)", new { job = run.Job, fire = run.FireTime, started = run.StartedAt, message = run.Message });
            }

            throw;
        }
    }

    private SqliteConnection OpenSqlite()
    {
        var connection = new SqliteConnection($"Data Source={JobsDatabase(home)};Default Timeout=30");
        connection.Open();
        connection.Execute("CREATE TABLE IF NOT EXISTS ntm_busy_run (id INTEGER PRIMARY KEY AUTOINCREMENT, job TEXT NOT NULL, fire_time TEXT, started_at TEXT NOT NULL, message TEXT NOT NULL)");
        return connection;
    }

    private static (int Pid, DateTime StartedAt) CurrentProcess()
    {
        using var self = Process.GetCurrentProcess();
        return (self.Id, self.StartTime.ToUniversalTime());
    }
}
