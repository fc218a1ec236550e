using Microsoft.SqlServer.TransactSql.ScriptDom;
using Ntm.Warehouse.SqlServer;

namespace Ntm.Warehouse.Tests.SqlServer;

/// <summary>
/// No SQL Server runs here, so what the publisher sends is checked by SQL Server's own grammar
/// (Microsoft's ScriptDom parser) for the versions the README names: every schema batch and every
/// statement parses, and every column a bulk copy maps is a column the schema gives its table.
/// </summary>
public sealed class TSqlGrammarTests
{
    public static TheoryData<string> Versions() => ["SQL Server 2017", "SQL Server 2019", "SQL Server 2022"];

    private static TSqlParser Parser(string version) => version switch
    {
        "SQL Server 2017" => new TSql140Parser(initialQuotedIdentifiers: true),
        "SQL Server 2019" => new TSql150Parser(initialQuotedIdentifiers: true),
        _ => new TSql160Parser(initialQuotedIdentifiers: true),
    };

    private static TSqlFragment Parse(TSqlParser parser, string sql)
    {
        using var reader = new StringReader(sql);
        var fragment = parser.Parse(reader, out var errors);
        Assert.True(errors.Count == 0, $"{string.Join("; ", errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}"))}\n{sql}");
        return fragment;
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Every_schema_batch_and_statement_the_publisher_sends_parses(string version)
    {
        var parser = Parser(version);
        var batches = SqlServerPublisher.SchemaBatches();
        Assert.NotEmpty(batches);
        foreach (var sql in batches.Concat(SqlServerPublisher.Statements))
        {
            Parse(parser, sql);
        }
    }

    [Fact]
    public void Every_column_a_bulk_copy_maps_is_in_its_table()
    {
        var columns = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        var parser = Parser("SQL Server 2022");
        foreach (var sql in SqlServerPublisher.SchemaBatches())
        {
            Parse(parser, sql).Accept(new TableColumns(columns));
        }

        foreach (var (table, mapped) in SqlServerPublisher.BulkCopies)
        {
            Assert.True(columns.TryGetValue(table, out var defined), $"{table} is not created by the schema");
            var missing = mapped.Split(',', StringSplitOptions.TrimEntries).Where(c => !defined!.Contains(c)).ToList();
            Assert.True(missing.Count == 0, $"{table} lacks {string.Join(", ", missing)}");
        }
    }

    [Fact]
    public void A_statement_in_another_dialect_is_refused_so_the_check_can_fail()
    {
        using var reader = new StringReader("SELECT * FROM ntm.submission QUALIFY row_number() OVER (ORDER BY submission_id) = 1");
        Parser("SQL Server 2022").Parse(reader, out var errors);
        Assert.NotEmpty(errors);
    }

    /// <summary>The columns of each table the schema creates or adds to.</summary>
    private sealed class TableColumns(Dictionary<string, HashSet<string>> columns) : TSqlFragmentVisitor
    {
        public override void Visit(CreateTableStatement node) =>
            Columns(node.SchemaObjectName).UnionWith(node.Definition.ColumnDefinitions.Select(c => c.ColumnIdentifier.Value));

        public override void Visit(AlterTableAddTableElementStatement node) =>
            Columns(node.SchemaObjectName).UnionWith(node.Definition.ColumnDefinitions.Select(c => c.ColumnIdentifier.Value));

        private HashSet<string> Columns(SchemaObjectName name)
        {
            var key = $"{name.SchemaIdentifier?.Value}.{name.BaseIdentifier.Value}";
            if (!columns.TryGetValue(key, out var set))
            {
                columns[key] = set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            }

            return set;
        }
    }
}
