using Ntm.Domain.Statuses;
using Ntm.Etl.Ingestion;
using Ntm.Etl.Tests.Seeds;
using Ntm.Warehouse;
using Xunit.Abstractions;

namespace Ntm.Etl.Tests.Family;

/// <summary>
/// Each table of the family, as .xlsx, as LibreOffice's .xls and as the CSV an office's Excel
/// saves: every figure lands with its sheet and cell as the indicator, measure, month and unit its
/// row, its column and its title say; every target with its comparator; nothing else is stored;
/// what is left out on purpose (totals, comparisons, other periods) is not; a part of a total is stored as a part; and
/// <c>ntm template check</c> gives the verdict and the figures that ingestion then stores.
/// </summary>
[Collection(nameof(WarehouseFixture))]
public sealed class FamilyTableTests(WarehouseFixture fixture, ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var table in FamilyTables.All)
        {
            foreach (var format in table.Formats)
            {
                cases.Add(table.Name, format);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_figure_is_read_from_its_row_column_and_title_and_nothing_else_is_stored(string name, string format)
    {
        var table = FamilyTables.All.Single(t => t.Name == name);
        var typed = table.Build();
        var path = FamilyTables.Write(table, format, directory.Path);
        var home = fixture.NewHome(directory);

        PreparedFile check;
        using (var connection = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly())
        {
            check = new IngestionService(connection, home, new FixedClock(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.FromHours(7)))).Check(path, new IngestionOptions());
        }

        File.Copy(path, Path.Combine(home.Inbox, Path.GetFileName(path)));
        var result = Assert.Single(WarehouseFixture.Ingest(home));
        foreach (var finding in result.Findings)
        {
            output.WriteLine($"{finding.SeverityName} {finding.Rule} {finding.Sheet}!{finding.Cell}: {finding.Message}");
        }

        Assert.True(result.Outcome == IngestOutcome.Accepted, string.Join("\n", result.Findings.Where(f => f.Severity == Ntm.Etl.Validation.Severity.Error).Select(f => f.Message)));
        Assert.DoesNotContain(result.Findings, f => f.Rule is "unknown_indicator" or "ambiguous_indicator" or "unlabelled_row" or "unknown_column" or "unlabelled_column");

        // template check said what ingestion did.
        Assert.True(check.Accepted);
        Assert.Equal(result.Template, check.Template);
        Assert.Equal(result.Values, check.Values.DistinctBy(v => v.Figure).Count() + check.Result.Targets.Count);

        var csvSheet = format.StartsWith("csv", StringComparison.Ordinal) ? "Sheet1" : null;
        StoredFigures.AssertExactly(home, typed, output, csvSheet is null ? null : _ => csvSheet);
    }
}
