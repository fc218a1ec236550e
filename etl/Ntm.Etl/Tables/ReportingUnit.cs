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
        var mentions = Mentions(lines.ToList(), vocabulary, out var national);
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
                    // The name as written, tones and all: "Long Trị" and "Long Trì" are two communes.
                    var lookup = areas.Find(mention.Written, new AreaContextHint(asOf, mention.Level, parent));
                    if (lookup.IsFound)
                    {
                        found = lookup;
                        break;
                    }

                    problem = $"Tiêu đề '{mention.Line.Text.Trim()}' (trang '{mention.Line.Sheet}', ô {mention.Line.Cell.Address}): {lookup.Message}";
                }

                if (found?.Area is { } area)
                {
                    resolved.Add((area, mention.Line));
                    pending.Remove(mention);
                    progress = true;
                }
            }

            if (!progress && pending.FirstOrDefault(m => m.Chain().Count > 1) is { } chained)
            {
                // One line naming the unit and those above it ("xã Tân Hòa - huyện Châu Thành A - tỉnh
                // Hậu Giang") that cannot be found whole: each part is a unit of its own, resolved in turn.
                pending.Remove(chained);
                pending.AddRange(chained.Chain());
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
        return [.. Chain(level, words).Select(part => (part.Level, string.Join(' ', words[part.Start..part.End])))];
    }

    /// <summary>The parts of <see cref="Chain(AreaLevel?, string)"/> as ranges of the key's words.</summary>
    private static List<(AreaLevel? Level, int Start, int End)> Chain(AreaLevel? level, string[] words)
    {
        var parts = new List<(AreaLevel? Level, int Start, int End)>();
        var start = 0;
        var current = level;
        for (var i = 2; i < words.Length - 1; i++)
        {
            foreach (var (unit, unitLevel) in HigherUnitWords)
            {
                if (i - start >= 2 && i + unit.Length < words.Length && words.Skip(i).Take(unit.Length).SequenceEqual(unit))
                {
                    parts.Add((current, start, i));
                    (start, current) = (i, unitLevel);
                    break;
                }
            }
        }

        parts.Add((current, start, words.Length));
        return parts;
    }

    /// <summary>
    /// A unit named on a title line: its words as keys (to split and compare) and as written (to look
    /// up, so that the tones decide between names that differ only by them).
    /// </summary>
    private sealed record Mention(AreaLevel? Level, string[] Keys, string[] Words, TitleLine Line)
    {
        public string Written => string.Join(' ', Words);

        public List<Mention> Chain() =>
            [.. ReportingUnit.Chain(Level, Keys).Select(part => new Mention(part.Level, Keys[part.Start..part.End], Words[part.Start..part.End], Line))];
    }

    private static List<Mention> Mentions(List<TitleLine> all, TableVocabulary vocabulary, out bool national)
    {
        national = false;
        var mentions = new List<Mention>();
        for (var i = 0; i < all.Count; i++)
        {
            var line = all[i];
            if (line.Kind != TitleLineKind.Organisation)
            {
                continue;
            }

            var text = line.Text;
            // "ỦY BAN NHÂN DÂN" over "HUYỆN TUẦN GIÁO": the unit's name on the line under the organisation's, in the
            // row below or on the next line of the same cell.
            var next = i + 1;
            if ((next < all.Count && all[next] is { Kind: TitleLineKind.Title } sameCell && ReferenceEquals(sameCell.Cell, line.Cell) ? sameCell
                    : all.FirstOrDefault(l => l.Kind == TitleLineKind.Title && l.Cell.Column == line.Cell.Column && l.Cell.Row == line.Cell.Row + 1)) is { } below
                && vocabulary.Organisations.FirstOrDefault(o => HeaderKey.Of(text).EndsWith(o.Words, StringComparison.Ordinal)).Words is { } bare && bare == HeaderKey.Of(text))
            {
                text = $"{text} {below.Text}";
            }

            var (keys, words) = Keyed.Of(text);
            foreach (var (organisation, level, isNational) in vocabulary.Organisations)
            {
                var phrase = Phrase.Of(organisation);
                var at = IndexOf(keys, phrase, 0, keys.Length);
                if (at < 0)
                {
                    continue;
                }

                national |= isNational;
                var start = at + phrase.Length;
                var end = keys.Length;
                foreach (var stop in vocabulary.StopWords)
                {
                    var cut = IndexOf(keys, Phrase.Of(stop), start, end);
                    if (cut >= 0)
                    {
                        end = cut;
                    }
                }

                if (end > start && !isNational)
                {
                    mentions.Add(new Mention(level, keys[start..end], words[start..end], line));
                }

                break;
            }
        }

        return mentions;
    }

    /// <summary>
    /// The words of a text as keys and as written, one for one: a written word whose key is more than
    /// one word ("Mỹ-Phước" if the regex kept it whole) is split as its key is, written as the key.
    /// </summary>
    /// <summary>The keyed words of a title line, found once for each text (the same letterheads head every report); shared, never changed.</summary>
    private static readonly TextMemo<(string[] Keys, string[] Words)> Keyed = new(KeyedWords);

    /// <summary>The words of a phrase of the vocabulary (an organisation, a stop word).</summary>
    private static readonly TextMemo<string[]> Phrase = new(phrase => phrase.Split(' '));

    private static (string[] Keys, string[] Words) KeyedWords(string text)
    {
        var keys = new List<string>();
        var words = new List<string>();
        foreach (Match token in Word().Matches(VietnameseText.Head(text)))
        {
            var key = VietnameseText.Key(token.Value).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            keys.AddRange(key);
            words.AddRange(key.Length == 1 ? [token.Value] : key);
        }

        return ([.. keys], [.. words]);
    }

    /// <summary>Where <paramref name="phrase"/> begins among <paramref name="words"/> from <paramref name="from"/>, ending before <paramref name="end"/>; -1 when it does not.</summary>
    private static int IndexOf(string[] words, string[] phrase, int from, int end)
    {
        for (var i = from; i + phrase.Length <= end; i++)
        {
            if (words.AsSpan(i, phrase.Length).SequenceEqual(phrase))
            {
                return i;
            }
        }

        return -1;
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
