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
        var command = new Command("quality", "Rà soát chất lượng số liệu một tháng: quy tắc, giá trị bất thường, thiếu/muộn báo cáo, cảnh báo dịch.") { period, area };
        var output = new TableOptions(command);
        command.SetAction(parse =>
        {
            var cli = context(parse);
            return Run(cli, parse.GetValue(period), parse.GetValue(area), output.Get(parse, cli));
        });
        return command;
    }

    private static int Run(CliContext context, string? periodText, string? areaText, TableRequest request)
    {
        var settings = ScheduleSettings.Load(context.Home);
        using var connection = context.Database.OpenReadOnly();
        var directory = Ntm.Warehouse.Areas.AreaDirectoryLoader.Load(connection);
        var answer = QualityAnswer.Ask(connection, directory, settings, periodText is null ? null : TrendCommand.ParseMonth(periodText, "--period"), areaText, context.Clock.GetUtcNow());
        var (period, root, items) = (answer.Period, answer.Root, answer.Items);

        var table = ToTable(answer);
        if (request.Write(context, table, json: output => Json.CliJson.Write(output, new Json.QualityDocument(period.ToString(), root.Code, items.Select(i => new Json.QualityItemDocument(
                i.Kind.ToCode(), i.Severity.ToCode(), i.AreaCode, i.AreaName, i.IndicatorCode, i.Period.ToString(), i.Value, i.ExpectedLow, i.ExpectedHigh, i.Rule, i.Message)).ToList()),
                Json.CliJson.Readable.QualityDocument)))
        {
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
    /// <remarks>
    /// Names beside codes (the unit, the indicator); the usual range as numbers a workbook can
    /// compute with (low, high) and as the text a person reads, with Vietnamese decimals.
    /// </remarks>
    internal static Ntm.Reports.Tables.TableData ToTable(QualityAnswer answer) => new(
        $"Rà soát chất lượng số liệu tháng {answer.Period.ToVietnamese()} — {answer.Root.FullName}",
        [
            new("Mức") { Key = "severity" }, new("Loại") { Key = "kind" }, new("Mã đơn vị") { Key = "area_code" }, new("Đơn vị") { Key = "area_name" },
            new("Mã chỉ tiêu") { Key = "indicator" }, new("Chỉ tiêu") { Key = "indicator_name" }, new("Kỳ") { Key = "period" },
            new("Giá trị", Ntm.Reports.Tables.ColumnKind.Rate) { Key = "value" },
            new("Cận dưới", Ntm.Reports.Tables.ColumnKind.Rate) { Key = "expected_low" }, new("Cận trên", Ntm.Reports.Tables.ColumnKind.Rate) { Key = "expected_high" },
            new("Khoảng thường gặp / kênh dịch") { Key = "expected_range" }, new("Quy tắc") { Key = "rule" }, new("Nội dung") { Key = "message" },
        ],
        answer.Items.Select(i => (IReadOnlyList<object?>)[i.Severity.ToVietnamese(), i.Kind.ToVietnamese(), i.AreaCode, i.AreaName,
            i.IndicatorCode, i.IndicatorCode is { } code ? answer.IndicatorNames.GetValueOrDefault(code) : null, i.Period.ToString(), i.Value, i.ExpectedLow, i.ExpectedHigh,
            i.ExpectedLow is null && i.ExpectedHigh is null ? null : $"{Vi(i.ExpectedLow)}–{Vi(i.ExpectedHigh)}", i.Rule, i.Message]).ToList(),
        "Theo khung rà soát chất lượng số liệu của WHO (Data Quality Review, 2017). Thiếu báo cáo: đơn vị phải báo cáo (còn hiệu lực trong tháng) chưa có số liệu. Đúng hạn: theo ngày gửi (ngày khai khi nạp, ngày ký trên báo cáo hoặc ngày tệp đến hộp thư). "
        + "Giá trị bất thường: điểm z hiệu chỉnh (trung vị, MAD) so với cùng tháng các năm trước hoặc 12 tháng trước, |z| > 3,5 và chênh ít nhất 5. Nhất quán theo thời gian: cộng dồn năm nay ÷ trung bình cùng kỳ 3 năm trước, lệch quá ±33% so với đơn vị chung. "
        + "Ngưỡng dịch: Thông tư 15/2026/TT-BYT (trung bình cùng tháng 5 năm trước + 2 độ lệch chuẩn, bỏ năm có dịch); cảnh báo khi xác suất dưới 1%.");

    private static string Vi(decimal? value) => value is { } v ? v.ToString("#,##0.#", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) : "…";
}
