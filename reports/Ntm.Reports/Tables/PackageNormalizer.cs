using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Ntm.Reports.Tables;

/// <summary>
/// Makes an Office package (.xlsx) depend only on its content: System.IO.Packaging names
/// relationships with random ids ("R1a2b…") and stamps zip entries with the time of writing, so
/// the same workbook written twice differs byte for byte. The ids are renumbered in order of
/// appearance ("rId1", "rId2"…, the same everywhere they are referred to) and every entry gets one
/// fixed time. The same data then gives the same file: a demo run twice is all duplicates.
/// </summary>
public static partial class PackageNormalizer
{
    private static readonly DateTimeOffset FixedTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Rewrites the package at <paramref name="path"/> in its normal form.</summary>
    public static void Normalize(string path)
    {
        var entries = new List<(string Name, byte[] Content)>();
        using (var zip = ZipFile.OpenRead(path))
        {
            foreach (var entry in zip.Entries)
            {
                using var stream = entry.Open();
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                entries.Add((entry.FullName, buffer.ToArray()));
            }
        }

        // Random relationship ids, in the order the .rels parts (sorted by name) mention them.
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, content) in entries.Where(e => e.Name.EndsWith(".rels", StringComparison.Ordinal)).OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            foreach (Match match in RandomId().Matches(Encoding.UTF8.GetString(content)))
            {
                ids.TryAdd(match.Groups[1].Value, $"rIdN{ids.Count + 1}");
            }
        }

        using var output = new FileStream(path, FileMode.Create, FileAccess.Write);
        using var rewritten = new ZipArchive(output, ZipArchiveMode.Create);
        foreach (var (name, content) in entries.OrderBy(e => e.Name == "[Content_Types].xml" ? 0 : 1).ThenBy(e => e.Name, StringComparer.Ordinal))
        {
            var bytes = content;
            if (ids.Count > 0 && (name.EndsWith(".xml", StringComparison.Ordinal) || name.EndsWith(".rels", StringComparison.Ordinal)))
            {
                var text = Encoding.UTF8.GetString(content);
                var replaced = RandomIdReference().Replace(text, m => ids.TryGetValue(m.Groups[2].Value, out var id) ? m.Groups[1].Value + id + m.Groups[3].Value : m.Value);
                bytes = ReferenceEquals(text, replaced) ? content : Encoding.UTF8.GetBytes(replaced);
            }

            var entry = rewritten.CreateEntry(name, CompressionLevel.Optimal);
            entry.LastWriteTime = FixedTime;
            using var stream = entry.Open();
            stream.Write(bytes);
        }
    }

    [GeneratedRegex(@"Id=""(R[0-9a-fA-F]{8,})""")]
    private static partial Regex RandomId();

    [GeneratedRegex(@"(Id=""|r:id=""|:id="")(R[0-9a-fA-F]{8,})("")")]
    private static partial Regex RandomIdReference();
}
