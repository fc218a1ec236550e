using Dapper;
using Ntm.Domain.Statuses;
using Ntm.Etl.Validation;
using Ntm.Warehouse;
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

        using var connection = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly();
        var stored = connection.Query<(string Sheet, string Cell, string Indicator, string Measure, decimal Value, int Period, string Area)>("""
            SELECT f.sheet, f.cell, f.indicator_code, f.measure, f.value, f.period_key, a.area_code
            FROM fact_observation f JOIN dim_area a ON a.area_id = f.area_id
            JOIN v_observation o ON o.submission_id = f.submission_id AND o.period_key = f.period_key AND o.area_id = f.area_id AND o.indicator_code = f.indicator_code AND o.measure = f.measure
            """).ToList();
        var expectedValues = typed.Expected.OfType<ExpectedValue>().ToList();
        var byKey = expectedValues.GroupBy(e => (e.Indicator, e.Measure, e.Period, e.Area)).ToDictionary(g => g.Key, g => g.ToList());

        // Every figure is there, with the value typed and one of the cells that hold it.
        foreach (var (key, cells) in byKey)
        {
            var row = Assert.Single(stored, s => (s.Indicator, s.Measure, s.Period, s.Area) == key);
            Assert.True(row.Value == cells[0].Value, $"{key}: stored {row.Value}, typed {cells[0].Value} at {cells[0].Sheet}!{cells[0].Cell}");
            Assert.Contains(cells, c => c.Sheet == row.Sheet && c.Cell == row.Cell);
        }

        // Nothing else: no figure was read into the wrong indicator or measure.
        var unexpected = stored.Where(s => !byKey.ContainsKey((s.Indicator, s.Measure, s.Period, s.Area))).ToList();
        Assert.True(unexpected.Count == 0, "unexpected values: " + string.Join("; ", unexpected.Select(u => $"{u.Sheet}!{u.Cell} {u.Indicator} {u.Measure} {u.Period} {u.Area} = {u.Value}")));

        // Targets, with their comparators.
        var targets = connection.Query<(string Area, int Year, string Indicator, string Comparator, decimal Value, string Sheet, string Cell)>(
            "SELECT area_code, year, indicator_code, comparator, value, sheet, cell FROM v_target WHERE submission_id IS NOT NULL").ToList();
        var expectedTargets = typed.Expected.OfType<ExpectedTarget>().ToList();
        Assert.Equal(expectedTargets.Count, targets.Count);
        foreach (var target in expectedTargets)
        {
            var row = Assert.Single(targets, t => t.Year == target.Year && t.Indicator == target.Indicator && t.Area == typed.Area);
            Assert.Equal((target.Comparator, target.Value, target.Sheet, target.Cell), (row.Comparator, row.Value, row.Sheet, row.Cell));
        }

        // Comparisons and shares of plans are left out, as the definition says.
        foreach (var (sheet, cell, text) in typed.Derived)
        {
            Assert.DoesNotContain(stored, s => s.Sheet == sheet && s.Cell == cell);
        }

        output.WriteLine($"{expectedValues.Count} figures in {byKey.Count} values, {expectedTargets.Count} targets, {typed.Derived.Count} comparisons left out.");
    }
}
