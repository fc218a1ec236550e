using System.Text;
using System.Text.Json;

namespace Ntm.Jobs.Tests.Cli;

/// <summary><c>ntm quality</c>: reporting and lateness with an injected clock, the 2025 reorganisation, outliers and stored rule findings.</summary>
public sealed class QualityCommandTests : IDisposable
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private readonly TempDirectory directory = new();
    private readonly string home;

    public QualityCommandTests()
    {
        home = directory.File("home");
        Assert.Equal(0, CliRunner.InProcess("--home", home, "init").ExitCode);
    }

    public void Dispose() => directory.Dispose();

    private static (int Code, string Out, string Error) At(DateTimeOffset now, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = new Ntm.Jobs.Cli.NtmApp(output, error, new FixedClock(now), _ => null).RunAsync(args).GetAwaiter().GetResult();
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>One commune's monthly dengue report, received at <paramref name="received"/>.</summary>
    private void Report(string commune, string period, int cases, DateTimeOffset received)
    {
        File.WriteAllText(Path.Combine(home, "inbox", $"{commune}-{period}.csv"), $"Kỳ báo cáo,Mã đơn vị,Chỉ tiêu,Loại số liệu,Giá trị\n{period},{commune},disease.dengue.cases,trong tháng,{cases}\n", new UTF8Encoding(false));
        var result = At(received, "--home", home, "ingest");
        Assert.True(result.Code == 0, result.Out + result.Error);
    }

    private static List<JsonElement> Items(string json) => JsonDocument.Parse(json).RootElement.GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public void Missing_and_late_reports_are_judged_against_the_deadline_with_the_clock_given()
    {
        // Huyện Long Mỹ's communes 31483, 31484, 31486 reported in December 2022; for January 2023 (deadline 5 February):
        // 31483 on time (3 Feb), 31484 late (9 Feb), 31486 never.
        foreach (var commune in new[] { "31483", "31484", "31486" })
        {
            Report(commune, "2022-12", 4, new DateTimeOffset(2023, 1, 3, 9, 0, 0, Vietnam));
        }

        Report("31483", "2023-01", 5, new DateTimeOffset(2023, 2, 3, 9, 0, 0, Vietnam));
        Report("31484", "2023-01", 6, new DateTimeOffset(2023, 2, 9, 9, 0, 0, Vietnam));

        // Before the deadline, the missing commune is only not yet in; after it, it is overdue.
        var before = Items(At(new DateTimeOffset(2023, 2, 4, 12, 0, 0, Vietnam), "--home", home, "quality", "--period", "2023-01", "--area", "936", "--json").Out);
        Assert.Contains(before, i => i.GetProperty("rule").GetString() == "missing" && i.GetProperty("area_code").GetString() == "31486");
        var after = At(new DateTimeOffset(2023, 2, 20, 12, 0, 0, Vietnam), "--home", home, "quality", "--period", "2023-01", "--area", "936", "--json");
        Assert.True(after.Code == 0, after.Error);
        var items = Items(after.Out);
        Assert.Contains(items, i => i.GetProperty("rule").GetString() == "missing_overdue" && i.GetProperty("area_code").GetString() == "31486");
        Assert.Contains(items, i => i.GetProperty("rule").GetString() == "late" && i.GetProperty("area_code").GetString() == "31484");
        Assert.DoesNotContain(items, i => i.GetProperty("area_code").GetString() == "31483" && i.GetProperty("kind").GetString() == "timeliness");
        var rate = Assert.Single(items, i => i.GetProperty("rule").GetString() == "reporting_rate");
        Assert.Equal((2m, 3m), (rate.GetProperty("value").GetDecimal(), rate.GetProperty("expected_high").GetDecimal()));
        Assert.DoesNotContain(items, i => i.GetProperty("severity").GetString() == "error");
    }

    [Fact]
    public void An_epidemic_is_the_official_threshold_crossed_by_an_improbable_count_with_the_declared_epidemic_year_left_out()
    {
        // March of 2020–2025 for three communes of Huyện Long Mỹ (936), in one file:
        //  31483: 0, 1, 1, 1, 1 then 2  → over 0.8 + 2 × 0.447 = 1.69, but P(X ≥ 2 | Poisson 0.8) = 19%: information.
        //  31484: 0, 1, 1, 1, 1 then 12 → P = 6.9e-11: a warning.
        //  31486: 10, 12, 40, 8, 10 then 14, 2022 declared an epidemic year → threshold 10 + 2 × 1.633 = 13.3 on 2020, 2021, 2023, 2024;
        //         P(X ≥ 14 | Poisson 10) = 14%: information. Without the declaration the threshold would be 43.0 and nothing is said.
        var rows = new StringBuilder("Kỳ báo cáo,Mã đơn vị,Chỉ tiêu,Loại số liệu,Giá trị\n");
        var series = new Dictionary<string, int[]> { ["31483"] = [0, 1, 1, 1, 1, 2], ["31484"] = [0, 1, 1, 1, 1, 12], ["31486"] = [10, 12, 40, 8, 10, 14] };
        foreach (var (commune, values) in series)
        {
            for (var i = 0; i < values.Length; i++)
            {
                rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"{2020 + i}-03,{commune},disease.dengue.cases,trong tháng,{values[i]}\n");
            }
        }

        File.WriteAllText(Path.Combine(home, "inbox", "sxh-thang-3.csv"), rows.ToString(), new UTF8Encoding(false));
        var now = new DateTimeOffset(2025, 4, 20, 9, 0, 0, Vietnam);
        Assert.Equal(0, At(now, "--home", home, "ingest").Code);

        List<JsonElement> Epidemics() => Items(At(now, "--home", home, "quality", "--period", "2025-03", "--area", "936", "--json").Out)
            .Where(i => i.GetProperty("kind").GetString() == "epidemic" && i.GetProperty("area_code").GetString() != "936").ToList();

        var undeclared = Epidemics();
        Assert.Equal(["31483:epidemic_threshold_probable:info", "31484:epidemic_threshold:warning"],
            undeclared.Select(i => $"{i.GetProperty("area_code").GetString()}:{i.GetProperty("rule").GetString()}:{i.GetProperty("severity").GetString()}").Order());
        var small = undeclared.Single(i => i.GetProperty("area_code").GetString() == "31483").GetProperty("message").GetString()!;
        Assert.Contains("có 2 ca, vượt ngưỡng 1,7 theo Thông tư 15/2026/TT-BYT", small);
        Assert.Contains("xác suất có từ 2 ca trở lên là 19%", small);

        Directory.CreateDirectory(Path.Combine(home, "reference", "epidemic_years"));
        File.WriteAllText(Path.Combine(home, "reference", "epidemic_years", "cong-bo-dich.csv"),
            "area_code,generation,indicator_code,year,source\n31486,2025-03,disease.dengue.cases,2022,Quyết định công bố dịch (dữ liệu thử)\n", new UTF8Encoding(false));
        Assert.Equal(0, At(now, "--home", home, "init").Code);
        var declared = Epidemics().Single(i => i.GetProperty("area_code").GetString() == "31486");
        Assert.Equal(("epidemic_threshold_probable", "info"), (declared.GetProperty("rule").GetString(), declared.GetProperty("severity").GetString()));
        Assert.Equal(13.3m, declared.GetProperty("expected_high").GetDecimal());
        Assert.Contains("các năm 2020, 2021, 2023, 2024; bỏ năm dịch 2022", declared.GetProperty("message").GetString());

        // The trend of one unit's cases carries the same threshold, month by month (drawn as a band on --png/--svg), where the five years exist.
        using var connection = new Ntm.Warehouse.WarehouseDatabase(Path.Combine(home, "warehouse.duckdb")).OpenReadOnly();
        var units = Ntm.Warehouse.Areas.AreaDirectoryLoader.Load(connection);
        var march = Ntm.Jobs.Answers.TrendAnswer.Ask(connection, units, new("disease.dengue.cases", "31486", new(2025, 3), new(2025, 3)), new FixedClock(now));
        var threshold = Assert.Single(march.Thresholds)!;
        Assert.Equal(13.27m, decimal.Round(threshold.Threshold!.Value, 2));
        Assert.Equal([2022], threshold.YearsLeftOut);
        var early = Ntm.Jobs.Answers.TrendAnswer.Ask(connection, units, new("disease.dengue.cases", "31486", new(2021, 3), new(2021, 3)), new FixedClock(now));
        Assert.Null(Assert.Single(early.Thresholds));
    }

    [Fact]
    public void A_commune_that_ceased_on_1_july_2025_is_not_missing_after_it()
    {
        // Xã Thuận Hưng (31483, of the old map) reported every month to June 2025.
        foreach (var month in Enumerable.Range(1, 6))
        {
            Report("31483", $"2025-{month:D2}", 3, new DateTimeOffset(2025, month + 1, 2, 9, 0, 0, Vietnam));
        }

        var june = Items(At(new DateTimeOffset(2025, 12, 1, 0, 0, 0, Vietnam), "--home", home, "quality", "--period", "2025-06", "--area", "93", "--json").Out);
        Assert.DoesNotContain(june, i => i.GetProperty("kind").GetString() is "completeness" or "timeliness" && i.GetProperty("severity").GetString() == "warning");
        var july = Items(At(new DateTimeOffset(2025, 12, 1, 0, 0, 0, Vietnam), "--home", home, "quality", "--period", "2025-07", "--area", "Cần Thơ", "--json").Out);
        Assert.DoesNotContain(july, i => i.GetProperty("area_code").GetString() == "31483");
    }

    [Fact]
    public void A_value_far_from_its_history_is_an_outlier_with_its_range_and_a_stored_rule_finding_is_listed()
    {
        var values = new[] { 10, 12, 11, 13, 9, 11, 12, 10, 11, 12, 11, 10 };
        for (var month = 1; month <= 12; month++)
        {
            Report("31483", $"2023-{month:D2}", values[month - 1], new DateTimeOffset(2023 + (month / 12), (month % 12) + 1, 2, 9, 0, 0, Vietnam));
        }

        Report("31483", "2024-01", 60, new DateTimeOffset(2024, 2, 2, 9, 0, 0, Vietnam));
        File.WriteAllText(Path.Combine(home, "inbox", "sai.csv"), "Kỳ báo cáo,Mã đơn vị,Chỉ tiêu,Loại số liệu,Giá trị\n2024-01,31484,disease.dengue.cases,trong tháng,7\n2024-01,31484,disease.hfmd.cases,trong tháng,1.3o9\n", new UTF8Encoding(false));
        At(new DateTimeOffset(2024, 2, 3, 9, 0, 0, Vietnam), "--home", home, "ingest");

        var items = Items(At(new DateTimeOffset(2024, 2, 20, 0, 0, 0, Vietnam), "--home", home, "quality", "--period", "2024-01", "--area", "936", "--json").Out);
        var outlier = Assert.Single(items, i => i.GetProperty("kind").GetString() == "outlier");
        Assert.Equal(("31483", 60m), (outlier.GetProperty("area_code").GetString(), outlier.GetProperty("value").GetDecimal()));
        Assert.True(outlier.GetProperty("expected_high").GetDecimal() < 20);
        var rule = Assert.Single(items, i => i.GetProperty("kind").GetString() == "rule");
        Assert.Equal("error", rule.GetProperty("severity").GetString());
        Assert.Contains("sai.csv", rule.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("rule", items[0].GetProperty("kind").GetString());
    }
}
