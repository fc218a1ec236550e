using Dapper;
using ExcelDataReader;
using Ntm.Etl.Tests;
using Ntm.Warehouse;

namespace Ntm.Jobs.Tests.Cli;

/// <summary>
/// What a sender or a user types never stops the product: text with control characters goes
/// through every writer, shown visibly; mistakes typed on the command line or in a template are
/// caught before the inbox is touched.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private string Home()
    {
        var home = directory.File("home");
        Assert.Equal(0, CliRunner.InProcess("--home", home, "init").ExitCode);
        return home;
    }

    /// <summary>An October report whose second label holds Excel's escapes for U+0001 and U+0000.</summary>
    private static string Report(string inbox, string name = "bc-thang-10.xlsx") => new XlsxBuilder().Sheet("Báo cáo")
        .Row(0, "TRUNG TÂM Y TẾ HUYỆN LONG MỸ")
        .Row(2, "BÁO CÁO HOẠT ĐỘNG Y TẾ THÁNG 10 NĂM 2024")
        .Row(4, "STT", "Nội dung", "Thực hiện tháng", "Cộng dồn")
        .Row(5, 1, "Sốt xuất huyết", 12, 140)
        .Row(6, 2, "Chỉ tiêu _x0001_ lạ _x0000_ cuối", 5, 6)
        .Save(Path.Combine(inbox, name));

    private static void AssertOpens(string xlsx)
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        using var stream = File.OpenRead(xlsx);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        Assert.True(reader.Read());
    }

    [Fact]
    public void Control_characters_from_a_label_go_through_every_writer_shown_and_never_truncating()
    {
        var home = Home();
        Report(Path.Combine(home, "inbox"));
        Assert.Equal(0, CliRunner.InProcess("--home", home, "ingest").ExitCode);

        using (var connection = new WarehouseDatabase(Path.Combine(home, "warehouse.duckdb")).OpenReadOnly())
        {
            var message = connection.QuerySingle<string>("SELECT message FROM v_finding WHERE rule = 'unknown_indicator'");
            Assert.Contains("\\u{0001}", message, StringComparison.Ordinal);
            Assert.Contains("\\u{0000} cuối", message, StringComparison.Ordinal);
            Assert.DoesNotContain(message, c => c < ' ');
        }

        var report = CliRunner.InProcess("--home", home, "report", "annual", "--year", "2024");
        Assert.True(report.ExitCode == 0, report.Error);
        var pack = Directory.GetFiles(Path.Combine(home, "reports"), "bao-cao-2024.xlsx", SearchOption.AllDirectories);
        AssertOpens(Assert.Single(pack));
        Assert.Empty(Directory.GetFiles(Path.Combine(home, "reports"), "*.partial", SearchOption.AllDirectories));

        var quality = directory.File("chat-luong.xlsx");
        var review = CliRunner.InProcess("--home", home, "quality", "--period", "2024-10", "--format", "xlsx", "--out", quality);
        Assert.True(review.ExitCode == 0, review.Error);
        AssertOpens(quality);

        var csv = CliRunner.InProcess("--home", home, "query", "select message from v_finding", "--format", "csv");
        Assert.Equal(0, csv.ExitCode);
        Assert.Contains("\\u{0001}", csv.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(csv.Out, c => c < ' ' && c is not '\r' and not '\n');

        var table = CliRunner.InProcess("--home", home, "query", "select message from v_finding");
        Assert.Equal(0, table.ExitCode);
        Assert.DoesNotContain(table.Out, c => c < ' ' && c is not '\r' and not '\n');
    }

    [Fact]
    public void Template_check_quotes_a_title_or_label_of_thousands_of_characters_by_its_ends()
    {
        var home = Home();
        var marks = new string('\u0301', 30_000);
        var path = Path.Combine(directory.Path, "dai.xlsx");
        new Ntm.Etl.Tests.XlsxBuilder().Sheet("BC")
            .Row(0, "TRUNG TÂM Y TẾ HUYỆN LONG MỸ")
            .Row(1, $"BÁO CÁO SỐ CA MẮC BỆNH TRUYỀN NHIỄM{marks} ĐẦU")
            .Row(2, $"Tháng 10 năm 2024{marks}")
            .Row(4, "TT", "Tên bệnh", "Số mắc")
            .Row(5, 1, "Sốt xuất huyết", 12)
            .Row(6, 2, $"Bệnh lạ{marks}", 3)
            .Save(path);

        var check = CliRunner.InProcess("--home", home, "template", "check", path);
        Assert.True(check.ExitCode == 0, check.Error);
        Assert.Contains("disease.dengue.cases", check.Out, StringComparison.Ordinal);
        Assert.Contains("ký tự] …", check.Out, StringComparison.Ordinal);
        // The label is too long to quote: the command to teach it asks for its full text, never its clipped one.
        Assert.Matches(@"ntm\s+alias\s+add\s+""TÊN\s+\(chép\s+nguyên\s+văn\s+từ\s+tệp,\s+[\d.]+\s+ký\s+tự\)""", check.Out);
        // Each quote is at most SafeText.QuoteLength characters and a message at most Finding.MaxMessage: the output is a page, not the 60,000 marks.
        Assert.True(check.Out.Length < 20_000, $"{check.Out.Length} ký tự");
    }

    [Theory]
    [InlineData("2025-13")]
    [InlineData("2025-02-30")]
    [InlineData("2147483648")]
    [InlineData("0000-01")]
    public void A_period_that_is_no_month_stops_ingest_before_the_inbox_is_touched(string period)
    {
        var home = Home();
        var file = Report(Path.Combine(home, "inbox"));
        var before = File.ReadAllBytes(file);

        var result = CliRunner.InProcess("--home", home, "ingest", "--period", period);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(period, result.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(file));
        Assert.Empty(Directory.GetFiles(Path.Combine(home, "quarantine")));
        Assert.Empty(Directory.GetFiles(Path.Combine(home, "archive")));
    }

    [Theory]
    [InlineData("name: hong\nfile_name_pattern: \"bc-(\"\n", "file_name_pattern")]
    [InlineData("name: cham\nfile_name_pattern: \"^(a+)+$\"\n", "1 giây")]
    [InlineData("name: ky\nperiod: \"2025-13\"\n", "period")]
    public void A_broken_template_is_reported_and_ingest_refuses_to_start(string yaml, string said)
    {
        var home = Home();
        var file = Report(Path.Combine(home, "inbox"), "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!.xlsx");
        File.WriteAllText(Path.Combine(home, "templates", "mau.yaml"), yaml);
        var before = File.ReadAllBytes(file);

        var result = CliRunner.InProcess("--home", home, "ingest");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(said, result.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(file));
        Assert.Empty(Directory.GetFiles(Path.Combine(home, "quarantine")));
    }

    [Fact]
    public void A_template_whose_aliases_would_repeat_its_text_without_bound_is_refused_at_once()
    {
        var home = Home();
        var anchor = new string('x', 64 * 1024);
        var yaml = $"name: bom\nx: &a \"{anchor}\"\nheaders:\n  - keys: [{string.Join(", ", Enumerable.Repeat("*a", 20_000))}]\n    measure: month\n";
        File.WriteAllText(Path.Combine(home, "templates", "bom.yaml"), yaml);

        var list = CliRunner.InProcess("--home", home, "template", "list");

        Assert.Equal(2, list.ExitCode);
        Assert.Contains("bom.yaml", list.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_moved_home_reads_its_archive_again()
    {
        var home = Home();
        Report(Path.Combine(home, "inbox"));
        Assert.Equal(0, CliRunner.InProcess("--home", home, "ingest").ExitCode);
        var moved = directory.File("home-moved");
        Directory.Move(home, moved);

        var again = CliRunner.InProcess("--home", moved, "ingest", "--again", "1");

        Assert.True(again.ExitCode == 0, again.Error);
        using var connection = new WarehouseDatabase(Path.Combine(moved, "warehouse.duckdb")).OpenReadOnly();
        Assert.All(connection.Query<string>("SELECT archive_path FROM submission"), p => Assert.StartsWith("archive/", p, StringComparison.Ordinal));
    }

    [Fact]
    public void A_home_typed_wrong_is_never_made_a_new_one()
    {
        var typo = directory.File("hoem");

        foreach (var args in new[] { new[] { "ingest" }, ["query", "select 1"], ["serve"], ["jobs", "run", "ingest-inbox"], ["report", "annual", "--year", "2024"] })
        {
            var result = CliRunner.InProcess(["--home", typo, .. args]);
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("ntm init", result.Error, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(typo));
    }

    [Fact]
    public void An_export_folder_named_like_a_pattern_is_a_folder_and_a_file_is_refused()
    {
        var home = Home();
        Report(Path.Combine(home, "inbox"));
        Assert.Equal(0, CliRunner.InProcess("--home", home, "ingest").ExitCode);
        // A neighbour that 'x[1]' would match as a pattern.
        var neighbour = directory.File("x1");
        Assert.Equal(0, CliRunner.InProcess("--home", home, "export", "parquet", "--out", neighbour).ExitCode);

        var folder = directory.File("x[1]");
        var export = CliRunner.InProcess("--home", home, "export", "parquet", "--out", folder);

        Assert.True(export.ExitCode == 0, export.Error);
        using var summary = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "_export.json")));
        Assert.Equal(2, summary.RootElement.GetProperty("rows_written").GetInt64());
        var file = directory.File("a-file.txt");
        File.WriteAllText(file, "x");
        Assert.Equal(2, CliRunner.InProcess("--home", home, "export", "parquet", "--out", file).ExitCode);
        Assert.Equal(2, CliRunner.InProcess("--home", home, "report", "annual", "--year", "2024", "--out", file).ExitCode);
    }

    [Fact]
    public void An_alias_that_would_make_a_label_ambiguous_is_refused_and_an_added_one_can_be_removed()
    {
        var home = Home();

        var clash = CliRunner.InProcess("--home", home, "alias", "add", "Sốt xuất huyết", "disease.hfmd.cases");
        Assert.Equal(2, clash.ExitCode);
        Assert.Contains("disease.dengue.cases", clash.Error, StringComparison.Ordinal);

        Assert.Equal(0, CliRunner.InProcess("--home", home, "alias", "add", "SXH Dengue", "disease.dengue.cases").ExitCode);
        Assert.Equal(2, CliRunner.InProcess("--home", home, "alias", "add", "SXH Dengue", "disease.hfmd.cases").ExitCode);
        var removed = CliRunner.InProcess("--home", home, "alias", "remove", "SXH Dengue");
        Assert.True(removed.ExitCode == 0, removed.Error);
        Assert.Equal(0, CliRunner.InProcess("--home", home, "alias", "add", "SXH Dengue", "disease.hfmd.cases").ExitCode);
        Assert.Equal(2, CliRunner.InProcess("--home", home, "alias", "remove", "Sốt xuất huyết").ExitCode);
    }

    [Fact]
    public void A_query_past_its_time_or_its_memory_stops_with_a_message_naming_the_setting()
    {
        var home = Home();
        File.WriteAllText(Path.Combine(home, "ntm.json"), "{ \"inbox_settle_seconds\": 0, \"query_timeout_seconds\": 1 }");

        var slow = CliRunner.InProcess("--home", home, "query", "select count(*) from range(100000000000) a");
        Assert.Equal(2, slow.ExitCode);
        Assert.Contains("query_timeout_seconds", slow.Error, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(home, "ntm.json"), "{ \"inbox_settle_seconds\": 0, \"query_memory_limit_mb\": 64 }");
        var greedy = CliRunner.InProcess("--home", home, "query", "select count(DISTINCT (range::VARCHAR || 'x')) from range(50000000)");
        Assert.Equal(2, greedy.ExitCode);
        Assert.Contains("query_memory_limit_mb", greedy.Error, StringComparison.Ordinal);
    }
}
