using System.CommandLine;
using System.Globalization;
using Ntm.Warehouse.Queries;
using Ntm.Warehouse.ReferenceData;
using Spectre.Console;

namespace Ntm.Jobs.Cli;

/// <summary>
/// <c>ntm criteria [--set CODE]</c>: the criteria sets the warehouse judges against, and for one
/// set its criteria, the indicator each reads and the thresholds by region or group, so a
/// statistician can check a verdict against the document it comes from.
/// </summary>
public static class CriteriaCommand
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Builds the verb.</summary>
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var set = new Option<string?>("--set") { Description = "Mã bộ tiêu chí: liệt kê tiêu chí và ngưỡng của bộ này." };
        var format = new Option<string>("--format") { Description = "table | csv | json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var command = new Command("criteria", "Danh mục bộ tiêu chí, tiêu chí và ngưỡng. Criteria sets and thresholds.") { set, format };
        command.SetAction(parse => Run(context(parse), parse.GetValue(set), parse.GetValue(format)!));
        return command;
    }

    private static int Run(CliContext context, string? setCode, string format)
    {
        using var connection = context.Database.OpenReadOnly();
        var catalog = CriteriaQuery.Load(connection);
        var table = setCode is null ? Sets(catalog) : Criteria(catalog, setCode);
        switch (context.Json ? "json" : format)
        {
            case "json": ResultWriter.WriteJson(context.Out, table); break;
            case "csv": ResultWriter.WriteCsv(context.Out, table); break;
            default:
                ResultWriter.WriteTable(context.Console, table);
                if (setCode is null)
                {
                    context.Console.MarkupLine("[dim]Tiêu chí và ngưỡng của một bộ: ntm criteria --set MÃ_BỘ.[/]");
                }

                break;
        }

        return (int)ExitCode.Ok;
    }

    /// <summary>One row per set: its years, the unit types it judges and its source.</summary>
    internal static ResultTable Sets(CriteriaCatalog catalog) => new(
        ["set_code", "name_vi", "years", "unit_types", "criteria", "source"],
        [typeof(string), typeof(string), typeof(string), typeof(string), typeof(int), typeof(string)],
        catalog.Sets.OrderBy(s => s.ValidFromYear).ThenBy(s => s.SetCode, StringComparer.Ordinal).Select(s => new object?[]
        {
            s.SetCode, s.NameVi, $"{s.ValidFromYear}–{s.ValidToYear}", s.UnitTypes is { Count: > 0 } types ? string.Join(", ", types) : "mọi đơn vị",
            catalog.Criteria.Count(c => c.SetCode == s.SetCode), s.Source,
        }).ToList());

    /// <summary>One row per criterion and threshold (a region or group, or every unit), then the province overrides.</summary>
    internal static ResultTable Criteria(CriteriaCatalog catalog, string setCode)
    {
        var set = catalog.Sets.FirstOrDefault(s => string.Equals(s.SetCode, setCode, StringComparison.OrdinalIgnoreCase))
            ?? throw new Ntm.Domain.Errors.UnknownCodeException("bộ tiêu chí", setCode, Ntm.Domain.Errors.UnknownCodeException.NearestOf(setCode, catalog.Sets.Select(s => s.SetCode)), "Xem ntm criteria.");
        var rows = new List<object?[]>();
        foreach (var criterion in catalog.Criteria.Where(c => c.SetCode == set.SetCode))
        {
            var symbol = ComplianceQuery.Symbol(criterion.Comparator);
            var thresholds = catalog.Thresholds.Where(t => t.SetCode == set.SetCode && t.CriterionCode == criterion.CriterionCode).ToList();
            if (thresholds.Count == 0)
            {
                rows.Add([criterion.CriterionCode, criterion.Label, criterion.NameVi, criterion.IndicatorCode, "—", "chưa có ngưỡng", null, criterion.Source]);
            }

            foreach (var threshold in thresholds)
            {
                rows.Add([criterion.CriterionCode, criterion.Label, criterion.NameVi, criterion.IndicatorCode,
                    threshold.Segment == CriteriaCatalog.AnySegment ? "mọi đơn vị" : threshold.Segment,
                    $"{symbol} {threshold.Threshold.ToString("0.####", Vietnamese)}{(criterion.Unit is { } unit ? " " + unit : string.Empty)}",
                    $"{threshold.ValidFromYear}–{threshold.ValidToYear}", criterion.Source]);
            }

            foreach (var o in catalog.Overrides.Where(o => o.SetCode == set.SetCode && o.CriterionCode == criterion.CriterionCode))
            {
                rows.Add([criterion.CriterionCode, criterion.Label, criterion.NameVi, criterion.IndicatorCode, $"tỉnh {o.ProvinceCode}",
                    $"{symbol} {o.Threshold.ToString("0.####", Vietnamese)}", $"từ {o.ValidFrom:dd/MM/yyyy}", o.Source]);
            }
        }

        return new ResultTable(
            ["criterion", "label", "name_vi", "indicator", "applies_to", "threshold", "years", "source"],
            [typeof(string), typeof(string), typeof(string), typeof(string), typeof(string), typeof(string), typeof(string), typeof(string)],
            rows);
    }
}
