using System.CommandLine;
using System.Globalization;
using Ntm.Warehouse.Export;
using Spectre.Console;

namespace Ntm.Jobs.Cli;

/// <summary><c>ntm export parquet --out DIR [--since YYYY-MM]</c>: the warehouse as Parquet for other engines.</summary>
public static class ExportCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var output = new Option<string>("--out") { Description = "Thư mục ghi (được tạo nếu chưa có).", Required = true };
        var since = new Option<string?>("--since") { Description = "YYYY-MM: chỉ ghi lại các năm từ năm của tháng này (xuất bổ sung)." };
        var parquet = new Command("parquet", "Số liệu hiện hành (phân vùng theo năm và tỉnh) và các danh mục, dạng Parquet.") { output, since };
        parquet.SetAction(parse => Run(context(parse), parse.GetValue(output)!, parse.GetValue(since)));
        return new Command("export", "Xuất kho dữ liệu cho công cụ khác. Export the warehouse.") { parquet };
    }

    private static int Run(CliContext context, string folder, string? sinceText)
    {
        var since = sinceText is null ? (Ntm.Domain.Periods.PeriodKey?)null : TrendCommand.ParseMonth(sinceText, "--since");
        using var connection = context.Database.OpenReadOnly();
        var result = context.Console.Status().Start("Đang xuất Parquet…", _ => new ParquetExporter(connection).Export(Path.GetFullPath(folder), since));
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        context.Console.MarkupLine($"Đã xuất [bold]{result.Rows.ToString("N0", vi)}[/] số liệu, năm {result.FromYear}–{result.ToYear}, vào [bold]{Terminal.Escape(result.Folder)}[/] "
            + $"({ParquetExporter.Facts}/year=…; {string.Join(", ", result.Dimensions.Select(d => $"{d.Key}.parquet {d.Value.ToString("N0", vi)} dòng"))}).");
        return (int)ExitCode.Ok;
    }
}
