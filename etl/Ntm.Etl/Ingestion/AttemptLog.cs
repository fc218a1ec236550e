using System.Globalization;

namespace Ntm.Etl.Ingestion;

/// <summary>
/// Which files a run began to read and never finished, by the hash of their bytes
/// (<c>state/reading/&lt;sha256&gt;</c> holding how many runs began it). A file whose reading stopped
/// the process (killed for its memory, or by a crash) twice is not read a third time: it is
/// quarantined, so that it cannot stop every later run and every scheduled firing.
/// </summary>
public sealed class AttemptLog(string folder)
{
    /// <summary>How many runs may stop while reading the same bytes before they are set aside.</summary>
    public const int MaxUnfinished = 2;

    /// <summary>Records that a run begins <paramref name="sha256"/>; returns how many runs began it before and did not finish.</summary>
    public int Begin(string sha256)
    {
        var path = Path.Combine(folder, sha256);
        var before = 0;
        try
        {
            before = int.TryParse(File.ReadAllText(path), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 1;
        }
        catch (IOException)
        {
            // Not begun before (or unreadable): a first attempt.
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(path, (before + 1).ToString(CultureInfo.InvariantCulture));
        return before;
    }

    /// <summary>The hashes of the files a run began to read and did not finish (usually none).</summary>
    public IReadOnlySet<string> Unfinished()
    {
        try
        {
            return Directory.Exists(folder) ? Directory.GetFiles(folder).Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.Ordinal) : new HashSet<string>();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new HashSet<string>();
        }
    }

    /// <summary>Records that the reading of <paramref name="sha256"/> ended with a verdict.</summary>
    public void End(string sha256) => FileStore.TryDelete(Path.Combine(folder, sha256));
}
