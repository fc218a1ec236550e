using System.Text;
using Tmds.Linux;

namespace Ntm.Etl.Ingestion;

/// <summary>
/// Two calls of the operating system that .NET does not offer, on Linux through Tmds.LibC's
/// bindings (elsewhere they do nothing and say so): a second name for a file (a hard link), and
/// writing a file system's pending data to disk (<c>syncfs</c>).
/// </summary>
internal static unsafe class FileSystemCalls
{
    /// <summary>
    /// Gives <paramref name="existing"/> the second name <paramref name="link"/>: no file is created
    /// and no byte written. Only a plain file with no other name is linked (not a symbolic link, nor
    /// a file that is also someone's working copy elsewhere, which could be written again later).
    /// False when it is not linked (not Linux, another file system, a name taken, a file the process
    /// may not link, a C library without statx).
    /// </summary>
    public static bool TryLink(string existing, string link)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            var from = NullTerminated(existing);
            var to = NullTerminated(link);
            fixed (byte* source = from, target = to)
            {
                return LinkCount(source) == 1 && LibC.link(source, target) == 0;
            }
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    /// <summary>How many names a plain file has (its own path not followed if it is a symbolic link); 0 when it is not a plain file or cannot be asked.</summary>
    private static uint LinkCount(byte* path)
    {
        statx status;
        if (LibC.statx(LibC.AT_FDCWD, path, LibC.AT_SYMLINK_NOFOLLOW, LibC.STATX_TYPE | LibC.STATX_NLINK, &status) != 0)
        {
            return 0;
        }

        return (status.stx_mode & LibC.S_IFMT) == LibC.S_IFREG ? status.stx_nlink : 0;
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

        int fd;
        fixed (byte* path = NullTerminated(directory))
        {
            fd = LibC.open(path, LibC.O_RDONLY | LibC.O_CLOEXEC, 0);
        }

        if (fd < 0)
        {
            throw Refused(directory, LibC.errno);
        }

        try
        {
            if (LibC.syncfs(fd) != 0)
            {
                throw Refused(directory, LibC.errno);
            }
        }
        finally
        {
            _ = LibC.close(fd);
        }
    }

    private static IOException Refused(string directory, int errno) => errno == LibC.ENOSPC || errno == LibC.EDQUOT
        ? new DiskFullException($"Ổ đĩa đã đầy khi ghi xuống đĩa các tệp trong '{directory}'; việc nạp dừng lại, không có gì được ghi dở. Hãy giải phóng dung lượng rồi chạy lại ntm ingest.")
        : new DiskWriteException($"Không ghi được xuống đĩa các tệp trong '{directory}' (mã lỗi hệ thống {errno}); việc nạp dừng lại, các tệp của nhóm đang nạp vẫn ở hộp thư. Hãy kiểm tra ổ đĩa rồi chạy lại ntm ingest.");

    /// <summary>A path as the C library takes it: UTF-8, ending in a zero byte.</summary>
    private static byte[] NullTerminated(string path) => Encoding.UTF8.GetBytes(path + "\0");
}
