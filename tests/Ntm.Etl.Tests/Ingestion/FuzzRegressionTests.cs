using Ntm.Etl.Ingestion;
using Ntm.Warehouse;

namespace Ntm.Etl.Tests.Ingestion;

/// <summary>
/// Every input an hour of fuzzing the reader made crash, hang or say too much (mutated real
/// workbooks: digits of other scripts in a title or a file name, a zip whose central directory
/// lies, a denominator of 10⁻²⁸, a sheet of 55,000 text rows over one figure, 5,000 unknown labels,
/// cells of 30,000 characters) gets a verdict like any file: no exception, no
/// <c>processing_failed</c>, every message bounded. <c>tests/fixtures/fuzz/</c>.
/// </summary>
[Collection(nameof(WarehouseFixture))]
public sealed class FuzzRegressionTests(WarehouseFixture fixture) : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    public static TheoryData<string> Files() =>
        new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "fixtures", "fuzz")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Files))]
    public void A_fuzzed_file_gets_a_verdict_with_bounded_findings(string name)
    {
        var home = fixture.NewHome(directory);
        using var connection = new WarehouseDatabase(home.WarehouseFile).OpenForWriting();
        var service = new IngestionService(connection, home, new FixedClock(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.FromHours(7))));

        var prepared = service.Check(Path.Combine(AppContext.BaseDirectory, "fixtures", "fuzz", name), new IngestionOptions());

        Assert.DoesNotContain(prepared.Findings, f => f.Rule == "processing_failed");
        Assert.All(prepared.Findings, f => Assert.InRange(f.Message.Length, 1, Validation.Finding.MaxMessage));
        Assert.InRange(prepared.Findings.Count, prepared.Accepted ? 0 : 1, 2_000);
    }
}
