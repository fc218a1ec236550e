using System.Globalization;
using System.Text;

namespace Ntm.Etl.Reading;

/// <summary>A1-style cell addresses, as a statistician sees them in Excel.</summary>
public static class CellRef
{
    /// <summary>The A1 address of a zero-based row and column: (6, 3) → "D7".</summary>
    public static string Address(int row, int column) => ColumnName(column) + (row + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>The column letters of a zero-based column: 0 → "A", 26 → "AA".</summary>
    public static string ColumnName(int column)
    {
        var name = new StringBuilder();
        var n = column + 1;
        while (n > 0)
        {
            var remainder = (n - 1) % 26;
            name.Insert(0, (char)('A' + remainder));
            n = (n - 1) / 26;
        }

        return name.ToString();
    }
}
