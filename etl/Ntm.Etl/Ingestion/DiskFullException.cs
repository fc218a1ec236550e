namespace Ntm.Etl.Ingestion;

/// <summary>
/// The disk holding the home is full. Ingestion stops at once (every later file would fail the
/// same way) after removing what it had half written; nothing of the file is recorded.
/// </summary>
public sealed class DiskFullException : IOException
{
    /// <summary>Creates the exception with a message for the statistician.</summary>
    public DiskFullException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the system's error.</summary>
    public DiskFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message; prefer the other constructors.</summary>
    public DiskFullException()
    {
    }

    /// <summary>True when <paramref name="exception"/> says the disk is full (ENOSPC on Linux and macOS, ERROR_DISK_FULL / ERROR_HANDLE_DISK_FULL on Windows, or DuckDB's message).</summary>
    public static bool Is(Exception exception) =>
        exception is DiskFullException
        || (exception is IOException io && ((io.HResult & 0xFFFF) is 28 or 0x70 or 0x27))
        || exception.Message.Contains("No space left on device", StringComparison.OrdinalIgnoreCase)
        || exception.Message.Contains("There is not enough space on the disk", StringComparison.OrdinalIgnoreCase);

    /// <summary>The exception to throw for a full disk met while writing <paramref name="what"/>.</summary>
    public static DiskFullException While(string what, Exception cause) =>
        new($"Ổ đĩa đã đầy khi {what}; việc nạp dừng lại, không có gì được ghi dở. Hãy giải phóng dung lượng rồi chạy lại ntm ingest.", cause);
}
