using Ntm.Domain.Statuses;
using Ntm.Etl.Validation;
using Xunit.Abstractions;

namespace Ntm.Etl.Tests.Seeds;

/// <summary>
/// Every table of seeds 003 and 004, typed as their offices lay them out (.xlsx, and .xls made by
/// LibreOffice), is read figure for figure: every number lands in the warehouse with its sheet
/// and cell, as the indicator, measure, month and unit the definition says; every target with its
/// comparator; nothing else is loaded; comparisons are left out on purpose; no label is unknown.
/// </summary>
[Collection(nameof(WarehouseFixture))]
public sealed class SeedTableTests(WarehouseFixture fixture, ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    public static TheoryData<string, string> Workbooks() => new()
    {
        { "seed-003-hau-giang-2022-12", ".xlsx" },
        { "seed-003-hau-giang-2022-12", ".xls" },
        { "seed-004-cao-bang-2024", ".xlsx" },
        { "seed-004-cao-bang-2024", ".xls" },
    };

    [Theory]
    [MemberData(nameof(Workbooks))]
    public void Every_figure_of_the_seed_table_is_stored_with_its_sheet_and_cell(string name, string extension)
    {
        var typed = name.StartsWith("seed-003", StringComparison.Ordinal) ? Seed003.Build() : Seed004.Build();
        var home = fixture.NewHome(directory);
        File.Copy(TestData.Fixtures("workbooks", name + extension), Path.Combine(home.Inbox, name + extension));

        var result = Assert.Single(WarehouseFixture.Ingest(home));
        foreach (var finding in result.Findings)
        {
            output.WriteLine($"{finding.SeverityName} {finding.Rule} {finding.Sheet}!{finding.Cell}: {finding.Message}");
        }

        Assert.Equal(IngestOutcome.Accepted, result.Outcome);
        Assert.DoesNotContain(result.Findings, f => f.Rule is "unknown_indicator" or "ambiguous_indicator" or "unlabelled_row" or "unexpected_pair" or "part_of_non_ratio");

        StoredFigures.AssertExactly(home, typed, output);
    }
}
