using System.CommandLine;
using Ntm.Domain.Periods;
using Ntm.Domain.Quality;
using Ntm.Jobs.Answers;
using Ntm.Jobs.Scheduling;
using Spectre.Console;

namespace Ntm.Jobs.Cli;

/// <summary><c>ntm quality [--period YYYY-MM] [--area CODE|NAME] [--format table|json|xlsx] [--out FILE]</c>: the month's data-quality review.</summary>
public static class QualityCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var period = new Option<string?>("--period") { Description = "Tháng YYYY-MM (mặc định: tháng gần nhất có số liệu)." };
        var area = new Option<string?>("--area") { Description = "Đơn vị (mã hoặc tên; mặc định: tỉnh có nhiều số liệu nhất tháng đó)." };
        var format = new Option<string>("--format") { Description = "table | json | xlsx", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "xlsx");
        var output = new Option<string?>("--out") { Description = "Tệp .xlsx khi --format xlsx." };
        var command = new Command("quality", "Rà soát chất lượng số liệu một tháng: quy tắc, giá trị bất thường, thiếu/muộn báo cáo, cảnh báo dịch.") { period, area, format, output };
        command.SetAction(parse => Run(context(parse), parse.GetValue(period), parse.GetValue(area), parse.GetValue(format)!, parse.GetValue(output)));
        return command;
    }

    private static int Run(CliContext context, string? periodText, string? areaText, string format, string? output)
    {
        if (format == "xlsx" && output is null)
        {
            throw new UsageException("--format xlsx cần --out TỆP.xlsx.");
        }

        if (output is not null && Directory.Exists(output))
        {
            throw new UsageException($"--out '{output}' là một thư mục; hãy ghi tên tệp .xlsx.");
        }

        var settings = ScheduleSettings.Load(context.Home);
        using var connection = context.Database.OpenReadOnly();
        var directory = Ntm.Warehouse.Areas.AreaDirectoryLoader.Load(connection);
        var answer = QualityAnswer.Ask(connection, directory, settings, periodText is null ? null : TrendCommand.ParseMonth(periodText, "--period"), areaText, context.Clock.GetUtcNow());
        var (period, root, items) = (answer.Period, answer.Root, answer.Items);

        if (context.Json || format == "json")
        {
            Json.CliJson.Write(context.Out, new Json.QualityDocument(period.ToString(), root.Code, items.Select(i => new Json.QualityItemDocument(
                i.Kind.ToCode(), i.Severity.ToCode(), i.AreaCode, i.AreaName, i.IndicatorCode, i.Period.ToString(), i.Value, i.ExpectedLow, i.ExpectedHigh, i.Rule, i.Message)).ToList()),
                Json.CliJson.Readable.QualityDocument);
            return (int)ExitCode.Ok;
        }

        var table = ToTable(items, root, period);
        if (format == "xlsx")
        {
            Ntm.Reports.Tables.XlsxTableWriter.Write(output!, [table]);
            context.Console.MarkupLine($"Đã ghi [bold]{Terminal.Escape(output!)}[/] ({items.Count} mục).");
            return (int)ExitCode.Ok;
        }

        var terminal = new Table().Border(TableBorder.Rounded).Title(Terminal.Escape(table.Title))
            .AddColumn("Mức").AddColumn("Loại").AddColumn("Đơn vị").AddColumn("Nội dung");
        foreach (var item in items)
        {
            var colour = item.Severity switch { QualitySeverity.Error => "red", QualitySeverity.Warning => "yellow", _ => "grey" };
            terminal.AddRow($"[{colour}]{Terminal.Escape(item.Severity.ToVietnamese())}[/]", Terminal.Escape(item.Kind.ToVietnamese()), Terminal.Escape(item.AreaName ?? string.Empty), Terminal.Escape(item.Message));
        }

        context.Console.Write(terminal);
        context.Console.MarkupLine(items.Count == 0 ? "Không có vấn đề nào." : $"{items.Count(i => i.Severity == QualitySeverity.Error)} lỗi, {items.Count(i => i.Severity == QualitySeverity.Warning)} cảnh báo, {items.Count(i => i.Severity == QualitySeverity.Info)} thông tin.");
        return (int)ExitCode.Ok;
    }

    /// <summary>The review as a report table.</summary>
    internal static Ntm.Reports.Tables.TableData ToTable(IReadOnlyList<QualityItem> items, Ntm.Domain.Areas.AreaRecord root, PeriodKey period) => new(
        $"Rà soát chất lượng số liệu tháng {period.ToVietnamese()} — {root.FullName}",
        [new("Mức"), new("Loại"), new("Đơn vị"), new("Chỉ tiêu"), new("Giá trị", Ntm.Reports.Tables.ColumnKind.Rate), new("Khoảng thường gặp / kênh dịch"), new("Nội dung")],
        items.Select(i => (IReadOnlyList<object?>)[i.Severity.ToVietnamese(), i.Kind.ToVietnamese(), i.AreaName, i.IndicatorCode, i.Value,
            i.ExpectedLow is null && i.ExpectedHigh is null ? null : $"{i.ExpectedLow:0.#}–{i.ExpectedHigh:0.#}", i.Message]).ToList(),
        "Theo khung rà soát chất lượng số liệu của WHO (Data Quality Review, 2017). Thiếu báo cáo: đơn vị phải báo cáo (còn hiệu lực trong tháng) chưa có số liệu. Đúng hạn: theo ngày gửi (ngày khai khi nạp, ngày ký trên báo cáo hoặc ngày tệp đến hộp thư). "
        + "Giá trị bất thường: điểm z hiệu chỉnh (trung vị, MAD) so với cùng tháng các năm trước hoặc 12 tháng trước, |z| > 3,5 và chênh ít nhất 5. Nhất quán theo thời gian: cộng dồn năm nay ÷ trung bình cùng kỳ 3 năm trước, lệch quá ±33% so với đơn vị chung. "
        + "Ngưỡng dịch: Thông tư 15/2026/TT-BYT (trung bình cùng tháng 5 năm trước + 2 độ lệch chuẩn, bỏ năm có dịch); cảnh báo khi xác suất dưới 1%.");
}
