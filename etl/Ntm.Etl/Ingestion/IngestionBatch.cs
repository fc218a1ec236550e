using Ntm.Domain.Statuses;
using Ntm.Etl.Validation;

namespace Ntm.Etl.Ingestion;

/// <summary>
/// The files of one ingestion run, in the order they arrived (last-write time, then name), so a
/// correction sent after its original is read after it. Built from the inbox or from paths
/// named on the command line. What is not taken is said, not skipped silently: links (never
/// followed), names the system cannot open, files still being copied (their size or time changed
/// within the settling time, or another program holds them). Office's owner files
/// (<c>~$…</c>), <c>Thumbs.db</c>, <c>desktop.ini</c>, hidden files and the product's own
/// temporary files are left alone without a word.
/// </summary>
public sealed record IngestionBatch(IReadOnlyList<SubmittedFile> Files, IReadOnlyList<IngestFileResult> NotTaken)
{
    private static readonly HashSet<string> SystemFiles = new(StringComparer.OrdinalIgnoreCase) { "thumbs.db", "desktop.ini", ".ds_store", "ehthumbs.db" };

    /// <summary>
    /// Plans a batch over <paramref name="paths"/> (files, or folders read at their top level;
    /// the inbox when empty). A file is taken when unchanged for <paramref name="settle"/> before
    /// <paramref name="nowUtc"/> (the file system's clock) and not held open by a writer.
    /// </summary>
    public static IngestionBatch Plan(IReadOnlyList<string> paths, string inbox, TimeSpan settle, DateTime nowUtc)
    {
        var inboxFull = System.IO.Path.GetFullPath(inbox);
        var files = new List<SubmittedFile>();
        var notTaken = new List<IngestFileResult>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var given in paths.Count == 0 ? [inboxFull] : paths)
        {
            var full = System.IO.Path.GetFullPath(given);
            var candidates = Directory.Exists(full) && new DirectoryInfo(full).LinkTarget is null
                ? Directory.EnumerateFileSystemEntries(full).Where(e => !Directory.Exists(e) || new FileInfo(e).LinkTarget is not null)
                : [full];
            foreach (var path in candidates)
            {
                if (!seen.Add(path))
                {
                    continue;
                }

                var name = System.IO.Path.GetFileName(path);
                var origin = string.Equals(System.IO.Path.GetDirectoryName(path), inboxFull, StringComparison.Ordinal) ? FileOrigin.Inbox : FileOrigin.CommandLine;
                if (origin == FileOrigin.Inbox && name.StartsWith(FileStore.TakingPrefix, StringComparison.Ordinal) && name.Length > FileStore.TakingPrefix.Length)
                {
                    // Renamed aside by a run that stopped before removing it: taken again under its own name
                    // (the ledger then knows it, or it is read as any other file).
                    name = name[FileStore.TakingPrefix.Length..];
                }
                else if (IsIgnored(name))
                {
                    continue;
                }

                var info = new FileInfo(path);
                if (name.Contains('\uFFFD', StringComparison.Ordinal) && !info.Exists && info.LinkTarget is null)
                {
                    notTaken.Add(IngestFileResult.NotTaken(name, IngestOutcome.Rejected, Finding.Error(null, null, "unreadable_name",
                        $"Tên tệp '{name}' không phải văn bản UTF-8 nên không mở được; hãy đổi tên tệp (chỉ dùng chữ, số, dấu gạch) rồi nạp lại. Tệp được để nguyên chỗ cũ.")));
                    continue;
                }

                if (info.LinkTarget is not null)
                {
                    notTaken.Add(IngestFileResult.NotTaken(name, IngestOutcome.Rejected, Finding.Error(null, null, "link",
                        $"'{name}' là một liên kết (symlink) tới '{info.LinkTarget}', không phải tệp; liên kết không được mở và được để nguyên chỗ cũ.")));
                    continue;
                }

                if (!info.Exists)
                {
                    if (paths.Count > 0 && origin == FileOrigin.CommandLine)
                    {
                        notTaken.Add(IngestFileResult.NotTaken(name, IngestOutcome.Rejected, Finding.Error(null, null, "missing", $"Không tìm thấy tệp '{given}'.")));
                    }

                    continue;
                }

                if (origin == FileOrigin.Inbox && !IsSettled(info, settle, nowUtc))
                {
                    notTaken.Add(IngestFileResult.NotTaken(name, IngestOutcome.Skipped, Finding.Warning(null, null, "not_settled",
                        $"Tệp '{name}' vừa thay đổi hoặc đang được chép vào; sẽ nạp ở lần chạy sau.")));
                    continue;
                }

                files.Add(new SubmittedFile(path, name, origin, info.LastWriteTimeUtc));
            }
        }

        return new IngestionBatch(
            files.OrderBy(f => f.LastWriteUtc).ThenBy(f => f.Name, StringComparer.Ordinal).ToList(),
            notTaken);
    }

    /// <summary>
    /// Plans a batch, and when some inbox files were written within <paramref name="settle"/>,
    /// waits once until they would have settled and looks again: a file still changing then is
    /// left for the next run.
    /// </summary>
    public static IngestionBatch PlanWhenSettled(IReadOnlyList<string> paths, string inbox, TimeSpan settle, TimeProvider clock, CancellationToken cancellation = default)
    {
        // File times are the file system's; the clock compared with them is the product's clock, the system's in production.
        var batch = Plan(paths, inbox, settle, clock.GetUtcNow().UtcDateTime);
        if (settle <= TimeSpan.Zero || batch.NotTaken.All(n => n.Findings[0].Rule != "not_settled"))
        {
            return batch;
        }

        cancellation.WaitHandle.WaitOne(settle);
        return Plan(paths, inbox, settle, clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>Office's owner and temporary files, system files, hidden files and the product's own temporary files.</summary>
    public static bool IsIgnored(string name) =>
        name.StartsWith("~$", StringComparison.Ordinal) || name.StartsWith('.') || SystemFiles.Contains(name)
        || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".partial", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".crdownload", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".part", StringComparison.OrdinalIgnoreCase);

    private static bool IsSettled(FileInfo info, TimeSpan settle, DateTime nowUtc)
    {
        if (settle > TimeSpan.Zero && nowUtc - info.LastWriteTimeUtc < settle)
        {
            return false;
        }

        if (info.Length == 0)
        {
            return true; // Empty, or a pipe, socket or device: rejected without being opened (opening a pipe would wait for a writer).
        }

        try
        {
            // A writer that still holds the file (Windows enforces this; elsewhere it is advisory) means it is not done.
            using var stream = new FileStream(info.FullName, FileMode.Open, FileAccess.Read, FileShare.Read);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return true; // Unreadable: the ingestion says so as a rejection.
        }
    }
}
