namespace Ntm.Reports.Tables;

/// <summary>A report table as a CSV file (through <see cref="CsvWriter"/>).</summary>
public static class CsvTableWriter
{
    /// <summary>Writes <paramref name="table"/> to <paramref name="path"/>.</summary>
    public static void Write(TableData table, string path)
    {
        using var csv = CsvWriter.Create(path);
        csv.WriteRow(table.Columns.Select(c => c.Header));
        foreach (var row in table.Rows)
        {
            csv.WriteValues(row);
        }
    }
}
