using System.Security.Cryptography;
using System.Text;

namespace Ntm.Warehouse.ReferenceData;

/// <summary>
/// The reference data files: those built into the product (embedded from <c>ReferenceData/data/</c>)
/// and those a statistician adds as <c>&lt;home&gt;/reference/&lt;dataset&gt;/*.csv</c>, which
/// extend the built-in dataset of the same name (next year's criteria set, a province's override…).
/// </summary>
public sealed class ReferenceFiles
{
    private const string ResourcePrefix = "Ntm.Warehouse.ReferenceData.data.";
    private readonly Dictionary<string, List<CsvTable>> tables;

    private ReferenceFiles(Dictionary<string, List<CsvTable>> tables, string checksum)
    {
        this.tables = tables;
        Checksum = checksum;
    }

    /// <summary>SHA-256 over every file's name and content: unchanged checksum, nothing to reload.</summary>
    public string Checksum { get; }

    /// <summary>The datasets present and their files, for reporting.</summary>
    public IEnumerable<(string Dataset, IReadOnlyList<string> Files, int Rows)> Summary =>
        tables.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (t.Key, (IReadOnlyList<string>)t.Value.Select(v => v.Name).ToList(), t.Value.Sum(v => v.Rows.Count)));

    /// <summary>The built-in files, plus the user's from <paramref name="userFolder"/> when it exists.</summary>
    public static ReferenceFiles Load(string? userFolder = null)
    {
        var files = new List<(string Dataset, string Name, string Text)>();
        var assembly = typeof(ReferenceFiles).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal) && r.EndsWith(".csv", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var fileName = resource[ResourcePrefix.Length..];
            files.Add((Path.GetFileNameWithoutExtension(fileName), fileName, reader.ReadToEnd()));
        }

        if (userFolder is not null && Directory.Exists(userFolder))
        {
            foreach (var path in Directory.EnumerateFiles(userFolder, "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var dataset = Path.GetFileName(Path.GetDirectoryName(path)!);
                files.Add((dataset, Path.GetRelativePath(userFolder, path), File.ReadAllText(path, Encoding.UTF8)));
            }
        }

        return FromTexts(files);
    }

    /// <summary>Builds the set from texts (tests use this to add files without touching disk).</summary>
    public static ReferenceFiles FromTexts(IEnumerable<(string Dataset, string Name, string Text)> files)
    {
        var tables = new Dictionary<string, List<CsvTable>>(StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (dataset, name, text) in files.OrderBy(f => f.Dataset, StringComparer.Ordinal).ThenBy(f => f.Name, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{dataset}\n{name}\n{text.ReplaceLineEndings("\n")}\n"));
            if (!tables.TryGetValue(dataset, out var list))
            {
                tables[dataset] = list = [];
            }

            list.Add(CsvTable.Parse(name, text));
        }

        return new ReferenceFiles(tables, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>The built-in copy of a dataset that only the product ships (unit lists, crosswalks).</summary>
    public CsvTable BuiltIn(string dataset) =>
        tables.TryGetValue(dataset, out var list) && list.Count > 0 ? list[0] : throw new ReferenceDataException($"Thiếu bộ dữ liệu tham chiếu '{dataset}'.");

    /// <summary>Every row of a dataset, built-in first, then the user's files.</summary>
    public IEnumerable<IReadOnlyDictionary<string, string>> All(string dataset) =>
        tables.TryGetValue(dataset, out var list) ? list.SelectMany(t => t.Rows) : [];

    /// <summary>Every table of a dataset, so that messages can name the file.</summary>
    public IEnumerable<CsvTable> Tables(string dataset) =>
        tables.TryGetValue(dataset, out var list) ? list : [];
}
