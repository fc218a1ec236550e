using System.CommandLine;
using System.Text.Json;
using Ntm.Domain.Areas;
using Ntm.Domain.Rollups;
using Ntm.Domain.Statuses;
using Ntm.Warehouse.Queries;
using Ntm.Warehouse.ReferenceData;
using Spectre.Console;

namespace Ntm.Jobs.Cli;

/// <summary><c>ntm compliance</c>: Đạt / Không đạt / Chưa có số liệu for every criterion of a set.</summary>
public static class ComplianceCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var set = new Option<string>("--set") { Description = "Mã bộ tiêu chí (vd. NTM-NC-2021-2025).", Required = true };
        var year = new Option<int>("--year") { Description = "Năm đánh giá.", Required = true };
        var area = new Option<string?>("--area") { Description = "Đơn vị (mã hoặc tên)." };
        var level = new Option<string?>("--level") { Description = "commune | district | province: các đơn vị cấp này (thuộc --area nếu có)." };
        level.AcceptOnlyFromAmong("commune", "district", "province");
        var format = new Option<string>("--format") { Description = "table | csv | json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var xlsx = new Option<string?>("--xlsx") { Description = "Ghi bảng .xlsx (Đạt/Không đạt tô màu) vào tệp này." };
        var command = new Command("compliance", "Đánh giá Đạt / Không đạt theo bộ tiêu chí. Criteria compliance.") { set, year, area, level, format, xlsx };
        command.SetAction(parse => Run(context(parse), parse.GetValue(set)!, parse.GetValue(year), parse.GetValue(area), parse.GetValue(level), parse.GetValue(format)!, parse.GetValue(xlsx)));
        return command;
    }

    private static int Run(CliContext context, string setCode, int year, string? areaText, string? levelText, string format, string? xlsx)
    {
        if (areaText is null && levelText is null)
        {
            throw new UsageException("Cần --area hoặc --level (hoặc cả hai).");
        }

        using var connection = context.Database.OpenReadOnly();
        var directory = Ntm.Warehouse.Areas.AreaDirectoryLoader.Load(connection);
        var asOf = new DateOnly(year, 6, 30) < AreaGeneration.From2025.ValidFrom ? new DateOnly(year, 6, 30) : new DateOnly(year, 12, 31);
        var parent = areaText is null ? null : TrendCommand.FindArea(directory, areaText, asOf);
        IReadOnlyList<AreaRecord> areas = levelText is null
            ? [parent!]
            : directory.Areas.Where(a => a.Level == AreaLevels.Parse(levelText) && a.IsValidOn(asOf)
                    && (parent is null || a.ParentId == parent.AreaId || (parent.Level == AreaLevel.Province && a.ProvinceCode == parent.Code && a.Generation == parent.Generation)))
                .OrderBy(a => a.Code, StringComparer.Ordinal).ToList();

        var catalog = CriteriaQuery.Load(connection);
        var result = new ComplianceQuery(connection, catalog).Evaluate(setCode, year, areas);

        if (xlsx is not null)
        {
            Ntm.Reports.Tables.XlsxTableWriter.Write(xlsx, [new Ntm.Reports.Tables.TableData($"{result.SetCode} {result.Year}",
                [new("Mã đơn vị"), new("Đơn vị"), new("Tiêu chí"), new("Giá trị", Ntm.Reports.Tables.ColumnKind.Rate), new("Nguồn giá trị"), new("Đơn vị có số liệu"), new("So sánh"), new("Ngưỡng", Ntm.Reports.Tables.ColumnKind.Rate),
                 new("Đánh giá", Ntm.Reports.Tables.ColumnKind.Status), new("Ghi chú")],
                result.Rows.Select(r => (IReadOnlyList<object?>)[r.AreaCode, r.AreaName, $"{r.Criterion} {r.CriterionName}", r.Value, r.Source?.ToVietnamese(), Units(r), r.Comparator, r.Threshold, r.StatusVi, r.Note]).ToList(),
                "So sánh dùng giá trị chính xác; số hiển thị làm tròn một chữ số thập phân.")]);
        }

        switch (context.Json ? "json" : format)
        {
            case "json": WriteJson(context.Out, result); break;
            case "csv": ResultWriter.WriteCsv(context.Out, ToTable(result)); break;
            default: WriteTable(context.Console, result); break;
        }

        return (int)ExitCode.Ok;
    }

    internal static ResultTable ToTable(ComplianceResult result) => new(
        ["area_code", "area_name", "criterion", "indicator", "value", "value_source", "units_reported", "units_expected", "comparator", "threshold", "status", "status_vi", "note"],
        [typeof(string), typeof(string), typeof(string), typeof(string), typeof(decimal), typeof(string), typeof(int), typeof(int), typeof(string), typeof(decimal), typeof(string), typeof(string), typeof(string)],
        result.Rows.Select(r => new object?[] { r.AreaCode, r.AreaName, r.Criterion, r.Indicator, r.Value, r.ValueSource, r.UnitsReported, r.UnitsExpected, r.Comparator, r.Threshold, r.StatusCode, r.StatusVi, r.Note }).ToList());

    /// <summary>"3/5" when the figure was rolled up from units, else empty.</summary>
    internal static string? Units(ComplianceRow row) => row.UnitsExpected is { } expected ? $"{row.UnitsReported}/{expected}" : null;

    private static void WriteJson(TextWriter output, ComplianceResult result) =>
        Json.CliJson.Write(output, new Json.ComplianceDocument(
            result.SetCode,
            result.Year,
            result.Rows.Select(r => new Json.ComplianceRowDocument(r.AreaCode, r.AreaName, r.Criterion, r.Indicator, r.Value, r.ValueSource, r.UnitsReported, r.UnitsExpected,
                r.Comparator, r.Threshold, r.StatusCode, r.StatusVi, r.Note)).ToList(),
            result.Areas.Select(a => new Json.ComplianceAreaDocument(a.AreaCode, a.AreaName, a.Status.ToCode())).ToList()), Json.CliJson.Readable.ComplianceDocument);

    private static void WriteTable(IAnsiConsole console, ComplianceResult result)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"{Markup.Escape(result.SetName)} — năm {result.Year}")
            .AddColumn("Đơn vị").AddColumn("Tiêu chí").AddColumn(new TableColumn("Giá trị").RightAligned()).AddColumn("Ngưỡng").AddColumn("Đánh giá").AddColumn("Ghi chú");
        foreach (var r in result.Rows)
        {
            var colour = r.Status switch { ComplianceStatus.Met => "green", ComplianceStatus.NotMet => "red", _ => "grey" };
            table.AddRow(Markup.Escape(r.AreaName), Markup.Escape($"{r.Criterion} {r.CriterionName}"),
                TrendCommand.Format(r.Value) + r.Source switch
                {
                    FigureSource.Reported => " (báo cáo)",
                    _ when r.UnitsExpected is not null => $" ({Units(r)})",
                    _ => string.Empty,
                },
                Markup.Escape($"{r.Comparator} {TrendCommand.Format(r.Threshold)}"), $"[{colour}]{r.StatusVi}[/]", Markup.Escape(r.Note ?? string.Empty));
        }

        console.Write(table);
        foreach (var area in result.Areas)
        {
            console.MarkupLine($"{Markup.Escape(area.AreaName)}: [bold]{area.StatusVi}[/]");
        }

        console.MarkupLine("[dim]So sánh dùng giá trị chính xác; số hiển thị làm tròn một chữ số thập phân. \"(báo cáo)\": tỷ lệ do đơn vị ghi, không tính được từ tử số/mẫu số.[/]");
    }
}
