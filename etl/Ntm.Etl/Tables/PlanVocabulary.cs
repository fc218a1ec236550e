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
        Plan = Keys(file.Plan);
        Report = Keys(file.Report);
        NameSeparators = file.NameSeparators.Select(w => w.Trim().ToLowerInvariant()).Concat(Keys(file.NameSeparators)).Distinct().ToList();
        UnitWords = Keys(file.UnitWords);
        ListWords = Keys(file.ListWords);
        Totals = Keys(file.Totals);
    }

    /// <summary>The vocabulary shipped with the product.</summary>
    public static PlanVocabulary BuiltIn { get; } = new(new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build()
        .Deserialize<PlansFile>(TableVocabulary.Resource("plans.yaml")));

    /// <summary>Words naming a target, longest first, with the code of keeping it when there is one.</summary>
    public IReadOnlyList<(string Key, string Code, string? Keep)> Targets { get; }

    /// <summary>Words that make a target one of keeping it.</summary>
    public IReadOnlyList<string> Keep { get; }

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

    /// <summary>Words of a total.</summary>
    public IReadOnlyList<string> Totals { get; }

    /// <summary>The target a label names, the longest words first; "duy trì" makes it the target of keeping it.</summary>
    public string? Target(string text)
    {
        var key = $" {VietnameseText.Key(text)} ";
        foreach (var (words, code, keep) in Targets)
        {
            if (key.Contains($" {words} ", StringComparison.Ordinal))
            {
                return keep is not null && Keep.Any(k => key.Contains($" {k} ", StringComparison.Ordinal)) ? keep : code;
            }
        }

        return null;
    }

    /// <summary>True when a title's words say the table is a plan (and not a report of results).</summary>
    public bool IsPlanTitle(string text)
    {
        var key = $" {VietnameseText.Key(text)} ";
        return Plan.Any(p => key.Contains($" {p} ", StringComparison.Ordinal)) && !Report.Any(r => key.Contains($" {r} ", StringComparison.Ordinal));
    }

    private static List<string> Keys(IEnumerable<string> words) => words.Select(VietnameseText.Key).Where(k => k.Length > 0).OrderByDescending(k => k.Length).ToList();

    private sealed class PlansFile
    {
        public List<TargetEntry> Targets { get; set; } = [];

        public List<string> Keep { get; set; } = [];

        public List<string> Plan { get; set; } = [];

        public List<string> Report { get; set; } = [];

        public List<string> NameSeparators { get; set; } = [];

        public List<string> UnitWords { get; set; } = [];

        public List<string> ListWords { get; set; } = [];

        public List<string> Totals { get; set; } = [];
    }

    private sealed class TargetEntry
    {
        public string Code { get; set; } = string.Empty;

        public string? Keep { get; set; }

        public List<string> Words { get; set; } = [];
    }
}
