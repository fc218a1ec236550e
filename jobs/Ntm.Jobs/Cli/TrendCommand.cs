using System.CommandLine;
using System.Globalization;
using Ntm.Domain.Areas;
using Ntm.Domain.Measures;
using Ntm.Domain.Periods;
using Ntm.Domain.Rollups;
using Ntm.Etl.Parsing;
using Ntm.Jobs.Answers;
using Ntm.Reports.Charts;
using Ntm.Warehouse.Queries;
using Spectre.Console;

namespace Ntm.Jobs.Cli;

/// <summary><c>ntm trend</c>: an indicator month by month, with the previous month, the same month last year and the target.</summary>
public static class TrendCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var indicator = new Option<string?>("--indicator") { Description = "Mã chỉ tiêu (xem ntm indicators), vd. disease.dengue.cases; mặc định: chỉ tiêu có nhiều số liệu nhất." };
        var area = new Option<string?>("--area") { Description = "Đơn vị (mã hoặc tên); mặc định: các tỉnh có số liệu." };
        var from = new Option<string?>("--from") { Description = "Từ tháng YYYY-MM (mặc định: 12 tháng đến --to)." };
        var to = new Option<string?>("--to") { Description = "Đến tháng YYYY-MM (mặc định: tháng mới nhất có số liệu)." };
        var measure = new Option<string>("--measure") { Description = "month | ytd", DefaultValueFactory = _ => Measure.Month.ToCode() };
        measure.AcceptOnlyFromAmong(Measure.Month.ToCode(), Measure.YearToDate.ToCode());
        var byChildren = new Option<bool>("--by-children") { Description = "Chi tiết theo đơn vị cấp dưới." };
        var svg = new Option<string?>("--svg") { Description = "Ghi biểu đồ SVG vào tệp này." };
        var png = new Option<string?>("--png") { Description = "Ghi biểu đồ PNG vào tệp này." };
        var dpi = new Option<int>("--dpi") { Description = "Độ phân giải PNG: 96 (màn hình) hoặc 300 (in, Word).", DefaultValueFactory = _ => 96 };
        dpi.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 72 or > 600)
            {
                r.AddError("--dpi phải từ 72 đến 600.");
            }
        });
        var csv = new Option<string?>("--csv") { Description = "Ghi bảng CSV (UTF-8 có BOM, mở được bằng Excel) vào tệp này." };
        var command = new Command("trend", "Diễn biến chỉ tiêu theo tháng, so với cùng kỳ. Monthly trend.") { indicator, area, from, to, measure, byChildren, svg, png, dpi, csv };
        var output = new TableOptions(command);
        command.SetAction(parse =>
        {
            var cli = context(parse);
            return Run(cli, parse.GetValue(indicator), parse.GetValue(area), parse.GetValue(from), parse.GetValue(to),
                MeasureCodes.Parse(parse.GetValue(measure)!), parse.GetValue(byChildren), output.Get(parse, cli), new Outputs(parse.GetValue(svg), parse.GetValue(png), parse.GetValue(csv), parse.GetValue(dpi)));
        });
        return command;
    }

    internal static PeriodKey ParseMonth(string text, string option) =>
        PeriodKey.TryParse(text, out var month) && month.Year is >= ReportPeriod.FirstYear and <= ReportPeriod.LastYear
            ? month
            : throw new UsageException($"{option} '{text}' không phải một tháng YYYY-MM (tháng 01–12, năm {ReportPeriod.FirstYear}–{ReportPeriod.LastYear}).");

    internal static AreaRecord FindArea(AreaDirectory directory, string text, DateOnly asOf) => TrendAnswer.Find(directory, text, asOf);

    /// <summary>Files the chart and the table are also written to.</summary>
    private sealed record Outputs(string? Svg, string? Png, string? Csv, int Dpi);

    private static int Run(CliContext context, string? indicatorText, string? areaText, string? fromText, string? toText, Measure measure, bool byChildren, TableRequest request, Outputs outputs)
    {
        var question = new TrendQuestion(indicatorText, areaText, fromText is null ? null : ParseMonth(fromText, "--from"), toText is null ? null : ParseMonth(toText, "--to"), measure, byChildren);
        using var connection = context.Database.OpenReadOnly();
        var directory = Ntm.Warehouse.Areas.AreaDirectoryLoader.Load(connection);
        var answer = TrendAnswer.Ask(connection, directory, question, context.Clock);
        if (answer.Notice is { } notice)
        {
            // A table for a person says it above the table; CSV and JSON stay data alone on standard output.
            if (!request.ForPeople)
            {
                context.Error.WriteLine(notice);
            }
            else
            {
                context.Console.MarkupLine(Terminal.Escape(notice));
            }
        }

        var table = answer.Table();
        WriteFiles(answer, outputs);
        if (!request.Write(context, table))
        {
            WriteTable(context.Console, answer.Indicator, measure, answer.Points);
            if (byChildren && answer.Points.Count > 0)
            {
                context.Console.MarkupLine($"[dim]Xếp hạng các đơn vị (thứ hạng, tỷ lệ trên 100.000 dân, tổng): ntm rank --indicator {Terminal.Escape(answer.Indicator.Code)} --area {Terminal.Escape(areaText ?? "MÃ")} --period {answer.Points[^1].Period} --per 100000.[/]");
            }
        }

        return (int)ExitCode.Ok;
    }

    private static void WriteFiles(TrendAnswer answer, Outputs outputs)
    {
        if (outputs.Csv is { } csv)
        {
            TableOutput.WriteCsvFile(csv, answer.Table());
        }

        if (outputs.Svg is null && outputs.Png is null)
        {
            return;
        }

        var chart = answer.Chart();
        if (outputs.Svg is { } svg)
        {
            Ntm.Reports.OutputFile.WriteText(svg, chart.Svg());
        }

        if (outputs.Png is { } png)
        {
            Ntm.Reports.OutputFile.WriteBytes(png, chart.Png(outputs.Dpi));
        }
    }

    private static void WriteTable(IAnsiConsole console, IndicatorListing indicator, Measure measure, IReadOnlyList<TrendPoint> points)
    {
        // One unit: its name goes in the title and the table keeps the width for the figures.
        var single = points.Select(p => p.AreaCode).Distinct().Count() == 1;
        var span = points.Count > 0 ? $" — {points[0].Period.ToVietnamese()}–{points[^1].Period.ToVietnamese()}" : string.Empty;
        var title = $"{(single ? points[0].AreaName + ": " : string.Empty)}{indicator.NameVi} ({measure.ToVietnamese()}{(indicator.Unit is { } unit ? $", {unit}" : string.Empty)}){span}";
        var table = new Table().Border(TableBorder.Rounded).Title(Terminal.Escape(title));
        if (!single)
        {
            table.AddColumn("Đơn vị");
        }

        table.AddColumn("Tháng").AddColumn(new TableColumn("Số liệu").RightAligned()).AddColumn(new TableColumn("Tháng trước").RightAligned())
            .AddColumn(new TableColumn("Cùng kỳ").RightAligned()).AddColumn(new TableColumn("So cùng kỳ (%)").RightAligned()).AddColumn(new TableColumn("% KH năm").RightAligned())
            .AddColumn(new TableColumn("Báo cáo").RightAligned());
        foreach (var p in points)
        {
            var units = p.UnitsExpected is { } expected
                ? (p.IsComplete ? $"{p.UnitsReported}/{expected}" : $"[yellow]{p.UnitsReported}/{expected}*[/]")
                : p.Source is FigureSource.Own ? "[dim]tự báo cáo[/]" : p.Source is { } source ? $"[dim]{Terminal.Escape(source.ToVietnamese())}[/]" : string.Empty;
            var cells = new List<string>();
            if (!single)
            {
                cells.Add(Terminal.Escape(p.AreaName));
            }

            cells.AddRange([p.Period.ToString(), Format(p.Value, indicator.Decimals), Format(p.PreviousMonth, indicator.Decimals), Format(p.SamePeriodLastYear, indicator.Decimals),
                p.Note is null ? Format(p.PercentChange, 1) : "[dim]không so[/]", Format(p.PercentOfTarget, 1), units]);
            table.AddRow(cells.ToArray());
        }

        console.Write(table);
        if (points.Any(p => !p.IsComplete))
        {
            console.MarkupLine("[yellow]* Tổng của các đơn vị đã báo cáo (số đơn vị báo cáo/phải báo cáo), chưa phải số của cả đơn vị; không so với cùng kỳ.[/]");
        }

        console.MarkupLine("[dim]\"-\" là chưa có số liệu (không phải 0); tỷ lệ so sánh làm tròn một chữ số thập phân.[/]");
    }

    internal static string Format(decimal? value, int decimals) => TrendAnswer.Format(value, decimals);
}
