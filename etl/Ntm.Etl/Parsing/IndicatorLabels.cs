using System.Data.Common;
using System.Text.RegularExpressions;
using Dapper;
using Ntm.Domain.Text;

namespace Ntm.Etl.Parsing;

/// <summary>An indicator as label matching and reading need it.</summary>
public sealed record IndicatorLabel(
    string Code,
    string Kind,
    string? NumeratorCode,
    string? DenominatorCode,
    string NameVi,
    IReadOnlyList<string> Aliases,
    decimal Factor = 100m,
    string PeriodType = "stock",
    string? Better = null,
    string? Unit = null)
{
    /// <summary>True for a ratio computed from a numerator and a denominator.</summary>
    public bool IsRatio => Kind == "ratio";

    /// <summary>True for a count of events in a period (cases, visits), which adds up into a year-to-date.</summary>
    public bool IsFlow => PeriodType == "flow";
}

/// <summary>How a header's words stand to an indicator (<see cref="IndicatorLabels.Relation"/>).</summary>
public enum WordsRelation
{
    /// <summary>No word that few indicators use ("Số", "Tháng 9/2024", "Thực hiện").</summary>
    Silent,

    /// <summary>Words few indicators use, most of them (by weight) in the indicator's names.</summary>
    Shares,

    /// <summary>Words few indicators use, most of them not in the indicator's names: another quantity.</summary>
    Other,
}

/// <summary>What to teach for an unmatched label: the alias to add and the indicators it may be, best first.</summary>
public sealed record Suggestion(string Alias, IReadOnlyList<IndicatorLabel> Indicators);

