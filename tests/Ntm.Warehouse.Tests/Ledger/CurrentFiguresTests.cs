using Dapper;
using Ntm.Domain.Measures;
using Ntm.Domain.Periods;
using Ntm.Warehouse.Ledger;

namespace Ntm.Warehouse.Tests.Ledger;

/// <summary>
/// The current rows the ledger marks (<c>is_current</c>) through corrections, a withdrawal and a
/// file read again that no longer finds a figure: always those the ranking rule gives.
/// </summary>
public sealed class CurrentFiguresTests(InitializedWarehouse warehouse) : IClassFixture<InitializedWarehouse>, IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private static SubmissionRow File(string name, int minutes) =>
        new(name, name, new DateTime(2024, 11, 5, 8, minutes, 0, DateTimeKind.Unspecified), "report-table", 12000936, new PeriodKey(2024, 10), "accepted", 0, 0, null);

    private static ObservationRow Figure(string indicator, decimal value, bool withdrawn = false) =>
        new(new PeriodKey(2024, 10), 12000936, indicator, Measure.Month, value, "BC", "C5", Withdrawn: withdrawn);

    [Fact]
    public void The_marked_rows_are_the_ranking_rule_s_after_corrections_a_withdrawal_and_a_reading_again_that_finds_less()
    {
        using var connection = warehouse.CopyTo(directory).OpenForWriting();
        var ledger = new SubmissionLedger(connection);
        var (first, _) = ledger.Accept(File("bc.xlsx", 0), [Figure("disease.dengue.cases", 12), Figure("fp.iud", 28), Figure("tb.detected.total", 7)], []);
        ledger.Accept(File("sua.xlsx", 1), [Figure("disease.dengue.cases", 14)], []);
        ledger.Accept(File("rut.xlsx", 2), [Figure("tb.detected.total", 0, withdrawn: true)], []);
        Assert.Equal(["disease.dengue.cases 14.0000", "fp.iud 28.0000"], Current(connection));

        // The first file read again finds dengue and no longer its family-planning figure: that figure has no value any more.
        ledger.Accept(File("bc.xlsx", 3), [Figure("disease.dengue.cases", 12)], [], replaces: first);
        Assert.Equal(["disease.dengue.cases 12.0000"], Current(connection));
        Assert.Equal(0, connection.ExecuteScalar<int>("SELECT count(*) FROM fact_observation WHERE is_current AND submission_id = $first", new { first }));

        var ranked = connection.Query<long>("""
            SELECT f.rowid FROM fact_observation f
            JOIN submission s ON s.submission_id = f.submission_id AND s.status IN ('accepted', 'partly_superseded')
            QUALIFY row_number() OVER (PARTITION BY f.period_key, f.area_id, f.indicator_code, f.measure, f.disaggregation
                                       ORDER BY s.received_at DESC, s.submission_id DESC, f.rowid DESC) = 1
            ORDER BY 1
            """);
        Assert.Equal(ranked, connection.Query<long>("SELECT rowid FROM fact_observation WHERE is_current ORDER BY 1"));
        Assert.Empty(CurrentFigures.PoolDifferences(connection));
    }

    [Fact]
    public void The_sums_kept_under_a_parent_follow_its_communes_through_a_correction_a_withdrawal_a_part_and_a_reading_again()
    {
        using var connection = warehouse.CopyTo(directory).OpenForWriting();
        var communes = connection.Query<int>("SELECT area_id FROM dim_area WHERE parent_id = 12000936 ORDER BY area_id LIMIT 2").ToList();
        var ledger = new SubmissionLedger(connection);
        ObservationRow Of(int commune, decimal value, string indicator = "disease.dengue.cases", bool withdrawn = false, string part = "") =>
            new(new PeriodKey(2024, 10), commune, indicator, Measure.Month, value, "BC", "C5", part, withdrawn);

        var (first, _) = ledger.Accept(File("xa.xlsx", 0), [Of(communes[0], 5), Of(communes[1], 7), Of(communes[1], 3, part: "female"), Of(communes[0], 40, "fp.iud")], []);
        Assert.Equal(["12000936 disease.dengue.cases 12.0000 2", "12000936 fp.iud 40.0000 1"], Pooled(connection));
        ledger.Accept(File("sua.xlsx", 1), [Of(communes[0], 6)], []);
        Assert.Equal(["12000936 disease.dengue.cases 13.0000 2", "12000936 fp.iud 40.0000 1"], Pooled(connection));
        ledger.Accept(File("rut.xlsx", 2), [Of(communes[1], 0, withdrawn: true)], []);
        Assert.Equal(["12000936 disease.dengue.cases 6.0000 1", "12000936 fp.iud 40.0000 1"], Pooled(connection));

        // The first file read again (the latest now) no longer states the family-planning figure: its sum is gone.
        ledger.Accept(File("xa.xlsx", 3), [Of(communes[0], 5)], [], replaces: first);
        Assert.Equal(["12000936 disease.dengue.cases 5.0000 1"], Pooled(connection));
        Assert.Empty(CurrentFigures.PoolDifferences(connection));

        // Made again whole (as after the units are loaded again), the same; and a lost row is seen.
        connection.Execute("DELETE FROM fact_pooled");
        Assert.Single(CurrentFigures.PoolDifferences(connection), d => d.StartsWith("rule 12000936 ", StringComparison.Ordinal));
        CurrentFigures.PoolAll(connection);
        Assert.Equal(["12000936 disease.dengue.cases 5.0000 1"], Pooled(connection));
        Assert.Empty(CurrentFigures.PoolDifferences(connection));
    }

    private static List<string> Pooled(System.Data.IDbConnection connection) =>
        connection.Query<string>("SELECT area_id || ' ' || indicator_code || ' ' || CAST(value AS VARCHAR) || ' ' || units FROM fact_pooled WHERE pooled ORDER BY 1").ToList();

    private static List<string> Current(System.Data.IDbConnection connection) =>
        connection.Query<string>("SELECT indicator_code || ' ' || CAST(value AS VARCHAR) FROM v_observation ORDER BY 1").ToList();
}
