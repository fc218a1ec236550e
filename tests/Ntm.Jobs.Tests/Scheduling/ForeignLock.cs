using System.Runtime.InteropServices;

namespace Ntm.Jobs.Tests.Scheduling;

/// <summary>
/// A write lock on a whole file as another process's DuckDB holds it, taken in this process as an
/// open file description's lock (Linux <c>F_OFD_SETLK</c>): it conflicts with the record lock DuckDB
/// takes when it opens the file, even from this process. Released when disposed.
/// </summary>
internal sealed class ForeignLock : IDisposable
{
    private const int OpenFileDescriptionSetLock = 37; // F_OFD_SETLK
    private const short WriteLock = 1; // F_WRLCK
    private readonly FileStream stream;

    private ForeignLock(FileStream stream) => this.stream = stream;

    /// <summary>Holds a write lock on the whole of <paramref name="path"/>; throws when the system refuses it.</summary>
    public static ForeignLock Hold(string path)
    {
        Assert.True(OperatingSystem.IsLinux(), "open file description locks are Linux's");
        var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        // struct flock: l_type (short), l_whence (short), l_start, l_len (0: to the end), l_pid (0 for these locks).
        var flock = new byte[32];
        BitConverter.TryWriteBytes(flock.AsSpan(0, 2), WriteLock);
        if (fcntl((int)stream.SafeFileHandle.DangerousGetHandle(), OpenFileDescriptionSetLock, flock) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            stream.Dispose();
            throw new IOException($"fcntl(F_OFD_SETLK) refused: errno {errno}");
        }

        return new ForeignLock(stream);
    }

    /// <summary>Closing the file releases the lock.</summary>
    public void Dispose() => stream.Dispose();

    [DllImport("libc", SetLastError = true)]
    private static extern int fcntl(int fd, int cmd, byte[] flock);
}
