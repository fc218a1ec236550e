using System.Text.RegularExpressions;

namespace Ntm.Warehouse;

/// <summary>
/// Another process holds the warehouse. DuckDB allows one writing process per file (and no
/// reader beside it); the caller should try again later rather than treat this as a failure.
/// </summary>
public sealed partial class WarehouseBusyException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public WarehouseBusyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public WarehouseBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message; prefer the other constructors.</summary>
    public WarehouseBusyException()
    {
    }

    /// <summary>The warehouse file that is locked.</summary>
    public string Path { get; init; } = string.Empty;

    /// <summary>The process holding the file, when DuckDB named it.</summary>
    public int? HolderProcessId { get; init; }

    /// <summary>What the holding process is (its command line), when it could be read.</summary>
    public string? Holder { get; init; }

    /// <summary>True when DuckDB refused to open a file because another process holds its lock.</summary>
    public static bool IsLockConflict(Exception exception) =>
        exception.Message.Contains("Could not set lock on file", StringComparison.Ordinal)
        || exception.Message.Contains("Conflicting lock is held", StringComparison.Ordinal);

    /// <summary>The exception for the warehouse at <paramref name="path"/>, locked as DuckDB reported in <paramref name="cause"/>.</summary>
    public static WarehouseBusyException For(string path, Exception cause)
    {
        var match = HolderPattern().Match(cause.Message);
        int? pid = match.Success && int.TryParse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : null;
        var holder = pid is { } id ? DescribeProcess(id) : null;
        return new($"Warehouse busy: {path} is in use by another process{(pid is null ? string.Empty : $" (PID {pid}{(holder is null ? string.Empty : $": {holder}")})")}.", cause)
        {
            Path = path,
            HolderProcessId = pid,
            Holder = holder,
        };
    }

    private static string? DescribeProcess(int pid)
    {
        try
        {
            // Linux names a process's command line in /proc; elsewhere the PID alone is shown.
            var cmdline = System.IO.Path.Combine("/proc", pid.ToString(System.Globalization.CultureInfo.InvariantCulture), "cmdline");
            if (!File.Exists(cmdline))
            {
                return null;
            }

            var parts = File.ReadAllText(cmdline).Split('\0', StringSplitOptions.RemoveEmptyEntries);
            var text = string.Join(' ', parts.Select(a => System.IO.Path.GetFileName(a) == a ? a : System.IO.Path.GetFileName(a)));
            return text.Length > 120 ? text[..120] + "…" : text;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"PID (\d+)")]
    private static partial Regex HolderPattern();
}
