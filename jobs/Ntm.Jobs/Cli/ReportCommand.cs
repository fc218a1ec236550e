using System.CommandLine;
using Ntm.Domain.Areas;
using Ntm.Reports.Pack;
using Ntm.Warehouse.Queries;
using Spectre.Console;

namespace Ntm.Jobs.Cli;

/// <summary><c>ntm report annual --year YYYY [--area …] --out DIR</c>: the annual report pack.</summary>
public static class ReportCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var year = new Option<int>("--year") { Description = "Năm báo cáo.", Required = true };
        var area = new Option<string?>("--area") { Description = "Đơn vị (mã hoặc tên); mặc định tỉnh có nhiều số liệu nhất." };
        var output = new Option<string?>("--out") { Description = "Thư mục ghi báo cáo (mặc định <home>/reports/<năm>)." };
        var annual = new Command("annual", "Bộ báo cáo năm: HTML, biểu đồ PNG (96 và 300 dpi)/SVG, bảng XLSX/CSV, tóm tắt. Annual report pack.") { year, area, output };
        annual.SetAction(parse => Run(context(parse), parse.GetValue(year), parse.GetValue(area), parse.GetValue(output)));
        return new Command("report", "Báo cáo. Reports.") { annual };
    }

    /// <summary>Builds and writes the pack; returns the path of index.html.</summary>
    internal static string Write(CliContext context, int year, string? areaText, string? output)
    {
        if (year is < Ntm.Etl.Parsing.ReportPeriod.FirstYear or > Ntm.Etl.Parsing.ReportPeriod.LastYear)
        {
            throw new UsageException($"--year {year}: năm phải từ {Ntm.Etl.Parsing.ReportPeriod.FirstYear} đến {Ntm.Etl.Parsing.ReportPeriod.LastYear}.");
        }

        if (output is not null && File.Exists(output))
        {
            throw new UsageException($"--out '{output}' là một tệp; báo cáo cần một thư mục.");
        }

        using var connection = context.Database.OpenReadOnly();
        var directory = Ntm.Warehouse.Areas.AreaDirectoryLoader.Load(connection);
        // A year's report is about the units in force at its end (2025: the map of 2025-07-01).
        var asOf = new DateOnly(year, 12, 31);
        var area = areaText is not null
            ? TrendCommand.FindArea(directory, areaText, asOf)
            : ReportPack.BusiestProvince(connection, directory, new Ntm.Domain.Periods.PeriodKey(year, 1), new Ntm.Domain.Periods.PeriodKey(year, 12), asOf)
                ?? throw new UsageException($"Chưa có số liệu năm {year}; hãy nạp báo cáo trước (ntm ingest) hoặc chỉ định --area.");
        var settings = Scheduling.ScheduleSettings.Load(context.Home);
        return ReportPack.Write(connection, directory, area, year, output ?? Path.Combine(context.Home.Reports, $"{year}-{area.Code}"), null,
            new QualityReviewAt(context.Clock.GetUtcNow(), new QualityOptions(settings.ReportingDeadlineDay, settings.TimeZone)));
    }

    private static int Run(CliContext context, int year, string? areaText, string? output)
    {
        var index = context.Console.Status().Start("Đang lập báo cáo…", _ => Write(context, year, areaText, output));
        if (context.Json)
        {
            Json.CliJson.Write(context.Out, new Json.ReportDocument(index), Json.CliJson.Readable.ReportDocument);
        }
        else
        {
            context.Console.MarkupLine($"Báo cáo: [bold]{Terminal.Escape(index)}[/]");
        }

        return (int)ExitCode.Ok;
    }
}
