using Ntm.Etl.Reading;

namespace Ntm.Etl.Tests.Family;

/// <summary>
/// The family's .xls files in tests/fixtures/family were saved by LibreOffice from the definitions
/// (tests/fixtures/family/make-xls.sh): each still holds what its definition types, cell for cell
/// and merge for merge. When a definition changes, run the script again.
/// </summary>
public sealed class FamilyFixtureFileTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    public static TheoryData<string> Names => new(FamilyTables.All.Where(t => t.Formats.Contains("xls")).Select(t => t.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void The_committed_xls_holds_what_the_definition_says(string name)
    {
        var table = FamilyTables.All.Single(t => t.Name == name);
        var fresh = new WorkbookReader().Read(table.Build().Builder.Save(directory.File(name + ".xlsx")));
        var committed = new WorkbookReader().Read(TestData.Fixtures("family", name + ".xls"));

        Assert.Equal(fresh.Sheets.Select(s => s.Name), committed.Sheets.Select(s => s.Name));
        foreach (var (expected, actual) in fresh.Sheets.Zip(committed.Sheets))
        {
            Assert.Equal(expected.Cells.Select(c => (c.Address, c.Text)), actual.Cells.Select(c => (c.Address, c.Text)));
            Assert.Equal(expected.Merged.OrderBy(m => m.FromRow).ThenBy(m => m.FromColumn), actual.Merged.OrderBy(m => m.FromRow).ThenBy(m => m.FromColumn));
        }
    }
}
