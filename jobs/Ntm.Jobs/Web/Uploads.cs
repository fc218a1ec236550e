using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Ntm.Domain.Statuses;
using Ntm.Etl.Ingestion;
using Ntm.Jobs.Scheduling;

namespace Ntm.Jobs.Web;

/// <summary>One uploaded file: the name it was sent with, where it was put, why it was refused, what ingestion made of it.</summary>
public sealed record UploadedFile(string Name, string? SavedAs, string? Refused, IngestFileResult? Result);

/// <summary>An upload's files and the ingest run that read them (null when none was saved).</summary>
public sealed record UploadReport(IReadOnlyList<UploadedFile> Files, JobResult? Run);

/// <summary>
/// Workbooks sent through the dashboard: each is written whole into the inbox (under a hidden name,
/// then renamed), then read at once by the same ingestion as every other file, one writer at a
/// time. When the warehouse is busy the files wait in the inbox for the next run, and the page says so.
/// </summary>
public sealed class Uploads(DashboardOptions options, DashboardJobs jobs, ILogger<Uploads> logger)
{
    /// <summary>The kinds of file ingestion reads.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".xlsx", ".xls", ".csv"];

    /// <summary>How long an upload waits for a job of this process that is writing before leaving the files in the inbox.</summary>
    public static readonly TimeSpan WriterWait = TimeSpan.FromSeconds(20);

    /// <summary>Saves the acceptable files among <paramref name="files"/> into the inbox and ingests them.</summary>
    public async Task<UploadReport> Receive(IReadOnlyList<IFormFile> files, CancellationToken cancellation)
    {
        options.Home.EnsureFolders();
        var outcomes = new List<UploadedFile>();
        foreach (var file in files)
        {
            // A browser may send a path; only the last part is the name.
            var name = Path.GetFileName(file.FileName.Replace('\\', '/')).Trim();
            var refusal = Refusal(name, file.Length);
            if (refusal is not null)
            {
                outcomes.Add(new UploadedFile(name.Length == 0 ? file.FileName : name, null, refusal, null));
                continue;
            }

            var saved = await Save(file, name, cancellation);
            logger.LogInformation("Upload {Name} saved to the inbox as {Saved} ({Bytes} bytes)", name, Path.GetFileName(saved), file.Length);
            outcomes.Add(new UploadedFile(name, saved, null, null));
        }

        var paths = outcomes.Where(o => o.SavedAs is not null).Select(o => o.SavedAs!).ToList();
        if (paths.Count == 0)
        {
            return new UploadReport(outcomes, null);
        }

        var job = jobs.Ingest(paths);
        var run = await Task.Run(() => job.RunOnce(null, null, WriterWait, cancellation), CancellationToken.None);
        if (run.Outcome == JobOutcome.Busy)
        {
            // The files wait in the inbox; the scheduler takes them when the warehouse is free.
            await jobs.RunNow(JobNames.IngestInbox, null, CancellationToken.None);
        }

        var byName = job.Results.GroupBy(r => r.File, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        return new UploadReport(outcomes.Select(o => o.SavedAs is { } path && byName.TryGetValue(Path.GetFileName(path), out var result) ? o with { Result = result } : o).ToList(), run);
    }

    /// <summary>Why a file is not saved: no name, not a workbook, empty, too large; null when it may be.</summary>
    private string? Refusal(string name, long length)
    {
        if (name.Length == 0 || name.StartsWith('.') || name.StartsWith("~$", StringComparison.Ordinal))
        {
            return $"Tên tệp '{name}' không dùng được; hãy đặt tên tệp bằng chữ và số rồi gửi lại.";
        }

        if (!Extensions.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase))
        {
            return $"'{name}' không phải bảng tính Excel hay CSV: chỉ nhận tệp {string.Join(", ", Extensions)}. Tệp không được lưu.";
        }

        if (length == 0)
        {
            return $"'{name}' rỗng (0 byte); tệp không được lưu.";
        }

        return length > options.MaxUploadBytes
            ? $"'{name}' lớn hơn {options.Settings.UploadMaxMegabytes} MB (upload_max_megabytes trong ntm.json); tệp không được lưu."
            : null;
    }

    /// <summary>Writes the file under a hidden name the inbox leaves alone, then gives it a free name beside the others.</summary>
    private async Task<string> Save(IFormFile file, string name, CancellationToken cancellation)
    {
        var inbox = options.Home.Inbox;
        var temporary = Path.Combine(inbox, $".ntm-upload-{Guid.NewGuid():N}");
        try
        {
            await using (var target = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                await file.CopyToAsync(target, cancellation);
                await target.FlushAsync(cancellation);
            }

            var stem = Path.GetFileNameWithoutExtension(name);
            var extension = Path.GetExtension(name);
            for (var n = 1; ; n++)
            {
                var path = Path.Combine(inbox, n == 1 ? name : $"{stem} ({n}){extension}");
                try
                {
                    File.Move(temporary, path, overwrite: false);
                    return path;
                }
                catch (IOException) when (File.Exists(path) && n < 1000)
                {
                    // A file of that name waits in the inbox: this one takes the next free name.
                }
            }
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
