using Microsoft.Win32.SafeHandles;

namespace Ntm.Jobs.Cli;

/// <summary>The process's standard output as a file, so that a reader going away is an error ntm sees.</summary>
public static class StandardOutput
{
    /// <summary>
    /// A stream over file descriptor 1. On Unix the console's own stream ignores a closed pipe
    /// (EPIPE) and lets a query run to its end for nobody; this one throws, and ntm stops.
    /// </summary>
    public static Stream Open() =>
        OperatingSystem.IsWindows()
            ? Console.OpenStandardOutput()
            : new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);

    /// <summary>True when <paramref name="exception"/> says the reader of the output went away (EPIPE, or Windows' broken pipe).</summary>
    public static bool IsClosed(IOException exception) =>
        OperatingSystem.IsWindows()
            ? (exception.HResult & 0xFFFF) is 109 or 232 // ERROR_BROKEN_PIPE, ERROR_NO_DATA
            : (exception.HResult & 0xFFFF) is 32 || exception.Message.Contains("Broken pipe", StringComparison.Ordinal); // EPIPE
}
