namespace Ntm.Etl.Reading;

/// <summary>
/// Bounds on what a submitted file may hold, checked before and while it is read: past them the
/// file is rejected with a clear reason instead of taking the process down (a zip bomb, a sheet of
/// a million rows, a shared string of 300 MB).
/// </summary>
/// <param name="MaxFileBytes">The file itself.</param>
/// <param name="MaxSheets">Worksheets.</param>
/// <param name="MaxRowsPerSheet">Rows of one sheet.</param>
/// <param name="MaxColumns">Columns of one row.</param>
/// <param name="MaxCells">Non-empty cells of the workbook.</param>
/// <param name="MaxPartBytes">One part of an .xlsx once inflated (a sheet, the shared strings), as the zip declares it.</param>
/// <param name="MaxInflatedBytes">All parts of an .xlsx once inflated.</param>
/// <param name="MaxCellChars">The text of one cell (Excel's own limit is 32,767 characters).</param>
/// <param name="MaxAllocatedBytes">The memory reading and checking one file may allocate (<see cref="ReadBudget"/>).</param>
public sealed record ReadLimits(
    long MaxFileBytes = 50L * 1024 * 1024,
    int MaxSheets = 200,
    int MaxRowsPerSheet = 100_000,
    int MaxColumns = 1_000,
    long MaxCells = 5_000_000,
    long MaxPartBytes = 200L * 1024 * 1024,
    long MaxInflatedBytes = 400L * 1024 * 1024,
    int MaxCellChars = 32_767,
    long MaxAllocatedBytes = 2L * 1024 * 1024 * 1024)
{
    /// <summary>The limits used unless a caller sets others.</summary>
    public static ReadLimits Default { get; } = new();
}
