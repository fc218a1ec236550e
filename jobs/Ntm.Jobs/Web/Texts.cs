using System.Collections.Frozen;
using System.Text.Json;

namespace Ntm.Jobs.Web;

/// <summary>The dashboard's own words in Vietnamese and English, from <c>Assets/texts.json</c>; the figures' names stay as the warehouse holds them.</summary>
public static class Texts
{
    private static readonly FrozenDictionary<string, string[]> Words = Load();

    /// <summary>The languages, Vietnamese first (the default).</summary>
    public static IReadOnlyList<string> Languages { get; } = ["vi", "en"];

    /// <summary>The text of <paramref name="key"/> in <paramref name="language"/>; a missing key is a programming error.</summary>
    public static string Get(string language, string key) =>
        Words.TryGetValue(key, out var texts) ? texts[language == "en" ? 1 : 0] : throw new KeyNotFoundException($"No dashboard text '{key}'.");

    /// <summary>Every key, for the test that each has both languages.</summary>
    public static IReadOnlyCollection<string> Keys => Words.Keys;

    private static FrozenDictionary<string, string[]> Load()
    {
        using var stream = typeof(Texts).Assembly.GetManifestResourceStream("Ntm.Web.texts.json")
            ?? throw new InvalidOperationException("The dashboard's texts (Ntm.Web.texts.json) are not embedded.");
        var words = JsonSerializer.Deserialize<Dictionary<string, string[]>>(stream) ?? [];
        foreach (var (key, texts) in words)
        {
            if (texts.Length != 2 || texts.Any(string.IsNullOrWhiteSpace))
            {
                throw new InvalidOperationException($"The dashboard text '{key}' needs a Vietnamese and an English text.");
            }
        }

        return words.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
