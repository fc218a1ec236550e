using System.CommandLine;
using System.Globalization;
using Ntm.Domain.Areas;
using Ntm.Domain.Measures;
using Ntm.Domain.Periods;
using Ntm.Domain.Rollups;
using Ntm.Reports.Charts;
using Ntm.Warehouse.Queries;
using Spectre.Console;

namespace Ntm.Jobs.Cli;

/// <summary><c>ntm trend</c>: an indicator month by month, with the previous month, the same month last year and the target.</summary>
public static class TrendCommand
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Builds the verb.</summary>
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var indicator = new Option<string>("--indicator") { Description = "Mã chỉ tiêu (vd. disease.dengue.cases).", Required = true };
        var area = new Option<string?>("--area") { Description = "Đơn vị (mã hoặc tên); mặc định: các tỉnh." };
        var from = new Option<string?>("--from") { Description = "Từ tháng YYYY-MM." };
        var to = new Option<string?>("--to") { Description = "Đến tháng YYYY-MM." };
        var measure = new Option<string>("--measure") { Description = "month | ytd", DefaultValueFactory = _ => Measure.Month.ToCode() };
        measure.AcceptOnlyFromAmong(Measure.Month.ToCode(), Measure.YearToDate.ToCode());
        var byChildren = new Option<bool>("--by-children") { Description = "Chi tiết theo đơn vị cấp dưới." };
        var format = new Option<string>("--format") { Description = "table | csv | json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
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
        var command = new Command("trend", "Diễn biến chỉ tiêu theo tháng, so với cùng kỳ. Monthly trend.") { indicator, area, from, to, measure, byChildren, format, svg, png, dpi, csv };
        command.SetAction(parse => Run(context(parse), parse.GetValue(indicator)!, parse.GetValue(area), parse.GetValue(from), parse.GetValue(to),
            MeasureCodes.Parse(parse.GetValue(measure)!), parse.GetValue(byChildren), parse.GetValue(format)!, new Outputs(parse.GetValue(svg), parse.GetValue(png), parse.GetValue(csv), parse.GetValue(dpi))));
        return command;
    }

    internal static PeriodKey ParseMonth(string text, string option) =>
        PeriodKey.TryParse(text, out var month) ? month : throw new UsageException($"{option} '{text}' không đúng dạng YYYY-MM.");

    internal static AreaRecord FindArea(AreaDirectory directory, string text, DateOnly asOf)
    {
        var lookup = directory.Find(text, new AreaContextHint(asOf));
        return lookup.IsFound ? lookup.Area! : throw new UsageException($"--area: {lookup.Message}");
    }

    /// <summary>Files the chart and the table are also written to.</summary>
    private sealed record Outputs(string? Svg, string? Png, string? Csv, int Dpi);

    private static int Run(CliContext context, string indicator, string? areaText, string? fromText, string? toText, Measure measure, bool byChildren, string format, Outputs outputs)
    {
        var to = toText is null ? PeriodKey.Of(context.Clock.GetLocalNow().DateTime) : ParseMonth(toText, "--to");
        var from = fromText is null ? to.January : ParseMonth(fromText, "--from");
        if (from > to)
        {
            throw new UsageException("--from phải trước --to.");
        }

        using var connection = context.Database.OpenReadOnly();
        var directory = Ntm.Warehouse.Areas.AreaDirectoryLoader.Load(connection);
        var asOf = to.FirstDay;
        IReadOnlyList<AreaRecord> areas;
        if (areaText is null)
        {
            var generation = AreaGeneration.At(asOf);
            areas = directory.Areas.Where(a => a.Level == AreaLevel.Province && a.Generation == generation).OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
        }
        else
        {
            var area = FindArea(directory, areaText, asOf);
            areas = byChildren ? TrendQuery.ChildrenOf(directory, area) : [area];
        }

        var points = new TrendQuery(connection).Series(indicator, areas, from, to, measure);

        var table = ToTable(points);
        WriteFiles(new IndicatorQuery(connection).Find(indicator)!, measure, areas, points, from, to, outputs);
        switch (context.Json ? "json" : format)
        {
            case "json": ResultWriter.WriteJson(context.Out, table); break;
            case "csv": ResultWriter.WriteCsv(context.Out, table); break;
            default: WriteTable(context.Console, indicator, measure, points); break;
        }

        return (int)ExitCode.Ok;
    }

    private static void WriteFiles(IndicatorListing definition, Measure measure, IReadOnlyList<AreaRecord> areas, IReadOnlyList<TrendPoint> points, PeriodKey from, PeriodKey to, Outputs outputs)
    {
        if (outputs.Csv is { } csv)
        {
            Ntm.Reports.Tables.CsvTableWriter.Write(new Ntm.Reports.Tables.TableData(definition.Code,
                [new("Mã đơn vị"), new("Đơn vị"), new("Tháng"), new("Số liệu", Ntm.Reports.Tables.ColumnKind.Rate), new("Tháng trước", Ntm.Reports.Tables.ColumnKind.Rate),
                 new("Cùng kỳ", Ntm.Reports.Tables.ColumnKind.Rate), new("So cùng kỳ (%)", Ntm.Reports.Tables.ColumnKind.Rate), new("Chỉ tiêu năm", Ntm.Reports.Tables.ColumnKind.Rate), new("% chỉ tiêu", Ntm.Reports.Tables.ColumnKind.Rate),
                 new("Đơn vị báo cáo", Ntm.Reports.Tables.ColumnKind.Count), new("Đơn vị phải báo cáo", Ntm.Reports.Tables.ColumnKind.Count), new("Nguồn số liệu"), new("Ghi chú")],
                points.Select(p => (IReadOnlyList<object?>)[p.AreaCode, p.AreaName, p.Period.ToString(), p.Value, p.PreviousMonth, p.SamePeriodLastYear, p.PercentChange, p.AnnualTarget, p.PercentOfTarget,
                    p.UnitsReported, p.UnitsExpected, p.Source?.ToVietnamese(), p.Note]).ToList()), csv);
        }

        if (outputs.Svg is null && outputs.Png is null)
        {
            return;
        }

        var chart = Chart(definition, measure, areas, points, from, to);
        if (outputs.Svg is { } svg)
        {
            File.WriteAllText(svg, chart.Svg(), new System.Text.UTF8Encoding(false));
        }

        if (outputs.Png is { } png)
        {
            File.WriteAllBytes(png, chart.Png(outputs.Dpi));
        }
    }

    /// <summary>The trend chart: the indicator's name and unit, one line per unit (at most eight), last year dashed when there is one unit, partial totals hollow.</summary>
    private static Chart Chart(IndicatorListing definition, Measure measure, IReadOnlyList<AreaRecord> areas, IReadOnlyList<TrendPoint> points, PeriodKey from, PeriodKey to)
    {
        var shown = areas.Take(8).ToList();
        var series = shown.Select(a =>
        {
            var own = points.Where(p => p.AreaCode == a.Code).ToList();
            return new ChartSeries(shown.Count(s => s.Name == a.Name) > 1 ? a.FullName : a.Name, own.Select(p => p.Value).ToList(), Partial: own.Select(p => !p.IsComplete).ToList());
        }).ToList();
        if (shown.Count == 1)
        {
            series.Add(new ChartSeries("Cùng kỳ năm trước", points.Select(p => p.SamePeriodLastYear).ToList(), Dashed: true));
        }

        var rate = definition.Kind is "ratio" or "rate" or "flag";
        var place = shown.Count == 1 ? $" — {shown[0].FullName}" : string.Empty;
        var title = $"{definition.NameVi}{(measure == Measure.YearToDate ? " (cộng dồn)" : string.Empty)}{place}, {VietnameseFormat.Period(from)}–{VietnameseFormat.Period(to)}";
        return ChartRenderer.Trend(new TrendChartModel(title, definition.Unit ?? string.Empty, PeriodKey.Range(from, to).Select(VietnameseFormat.Period).ToList(), series, null, null,
            new ChartFooter("Ntm.Analytics, báo cáo của các đơn vị y tế", VietnameseFormat.Period(to)), ZeroBased: !rate, Decimals: rate ? 1 : 0));
    }

    private static ResultTable ToTable(IReadOnlyList<TrendPoint> points) => new(
        ["area_code", "area_name", "period", "value", "previous_month", "same_period_last_year", "change", "percent_change", "annual_target", "percent_of_target", "value_source", "units_reported", "units_expected", "numerator", "denominator", "note"],
        [typeof(string), typeof(string), typeof(string), typeof(decimal), typeof(decimal), typeof(decimal), typeof(decimal), typeof(decimal), typeof(decimal), typeof(decimal), typeof(string), typeof(int), typeof(int), typeof(decimal), typeof(decimal), typeof(string)],
        points.Select(p => new object?[]
        {
            p.AreaCode, p.AreaName, p.Period.ToString(), p.Value, p.PreviousMonth, p.SamePeriodLastYear, p.Change, p.PercentChange, p.AnnualTarget, p.PercentOfTarget,
            p.SourceCode, p.UnitsReported, p.UnitsExpected, p.Numerator, p.Denominator, p.Note,
        }).ToList());

    private static void WriteTable(IAnsiConsole console, string indicator, Measure measure, IReadOnlyList<TrendPoint> points)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"{Markup.Escape(indicator)} ({measure.ToVietnamese()})")
            .AddColumn("Đơn vị").AddColumn("Tháng").AddColumn(new TableColumn("Số liệu").RightAligned()).AddColumn(new TableColumn("Tháng trước").RightAligned())
            .AddColumn(new TableColumn("Cùng kỳ").RightAligned()).AddColumn(new TableColumn("So cùng kỳ (%)").RightAligned()).AddColumn(new TableColumn("% KH năm").RightAligned())
            .AddColumn(new TableColumn("Báo cáo").RightAligned());
        foreach (var p in points)
        {
            var units = p.UnitsExpected is { } expected ? (p.IsComplete ? $"{p.UnitsReported}/{expected}" : $"[yellow]{p.UnitsReported}/{expected}*[/]") : string.Empty;
            table.AddRow(Markup.Escape(p.AreaName), p.Period.ToString(), Format(p.Value), Format(p.PreviousMonth), Format(p.SamePeriodLastYear),
                p.Note is null ? Format(p.PercentChange) : "[dim]không so[/]", Format(p.PercentOfTarget), units);
        }

        console.Write(table);
        if (points.Any(p => !p.IsComplete))
        {
            console.MarkupLine("[yellow]* Tổng của các đơn vị đã báo cáo (số đơn vị báo cáo/phải báo cáo), chưa phải số của cả đơn vị; không so với cùng kỳ.[/]");
        }

        console.MarkupLine("[dim]Số hiển thị làm tròn một chữ số thập phân; \"-\" là chưa có số liệu (không phải 0).[/]");
    }

    internal static string Format(decimal? value) => value is { } v ? decimal.Round(v, 1, MidpointRounding.AwayFromZero).ToString("#,##0.#", Vietnamese) : "-";
}
