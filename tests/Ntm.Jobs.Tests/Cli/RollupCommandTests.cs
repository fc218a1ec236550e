using System.Text;
using System.Text.Json;

namespace Ntm.Jobs.Tests.Cli;

/// <summary>
/// The rollup review's cases through the commands a statistician runs, from a submitted file:
/// what <c>ntm trend</c> and <c>ntm compliance</c> print for uneven reports.
/// </summary>
public sealed class RollupCommandTests : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly string home;

    public RollupCommandTests()
    {
        home = directory.File("home");
        CliRunner.InProcess("--home", home, "init");
        var rows = new StringBuilder("Kỳ báo cáo,Mã đơn vị,Chỉ tiêu,Loại số liệu,Giá trị\n");

        // Huyện Long Mỹ (936): Thuận Hưng gave people insured and population, Thuận Hòa only people insured.
        rows.Append("2022-12,31483,bhyt.insured,stock,800\n2022-12,31483,population.total,stock,1000\n2022-12,31484,bhyt.insured,stock,500\n");

        // Six of Long Mỹ's eight communes meet the national commune health criteria.
        string[] communes = ["31483", "31484", "31486", "31489", "31490", "31492", "31493", "31495"];
        rows.Append(string.Concat(communes.Select((c, i) => $"2022-12,{c},commune.health_standard,stock,{(i < 6 ? 1 : 0)}\n")));

        // Every district of Hậu Giang reported dengue in January 2024; two of eight in January 2025.
        string[] districts = ["930", "931", "932", "933", "934", "935", "936", "937"];
        rows.Append(string.Concat(districts.Select(d => $"2024-01,{d},disease.dengue.cases,month,20\n")));
        rows.Append("2025-01,930,disease.dengue.cases,month,15\n2025-01,931,disease.dengue.cases,month,18\n");

        // A coverage that does not end: 2 000 of 3 000 people insured.
        rows.Append("2023-12,31483,bhyt.insured,stock,2000\n2023-12,31483,population.total,stock,3000\n");
        File.WriteAllText(Path.Combine(home, "inbox", "uneven.csv"), rows.ToString(), new UTF8Encoding(false));
        var ingest = CliRunner.InProcess("--home", home, "ingest");
        Assert.True(ingest.ExitCode == 0, ingest.Out + ingest.Error);
    }

    public void Dispose() => directory.Dispose();

    [Fact]
    public void A_trend_of_every_province_ending_after_the_merger_shows_the_province_that_took_over_those_with_figures()
    {
        // Only Hậu Giang's districts (code 93, gone on 2025-07-01) have dengue figures: the new Cần Thơ (92) took it over.
        var result = CliRunner.InProcess("--home", home, "trend", "--indicator", "disease.dengue.cases", "--from", "2025-01", "--to", "2025-12", "--json");
        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(["92"], json.RootElement.EnumerateArray().Select(p => p.GetProperty("area_code").GetString()).Distinct());
        Assert.Equal(33m, json.RootElement.EnumerateArray().First().GetProperty("value").GetDecimal());
    }

    [Fact]
    public void A_province_that_sent_only_a_year_to_date_is_listed_in_a_monthly_trend_of_every_province_with_no_value()
    {
        // Sóc Trăng (94) sent its dengue only as cộng dồn: it has figures of the indicator, shown as blanks by month, not left out.
        File.WriteAllText(Path.Combine(home, "inbox", "soc-trang.csv"), "Kỳ báo cáo,Mã đơn vị,Chỉ tiêu,Loại số liệu,Giá trị\n2025-01,941,disease.dengue.cases,ytd,7\n", new UTF8Encoding(false));
        var ingest = CliRunner.InProcess("--home", home, "ingest");
        Assert.True(ingest.ExitCode == 0, ingest.Out + ingest.Error);

        var result = CliRunner.InProcess("--home", home, "trend", "--indicator", "disease.dengue.cases", "--from", "2025-01", "--to", "2025-06", "--json");
        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var points = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["93", "94"], points.Select(p => p.GetProperty("area_code").GetString()).Distinct());
        Assert.All(points.Where(p => p.GetProperty("area_code").GetString() == "94"), p => Assert.Equal(JsonValueKind.Null, p.GetProperty("value").ValueKind));
    }

    [Fact]
    public void Trend_says_how_many_units_a_total_comes_from_and_does_not_compare_a_partial_one()
    {
        var result = CliRunner.InProcess("--home", home, "trend", "--indicator", "disease.dengue.cases", "--area", "93", "--from", "2025-01", "--to", "2025-01", "--json");
        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var january = json.RootElement[0];
        Assert.Equal((33m, 2, 8, 160m), (january.GetProperty("value").GetDecimal(), january.GetProperty("units_reported").GetInt32(),
            january.GetProperty("units_expected").GetInt32(), january.GetProperty("same_period_last_year").GetDecimal()));
        Assert.Equal(JsonValueKind.Null, january.GetProperty("percent_change").ValueKind);
        Assert.Equal("children", january.GetProperty("value_source").GetString());

        var table = CliRunner.InProcess("--home", home, "trend", "--indicator", "disease.dengue.cases", "--area", "93", "--from", "2025-01", "--to", "2025-01");
        Assert.Contains("2/8*", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Coverage_comes_from_the_communes_that_gave_both_numbers_and_a_commune_standard_is_not_a_district_verdict()
    {
        var trend = CliRunner.InProcess("--home", home, "trend", "--indicator", "bhyt.coverage", "--area", "936", "--from", "2022-12", "--to", "2022-12", "--json");
        using (var json = JsonDocument.Parse(trend.Out))
        {
            var point = json.RootElement[0];
            Assert.Equal((80m, 800m, 1000m, 1), (point.GetProperty("value").GetDecimal(), point.GetProperty("numerator").GetDecimal(),
                point.GetProperty("denominator").GetDecimal(), point.GetProperty("units_reported").GetInt32()));
        }

        // The district judged against Resolution 20's target (a set for provinces and districts): 80 from the commune that gave both.
        var district = CliRunner.InProcess("--home", home, "compliance", "--set", "NQ20-2025", "--year", "2022", "--area", "936", "--format", "json");
        Assert.True(district.ExitCode == 0, district.Error);
        using (var rows = JsonDocument.Parse(district.Out))
        {
            var bhyt = rows.RootElement.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("criterion").GetString() == "bhyt");
            Assert.Equal((80m, "khong_dat", 1), (bhyt.GetProperty("value").GetDecimal(), bhyt.GetProperty("status").GetString(), bhyt.GetProperty("units_reported").GetInt32()));
        }

        // The New Rural set judges the district's communes (Xã), each on its own standard; the town (Thị trấn 31489) is not judged.
        var communes = CliRunner.InProcess("--home", home, "compliance", "--set", "NTM-2021-2025", "--year", "2022", "--area", "936", "--format", "json");
        Assert.True(communes.ExitCode == 0, communes.Error);
        using var judged = JsonDocument.Parse(communes.Out);
        var standard = judged.RootElement.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("criterion").GetString() == "15.2")
            .ToDictionary(r => r.GetProperty("area_code").GetString()!, r => r.GetProperty("status").GetString());
        Assert.Equal(7, standard.Count);
        Assert.DoesNotContain("31489", standard.Keys);
        Assert.Equal(("dat", "khong_dat"), (standard["31483"], standard["31495"]));
    }

    [Fact]
    public void Trend_without_options_ends_at_the_latest_month_with_data_not_at_today()
    {
        // The warehouse's latest month (2025-01) is long past the clock's today: the default window is the twelve months up to it.
        var result = CliRunner.InProcess("--home", home, "trend", "--json");
        Assert.True(result.ExitCode == 0, result.Error + result.Out);
        using var json = JsonDocument.Parse(result.Out);
        var periods = json.RootElement.EnumerateArray().Select(p => p.GetProperty("period").GetString()).Distinct().ToList();
        Assert.Equal("2024-02", periods[0]);
        Assert.Equal("2025-01", periods[^1]);
        Assert.All(json.RootElement.EnumerateArray(), p => Assert.Equal("93", p.GetProperty("area_code").GetString()));
        Assert.Contains(json.RootElement.EnumerateArray(), p => p.GetProperty("value").ValueKind == JsonValueKind.Number);
    }

    [Fact]
    public void Csv_output_opens_in_excel_with_a_bom_vietnamese_headers_and_quotients_to_six_places()
    {
        var trend = CliRunner.InProcess("--home", home, "trend", "--indicator", "bhyt.coverage", "--area", "31483", "--from", "2023-12", "--to", "2023-12", "--format", "csv");
        Assert.True(trend.ExitCode == 0, trend.Error + trend.Out);
        Assert.StartsWith("\uFEFF", trend.Out, StringComparison.Ordinal);
        var lines = trend.Out.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var value = lines[1].Split(',')[Array.IndexOf(lines[0].Split(','), "Số liệu")];
        Assert.Equal("66.666667", value);

        var query = CliRunner.InProcess("--home", home, "query", "SELECT 2 / 3 AS x", "--format", "csv");
        Assert.True(query.ExitCode == 0, query.Error + query.Out);
        Assert.StartsWith("\uFEFF", query.Out, StringComparison.Ordinal);
    }
}
