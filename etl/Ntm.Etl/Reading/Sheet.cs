namespace Ntm.Etl.Reading;

/// <summary>
/// A worksheet as a sparse grid of cells. A merged range's value is found at every cell of the
/// range through <see cref="Effective"/>, which is how a merged header names all its columns.
/// Its cells never change: they are put in order, and each row's gathered, once.
/// </summary>
public sealed class Sheet
{
    private readonly Dictionary<(int Row, int Column), Cell> cells;

    // Every cell by row then column, and the cells of each row that holds any, left to right: the
    // readers walk the rows of every sheet many times over.
    private readonly IReadOnlyList<Cell> ordered;
    private readonly Dictionary<int, IReadOnlyList<Cell>> rows = [];

    /// <summary>Creates a sheet from its cells and merged ranges.</summary>
    public Sheet(string name, IEnumerable<Cell> cells, IReadOnlyList<MergedRange> merged, bool hidden = false)
    {
        Name = name;
        Hidden = hidden;
        this.cells = cells.ToDictionary(c => (c.Row, c.Column));
        Merged = merged;
        RowCount = this.cells.Count == 0 ? 0 : this.cells.Keys.Max(k => k.Row) + 1;
        ColumnCount = this.cells.Count == 0 ? 0 : this.cells.Keys.Max(k => k.Column) + 1;
        var sorted = this.cells.Values.OrderBy(c => c.Row).ThenBy(c => c.Column).ToArray();
        ordered = Array.AsReadOnly(sorted);
        for (var start = 0; start < sorted.Length;)
        {
            var end = start + 1;
            while (end < sorted.Length && sorted[end].Row == sorted[start].Row)
            {
                end++;
            }

            rows[sorted[start].Row] = Array.AsReadOnly(sorted[start..end]);
            start = end;
        }
    }

    /// <summary>The sheet's name.</summary>
    public string Name { get; }

    /// <summary>True when the sheet is hidden in the workbook: templates leave it out unless they opt in.</summary>
    public bool Hidden { get; }

    /// <summary>Merged ranges.</summary>
    public IReadOnlyList<MergedRange> Merged { get; }

    /// <summary>One past the last row holding a cell.</summary>
    public int RowCount { get; }

    /// <summary>One past the last column holding a cell.</summary>
    public int ColumnCount { get; }

    /// <summary>Every non-empty cell, by row then column.</summary>
    public IEnumerable<Cell> Cells => ordered;

    /// <summary>The cell stored at a position, or null.</summary>
    public Cell? At(int row, int column) => cells.GetValueOrDefault((row, column));

    /// <summary>The cell at a position, or the top-left cell of the merged range covering it.</summary>
    public Cell? Effective(int row, int column)
    {
        if (cells.TryGetValue((row, column), out var cell))
        {
            return cell;
        }

        var range = Merged.FirstOrDefault(m => m.Contains(row, column));
        return range is null ? null : At(range.FromRow, range.FromColumn);
    }

    /// <summary>The text at a position (merged ranges included), or an empty string.</summary>
    public string Text(int row, int column) => Effective(row, column)?.Text ?? string.Empty;

    /// <summary>The non-empty cells of a row, left to right.</summary>
    public IEnumerable<Cell> Row(int row) => rows.GetValueOrDefault(row) ?? [];
}
