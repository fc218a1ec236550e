using Dapper;
using Microsoft.Data.SqlClient;
using Ntm.Domain.Errors;
using Ntm.Warehouse.SqlServer;
using Xunit.Abstractions;

namespace Ntm.Warehouse.Tests.SqlServer;

/// <summary>
/// The T-SQL schema checked for what matters, the errors a user meets offline, and — when
/// <c>NTM_SQLSERVER</c> names a server — a real publication, resumed and updated.
/// </summary>
public sealed class SqlServerPublisherTests(InitializedWarehouse warehouse, ITestOutputHelper output) : IClassFixture<InitializedWarehouse>, IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void The_schema_keeps_vietnamese_text_in_nvarchar_keys_and_a_columnstore_for_the_facts()
    {
        var ddl = string.Join("\n", SqlServerPublisher.SchemaBatches());
        foreach (var column in new[] { "area_name", "full_name", "unit_type", "name_vi", "file_name", "sheet" })
        {
            Assert.Matches($@"\b{column}\s+NVARCHAR\(\d+\)", ddl);
        }

        foreach (var table in new[] { "dim_area", "dim_indicator", "dim_period", "submission", "publication" })
        {
            Assert.Matches($@"CREATE TABLE ntm\.{table} \([^;]*PRIMARY KEY", ddl);
        }

        Assert.Contains("CREATE CLUSTERED COLUMNSTORE INDEX cci_fact_observation ON ntm.fact_observation", ddl, StringComparison.Ordinal);
        Assert.Matches(@"value\s+DECIMAL\(18, 4\) NOT NULL", ddl);
        Assert.Contains("CREATE OR ALTER VIEW ntm.v_observation", ddl, StringComparison.Ordinal);
        Assert.DoesNotContain(SqlServerPublisher.SchemaBatches(), b => b.Contains("\nGO", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void An_unreachable_server_is_a_clear_message_not_a_stack_trace()
    {
        var database = warehouse.CopyTo(directory);
        using var connection = database.OpenOrCreateForWriting();
        var publisher = new SqlServerPublisher(connection, "Server=tcp:127.0.0.1,1;Database=ntm;User ID=x;Password=y;Connect Timeout=2", TimeProvider.System);
        var error = Assert.Throws<UserErrorException>(() => publisher.Publish());
        Assert.Contains("Không kết nối được SQL Server tcp:127.0.0.1,1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Publishes_incrementally_to_a_real_server_when_one_is_given()
    {
        var connectionString = Environment.GetEnvironmentVariable("NTM_SQLSERVER");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            output.WriteLine("SKIPPED: NTM_SQLSERVER is not set; no SQL Server can run here, so the publication was not tried against one.");
            return;
        }

        var database = warehouse.CopyTo(directory);
        using var connection = database.OpenOrCreateForWriting();
        connection.Execute("""
            INSERT INTO submission (submission_id, file_name, sha256, received_at, status, rows_loaded) VALUES
              (9001, 'Báo cáo tháng 1.xlsx', repeat('a', 64), TIMESTAMP '2025-02-03 08:00:00', 'accepted', 2),
              (9002, 'Báo cáo tháng 2.xlsx', repeat('b', 64), TIMESTAMP '2025-03-03 08:00:00', 'accepted', 1);
            INSERT INTO fact_observation (submission_id, period_key, area_id, indicator_code, measure, value) VALUES
              (9001, 202501, 11000093, 'disease.dengue.cases', 'month', 15), (9001, 202501, 11000093, 'disease.hfmd.cases', 'month', 4),
              (9002, 202502, 11000093, 'disease.dengue.cases', 'month', 9);
            """);
        using (var server = new SqlConnection(connectionString))
        {
            server.Open();
            server.Execute("IF OBJECT_ID(N'ntm.fact_observation') IS NOT NULL DELETE FROM ntm.fact_observation WHERE submission_id >= 9001; IF OBJECT_ID(N'ntm.submission') IS NOT NULL DELETE FROM ntm.submission WHERE submission_id >= 9001;");
        }

        var first = new SqlServerPublisher(connection, connectionString, TimeProvider.System) { BatchRows = 2 }.Publish();
        Assert.True(first.Submissions >= 2);
        var again = new SqlServerPublisher(connection, connectionString, TimeProvider.System).Publish();
        Assert.Equal(0, again.Submissions);

        // A resend supersedes January: the server's status follows and its view shows the new value.
        connection.Execute("""
            INSERT INTO submission (submission_id, file_name, sha256, received_at, status, rows_loaded) VALUES (9003, 'Báo cáo tháng 1 (sửa).xlsx', repeat('c', 64), TIMESTAMP '2025-02-10 08:00:00', 'accepted', 1);
            INSERT INTO fact_observation (submission_id, period_key, area_id, indicator_code, measure, value) VALUES (9003, 202501, 11000093, 'disease.dengue.cases', 'month', 17);
            UPDATE submission SET status = 'superseded', superseded_by = 9003 WHERE submission_id = 9001;
            """);
        var update = new SqlServerPublisher(connection, connectionString, TimeProvider.System).Publish();
        Assert.Equal((1, 1), (update.Submissions, update.StatusChanges));
        using var check = new SqlConnection(connectionString);
        check.Open();
        Assert.Equal(17m, check.ExecuteScalar<decimal>("SELECT value FROM ntm.v_observation WHERE submission_id >= 9001 AND period_key = 202501 AND indicator_code = 'disease.dengue.cases'"));
        Assert.Equal("Báo cáo tháng 1 (sửa).xlsx", check.ExecuteScalar<string>("SELECT file_name FROM ntm.submission WHERE submission_id = 9003"));
    }
}
