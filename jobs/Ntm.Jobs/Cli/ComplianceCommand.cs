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
        var set = new Option<string?>("--set") { Description = "Mã bộ tiêu chí (xem ntm criteria), vd. NTM-2021-2025. Mặc định: các bộ có hiệu lực và có số liệu năm đó." };
        var year = new Option<int?>("--year") { Description = "Năm đánh giá. Mặc định: năm gần nhất có số liệu." };
        var area = new Option<string?>("--area") { Description = "Đơn vị (mã hoặc tên): đánh giá các đơn vị bộ tiêu chí áp dụng thuộc đơn vị này. Mặc định: các tỉnh có số liệu năm đó." };
        var all = new Option<bool>("--all") { Description = "Cả nước: mọi đơn vị bộ tiêu chí áp dụng." };
        var level = new Option<string?>("--level") { Description = "commune | district | province: chỉ các đơn vị cấp này." };
        level.AcceptOnlyFromAmong("commune", "district", "province");
        var format = new Option<string>("--format") { Description = "table | csv | json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var xlsx = new Option<string?>("--xlsx") { Description = "Ghi bảng .xlsx (bảng ngang theo huyện, tô màu; trang chi tiết) vào tệp này." };
        var command = new Command("compliance", "Đánh giá Đạt / Không đạt theo bộ tiêu chí. Criteria compliance.") { set, year, area, all, level, format, xlsx };
        command.SetAction(parse => Run(context(parse), parse.GetValue(set), parse.GetValue(year), parse.GetValue(area), parse.GetValue(all), parse.GetValue(level), parse.GetValue(format)!, parse.GetValue(xlsx)));
        return command;
    }

    private static int Run(CliContext context, string? setCode, int? yearOption, string? areaText, bool all, string? levelText, string format, string? xlsx)
    {
        if (all && areaText is not null)
        {
            throw new UsageException("--all (cả nước) và --area không dùng cùng nhau.");
        }

        using var connection = context.Database.OpenReadOnly();
        var directory = Ntm.Warehouse.Areas.AreaDirectoryLoader.Load(connection);
        var catalog = CriteriaQuery.Load(connection);
        var query = new ComplianceQuery(connection, catalog);
        var year = yearOption ?? new CoverageQuery(connection).LatestMonth()?.Year
            ?? throw new UsageException("Kho chưa có số liệu; hãy nạp báo cáo trước (ntm ingest) hoặc chỉ định --year.");
        var sets = setCode is not null ? [query.Set(setCode, year)] : catalog.Sets.Where(s => s.InForce(year)).ToList();
        if (sets.Count == 0)
        {
            throw new UsageException($"Không có bộ tiêu chí nào có hiệu lực năm {year}; xem ntm criteria.");
        }

        // A year is judged on the units in force at its end (2025: the map of 2025-07-01).
        var asOf = new DateOnly(year, 12, 31);
        var generation = AreaGeneration.At(asOf);
        List<AreaRecord> roots;
        if (areaText is not null)
        {
            roots = [TrendCommand.FindArea(directory, areaText, asOf)];
        }
        else if (all)
        {
            roots = directory.Areas.Where(a => a.Level == AreaLevel.Province && a.Generation == generation).ToList();
        }
        else
        {
            // The provinces that have figures that year: the question a provincial office asks.
            var provinces = new CoverageQuery(connection).Provinces(new Ntm.Domain.Periods.PeriodKey(year, 1), new Ntm.Domain.Periods.PeriodKey(year, 12)).ToHashSet(StringComparer.Ordinal);
            roots = directory.Areas.Where(a => a.Level == AreaLevel.Province && a.Generation == generation && provinces.Contains(a.Code)).ToList();
            if (roots.Count == 0)
            {
                throw new UsageException($"Chưa có số liệu năm {year}; chỉ định --area hoặc --all.");
            }
        }

        var results = new List<ComplianceResult>();
        foreach (var set in sets)
        {
            var areas = ComplianceQuery.Judged(set, roots, directory)
                .Where(a => levelText is null || a.Level == AreaLevels.Parse(levelText)).ToList();
            if (areas.Count == 0)
            {
                if (setCode is not null)
                {
                    throw new UsageException($"{set.SetCode} đánh giá {set.UnitWord}; không có {set.UnitWord} nào thuộc {string.Join(", ", roots.Select(r => r.FullName))}{(levelText is null ? string.Empty : $" ở cấp {levelText}")}.");
                }

                continue;
            }

            var evaluated = query.Evaluate(set.SetCode, year, areas);
            if (setCode is not null || evaluated.Rows.Any(r => r.Value is not null))
            {
                results.Add(evaluated);
            }
        }

        if (results.Count == 0)
        {
            throw new UsageException($"Năm {year} chưa có số liệu cho tiêu chí của bộ nào ({string.Join(", ", sets.Select(s => s.SetCode))}) tại {string.Join(", ", roots.Select(r => r.FullName))}; chỉ định --set để xem bảng trống.");
        }

        if (results.Count > 1 && (xlsx is not null || context.Json || format != "table"))
        {
            throw new UsageException($"Năm {year} có số liệu cho {results.Count} bộ tiêu chí ({string.Join(", ", results.Select(r => r.SetCode))}); chọn một bằng --set.");
        }

        foreach (var result in results)
        {
            if (xlsx is not null)
            {
                var wide = Ntm.Reports.Tables.ComplianceLayout.Wide(result, directory, "Ntm.Analytics, báo cáo của các đơn vị y tế");
                var detail = new Ntm.Reports.Tables.TableData($"Chi tiết {result.SetCode} {result.Year}",
                    [new("Mã đơn vị"), new("Đơn vị"), new("Tiêu chí"), new("Giá trị", Ntm.Reports.Tables.ColumnKind.Rate), new("Nguồn giá trị"), new("Đơn vị có số liệu"), new("Ngưỡng"),
                     new("Đánh giá", Ntm.Reports.Tables.ColumnKind.Status), new("Ghi chú")],
                    result.Rows.Select(r => (IReadOnlyList<object?>)[r.AreaCode, r.AreaName, $"{r.Criterion} {r.CriterionName}", r.Value, r.Source?.ToVietnamese(), Units(r), r.ThresholdText, r.StatusVi, r.Note]).ToList(),
                    "So sánh dùng giá trị chính xác; số hiển thị làm tròn một chữ số thập phân.");
                Ntm.Reports.Tables.XlsxTableWriter.Write(xlsx, [wide, detail]);
            }

            switch (context.Json ? "json" : format)
            {
                case "json": WriteJson(context.Out, result); break;
                case "csv": ResultWriter.WriteCsv(context.Out, ToTable(result)); break;
                default: WriteTable(context.Console, result, directory); break;
            }
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
        console.MarkupLine($"[dim]{Terminal.Escape(wide.Note ?? string.Empty)} Chi tiết từng ô: --format csv, --xlsx.[/]");
    }

    private static string Colour(ComplianceStatus status) => status switch
    {
        ComplianceStatus.Met => "green",
        ComplianceStatus.NotMet => "red",
        ComplianceStatus.NoThreshold => "yellow",
        _ => "grey",
    };
}
