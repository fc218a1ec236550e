namespace Ntm.Reports.Tables;

/// <summary>Spreadsheet cell addresses: column 0, row 1 is A1; column 26 is AA.</summary>
public static class CellReference
{
    /// <summary>The A1-style address of a zero-based column and a one-based row.</summary>
    public static string Of(int column, int row)
    {
        var name = string.Empty;
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name + row.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
