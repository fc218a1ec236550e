using System.CommandLine;
using Ntm.Reports.Tables;

namespace Ntm.Jobs.Cli;

/// <summary>
/// The output options of every verb that prints a table, said once: <c>--format
/// table|csv|json|xlsx</c>, <c>--out FILE</c> (CSV, JSON or XLSX to a file instead of standard
/// output; a workbook always goes to a file) and <c>--xlsx FILE</c> (the workbook as well, whatever
/// the format). The table is one <see cref="TableData"/>: the same columns on the terminal, in CSV
/// (Vietnamese headers, BOM, exact values), in the workbook and in JSON (English keys).
/// </summary>
public sealed class TableOptions
{
    private readonly Option<string> format = new("--format") { Description = "table | csv | json | xlsx", DefaultValueFactory = _ => "table" };
    private readonly Option<string?> output = new("--out") { Description = "Ghi kết quả csv, json hoặc xlsx vào tệp này thay vì màn hình (bắt buộc với xlsx)." };
    private readonly Option<string?> xlsx = new("--xlsx") { Description = "Ghi thêm bảng Excel (.xlsx) vào tệp này." };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public TableOptions(Command command)
    {
        format.AcceptOnlyFromAmong("table", "csv", "json", "xlsx");
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(xlsx);
    }

    /// <summary>What the user asked for (<c>--json</c> is <c>--format json</c>).</summary>
    public TableRequest Get(ParseResult parse, CliContext context)
    {
        var asked = parse.GetValue(format)!;
        if (context.Json && parse.GetResult(format) is { Implicit: false } && asked != "json")
        {
            throw new UsageException($"--json và --format {asked} mâu thuẫn nhau; hãy dùng một trong hai.");
        }

        var request = new TableRequest(context.Json ? "json" : asked, parse.GetValue(output), parse.GetValue(xlsx));
        if (request.Format == "xlsx" && request.Out is null && request.Xlsx is null)
        {
            throw new UsageException("--format xlsx cần --out TỆP.xlsx.");
        }

        if (request.Format == "table" && request.Out is not null)
        {
            throw new UsageException("--out ghi kết quả csv, json hoặc xlsx; hãy thêm --format csv, json hoặc xlsx (hoặc dùng --xlsx TỆP để ghi thêm bảng Excel).");
        }

        foreach (var (option, path) in new[] { ("--out", request.Out), ("--xlsx", request.Xlsx) })
        {
            if (path is not null && Directory.Exists(path))
            {
                throw new UsageException($"{option} '{path}' là một thư mục; hãy ghi tên tệp.");
            }
        }

        return request;
    }
}

/// <summary>A verb's table output as asked: the format, the file it goes to, a workbook besides.</summary>
public sealed record TableRequest(string Format, string? Out, string? Xlsx)
{
    /// <summary>True when the table is for a person on the terminal.</summary>
    public bool ForPeople => Format == "table";

    /// <summary>
    /// Writes the workbook when asked (<paramref name="sheets"/>, else <paramref name="main"/>), then
    /// <paramref name="main"/> as CSV or JSON (<paramref name="json"/>, when the verb has its own
    /// document) to standard output or <see cref="Out"/>. Returns false when the verb prints its
    /// table on the terminal itself. Messages go to standard error, so standard output stays data.
    /// </summary>
    public bool Write(CliContext context, TableData main, IReadOnlyList<TableData>? sheets = null, Action<TextWriter>? json = null)
    {
        foreach (var workbook in new[] { Format == "xlsx" ? Out : null, Xlsx }.OfType<string>().DistinctBy(Path.GetFullPath))
        {
            XlsxTableWriter.Write(workbook, sheets ?? [main]);
            context.Error.WriteLine($"Đã ghi {workbook}.");
        }

        switch (Format)
        {
            case "csv" when Out is not null:
                TableOutput.WriteCsvFile(Out, main);
                context.Error.WriteLine($"Đã ghi {Out}.");
                return true;
            case "csv":
                TableOutput.WriteCsv(context.Out, main);
                return true;
            case "json":
                if (Out is null)
                {
                    (json ?? (w => TableOutput.WriteJson(w, main)))(context.Out);
                    return true;
                }

                Ntm.Reports.OutputFile.WriteText(Out, Capture(json ?? (w => TableOutput.WriteJson(w, main))));
                context.Error.WriteLine($"Đã ghi {Out}.");
                return true;
            case "xlsx":
                return true;
            default:
                return false;
        }
    }

    private static string Capture(Action<TextWriter> write)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        write(writer);
        return writer.ToString();
    }
}
