using System.Security.Cryptography;
using System.Text.Json;
using Ntm.Etl.Validation;

namespace Ntm.Etl.Ingestion;

/// <summary>
/// Moves submitted files between the inbox, the archive (content-addressed: <c>&lt;sha256&gt;.ext</c>)
/// and the quarantine (original name, with <c>&lt;name&gt;.findings.json</c> beside it). A file is
/// never deleted unless an identical copy is already archived, and never left half-moved: copies
/// go to a temporary name first and are renamed into place.
/// </summary>
public static class FileStore
{
    /// <summary>SHA-256 of a file, lower-case hex.</summary>
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Where an accepted file with this hash is archived.</summary>
    public static string ArchivePath(string archive, string sha256, string originalName) =>
        Path.Combine(archive, sha256 + Path.GetExtension(originalName).ToLowerInvariant());

    /// <summary>Moves <paramref name="source"/> to <paramref name="target"/> in the archive; if an identical copy is there, removes the source.</summary>
    public static void Archive(string source, string target, string sha256)
    {
        if (File.Exists(target))
        {
            if (Sha256(target) != sha256)
            {
                throw new IOException($"Archive file {target} exists with different content; refusing to overwrite it.");
            }

            File.Delete(source);
            return;
        }

        MoveSafely(source, target);
    }

    /// <summary>A free name in the quarantine for <paramref name="fileName"/>: "x.xlsx", then "x (2).xlsx"…</summary>
    public static string QuarantinePath(string quarantine, string fileName)
    {
        var candidate = Path.Combine(quarantine, fileName);
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var extension = Path.GetExtension(fileName);
        for (var i = 2; File.Exists(candidate) || File.Exists(candidate + ".findings.json"); i++)
        {
            candidate = Path.Combine(quarantine, $"{stem} ({i}){extension}");
        }

        return candidate;
    }

    /// <summary>Writes the findings beside the quarantined file, then moves the file there.</summary>
    public static void Quarantine(string source, string target, string sha256, IReadOnlyList<Finding> findings)
    {
        var json = target + ".findings.json";
        var temporary = json + ".tmp";
        using (var stream = File.Create(temporary))
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("file", Path.GetFileName(source));
            writer.WriteString("sha256", sha256);
            FindingJson.WriteArray(writer, "findings", findings, withValues: true);
            writer.WriteEndObject();
        }

        File.Move(temporary, json, overwrite: true);
        MoveSafely(source, target);
    }

    private static void MoveSafely(string source, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = target + ".partial";
        File.Copy(source, temporary, overwrite: true);
        File.Move(temporary, target);
        File.Delete(source);
    }
}
