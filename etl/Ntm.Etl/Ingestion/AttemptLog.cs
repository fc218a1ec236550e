using System.Globalization;
using System.Text;

namespace Ntm.Etl.Ingestion;

/// <summary>
/// Which files a run began to read and never finished, by the hash of their bytes. A file whose
/// reading stopped the process (killed for its memory, or by a crash) twice is not read a third
/// time: it is quarantined, so that it cannot stop every later run and every scheduled firing.
/// <para>
/// A run writes "B &lt;sha256&gt;" when it begins a file and "E &lt;sha256&gt;" when the file has its
/// verdict to its own journal (<c>state/reading/run-….log</c>), one write each and no file created
/// per file; the journal is locked while its run lives and removed when the run ends. The next run
/// reads the journals of runs that died: a file begun and not ended there counts one more stopped
/// attempt in <c>state/reading/&lt;sha256&gt;</c> (how many runs stopped while reading it).
/// </para>
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The journal is open only while a Hold is: disposing the last Hold closes it.")]
public sealed class AttemptLog(string folder)
{
    /// <summary>How many runs may stop while reading the same bytes before they are set aside.</summary>
    public const int MaxUnfinished = 2;

    private const string JournalPrefix = "run-";

    private readonly Lock gate = new();
    private FileStream? journal;
    private int open;
    private int holds;

    // The files dead runs left unfinished (their counts on disk), known once per run.
    private HashSet<string>? counted;

    /// <summary>
    /// Keeps this run's journal open until disposed (a batch): between files it is emptied, not
    /// removed and created again for each file.
    /// </summary>
    public IDisposable Hold()
    {
        lock (gate)
        {
            holds++;
        }

        return new Holding(this);
    }

    /// <summary>Records that a run begins <paramref name="sha256"/>; returns how many runs began it before and did not finish.</summary>
    public int Begin(string sha256)
    {
        var before = 0;
        var path = Path.Combine(folder, sha256);
        try
        {
            // Usually not begun before: asked of what the dead runs left, without touching the disk.
            if (Counted().Contains(sha256) && File.Exists(path))
            {
                before = int.TryParse(File.ReadAllText(path), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 1;
            }
        }
        catch (IOException)
        {
            // Unreadable: a first attempt.
        }

        lock (gate)
        {
            Write($"B {sha256}\n");
            open++;
        }

        return before;
    }

    /// <summary>The hashes of the files runs began to read and did not finish (usually none), the journals of runs that died counted first.</summary>
    public IReadOnlySet<string> Unfinished()
    {
        lock (gate)
        {
            counted = null;
        }

        return Counted();
    }

    /// <summary>Records that the reading of <paramref name="sha256"/> ended with a verdict.</summary>
    public void End(string sha256)
    {
        if (Counted().Contains(sha256))
        {
            FileStore.TryDelete(Path.Combine(folder, sha256));
        }

        lock (gate)
        {
            Write($"E {sha256}\n");
            open = Math.Max(0, open - 1);
            if (open == 0)
            {
                Rest();
            }
        }
    }

    private HashSet<string> Counted()
    {
        lock (gate)
        {
            if (counted is null)
            {
                try
                {
                    // The journals of runs that died are counted first, whoever asks first: a batch, or one file read again.
                    foreach (var path in Directory.Exists(folder) ? Directory.GetFiles(folder, JournalPrefix + "*") : [])
                    {
                        CountDead(path);
                    }

                    counted = Directory.Exists(folder)
                        ? Directory.GetFiles(folder).Select(Path.GetFileName).OfType<string>().Where(n => !n.StartsWith(JournalPrefix, StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal)
                        : [];
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    counted = [];
                }
            }

            return counted;
        }
    }

    /// <summary>A dead run's journal: each file it began and did not end counts one stopped attempt; then it is removed. A live run's (locked) is left alone.</summary>
    private void CountDead(string path)
    {
        string text;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            using var reader = new StreamReader(stream, Encoding.ASCII);
            text = reader.ReadToEnd();
        }
        catch (IOException)
        {
            // Its run still holds it.
            return;
        }

        var begun = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length == 66 && line[1] == ' ' && line[0] is 'B' or 'E')
            {
                var sha = line[2..];
                begun[sha] = begun.GetValueOrDefault(sha) + (line[0] == 'B' ? 1 : -1);
            }
        }

        foreach (var (sha, unended) in begun.Where(b => b.Value > 0))
        {
            var count = Path.Combine(folder, sha);
            var before = 0;
            if (File.Exists(count))
            {
                before = int.TryParse(File.ReadAllText(count), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;
            }

            File.WriteAllText(count, (before + unended).ToString(CultureInfo.InvariantCulture));
        }

        FileStore.TryDelete(path);
    }

    private void Write(string line)
    {
        if (journal is null)
        {
            Directory.CreateDirectory(folder);
            journal = new FileStream(Path.Combine(folder, $"{JournalPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}.log"), FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1);
        }

        // Written through to the system at once: a process that dies next has left it on record.
        journal.Write(Encoding.ASCII.GetBytes(line));
        journal.Flush();
    }

    /// <summary>No file is being read: the journal is emptied, or removed when no batch holds it.</summary>
    private void Rest()
    {
        if (journal is null)
        {
            return;
        }

        if (holds > 0)
        {
            journal.SetLength(0);
            return;
        }

        var path = journal.Name;
        journal.Dispose();
        journal = null;
        FileStore.TryDelete(path);
    }

    private sealed class Holding(AttemptLog log) : IDisposable
    {
        private bool released;

        public void Dispose()
        {
            if (released)
            {
                return;
            }

            released = true;
            lock (log.gate)
            {
                log.holds--;
                if (log.open == 0)
                {
                    log.Rest();
                }
                else if (log.holds == 0 && log.journal is { } journal)
                {
                    // The run ends with files begun and never ended (it stopped on one): they count now,
                    // as a dead run's would, for the next run of this process too.
                    var path = journal.Name;
                    journal.Dispose();
                    log.journal = null;
                    log.open = 0;
                    log.counted = null;
                    log.CountDead(path);
                }
            }
        }
    }
}
