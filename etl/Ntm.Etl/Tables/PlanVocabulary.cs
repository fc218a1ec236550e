using Ntm.Domain.Text;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Ntm.Etl.Tables;

/// <summary>The words of plans (<c>vocabulary/plans.yaml</c>), as matching keys.</summary>
public sealed class PlanVocabulary
{
    private PlanVocabulary(PlansFile file)
    {
        Targets = file.Targets.SelectMany(t => t.Words.Select(w => (Key: VietnameseText.Key(w), t.Code, t.Keep)))
            .Where(t => t.Key.Length > 0).OrderByDescending(t => t.Key.Length).ToList();
        Keep = Keys(file.Keep);
        Reach = Keys(file.Reach);
        Plan = Keys(file.Plan);
        Report = Keys(file.Report);
        NameSeparators = file.NameSeparators.Select(w => w.Trim().ToLowerInvariant()).Concat(Keys(file.NameSeparators)).Distinct().ToList();
        UnitWords = Keys(file.UnitWords);
        ListWords = Keys(file.ListWords);
        Totals = Keys(file.Totals);
        CountHeaders = Keys(file.CountHeaders);
        NotNames = Keys(file.NotNames);
        VillageWords = Keys(file.Villages.Words);
        VillageTargets = file.Villages.Targets;
    }

    /// <summary>The vocabulary shipped with the product.</summary>
    public static PlanVocabulary BuiltIn { get; } = new(new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build()
        .Deserialize<PlansFile>(TableVocabulary.Resource("plans.yaml")));

    /// <summary>Words naming a target, longest first, with the code of keeping it when there is one.</summary>
    public IReadOnlyList<(string Key, string Code, string? Keep)> Targets { get; }

    /// <summary>Words that make a target one of keeping it.</summary>
    public IReadOnlyList<string> Keep { get; }

    /// <summary>Words that make a target one of reaching it.</summary>
    public IReadOnlyList<string> Reach { get; }

    /// <summary>Words of a plan's title.</summary>
    public IReadOnlyList<string> Plan { get; }

    /// <summary>Words of a report's title.</summary>
    public IReadOnlyList<string> Report { get; }

    /// <summary>Words between names, as written and without their marks.</summary>
    public IReadOnlyList<string> NameSeparators { get; }

    /// <summary>Words of units counted ("xã", "thôn").</summary>
    public IReadOnlyList<string> UnitWords { get; }

    /// <summary>Words before a list ("gồm").</summary>
    public IReadOnlyList<string> ListWords { get; }

    /// <summary>Words of a cell that stands for communes without naming them ("Các xã còn lại").</summary>
    public IReadOnlyList<string> NotNames { get; }

    /// <summary>Words of a header of counts.</summary>
    public IReadOnlyList<string> CountHeaders { get; }

    /// <summary>True when a header says its column holds counts.</summary>
    public bool IsCountHeader(string text)
    {
        var key = VietnameseText.Key(text);
        return CountHeaders.Any(c => HeaderKey.Contains(key, c));
    }

    /// <summary>Words of villages.</summary>
    public IReadOnlyList<string> VillageWords { get; }

    /// <summary>A commune's target → the village's.</summary>
    public IReadOnlyDictionary<string, string> VillageTargets { get; }

    /// <summary>True when <paramref name="target"/> counts villages, not communes.</summary>
    public bool IsVillageTarget(string target) => VillageTargets.Values.Contains(target);

    /// <summary>Words of a total.</summary>
    public IReadOnlyList<string> Totals { get; }

    /// <summary>The target a label names, the longest words first, with "duy trì" applied when the target has a code of keeping it.</summary>
    public string? Target(string text) => TargetsIn(text) is [var first, ..] ? Apply(first, Qualifier(text)) : null;

    /// <summary>The targets a text names, each once (base codes, longest words first, no word counted twice): a label's is the first, a title that names several names no one target.</summary>
    public IReadOnlyList<string> TargetsIn(string text)
    {
        var key = $" {VietnameseText.Key(text)} ";
        var found = new List<string>();
        foreach (var (words, code, _) in Targets)
        {
            var at = key.IndexOf($" {words} ", StringComparison.Ordinal);
            while (at >= 0)
            {
                if (!found.Contains(code))
                {
                    found.Add(code);
                }

                // The words are used up: "nông thôn mới nâng cao" is not also "nông thôn mới".
                key = key[..(at + 1)] + new string('#', words.Length) + key[(at + 1 + words.Length)..];
                at = key.IndexOf($" {words} ", StringComparison.Ordinal);
            }
        }

        // A village's word beside a level ("thôn, khu dân cư đạt chuẩn NTM"), outside the words already used.
        return VillageWords.Any(v => key.Contains($" {v} ", StringComparison.Ordinal))
            ? found.Select(f => VillageTargets.GetValueOrDefault(f, f)).Distinct().ToList()
            : found;
    }

    /// <summary>True when a text says "keep it", false when it says "reach it", null when neither or both.</summary>
    public bool? Qualifier(string text)
    {
        var key = VietnameseText.Key(text);
        var keep = Keep.Any(k => HeaderKey.Contains(key, k));
        var reach = Reach.Any(r => HeaderKey.Contains(key, r));
        return keep == reach ? null : keep;
    }

    /// <summary>The code of <paramref name="target"/> (a base code) kept or reached.</summary>
    public string Apply(string target, bool? keep) =>
        keep == true && Targets.FirstOrDefault(t => t.Code == target).Keep is { } kept ? kept : target;

    /// <summary>True when a title's words say the table is a plan (and not a report of results).</summary>
    public bool IsPlanTitle(string text)
    {
        var key = VietnameseText.Key(text);
        return Plan.Any(p => HeaderKey.Contains(key, p)) && !Report.Any(r => HeaderKey.Contains(key, r));
    }

    private static List<string> Keys(IEnumerable<string> words) => words.Select(VietnameseText.Key).Where(k => k.Length > 0).OrderByDescending(k => k.Length).ToList();

    private sealed class PlansFile
    {
        public List<TargetEntry> Targets { get; set; } = [];

        public List<string> Keep { get; set; } = [];

        public List<string> Reach { get; set; } = [];

        public List<string> Plan { get; set; } = [];

        public List<string> Report { get; set; } = [];

        public List<string> NameSeparators { get; set; } = [];

        public List<string> UnitWords { get; set; } = [];

        public List<string> ListWords { get; set; } = [];

        public List<string> Totals { get; set; } = [];

        public List<string> CountHeaders { get; set; } = [];

        public List<string> NotNames { get; set; } = [];

        public VillagesEntry Villages { get; set; } = new();
    }

    private sealed class VillagesEntry
    {
        public List<string> Words { get; set; } = [];

        public Dictionary<string, string> Targets { get; set; } = [];
    }

    private sealed class TargetEntry
    {
        public string Code { get; set; } = string.Empty;

        public string? Keep { get; set; }

        public List<string> Words { get; set; } = [];
    }
}
