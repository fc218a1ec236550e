using Ntm.Etl.Reading;

namespace Ntm.Etl.Tests.Templates;

public sealed class FixtureWorkbookTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    public static TheoryData<string> Names => new(Fixtures.All.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void The_committed_xlsx_and_xls_hold_what_the_definitions_say(string name)
    {
        var fresh = new WorkbookReader().Read(Fixtures.All[name]().Save(directory.File(name + ".xlsx")));
        foreach (var extension in new[] { ".xlsx", ".xls" })
        {
            var committed = new WorkbookReader().Read(TestData.Fixtures("workbooks", name + extension));
            Assert.Equal(fresh.Sheets.Select(s => s.Name), committed.Sheets.Select(s => s.Name));
            foreach (var (expected, actual) in fresh.Sheets.Zip(committed.Sheets))
            {
                Assert.Equal(expected.Cells.Select(c => (c.Address, c.Text)), actual.Cells.Select(c => (c.Address, c.Text)));
                Assert.Equal(expected.Merged.OrderBy(m => m.FromRow).ThenBy(m => m.FromColumn), actual.Merged.OrderBy(m => m.FromRow).ThenBy(m => m.FromColumn));
            }
        }
    }
}
