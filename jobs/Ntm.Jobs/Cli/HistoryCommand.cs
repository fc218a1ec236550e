using System.CommandLine;
using Ntm.Domain.Measures;
using Ntm.Domain.Periods;
using Ntm.Warehouse.Queries;
using Spectre.Console;

namespace Ntm.Jobs.Cli;

/// <summary>
/// <c>ntm history --indicator CODE --area CODE|NAME [--period YYYY-MM] [--measure M]</c>: every value a
/// figure had, from which file, sheet and cell, when, and which one is current.
/// </summary>
public static class HistoryCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var indicator = new Option<string>("--indicator") { Description = "Mã chỉ tiêu, vd. disease.dengue.cases.", Required = true };
        var area = new Option<string>("--area") { Description = "Đơn vị (mã hoặc tên).", Required = true };
        var period = new Option<string?>("--period") { Description = "Tháng YYYY-MM (mặc định: mọi tháng)." };
        var measure = new Option<string?>("--measure") { Description = "month | ytd | stock | target_year | reported_rate (mặc định: mọi loại)." };
        measure.AcceptOnlyFromAmong([.. MeasureCodes.All.Select(MeasureCodes.ToCode)]);
        var command = new Command("history", "Lịch sử một số liệu: mọi giá trị đã nhận, từ tệp, trang, ô nào, lúc nào, giá trị nào đang dùng.") { indicator, area, period, measure };
        var output = new TableOptions(command);
        command.SetAction(parse =>
        {
            var cli = context(parse);
            return Run(cli, parse.GetValue(indicator)!, parse.GetValue(area)!, parse.GetValue(period), parse.GetValue(measure), output.Get(parse, cli));
        });
        return command;
    }

    private static int Run(CliContext context, string indicatorCode, string areaText, string? periodText, string? measure, TableRequest request)
    {
        using var connection = context.Database.OpenReadOnly();
        if (new IndicatorQuery(connection).Find(indicatorCode) is null)
        {
            throw new UsageException($"--indicator: không có chỉ tiêu '{indicatorCode}' trong danh mục (xem ntm indicators --search).");
        }

        var directory = Ntm.Warehouse.Areas.AreaDirectoryLoader.Load(connection);
        PeriodKey? period = periodText is null ? null : TrendCommand.ParseMonth(periodText, "--period");
        var area = TrendCommand.FindArea(directory, areaText, (period ?? PeriodKey.Of(context.Clock.GetLocalNow().DateTime)).LastDay);
        var versions = new FigureHistoryQuery(connection).History(indicatorCode, area.AreaId, period, measure);

        var title = $"Lịch sử {indicatorCode} — {area.FullName}" + (period is { } p ? $", {p.ToVietnamese()}" : string.Empty);
        if (request.Write(context, ToTable(title, versions), json: output => Json.CliJson.Write(output, new Json.HistoryDocument(indicatorCode, area.Code, period?.ToString(), versions.Select(v => new Json.HistoryVersionDocument(
                v.Period, v.Measure, v.Disaggregation, v.Withdrawn ? null : v.Value, v.Withdrawn, v.SubmissionId, v.FileName, v.ReceivedAt, v.Status, v.Sheet, v.Cell, v.IsCurrent)).ToList()),
                Json.CliJson.Readable.HistoryDocument)))
        {
            return (int)ExitCode.Ok;
        }

        if (versions.Count == 0)
        {
            context.Console.MarkupLine($"{Terminal.Escape(title)}: chưa có số liệu nào.");
            return (int)ExitCode.Ok;
        }

        // Only the columns that tell the versions apart: a terminal is 80 characters wide.
        var byPeriod = period is null;
        var byPart = versions.Any(v => v.Disaggregation.Length > 0);
        var table = new Table().Border(TableBorder.Rounded).Title(Terminal.Escape(title));
        if (byPeriod)
        {
            table.AddColumn("Kỳ");
        }

        table.AddColumn("Loại số liệu");
        if (byPart)
        {
            table.AddColumn("Phân tổ");
        }

        table.AddColumn(new TableColumn("Giá trị").RightAligned()).AddColumn("Tệp, ô").AddColumn("Nhận lúc").AddColumn("Dùng");
        var vi = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");
        foreach (var v in versions)
        {
            var cells = new List<string>();
            if (byPeriod)
            {
                cells.Add(Terminal.Escape(v.Period));
            }

            cells.Add(Terminal.Escape(MeasureCodes.Parse(v.Measure).ToVietnamese()));
            if (byPart)
            {
                cells.Add(Terminal.Escape(v.Disaggregation.Length == 0 ? "tổng" : v.Disaggregation));
            }

            cells.Add(v.Withdrawn ? "[yellow]đã rút[/]" : Terminal.Escape(v.Value.ToString("#,##0.####", vi)));
            cells.Add(Terminal.Escape(v.Sheet is null ? v.FileName : $"{v.FileName} {v.Sheet}!{v.Cell}"));
            cells.Add(Terminal.Escape(v.ReceivedAt.ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
            cells.Add(v.IsCurrent ? "[green]✓[/]" : string.Empty);
            table.AddRow([.. cells]);
        }

        context.Console.Write(table);
        return (int)ExitCode.Ok;
    }

    /// <summary>Every version as a table: the same columns in CSV and the workbook, English keys in JSON.</summary>
    internal static Ntm.Reports.Tables.TableData ToTable(string title, IReadOnlyList<FigureVersion> versions) => new(title,
        [
            // Whole numbers shown whole; a rate keeps its decimals.
            new("Kỳ") { Key = "period" }, new("Loại số liệu") { Key = "measure" }, new("Phân tổ") { Key = "disaggregation" },
            new("Giá trị", versions.All(v => v.Value == decimal.Truncate(v.Value)) ? Ntm.Reports.Tables.ColumnKind.Count : Ntm.Reports.Tables.ColumnKind.Rate) { Key = "value" }, new("Đã rút") { Key = "withdrawn" },
            new("Mã báo cáo", Ntm.Reports.Tables.ColumnKind.Count) { Key = "submission_id" }, new("Tệp") { Key = "file_name" }, new("Trang") { Key = "sheet" }, new("Ô") { Key = "cell" },
            new("Nhận lúc") { Key = "received_at" }, new("Trạng thái") { Key = "status" }, new("Đang dùng") { Key = "is_current" },
        ],
        versions.Select(v => (IReadOnlyList<object?>)[v.Period, MeasureCodes.Parse(v.Measure).ToVietnamese(), v.Disaggregation.Length == 0 ? "tổng" : v.Disaggregation,
            v.Withdrawn ? null : v.Value, v.Withdrawn ? "có" : null, (decimal)v.SubmissionId, v.FileName, v.Sheet, v.Cell,
            v.ReceivedAt.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), v.Status, v.IsCurrent ? "có" : null]).ToList(),
        "Mọi giá trị đã nhận của số liệu, giá trị nào đang dùng; giá trị đã rút là số liệu tệp sau không còn ghi.");
}
