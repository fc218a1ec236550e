using Ntm.Reports.Tables;

namespace Ntm.Jobs.Cli;

/// <summary>
/// A verb's table on standard output for machines: CSV (UTF-8 with BOM, the Vietnamese headers people
/// see, a decimal point and no thousands separator) or JSON (an array of objects keyed by each
/// column's English key). The same columns as the terminal and the XLSX. Counts are exact (0,5 case
/// stays 0.5); a quotient (a rate, a share, a % change), which has no exact decimal, is given to
/// <see cref="QuotientDecimals"/> places.
/// </summary>
public static class TableOutput
{
    /// <summary>The places a quotient is given to.</summary>
    public const int QuotientDecimals = 6;

    /// <summary>The rows as CSV.</summary>
    public static void WriteCsv(TextWriter output, TableData table) =>
        ResultWriter.WriteCsv(output, table.Columns.Select(c => c.Header).ToList(), Numeric(table), Rows(table));

    /// <summary>The rows as a JSON array of objects.</summary>
    public static void WriteJson(TextWriter output, TableData table) =>
        ResultWriter.WriteJson(output, table.Columns.Select(c => c.Key ?? c.Header).ToList(), Numeric(table).Select(n => n ? ResultWriter.JsonKind.Number : ResultWriter.JsonKind.Value).ToList(), Rows(table));

    private static List<bool> Numeric(TableData table) => table.Columns.Select(c => c.Kind is ColumnKind.Count or ColumnKind.Rate).ToList();

    private static IEnumerable<object?[]> Rows(TableData table) =>
        table.Rows.Where(r => !TableData.IsHeading(r)).Select(r => r.Select((v, c) => (v is StatusValue s ? s.Value : v) switch
        {
            decimal d when table.Columns[c].Kind == ColumnKind.Rate => CsvWriter.Format(decimal.Round(d, QuotientDecimals, MidpointRounding.AwayFromZero)),
            decimal d => CsvWriter.Format(d),
            var other => other,
        }).ToArray());
}
