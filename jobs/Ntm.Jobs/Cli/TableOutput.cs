using System.Globalization;
using Ntm.Reports.Tables;
using Spectre.Console;

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

    /// <summary>The rows as CSV in a file (written whole or not at all), exactly as on standard output.</summary>
    public static void WriteCsvFile(string path, TableData table) =>
        Ntm.Reports.OutputFile.Write(path, temporary =>
        {
            using var writer = new StreamWriter(temporary, append: false, CsvWriter.FileEncoding);
            WriteCsv(writer, table);
        });

    /// <summary>The rows as a JSON array of objects.</summary>
    public static void WriteJson(TextWriter output, TableData table) =>
        ResultWriter.WriteJson(output, table.Columns.Select(c => c.Key ?? c.Header).ToList(), Numeric(table).Select(n => n ? ResultWriter.JsonKind.Number : ResultWriter.JsonKind.Value).ToList(), Rows(table));

    /// <summary>
    /// The table for a person on the terminal: the same columns, counts whole, rates and shares to one
    /// decimal, Vietnamese separators, "-" for no figure; a heading row spans the table in bold, and
    /// so does a total row when <paramref name="lastRowIsTotal"/>. The note under it, dimmed.
    /// </summary>
    public static void WriteTerminal(IAnsiConsole console, TableData table, bool lastRowIsTotal = false)
    {
        var terminal = new Table().Border(TableBorder.Rounded).Title(Terminal.Escape(table.Title));
        foreach (var column in table.Columns)
        {
            var added = new Spectre.Console.TableColumn(Terminal.Escape(column.Header));
            terminal.AddColumn(column.Kind is ColumnKind.Count or ColumnKind.Rate ? added.RightAligned() : added);
        }

        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            if (TableData.IsHeading(row))
            {
                terminal.AddRow([$"[bold]{Terminal.Escape(row[0]!.ToString()!)}[/]", .. Enumerable.Repeat(string.Empty, table.Columns.Count - 1)]);
                continue;
            }

            var cells = row.Select((value, c) => Terminal.Escape(Cell(value, table.Columns[c]))).ToArray();
            terminal.AddRow(lastRowIsTotal && r == table.Rows.Count - 1 ? cells.Select(c => $"[bold]{c}[/]").ToArray() : cells);
        }

        console.Write(terminal);
        if (table.Note is { } note)
        {
            console.MarkupLine($"[dim]{Terminal.Escape(note)}[/]");
        }
    }

    /// <summary>A cell as the column's kind shows it: whole numbers for counts, one decimal for rates and shares.</summary>
    private static string Cell(object? value, Ntm.Reports.Tables.TableColumn column) => value switch
    {
        null => "-",
        StatusValue status => status.Text,
        decimal d => Ntm.Jobs.Answers.TrendAnswer.Format(d, column.Kind == ColumnKind.Count ? 0 : 1),
        int i => i.ToString("#,##0", CultureInfo.GetCultureInfo("vi-VN")),
        long l => l.ToString("#,##0", CultureInfo.GetCultureInfo("vi-VN")),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static List<bool> Numeric(TableData table) => table.Columns.Select(c => c.Kind is ColumnKind.Count or ColumnKind.Rate).ToList();

    private static IEnumerable<object?[]> Rows(TableData table) =>
        table.Rows.Where(r => !TableData.IsHeading(r)).Select(r => r.Select((v, c) => (v is StatusValue s ? s.Value : v) switch
        {
            decimal d when table.Columns[c].Kind == ColumnKind.Rate => CsvWriter.Format(decimal.Round(d, QuotientDecimals, MidpointRounding.AwayFromZero)),
            decimal d => CsvWriter.Format(d),
            var other => other,
        }).ToArray());
}
