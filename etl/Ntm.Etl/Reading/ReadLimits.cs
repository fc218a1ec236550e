namespace Ntm.Etl.Reading;

/// <summary>
/// Bounds on what a submitted file may hold. Past them the file is rejected with a clear reason
/// instead of taking the process down (a zip bomb, a sheet of a million rows).
/// </summary>
public sealed record ReadLimits(long MaxFileBytes = 50L * 1024 * 1024, int MaxSheets = 200, int MaxRowsPerSheet = 100_000, int MaxColumns = 1_000, long MaxCells = 5_000_000)
{
    /// <summary>The limits used unless a caller sets others.</summary>
    public static ReadLimits Default { get; } = new();
}
