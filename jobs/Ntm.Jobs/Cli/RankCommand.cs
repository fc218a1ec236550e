using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Ntm.Domain.Areas;
using Ntm.Domain.Measures;
using Ntm.Domain.Periods;
using Ntm.Jobs.Answers;
using Ntm.Reports.Tables;
using Spectre.Console;

namespace Ntm.Jobs.Cli;

/// <summary>
/// <c>ntm rank --indicator … [--area …] [--period YYYY-MM | --year YYYY] [--measure month|ytd] [--level …] [--per 100000]
/// [--format table|csv|json|xlsx] [--out FILE] [--png FILE] [--svg FILE]</c>: the units under a unit ranked.
/// </summary>
public static class RankCommand
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Builds the verb.</summary>
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var indicator = new Option<string>("--indicator") { Description = "Mã chỉ tiêu (xem ntm indicators), vd. disease.dengue.cases.", Required = true };
        var area = new Option<string?>("--area") { Description = "Đơn vị có các đơn vị được xếp hạng (mã hoặc tên); mặc định: tỉnh có nhiều số liệu nhất tháng đó." };
        var period = new Option<string?>("--period") { Description = "Tháng YYYY-MM (mặc định: tháng mới nhất có số liệu)." };
        var year = new Option<int?>("--year") { Description = "Năm: tháng mới nhất có số liệu của năm, cộng dồn từ đầu năm." };
        var measure = new Option<string?>("--measure") { Description = "month | ytd (mặc định: month cho --period, ytd cho --year)." };
        measure.AcceptOnlyFromAmong(Measure.Month.ToCode(), Measure.YearToDate.ToCode());
        var level = new Option<string?>("--level") { Description = "district | commune: xếp hạng các đơn vị cấp này (mặc định: đơn vị trực thuộc)." };
        level.AcceptOnlyFromAmong("province", "district", "commune");
        var per = new Option<int?>("--per") { Description = "100000: xếp theo tỷ lệ trên 100.000 dân của từng đơn vị." };
        per.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is { } value && value != 100_000)
            {
                r.AddError("--per: chỉ hỗ trợ 100000 (tỷ lệ trên 100.000 dân).");
            }
        });
        var png = new Option<string?>("--png") { Description = "Ghi biểu đồ PNG (các đơn vị cao nhất và thấp nhất)." };
        var svg = new Option<string?>("--svg") { Description = "Ghi biểu đồ SVG." };
        var dpi = new Option<int>("--dpi") { Description = "Độ phân giải PNG: 96 (màn hình) hoặc 300 (in, Word).", DefaultValueFactory = _ => 96 };
        var show = new Option<int>("--show") { Description = "Số đơn vị cao nhất và thấp nhất trên biểu đồ (mặc định 15).", DefaultValueFactory = _ => 15 };
        var command = new Command("rank", "Xếp hạng các đơn vị theo một chỉ tiêu, theo số hoặc theo tỷ lệ trên 100.000 dân. Ranking.")
        {
            indicator, area, period, year, measure, level, per, png, svg, dpi, show,
        };
        var output = new TableOptions(command);
        command.SetAction(parse =>
        {
            if (parse.GetValue(period) is not null && parse.GetValue(year) is not null)
            {
                throw new UsageException("Dùng --period hoặc --year, không dùng cả hai.");
            }

            var question = new RankQuestion(parse.GetValue(indicator)!, parse.GetValue(area), parse.GetValue(period) is { } p ? TrendCommand.ParseMonth(p, "--period") : null,
                parse.GetValue(year), parse.GetValue(measure) is { } m ? MeasureCodes.Parse(m) : null, parse.GetValue(level) is { } l ? AreaLevels.Parse(l) : null, parse.GetValue(per) is not null);
            var cli = context(parse);
            return Run(cli, question, output.Get(parse, cli), parse.GetValue(png), parse.GetValue(svg), parse.GetValue(dpi), parse.GetValue(show));
        });
        return command;
    }

    private static int Run(CliContext context, RankQuestion question, TableRequest request, string? png, string? svg, int dpi, int show)
    {
        using var connection = context.Database.OpenReadOnly();
        var directory = Ntm.Warehouse.Areas.AreaDirectoryLoader.Load(connection);
        var answer = RankAnswer.Ask(connection, directory, question);
        var table = answer.Table();
        if (png is not null || svg is not null)
        {
            var chart = answer.Chart(show);
            if (svg is not null)
            {
                Ntm.Reports.OutputFile.WriteText(svg, chart.Svg());
            }

            if (png is not null)
            {
                Ntm.Reports.OutputFile.WriteBytes(png, chart.Png(dpi));
            }
        }

        if (!request.Write(context, table, json: output => WriteJson(output, answer, table)))
        {
            TableOutput.WriteTerminal(context.Console, table, lastRowIsTotal: true);
        }

        return (int)ExitCode.Ok;
    }

    /// <summary>The ranking as JSON: what was asked, each unit, the total, exact values; keys in English.</summary>
    private static void WriteJson(TextWriter output, RankAnswer answer, TableData table)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, ResultWriter.JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("indicator", answer.Indicator.Code);
            json.WriteString("indicator_name", answer.Indicator.NameVi);
            json.WriteString("area_code", answer.Parent.Code);
            json.WriteString("area_name", answer.Parent.FullName);
            json.WriteString("period", answer.Period.ToString());
            json.WriteString("measure", answer.Measure.ToCode());
            json.WriteString("ranked_by", answer.ByRate ? "rate_per_100000" : "value");
            if (answer.PopulationYear is { } year)
            {
                json.WriteNumber("population_year", year);
            }
            else
            {
                json.WriteNull("population_year");
            }

            Number(json, "area_value", answer.ParentValue);
            json.WritePropertyName("rows");
            json.WriteStartArray();
            foreach (var row in table.Rows.Take(answer.Rows.Count))
            {
                Row(json, table, row);
            }

            json.WriteEndArray();
            json.WritePropertyName("total");
            Row(json, table, table.Rows[^1]);
            json.WriteString("note", table.Note);
            json.WriteEndObject();
        }

        output.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        output.WriteLine();
    }

    private static void Row(Utf8JsonWriter json, TableData table, IReadOnlyList<object?> row)
    {
        json.WriteStartObject();
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var key = table.Columns[c].Key ?? table.Columns[c].Header;
            switch (row[c])
            {
                case null: json.WriteNull(key); break;
                case decimal d: json.WriteNumber(key, table.Columns[c].Kind == ColumnKind.Rate ? decimal.Round(d, TableOutput.QuotientDecimals, MidpointRounding.AwayFromZero) : d); break;
                case int i: json.WriteNumber(key, i); break;
                default: json.WriteString(key, Convert.ToString(row[c], CultureInfo.InvariantCulture)); break;
            }
        }

        json.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter json, string key, decimal? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(key, v);
        }
        else
        {
            json.WriteNull(key);
        }
    }
}
