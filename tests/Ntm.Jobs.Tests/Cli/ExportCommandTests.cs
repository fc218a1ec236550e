using System.Text;
using Dapper;
using Ntm.Warehouse;

namespace Ntm.Jobs.Tests.Cli;

/// <summary><c>ntm export parquet</c> read back with DuckDB: equal to the warehouse row for row and sum for sum.</summary>
public sealed class ExportCommandTests : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly string home;

    public ExportCommandTests()
    {
        home = directory.File("home");
        Assert.Equal(0, CliRunner.InProcess("--home", home, "init").ExitCode);
    }

    public void Dispose() => directory.Dispose();

    private void Ingest(string name, string rows)
    {
        File.WriteAllText(Path.Combine(home, "inbox", name), "Kỳ báo cáo,Mã đơn vị,Chỉ tiêu,Loại số liệu,Giá trị\n" + rows, new UTF8Encoding(false));
        var result = CliRunner.InProcess("--home", home, "ingest");
        Assert.True(result.ExitCode == 0, result.Out + result.Error);
    }

    /// <summary>Every current value, from the warehouse and from the export, keyed alike.</summary>
    private (List<string> Warehouse, List<string> Export) Both(string folder)
    {
        using var connection = new WarehouseDatabase(Path.Combine(home, "warehouse.duckdb")).OpenReadOnly();
        const string Row = "period || '|' || area_id || '|' || indicator_code || '|' || measure || '|' || CAST(value AS VARCHAR) || '|' || submission_id";
        var warehouse = connection.Query<string>($"SELECT {Row} FROM v_observation ORDER BY 1").ToList();
        var export = connection.Query<string>($"SELECT {Row} FROM read_parquet('{Path.Combine(folder, "observations", "**", "*.parquet")}', hive_partitioning = true) ORDER BY 1").ToList();
        return (warehouse, export);
    }

    [Fact]
    public void The_export_round_trips_and_an_incremental_export_replaces_superseded_values()
    {
        Ingest("a.csv", "2023-11,31483,disease.dengue.cases,trong tháng,4\n2023-12,31483,disease.dengue.cases,trong tháng,7\n2024-01,31484,disease.dengue.cases,trong tháng,3\n2024-01,31484,bhyt.coverage,stock,91.25\n");
        Ingest("b.csv", "2024-02,930,disease.hfmd.cases,trong tháng,12\n2025-08,31120,disease.dengue.cases,trong tháng,9\n");
        var folder = directory.File("parquet");
        var full = CliRunner.InProcess("--home", home, "export", "parquet", "--out", folder);
        Assert.True(full.ExitCode == 0, full.Out + full.Error);
        var (warehouse, export) = Both(folder);
        Assert.Equal(6, warehouse.Count);
        Assert.Equal(warehouse, export);
        Assert.True(File.Exists(Path.Combine(folder, "areas.parquet")));
        Assert.True(Directory.Exists(Path.Combine(folder, "observations", "year=2024")));
        // Codes are text, read back as text: "93", never the number 93 (nor 1 for "01").
        using (var connection = new WarehouseDatabase(Path.Combine(home, "warehouse.duckdb")).OpenReadOnly())
        {
            var types = connection.Query<(string Province, string Area)>($"SELECT DISTINCT typeof(province_code), typeof(area_code) FROM read_parquet('{Path.Combine(folder, "observations", "**", "*.parquet")}', hive_partitioning = true)").ToList();
            Assert.Equal([("VARCHAR", "VARCHAR")], types);
        }

        // A corrected resend of January 2024 supersedes its values; a new month arrives. An export since 2024 rewrites 2024 on.
        Ingest("a-sua.csv", "2024-01,31484,disease.dengue.cases,trong tháng,5\n2024-01,31484,bhyt.coverage,stock,92.5\n");
        Ingest("c.csv", "2024-03,31483,disease.dengue.cases,trong tháng,2\n");
        var before2024 = Directory.GetFiles(Path.Combine(folder, "observations", "year=2023"), "*.parquet", SearchOption.AllDirectories).Select(File.GetLastWriteTimeUtc).ToList();
        var incremental = CliRunner.InProcess("--home", home, "export", "parquet", "--out", folder, "--since", "2024-01");
        Assert.True(incremental.ExitCode == 0, incremental.Out + incremental.Error);
        (warehouse, export) = Both(folder);
        Assert.Equal(warehouse, export);
        Assert.Contains(export, r => r.StartsWith("2024-01|", StringComparison.Ordinal) && r.Contains("|disease.dengue.cases|month|5.0000|", StringComparison.Ordinal));
        Assert.DoesNotContain(export, r => r.StartsWith("2024-01|", StringComparison.Ordinal) && r.Contains("|disease.dengue.cases|month|3.0000|", StringComparison.Ordinal));
        Assert.Equal(before2024, Directory.GetFiles(Path.Combine(folder, "observations", "year=2023"), "*.parquet", SearchOption.AllDirectories).Select(File.GetLastWriteTimeUtc).ToList());
        Assert.Empty(Directory.GetDirectories(folder, ".staging-*"));
    }
}
