using System.Text;
using Dapper;
using Ntm.Domain.Statuses;
using Ntm.Etl.Ingestion;
using Ntm.Warehouse;

namespace Ntm.Etl.Tests.Ingestion;

/// <summary>
/// What a batch does with several files: they are taken in the order they arrived; files that
/// cover different units stand side by side; a correction sent after its original wins; a file
/// named outside the inbox is copied and left where it was; hidden sheets are left out and said so.
/// </summary>
[Collection(nameof(WarehouseFixture))]
public sealed class BatchTests(WarehouseFixture fixture) : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Eight_districts_long_files_for_one_month_are_all_current_afterwards()
    {
        var home = fixture.NewHome(directory);
        using var read = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly();
        var areas = Ntm.Warehouse.Areas.AreaDirectoryLoader.Load(read);
        read.Dispose();
        var districts = areas.Areas.Where(a => a.ParentCode == "93" && a.Generation == Ntm.Domain.Areas.AreaGeneration.Before2025).OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
        Assert.Equal(8, districts.Count);
        var expected = new Dictionary<string, int>();
        foreach (var district in districts)
        {
            var text = new StringBuilder("Kỳ báo cáo,Mã đơn vị,Chỉ tiêu,Loại số liệu,Giá trị\n");
            foreach (var commune in areas.Areas.Where(a => a.ParentId == district.AreaId))
            {
                var cases = (int.Parse(commune.Code, System.Globalization.CultureInfo.InvariantCulture) % 13) + 1;
                expected[commune.Code] = cases;
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"2023-01,{commune.Code},disease.dengue.cases,trong tháng,{cases}\n");
            }

            File.WriteAllText(Path.Combine(home.Inbox, $"sxh-{district.Code}-2023-01.csv"), text.ToString(), new UTF8Encoding(false));
        }

        var results = WarehouseFixture.Ingest(home);

        Assert.Equal(8, results.Count(r => r.Outcome == IngestOutcome.Accepted));
        Assert.All(results, r => Assert.Empty(r.Supersedes));
        using var connection = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly();
        var current = connection.Query<(string Code, decimal Value)>("SELECT area_code, value FROM v_observation WHERE indicator_code = 'disease.dengue.cases' AND period = '2023-01'")
            .ToDictionary(r => r.Code, r => r.Value);
        Assert.Equal(expected.Count, current.Count);
        Assert.All(expected, e => Assert.Equal(e.Value, current[e.Key]));
        // Each file is recorded for its district: the smallest unit that holds all its communes.
        Assert.Equal(districts.Select(d => d.Code).Order(StringComparer.Ordinal),
            connection.Query<string>("SELECT area_code FROM v_submission WHERE status = 'accepted' ORDER BY area_code"));
    }

    [Fact]
    public void A_province_wide_correction_supersedes_the_district_files_it_covers_and_no_others()
    {
        var home = fixture.NewHome(directory);
        void Long(string name, params (string Code, int Cases)[] rows)
        {
            var text = new StringBuilder("Kỳ báo cáo,Mã đơn vị,Chỉ tiêu,Loại số liệu,Giá trị\n");
            foreach (var (code, cases) in rows)
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"2023-01,{code},disease.dengue.cases,trong tháng,{cases}\n");
            }

            File.WriteAllText(Path.Combine(home.Inbox, name), text.ToString(), new UTF8Encoding(false));
        }

        Long("long-my.csv", ("31483", 1), ("31484", 2));
        Long("vi-thuy.csv", ("31447", 3));
        WarehouseFixture.Ingest(home);
        Long("long-my-sua.csv", ("31483", 10), ("31484", 20));
        var correction = Assert.Single(WarehouseFixture.Ingest(home));

        Assert.Single(correction.Supersedes);
        using var connection = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly();
        var current = connection.Query<(string Code, decimal Value)>("SELECT area_code, value FROM v_observation").ToDictionary(r => r.Code, r => r.Value);
        Assert.Equal(new Dictionary<string, decimal> { ["31483"] = 10, ["31484"] = 20, ["31447"] = 3 }, current);
    }

    [Fact]
    public void A_correction_newer_than_its_original_wins_even_when_its_name_sorts_first()
    {
        var home = fixture.NewHome(directory);
        var original = Path.Combine(home.Inbox, "long-my-2022-12-bhyt.xlsx");
        var corrected = Path.Combine(home.Inbox, "long-my-2022-12-bhyt-corrected.xlsx");
        File.Copy(TestData.Fixtures("workbooks", "long-my-2022-12-bhyt.xlsx"), original);
        File.Copy(TestData.Fixtures("workbooks", "long-my-2022-12-bhyt-corrected.xlsx"), corrected);
        File.SetLastWriteTimeUtc(original, new DateTime(2023, 1, 3, 8, 0, 0, DateTimeKind.Utc));
        File.SetLastWriteTimeUtc(corrected, new DateTime(2023, 1, 4, 8, 0, 0, DateTimeKind.Utc));
        Assert.True(string.CompareOrdinal(Path.GetFileName(corrected), Path.GetFileName(original)) < 0);

        var results = WarehouseFixture.Ingest(home);

        Assert.Equal(["long-my-2022-12-bhyt.xlsx", "long-my-2022-12-bhyt-corrected.xlsx"], results.Select(r => r.File));
        using var connection = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly();
        Assert.Equal(7100m, connection.ExecuteScalar<decimal>("SELECT value FROM v_observation WHERE area_code = '31483' AND indicator_code = 'bhyt.insured'"));
    }

    [Fact]
    public void A_file_named_outside_the_inbox_is_copied_and_left_where_it_was()
    {
        var home = fixture.NewHome(directory);
        var mine = directory.File("my-reports");
        Directory.CreateDirectory(mine);
        var path = Path.Combine(mine, "long-my-2022-12-bhyt.xlsx");
        File.Copy(TestData.Fixtures("workbooks", "long-my-2022-12-bhyt.xlsx"), path);
        var before = File.ReadAllBytes(path);

        var result = Assert.Single(WarehouseFixture.Ingest(home, paths: path));

        Assert.Equal(IngestOutcome.Accepted, result.Outcome);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(before, File.ReadAllBytes(Assert.Single(Directory.GetFiles(home.Archive))));
        // A folder named on the command line is read, not emptied.
        var again = WarehouseFixture.Ingest(home, paths: mine);
        Assert.Equal(IngestOutcome.Duplicate, Assert.Single(again).Outcome);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void A_hidden_sheet_is_left_out_and_listed_unless_the_template_opts_in()
    {
        var home = fixture.NewHome(directory);
        var path = directory.File("hidden.xlsx");
        new XlsxBuilder()
            .Sheet("Báo cáo")
            .Row(0, "Kỳ báo cáo", "Mã đơn vị", "Chỉ tiêu", "Loại số liệu", "Giá trị")
            .Row(1, "2023-01", "31483", "disease.dengue.cases", "trong tháng", 4)
            .Sheet("Nháp").Hidden()
            .Row(0, "Kỳ báo cáo", "Mã đơn vị", "Chỉ tiêu", "Loại số liệu", "Giá trị")
            .Row(1, "2023-01", "31484", "disease.dengue.cases", "trong tháng", 99)
            .Save(path);

        using (var connection = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly())
        {
            var service = new IngestionService(connection, home, TimeProvider.System);
            var result = service.Check(path, new IngestionOptions()).Result;
            Assert.Equal(["31483"], result.Values.Select(v => v.Area.Code));
            Assert.Contains(result.Ignored, i => i.Sheet == "Nháp" && i.Reason.Contains("ẩn", StringComparison.Ordinal));
        }

        File.WriteAllText(Path.Combine(home.Templates, "co-trang-an.yaml"), """
            name: co-trang-an
            description: Tệp có trang ẩn được đọc cả
            file_name_pattern: "^hidden[.]xlsx$"
            include_hidden_sheets: true
            """);
        using (var connection = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly())
        {
            var service = new IngestionService(connection, home, TimeProvider.System);
            var result = service.Check(path, new IngestionOptions()).Result;
            Assert.Equal(["31483", "31484"], result.Values.Select(v => v.Area.Code).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void An_accepted_file_read_again_supersedes_its_first_reading()
    {
        var home = fixture.NewHome(directory);
        File.Copy(TestData.Fixtures("workbooks", "long-my-2022-12-bhyt.xlsx"), Path.Combine(home.Inbox, "long-my-2022-12-bhyt.xlsx"));
        var first = Assert.Single(WarehouseFixture.Ingest(home));

        using var connection = new WarehouseDatabase(home.WarehouseFile).OpenForWriting();
        var service = new IngestionService(connection, home, TimeProvider.System);
        var again = service.Again(first.SubmissionId!.Value, new IngestionOptions());

        Assert.Equal(IngestOutcome.Accepted, again.Outcome);
        Assert.Equal([first.SubmissionId!.Value], again.Supersedes);
        Assert.Equal("long-my-2022-12-bhyt.xlsx", connection.ExecuteScalar<string>("SELECT file_name FROM submission WHERE submission_id = $id", new { id = again.SubmissionId }));
        Assert.Single(Directory.GetFiles(home.Archive));
        WarehouseFixture.AssertCurrentFiguresFollowTheRule(connection);
        Assert.Equal(0, connection.ExecuteScalar<int>("SELECT count(*) FROM v_observation WHERE submission_id = $id", new { id = first.SubmissionId }));
    }
}
