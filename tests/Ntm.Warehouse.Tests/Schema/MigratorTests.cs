using Dapper;
using DuckDB.NET.Data;
using Ntm.Warehouse.Schema;

namespace Ntm.Warehouse.Tests.Schema;

public sealed class MigratorTests : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly Migrator migrator = new(TimeProvider.System);

    public void Dispose() => directory.Dispose();

    private DuckDBConnection Open() => new WarehouseDatabase(directory.File("w.duckdb")).OpenOrCreateForWriting();

    [Fact]
    public void Built_in_migrations_apply_once_and_rerunning_is_a_no_op()
    {
        using (var connection = Open())
        {
            var applied = migrator.Apply(connection, Migration.BuiltIn);
            Assert.Equal(Migration.BuiltIn.Count, applied.Count);
            Assert.Equal(Migration.BuiltIn[^1].Version, Migrator.CurrentVersion(connection));
            Assert.Equal(0, connection.ExecuteScalar<int>("SELECT count(*) FROM migration_note")); // nothing stored, nothing to say
        }

        using (var connection = Open())
        {
            Assert.Empty(migrator.Apply(connection, Migration.BuiltIn));
            Assert.Equal(Migration.BuiltIn.Count, connection.ExecuteScalar<int>("SELECT count(*) FROM schema_version"));
        }
    }

    [Fact]
    public void Built_in_migrations_are_numbered_without_gaps()
    {
        Assert.Equal(Enumerable.Range(1, Migration.BuiltIn.Count), Migration.BuiltIn.Select(m => m.Version));
    }

    [Fact]
    public void A_failing_migration_rolls_back_and_leaves_the_previous_version()
    {
        var good = new Migration(1, "good", "CREATE TABLE a (x INTEGER);");
        var bad = new Migration(2, "bad", "CREATE TABLE b (x INTEGER); INSERT INTO nowhere VALUES (1);");
        using var connection = Open();
        var error = Assert.Throws<InvalidOperationException>(() => migrator.Apply(connection, [good, bad]));
        Assert.Contains("0002_bad", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, Migrator.CurrentVersion(connection));
        Assert.Equal(0, connection.ExecuteScalar<int>("SELECT count(*) FROM information_schema.tables WHERE table_name = 'b'"));
    }

    [Fact]
    public void An_applied_migration_that_was_edited_is_refused()
    {
        using var connection = Open();
        migrator.Apply(connection, [new Migration(1, "one", "CREATE TABLE a (x INTEGER);")]);
        var error = Assert.Throws<InvalidOperationException>(() => migrator.Apply(connection, [new Migration(1, "one", "CREATE TABLE a (x BIGINT);")]));
        Assert.Contains("changed after it was applied", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_user_views_exist_with_their_documented_columns()
    {
        using var connection = Open();
        migrator.Apply(connection, Migration.BuiltIn);
        string[] Columns(string view) => connection.Query<string>(
            "SELECT column_name FROM information_schema.columns WHERE table_name = $view ORDER BY ordinal_position", new { view }).ToArray();

        Assert.Equal(["period", "area_code", "area_name", "area_level", "indicator_code", "measure", "value", "submission_id"], Columns("v_observation").Take(8));
        Assert.Equal(["submission_id", "file_name", "sha256", "received_at", "template", "area_code", "period", "status", "rows_loaded", "errors", "warnings"], Columns("v_submission").Take(11));
        Assert.Equal(["submission_id", "severity", "sheet", "cell", "rule", "message"], Columns("v_finding").Take(6));
        Assert.Equal(["area_code", "area_name", "level", "unit_type", "parent_code", "province_code", "valid_from", "valid_to"], Columns("v_area").Take(8));
        Assert.Equal(["old_code", "new_code", "weight"], Columns("v_area_crosswalk").Take(3));
    }

    [Fact]
    public void Periods_cover_2000_to_2040_with_rollups()
    {
        using var connection = Open();
        migrator.Apply(connection, Migration.BuiltIn);
        Assert.Equal(41 * 12, connection.ExecuteScalar<int>("SELECT count(*) FROM dim_period"));
        var december = connection.QuerySingle<(string Period, int Quarter, DateTime LastDay)>(
            "SELECT period, quarter, last_day FROM dim_period WHERE period_key = 202412");
        Assert.Equal(("2024-12", 4, new DateTime(2024, 12, 31)), december);
        Assert.Equal(new DateTime(2024, 2, 29), connection.ExecuteScalar<DateTime>("SELECT last_day FROM dim_period WHERE period = '2024-02'"));
    }

    [Fact]
    public void A_warehouse_of_the_previous_version_gets_back_the_figures_a_later_file_did_not_restate()
    {
        using var connection = Open();
        migrator.Apply(connection, Migration.BuiltIn.Where(m => m.Version <= 8).ToList());
        // Before version 9 a file superseded an earlier one whole: the October report (three figures)
        // by a file that restated only dengue; and a report by one that restated its one figure.
        connection.Execute("""
            INSERT INTO submission (submission_id, file_name, sha256, received_at, area_id, period_key, status, superseded_by, rows_loaded) VALUES
                (1, 'bc-thang-10.xlsx', 'a', TIMESTAMP '2024-11-05 08:00', 936, 202410, 'superseded', 2, 3),
                (2, 'dich-benh-thang-10.xlsx', 'b', TIMESTAMP '2024-11-06 08:00', 936, 202410, 'accepted', NULL, 1),
                (3, 'bhyt-thang-10.xlsx', 'c', TIMESTAMP '2024-11-05 09:00', 936, 202410, 'superseded', 4, 1),
                (4, 'bhyt-thang-10-sua.xlsx', 'd', TIMESTAMP '2024-11-07 08:00', 936, 202410, 'accepted', NULL, 1);
            INSERT INTO fact_observation VALUES
                (1, 202410, 936, 'disease.dengue.cases', 'month', 12, 'Dịch bệnh', 'C7'),
                (1, 202410, 936, 'fp.iud', 'month', 28, 'KHHGĐ', 'C7'),
                (1, 202410, 936, 'tb.detected.total', 'month', 7, 'Lao', 'C7'),
                (2, 202410, 936, 'disease.dengue.cases', 'month', 14, 'Dịch bệnh', 'C7'),
                (3, 202410, 936, 'bhyt.insured', 'stock', 7010, 'BHYT', 'B5'),
                (4, 202410, 936, 'bhyt.insured', 'stock', 7100, 'BHYT', 'B5');
            """);

        var applied = migrator.Apply(connection, Migration.BuiltIn);

        Assert.Contains(applied, m => m.Version == 9);
        var statuses = connection.Query<(long Id, string Status, int Current)>("SELECT submission_id, status, figures_current FROM submission ORDER BY submission_id").ToList();
        Assert.Equal([(1L, "partly_superseded", 2), (2L, "accepted", 1), (3L, "superseded", 0), (4L, "accepted", 1)], statuses);
        Assert.Equal(["fp.iud", "tb.detected.total"], connection.Query<string>("""
            SELECT f.indicator_code FROM fact_observation f JOIN submission s USING (submission_id)
            WHERE s.status IN ('accepted', 'partly_superseded')
            QUALIFY row_number() OVER (PARTITION BY f.period_key, f.area_id, f.indicator_code, f.measure, f.disaggregation ORDER BY s.received_at DESC, s.submission_id DESC) = 1
                AND f.submission_id = 1
            ORDER BY 1
            """));
        // Version 16 marks the current rows by the same rule.
        Assert.Equal(["bhyt.insured 4 7100.0000", "disease.dengue.cases 2 14.0000", "fp.iud 1 28.0000", "tb.detected.total 1 7.0000"],
            connection.Query<string>("SELECT indicator_code || ' ' || submission_id || ' ' || CAST(value AS VARCHAR) FROM fact_observation WHERE is_current ORDER BY 1"));
        var note = Assert.Single(connection.Query<string>("SELECT note FROM migration_note WHERE version = 9"));
        Assert.Contains("1 báo cáo", note, StringComparison.Ordinal);
        Assert.Contains("2 số liệu", note, StringComparison.Ordinal);
    }
}
