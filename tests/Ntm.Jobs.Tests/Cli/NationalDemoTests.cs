using System.Text.Json;
using Dapper;
using Ntm.Jobs.Demo;
using Ntm.Warehouse;

namespace Ntm.Jobs.Tests.Cli;

/// <summary>
/// The national demo warehouse (<c>ntm demo --scale national</c>), built small: every commune of
/// the country on both maps, two flows and the criteria stocks, for 2025.
/// </summary>
public sealed class NationalDemoTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Every_commune_reports_each_figure_once_and_a_province_total_is_the_sum_of_its_communes()
    {
        var home = directory.File("home");
        Assert.Equal(0, CliRunner.InProcess("--home", home, "init").ExitCode);
        NationalDemoResult built;
        string flow;
        using (var connection = new WarehouseDatabase(new WarehouseHome(home).WarehouseFile).OpenForWriting())
        {
            built = new NationalDemo(connection, 2025, 1, flows: 2, stocks: 5).Build();
            flow = connection.ExecuteScalar<string>("SELECT min(indicator_code) FROM fact_observation WHERE measure = 'month'")!;

            // Old communes to June, new ones from July; each a month's figures of its province's report.
            Assert.Equal(built.Observations, connection.ExecuteScalar<long>("SELECT count(*) FROM v_observation"));
            Assert.Equal(built.Observations, connection.ExecuteScalar<long>("SELECT CAST(sum(rows_loaded) AS BIGINT) FROM submission"));
            Assert.Equal(0, connection.ExecuteScalar<long>(
                "SELECT count(*) FROM v_observation o JOIN dim_area a ON a.area_id = o.area_id WHERE a.level <> 'commune' OR (o.period_key < 202507) <> (a.valid_from < DATE '2025-07-01')"));
            Assert.Equal(0, connection.ExecuteScalar<long>(
                "SELECT count(*) FROM (SELECT count(*) FROM fact_observation GROUP BY period_key, area_id, indicator_code, measure HAVING count(*) > 1)"));
            Assert.Equal(7, connection.ExecuteScalar<int>("SELECT count(DISTINCT indicator_code) FROM fact_observation"));
            Assert.Equal((63 * 6) + (34 * 6), built.Submissions);
            // The sums under parents are those the ledger's rule gives.
            Assert.True(connection.ExecuteScalar<long>("SELECT count(*) FROM fact_pooled") > 0);
            Assert.Empty(Ntm.Warehouse.Ledger.CurrentFigures.PoolDifferences(connection));
        }

        // Cần Thơ (92) in March 2025, before the merger: its communes' sum.
        using (var connection = new WarehouseDatabase(new WarehouseHome(home).WarehouseFile).OpenReadOnly())
        {
            var communes = connection.ExecuteScalar<decimal>(
                "SELECT sum(o.value) FROM v_observation o JOIN dim_area a ON a.area_id = o.area_id WHERE a.province_code = '92' AND a.valid_from < DATE '2025-07-01' AND o.period_key = 202503 AND o.indicator_code = $flow",
                new { flow });
            var result = CliRunner.InProcess("--home", home, "trend", "--indicator", flow, "--area", "92@2025-03", "--from", "2025-03", "--to", "2025-03", "--format", "json");
            Assert.True(result.ExitCode == 0, result.Error);
            using var json = JsonDocument.Parse(result.Out);
            Assert.Equal(communes, json.RootElement[0].GetProperty("value").GetDecimal());
            Assert.True(communes > 0);
        }

        // Once a warehouse has figures, the national demo does not add to them.
        var again = CliRunner.InProcess("--home", home, "demo", "--scale", "national", "--from-year", "2025", "--years", "1");
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("đã có số liệu", again.Error);
    }
}
