using Microsoft.Data.Sqlite;
using Ntm.Warehouse;

namespace Ntm.Jobs.Scheduling;

/// <summary>
/// The scheduler's SQLite file (<c>jobs.db</c>): Quartz's triggers and the busy runs waiting to be
/// recorded. Nothing in it is the only copy of anything a statistician needs — schedules come from
/// <c>ntm.json</c>, the history is in the warehouse — so a damaged file is set aside and rebuilt.
/// </summary>
public static class JobStore
{
    private static readonly string[] Companions = ["-wal", "-shm", "-journal"];

    /// <summary>
    /// Checks <c>jobs.db</c> with SQLite's own <c>PRAGMA quick_check</c>; a file SQLite cannot read or
    /// that fails the check is renamed to <c>jobs.db.damaged-…</c> (kept for inspection) so the next
    /// open creates a new store. Returns the message to show, or null when the store is sound.
    /// </summary>
    public static string? EnsureHealthy(WarehouseHome home, TimeProvider clock)
    {
        var path = JobRunLog.JobsDatabase(home);
        if (!File.Exists(path))
        {
            return null;
        }

        string? problem;
        try
        {
            using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA quick_check";
            var result = command.ExecuteScalar() as string;
            problem = result == "ok" ? null : result ?? "quick_check không trả lời";
        }
        catch (SqliteException ex)
        {
            problem = ex.Message;
        }

        if (problem is null)
        {
            return null;
        }

        SqliteConnection.ClearAllPools();
        var aside = $"{path}.damaged-{clock.GetUtcNow():yyyyMMddHHmmss}";
        File.Move(path, aside);
        foreach (var companion in Companions.Select(s => path + s).Where(File.Exists))
        {
            File.Move(companion, aside + companion[path.Length..]);
        }

        return $"Kho lịch {path} bị hỏng ({problem}); đã để riêng thành {aside} và tạo lại từ {ScheduleSettings.FileName}. Lịch sử chạy nằm trong kho dữ liệu, không mất; những lần chạy gặp kho bận chưa kịp ghi (nếu có) nằm trong tệp đã để riêng.";
    }
}
