namespace Ntm.Etl.Ingestion;

/// <summary>
/// The disk refused to write out the copies of a group (an input/output error, not a full disk).
/// Ingestion stops: what the group would have recorded is not recorded, its files stay in the inbox.
/// </summary>
public sealed class DiskWriteException : IOException
{
    /// <summary>Creates the exception with a message for the statistician.</summary>
    public DiskWriteException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the system's error.</summary>
    public DiskWriteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message; prefer the other constructors.</summary>
    public DiskWriteException()
    {
    }
}
