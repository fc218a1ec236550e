using Ntm.Domain.Statuses;

namespace Ntm.Reports.Tables;

/// <summary>
/// A report table as a CSV file (through <see cref="CsvWriter"/>): data, not layout. A judged
/// figure becomes two columns, its exact value and its status code; heading rows are left out
/// (each data row names its unit).
/// </summary>
public static class CsvTableWriter
{
    /// <summary>Writes <paramref name="table"/> to <paramref name="path"/>.</summary>
    public static void Write(TableData table, string path) => OutputFile.Write(path, temporary => WriteTo(table, temporary));

    private static void WriteTo(TableData table, string path)
    {
        var judged = Enumerable.Range(0, table.Columns.Count)
            .Select(c => table.Rows.Any(r => !TableData.IsHeading(r) && c < r.Count && r[c] is StatusValue)).ToList();
        using var csv = CsvWriter.Create(path);
        csv.WriteRow(table.Columns.SelectMany((column, c) => judged[c] ? [column.Header, $"{column.Header} - đánh giá"] : new[] { column.Header }));
        foreach (var row in table.Rows.Where(r => !TableData.IsHeading(r)))
        {
            csv.WriteValues(row.SelectMany((value, c) => c < judged.Count && judged[c]
                ? value is StatusValue judgedValue ? [judgedValue.Value, judgedValue.Status.ToCode()] : new[] { value, null }
                : [value is StatusValue s ? s.Value : value is TableHeading h ? h.Text : value]));
        }
    }
}
