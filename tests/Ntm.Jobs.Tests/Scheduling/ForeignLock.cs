using Tmds.Linux;

namespace Ntm.Jobs.Tests.Scheduling;

/// <summary>
/// A write lock on a whole file as another process's DuckDB holds it, taken in this process as an
/// open file description's lock (Linux <c>F_OFD_SETLK</c>): it conflicts with the record lock DuckDB
/// takes when it opens the file, even from this process. Released when disposed.
/// </summary>
internal sealed unsafe class ForeignLock : IDisposable
{
    private readonly FileStream stream;

    private ForeignLock(FileStream stream) => this.stream = stream;

    /// <summary>Holds a write lock on the whole of <paramref name="path"/>; throws when the system refuses it.</summary>
    public static ForeignLock Hold(string path)
    {
        Assert.True(OperatingSystem.IsLinux(), "open file description locks are Linux's");
        var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        // The whole file (l_start 0, l_len 0: to its end); l_pid is 0 for these locks.
        var whole = new flock { l_type = (short)LibC.F_WRLCK, l_whence = (short)LibC.SEEK_SET };
        if (LibC.fcntl((int)stream.SafeFileHandle.DangerousGetHandle(), LibC.F_OFD_SETLK, &whole) != 0)
        {
            var errno = LibC.errno;
            stream.Dispose();
            throw new IOException($"fcntl(F_OFD_SETLK) refused: errno {errno}");
        }

        return new ForeignLock(stream);
    }

    /// <summary>Closing the file releases the lock.</summary>
    public void Dispose() => stream.Dispose();
}
