using System.CommandLine;
using System.Globalization;
using Ntm.Warehouse.Queries;
using Ntm.Warehouse.ReferenceData;
using Spectre.Console;

namespace Ntm.Jobs.Cli;

/// <summary><c>ntm plan progress</c>: a year's plans against what was achieved, to the named commune.</summary>
public static class PlanCommand
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The <c>plan</c> verb and its <c>progress</c> subcommand.</summary>
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var year = new Option<int>("--year") { Description = "Năm của kế hoạch.", Required = true };
        var area = new Option<string?>("--area") { Description = "Đơn vị (mã hoặc tên): kế hoạch của đơn vị này và các đơn vị thuộc nó. Mặc định: mọi kế hoạch đã nạp." };
        var progress = new Command("progress", "Tiến độ thực hiện kế hoạch: mục tiêu, xã được nêu tên và kết quả. Plan progress.") { year, area };
        var output = new TableOptions(progress);
        progress.SetAction(parse =>
        {
            var cli = context(parse);
            return Progress(cli, parse.GetValue(year), parse.GetValue(area), output.Get(parse, cli));
        });
        return new Command("plan", "Kế hoạch: mục tiêu xã đạt chuẩn nông thôn mới, Bộ tiêu chí quốc gia về y tế xã. Plans.") { progress };
    }

    private static int Progress(CliContext context, int year, string? areaText, TableRequest request)
    {
        if (year is < 1900 or > 2100)
        {
            throw new UsageException($"--year {year}: năm phải trong khoảng 1900–2100.");
        }

        using var connection = context.Database.OpenReadOnly();
        var directory = Ntm.Warehouse.Areas.AreaDirectoryLoader.Load(connection);
        var scope = areaText is null ? null : TrendCommand.FindArea(directory, areaText, new DateOnly(year, 12, 31));
        var progress = new PlanProgressQuery(connection, CriteriaQuery.Load(connection), PlanCatalog.Load(connection), directory).Evaluate(year, scope);
        if (progress.Rows.Count == 0)
        {
            throw new UsageException($"Chưa có kế hoạch năm {year}{(scope is null ? string.Empty : $" của {scope.FullName}")} trong kho; hãy nạp tệp kế hoạch (ntm ingest).");
        }

        var table = Ntm.Reports.Tables.PlanLayout.Table(progress, Ntm.Jobs.Answers.TrendAnswer.SourceLine);
        if (!request.Write(context, table, json: output => Json.CliJson.Write(output, ToDocument(progress), Json.CliJson.Readable.PlanProgressDocument)))
        {
            Write(context.Console, progress);
        }

        return (int)ExitCode.Ok;
    }

    internal static Json.PlanProgressDocument ToDocument(PlanProgress progress) => new(progress.Year, progress.Rows.Select(r => new Json.PlanRowDocument(
        r.AreaCode, r.AreaName, r.Target, r.TargetName, r.Planned, r.Achieved, r.Gap, r.Comparator,
        r.Communes.Select(c => new Json.PlanCommuneDocument(c.AreaCode, c.AreaName, c.Status, c.Failing, c.Note, c.Now.Select(n => new Json.PlanSuccessorDocument(n.Code, n.Name)).ToList(), c.WithoutThreshold)).ToList(),
        r.Note, r.Source)).ToList());

    private static void Write(IAnsiConsole console, PlanProgress progress)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Terminal.Escape($"Tiến độ thực hiện kế hoạch năm {progress.Year}"))
            .AddColumn("Đơn vị").AddColumn("Mục tiêu").AddColumn(new TableColumn("Kế hoạch").RightAligned()).AddColumn(new TableColumn("Đạt").RightAligned())
            .AddColumn(new TableColumn("Còn thiếu").RightAligned()).AddColumn("Xã được nêu tên và kết quả");
        foreach (var row in progress.Rows)
        {
            table.AddRow(Terminal.Escape(row.AreaName), Terminal.Escape(row.TargetName + (row.Comparator is { } c ? $" ({ComplianceQuery.Symbol(c)})" : string.Empty)),
                Number(row.Planned), Number(row.Achieved), Number(row.Gap), Terminal.Escape(string.Join(" ", new[] { Ntm.Reports.Tables.PlanLayout.Communes(row), row.Note }.Where(t => !string.IsNullOrEmpty(t)))));
        }

        console.Write(table);
        console.MarkupLine(Terminal.Escape("Kết quả của từng xã theo bộ tiêu chí có hiệu lực trong năm của kế hoạch; so sánh dùng giá trị chính xác, số hiển thị làm tròn."));
    }

    private static string Number(decimal? value) => value?.ToString("#,##0.##", Vi) ?? "—";
}
