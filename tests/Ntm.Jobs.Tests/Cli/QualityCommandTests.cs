using System.Text;
using System.Text.Json;
using Ntm.Etl.Tests;

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

    /// <summary>One commune's monthly dengue report, arriving in the inbox at <paramref name="received"/> (the file's time there) and loaded then.</summary>
    private void Report(string commune, string period, int cases, DateTimeOffset received)
    {
        var path = Path.Combine(home, "inbox", $"{commune}-{period}.csv");
        File.WriteAllText(path, $"Kỳ báo cáo,Mã đơn vị,Chỉ tiêu,Loại số liệu,Giá trị\n{period},{commune},disease.dengue.cases,trong tháng,{cases}\n", new UTF8Encoding(false));
        File.SetLastWriteTimeUtc(path, received.UtcDateTime);
        var result = At(received, "--home", home, "ingest");
        Assert.True(result.Code == 0, result.Out + result.Error);
    }

    /// <summary>The communes of Huyện Long Mỹ (936) on the map before 2025-07-01.</summary>
    private static readonly (string Code, string Name, int Cases)[] LongMy =
    [
        ("31483", "Xã Thuận Hưng", 3), ("31484", "Xã Thuận Hòa", 1), ("31486", "Xã Vĩnh Thuận Đông", 0), ("31489", "Thị trấn Vĩnh Viễn", 2),
        ("31490", "Xã Vĩnh Viễn A", 4), ("31492", "Xã Lương Tâm", 0), ("31493", "Xã Lương Nghĩa", 1), ("31495", "Xã Xà Phiên", 2),
    ];

    /// <summary>
    /// Huyện Long Mỹ's monthly report of January 2023 as the district centre lays it out: issuer, number,
    /// signing line, title, one row per commune (<paramref name="communes"/>), total, signature.
    /// </summary>
    private static void DistrictReport(string path, string? signingLine, IEnumerable<(string Code, string Name, int Cases)> communes)
    {
        var builder = new XlsxBuilder().Sheet("BC T1")
            .Row(0, "TRUNG TÂM Y TẾ HUYỆN LONG MỸ", null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
            .Row(1, "Số: 15/BC-TTYT", null, null, signingLine)
            .Row(2, "BÁO CÁO BỆNH TRUYỀN NHIỄM GÂY DỊCH THÁNG 01 NĂM 2023")
            .Row(3, "STT", "Xã, thị trấn", "Sốt xuất huyết - Mắc", "Sốt xuất huyết - Chết");
        var row = 4;
        foreach (var (_, name, cases) in communes)
        {
            builder.Row(row, row - 3, name, cases, 0);
            row++;
        }

        builder.Row(row + 1, null, null, null, "GIÁM ĐỐC").Save(path);
    }

    private static List<JsonElement> Items(string json) => JsonDocument.Parse(json).RootElement.GetProperty("items").EnumerateArray().ToList();

    [Fact]
    public void Missing_and_late_reports_are_judged_against_the_deadline_with_the_clock_given()
    {
        // Every commune of Huyện Long Mỹ must send its monthly dengue figures once the communes here
        // send them (December 2022). For January 2023 (deadline 5 February): 31483 arrives 3 Feb
        // (on time), 31484 on 9 Feb (late), the six others never.
        foreach (var commune in new[] { "31483", "31484", "31486" })
        {
            Report(commune, "2022-12", 4, new DateTimeOffset(2023, 1, 3, 9, 0, 0, Vietnam));
        }

        Report("31483", "2023-01", 5, new DateTimeOffset(2023, 2, 3, 9, 0, 0, Vietnam));
        Report("31484", "2023-01", 6, new DateTimeOffset(2023, 2, 9, 9, 0, 0, Vietnam));

        // Before the deadline, a missing commune is only not yet in (information); after it, it is overdue.
        var before = Items(At(new DateTimeOffset(2023, 2, 4, 12, 0, 0, Vietnam), "--home", home, "quality", "--period", "2023-01", "--area", "936", "--json").Out);
        Assert.Contains(before, i => i.GetProperty("rule").GetString() == "missing" && i.GetProperty("area_code").GetString() == "31486" && i.GetProperty("severity").GetString() == "info");
        var after = At(new DateTimeOffset(2023, 2, 20, 12, 0, 0, Vietnam), "--home", home, "quality", "--period", "2023-01", "--area", "936", "--json");
        Assert.True(after.Code == 0, after.Error);
        var items = Items(after.Out);
        Assert.Equal(LongMy.Select(c => c.Code).Except(["31483", "31484"]).Order(),
            items.Where(i => i.GetProperty("rule").GetString() == "missing_overdue").Select(i => i.GetProperty("area_code").GetString()!).Order());
        var late = Assert.Single(items, i => i.GetProperty("rule").GetString() == "late");
        Assert.Equal("31484", late.GetProperty("area_code").GetString());
        Assert.Contains("gửi ngày 09/02/2023 (ngày tệp đến hộp thư), sau hạn 05/02/2023", late.GetProperty("message").GetString());
        var rate = Assert.Single(items, i => i.GetProperty("rule").GetString() == "reporting_rate");
        Assert.Equal((2m, 8m), (rate.GetProperty("value").GetDecimal(), rate.GetProperty("expected_high").GetDecimal()));
        Assert.Contains("2/8 đơn vị đã báo cáo (25%); đúng hạn 1/2 báo cáo biết ngày gửi (50%)", rate.GetProperty("message").GetString());
        Assert.DoesNotContain(items, i => i.GetProperty("severity").GetString() == "error");
    }

    [Fact]
    public void A_commune_left_out_of_its_district_file_is_named_and_the_signing_day_decides_lateness()
    {
        // The district's file holds 7 of its 8 communes (Xã Xà Phiên is left out), signed 03/02/2023, loaded
        // from the command line on 20/02 (no inbox time): on time by its signing day, the missing commune named with the file.
        var file = directory.File("TTYT-LongMy-T1-2023.xlsx");
        DistrictReport(file, "Long Mỹ, ngày 03 tháng 02 năm 2023", LongMy.Where(c => c.Code != "31495"));
        var ingest = At(new DateTimeOffset(2023, 2, 4, 9, 0, 0, Vietnam), "--home", home, "ingest", file);
        Assert.True(ingest.Code == 0, ingest.Out + ingest.Error);
        var now = new DateTimeOffset(2023, 2, 20, 9, 0, 0, Vietnam);

        // The completeness job's record: the gap is not overdue before the deadline, and is after it.
        using (var connection = new Ntm.Warehouse.WarehouseDatabase(Path.Combine(home, "warehouse.duckdb")).OpenReadOnly())
        {
            var query = new Ntm.Warehouse.Queries.CompletenessQuery(connection);
            // (Every commune of Hậu Giang must send these figures once communes there do; 31495 is the one in the file's district.)
            var before = Assert.Single(query.Gaps(new(2023, 1), new DateTimeOffset(2023, 2, 4, 12, 0, 0, Vietnam)), g => g.AreaCode == "31495");
            Assert.Equal(("disease_monthly", false), (before.Template, before.Overdue));
            Assert.True(Assert.Single(query.Gaps(new(2023, 1), now), g => g.AreaCode == "31495").Overdue);
        }

        var items = Items(At(now, "--home", home, "quality", "--period", "2023-01", "--area", "936", "--json").Out);
        var missing = Assert.Single(items, i => i.GetProperty("kind").GetString() == "completeness" && i.GetProperty("severity").GetString() == "warning");
        Assert.Equal(("missing_in_file", "31495"), (missing.GetProperty("rule").GetString(), missing.GetProperty("area_code").GetString()));
        Assert.Contains("Xã Xà Phiên: không có trong Báo cáo bệnh truyền nhiễm gây dịch hằng tháng (dòng của từng xã) tháng 1/2023 của Huyện Long Mỹ (tệp TTYT-LongMy-T1-2023.xlsx có 7/8 đơn vị)", missing.GetProperty("message").GetString());
        Assert.DoesNotContain(items, i => i.GetProperty("kind").GetString() == "timeliness");
        var rate = Assert.Single(items, i => i.GetProperty("rule").GetString() == "reporting_rate");
        Assert.Contains("7/8 đơn vị đã báo cáo (87,5%); đúng hạn 7/7 báo cáo biết ngày gửi (100%)", rate.GetProperty("message").GetString());
    }

    [Fact]
    public void A_report_loaded_from_history_is_never_late_for_that_and_received_declares_its_day()
    {
        // The same district file without a signing line, loaded years later from the command line: no one knows when it
        // was sent, so it is not late; declared sent on 12/02/2023 with --received, it is late by seven days.
        var file = directory.File("SXH-LongMy-2023-01.xlsx");
        DistrictReport(file, null, LongMy);
        var now = new DateTimeOffset(2026, 12, 6, 9, 0, 0, Vietnam);
        Assert.Equal(0, At(now, "--home", home, "ingest", file).Code);
        var unknown = Items(At(now, "--home", home, "quality", "--period", "2023-01", "--area", "936", "--json").Out);
        Assert.DoesNotContain(unknown, i => i.GetProperty("kind").GetString() is "timeliness" || i.GetProperty("severity").GetString() != "info");
        Assert.Contains("8/8 đơn vị đã báo cáo (100%); chưa báo cáo nào biết ngày gửi, 8 không rõ ngày gửi",
            Assert.Single(unknown, i => i.GetProperty("rule").GetString() == "reporting_rate").GetProperty("message").GetString());

        // Declared: the same bytes are a duplicate, so the file read again from the archive carries the day.
        var again = At(now, "--home", home, "ingest", "--again", "1", "--received", "2023-02-12");
        Assert.True(again.Code == 0, again.Out + again.Error);
        var declared = Items(At(now, "--home", home, "quality", "--period", "2023-01", "--area", "936", "--json").Out);
        var late = Assert.Single(declared, i => i.GetProperty("kind").GetString() == "timeliness");
        Assert.Equal(("late", "936"), (late.GetProperty("rule").GetString(), late.GetProperty("area_code").GetString()));
        Assert.Contains("gửi ngày 12/02/2023 (ngày gửi khai khi nạp), sau hạn 05/02/2023; gồm 8 đơn vị", late.GetProperty("message").GetString());

        Assert.Equal(2, At(now, "--home", home, "ingest", "--received", "2099-01-01", file).Code);
    }

    [Fact]
    public void An_abolished_district_is_not_expected_after_30_june_2025()
    {
        // Huyện Long Mỹ sends its district totals every month of 2025 to June; the new city, reviewed for July and
        // December, expects the new communes that report, never the district abolished on 2025-06-30.
        var rows = new StringBuilder("Kỳ báo cáo,Mã đơn vị,Chỉ tiêu,Loại số liệu,Giá trị\n");
        foreach (var month in Enumerable.Range(1, 6))
        {
            foreach (var disease in new[] { "dengue", "hfmd", "measles" })
            {
                rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"2025-{month:D2},936,disease.{disease}.cases,trong tháng,{month}\n");
            }
        }

        // The new city's own monthly figures from July.
        foreach (var month in new[] { "2025-07", "2025-12" })
        {
            foreach (var disease in new[] { "dengue", "hfmd", "measles" })
            {
                rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"{month},92,disease.{disease}.cases,trong tháng,40\n");
            }
        }

        var path = Path.Combine(home, "inbox", "huyen-long-my-2025.csv");
        File.WriteAllText(path, rows.ToString(), new UTF8Encoding(false));
        File.SetLastWriteTimeUtc(path, new DateTime(2026, 1, 3, 2, 0, 0, DateTimeKind.Utc));
        var ingest = At(new DateTimeOffset(2026, 1, 3, 9, 0, 0, Vietnam), "--home", home, "ingest");
        Assert.True(ingest.Code == 0, ingest.Out + ingest.Error);

        var june = Items(At(new DateTimeOffset(2026, 1, 20, 0, 0, 0, Vietnam), "--home", home, "quality", "--period", "2025-06", "--area", "936", "--json").Out);
        Assert.Contains("1/1 đơn vị đã báo cáo", Assert.Single(june, i => i.GetProperty("rule").GetString() == "reporting_rate").GetProperty("message").GetString());
        foreach (var month in new[] { "2025-07", "2025-12" })
        {
            var items = Items(At(new DateTimeOffset(2026, 2, 1, 0, 0, 0, Vietnam), "--home", home, "quality", "--period", month, "--area", "92", "--json").Out);
            Assert.DoesNotContain(items, i => i.GetProperty("area_code").GetString() == "936");
            Assert.DoesNotContain(items, i => i.GetProperty("kind").GetString() == "completeness" && i.GetProperty("severity").GetString() != "info");
            Assert.Contains("(tuyến tỉnh) tháng", Assert.Single(items, i => i.GetProperty("rule").GetString() == "reporting_rate").GetProperty("message").GetString());
        }
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
        Assert.DoesNotContain(june, i => i.GetProperty("area_code").GetString() == "31483" && i.GetProperty("severity").GetString() == "warning");
        Assert.Contains(june, i => i.GetProperty("rule").GetString() == "missing_overdue" && i.GetProperty("area_code").GetString() == "31484");
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

        // Each item names the file and cell its figure came from (the dashboard links them); the outlier's history
        // is read for the months it is compared with only, and a rule breach already stored with the file is not listed twice.
        using var connection = new Ntm.Warehouse.WarehouseDatabase(Path.Combine(home, "warehouse.duckdb")).OpenReadOnly();
        var areas = Ntm.Warehouse.Areas.AreaDirectoryLoader.Load(connection);
        var review = new Ntm.Warehouse.Queries.QualityQuery(connection, areas)
            .Review(new Ntm.Domain.Periods.PeriodKey(2024, 1), areas.Areas.Single(a => a.Code == "936"), new DateTimeOffset(2024, 2, 20, 0, 0, 0, Vietnam));
        var located = Assert.Single(review, i => i.Kind == Ntm.Domain.Quality.QualityKind.Outlier);
        Assert.Equal(("31483-2024-01.csv", "E2"), (located.FileName, located.Cell));
        Assert.Single(review, i => i.Kind == Ntm.Domain.Quality.QualityKind.Rule);
    }

    [Fact]
    public void A_district_stating_its_own_total_and_a_commune_of_2025_are_judged_against_the_history_the_rules_give_them()
    {
        // 2023: every commune of Huyện Long Mỹ reports dengue each month, so the district's months are their sums
        // (13 to 15); in January 2024 the district states 80 itself. August 2024 – June 2025: the two communes that
        // became Xã Vĩnh Viễn on 2025-07-01 report 5 and 6 (11 together, 12 in some months); the new commune states
        // 12 for July 2025 and 60 for August.
        var rows = new StringBuilder("Kỳ báo cáo,Mã đơn vị,Chỉ tiêu,Loại số liệu,Giá trị\n");
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        for (var month = 1; month <= 12; month++)
        {
            for (var i = 0; i < LongMy.Length; i++)
            {
                rows.Append(invariant, $"2023-{month:D2},{LongMy[i].Code},disease.dengue.cases,trong tháng,{LongMy[i].Cases + (i == 0 ? month % 3 : 0)}\n");
            }
        }

        rows.Append("2024-01,936,disease.dengue.cases,trong tháng,80\n");
        for (var month = new Ntm.Domain.Periods.PeriodKey(2024, 8); month <= new Ntm.Domain.Periods.PeriodKey(2025, 6); month = month.Next)
        {
            rows.Append(invariant, $"{month},31489,disease.dengue.cases,trong tháng,5\n{month},31490,disease.dengue.cases,trong tháng,{(month.Month % 4 == 0 ? 7 : 6)}\n");
        }

        rows.Append("2025-07,31489,disease.dengue.cases,trong tháng,12\n2025-08,31489,disease.dengue.cases,trong tháng,60\n");
        File.WriteAllText(Path.Combine(home, "inbox", "sxh.csv"), rows.ToString(), new UTF8Encoding(false));
        var now = new DateTimeOffset(2025, 9, 20, 9, 0, 0, Vietnam);
        var ingest = At(now, "--home", home, "ingest");
        Assert.True(ingest.Code == 0, ingest.Out + ingest.Error);

        // The district has no figures of its own before: its history is its communes' sums, each month all eight of them.
        var district = Assert.Single(Items(At(now, "--home", home, "quality", "--period", "2024-01", "--area", "936", "--json").Out), i => i.GetProperty("kind").GetString() == "outlier");
        Assert.Equal(("936", 80m), (district.GetProperty("area_code").GetString(), district.GetProperty("value").GetDecimal()));
        Assert.InRange(district.GetProperty("expected_high").GetDecimal(), 14m, 20m);
        Assert.Contains("theo 12 tháng trước (12 giá trị, trung vị 14", district.GetProperty("message").GetString(), StringComparison.Ordinal);

        // The new commune's months before July 2025 are its old communes' through the crosswalk: eleven of them, and its own July.
        var commune = Assert.Single(Items(At(now, "--home", home, "quality", "--period", "2025-08", "--area", "92", "--json").Out), i => i.GetProperty("kind").GetString() == "outlier");
        Assert.Equal(("31489", 60m), (commune.GetProperty("area_code").GetString(), commune.GetProperty("value").GetDecimal()));
        Assert.Contains("theo 12 tháng trước (12 giá trị, trung vị 11", commune.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Consistency_over_time_and_a_negative_drop_out_are_found_and_nothing_else()
    {
        // January–March of 2020–2023, TB cases of five communes of Huyện Long Mỹ: 10 a month every year, except
        // 31486 at 20 a month in 2023. Year to date in March 2023: 31486 is 60 ÷ 30 = 2.00, the district 180 ÷ 150 = 1.20
        // (within ±33% of 1: information); the others 1.00, within 33% of 1.20. Penta 1 and 3 of 2023: 31483 gave 12 and 15
        // (a negative drop-out of −25%), 31484 gave 20 and 18.
        var rows = new StringBuilder("Kỳ báo cáo,Mã đơn vị,Chỉ tiêu,Loại số liệu,Giá trị\n");
        foreach (var commune in new[] { "31483", "31484", "31486", "31489", "31490" })
        {
            for (var year = 2020; year <= 2023; year++)
            {
                for (var month = 1; month <= 3; month++)
                {
                    rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"{year}-{month:D2},{commune},tb.detected.total,trong tháng,{(commune == "31486" && year == 2023 ? 20 : 10)}\n");
                }
            }
        }

        foreach (var (commune, penta1, penta3) in new[] { ("31483", 12, 15), ("31484", 20, 18) })
        {
            rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"2023-03,{commune},epi.penta1,cộng dồn,{penta1}\n2023-03,{commune},epi.penta3,cộng dồn,{penta3}\n");
        }

        File.WriteAllText(Path.Combine(home, "inbox", "lao-tiem-chung.csv"), rows.ToString(), new UTF8Encoding(false));
        var now = new DateTimeOffset(2023, 4, 20, 9, 0, 0, Vietnam);
        var ingest = At(now, "--home", home, "ingest");
        Assert.True(ingest.Code == 0, ingest.Out + ingest.Error);

        var items = Items(At(now, "--home", home, "quality", "--period", "2023-03", "--area", "936", "--json").Out)
            .Where(i => i.GetProperty("kind").GetString() == "consistency").ToList();
        // The district is judged on its own sums only when complete: 2 of its 8 communes gave doses, so its 32 and 33 are not its figures.
        Assert.Equal(["31483:negative_dropout:warning:15", "31486:over_time:warning:2", "936:over_time:info:1.2"],
            items.Select(i => $"{i.GetProperty("area_code").GetString()}:{i.GetProperty("rule").GetString()}:{i.GetProperty("severity").GetString()}:{i.GetProperty("value").GetDecimal().ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}"));
        Assert.Contains("bằng 2,00 lần trung bình cùng kỳ 3 năm trước, trong khi Huyện Long Mỹ là 1,20 (lệch 67%, quá ±33%)", items[1].GetProperty("message").GetString());
        Assert.Contains("tỷ lệ bỏ cuộc -25%", items[0].GetProperty("message").GetString());
        Assert.Contains("= 180, bằng 1,20 lần trung bình cùng kỳ 3 năm trước (5/8 đơn vị trực thuộc có đủ số liệu 4 năm)", items[2].GetProperty("message").GetString());
    }

    [Fact]
    public void A_rule_of_the_rules_file_rejects_at_ingestion_and_the_provinces_own_rule_is_checked_on_demand_across_files()
    {
        // Built in: deaths above cases is an error, the file is rejected with the rule's words and cell.
        File.WriteAllText(Path.Combine(home, "inbox", "sai-tu-vong.csv"), "Kỳ báo cáo,Mã đơn vị,Chỉ tiêu,Loại số liệu,Giá trị\n2024-01,31483,disease.dengue.cases,trong tháng,2\n2024-01,31483,disease.dengue.deaths,trong tháng,3\n", new UTF8Encoding(false));
        var now = new DateTimeOffset(2024, 2, 20, 9, 0, 0, Vietnam);
        var rejected = At(now, "--home", home, "--json", "ingest");
        Assert.Contains("dengue_deaths_above_cases", rejected.Out);
        Assert.Contains("số tử vong do sốt xuất huyết (3) lớn hơn số mắc (2)", rejected.Out);

        // The province's own rule (a commune's hand, foot and mouth cases above 50 is to be checked), used after 'ntm init'.
        Directory.CreateDirectory(Path.Combine(home, "reference", "validation_rules"));
        File.WriteAllText(Path.Combine(home, "reference", "validation_rules", "tinh.csv"),
            "rule_id,left,operator,right,severity,levels,measures,kind,message_vi,source\nhfmd_commune_cap,disease.hfmd.cases,<=,50,warning,commune,month,,số ca tay chân miệng ({left}) trên 50 ở một xã: hãy kiểm tra.,Sở Y tế\n", new UTF8Encoding(false));
        Assert.Equal(0, At(now, "--home", home, "init").Code);
        File.WriteAllText(Path.Combine(home, "inbox", "tcm.csv"), "Kỳ báo cáo,Mã đơn vị,Chỉ tiêu,Loại số liệu,Giá trị\n2024-01,31483,disease.hfmd.cases,trong tháng,60\n2024-01,31484,disease.hfmd.cases,trong tháng,40\n", new UTF8Encoding(false));
        var warned = At(now, "--home", home, "--json", "ingest");
        Assert.Contains("hfmd_commune_cap", warned.Out);
        Assert.DoesNotContain("31484", warned.Out.Split("hfmd_commune_cap")[1].Split('}')[0]);

        // Cases in one file, deaths in a later one: each file alone keeps the rule; the month's figures together break it.
        File.WriteAllText(Path.Combine(home, "inbox", "ca-mac.csv"), "Kỳ báo cáo,Mã đơn vị,Chỉ tiêu,Loại số liệu,Giá trị\n2024-01,31484,disease.dengue.cases,trong tháng,1\n", new UTF8Encoding(false));
        Assert.Equal(0, At(now, "--home", home, "ingest").Code);
        File.WriteAllText(Path.Combine(home, "inbox", "tu-vong.csv"), "Kỳ báo cáo,Mã đơn vị,Chỉ tiêu,Loại số liệu,Giá trị\n2024-01,31484,disease.dengue.deaths,trong tháng,2\n", new UTF8Encoding(false));
        Assert.Equal(0, At(now, "--home", home, "ingest").Code);
        var items = Items(At(now, "--home", home, "quality", "--period", "2024-01", "--area", "936", "--json").Out);
        var across = Assert.Single(items, i => i.GetProperty("rule").GetString() == "dengue_deaths_above_cases" && i.GetProperty("area_code").GetString() == "31484");
        Assert.Equal("error", across.GetProperty("severity").GetString());
        Assert.Contains("số tử vong do sốt xuất huyết (2) lớn hơn số mắc (1)", across.GetProperty("message").GetString());
        // The cap stored at ingestion is listed once, not again by the check on demand.
        Assert.Single(items, i => i.GetProperty("rule").GetString() == "hfmd_commune_cap");
    }

    [Fact]
    public void A_later_correction_does_not_make_an_undated_report_late_and_a_late_file_is_one_item()
    {
        // January: the communes' figures loaded from history (no sending day), then a correction arriving in the inbox
        // on 1 March: the report is the first file, its day unknown; nothing is late.
        string Rows(int month, int cases, bool district) => string.Concat(LongMy.Select(c => $"2023-{month:D2},{c.Code},disease.dengue.cases,trong tháng,{cases}\n"))
            + (district ? string.Concat(new[] { "dengue", "hfmd", "measles" }.Select(d => $"2023-{month:D2},936,disease.{d}.cases,trong tháng,{cases * 8}\n")) : string.Empty);
        var history = directory.File("lich-su-2023-01.csv");
        File.WriteAllText(history, "Kỳ báo cáo,Mã đơn vị,Chỉ tiêu,Loại số liệu,Giá trị\n" + Rows(1, 2, district: false), new UTF8Encoding(false));
        Assert.Equal(0, At(new DateTimeOffset(2023, 3, 1, 9, 0, 0, Vietnam), "--home", home, "ingest", history).Code);
        var correction = Path.Combine(home, "inbox", "sua-2023-01.csv");
        File.WriteAllText(correction, "Kỳ báo cáo,Mã đơn vị,Chỉ tiêu,Loại số liệu,Giá trị\n" + Rows(1, 3, district: false), new UTF8Encoding(false));
        File.SetLastWriteTimeUtc(correction, new DateTime(2023, 3, 1, 2, 0, 0, DateTimeKind.Utc));
        Assert.Equal(0, At(new DateTimeOffset(2023, 3, 1, 9, 0, 0, Vietnam), "--home", home, "ingest").Code);
        var january = Items(At(new DateTimeOffset(2023, 3, 10, 9, 0, 0, Vietnam), "--home", home, "quality", "--period", "2023-01", "--area", "936", "--json").Out);
        Assert.DoesNotContain(january, i => i.GetProperty("kind").GetString() == "timeliness");

        // February: one file holding the communes' rows and the district's own (two data sets), arriving on 9 March: one late item.
        var february = Path.Combine(home, "inbox", "huyen-2023-02.csv");
        File.WriteAllText(february, "Kỳ báo cáo,Mã đơn vị,Chỉ tiêu,Loại số liệu,Giá trị\n" + Rows(2, 1, district: true), new UTF8Encoding(false));
        File.SetLastWriteTimeUtc(february, new DateTime(2023, 3, 9, 2, 0, 0, DateTimeKind.Utc));
        Assert.Equal(0, At(new DateTimeOffset(2023, 3, 9, 9, 0, 0, Vietnam), "--home", home, "ingest").Code);
        var items = Items(At(new DateTimeOffset(2023, 3, 10, 9, 0, 0, Vietnam), "--home", home, "quality", "--period", "2023-02", "--area", "936", "--json").Out);
        var late = Assert.Single(items, i => i.GetProperty("kind").GetString() == "timeliness");
        var message = late.GetProperty("message").GetString()!;
        Assert.True(message.Contains("gửi ngày 09/03/2023 (ngày tệp đến hộp thư), sau hạn 05/03/2023; gồm 9 đơn vị", StringComparison.Ordinal), message);
        Assert.Contains("tệp huyen-2023-02.csv (Báo cáo bệnh truyền nhiễm gây dịch hằng tháng (tuyến huyện); Báo cáo bệnh truyền nhiễm gây dịch hằng tháng (dòng của từng xã) tháng 2/2023) gửi ngày 09/03/2023 (ngày tệp đến hộp thư), sau hạn 05/03/2023; gồm 9 đơn vị", message);
        Assert.Equal(2, items.Count(i => i.GetProperty("rule").GetString() == "reporting_rate"));
    }
}
