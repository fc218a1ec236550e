using Ntm.Domain.Statuses;
using Ntm.Etl.Ingestion;
using Ntm.Warehouse;

namespace Ntm.Etl.Tests.Ingestion;

/// <summary>ExcelDataReader's own test workbooks (many producers, broken ones included): each is accepted or quarantined with a reason, none crashes.</summary>
[Collection(nameof(WarehouseFixture))]
public sealed class ExcelDataReaderCorpusTests(WarehouseFixture fixture) : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Every_workbook_of_the_corpus_is_accepted_or_quarantined_with_a_reason()
    {
        var corpus = TestData.Path("exceldatareader");
        var files = Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith("LICENSE", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count > 300, $"expected the corpus of ~367 files, found {files.Count}");

        var home = fixture.NewHome(directory);
        var inbox = new List<string>();
        var hashes = new Dictionary<string, string>();
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(corpus, file).Replace(Path.DirectorySeparatorChar, '_');
            var target = Path.Combine(home.Inbox, relative);
            File.Copy(file, target);
            inbox.Add(target);
            hashes[relative] = FileStore.Sha256(target);
        }

        using var connection = new WarehouseDatabase(home.WarehouseFile).OpenForWriting();
        var service = new IngestionService(connection, home, TimeProvider.System);
        var results = service.Ingest(IngestionBatch.Plan([], home.Inbox, TimeSpan.Zero, DateTime.UtcNow), new IngestionOptions()).ToList();

        Assert.All(results, r => Assert.Contains(r.Outcome, new[] { IngestOutcome.Accepted, IngestOutcome.Rejected, IngestOutcome.Duplicate }));
        // Nothing lost: every rejected file is in the quarantine with its findings, every other one in the archive.
        var rejected = results.Where(r => r.Outcome == IngestOutcome.Rejected).ToList();
        Assert.All(rejected, r => Assert.NotEmpty(r.Findings));
        Assert.Equal(rejected.Count, Directory.GetFiles(home.Quarantine, "*.findings.json").Length);
        Assert.Equal(rejected.Count, Directory.GetFiles(home.Quarantine).Count(f => !f.EndsWith(".findings.json", StringComparison.Ordinal)));
        var kept = results.Where(r => r.Outcome != IngestOutcome.Rejected).Select(r => hashes[r.File]).Distinct().Count();
        Assert.Equal(kept, Directory.GetFiles(home.Archive).Length);
        Assert.Empty(Directory.GetFiles(home.Inbox));
    }
}
