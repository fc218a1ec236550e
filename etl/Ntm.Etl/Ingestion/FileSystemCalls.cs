using System.Runtime.InteropServices;

namespace Ntm.Etl.Ingestion;

/// <summary>
/// Two calls of the operating system that .NET does not offer, on Linux (elsewhere they do
/// nothing and say so): a second name for a file (a hard link), and writing a file system's
/// pending data to disk (<c>syncfs</c>).
/// </summary>
internal static class FileSystemCalls
{
    /// <summary>
    /// Gives <paramref name="existing"/> the second name <paramref name="link"/>: no file is created
    /// and no byte written. Only a plain file with no other name is linked (not a symbolic link, nor
    /// a file that is also someone's working copy elsewhere, which could be written again later).
    /// False when it is not linked (not Linux, another file system, a name taken, a file the process
    /// may not link).
    /// </summary>
    public static bool TryLink(string existing, string link)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return LinkCount(existing) == 1 && Libc.link(NullTerminated(existing), NullTerminated(link)) == 0;
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            // A C library without statx (glibc before 2.28): the bytes are written instead.
            return false;
        }
    }

    /// <summary>How many names a plain file has (its own path not followed if it is a symbolic link); 0 when it is not a plain file or cannot be asked.</summary>
    private static uint LinkCount(string path)
    {
        // struct statx has the same layout on every architecture: stx_nlink at 16, stx_mode at 28.
        const int AtCurrentDirectory = -100, AtSymlinkNoFollow = 0x100;
        const uint WantTypeAndLinks = 0x1 | 0x4; // STATX_TYPE | STATX_NLINK
        var buffer = new byte[256];
        if (Libc.statx(AtCurrentDirectory, NullTerminated(path), AtSymlinkNoFollow, WantTypeAndLinks, buffer) != 0)
        {
            return 0;
        }

        var mode = BitConverter.ToUInt16(buffer, 28);
        return (mode & 0xF000) == 0x8000 ? BitConverter.ToUInt32(buffer, 16) : 0;
    }

    /// <summary>
    /// Writes to disk what the file system holding <paramref name="directory"/> has in memory, and
    /// waits for it. A full disk throws <see cref="DiskFullException"/>, any other refusal
    /// <see cref="DiskWriteException"/>: either stops ingestion. Elsewhere than on Linux nothing is done.
    /// </summary>
    public static void Sync(string directory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        const int ReadOnlyCloseOnExec = 0x80000; // O_RDONLY | O_CLOEXEC
        var fd = Libc.open(NullTerminated(directory), ReadOnlyCloseOnExec);
        if (fd < 0)
        {
            throw Refused(directory, Marshal.GetLastPInvokeError());
        }

        try
        {
            if (Libc.syncfs(fd) != 0)
            {
                throw Refused(directory, Marshal.GetLastPInvokeError());
            }
        }
        finally
        {
            _ = Libc.close(fd);
        }
    }

    private static IOException Refused(string directory, int errno) => errno is 28 or 122 // ENOSPC, EDQUOT
        ? new DiskFullException($"Ổ đĩa đã đầy khi ghi xuống đĩa các tệp trong '{directory}'; việc nạp dừng lại, không có gì được ghi dở. Hãy giải phóng dung lượng rồi chạy lại ntm ingest.")
        : new DiskWriteException($"Không ghi được xuống đĩa các tệp trong '{directory}' (mã lỗi hệ thống {errno}); việc nạp dừng lại, các tệp của nhóm đang nạp vẫn ở hộp thư. Hãy kiểm tra ổ đĩa rồi chạy lại ntm ingest.");

    /// <summary>A path as the C library takes it: UTF-8, ending in a zero byte.</summary>
    private static byte[] NullTerminated(string path) => System.Text.Encoding.UTF8.GetBytes(path + "\0");

    private static class Libc
    {
        [DllImport("libc", SetLastError = true)]
        public static extern int link(byte[] oldpath, byte[] newpath);

        [DllImport("libc", SetLastError = true)]
        public static extern int statx(int dirfd, byte[] pathname, int flags, uint mask, byte[] statxbuf);

        [DllImport("libc", SetLastError = true)]
        public static extern int open(byte[] pathname, int flags);

        [DllImport("libc", SetLastError = true)]
        public static extern int syncfs(int fd);

        [DllImport("libc", SetLastError = true)]
        public static extern int close(int fd);
    }
}
