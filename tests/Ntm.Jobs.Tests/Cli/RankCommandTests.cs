using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Ntm.Jobs.Tests.Cli;

/// <summary><c>ntm rank</c>: ranks with ties and rates, a unit without population, the total row, and one table in four formats.</summary>
public sealed class RankCommandTests : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly string home;

    public RankCommandTests()
    {
        home = directory.File("home");
        Assert.Equal(0, CliRunner.InProcess("--home", home, "init").ExitCode);

        // Huyện Long Mỹ (936), March 2024: dengue 30, 50, 30, 10 in four communes (March 2023: 20, 50, -, 5), populations
        // 10,000, 25,000, 20,000 and none: rates 300, 200, 150 and none; the four other communes sent nothing.
        var rows = new StringBuilder("Kỳ báo cáo,Mã đơn vị,Chỉ tiêu,Loại số liệu,Giá trị\n");
        foreach (var (commune, cases, before, population) in new (string, int, int?, int?)[] { ("31483", 30, 20, 10_000), ("31484", 50, 50, 25_000), ("31486", 30, null, 20_000), ("31489", 10, 5, null) })
        {
            rows.Append(CultureInfo.InvariantCulture, $"2024-03,{commune},disease.dengue.cases,trong tháng,{cases}\n");
            if (before is { } b)
            {
                rows.Append(CultureInfo.InvariantCulture, $"2023-03,{commune},disease.dengue.cases,trong tháng,{b}\n");
            }

            if (population is { } p)
            {
                rows.Append(CultureInfo.InvariantCulture, $"2024-01,{commune},population.total,hiện có,{p}\n");
            }
        }

        File.WriteAllText(Path.Combine(home, "inbox", "long-my.csv"), rows.ToString(), new UTF8Encoding(false));
        var ingest = CliRunner.InProcess("--home", home, "ingest");
        Assert.True(ingest.ExitCode == 0, ingest.Out);
    }

    public void Dispose() => directory.Dispose();

    private static readonly string[] Ask = ["rank", "--indicator", "disease.dengue.cases", "--area", "936", "--period", "2024-03", "--per", "100000"];

    [Fact]
    public void Units_are_ranked_by_their_rate_with_the_total_and_the_unit_without_population_said()
    {
        var result = CliRunner.InProcess(["--home", home, .. Ask, "--format", "json"]);
        Assert.True(result.ExitCode == 0, result.Out);
        var json = JsonDocument.Parse(result.Out).RootElement;
        var rows = json.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(8, rows.Count);
        Assert.Equal(["1:31483:300", "2:31484:200", "3:31486:150", "-:31489:-"], rows.Take(4).Select(r =>
            $"{(r.GetProperty("rank").ValueKind == JsonValueKind.Null ? "-" : r.GetProperty("rank").GetInt32().ToString(CultureInfo.InvariantCulture))}:{r.GetProperty("area_code").GetString()}:{(r.GetProperty("rate_per_100000").ValueKind == JsonValueKind.Null ? "-" : r.GetProperty("rate_per_100000").GetDecimal().ToString("0", CultureInfo.InvariantCulture))}"));
        Assert.All(rows.Skip(4), r => Assert.Equal(JsonValueKind.Null, r.GetProperty("value").ValueKind));
        var total = json.GetProperty("total");
        Assert.Equal((120m, 200m), (total.GetProperty("value").GetDecimal(), total.GetProperty("rate_per_100000").GetDecimal()));
        Assert.Equal(2024, json.GetProperty("population_year").GetInt32());
        Assert.Contains("1 đơn vị chưa có dân số, không xếp hạng theo tỷ lệ: Thị trấn Vĩnh Viễn", json.GetProperty("note").GetString());

        // By figure: 31483 and 31486 tie at 30 and share the second rank.
        var byValue = JsonDocument.Parse(CliRunner.InProcess("--home", home, "rank", "--indicator", "disease.dengue.cases", "--area", "936", "--period", "2024-03", "--format", "json").Out).RootElement;
        Assert.Equal([1, 2, 2, 4], byValue.GetProperty("rows").EnumerateArray().Take(4).Select(r => r.GetProperty("rank").GetInt32()));
    }

    [Fact]
    public void The_same_table_comes_out_as_table_csv_json_and_xlsx_with_the_same_values()
    {
        var json = JsonDocument.Parse(CliRunner.InProcess(["--home", home, .. Ask, "--format", "json"]).Out).RootElement;
        var expected = json.GetProperty("rows").EnumerateArray().Append(json.GetProperty("total"))
            .Select(r => (Code: r.GetProperty("area_code").GetString()!, Value: r.GetProperty("value").ValueKind == JsonValueKind.Null ? (decimal?)null : r.GetProperty("value").GetDecimal()))
            .ToList();

        // CSV: Vietnamese headers, exact values with a decimal point.
        var csv = CliRunner.InProcess(["--home", home, .. Ask, "--format", "csv"]).Out.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Hạng,Mã đơn vị,Đơn vị,Giá trị,Tỷ lệ /100.000 dân", csv[0]);
        Assert.Equal(expected.Count, csv.Length - 1);
        Assert.Equal(expected.Select(e => $"{e.Code}:{e.Value?.ToString("0.############", CultureInfo.InvariantCulture)}"),
            csv.Skip(1).Select(line => line.Split(',')).Select(cells => $"{cells[1]}:{cells[3]}"));

        // XLSX: the same columns and values.
        var xlsx = directory.File("xep-hang.xlsx");
        Assert.Equal(0, CliRunner.InProcess(["--home", home, .. Ask, "--format", "xlsx", "--out", xlsx]).ExitCode);
        var sheet = new Ntm.Etl.Reading.WorkbookReader().Read(xlsx).Sheets[0];
        var header = sheet.Cells.First(c => c.Text == "Hạng").Row;
        Assert.Equal("Tỷ lệ /100.000 dân", sheet.At(header, 4)!.Text);
        Assert.Equal(expected.Select(e => $"{e.Code}:{e.Value?.ToString("0.############", CultureInfo.InvariantCulture)}"),
            Enumerable.Range(header + 1, expected.Count).Select(r => $"{sheet.At(r, 1)?.Text}:{(sheet.At(r, 3)?.Value is { } v and not string ? Convert.ToDecimal(v, CultureInfo.InvariantCulture).ToString("0.############", CultureInfo.InvariantCulture) : null)}"));

        // The table for people: the same units in the same order, the total last.
        var table = CliRunner.InProcess(["--home", home, .. Ask]).Out;
        var positions = expected.Take(4).Select(e => table.IndexOf(e.Code, StringComparison.Ordinal)).ToList();
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("Tổng", table);
        Assert.Contains("4/8", table);
    }

    [Fact]
    public void Machine_output_of_a_trend_is_exact_where_a_split_commune_gives_half_cases()
    {
        // The new Phường Bình Thủy (31168, from 2025-07-01) took old 31177, old 31168 and half of old 31178: August 2024
        // was 2 + 3 + 3 × 0,5 = 6,5 cases; it reported 5 in August 2025, a change of −1,5 (−23,0769%, as the trend query gives it).
        File.WriteAllText(Path.Combine(home, "inbox", "binh-thuy.csv"),
            "Kỳ báo cáo,Mã đơn vị,Chỉ tiêu,Loại số liệu,Giá trị\n2024-08,31177,disease.dengue.cases,trong tháng,2\n2024-08,31168,disease.dengue.cases,trong tháng,3\n2024-08,31178,disease.dengue.cases,trong tháng,3\n2025-08,31168,disease.dengue.cases,trong tháng,5\n",
            new UTF8Encoding(false));
        Assert.Equal(0, CliRunner.InProcess("--home", home, "ingest").ExitCode);
        var result = CliRunner.InProcess("--home", home, "trend", "--indicator", "disease.dengue.cases", "--area", "31168", "--from", "2025-08", "--to", "2025-08", "--format", "json");
        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        var point = Assert.Single(JsonDocument.Parse(result.Out).RootElement.EnumerateArray());
        Assert.Equal((5m, 6.5m, -1.5m), (point.GetProperty("value").GetDecimal(), point.GetProperty("same_period_last_year").GetDecimal(), point.GetProperty("change").GetDecimal()));
        Assert.Equal(-23.0769m, point.GetProperty("percent_change").GetDecimal());

        // The CSV says the same, under the headers a person reads.
        var csv = CliRunner.InProcess("--home", home, "trend", "--indicator", "disease.dengue.cases", "--area", "31168", "--from", "2025-08", "--to", "2025-08", "--format", "csv").Out.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var headers = csv[0].Split(',');
        var cells = csv[1].Split(',');
        Assert.Equal(("6.5", "-1.5"), (cells[Array.IndexOf(headers, "Cùng kỳ")], cells[Array.IndexOf(headers, "Thay đổi so cùng kỳ")]));
    }
}
