using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ntm.Etl.Validation;

namespace Ntm.Etl.Ingestion;

/// <summary>
/// Writes submitted files into the archive (content-addressed: <c>&lt;sha256&gt;.ext</c>) and the
/// quarantine (original name, shortened when the file system would refuse it, with
/// <c>&lt;name&gt;.findings.json</c> beside it), from the bytes that were read and hashed. A
/// quarantined file is written to a temporary name first and renamed into place, so no half-written
/// file is ever left under a real name; an archive copy is written in place, its name being its hash
/// (a torn copy is known by it and written again); a full disk removes what was being written and says so.
/// </summary>
public static class FileStore
{
    /// <summary>Most file systems allow 255 bytes in a name.</summary>
    private const int MaxNameBytes = 255;

    /// <summary>The longest suffix added to a quarantined name (" (99)" and ".findings.json.partial").</summary>
    private const int ReservedBytes = 5 + 22;

    /// <summary>SHA-256 of some bytes, lower-case hex.</summary>
    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>SHA-256 of a file, read as a stream, lower-case hex.</summary>
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Where an accepted file with this hash is archived.</summary>
    public static string ArchivePath(string archive, string sha256, string originalName) =>
        Path.Combine(archive, sha256 + SafeExtension(originalName));

    /// <summary>
    /// Puts <paramref name="content"/> in the archive at <paramref name="target"/>, a name made of
    /// its hash, and says how (<see cref="ArchiveCopy"/>). An identical copy already there is left
    /// alone. The inbox file the bytes were read from (<paramref name="linkFrom"/>) is given the
    /// archive name as a second name when the system allows it and it still holds those bytes:
    /// no file is created, and removing the inbox name then frees nothing (on a disk without a
    /// journal, ext4 scans the files removed in the last half minute each time it creates one).
    /// A linked file is made read-only first (both names are one file: a program saving over the
    /// inbox name in place would write into the archive), and is not linked when that is refused.
    /// Otherwise the bytes are written into a new file (a copy whose bytes are not its name's hash
    /// can only be one a run stopped writing, which no submission records, or such a link: its name
    /// is removed first, and nothing is written through it). Either way the copy may still be in
    /// memory: <see cref="Sync"/> puts it on disk before the commit that records it.
    /// </summary>
    public static ArchiveCopy Archive(byte[] content, string target, string sha256, string? linkFrom = null)
    {
        if (File.Exists(target) && Sha256(target) == sha256)
        {
            return ArchiveCopy.AlreadyThere;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        TryDelete(target);
        if (linkFrom is not null && FileSystemCalls.TryLink(linkFrom, target))
        {
            if (ReadOnly(target) && Sha256(target) == sha256)
            {
                return ArchiveCopy.Linked;
            }

            // Saved again since it was read, or not ours to make read-only: the bytes read are written instead.
            TryDelete(target);
        }

        try
        {
            File.WriteAllBytes(target, content);
        }
        catch (IOException ex) when (DiskFullException.Is(ex))
        {
            TryDelete(target);
            throw DiskFullException.While("lưu tệp vào archive", ex);
        }
        catch
        {
            TryDelete(target);
            throw;
        }

        return ArchiveCopy.Written;
    }

    /// <summary>Makes a file read-only for everyone (the owner included); false when the system refuses.</summary>
    private static bool ReadOnly(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        try
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Writes to disk, and waits for, what the file system of <paramref name="directory"/> holds in memory (Linux; elsewhere nothing).</summary>
    public static void Sync(string directory) => FileSystemCalls.Sync(directory);

    /// <summary>
    /// A free name in the quarantine for <paramref name="fileName"/>: "x.xlsx", then "x (2).xlsx"…,
    /// shortened to what the file system allows; not one of <paramref name="reserved"/> (names given
    /// to rejections whose copies are written when their group is committed).
    /// </summary>
    public static string QuarantinePath(string quarantine, string fileName, IReadOnlySet<string>? reserved = null)
    {
        var stem = Shorten(Path.GetFileNameWithoutExtension(fileName), MaxNameBytes - ReservedBytes - Encoding.UTF8.GetByteCount(SafeExtension(fileName)));
        var extension = SafeExtension(fileName);
        var candidate = Path.Combine(quarantine, stem + extension);
        for (var i = 2; File.Exists(candidate) || File.Exists(candidate + ".findings.json") || reserved?.Contains(Path.GetFullPath(candidate)) == true; i++)
        {
            candidate = Path.Combine(quarantine, $"{stem} ({i}){extension}");
        }

        return candidate;
    }

    /// <summary>Writes the findings, then the file's bytes, into the quarantine at <paramref name="target"/>.</summary>
    public static void Quarantine(byte[]? content, string? source, string target, string originalName, string sha256, IReadOnlyList<Finding> findings)
    {
        var record = new QuarantineRecord(originalName, sha256, findings.Select(FindingRecord.Of).ToList());
        WriteAtomically(target + ".findings.json", JsonSerializer.SerializeToUtf8Bytes(record, EtlJson.Readable.QuarantineRecord), "ghi danh sách lỗi vào quarantine");

        if (content is not null)
        {
            WriteAtomically(target, content, "chuyển tệp vào quarantine");
        }
        else if (source is not null)
        {
            CopyAtomically(source, target, "chuyển tệp vào quarantine");
        }
    }

    /// <summary>The name an inbox file has while it is checked before its removal: hidden, and recognised by the next run should this one stop there.</summary>
    public const string TakingPrefix = ".ntm-taking-";

    /// <summary>
    /// Removes an inbox file that was handled, only if it still holds the bytes that were read
    /// (<paramref name="sha256"/>). It is first renamed aside, atomically, so that a file saved
    /// under its name from then on is a new file left alone; the renamed file is then hashed and
    /// removed, or, when it changed after it was read, put back (beside the new one if there is
    /// one) for the next run, and the warning returned says so. When the archive copy is the same
    /// file under a second name (<paramref name="linked"/>), a change reached it too: it is written
    /// again from the bytes read, as a file of its own.
    /// </summary>
    public static Finding? RemoveIfUnchanged(string path, string sha256, string name, LinkedCopy? linked = null)
    {
        var aside = Path.Combine(Path.GetDirectoryName(path)!, TakingPrefix + Path.GetFileName(path));
        if (Path.GetFileName(path).StartsWith(TakingPrefix, StringComparison.Ordinal))
        {
            aside = path; // Left aside by a run that stopped half way: already renamed.
        }
        else
        {
            try
            {
                File.Move(path, aside, overwrite: false);
            }
            catch (FileNotFoundException)
            {
                return null; // Already gone: another run took it after this one had read it.
            }
            catch (DirectoryNotFoundException)
            {
                return null;
            }
            catch (IOException)
            {
                // The name with the prefix is too long for the file system, or taken: hash in place.
                aside = path;
            }
        }

        string now;
        try
        {
            // Nothing of zero length is opened (a pipe would wait for a writer): it is the empty file it was.
            now = new FileInfo(aside).Length == 0 ? Sha256([]) : Sha256(aside);
        }
        catch (FileNotFoundException)
        {
            return null;
        }

        if (now == sha256)
        {
            File.Delete(aside);
            return null;
        }

        if (linked is not null && File.Exists(linked.Path) && Sha256(linked.Path) != sha256)
        {
            WriteAtomically(linked.Path, linked.Content, "lưu tệp vào archive");
            Sync(Path.GetDirectoryName(linked.Path)!);
        }

        var back = path;
        if (aside != path)
        {
            var original = Path.Combine(Path.GetDirectoryName(path)!, name);
            back = original;
            for (var i = 2; File.Exists(back); i++)
            {
                back = Path.Combine(Path.GetDirectoryName(original)!, $"{Path.GetFileNameWithoutExtension(original)} ({i}){Path.GetExtension(original)}");
            }

            File.Move(aside, back, overwrite: false);
        }

        return Finding.Warning(null, null, "changed_while_read",
            $"Tệp '{name}' đã được ghi lại trong khi đang được nạp: kết quả trên là của bản trước khi ghi lại; bản mới được để lại trong hộp thư{(Path.GetFileName(back) != name ? $" với tên '{Path.GetFileName(back)}'" : string.Empty)} và sẽ được nạp ở lần chạy sau.");
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="target"/> through a temporary name; a full disk leaves nothing behind.</summary>
    public static void WriteAtomically(string target, byte[] content, string what)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = target + ".partial";
        try
        {
            File.WriteAllBytes(temporary, content);
            File.Move(temporary, target, overwrite: true);
        }
        catch (IOException ex) when (DiskFullException.Is(ex))
        {
            TryDelete(temporary);
            throw DiskFullException.While(what, ex);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void CopyAtomically(string source, string target, string what)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = target + ".partial";
        try
        {
            File.Copy(source, temporary, overwrite: true);
            File.Move(temporary, target, overwrite: true);
        }
        catch (IOException ex) when (DiskFullException.Is(ex))
        {
            TryDelete(temporary);
            throw DiskFullException.While(what, ex);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Deletes a file, ignoring that it is not there.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: nothing more can be done about a temporary file here.
        }
        catch (UnauthorizedAccessException)
        {
            // Best effort as well.
        }
    }

    /// <summary>An extension that is short and plain (a name's "extension" may be anything).</summary>
    private static string SafeExtension(string name)
    {
        var extension = Path.GetExtension(name).ToLowerInvariant();
        return extension.Length is > 1 and <= 8 && extension.Skip(1).All(char.IsAsciiLetterOrDigit) ? extension : string.Empty;
    }

    /// <summary>Cuts <paramref name="text"/> to at most <paramref name="maxBytes"/> UTF-8 bytes, on a character boundary.</summary>
    private static string Shorten(string text, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }

        var builder = new StringBuilder();
        var bytes = 0;
        var enumerator = System.Globalization.StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            var size = Encoding.UTF8.GetByteCount(element);
            if (bytes + size > maxBytes - 3)
            {
                break;
            }

            builder.Append(element);
            bytes += size;
        }

        return builder.Append('…').ToString();
    }
}

/// <summary>How <see cref="FileStore.Archive"/> put a file in the archive.</summary>
public enum ArchiveCopy
{
    /// <summary>An identical copy was there: nothing was written.</summary>
    AlreadyThere,

    /// <summary>The bytes read were written into a new file.</summary>
    Written,

    /// <summary>The inbox file was given the archive name as a second name.</summary>
    Linked,
}

/// <summary>An archive copy that is the inbox file under a second name, and the bytes that were read from it.</summary>
public sealed record LinkedCopy(string Path, byte[] Content);
