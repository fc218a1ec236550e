using System.Data.Common;
using System.Text.RegularExpressions;
using Dapper;
using Ntm.Domain.Text;

namespace Ntm.Etl.Parsing;

/// <summary>An indicator as label matching needs it.</summary>
public sealed record IndicatorLabel(string Code, string Kind, string? NumeratorCode, string? DenominatorCode, string NameVi, IReadOnlyList<string> Aliases, decimal Factor = 100m);

/// <summary>
/// Matches spreadsheet labels to indicator codes by normalised text: case, diacritics, numbering
/// ("1.", "14.1.", "a)", "-", "*"), remarks in parentheses, punctuation and spacing are ignored,
/// but the signs of "M(+)" and "M(-)" are kept. A label that means different things under
/// different group rows ("Tổng số" under "Khám phát hiện" or under "Bệnh lành") is tried with its
/// group first: aliases such as "Khám phát hiện - Tổng số" say which.
/// </summary>
public sealed partial class IndicatorLabels
{
    private readonly Dictionary<string, IndicatorLabel> byCode;
    private readonly Dictionary<string, HashSet<string>> byKey = new(StringComparer.Ordinal);

    /// <summary>Builds the index over <paramref name="indicators"/>.</summary>
    public IndicatorLabels(IEnumerable<IndicatorLabel> indicators)
    {
        byCode = indicators.ToDictionary(i => i.Code, StringComparer.Ordinal);
        foreach (var indicator in byCode.Values)
        {
            foreach (var text in indicator.Aliases.Prepend(indicator.NameVi))
            {
                foreach (var key in Keys(text))
                {
                    if (key.Length == 0)
                    {
                        continue;
                    }

                    if (!byKey.TryGetValue(key, out var codes))
                    {
                        byKey[key] = codes = new HashSet<string>(StringComparer.Ordinal);
                    }

                    codes.Add(indicator.Code);
                }
            }
        }
    }

    /// <summary>Every indicator.</summary>
    public IEnumerable<IndicatorLabel> All => byCode.Values;

    /// <summary>Loads the catalogue and its aliases from the warehouse.</summary>
    public static IndicatorLabels Load(DbConnection connection)
    {
        var aliases = connection.Query<(string Code, string Alias)>("SELECT indicator_code, alias FROM indicator_alias ORDER BY indicator_code, alias")
            .GroupBy(a => a.Code).ToDictionary(g => g.Key, g => g.Select(a => a.Alias).ToList());
        var indicators = connection.Query<(string Code, string Kind, string? Numerator, string? Denominator, string NameVi, decimal? Factor)>(
            "SELECT indicator_code, kind, numerator_code, denominator_code, name_vi, factor FROM dim_indicator ORDER BY indicator_code");
        return new IndicatorLabels(indicators.Select(i => new IndicatorLabel(i.Code, i.Kind, i.Numerator, i.Denominator, i.NameVi, aliases.GetValueOrDefault(i.Code, []), i.Factor ?? 100m)));
    }

    /// <summary>Builds the index from the reference catalogue (without a warehouse).</summary>
    public static IndicatorLabels FromCatalog(Ntm.Warehouse.ReferenceData.IndicatorCatalog catalog) =>
        new(catalog.Indicators.Select(i => new IndicatorLabel(i.Code, i.Kind, i.NumeratorCode, i.DenominatorCode, i.NameVi, i.Aliases, i.Factor ?? 100m)));

    /// <summary>The indicator with this code, or null.</summary>
    public IndicatorLabel? this[string code] => byCode.GetValueOrDefault(code);

    /// <summary>
    /// The matching keys of a label, most specific first: numbering removed and "(+)"/"(-)" kept
    /// as words; then also without remarks in parentheses ("… ( áp dụng cho cả nam và nữ)").
    /// </summary>
    public static IReadOnlyList<string> Keys(string label)
    {
        var text = SignedMarker().Replace(Numbering().Replace(label.TrimStart(), string.Empty), m => m.Value.Contains('+', StringComparison.Ordinal) ? " duong " : " am ");
        var full = VietnameseText.Key(text);
        var brief = VietnameseText.Key(Remark().Replace(text, " "));
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

        return keys;
    }

    /// <summary>
    /// The indicator a label names, tried with its group row first. Returns null when nothing
    /// matches, and the candidates when the label is ambiguous.
    /// </summary>
    public (string? Code, IReadOnlyList<string> Candidates) Resolve(string label, string? group = null)
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

        var groupKeys = group is null ? [] : Keys(group);
        var groupKey = groupKeys.Count == 0 ? null : groupKeys[^1];
        foreach (var key in keys)
        {
            if (groupKey is not null && byKey.TryGetValue(groupKey + " " + key, out var grouped) && grouped.Count == 1)
            {
                return (grouped.First(), [.. grouped]);
            }
        }

        foreach (var candidate in keys)
        {
            if (byKey.TryGetValue(candidate, out var codes))
            {
                return codes.Count == 1 ? (codes.First(), [.. codes]) : (null, codes.Order(StringComparer.Ordinal).ToList());
            }
        }

        return (null, []);
    }

    [GeneratedRegex(@"\(\s*[+-]\s*\)")]
    private static partial Regex SignedMarker();

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Remark();

    // "1.", "14.1.", "14.2 .", "a)", "b.", "I.", "IV.", "-", "*", "+", "•" at the start, repeated.
    [GeneratedRegex(@"^(?:(?:\d+(?:\s*\.\s*\d+)*\s*[.)]?|[a-zđ]\s*[.)]|[IVXivx]+\s*\.|[-*+•–])\s*)+", RegexOptions.IgnoreCase)]
    private static partial Regex Numbering();
}
