using System.Security.Cryptography;
using Ntm.Warehouse.UserSql;

namespace Ntm.Warehouse.Tests.UserSql;

/// <summary>
/// SQL a user types runs in DuckDB's sandbox: every route that could write a file, read one
/// outside the warehouse, reach the network, load an extension or change a setting is refused,
/// the warehouse's bytes stay the same and no file appears. Every DuckDB type prints.
/// </summary>
public sealed class UserQueryTests : IClassFixture<InitializedWarehouse>, IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly WarehouseDatabase database;

    public UserQueryTests(InitializedWarehouse warehouse)
    {
        database = warehouse.CopyTo(directory);
        File.WriteAllText(directory.File("secret.csv"), "a,b\n1,2\n");
    }

    public void Dispose() => directory.Dispose();

    /// <summary>{0} is a folder only the test writes to; {1} is the warehouse file; {2} a readable file outside it.</summary>
    public static TheoryData<string> Hostile() => new()
    {
        // Settings that write files.
        "SET log_query_path='{1}'; SELECT 1 AS x",
        "SET log_query_path='{0}/log.sql'",
        "SET profiling_output='{0}/profile.json'",
        "PRAGMA enable_profiling",
        "CALL enable_logging(storage='file', storage_path='{0}/logs')",
        "SELECT * FROM enable_logging(storage:='file', storage_path:='{0}/logs')",
        "SELECT * FROM query('SELECT * FROM enable_logging()')",
        // File readers and writers.
        "SELECT * FROM read_text('{2}')",
        "SELECT * FROM read_csv('{2}')",
        "SELECT * FROM read_blob('/etc/passwd')",
        "SELECT * FROM glob('{0}/*')",
        "SELECT * FROM '{2}'",
        "COPY (SELECT 1) TO '{0}/out.csv'",
        "EXPORT DATABASE '{0}/export'",
        "SELECT * FROM sniff_csv('{2}')",
        // Network readers.
        "SELECT * FROM read_csv('http://127.0.0.1:9/x.csv')",
        "SELECT * FROM read_parquet('https://example.invalid/x.parquet')",
        // Extensions.
        "INSTALL httpfs",
        "LOAD httpfs",
        "FORCE INSTALL spatial FROM 'http://127.0.0.1:9'",
        // Configuration changes.
        "SET enable_external_access = true",
        "SET lock_configuration = false",
        "RESET lock_configuration",
        "SET custom_extension_repository = 'http://127.0.0.1:9'",
        "SET temp_directory = '{0}/tmp'",
        // Writes to the warehouse and other databases.
        "DROP TABLE dim_period",
        "INSERT INTO dim_period SELECT * FROM dim_period LIMIT 1",
        "UPDATE submission SET status = 'accepted'",
        "CREATE TABLE x AS SELECT 1",
        "ATTACH '{0}/other.duckdb' AS other",
        "CHECKPOINT",
        "VACUUM",
        // Several statements at once.
        "SELECT 1; SELECT 2",
        "SELECT 1; DROP TABLE dim_period",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_hostile_statement_is_refused_and_changes_nothing(string template)
    {
        var watched = directory.File("watched");
        Directory.CreateDirectory(watched);
        var sql = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, watched, database.Path, directory.File("secret.csv"));
        var before = Hash(database.Path);

        var error = Assert.Throws<UserSqlException>(() =>
        {
            using var query = UserQuery.Run(database, sql);
            _ = query.Rows().ToList();
        });

        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.Equal(before, Hash(database.Path));
        Assert.Empty(Directory.EnumerateFileSystemEntries(watched));
        Assert.False(File.Exists(database.Path + ".wal"));
    }

    [Fact]
    public void The_sandbox_is_in_force_as_duckdb_reports_it()
    {
        using var query = UserQuery.Run(database,
            "SELECT current_setting('access_mode') AS access_mode, current_setting('enable_external_access') AS external, current_setting('lock_configuration') AS locked, current_setting('autoload_known_extensions') AS autoload, current_setting('autoinstall_known_extensions') AS autoinstall");
        var row = Assert.Single(query.Rows().ToList());
        Assert.Equal("read_only", row[0]);
        Assert.Equal(false, row[1]);
        Assert.Equal(true, row[2]);
        Assert.Equal(false, row[3]);
        Assert.Equal(false, row[4]);
    }

    [Fact]
    public void Every_duckdb_type_prints()
    {
        using var query = UserQuery.Run(database, """
            SELECT [1, 2] AS list, {'a': 1, 'b': 'x'} AS struct, map {'k': 'v'} AS map, [1, 2]::INTEGER[2] AS array,
                   union_value(n := 5) AS uni, INTERVAL '1 year 2 months 3 days' AS span, INTERVAL 90 MINUTE AS short_span,
                   'ab'::BLOB AS bytes, 170141183460469231731687303715884105727::HUGEINT AS huge,
                   99999999999999999999999999999999999999::DECIMAL(38, 0) AS wide, 12.3400::DECIMAL(18, 4) AS exact,
                   'infinity'::DATE AS forever, DATE '2025-07-01' AS day, TIMESTAMP '2025-07-01 08:30:00' AS moment,
                   uuid() IS NOT NULL AS has_uuid, 'a'::ENUM('a', 'b') AS choice, '101'::BIT AS bits, NULL AS nothing,
                   1.5::DOUBLE AS real, 'Hà Nội' AS text
            """);
        var columns = query.Columns.ToDictionary(c => c.Name);
        var row = Assert.Single(query.Rows().ToList());
        object? Value(string name) => row[query.Columns.ToList().FindIndex(c => c.Name == name)];

        Assert.Equal(UserValueKind.Json, columns["list"].Kind);
        Assert.Equal("[1,2]", Value("list"));
        Assert.Equal("""{"a":1,"b":"x"}""", Value("struct"));
        Assert.Equal("""{"k":"v"}""", Value("map"));
        Assert.Equal("[1,2]", Value("array"));
        Assert.Equal(UserValueKind.Json, columns["uni"].Kind);
        Assert.Equal("1 year 2 months 3 days", Value("span"));
        Assert.Equal("01:30:00", Value("short_span"));
        Assert.Equal(UserValueKind.Number, columns["huge"].Kind);
        Assert.Equal("170141183460469231731687303715884105727", Value("huge"));
        Assert.Equal("99999999999999999999999999999999999999", Value("wide"));
        Assert.Equal(12.34m, Value("exact"));
        Assert.Equal("infinity", Value("forever"));
        Assert.Equal("2025-07-01", Value("day"));
        Assert.Equal("a", Value("choice"));
        Assert.Equal("101", Value("bits"));
        Assert.Null(Value("nothing"));
        Assert.Equal(1.5, Value("real"));
        Assert.Equal("Hà Nội", Value("text"));
        Assert.Equal(true, Value("has_uuid"));
    }

    [Fact]
    public void Show_describe_and_summarize_print_like_a_select()
    {
        foreach (var sql in new[] { "SHOW TABLES", "DESCRIBE dim_period", "SUMMARIZE dim_period", "FROM v_area LIMIT 2;", "SELECT 1 AS x -- a comment", "SELECT 1 AS x; -- a comment" })
        {
            using var query = UserQuery.Run(database, sql);
            Assert.NotEmpty(query.Columns);
            Assert.NotEmpty(query.Rows().ToList());
        }
    }

    [Fact]
    public void A_mistake_in_the_sql_says_what_duckdb_said()
    {
        var error = Assert.Throws<UserSqlException>(() => UserQuery.Run(database, "SELEC 1"));
        Assert.Contains("cú pháp", error.Message, StringComparison.Ordinal);
        var missing = Assert.Throws<UserSqlException>(() => UserQuery.Run(database, "SELECT * FROM no_such_table"));
        Assert.Contains("no_such_table", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_stream_without_being_held()
    {
        using var query = UserQuery.Run(database, "SELECT range AS n FROM range(3000000)");
        long count = 0;
        long sum = 0;
        foreach (var row in query.Rows())
        {
            count++;
            sum += (long)row[0]!;
        }

        Assert.Equal(3_000_000, count);
        Assert.Equal(4_499_998_500_000, sum);
    }

    [Fact]
    public void A_process_that_already_writes_gets_no_sandbox_beside_its_writer()
    {
        using var writer = database.OpenForWriting();
        Assert.Throws<InvalidOperationException>(() => database.OpenSandboxed());
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
