using System.CommandLine;
using System.Text.Json;
using Ntm.Domain.Areas;
using Ntm.Domain.Statuses;
using Ntm.Etl.Ingestion;
using Ntm.Etl.Parsing;
using Ntm.Jobs.Scheduling;
using Ntm.Warehouse;
using Spectre.Console;

namespace Ntm.Jobs.Cli;

/// <summary>
/// <c>ntm ingest [PATH…]</c>: loads submitted workbooks (default: the inbox) into the warehouse,
/// in the order they arrived. Files in the inbox are moved to the archive or the quarantine;
/// files named elsewhere are copied and left where they are. <c>--again ID</c> reads an
/// accepted file again from the archive.
/// </summary>
public static class IngestCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var paths = new Argument<string[]>("paths") { Description = "Tệp hoặc thư mục (mặc định: inbox). Files or folders.", Arity = ArgumentArity.ZeroOrMore };
        var template = new Option<string?>("--template") { Description = "Dùng mẫu này thay vì tự nhận dạng. Force a template." };
        var period = new Option<string?>("--period") { Description = "Kỳ báo cáo YYYY-MM (hoặc YYYY) khi tệp không ghi. The period." };
        var area = new Option<string?>("--area") { Description = "Đơn vị báo cáo (mã hoặc tên) khi tiêu đề không ghi. The reporting unit." };
        var again = new Option<long[]>("--again") { Description = "Đọc lại báo cáo đã nhận (mã submission_id) từ archive. Re-read accepted submissions.", AllowMultipleArgumentsPerToken = true };
        var keepValid = new Option<bool>("--keep-valid") { Description = "Nạp các số liệu không lỗi, bỏ riêng số liệu có lỗi (niên giám, tệp không phải báo cáo định kỳ). Load the figures without errors." };
        var received = new Option<string?>("--received") { Description = "Ngày báo cáo được gửi (YYYY-MM-DD), khi nạp số liệu cũ: tính đúng hạn theo ngày này. The day the report was sent." };
        var command = new Command("ingest", "Nạp các tệp báo cáo vào kho. Ingests workbooks.") { paths, template, period, area, again, keepValid, received };
        command.SetAction(parse => Run(context(parse), parse.GetValue(paths) ?? [], parse.GetValue(template), parse.GetValue(period), parse.GetValue(area), parse.GetValue(again) ?? [], parse.GetValue(keepValid), parse.GetValue(received)));
        return command;
    }

    /// <summary>--received: a day (YYYY-MM-DD or DD/MM/YYYY), not after today where the office is (<paramref name="zone"/>).</summary>
    internal static DateOnly? ParseDay(string? text, TimeProvider clock, TimeZoneInfo zone)
    {
        if (text is null)
        {
            return null;
        }

        var formats = new[] { "yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy" };
        if (!DateOnly.TryParseExact(text.Trim(), formats, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
        {
            throw new UsageException($"--received: '{text}' không phải là một ngày (YYYY-MM-DD hoặc DD/MM/YYYY).");
        }

        return day > DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime)
            ? throw new UsageException($"--received: ngày {day:dd/MM/yyyy} ở tương lai.")
            : day;
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
            throw new UsageException($"--period: {ex.Message}", ex);
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

    private static int Run(CliContext context, string[] paths, string? template, string? periodText, string? areaText, long[] again, bool keepValid, string? receivedText)
    {
        var period = ParsePeriod(periodText);
        if (again.Length > 0 && paths.Length > 0)
        {
            throw new UsageException("--again đọc lại báo cáo đã nhận từ archive; không dùng cùng với đường dẫn tệp.");
        }

        var settings = ServeCommand.Settings(context);
        var received = ParseDay(receivedText, context.Clock, settings.ResolveTimeZone() ?? TimeZoneInfo.Utc);

        // The warehouse's writer lock first, the inbox's list after: a second ingest waits for
        // nothing and takes nothing, it is told the warehouse is busy (exit 4). A home without a
        // warehouse is not made one: 'ntm init' first.
        using var connection = OpenForIngest(context);
        context.Home.EnsureFolders();
        var service = new IngestionService(connection, context.Home, context.Clock) { GroupLimits = settings.IngestGroups };
        if (template is not null)
        {
            service.RequireTemplate(template);
        }

        var options = new IngestionOptions(template, period, ResolveArea(service.Areas, areaText, period), keepValid, received);
        using var stop = new StopSignal();
        var results = new List<IngestFileResult>();
        try
        {
            if (again.Length > 0)
            {
                foreach (var id in again)
                {
                    results.Add(service.Again(id, options));
                }
            }
            else
            {
                var settle = TimeSpan.FromSeconds(settings.InboxSettleSeconds);
                var batch = IngestionBatch.PlanWhenSettled(paths, context.Home.Inbox, settle, context.Clock, stop.Token);
                if (context.Json || batch.Files.Count < 2 || !context.Console.Profile.Capabilities.Interactive)
                {
                    results.AddRange(service.Ingest(batch, options, cancellation: stop.Token));
                }
                else
                {
                    context.Console.Progress().Start(progress =>
                    {
                        var task = progress.AddTask("Đang nạp tệp", maxValue: batch.Files.Count);
                        results.AddRange(service.Ingest(batch, options, file =>
                        {
                            task.Description = Terminal.Escape(file.Name);
                            task.Increment(1);
                        }, cancellation: stop.Token));
                    });
                }
            }
        }
        catch (Exception ex) when (ex is DiskFullException or DiskWriteException)
        {
            context.Error.WriteLine(ex.Message);
            Write(context, results);
            return (int)ExitCode.InternalError;
        }

        Write(context, results);
        if (stop.Token.IsCancellationRequested)
        {
            context.Error.WriteLine("Đã dừng theo yêu cầu sau tệp đang xử lý; các tệp còn lại vẫn ở chỗ cũ.");
        }

        return results.Any(r => r.Outcome == IngestOutcome.Rejected) ? (int)ExitCode.Partial : (int)ExitCode.Ok;
    }

    private static DuckDB.NET.Data.DuckDBConnection OpenForIngest(CliContext context)
    {
        try
        {
            return context.Database.OpenForWriting();
        }
        catch (WarehouseBusyException ex)
        {
            throw new WarehouseBusyException($"Đang có tiến trình khác nạp dữ liệu hoặc dùng kho; hãy thử lại sau. {ex.Message}", ex) { Path = ex.Path, HolderProcessId = ex.HolderProcessId, Holder = ex.Holder };
        }
    }

    private static void Write(CliContext context, List<IngestFileResult> results)
    {
        if (context.Json)
        {
            WriteJson(context.Out, results);
        }
        else
        {
            WriteTable(context.Console, results);
        }
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
            .AddColumn(new Spectre.Console.TableColumn("Số liệu").RightAligned()).AddColumn(new Spectre.Console.TableColumn("Lỗi").RightAligned()).AddColumn(new Spectre.Console.TableColumn("Cảnh báo").RightAligned());
        foreach (var r in results)
        {
            var status = r.Outcome switch
            {
                IngestOutcome.Accepted => r.Supersedes.Count > 0 ? $"[green]đã nạp[/] (thay {string.Join(", ", r.Supersedes)})" : "[green]đã nạp[/]",
                IngestOutcome.Duplicate => "[yellow]trùng[/]",
                IngestOutcome.Skipped => "[yellow]chưa xử lý[/]",
                _ => "[red]bị từ chối[/]",
            };
            table.AddRow(Terminal.Escape(r.File), status, Terminal.Escape(r.Template ?? "-"),
                Terminal.Escape(Summarise(r.Periods)), Terminal.Escape(Summarise(r.AreaCodes)), r.Values.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")),
                r.Errors.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Warnings.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Write(table);
        foreach (var r in results.Where(r => r.Findings.Count > 0))
        {
            console.MarkupLine($"[bold]{Terminal.Escape(r.File)}[/]");
            foreach (var f in r.Findings.Take(20))
            {
                console.MarkupLine($"  {(f.Severity == Ntm.Etl.Validation.Severity.Error ? "[red]lỗi[/]" : "[yellow]cảnh báo[/]")} {Terminal.Escape(f.Message)}");
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

    private static void WriteJson(TextWriter output, List<IngestFileResult> results) =>
        Json.CliJson.Write(output, new Json.IngestDocument(results.Select(r => new Json.IngestFileDocument(
            r.File, r.Outcome.ToCode(), r.Supersedes, r.SubmissionId, r.Template, r.Periods, r.AreaCodes, r.Values, r.Errors, r.Warnings,
            r.Findings.Select(Ntm.Etl.Validation.FindingRecord.Of).ToList())).ToList()), Json.CliJson.Readable.IngestDocument);
}
