using Dapper;
using Ntm.Domain.Statuses;
using Ntm.Etl.Ingestion;
using Ntm.Warehouse;

namespace Ntm.Etl.Tests.Ingestion;

/// <summary>
/// The figure, not the file, is what a later file replaces: a district's October report in three
/// programmes, then files that restate some of its figures, withdraw one, or cover other communes.
/// Each figure's current value comes from the latest file that states it; nothing is hidden by a
/// file that did not restate it, and every value a figure had stays in its history.
/// </summary>
[Collection(nameof(WarehouseFixture))]
public sealed class FigureOfRecordTests(WarehouseFixture fixture) : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private static XlsxBuilder Title(XlsxBuilder builder) => builder
        .Row(0, "TRUNG TÂM Y TẾ HUYỆN LONG MỸ", null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        .Row(1, "Số: 245/BC-TTYT", null, null, "Long Mỹ, ngày 05 tháng 11 năm 2024")
        .Row(3, "BÁO CÁO HOẠT ĐỘNG Y TẾ THÁNG 10 NĂM 2024");

    private static XlsxBuilder Diseases(XlsxBuilder builder, object? dengue, object? hfmd) => Title(builder.Sheet("Dịch bệnh"))
        .Row(5, "STT", "Tên bệnh", "Số mắc trong tháng", "Cộng dồn mắc")
        .Row(6, 1, "Sốt xuất huyết", dengue, 140)
        .Row(7, 2, "Tay chân miệng", hfmd, 61);

    private static XlsxBuilder FamilyPlanning(XlsxBuilder builder, object iud) => Title(builder.Sheet("KHHGĐ"))
        .Row(5, "STT", "Biện pháp", "Thực hiện tháng", "Cộng dồn")
        .Row(6, 1, "Đặt dụng cụ tử cung", iud, 310)
        .Row(7, 2, "Triệt sản", 1, 9);

    private static XlsxBuilder Tuberculosis(XlsxBuilder builder) => Title(builder.Sheet("Lao"))
        .Row(5, "STT", "Nội dung", "Thực hiện tháng", "Cộng dồn")
        .Row(6, 1, "Tổng số bệnh nhân lao phát hiện", 7, 64);

    private string Save(XlsxBuilder builder, string name) => builder.Save(directory.File(name));

    private static IngestFileResult Ingest(WarehouseHome home, string path)
    {
        var target = Path.Combine(home.Inbox, Path.GetFileName(path));
        File.Copy(path, target);
        return Assert.Single(WarehouseFixture.Ingest(home));
    }

    private static T Scalar<T>(WarehouseHome home, string sql)
    {
        using var connection = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly();
        return connection.ExecuteScalar<T>(sql)!;
    }

    private static decimal? Current(WarehouseHome home, string indicator, string measure = "month") =>
        Scalar<decimal?>(home, $"SELECT value FROM v_observation WHERE area_code = '936' AND period = '2024-10' AND indicator_code = '{indicator}' AND measure = '{measure}'");

    private static (string Status, int? Current) Status(WarehouseHome home, long id)
    {
        using var connection = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly();
        return connection.QuerySingle<(string, int?)>($"SELECT status, figures_current FROM v_submission WHERE submission_id = {id}");
    }

    private (WarehouseHome Home, IngestFileResult Full) FullReport()
    {
        var home = fixture.NewHome(directory);
        var full = Ingest(home, Save(Tuberculosis(FamilyPlanning(Diseases(new XlsxBuilder(), 12, 5), 28)), "bc-thang-10.xlsx"));
        Assert.Equal(IngestOutcome.Accepted, full.Outcome);
        Assert.Equal(10, full.Values);
        return (home, full);
    }

    [Fact]
    public void A_programme_only_file_replaces_that_programmes_figures_and_no_others()
    {
        var (home, full) = FullReport();

        var diseases = Ingest(home, Save(Diseases(new XlsxBuilder(), 14, 5), "dich-benh-thang-10.xlsx"));

        Assert.Equal(IngestOutcome.Accepted, diseases.Outcome);
        Assert.Equal([full.SubmissionId!.Value], diseases.Supersedes);
        Assert.Equal(("partly_superseded", (int?)6), Status(home, full.SubmissionId.Value));
        Assert.Equal(14m, Current(home, "disease.dengue.cases"));
        Assert.Equal(28m, Current(home, "fp.iud"));
        Assert.Equal(7m, Current(home, "tb.detected.total"));
        Assert.Equal(10, Scalar<int>(home, "SELECT count(*) FROM v_observation WHERE area_code = '936'"));
        Assert.Equal(4, Scalar<int>(home, $"SELECT count(*) FROM v_observation WHERE submission_id = {diseases.SubmissionId}"));
    }

    [Fact]
    public void A_corrected_sheet_alone_replaces_its_figures_and_the_rest_of_the_report_stays()
    {
        var (home, full) = FullReport();

        var corrected = Ingest(home, Save(FamilyPlanning(new XlsxBuilder(), 31), "khhgd-thang-10-sua.xlsx"));

        Assert.Equal(IngestOutcome.Accepted, corrected.Outcome);
        Assert.Equal(("partly_superseded", (int?)6), Status(home, full.SubmissionId!.Value));
        Assert.Equal(31m, Current(home, "fp.iud"));
        Assert.Equal(12m, Current(home, "disease.dengue.cases"));
        Assert.Equal(64m, Current(home, "tb.detected.total", "ytd"));
    }

    [Fact]
    public void An_x_in_a_correction_withdraws_that_figure_and_an_empty_cell_withdraws_nothing()
    {
        var (home, full) = FullReport();

        // Dengue withdrawn ("x"), hand-foot-mouth left empty: that one keeps its value.
        var withdrawal = Ingest(home, Save(Diseases(new XlsxBuilder(), "x", null), "dich-benh-thang-10-rut.xlsx"));

        Assert.Equal(IngestOutcome.Accepted, withdrawal.Outcome);
        Assert.Null(Current(home, "disease.dengue.cases"));
        Assert.Equal(140m, Current(home, "disease.dengue.cases", "ytd"));
        Assert.Equal(5m, Current(home, "disease.hfmd.cases"));
        // It states three figures of the report (dengue's month and both year-to-dates): seven stay current.
        Assert.Equal(("partly_superseded", (int?)7), Status(home, full.SubmissionId!.Value));
        Assert.Equal(2, Scalar<int>(home, "SELECT count(*) FROM v_observation_history WHERE area_code = '936' AND period = '2024-10' AND indicator_code = 'disease.dengue.cases' AND measure = 'month'"));
        Assert.True(Scalar<bool>(home, "SELECT withdrawn FROM v_observation_history WHERE indicator_code = 'disease.dengue.cases' AND measure = 'month' AND is_current"));
    }

    [Fact]
    public void Two_files_for_disjoint_communes_of_one_district_are_both_current()
    {
        var home = fixture.NewHome(directory);
        XlsxBuilder Communes(params (string Name, int Insured)[] rows)
        {
            var builder = new XlsxBuilder().Sheet("BHYT").Row(0, "TRUNG TÂM Y TẾ HUYỆN LONG MỸ").Row(1, "SỐ NGƯỜI THAM GIA BHYT THÁNG 10 NĂM 2024")
                .Row(3, "Xã", "Số người tham gia BHYT");
            for (var i = 0; i < rows.Length; i++)
            {
                builder.Row(4 + i, rows[i].Name, rows[i].Insured);
            }

            return builder;
        }

        var first = Ingest(home, Save(Communes(("Xã Thuận Hưng", 7010), ("Xã Lương Tâm", 6200)), "bhyt-1.xlsx"));
        var second = Ingest(home, Save(Communes(("Xã Vĩnh Viễn A", 8800), ("Xã Lương Nghĩa", 5400)), "bhyt-2.xlsx"));

        Assert.Empty(second.Supersedes);
        Assert.Equal(("accepted", (int?)2), Status(home, first.SubmissionId!.Value));
        Assert.Equal(("accepted", (int?)2), Status(home, second.SubmissionId!.Value));
        Assert.Equal(4, Scalar<int>(home, "SELECT count(*) FROM v_observation WHERE indicator_code = 'bhyt.insured' AND period = '2024-10'"));
    }

    [Fact]
    public void The_same_bytes_again_are_a_duplicate_and_change_nothing()
    {
        var (home, full) = FullReport();
        var path = directory.File("bc-thang-10-gui-lai.xlsx");
        File.Copy(Directory.GetFiles(home.Archive).Single(), path);

        var again = Ingest(home, path);

        Assert.Equal(IngestOutcome.Duplicate, again.Outcome);
        Assert.Equal(full.SubmissionId, again.SubmissionId);
        Assert.Equal(("accepted", (int?)10), Status(home, full.SubmissionId!.Value));
        Assert.Equal(1, Scalar<int>(home, "SELECT count(*) FROM submission"));
    }

    [Fact]
    public void A_file_that_restates_every_figure_supersedes_the_earlier_one_whole()
    {
        var (home, full) = FullReport();

        var restated = Ingest(home, Save(Tuberculosis(FamilyPlanning(Diseases(new XlsxBuilder(), 13, 5), 28)), "bc-thang-10-sua.xlsx"));

        Assert.Equal(("superseded", (int?)0), Status(home, full.SubmissionId!.Value));
        Assert.Equal(restated.SubmissionId, Scalar<long>(home, $"SELECT superseded_by FROM v_submission WHERE submission_id = {full.SubmissionId}"));
        Assert.Equal(13m, Current(home, "disease.dengue.cases"));
        Assert.Equal(0, Scalar<int>(home, $"SELECT count(*) FROM v_observation WHERE submission_id = {full.SubmissionId}"));
    }

    [Fact]
    public void A_figures_history_lists_every_value_it_had_from_which_file_and_cell_and_which_is_current()
    {
        var (home, full) = FullReport();
        var second = Ingest(home, Save(Diseases(new XlsxBuilder(), 14, 5), "dich-benh-sua-1.xlsx"));
        var third = Ingest(home, Save(Diseases(new XlsxBuilder(), 15, 5), "dich-benh-sua-2.xlsx"));

        using var connection = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly();
        var history = connection.Query<(long SubmissionId, string FileName, string Sheet, string Cell, decimal Value, bool IsCurrent)>("""
            SELECT submission_id, file_name, sheet, cell, value, is_current FROM v_observation_history
            WHERE area_code = '936' AND period = '2024-10' AND indicator_code = 'disease.dengue.cases' AND measure = 'month'
            ORDER BY received_at, submission_id
            """).ToList();

        Assert.Equal(
            [(full.SubmissionId!.Value, "bc-thang-10.xlsx", "Dịch bệnh", "C7", 12m, false), (second.SubmissionId!.Value, "dich-benh-sua-1.xlsx", "Dịch bệnh", "C7", 14m, false), (third.SubmissionId!.Value, "dich-benh-sua-2.xlsx", "Dịch bệnh", "C7", 15m, true)],
            history);
        Assert.Equal("superseded", Status(home, second.SubmissionId.Value).Status);
        Assert.Equal("partly_superseded", Status(home, full.SubmissionId.Value).Status);
    }
}
