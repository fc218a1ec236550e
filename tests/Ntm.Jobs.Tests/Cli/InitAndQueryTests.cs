using System.Text.Json;
using Ntm.Jobs.Cli;

namespace Ntm.Jobs.Tests.Cli;

public sealed class InitAndQueryTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private string Home => directory.File("home");

    [Fact]
    public void Init_creates_the_home_and_is_idempotent()
    {
        var first = CliRunner.InProcess("--home", Home, "init", "--json");
        Assert.Equal(0, first.ExitCode);
        using var firstJson = JsonDocument.Parse(first.Out);
        Assert.NotEmpty(firstJson.RootElement.GetProperty("migrations_applied").EnumerateArray());
        foreach (var folder in new[] { "inbox", "archive", "quarantine", "reports", "templates" })
        {
            Assert.True(Directory.Exists(Path.Combine(Home, folder)), folder);
        }

        var second = CliRunner.InProcess("--home", Home, "init", "--json");
        Assert.Equal(0, second.ExitCode);
        using var secondJson = JsonDocument.Parse(second.Out);
        Assert.Empty(secondJson.RootElement.GetProperty("migrations_applied").EnumerateArray());
        Assert.Equal(firstJson.RootElement.GetProperty("schema_version").GetInt32(), secondJson.RootElement.GetProperty("schema_version").GetInt32());
    }

    [Fact]
    public void A_warehouse_of_an_older_schema_is_refused_with_what_to_do_and_init_upgrades_it()
    {
        Directory.CreateDirectory(Home);
        var database = new Ntm.Warehouse.WarehouseDatabase(Path.Combine(Home, "warehouse.duckdb"));
        var migrations = Ntm.Warehouse.Schema.Migration.BuiltIn;
        using (var connection = database.OpenOrCreateForWriting())
        {
            new Ntm.Warehouse.Schema.Migrator(TimeProvider.System).Apply(connection, migrations.Take(migrations.Count - 1).ToList());
        }

        var refused = CliRunner.InProcess("--home", Home, "criteria");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains($"ở lược đồ {migrations[^2].Version}", refused.Error, StringComparison.Ordinal);
        Assert.Contains("Hãy chạy 'ntm init'", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Binder", refused.Error, StringComparison.Ordinal);

        Assert.Equal(0, CliRunner.InProcess("--home", Home, "init").ExitCode);
        Assert.Equal(0, CliRunner.InProcess("--home", Home, "criteria").ExitCode);
    }

    [Fact]
    public void Query_select_42_prints_a_table()
    {
        CliRunner.InProcess("--home", Home, "init");
        var result = CliRunner.InProcess("--home", Home, "query", "select 42");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("42", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_json_is_an_array_of_objects_with_numbers_as_numbers()
    {
        CliRunner.InProcess("--home", Home, "init");
        var result = CliRunner.InProcess("--home", Home, "query", "select 42 as n, sum(x) as s, 1.5::DECIMAL(4,1) as d, 0.25 as f, 'Đạt' as t, NULL as z, DATE '2025-07-01' as day from range(3) r(x)", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var row = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(JsonValueKind.Number, row.GetProperty("n").ValueKind);
        Assert.Equal(3, row.GetProperty("s").GetInt64());
        Assert.Equal(1.5m, row.GetProperty("d").GetDecimal());
        Assert.Equal(0.25, row.GetProperty("f").GetDouble());
        Assert.Equal("Đạt", row.GetProperty("t").GetString());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("z").ValueKind);
        Assert.Equal("2025-07-01", row.GetProperty("day").GetString());
        Assert.Contains("Đạt", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_csv_quotes_what_needs_quoting()
    {
        CliRunner.InProcess("--home", Home, "init");
        var result = CliRunner.InProcess("--home", Home, "query", "select 'a,b' as x, 'say \"hi\"' as y", "--format", "csv");
        // A byte-order mark first, so that Excel reads UTF-8.
        Assert.Equal("\uFEFFx,y\r\n\"a,b\",\"say \"\"hi\"\"\"\r\n", result.Out);
    }

    [Fact]
    public void Query_refuses_drop_table_on_its_read_only_connection()
    {
        CliRunner.InProcess("--home", Home, "init");
        var result = CliRunner.InProcess("--home", Home, "query", "DROP TABLE dim_period");
        Assert.Equal((int)ExitCode.Usage, result.ExitCode);
        Assert.Contains("chỉ chạy câu truy vấn đọc dữ liệu", result.Error, StringComparison.Ordinal);
        var count = CliRunner.InProcess("--home", Home, "query", "select count(*) from dim_period", "--json");
        Assert.Equal(0, count.ExitCode);
    }

    [Fact]
    public void Query_without_a_warehouse_says_to_run_init()
    {
        var result = CliRunner.InProcess("--home", Home, "query", "select 1");
        Assert.Equal((int)ExitCode.Usage, result.ExitCode);
        Assert.Contains("ntm init", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_usage_exits_with_2()
    {
        Assert.Equal((int)ExitCode.Usage, CliRunner.InProcess("frobnicate").ExitCode);
        Assert.Equal((int)ExitCode.Usage, CliRunner.InProcess("query", "select 1", "--format", "xml").ExitCode);
    }

    [Fact]
    public void Home_comes_from_the_option_then_the_environment_then_the_default()
    {
        Assert.Equal(Path.GetFullPath("x"), Ntm.Warehouse.WarehouseHome.Resolve("x", _ => "y").Root);
        Assert.Equal(Path.GetFullPath("y"), Ntm.Warehouse.WarehouseHome.Resolve(null, _ => "y").Root);
        Assert.Equal(Path.GetFullPath("ntm-home"), Ntm.Warehouse.WarehouseHome.Resolve(null, _ => null).Root);
    }
}
