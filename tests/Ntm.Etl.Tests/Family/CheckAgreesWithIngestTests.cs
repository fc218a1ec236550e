using Ntm.Domain.Statuses;
using Ntm.Etl.Ingestion;
using Ntm.Warehouse;

namespace Ntm.Etl.Tests.Family;

/// <summary>
/// <c>ntm template check</c> runs ingestion's own path up to the commit: on every fixture workbook
/// (accepted or rejected ones alike) its verdict, the template it names and the number of figures it
/// shows are what <c>ntm ingest</c> then does.
/// </summary>
[Collection(nameof(WarehouseFixture))]
public sealed class CheckAgreesWithIngestTests(WarehouseFixture fixture) : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    public static TheoryData<string> Files() =>
        new(Directory.GetFiles(TestData.Fixtures("workbooks")).Concat(Directory.GetFiles(TestData.Fixtures("family"), "*.xls")).Select(Path.GetFileName).Order(StringComparer.Ordinal).Select(f => f!));

    [Theory]
    [MemberData(nameof(Files))]
    public void Check_gives_ingestion_s_verdict(string file)
    {
        var path = File.Exists(TestData.Fixtures("workbooks", file)) ? TestData.Fixtures("workbooks", file) : TestData.Fixtures("family", file);
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.FromHours(7)));
        var home = fixture.NewHome(directory);
        PreparedFile check;
        using (var connection = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly())
        {
            check = new IngestionService(connection, home, clock).Check(path, new IngestionOptions());
        }

        var result = Assert.Single(WarehouseFixture.Ingest(home, clock: clock, paths: path));

        Assert.Equal(check.Accepted, result.Outcome == IngestOutcome.Accepted);
        Assert.Equal(check.Template, result.Template);
        Assert.Equal(check.Findings.Select(f => (f.Rule, f.Cell)), result.Findings.Select(f => (f.Rule, f.Cell)));
        if (check.Accepted)
        {
            Assert.Equal(check.Values.DistinctBy(v => v.Figure).Count() + check.Result.Targets.Count, result.Values);
        }
    }
}
