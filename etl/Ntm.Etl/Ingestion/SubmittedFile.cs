namespace Ntm.Etl.Ingestion;

/// <summary>Where a file to ingest came from, which decides what happens to it afterwards.</summary>
public enum FileOrigin
{
    /// <summary>The home's inbox: the product's own folder, emptied as files are handled.</summary>
    Inbox,

    /// <summary>Named on the command line outside the inbox: read and copied, left where it was.</summary>
    CommandLine,

    /// <summary>An archived file read again (<c>ntm ingest --again</c>), under its original name.</summary>
    Archive,
}

/// <summary>A file to ingest: where it is, the name it was submitted under, where it came from, and when it arrived.</summary>
/// <param name="Path">Where the bytes are now.</param>
/// <param name="Name">The name it was submitted under (the archive's copy has a hash for a name).</param>
/// <param name="Origin">Inbox, command line or archive.</param>
/// <param name="LastWriteUtc">When it arrived (last written), which orders a batch.</param>
/// <param name="Again">For a file read again: the submission whose reading it replaces.</param>
public sealed record SubmittedFile(string Path, string Name, FileOrigin Origin, DateTime LastWriteUtc, long? Again = null)
{
    /// <summary>For a file read again: when the original reached the inbox, if it did.</summary>
    public DateTime? KnownArrival { get; init; }

    /// <summary>For a file read again: the day declared as sent for the original, if one was.</summary>
    public DateOnly? DeclaredOn { get; init; }

    /// <summary>
    /// When the report arrived: for an inbox file, when it was written there; for a file read again,
    /// when the original arrived; a file named on the command line has no known arrival (it was sent
    /// some time before, and loading it today says nothing of when).
    /// </summary>
    public DateTime? ArrivedAtUtc => Origin switch
    {
        FileOrigin.Inbox => LastWriteUtc,
        FileOrigin.Archive => KnownArrival,
        _ => null,
    };
}
