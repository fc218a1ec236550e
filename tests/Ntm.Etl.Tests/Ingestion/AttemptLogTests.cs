using Ntm.Etl.Ingestion;

namespace Ntm.Etl.Tests.Ingestion;

/// <summary>
/// The journal of attempts: a file begun and not ended by a run that died counts one stopped
/// attempt; a live run's journal is not counted; a run that ends leaves nothing behind.
/// </summary>
public sealed class AttemptLogTests : IDisposable
{
    private static readonly string A = new('a', 64);
    private static readonly string B = new('b', 64);
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void A_dead_runs_journal_counts_the_files_it_began_and_never_ended()
    {
        Directory.CreateDirectory(directory.Path);
        File.WriteAllText(Path.Combine(directory.Path, "run-1-dead.log"), $"B {A}\nB {B}\nE {A}\n");
        var log = new AttemptLog(directory.Path);

        Assert.Equal([B], log.Unfinished());
        Assert.Equal("1", File.ReadAllText(Path.Combine(directory.Path, B)));
        Assert.False(File.Exists(Path.Combine(directory.Path, "run-1-dead.log")));

        // Read again, it stops the run again: two stopped attempts.
        using (log.Hold())
        {
            Assert.Equal(1, log.Begin(B));
        }

        var next = new AttemptLog(directory.Path);
        Assert.Equal([B], next.Unfinished());
        Assert.Equal(2, next.Begin(B));
        next.End(B);
        Assert.Empty(next.Unfinished());
        Assert.Empty(Directory.GetFiles(directory.Path));
    }

    [Fact]
    public void A_live_runs_journal_is_left_alone_and_a_finished_run_leaves_nothing()
    {
        Directory.CreateDirectory(directory.Path);
        var live = Path.Combine(directory.Path, "run-2-live.log");
        using (var held = new FileStream(live, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            held.Write(System.Text.Encoding.ASCII.GetBytes($"B {A}\n"));
            held.Flush();
            var log = new AttemptLog(directory.Path);
            Assert.Empty(log.Unfinished());
            Assert.True(File.Exists(live));

            using (log.Hold())
            {
                Assert.Equal(0, log.Begin(B));
                Assert.Equal(0, log.Begin(A));
                log.End(A);
                log.End(B);
            }

            Assert.Equal([live], Directory.GetFiles(directory.Path));
        }
    }

    [Fact]
    public void A_file_read_alone_without_a_batch_counts_a_dead_runs_journal_first()
    {
        Directory.CreateDirectory(directory.Path);
        File.WriteAllText(Path.Combine(directory.Path, "run-3-dead.log"), $"B {A}\n");
        var log = new AttemptLog(directory.Path);

        // No Unfinished() asked first (ntm ingest --again reads one file).
        using (log.Hold())
        {
            Assert.Equal(1, log.Begin(A));
            log.End(A);
        }

        Assert.Empty(Directory.GetFiles(directory.Path));
    }
}
