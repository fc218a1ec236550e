using System.CommandLine;
using Ntm.Domain.Indicators;
using Ntm.Warehouse.Queries;
using Spectre.Console;

namespace Ntm.Jobs.Cli;

/// <summary><c>ntm indicators [--search TEXT]</c>: the indicator catalogue, to find the code a label should be taught to.</summary>
public static class IndicatorsCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var search = new Option<string?>("--search") { Description = "Tìm theo mã, tên hoặc tên khác (không cần dấu). Search code, name or alias." };
        var format = new Option<string>("--format") { Description = "table | csv | json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var command = new Command("indicators", "Danh mục chỉ tiêu. The indicator catalogue.") { search, format };
        command.SetAction(parse => Run(context(parse), parse.GetValue(search), parse.GetValue(format)!));
        return command;
    }

    private static int Run(CliContext context, string? search, string format)
    {
        using var connection = context.Database.OpenReadOnly();
        var indicators = new IndicatorQuery(connection).List(search);
        var table = new ResultTable(
            ["code", "name_vi", "unit", "kind", "period_type", "domain", "aliases"],
            [typeof(string), typeof(string), typeof(string), typeof(string), typeof(string), typeof(string), typeof(string)],
            indicators.Select(i => new object?[]
            {
                i.Code, i.NameVi, i.Unit, IndicatorKinds.Parse(i.Kind).ToVietnamese() + (i.NumeratorCode is null ? string.Empty : $" = {i.NumeratorCode} / {i.DenominatorCode}"),
                i.PeriodType == "flow" ? "trong kỳ (cộng dồn được)" : "thời điểm", i.Domain, string.Join("; ", i.Aliases),
            }).ToList());
        switch (context.Json ? "json" : format)
        {
            case "json": ResultWriter.WriteJson(context.Out, table); break;
            case "csv": ResultWriter.WriteCsv(context.Out, table); break;
            default:
                ResultWriter.WriteTable(context.Console, table);
                if (indicators.Count == 0 && search is not null)
                {
                    context.Console.MarkupLine($"Không có chỉ tiêu nào khớp '{Terminal.Escape(search)}'.");
                }

                break;
        }

        return (int)ExitCode.Ok;
    }
}
