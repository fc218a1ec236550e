using System.Text.Json;
using Dapper;
using Ntm.Domain.Statuses;
using Ntm.Etl.Ingestion;
using Ntm.Etl.Validation;
using Ntm.Warehouse;

namespace Ntm.Etl.Tests.Ingestion;

/// <summary>The ledger's promises: nothing lost, nothing counted twice, corrections supersede, bad files quarantined.</summary>
[Collection(nameof(WarehouseFixture))]
public sealed class LedgerTests(WarehouseFixture fixture) : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private static string Drop(WarehouseHome home, string fixtureName, string? asName = null)
    {
        var target = Path.Combine(home.Inbox, asName ?? Path.GetFileName(fixtureName));
        File.Copy(TestData.Fixtures("workbooks", fixtureName), target);
        return target;
    }

    private static T Scalar<T>(WarehouseHome home, string sql)
    {
        using var connection = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly();
        return connection.ExecuteScalar<T>(sql)!;
    }

    [Fact]
    public void An_accepted_file_is_archived_by_content_and_the_same_file_again_changes_nothing()
    {
        var home = fixture.NewHome(directory);
        Drop(home, "long-my-2022-12-bhyt.xlsx");
        var first = Assert.Single(WarehouseFixture.Ingest(home));
        Assert.Equal(IngestOutcome.Accepted, first.Outcome);
        Assert.Equal(7, first.Values);
        Assert.Empty(Directory.GetFiles(home.Inbox));
        var archived = Assert.Single(Directory.GetFiles(home.Archive));
        Assert.Equal(FileStore.Sha256(archived) + ".xlsx", Path.GetFileName(archived));

        Drop(home, "long-my-2022-12-bhyt.xlsx", "same-file-other-name.xlsx");
        var second = Assert.Single(WarehouseFixture.Ingest(home));
        Assert.Equal(IngestOutcome.Duplicate, second.Outcome);
        Assert.Equal(first.SubmissionId, second.SubmissionId);
        Assert.Equal(1, Scalar<int>(home, "SELECT count(*) FROM submission"));
        Assert.Equal(7, Scalar<int>(home, "SELECT count(*) FROM fact_observation"));
        Assert.Empty(Directory.GetFiles(home.Inbox));
        Assert.Single(Directory.GetFiles(home.Archive));
    }

    [Fact]
    public void A_file_whose_archive_copy_cannot_be_written_is_rejected_alone_and_the_others_of_its_group_are_kept()
    {
        // A copy that cannot be written is that file's failure alone: the others of its group are recorded.
        var home = fixture.NewHome(directory);
        File.SetLastWriteTimeUtc(Drop(home, "long-my-2022-12-bhyt.xlsx"), new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc));
        var blocked = Drop(home, "long-my-2022-12-bhyt-corrected.xlsx");
        File.SetLastWriteTimeUtc(blocked, new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc));
        Directory.CreateDirectory(home.Archive);
        Directory.CreateDirectory(FileStore.ArchivePath(home.Archive, FileStore.Sha256(blocked), blocked));

        var results = WarehouseFixture.Ingest(home);
        Assert.Equal([IngestOutcome.Accepted, IngestOutcome.Rejected], results.Select(r => r.Outcome));
        Assert.True(results[1].Findings.Any(f => f.Rule == "processing_failed"), string.Join("; ", results[1].Findings.Select(f => $"{f.Rule}: {f.Message}")));
        Assert.Equal(7010m, Scalar<decimal>(home, "SELECT value FROM v_observation WHERE area_code = '31483' AND indicator_code = 'bhyt.insured'"));
        Assert.Equal(1, Scalar<int>(home, "SELECT count(*) FROM submission WHERE status = 'accepted'"));
        Assert.Empty(Directory.GetFiles(home.Inbox));
        Assert.Contains(Directory.GetFiles(home.Quarantine), f => Path.GetFileName(f) == "long-my-2022-12-bhyt-corrected.xlsx");
    }

    [Fact]
    public void A_corrected_resubmission_supersedes_and_the_old_one_stays_for_audit()
    {
        var home = fixture.NewHome(directory);
        Drop(home, "long-my-2022-12-bhyt.xlsx");
        var original = Assert.Single(WarehouseFixture.Ingest(home));
        Drop(home, "long-my-2022-12-bhyt-corrected.xlsx");
        var corrected = Assert.Single(WarehouseFixture.Ingest(home));

        Assert.Equal(IngestOutcome.Accepted, corrected.Outcome);
        Assert.Equal([original.SubmissionId!.Value], corrected.Supersedes);
        Assert.Equal("superseded", Scalar<string>(home, $"SELECT status FROM v_submission WHERE submission_id = {original.SubmissionId}"));
        Assert.Equal(7100m, Scalar<decimal>(home, "SELECT value FROM v_observation WHERE area_code = '31483' AND indicator_code = 'bhyt.insured'"));
        Assert.Equal(7, Scalar<int>(home, "SELECT count(*) FROM v_observation"));
        // The superseded figures are still there, for audit.
        Assert.Equal(7010m, Scalar<decimal>(home, $"SELECT f.value FROM fact_observation f JOIN dim_area a ON a.area_id = f.area_id WHERE f.submission_id = {original.SubmissionId} AND a.area_code = '31483' AND f.indicator_code = 'bhyt.insured'"));

        // The original again is a duplicate even though it was superseded: it does not come back.
        Drop(home, "long-my-2022-12-bhyt.xlsx", "again.xlsx");
        Assert.Equal(IngestOutcome.Duplicate, Assert.Single(WarehouseFixture.Ingest(home)).Outcome);
        Assert.Equal(7100m, Scalar<decimal>(home, "SELECT value FROM v_observation WHERE area_code = '31483' AND indicator_code = 'bhyt.insured'"));
    }

    [Fact]
    public void A_rejected_file_goes_to_quarantine_with_its_findings_and_loads_nothing()
    {
        var home = fixture.NewHome(directory);
        Drop(home, "typo-2022-12.xls");
        var result = Assert.Single(WarehouseFixture.Ingest(home));
        Assert.Equal(IngestOutcome.Rejected, result.Outcome);
        Assert.Equal(0, Scalar<int>(home, "SELECT count(*) FROM fact_observation"));
        Assert.True(File.Exists(Path.Combine(home.Quarantine, "typo-2022-12.xls")));
        using var findings = JsonDocument.Parse(File.ReadAllText(Path.Combine(home.Quarantine, "typo-2022-12.xls.findings.json")));
        var finding = Assert.Single(findings.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("severity").GetString() == "error");
        Assert.Equal("C5", finding.GetProperty("cell").GetString());
        Assert.Equal("rejected", Scalar<string>(home, "SELECT status FROM v_submission"));
        Assert.Equal("Lao", Scalar<string>(home, "SELECT sheet FROM v_finding WHERE severity = 'error'"));
    }

    [Theory]
    [InlineData("empty.xlsx", "", "empty_file")]
    [InlineData("not-excel.xls", "Xin chào, đây không phải là bảng tính.", "not_excel")]
    [InlineData("truncated.xlsx", "PK\u0003\u0004 truncated zip", "corrupt")]
    public void Empty_corrupt_and_non_excel_files_are_rejected_with_a_finding(string name, string content, string rule)
    {
        var home = fixture.NewHome(directory);
        File.WriteAllText(Path.Combine(home.Inbox, name), content);
        var result = Assert.Single(WarehouseFixture.Ingest(home));
        Assert.Equal(IngestOutcome.Rejected, result.Outcome);
        Assert.Equal(rule, Assert.Single(result.Findings).Rule);
        Assert.True(File.Exists(Path.Combine(home.Quarantine, name + ".findings.json")));
    }

    [Fact]
    public void A_password_protected_workbook_is_rejected_asking_for_an_unprotected_copy()
    {
        var home = fixture.NewHome(directory);
        File.Copy(TestData.Path("exceldatareader", "agile_AES128_SHA1_CBC_pwd_password.xlsx"), Path.Combine(home.Inbox, "bao-cao.xlsx"));
        var result = Assert.Single(WarehouseFixture.Ingest(home));
        Assert.Equal("encrypted", Assert.Single(result.Findings).Rule);
        Assert.Contains("mật khẩu", result.Findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_period_in_the_future_is_an_error()
    {
        var home = fixture.NewHome(directory);
        new XlsxBuilder().Sheet("x").Row(0, "Kỳ báo cáo", "Mã đơn vị", "Chỉ tiêu", "Loại số liệu", "Giá trị").Row(1, "2027-01", "00004", "disease.dengue.cases", "trong tháng", 1)
            .Save(Path.Combine(home.Inbox, "future.xlsx"));
        var result = Assert.Single(WarehouseFixture.Ingest(home));
        Assert.Equal("future_period", Assert.Single(result.Findings).Rule);
    }

    [Fact]
    public void Warnings_are_stored_and_the_file_is_still_accepted()
    {
        var home = fixture.NewHome(directory);
        new XlsxBuilder().Sheet("Tiêu chí 14")
            .Row(0, "UBND HUYỆN THANH MIỆN").Row(1, "UBND XÃ LÊ HỒNG").Row(2, "Báo cáo năm 2022")
            .Row(4, "Nội dung tiêu chí", "Số người", "Số dân", "Tỷ lệ %")
            .Row(5, "14.1. Tỷ lệ người dân tham gia bảo hiểm y tế", "7.475", "7860", "96,5")
            .Row(6, "14.2. Tỷ lệ dân số được quản lý sức khỏe", "7.997", "7860", "101,7")
            .Save(Path.Combine(home.Inbox, "le-hong.xlsx"));
        var result = Assert.Single(WarehouseFixture.Ingest(home));
        Assert.Equal(IngestOutcome.Accepted, result.Outcome);
        Assert.Contains(result.Findings, f => f.Rule == "rate_mismatch" && f.Cell == "D6");
        Assert.Contains(result.Findings, f => f.Rule == "numerator_above_denominator" && f.Cell == "B7");
        Assert.Equal(result.Warnings, Scalar<int>(home, "SELECT count(*) FROM v_finding WHERE severity = 'warning'"));
        // The shared denominator is stored once.
        Assert.Equal(1, Scalar<int>(home, "SELECT count(*) FROM v_observation WHERE indicator_code = 'population.total'"));
    }

    [Fact]
    public void A_cumulative_figure_below_last_months_and_a_month_above_its_cumulative_are_warnings()
    {
        var home = fixture.NewHome(directory);
        var january = new XlsxBuilder().Sheet("x").Row(0, "Kỳ báo cáo", "Mã đơn vị", "Chỉ tiêu", "Loại số liệu", "Giá trị")
            .Row(1, "2023-01", "31483", "disease.dengue.cases", "cộng dồn", 10).Save(Path.Combine(home.Inbox, "a-january.xlsx"));
        var february = new XlsxBuilder().Sheet("x").Row(0, "Kỳ báo cáo", "Mã đơn vị", "Chỉ tiêu", "Loại số liệu", "Giá trị")
            .Row(1, "2023-02", "31483", "disease.dengue.cases", "cộng dồn", 8)
            .Row(2, "2023-02", "31483", "disease.dengue.cases", "trong tháng", 9).Save(Path.Combine(home.Inbox, "b-february.xlsx"));
        var results = WarehouseFixture.Ingest(home);
        Assert.All(results, r => Assert.Equal(IngestOutcome.Accepted, r.Outcome));
        // February is read ahead (and checked against itself) while January is recorded; the check against
        // January's cumulative comes in its turn. Both are listed in the rules' order, as one check gives them.
        Assert.Equal(["ytd_decreased", "month_above_ytd"], results[1].Findings.Select(f => f.Rule));
        Assert.Equal(["E2", "E3"], results[1].Findings.Select(f => f.Cell));
        _ = (january, february);
    }

    [Fact]
    public void A_negative_count_is_an_error()
    {
        var home = fixture.NewHome(directory);
        new XlsxBuilder().Sheet("x").Row(0, "Kỳ báo cáo", "Mã đơn vị", "Chỉ tiêu", "Loại số liệu", "Giá trị")
            .Row(1, "2023-01", "31483", "disease.dengue.cases", "trong tháng", -3).Save(Path.Combine(home.Inbox, "negative.xlsx"));
        var result = Assert.Single(WarehouseFixture.Ingest(home));
        Assert.Equal(IngestOutcome.Rejected, result.Outcome);
        Assert.Equal("negative_count", Assert.Single(result.Findings, f => f.Severity == Severity.Error).Rule);
    }

    [Fact]
    public void A_count_with_a_fraction_is_an_error_naming_the_cell_and_a_rate_with_one_is_not()
    {
        var home = fixture.NewHome(directory);
        new XlsxBuilder().Sheet("x").Row(0, "Kỳ báo cáo", "Mã đơn vị", "Chỉ tiêu", "Loại số liệu", "Giá trị")
            .Row(1, "2023-01", "31483", "disease.dengue.cases", "trong tháng", "1,5")
            .Row(2, "2023-01", "31483", "bhyt.coverage", "tỷ lệ", "87,5")
            .Save(Path.Combine(home.Inbox, "fraction.xlsx"));
        var result = Assert.Single(WarehouseFixture.Ingest(home));
        Assert.Equal(IngestOutcome.Rejected, result.Outcome);
        var error = Assert.Single(result.Findings, f => f.Severity == Severity.Error);
        Assert.Equal(("fractional_count", "E2"), (error.Rule, error.Cell));
    }
}
