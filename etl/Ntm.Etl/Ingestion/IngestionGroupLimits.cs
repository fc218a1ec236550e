namespace Ntm.Etl.Ingestion;

/// <summary>
/// How much of a batch is recorded in one transaction: a group is committed when it reaches
/// <paramref name="Files"/> files, <paramref name="Bytes"/> bytes read, or <paramref name="Time"/>
/// since it began (a scheduled run shows its progress, and a crash redoes at most that much).
/// </summary>
public sealed record IngestionGroupLimits(int Files, long Bytes, TimeSpan Time)
{
    /// <summary>
    /// The largest file read ahead, on another core, while the one before it is checked and
    /// recorded: larger files are read in their turn, so that at most one large file is in memory.
    /// </summary>
    public long ReadAheadBytes { get; init; } = 4L << 20;

    /// <summary>
    /// How many of the next files are read ahead while one is recorded: four, so that both cores read
    /// while one records, and a core that finished a file has the next one to read rather than waiting
    /// for the file being recorded (files take unequal times). Few, so that what they read is used
    /// before the collector has to keep it.
    /// </summary>
    public int ReadAheadFiles { get; init; } = 4;

    /// <summary>
    /// How many of the next files are read ahead while a group is committed: enough that the other
    /// cores keep reading through the commit (a group of 500 small files takes 150–200 ms to commit,
    /// in which a core reads about 200 of them).
    /// </summary>
    public int ReadAheadAtCommit { get; init; } = 256;

    /// <summary>
    /// The bytes of the files read ahead and not yet recorded: no file is added to a window that holds
    /// this many (so it holds at most this plus one file of <see cref="ReadAheadBytes"/>); a window of
    /// small files is wide, one of large files narrow.
    /// </summary>
    public long ReadAheadWindowBytes { get; init; } = 16L << 20;

    /// <summary>500 files, 256 MB or 5 seconds.</summary>
    public static IngestionGroupLimits Default { get; } = new(500, 256L << 20, TimeSpan.FromSeconds(5));

    /// <summary>One file per transaction, as before groups.</summary>
    public static IngestionGroupLimits OneFile { get; } = new(1, long.MaxValue, TimeSpan.MaxValue);
}
