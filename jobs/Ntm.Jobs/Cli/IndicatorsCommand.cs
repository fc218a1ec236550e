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
        var command = new Command("indicators", "Danh mục chỉ tiêu. The indicator catalogue.") { search };
        var output = new TableOptions(command);
        command.SetAction(parse =>
        {
            var cli = context(parse);
            return Run(cli, parse.GetValue(search), output.Get(parse, cli));
        });
        return command;
    }

    private static int Run(CliContext context, string? search, TableRequest request)
    {
        using var connection = context.Database.OpenReadOnly();
        var indicators = new IndicatorQuery(connection).List(search);
        var table = new Ntm.Reports.Tables.TableData(
            search is null ? "Danh mục chỉ tiêu" : $"Chỉ tiêu khớp '{search}'",
            [
                new("Mã") { Key = "code" }, new("Tên") { Key = "name_vi" }, new("Đơn vị tính") { Key = "unit" }, new("Loại") { Key = "kind" },
                new("Kỳ") { Key = "period_type" }, new("Lĩnh vực") { Key = "domain" }, new("Tên khác") { Key = "aliases" },
            ],
            indicators.Select(i => (IReadOnlyList<object?>)
            [
                i.Code, i.NameVi, i.Unit, IndicatorKinds.Parse(i.Kind).ToVietnamese() + (i.NumeratorCode is null ? string.Empty : $" = {i.NumeratorCode} / {i.DenominatorCode}"),
                i.PeriodType == "flow" ? "trong kỳ (cộng dồn được)" : "thời điểm", i.Domain, string.Join("; ", i.Aliases),
            ]).ToList());
        if (!request.Write(context, table))
        {
            TableOutput.WriteTerminal(context.Console, table);
            if (indicators.Count == 0 && search is not null)
            {
                context.Console.MarkupLine($"Không có chỉ tiêu nào khớp '{Terminal.Escape(search)}'.");
            }
        }

        return (int)ExitCode.Ok;
    }
}
