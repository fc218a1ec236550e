namespace Ntm.Etl.Reading;

/// <summary>
/// One non-empty cell: where it is (sheet, zero-based row and column, A1 address), the text as
/// read (after legacy-encoding repair) and the typed value the file stored (double, string,
/// DateTime or bool).
/// </summary>
public sealed record Cell(string Sheet, int Row, int Column, string Text, object Value)
{
    /// <summary>The A1 address, e.g. "D7".</summary>
    public string Address => CellRef.Address(Row, Column);

    /// <summary>True when the file stored a number (not text that looks like one).</summary>
    public bool IsNumeric => Value is double;
}

/// <summary>A merged range, zero-based and inclusive.</summary>
public sealed record MergedRange(int FromRow, int FromColumn, int ToRow, int ToColumn)
{
    /// <summary>True when the range covers the cell.</summary>
    public bool Contains(int row, int column) => row >= FromRow && row <= ToRow && column >= FromColumn && column <= ToColumn;
}
