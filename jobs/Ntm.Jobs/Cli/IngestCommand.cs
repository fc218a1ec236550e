using System.CommandLine;
using System.Text.Json;
using Ntm.Etl.Ingestion;
using Ntm.Etl.Parsing;
using Ntm.Domain.Areas;
using Spectre.Console;

namespace Ntm.Jobs.Cli;

/// <summary><c>ntm ingest [PATH…]</c>: loads submitted workbooks (default: the inbox) into the warehouse.</summary>
public static class IngestCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var paths = new Argument<string[]>("paths") { Description = "Tệp hoặc thư mục (mặc định: inbox). Files or folders.", Arity = ArgumentArity.ZeroOrMore };
        var template = new Option<string?>("--template") { Description = "Dùng mẫu này thay vì tự nhận dạng. Force a template." };
        var period = new Option<string?>("--period") { Description = "Kỳ báo cáo YYYY-MM (hoặc YYYY) khi tệp không ghi. The period." };
        var area = new Option<string?>("--area") { Description = "Đơn vị báo cáo (mã hoặc tên) khi tiêu đề không ghi. The reporting unit." };
        var command = new Command("ingest", "Nạp các tệp báo cáo vào kho. Ingests workbooks.") { paths, template, period, area };
        command.SetAction(parse => Run(context(parse), parse.GetValue(paths) ?? [], parse.GetValue(template), parse.GetValue(period), parse.GetValue(area)));
        return command;
    }

    internal static ReportPeriod? ParsePeriod(string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return ReportPeriod.ParseOption(text);
        }
        catch (FormatException ex)
        {
            throw new UsageException($"--period '{text}' không đúng dạng YYYY-MM hoặc YYYY.", ex);
        }
    }

    internal static AreaRecord? ResolveArea(AreaDirectory areas, string? text, ReportPeriod? period)
    {
        if (text is null)
        {
            return null;
        }

        var lookup = areas.Find(text, new AreaContextHint(period?.FirstDay));
        return lookup.IsFound ? lookup.Area : throw new UsageException($"--area: {lookup.Message}");
    }

    private static int Run(CliContext context, string[] paths, string? template, string? periodText, string? areaText)
    {
        var period = ParsePeriod(periodText);
        context.Home.EnsureFolders();
        var files = IngestionService.Expand(paths.Length == 0 ? [context.Home.Inbox] : paths);
        foreach (var missing in files.Where(f => !File.Exists(f)))
        {
            throw new UsageException($"Không tìm thấy tệp hoặc thư mục '{missing}'.");
        }

        using var connection = context.Database.OpenForWriting();
        var service = new IngestionService(connection, context.Home, context.Clock);
        var options = new IngestionOptions(template, period, ResolveArea(service.Areas, areaText, period));
        var results = new List<IngestFileResult>();
        if (context.Json || files.Count < 2 || !context.Console.Profile.Capabilities.Interactive)
        {
            results.AddRange(files.Select(f => service.Ingest(f, options)));
        }
        else
        {
            context.Console.Progress().Start(progress =>
            {
                var task = progress.AddTask("Đang nạp tệp", maxValue: files.Count);
                foreach (var file in files)
                {
                    task.Description = Markup.Escape(Path.GetFileName(file));
                    results.Add(service.Ingest(file, options));
                    task.Increment(1);
                }
            });
        }

        if (context.Json)
        {
            WriteJson(context.Out, results);
        }
        else
        {
            WriteTable(context.Console, results);
        }

        return results.Any(r => r.Status == IngestFileResult.Rejected) ? (int)ExitCode.Partial : (int)ExitCode.Ok;
    }

    private static void WriteTable(IAnsiConsole console, List<IngestFileResult> results)
    {
        if (results.Count == 0)
        {
            console.MarkupLine("Không có tệp nào để nạp.");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Tệp").AddColumn("Kết quả").AddColumn("Mẫu").AddColumn("Kỳ").AddColumn("Đơn vị")
            .AddColumn(new TableColumn("Số liệu").RightAligned()).AddColumn(new TableColumn("Lỗi").RightAligned()).AddColumn(new TableColumn("Cảnh báo").RightAligned());
        foreach (var r in results)
        {
            var status = r.Status switch
            {
                IngestFileResult.Accepted => r.Supersedes.Count > 0 ? $"[green]đã nạp[/] (thay {string.Join(", ", r.Supersedes)})" : "[green]đã nạp[/]",
                IngestFileResult.Duplicate => "[yellow]trùng[/]",
                _ => "[red]bị từ chối[/]",
            };
            table.AddRow(Markup.Escape(r.File), status, Markup.Escape(r.Template is null ? "-" : $"{r.Template} ({r.TemplateScore:0.00})"),
                Markup.Escape(Summarise(r.Periods)), Markup.Escape(Summarise(r.AreaCodes)), r.Values.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")),
                r.Errors.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Warnings.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Write(table);
        foreach (var r in results.Where(r => r.Findings.Count > 0))
        {
            console.MarkupLine($"[bold]{Markup.Escape(r.File)}[/]");
            foreach (var f in r.Findings.Take(20))
            {
                console.MarkupLine($"  {(f.Severity == Ntm.Etl.Validation.Severity.Error ? "[red]lỗi[/]" : "[yellow]cảnh báo[/]")} {Markup.Escape(f.Message)}");
            }

            if (r.Findings.Count > 20)
            {
                console.MarkupLine($"  … và {r.Findings.Count - 20} phát hiện khác (xem v_finding).");
            }
        }
    }

    private static string Summarise(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "-",
        1 => items[0],
        _ => $"{items[0]} … {items[^1]} ({items.Count})",
    };

    private static void WriteJson(TextWriter output, List<IngestFileResult> results)
    {
        ResultWriter.WriteDocument(output, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("files");
            foreach (var r in results)
            {
                json.WriteStartObject();
                json.WriteString("file", r.File);
                json.WriteString("status", r.Status);
                if (r.Supersedes.Count == 0)
                {
                    json.WriteNull("supersedes");
                }
                else if (r.Supersedes.Count == 1)
                {
                    json.WriteNumber("supersedes", r.Supersedes[0]);
                }
                else
                {
                    json.WriteStartArray("supersedes");
                    r.Supersedes.ToList().ForEach(json.WriteNumberValue);
                    json.WriteEndArray();
                }

                if (r.SubmissionId is { } id)
                {
                    json.WriteNumber("submission_id", id);
                }
                else
                {
                    json.WriteNull("submission_id");
                }

                json.WriteString("template", r.Template);
                WriteOneOrMany(json, "period", r.Periods);
                WriteOneOrMany(json, "area_code", r.AreaCodes);
                json.WriteNumber("values", r.Values);
                json.WriteNumber("errors", r.Errors);
                json.WriteNumber("warnings", r.Warnings);
                Ntm.Etl.Validation.FindingJson.WriteArray(json, "findings", r.Findings);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>One value as a string, several as a list (a yearbook covers many periods and areas), none as null.</summary>
    private static void WriteOneOrMany(Utf8JsonWriter json, string name, IReadOnlyList<string> items)
    {
        switch (items.Count)
        {
            case 0:
                json.WriteNull(name);
                break;
            case 1:
                json.WriteString(name, items[0]);
                break;
            default:
                json.WriteStartArray(name);
                foreach (var item in items)
                {
                    json.WriteStringValue(item);
                }

                json.WriteEndArray();
                break;
        }
    }
}
