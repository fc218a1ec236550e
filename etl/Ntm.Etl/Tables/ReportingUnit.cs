using System.Text.RegularExpressions;
using Ntm.Domain.Areas;
using Ntm.Domain.Text;

namespace Ntm.Etl.Tables;

/// <summary>
/// The unit a report is written for, from its title lines: a unit is named after the words of the
/// organisation that writes (<c>vocabulary/titles.yaml</c>): "SỞ Y TẾ" names a province, "TRUNG
/// TÂM Y TẾ" a district, "Trạm Y tế" a commune, and after "UBND" the unit type decides (THÀNH PHỐ
/// CAO BẰNG is the city, not the province of the same name). Units named on several lines are
/// resolved inside each other, the deepest wins. A national office (Bộ Y tế, Tổng cục Thống kê)
/// names no unit: its tables have provinces as rows.
/// </summary>
public static partial class ReportingUnit
{
    /// <summary>What the title lines say of the reporting unit.</summary>
    /// <param name="Area">The deepest unit named and found, or null.</param>
    /// <param name="Problem">Why a unit that is named could not be found, or null.</param>
    /// <param name="National">True when a national office writes (no unit is expected).</param>
    /// <param name="Line">The line that names the unit.</param>
    public sealed record Finding(AreaRecord? Area, string? Problem, bool National, TitleLine? Line);

    /// <summary>The reporting unit the <paramref name="lines"/> name, looked up as units were on <paramref name="asOf"/> (any day when it is not known).</summary>
    public static Finding Find(IEnumerable<TitleLine> lines, AreaDirectory areas, DateOnly? asOf, TableVocabulary vocabulary)
    {
        var mentions = Mentions(lines.Where(l => l.Kind == TitleLineKind.Organisation), vocabulary, out var national);
        var resolved = new List<(AreaRecord Area, TitleLine Line)>();
        var pending = mentions.ToList();
        string? problem = null;
        for (var progress = true; progress && pending.Count > 0;)
        {
            progress = false;
            foreach (var mention in pending.ToList())
            {
                AreaLookup? found = null;
                foreach (var parent in resolved.Select(r => r.Area).OrderByDescending(a => a.Level).Cast<AreaRecord?>().Append(null))
                {
                    var lookup = areas.Find(mention.Name, new AreaContextHint(asOf, mention.Level, parent));
                    if (lookup.IsFound)
                    {
                        found = lookup;
                        break;
                    }

                    problem = $"Tiêu đề '{mention.Line.Text.Trim()}': {lookup.Message}";
                }

                if (found?.Area is { } area)
                {
                    resolved.Add((area, mention.Line));
                    pending.Remove(mention);
                    progress = true;
                }
            }

            if (!progress && pending.FirstOrDefault(m => Chain(m.Level, m.Name).Count > 1) is { Name: not null } chained)
            {
                // One line naming the unit and those above it ("xã Tân Hòa - huyện Châu Thành A - tỉnh
                // Hậu Giang") that cannot be found whole: each part is a unit of its own, resolved in turn.
                pending.Remove(chained);
                pending.AddRange(Chain(chained.Level, chained.Name).Select(part => (part.Level, part.Name, chained.Line)));
                progress = true;
            }
        }

        var deepest = resolved.OrderByDescending(a => a.Area.Level).FirstOrDefault();
        return deepest.Area is null ? new Finding(null, problem, national && mentions.Count == 0, null) : new Finding(deepest.Area, null, false, deepest.Line);
    }

    /// <summary>Unit words that begin the name of a unit above a commune or a district, and the level they name ("thành phố" may be either).</summary>
    private static readonly (string[] Words, AreaLevel? Level)[] HigherUnitWords =
    [
        (["thi", "xa"], AreaLevel.District), (["thanh", "pho"], null), (["huyen"], AreaLevel.District), (["quan"], AreaLevel.District), (["tinh"], AreaLevel.Province),
    ];

    /// <summary>
    /// The units a name may chain, lowest first: "xa tan hoa huyen chau thanh a tinh hau giang" is
    /// the commune, its district and its province. A part needs a word of its own after its unit word,
    /// and the part before it at least two words, so a name such as "Tịnh Thới" is never cut.
    /// </summary>
    internal static List<(AreaLevel? Level, string Name)> Chain(AreaLevel? level, string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var parts = new List<(AreaLevel? Level, string Name)>();
        var start = 0;
        var current = level;
        for (var i = 2; i < words.Length - 1; i++)
        {
            foreach (var (unit, unitLevel) in HigherUnitWords)
            {
                if (i - start >= 2 && i + unit.Length < words.Length && words.Skip(i).Take(unit.Length).SequenceEqual(unit))
                {
                    parts.Add((current, string.Join(' ', words[start..i])));
                    (start, current) = (i, unitLevel);
                    break;
                }
            }
        }

        parts.Add((current, string.Join(' ', words[start..])));
        return parts;
    }

    private static List<(AreaLevel? Level, string Name, TitleLine Line)> Mentions(IEnumerable<TitleLine> lines, TableVocabulary vocabulary, out bool national)
    {
        national = false;
        var mentions = new List<(AreaLevel?, string, TitleLine)>();
        foreach (var line in lines)
        {
            var key = VietnameseText.Key(line.Text);
            foreach (var (words, level, isNational) in vocabulary.Organisations)
            {
                var at = $" {key} ".IndexOf($" {words} ", StringComparison.Ordinal);
                if (at < 0)
                {
                    continue;
                }

                national |= isNational;
                var rest = key[Math.Min(key.Length, at + words.Length)..].Trim();
                foreach (var stop in vocabulary.StopWords)
                {
                    var cut = $" {rest} ".IndexOf($" {stop} ", StringComparison.Ordinal);
                    if (cut >= 0)
                    {
                        rest = rest[..Math.Max(0, cut - 1)].Trim();
                    }
                }

                if (rest.Length > 0 && !isNational)
                {
                    mentions.Add((level, rest, line));
                }

                break;
            }
        }

        return mentions;
    }

    /// <summary>
    /// A unit's name without the organisation written before it in a list ("TYT xã Tân Hòa",
    /// "Trạm Y tế Thạnh Xuân", "TTYT huyện Long Mỹ"); the text itself when there is none.
    /// </summary>
    public static string WithoutOrganisation(string text, TableVocabulary vocabulary)
    {
        var key = VietnameseText.Key(text);
        foreach (var (words, _, _) in vocabulary.Organisations)
        {
            if (key.StartsWith(words + " ", StringComparison.Ordinal))
            {
                // Drop as many words of the text as the organisation has ("Trạm Y tế" is three).
                var tokens = Word().Matches(text);
                var skip = words.Split(' ').Length;
                return tokens.Count > skip ? text[tokens[skip].Index..].Trim() : text;
            }
        }

        return text;
    }

    [GeneratedRegex(@"[\p{L}\p{Mn}\p{N}]+")]
    private static partial Regex Word();
}
