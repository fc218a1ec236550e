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
public sealed record SubmittedFile(string Path, string Name, FileOrigin Origin, DateTime LastWriteUtc, long? Again = null);
