using System.CommandLine;
using System.Globalization;
using Ntm.Domain.Areas;
using Ntm.Domain.Measures;
using Ntm.Domain.Periods;
using Ntm.Domain.Rollups;
using Ntm.Etl.Parsing;
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
        var indicator = new Option<string?>("--indicator") { Description = "Mã chỉ tiêu (xem ntm indicators), vd. disease.dengue.cases; mặc định: chỉ tiêu có nhiều số liệu nhất." };
        var area = new Option<string?>("--area") { Description = "Đơn vị (mã hoặc tên); mặc định: các tỉnh có số liệu." };
        var from = new Option<string?>("--from") { Description = "Từ tháng YYYY-MM (mặc định: 12 tháng đến --to)." };
        var to = new Option<string?>("--to") { Description = "Đến tháng YYYY-MM (mặc định: tháng mới nhất có số liệu)." };
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
        command.SetAction(parse => Run(context(parse), parse.GetValue(indicator), parse.GetValue(area), parse.GetValue(from), parse.GetValue(to),
            MeasureCodes.Parse(parse.GetValue(measure)!), parse.GetValue(byChildren), parse.GetValue(format)!, new Outputs(parse.GetValue(svg), parse.GetValue(png), parse.GetValue(csv), parse.GetValue(dpi))));
        return command;
    }

    internal static PeriodKey ParseMonth(string text, string option) =>
        PeriodKey.TryParse(text, out var month) && month.Year is >= ReportPeriod.FirstYear and <= ReportPeriod.LastYear
            ? month
            : throw new UsageException($"{option} '{text}' không phải một tháng YYYY-MM (tháng 01–12, năm {ReportPeriod.FirstYear}–{ReportPeriod.LastYear}).");

    internal static AreaRecord FindArea(AreaDirectory directory, string text, DateOnly asOf)
    {
        var lookup = directory.Find(text, new AreaContextHint(asOf));
        if (lookup.IsFound)
        {
            return lookup.Area!;
        }

        // A unit of the other generation answers for its own lifetime (Hậu Giang until June 2025).
        var anyTime = directory.Find(text);
        return anyTime.IsFound ? anyTime.Area! : throw new UsageException($"--area: {lookup.Message}");
    }

    /// <summary>Files the chart and the table are also written to.</summary>
    private sealed record Outputs(string? Svg, string? Png, string? Csv, int Dpi);

    private static int Run(CliContext context, string? indicatorText, string? areaText, string? fromText, string? toText, Measure measure, bool byChildren, string format, Outputs outputs)
    {
        using var connection = context.Database.OpenReadOnly();
        var directory = Ntm.Warehouse.Areas.AreaDirectoryLoader.Load(connection);
        var coverage = new CoverageQuery(connection);
        var latest = coverage.LatestMonth();
        var indicator = indicatorText
            ?? (latest is { } month ? coverage.BusiestIndicator(month.AddMonths(-11), month) : null)
            ?? throw new UsageException("Kho chưa có số liệu; hãy nạp báo cáo (ntm ingest) hoặc chạy ntm demo.");
        AreaRecord? asked = null;
        if (areaText is not null)
        {
            var date = toText is null ? (latest ?? PeriodKey.Of(context.Clock.GetLocalNow().DateTime)).FirstDay : ParseMonth(toText, "--to").FirstDay;
            asked = FindArea(directory, areaText, date);
        }

        // The window ends at the latest month with data for what is asked, not at today.
        var to = toText is not null ? ParseMonth(toText, "--to")
            : coverage.LatestMonth(Parts(connection, indicator), asked is null ? AllProvinces(coverage, latest) : ProvincesOf(asked, coverage, directory))
                ?? latest ?? PeriodKey.Of(context.Clock.GetLocalNow().DateTime);
        if (asked?.ValidTo is { } end && to.FirstDay > end)
        {
            // Asked about a unit after it ceased: answer for its lifetime and say where it went.
            var successors = coverage.Successors(asked.AreaId).Select(directory.TryGet).OfType<AreaRecord>().Where(a => a.Level == asked.Level).Select(a => a.FullName).Distinct().ToList();
            context.Console.MarkupLine(Terminal.Escape($"{asked.FullName} đã sáp nhập vào {(successors.Count > 0 ? string.Join(", ", successors) : "đơn vị mới")} từ {end.AddDays(1):dd/MM/yyyy}; số liệu đến tháng {end:MM/yyyy}."));
            to = PeriodKey.Of(end);
        }

        var from = fromText is null ? to.AddMonths(-11) : ParseMonth(fromText, "--from");
        if (from > to)
        {
            throw new UsageException("--from phải trước --to.");
        }

        IReadOnlyList<AreaRecord> areas;
        if (asked is null)
        {
            // The provinces that have figures in the window (of the generation in force at its end).
            var provinces = coverage.Provinces(from, to).ToHashSet(StringComparer.Ordinal);
            var generation = AreaGeneration.At(to.FirstDay);
            areas = directory.Areas.Where(a => a.Level == AreaLevel.Province && a.Generation == generation && provinces.Contains(a.Code)).OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
            if (areas.Count == 0)
            {
                areas = directory.Areas.Where(a => a.Level == AreaLevel.Province && a.Generation == generation).OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
            }
        }
        else
        {
            areas = byChildren ? TrendQuery.ChildrenOf(directory, asked) : [asked];
        }

        var points = new TrendQuery(connection).Series(indicator, areas, from, to, measure);
        var definition = new IndicatorQuery(connection).Find(indicator)!;
        var table = ToTable(points, definition.Decimals);
        WriteFiles(definition, measure, areas, points, from, to, outputs);
        switch (context.Json ? "json" : format)
        {
            case "json": ResultWriter.WriteJson(context.Out, table); break;
            case "csv": ResultWriter.WriteCsv(context.Out, table); break;
            default: WriteTable(context.Console, definition, measure, points); break;
        }

        return (int)ExitCode.Ok;
    }

    private static decimal? Rounded(decimal? value, int places) => value is { } v ? decimal.Round(v, places, MidpointRounding.AwayFromZero) : null;

    /// <summary>The indicator and, for a ratio, its parts: what "has data" means for it.</summary>
    private static List<string> Parts(System.Data.Common.DbConnection connection, string indicator) =>
        new IndicatorQuery(connection).Find(indicator) is { } found ? [found.Code, .. new[] { found.NumeratorCode, found.DenominatorCode }.OfType<string>()] : [indicator];

    private static List<string> AllProvinces(CoverageQuery coverage, PeriodKey? latest) =>
        latest is { } month ? [.. coverage.Provinces(month.AddMonths(-11), month)] : [];

    /// <summary>The province of a unit and, for a unit of 2025-07-01, the provinces of the old units its earlier figures come from.</summary>
    private static List<string> ProvincesOf(AreaRecord area, CoverageQuery coverage, AreaDirectory directory) =>
        [area.ProvinceCode, .. coverage.Predecessors(area.AreaId).Select(directory.TryGet).OfType<AreaRecord>().Select(a => a.ProvinceCode).Distinct()];

    private static void WriteFiles(IndicatorListing definition, Measure measure, IReadOnlyList<AreaRecord> areas, IReadOnlyList<TrendPoint> points, PeriodKey from, PeriodKey to, Outputs outputs)
    {
        if (outputs.Csv is { } csv)
        {
            Ntm.Reports.Tables.CsvTableWriter.Write(new Ntm.Reports.Tables.TableData(definition.Code,
                [new("Mã đơn vị"), new("Đơn vị"), new("Tháng"), new("Số liệu", Ntm.Reports.Tables.ColumnKind.Rate), new("Tháng trước", Ntm.Reports.Tables.ColumnKind.Rate),
                 new("Cùng kỳ", Ntm.Reports.Tables.ColumnKind.Rate), new("So cùng kỳ (%)", Ntm.Reports.Tables.ColumnKind.Rate), new("Chỉ tiêu năm", Ntm.Reports.Tables.ColumnKind.Rate), new("% chỉ tiêu", Ntm.Reports.Tables.ColumnKind.Rate),
                 new("Đơn vị báo cáo", Ntm.Reports.Tables.ColumnKind.Count), new("Đơn vị phải báo cáo", Ntm.Reports.Tables.ColumnKind.Count), new("Nguồn số liệu"), new("Ghi chú")],
                points.Select(p => (IReadOnlyList<object?>)[p.AreaCode, p.AreaName, p.Period.ToString(), Rounded(p.Value, definition.Decimals), Rounded(p.PreviousMonth, definition.Decimals),
                    Rounded(p.SamePeriodLastYear, definition.Decimals), Rounded(p.PercentChange, 1), Rounded(p.AnnualTarget, definition.Decimals), Rounded(p.PercentOfTarget, 1),
                    p.UnitsReported, p.UnitsExpected, p.Source?.ToVietnamese(), p.Note]).ToList())
            { Unit = definition.Unit, Source = "Ntm.Analytics, báo cáo của các đơn vị y tế" }, csv);
        }

        if (outputs.Svg is null && outputs.Png is null)
        {
            return;
        }

        var chart = Chart(definition, measure, areas, points, from, to);
        if (outputs.Svg is { } svg)
        {
            Ntm.Reports.OutputFile.WriteText(svg, chart.Svg());
        }

        if (outputs.Png is { } png)
        {
            Ntm.Reports.OutputFile.WriteBytes(png, chart.Png(outputs.Dpi));
        }
    }

    /// <summary>The trend chart: the indicator's name and unit, one line per unit (at most eight), last year dashed when there is one unit, partial totals hollow.</summary>
    private static Chart Chart(IndicatorListing definition, Measure measure, IReadOnlyList<AreaRecord> areas, IReadOnlyList<TrendPoint> points, PeriodKey from, PeriodKey to)
    {
        var shown = areas.Take(8).ToList();
        var series = shown.Select(a =>
        {
            var own = points.Where(p => p.AreaCode == a.Code).ToList();
            return new ChartSeries(a.FullName, own.Select(p => p.Value).ToList(), Partial: own.Select(p => !p.IsComplete).ToList());
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

    /// <summary>
    /// The rows as data: values rounded to the indicator's decimals (a ratio's exact 28-digit
    /// quotient is of no use in a spreadsheet), changes in % to one decimal; the numerator and
    /// denominator as reported.
    /// </summary>
    private static ResultTable ToTable(IReadOnlyList<TrendPoint> points, int decimals)
    {
        decimal? Round(decimal? value, int places) => Rounded(value, places);
        return new ResultTable(
            ["area_code", "area_name", "period", "value", "previous_month", "same_period_last_year", "change", "percent_change", "annual_target", "percent_of_target", "value_source", "units_reported", "units_expected", "numerator", "denominator", "note"],
            [typeof(string), typeof(string), typeof(string), typeof(decimal), typeof(decimal), typeof(decimal), typeof(decimal), typeof(decimal), typeof(decimal), typeof(decimal), typeof(string), typeof(int), typeof(int), typeof(decimal), typeof(decimal), typeof(string)],
            points.Select(p => new object?[]
            {
                p.AreaCode, p.AreaName, p.Period.ToString(), Round(p.Value, decimals), Round(p.PreviousMonth, decimals), Round(p.SamePeriodLastYear, decimals), Round(p.Change, decimals),
                Round(p.PercentChange, 1), Round(p.AnnualTarget, decimals), Round(p.PercentOfTarget, 1),
                p.SourceCode, p.UnitsReported, p.UnitsExpected, p.Numerator, p.Denominator, p.Note,
            }).ToList());
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

    internal static string Format(decimal? value, int decimals) =>
        value is { } v ? decimal.Round(v, decimals, MidpointRounding.AwayFromZero).ToString(decimals == 0 ? "#,##0" : "#,##0." + new string('0', decimals), Vietnamese) : "-";
}
