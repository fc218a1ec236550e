namespace Ntm.Warehouse;

/// <summary>
/// Another process is writing to the warehouse. DuckDB allows one writing process per file;
/// the caller should try again later rather than treat this as a failure.
/// </summary>
public sealed class WarehouseBusyException : Exception
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

    /// <summary>The exception for the warehouse at <paramref name="path"/>, locked as DuckDB reported in <paramref name="cause"/>.</summary>
    public static WarehouseBusyException For(string path, Exception cause) =>
        new($"Warehouse busy: {path} is in use by another process. Try again when it has finished. ({cause.Message})", cause) { Path = path };
}