/// <summary>
/// Matches spreadsheet labels to indicator codes by normalised text: case, diacritics, numbering
/// ("1.", "14.1.", "a)", "-", "*"), remarks in parentheses, punctuation and spacing are ignored,
/// but the signs of "M(+)" and "M(-)" are kept. A label that means different things in different
/// places ("Tổng số" under "Khám phát hiện" or under "Bệnh lành", "Quản lý, tư vấn BN được phát
/// hiện" in the asthma or the cancer table) is read with its context: an alias written
/// "context &gt; label" matches when the context's words appear in a row above it, the table's
/// title or its label header, nearest first.
/// </summary>
public sealed partial class IndicatorLabels
{
    private readonly Dictionary<string, IndicatorLabel> byCode;
    private readonly Dictionary<string, HashSet<string>> byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> byLooseKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Context, string Code)>> byContext = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> numeratorOf = new(StringComparer.Ordinal);
    private readonly Lazy<NameWords> wordsOfNames;
    private readonly Dictionary<(string Label, string Context, int Count), Suggestion> suggested = [];

    /// <summary>Builds the index over <paramref name="indicators"/>.</summary>
    public IndicatorLabels(IEnumerable<IndicatorLabel> indicators)
    {
        byCode = indicators.ToDictionary(i => i.Code, StringComparer.Ordinal);
        Ratios = byCode.Values.Where(i => i.IsRatio).ToList();
        // The words of every name and alias, for suggestions: worked out once, not for every unknown label.
        wordsOfNames = new(() => new NameWords(byCode.Values));
        foreach (var indicator in byCode.Values)
        {
            if (indicator.IsRatio && indicator.NumeratorCode is { } numerator)
            {
                if (!numeratorOf.TryGetValue(numerator, out var ratios))
                {
                    numeratorOf[numerator] = ratios = [];
                }

                ratios.Add(indicator.Code);
            }

            foreach (var text in indicator.Aliases.Prepend(indicator.NameVi))
            {
                var split = text.IndexOf(" > ", StringComparison.Ordinal);
                if (split > 0)
                {
                    var context = Canonical(VietnameseText.Key(text[..split]));
                    foreach (var key in Keys(text[(split + 3)..], numbered: false))
                    {
                        if (!byContext.TryGetValue(key, out var list))
                        {
                            byContext[key] = list = [];
                        }

                        list.Add((context, indicator.Code));
                    }

                    continue;
                }

                foreach (var key in Keys(text, numbered: false))
                {
                    if (!byKey.TryGetValue(key, out var codes))
                    {
                        byKey[key] = codes = new HashSet<string>(StringComparer.Ordinal);
                    }

                    codes.Add(indicator.Code);
                    var loose = WithoutCountWord(key) ?? key;
                    if (!byLooseKey.TryGetValue(loose, out var looseCodes))
                    {
                        byLooseKey[loose] = looseCodes = new HashSet<string>(StringComparer.Ordinal);
                    }

                    looseCodes.Add(indicator.Code);
                }
            }
        }
    }

    /// <summary>Every indicator.</summary>
    public IEnumerable<IndicatorLabel> All => byCode.Values;

    /// <summary>Every ratio (computed from a numerator and a denominator), in the catalogue's order.</summary>
    public IReadOnlyList<IndicatorLabel> Ratios { get; }

    /// <summary>Loads the catalogue and its aliases from the warehouse.</summary>
    public static IndicatorLabels Load(DbConnection connection)
    {
        var aliases = connection.Query<(string Code, string Alias)>("SELECT indicator_code, alias FROM indicator_alias ORDER BY indicator_code, alias")
            .GroupBy(a => a.Code).ToDictionary(g => g.Key, g => g.Select(a => a.Alias).ToList());
        var indicators = connection.Query<(string Code, string Kind, string? Numerator, string? Denominator, string NameVi, decimal? Factor, string PeriodType, string? Better, string? Unit)>(
            "SELECT indicator_code, kind, numerator_code, denominator_code, name_vi, factor, period_type, better, unit FROM dim_indicator ORDER BY indicator_code");
        return new IndicatorLabels(indicators.Select(i => new IndicatorLabel(i.Code, i.Kind, i.Numerator, i.Denominator, i.NameVi, aliases.GetValueOrDefault(i.Code, []), i.Factor ?? 100m, i.PeriodType, i.Better, i.Unit)));
    }

    /// <summary>Builds the index from the reference catalogue (without a warehouse).</summary>
    public static IndicatorLabels FromCatalog(Ntm.Warehouse.ReferenceData.IndicatorCatalog catalog) =>
        new(catalog.Indicators.Select(i => new IndicatorLabel(i.Code, i.Kind, i.NumeratorCode, i.DenominatorCode, i.NameVi, i.Aliases, i.Factor ?? 100m, i.PeriodType, i.Better, i.Unit)));

    /// <summary>The indicator with this code, or null.</summary>
    public IndicatorLabel? this[string code] => byCode.GetValueOrDefault(code);

    /// <summary>True when ratios of the catalogue divide by <paramref name="code"/> and none counts it ("Dân số").</summary>
    public bool IsDenominatorOnly(string code) => !numeratorOf.ContainsKey(code) && Ratios.Any(r => r.DenominatorCode == code);

    /// <summary>
    /// The ratio whose numerator is <paramref name="code"/>, when there is exactly one (a count's rate
    /// column belongs to it); with <paramref name="factor"/>, the one per that many (100 for a
    /// percentage, 1000 for ‰, 100000 for "/100.000 dân").
    /// </summary>
    public IndicatorLabel? RatioOf(string code, decimal? factor = null)
    {
        var ratios = numeratorOf.TryGetValue(code, out var codes) ? codes.Select(c => byCode[c]).Where(r => factor is null || r.Factor == factor).ToList() : [];
        return ratios.Count == 1 ? ratios[0] : null;
    }

    /// <summary>
    /// The matching keys of a label, most specific first: numbering removed ("1.", "a)", when
    /// <paramref name="numbered"/>: a sheet's label, not a catalogue name such as "T.Dau") and "(+)"/"(-)"
    /// kept as words; then also without remarks in parentheses ("… ( áp dụng cho cả nam và nữ)").
    /// </summary>
    public static IReadOnlyList<string> Keys(string label, bool numbered = true) =>
        numbered ? NumberedKeys.Of(label) : ComputeKeys(label, numbered: false);

    // The same labels come back in every report: their keys are made once (a list no caller changes).
    private static readonly TextMemo<IReadOnlyList<string>> NumberedKeys = new(label => ComputeKeys(label, numbered: true));

    private static System.Collections.ObjectModel.ReadOnlyCollection<string> ComputeKeys(string label, bool numbered)
    {
        label = VietnameseText.Head(label);
        var text = SignedMarker().Replace(numbered ? Numbering().Replace(label.TrimStart(), string.Empty) : label, m => m.Value.Contains('+', StringComparison.Ordinal) ? " duong " : " am ");
        // "<1 tuổi" is "dưới 1 tuổi", ">60" "trên 60"; "virus" is spelt "vi rút" too.
        text = text.Replace("<", " dưới ", StringComparison.Ordinal).Replace(">", " trên ", StringComparison.Ordinal);
        var full = Canonical(VietnameseText.Key(text));
        var brief = Canonical(VietnameseText.Key(Remark().Replace(text, " ")));
        var keys = new List<string>(4);
        foreach (var key in new[] { full, brief })
        {
            // "Bệnh sởi" and "Sởi" name the same disease: the word "bệnh" in front is optional.
            foreach (var variant in new[] { key, key.StartsWith("benh ", StringComparison.Ordinal) ? key[5..] : string.Empty })
            {
                if (variant.Length > 0 && !keys.Contains(variant))
                {
                    keys.Add(variant);
                }
            }
        }

        if (numbered && Numbering().IsMatch(label.TrimStart()))
        {
            // What looked like numbering may be the name itself ("T.Dau"): the whole text comes last.
            keys.AddRange(ComputeKeys(label, numbered: false).Where(k => !keys.Contains(k)));
        }

        return keys.AsReadOnly();
    }

    /// <summary>
    /// Spellings of one word made one: "virus" and "vi vút" (a common typing slip) are "vi rút"; "BN" is
    /// "bệnh nhân"; "trẻ em" is "trẻ" ("Tử vong trẻ &lt; 1 tuổi" and "Tử vong trẻ em dưới 1 tuổi" name one count).
    /// </summary>
    private static string Canonical(string key) =>
        $" {key} ".Replace(" virus ", " vi rut ", StringComparison.Ordinal).Replace(" vi vut ", " vi rut ", StringComparison.Ordinal)
            .Replace(" bn ", " benh nhan ", StringComparison.Ordinal).Replace(" tre em ", " tre ", StringComparison.Ordinal).Trim();

    /// <summary>
    /// A key with the words that change nothing taken out: a leading "số" ("Số trẻ…" and "Trẻ…"
    /// name the same count) and "được" ("Số bệnh nhân lao được phát hiện"); null when there are none.
    /// </summary>
    private static string? WithoutCountWord(string key)
    {
        var loose = $" {key} ".Replace(" duoc ", " ", StringComparison.Ordinal).Trim();
        loose = loose.StartsWith("so ", StringComparison.Ordinal) ? loose[3..] : loose;
        return loose == key ? null : loose;
    }

    /// <summary>
    /// The indicator a label names. <paramref name="contexts"/> are the texts around it, nearest
    /// first (the rows it sits under, the table's title, its label header). Returns null when
    /// nothing matches, and the candidates when the label is ambiguous.
    /// </summary>
    public (string? Code, IReadOnlyList<string> Candidates) Resolve(string label, IReadOnlyList<string>? contexts = null)
    {
        var trimmed = label.Trim();
        if (byCode.ContainsKey(trimmed))
        {
            return (trimmed, [trimmed]);
        }

        var keys = Keys(label);
        if (keys.Count == 0)
        {
            return (null, []);
        }

        // Contexts are read only for a label some alias names in a context (most have none).
        foreach (var context in contexts is not null && InContext(keys) ? contexts : [])
        {
            var contextKey = $" {Canonical(VietnameseText.Key(context))} ";
            foreach (var key in keys)
            {
                if (byContext.TryGetValue(key, out var grouped))
                {
                    // The most specific context wins: "đang đợi kết quả" over "chẩn đoán bệnh" in the same header.
                    var matches = grouped.Where(g => contextKey.Contains($" {g.Context} ", StringComparison.Ordinal)).ToList();
                    var longest = matches.Count == 0 ? 0 : matches.Max(g => g.Context.Length);
                    var codes = matches.Where(g => g.Context.Length == longest).Select(g => g.Code).Distinct().ToList();
                    if (codes.Count == 1)
                    {
                        return (codes[0], codes);
                    }
                }
            }
        }

        foreach (var candidate in keys)
        {
            if (byKey.TryGetValue(candidate, out var codes))
            {
                return codes.Count == 1 ? (codes.First(), [.. codes]) : (null, codes.Order(StringComparer.Ordinal).ToList());
            }
        }

        // Last, "Số" in front made optional on both sides, so no exact name is ever shadowed by it.
        foreach (var candidate in keys.Select(k => WithoutCountWord(k) ?? k))
        {
            if (byLooseKey.TryGetValue(candidate, out var codes))
            {
                return codes.Count == 1 ? (codes.First(), [.. codes]) : (null, codes.Order(StringComparer.Ordinal).ToList());
            }
        }

        return (null, []);
    }

    /// <summary>
    /// The alias that names <paramref name="label"/> under <paramref name="context"/> ("context &gt; label"),
    /// or the label alone without one. " &gt; " divides the two: one inside either ("Trẻ &gt; 5 tuổi") is
    /// written "&gt;", which matches the same (it reads as "trên" either way).
    /// </summary>
    public static string AliasOf(string label, string? context)
    {
        // A row's bullet ("- Khám trẻ em dưới 6 tuổi") is no part of its name.
        var name = label.Trim().TrimStart('-', '*', '+', '•', '–', ' ');
        var alias = (name.Length > 0 ? name : label.Trim()).Replace(" > ", " >", StringComparison.Ordinal);
        return string.IsNullOrWhiteSpace(context) ? alias : $"{context.Trim().Replace(" > ", " >", StringComparison.Ordinal)} > {alias}";
    }

    /// <summary>True when an alias names one of <paramref name="keys"/> in a context.</summary>
    private bool InContext(IReadOnlyList<string> keys)
    {
        foreach (var key in keys)
        {
            if (byContext.ContainsKey(key))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The indicators whose name or alias is <paramref name="label"/> itself (the same matching key,
    /// contexts aside): a label that names one of them cannot become another's alias without
    /// making it ambiguous.
    /// </summary>
    public IReadOnlyList<string> Naming(string label) =>
        Keys(label, numbered: false).Take(1).SelectMany(k => byKey.TryGetValue(k, out var codes) ? codes : []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The indicator named inside a longer text, such as a title ("SỐ CA MẮC SỐT XUẤT HUYẾT THEO
    /// THÁNG NĂM 2024"): the longest name or alias found in it word for word, when it names one indicator.
    /// </summary>
    public string? FindIn(string text)
    {
        var padded = $" {Canonical(VietnameseText.Key(text))} ";
        var found = byKey.Where(k => k.Key.Length >= 3 && padded.Contains($" {k.Key} ", StringComparison.Ordinal)).ToList();
        if (found.Count == 0)
        {
            return null;
        }

        var longest = found.Max(k => k.Key.Length);
        var codes = found.Where(k => k.Key.Length == longest).SelectMany(k => k.Value).Distinct().ToList();
        return codes.Count == 1 ? codes[0] : null;
    }

    /// <summary>
    /// How <paramref name="text"/> (a header without its words of a kind of figure or a period, which
    /// the reader takes out: "Số ca", "Tháng 9") stands to the indicator <paramref name="code"/>, by
    /// the words that tell indicators apart (those at most a tenth of the indicators use, or none):
    /// under a title that names suspected rash fever, "sốt phát ban nghi ngờ" <see cref="WordsRelation.Shares"/>
    /// its words, "mẫu xét nghiệm" names an <see cref="WordsRelation.Other"/> quantity, and "(%)" is
    /// <see cref="WordsRelation.Silent"/>.
    /// </summary>
    public WordsRelation Relation(string text, string code)
    {
        var names = wordsOfNames.Value;
        var telling = TellingWords(text);
        if (telling.Count == 0)
        {
            return WordsRelation.Silent;
        }

        // Most of what the text says must be the indicator's: "Số ca SXH có xét nghiệm NS1 dương tính"
        // shares "SXH" with dengue, but it counts something else.
        var own = names.WordsOf(code);
        var shared = own is null ? 0 : telling.Where(own.Contains).Sum(names.Weight);
        return shared >= telling.Sum(names.Weight) / 2 ? WordsRelation.Shares : WordsRelation.Other;
    }

    /// <summary>True when <paramref name="text"/> has a word that tells indicators apart ("sởi", "xét nghiệm"; not "số", "ca", "tỷ lệ").</summary>
    public bool Tells(string text) => TellingWords(text).Count > 0;

    private List<string> TellingWords(string text)
    {
        var names = wordsOfNames.Value;
        return Keys(text, numbered: false).Take(1).SelectMany(k => k.Split(' '))
            .Where(w => w.Length > 1 && !w.All(char.IsAsciiDigit) && names.Telling(w)).ToList();
    }

    /// <summary>
    /// What the warning for an unmatched label offers to learn: the indicators whose names or aliases
    /// share the most words with <paramref name="label"/> and the <paramref name="context"/> it sits
    /// under (a group header, a group row), best first, words weighed by how few indicators use them
    /// ("số", "trẻ", "tỷ lệ" weigh little, "SDD", "thấp còi" much); and the alias to add: under a
    /// context, "context &gt; label", which matches only there (the same "Số trẻ SDD" is underweight
    /// under "Cân nặng/tuổi" and stunting under "Chiều cao/tuổi"), else the label itself.
    /// </summary>
    public Suggestion Suggest(string label, string? context = null, int count = 3)
    {
        context = string.IsNullOrWhiteSpace(context) ? null : context.Trim();
        var key = (label, context ?? string.Empty, count);
        // A label a sheet repeats on many rows is worked out once.
        lock (suggested)
        {
            if (suggested.TryGetValue(key, out var known))
            {
                return known;
            }
        }

        var suggestion = new Suggestion(AliasOf(label, context), SuggestOnce(label, context, count));

        lock (suggested)
        {
            if (suggested.Count >= 1024)
            {
                suggested.Clear();
            }

            suggested[key] = suggestion;
        }

        return suggestion;
    }

    private List<IndicatorLabel> SuggestOnce(string label, string? context, int count)
    {
        var words = Keys(label).Concat(context is null ? [] : Keys(context, numbered: false))
            .SelectMany(k => k.Split(' ')).Where(w => w.Length > 1).ToHashSet(StringComparer.Ordinal);
        if (words.Count == 0)
        {
            return [];
        }

        var names = wordsOfNames.Value;
        var asked = words.Sum(names.Weight);
        return names.Indicators
            .Select(n => (n.Indicator, Score: n.Names.Count == 0 ? 0 : n.Names.Max(other => other.Where(words.Contains).Sum(names.Weight) / Math.Max(asked, other.Sum(names.Weight)))))
            .Where(s => s.Score >= 0.34)
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Indicator.Code, StringComparer.Ordinal)
            .Take(count)
            .Select(s => s.Indicator)
            .ToList();
    }

    /// <summary>
    /// The words of every name and alias (a context alias's context included), and how much each
    /// word weighs: ln(1 + indicators / indicators using it), the most for a word none uses.
    /// </summary>
    private sealed class NameWords
    {
        private readonly Dictionary<string, double> weights;
        private readonly double unknown;
        private readonly Dictionary<string, HashSet<string>> words;

        public NameWords(IEnumerable<IndicatorLabel> indicators)
        {
            Indicators = indicators.Select(i => (i, i.Aliases.Prepend(i.NameVi)
                .Select(a => Canonical(VietnameseText.Key(a.Replace(" > ", " ", StringComparison.Ordinal))).Split(' ').Where(w => w.Length > 1).ToHashSet(StringComparer.Ordinal))
                .Where(w => w.Count > 0).ToList())).ToList();
            var used = Indicators.SelectMany(n => n.Names.SelectMany(w => w).Distinct(StringComparer.Ordinal)).CountBy(w => w, StringComparer.Ordinal);
            weights = used.ToDictionary(u => u.Key, u => Math.Log(1 + ((double)Indicators.Count / u.Value)), StringComparer.Ordinal);
            unknown = Math.Log(1 + Indicators.Count);
            words = Indicators.ToDictionary(n => n.Indicator.Code, n => n.Names.SelectMany(w => w).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        }

        public List<(IndicatorLabel Indicator, List<HashSet<string>> Names)> Indicators { get; }

        public double Weight(string word) => weights.GetValueOrDefault(word, unknown);

        /// <summary>True for a word at most a tenth of the indicators use in their names (or none).</summary>
        public bool Telling(string word) => Weight(word) >= Math.Log(1 + 10);

        /// <summary>The words of an indicator's names and aliases, or null for a code the catalogue lacks.</summary>
        public HashSet<string>? WordsOf(string code) => words.GetValueOrDefault(code);
    }

    [GeneratedRegex(@"\(\s*[+-]\s*\)")]
    private static partial Regex SignedMarker();

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Remark();

    // "1.", "14.1.", "14.2 .", "a)", "b.", "I.", "IV.", "-", "*", "+", "•" at the start, repeated.
    [GeneratedRegex(@"^(?:(?:\d+(?:\s*\.\s*\d+)*\s*[.)]?|[a-zđ]\s*[.)]|[IVXivx]+\s*\.|[-*+•–])\s*)+", RegexOptions.IgnoreCase)]
    private static partial Regex Numbering();
}
