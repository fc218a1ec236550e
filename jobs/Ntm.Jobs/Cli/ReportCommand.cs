using System.CommandLine;
using Ntm.Reports.Pack;
using Ntm.Warehouse.Areas;
using Ntm.Warehouse.ReferenceData;
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
        var dpi = new Option<int>("--dpi") { Description = "Độ phân giải ảnh PNG (96, hoặc 300 để in).", DefaultValueFactory = _ => 96 };
        var annual = new Command("annual", "Bộ báo cáo năm: HTML, biểu đồ PNG/SVG, bảng XLSX/CSV, tóm tắt. Annual report pack.") { year, area, output, dpi };
        annual.SetAction(parse => Run(context(parse), parse.GetValue(year), parse.GetValue(area), parse.GetValue(output), parse.GetValue(dpi)));
        return new Command("report", "Báo cáo. Reports.") { annual };
    }

    /// <summary>Builds and writes the pack; returns the path of index.html.</summary>
    internal static string Write(CliContext context, int year, string? areaText, string? output, int dpi)
    {
        using var connection = context.Database.OpenReadOnly();
        var directory = AreaDirectory.Load(connection);
        var asOf = new DateOnly(year, 6, 30);
        AreaRecord area;
        if (areaText is not null)
        {
            area = TrendCommand.FindArea(directory, areaText, asOf);
        }
        else
        {
            // The province with the most figures that year.
            var code = Dapper.SqlMapper.ExecuteScalar<string?>(connection, """
                SELECT a.province_code FROM v_observation o JOIN dim_area a ON a.area_id = o.area_id
                WHERE o.period_key BETWEEN @from AND @to GROUP BY a.province_code ORDER BY count(*) DESC, a.province_code LIMIT 1
                """, new { from = (year * 100) + 1, to = (year * 100) + 12 }) ?? throw new UsageException($"Chưa có số liệu năm {year}; hãy nạp báo cáo trước (ntm ingest) hoặc chỉ định --area.");
            area = directory.Areas.First(a => a.Level == AreaLevel.Province && a.Code == code && a.IsValidOn(asOf));
        }

        var files = ReferenceFiles.Load(context.Home.Reference);
        var criteria = CriteriaCatalog.Build(files, IndicatorCatalog.Build(files));
        var report = new AnnualReportBuilder(connection, criteria, directory).Build(area, year);
        var folder = output ?? Path.Combine(context.Home.Reports, $"{year}-{area.Code}");
        return AnnualReportPackWriter.Write(report, folder, dpi);
    }

    private static int Run(CliContext context, int year, string? areaText, string? output, int dpi)
    {
        var index = context.Console.Status().Start("Đang lập báo cáo…", _ => Write(context, year, areaText, output, dpi));
        if (context.Json)
        {
            context.Out.WriteLine($"{{\"report\": \"{System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(index)}\"}}");
        }
        else
        {
            context.Console.MarkupLine($"Báo cáo: [bold]{Markup.Escape(index)}[/]");
        }

        return (int)ExitCode.Ok;
    }
}
