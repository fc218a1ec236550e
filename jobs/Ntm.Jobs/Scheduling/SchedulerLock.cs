using System.Diagnostics;
using System.Globalization;
using Ntm.Domain.Errors;
using Ntm.Warehouse;

namespace Ntm.Jobs.Scheduling;

/// <summary>
/// One scheduler per home: <c>ntm serve</c> holds <c>&lt;home&gt;/scheduler.lock</c> open with no
/// sharing for as long as it runs (an operating-system lock, released by the OS when the process
/// dies, even by kill -9), and writes its process id beside it in <c>scheduler.pid</c> so that a
/// second <c>serve</c> can say which process holds the home.
/// </summary>
public sealed class SchedulerLock : IDisposable
{
    private readonly FileStream stream;
    private readonly string pidFile;

    private SchedulerLock(FileStream stream, string pidFile)
    {
        this.stream = stream;
        this.pidFile = pidFile;
    }

    /// <summary>Takes the home's scheduler lock, or throws a <see cref="UserErrorException"/> naming the process that holds it.</summary>
    public static SchedulerLock Acquire(WarehouseHome home, TimeProvider clock)
    {
        var path = Path.Combine(home.Root, "scheduler.lock");
        var pidFile = Path.Combine(home.Root, "scheduler.pid");
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex) when (!IsHeldByAnother(ex))
        {
            throw new UserErrorException($"Không ghi được vào thư mục làm việc {home.Root} ({ex.Message}); ntm serve cần quyền ghi ở đó (thư mục chỉ đọc, ổ đĩa đầy hoặc đã tháo?).", ex);
        }
        catch (IOException ex)
        {
            var holder = File.Exists(pidFile) ? File.ReadAllText(pidFile).Trim() : "không rõ";
            throw new UserErrorException($"Thư mục {home.Root} đã có một ntm serve đang chạy ({holder}); mỗi thư mục làm việc chỉ chạy một lịch. Dừng tiến trình đó trước khi chạy lại.", ex);
        }

        using var self = Process.GetCurrentProcess();
        File.WriteAllText(pidFile, string.Create(CultureInfo.InvariantCulture, $"tiến trình {self.Id} trên máy {Environment.MachineName}, từ {clock.GetUtcNow():yyyy-MM-dd HH:mm:ss} UTC"));
        return new SchedulerLock(stream, pidFile);
    }

    /// <summary>True when the lock file is locked by another process (not refused for another reason: a read-only home).</summary>
    private static bool IsHeldByAnother(IOException ex) =>
        OperatingSystem.IsWindows() ? (ex.HResult & 0xFFFF) is 32 or 33 : (ex.HResult & 0xFFFF) is 11 || ex.Message.Contains("being used by another process", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            File.Delete(pidFile);
        }
        catch (IOException)
        {
            // The lock is what counts; a stale pid file is overwritten by the next holder.
        }

        stream.Dispose();
    }
}
