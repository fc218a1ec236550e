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
    /// How many of the next files are read ahead: four, so that both cores read while one records,
    /// and a core that finished a file has the next one to read rather than waiting for the file
    /// being recorded (files take unequal times). At most this many files of at most
    /// <see cref="ReadAheadBytes"/> are in memory besides the one recorded.
    /// </summary>
    public int ReadAheadFiles { get; init; } = 4;

    /// <summary>500 files, 256 MB or 5 seconds.</summary>
    public static IngestionGroupLimits Default { get; } = new(500, 256L << 20, TimeSpan.FromSeconds(5));

    /// <summary>One file per transaction, as before groups.</summary>
    public static IngestionGroupLimits OneFile { get; } = new(1, long.MaxValue, TimeSpan.MaxValue);
}
