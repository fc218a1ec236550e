using System.CommandLine;
using System.Text.Json;
using Ntm.Domain.Areas;
using Ntm.Domain.Rollups;
using Ntm.Domain.Statuses;
using Ntm.Jobs.Answers;
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
        var set = new Option<string?>("--set") { Description = "Mã bộ tiêu chí (xem ntm criteria), vd. NTM-2021-2025. Mặc định: các bộ có hiệu lực và có số liệu năm đó." };
        var year = new Option<int?>("--year") { Description = "Năm đánh giá. Mặc định: năm gần nhất có số liệu." };
        var area = new Option<string?>("--area") { Description = "Đơn vị (mã hoặc tên): đánh giá các đơn vị bộ tiêu chí áp dụng thuộc đơn vị này. Mặc định: các tỉnh có số liệu năm đó." };
        var all = new Option<bool>("--all") { Description = "Cả nước: mọi đơn vị bộ tiêu chí áp dụng." };
        var level = new Option<string?>("--level") { Description = "commune | district | province: chỉ các đơn vị cấp này." };
        level.AcceptOnlyFromAmong("commune", "district", "province");
        var command = new Command("compliance", "Đánh giá Đạt / Không đạt theo bộ tiêu chí. Criteria compliance.") { set, year, area, all, level };
        var output = new TableOptions(command);
        command.SetAction(parse =>
        {
            var cli = context(parse);
            return Run(cli, parse.GetValue(set), parse.GetValue(year), parse.GetValue(area), parse.GetValue(all), parse.GetValue(level), output.Get(parse, cli));
        });
        return command;
    }

    private static int Run(CliContext context, string? setCode, int? yearOption, string? areaText, bool all, string? levelText, TableRequest request)
    {
        using var connection = context.Database.OpenReadOnly();
        var directory = Ntm.Warehouse.Areas.AreaDirectoryLoader.Load(connection);
        var answer = ComplianceAnswer.Ask(connection, directory, CriteriaQuery.Load(connection),
            new ComplianceQuestion(setCode, yearOption, areaText, all, levelText is null ? null : AreaLevels.Parse(levelText), OneSet: request.Xlsx is not null || !request.ForPeople));
        var results = answer.Results;
        if (results.Count > 1 && (request.Xlsx is not null || !request.ForPeople))
        {
            throw new UsageException($"Năm {answer.Year} có số liệu cho {results.Count} bộ tiêu chí ({string.Join(", ", results.Select(r => r.SetCode))}); chọn một bằng --set.");
        }

        foreach (var result in results)
        {
            if (!request.Write(context, ComplianceAnswer.Detail(result), ComplianceAnswer.Sheets(result, directory), output => WriteJson(output, result)))
            {
                WriteTable(context.Console, result, directory);
            }
        }

        return (int)ExitCode.Ok;
    }

    /// <summary>"3/5" when the figure was rolled up from units, else empty.</summary>
    internal static string? Units(ComplianceRow row) => ComplianceAnswer.Units(row);

    private static void WriteJson(TextWriter output, ComplianceResult result)
    {
        var t = result.Tally();
        Json.CliJson.Write(output, new Json.ComplianceDocument(
            result.SetCode,
            result.Year,
            new Json.ComplianceSummaryDocument(t.Units, t.Met, t.MetWhereThresholded, t.NotMet, t.NoData, t.WithoutThreshold.Select(w => new Json.CriterionCountDocument(w.Criterion, w.Units)).ToList(), result.Headline()),
            result.Rows.Select(r => new Json.ComplianceRowDocument(r.AreaCode, r.AreaName, r.Criterion, r.Indicator, r.Value, r.ValueSource, r.UnitsReported, r.UnitsExpected,
                r.Comparator, r.Threshold, r.StatusCode, r.StatusVi, r.Note)).ToList(),
            result.Areas.Select(a => new Json.ComplianceAreaDocument(a.AreaCode, a.AreaName, a.Status.ToCode())).ToList()), Json.CliJson.Readable.ComplianceDocument);
    }

    /// <summary>The wide table on the terminal: a row per unit under its district, a column per criterion, the verdict; then the headline.</summary>
    private static void WriteTable(IAnsiConsole console, ComplianceResult result, AreaDirectory directory)
    {
        var wide = Ntm.Reports.Tables.ComplianceLayout.Wide(result, directory);
        var table = new Table().Border(TableBorder.Rounded).Title(Terminal.Escape(wide.Title));
        foreach (var column in wide.Columns)
        {
            table.AddColumn(column.Kind == Ntm.Reports.Tables.ColumnKind.Rate ? new TableColumn(Terminal.Escape(column.Header)).RightAligned() : new TableColumn(Terminal.Escape(column.Header)));
        }

        foreach (var row in wide.Rows)
        {
            if (Ntm.Reports.Tables.TableData.IsHeading(row))
            {
                table.AddRow(new[] { $"[bold]{Terminal.Escape(row[0]!.ToString()!)}[/]" }.Concat(Enumerable.Repeat(string.Empty, wide.Columns.Count - 1)).ToArray());
                continue;
            }

            table.AddRow(row.Select(value => value switch
            {
                Ntm.Reports.Tables.StatusValue judged => $"[{Colour(judged.Status)}]{Terminal.Escape(judged.Text)}[/]",
                string text when ComplianceStatuses.All.FirstOrDefault(s => s.ToVietnamese() == text, (ComplianceStatus)(-1)) is var status && Enum.IsDefined(status) => $"[{Colour(status)}]{Terminal.Escape(text)}[/]",
                _ => Terminal.Escape(value?.ToString() ?? string.Empty),
            }).ToArray());
        }

        console.Write(table);
        console.MarkupLine(Terminal.Escape(result.Headline()));
        if (result.Tally().WithoutThreshold.Count > 0)
        {
            console.MarkupLine($"[dim]Ngưỡng tỉnh dùng cho tiêu chí chưa có ngưỡng: ntm criteria threshold set --set {Terminal.Escape(result.SetCode)} --criterion MÃ (--province MÃ_TỈNH | --region VÙNG) \">= 60\" --source VĂN_BẢN.[/]");
        }

        console.MarkupLine($"[dim]{Terminal.Escape(wide.Note ?? string.Empty)} Chi tiết từng ô: --format csv, --xlsx TỆP.[/]");
    }

    private static string Colour(ComplianceStatus status) => status switch
    {
        ComplianceStatus.Met => "green",
        ComplianceStatus.NotMet => "red",
        ComplianceStatus.NoThreshold => "yellow",
        _ => "grey",
    };
}
