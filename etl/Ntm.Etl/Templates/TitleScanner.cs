using System.Text;
using System.Text.RegularExpressions;
using Ntm.Domain.Areas;
using Ntm.Domain.Text;
using Ntm.Etl.Parsing;
using Ntm.Etl.Reading;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Ntm.Etl.Templates;

/// <summary>
/// Reads the title rows of a report: the period ("tháng 12 năm 2022") and the reporting unit. A
/// unit is named after the words of the organisation that writes (<c>vocabulary/title-units.yaml</c>):
/// "SỞ Y TẾ" names a province, "TRUNG TÂM Y TẾ" a district, "Trạm Y tế" a commune, and after
/// "UBND" the unit type decides (THÀNH PHỐ CAO BẰNG is the city, not the province of the same
/// name). Units are resolved inside the units the other title lines name, so a commune is looked
/// for in the district above it.
/// </summary>
public static partial class TitleScanner
{
    private static readonly TitleVocabulary Vocabulary = TitleVocabulary.Load();

    /// <summary>The period named in the first <paramref name="rows"/> rows of any sheet, or null.</summary>
    public static ReportPeriod? FindPeriod(Workbook workbook, int rows = 12)
    {
        foreach (var sheet in workbook.Sheets)
        {
            foreach (var cell in sheet.Cells.TakeWhile(c => c.Row < rows))
            {
                if (cell.Value is string && PeriodParser.FromTitle(cell.Text) is { } period)
                {
                    return period;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The deepest reporting unit the title rows name, resolved inside the units the others name,
    /// with the problem when a unit is named but cannot be resolved.
    /// </summary>
    public static (AreaRecord? Area, string? Problem) FindReportingUnit(Workbook workbook, AreaDirectory areas, DateOnly asOf, int rows = 12)
    {
        var mentions = Mentions(workbook, rows);
        var resolved = new List<AreaRecord>();
        var pending = mentions.ToList();
        string? problem = null;
        for (var progress = true; progress && pending.Count > 0;)
        {
            progress = false;
            foreach (var mention in pending.ToList())
            {
                AreaLookup? found = null;
                foreach (var parent in resolved.OrderByDescending(a => a.Level).Cast<AreaRecord?>().Append(null))
                {
                    var lookup = areas.Find(mention.Name, new AreaContextHint(asOf, mention.Level, parent));
                    if (lookup.IsFound)
                    {
                        found = lookup;
                        break;
                    }

                    problem = $"Tiêu đề '{mention.Text.Trim()}': {lookup.Message}";
                }

                if (found?.Area is { } area)
                {
                    resolved.Add(area);
                    pending.Remove(mention);
                    progress = true;
                }
            }

            if (!progress && pending.FirstOrDefault(m => Chain(m.Level, m.Name).Count > 1) is { Name: not null } chained)
            {
                // One line naming the unit and those above it ("xã Tân Hòa - huyện Châu Thành A - tỉnh
                // Hậu Giang") that cannot be found whole: each part is a unit of its own, resolved in turn.
                pending.Remove(chained);
                pending.AddRange(Chain(chained.Level, chained.Name).Select(part => (part.Level, part.Name, chained.Text)));
                progress = true;
            }
        }

        // The deepest unit whose ancestors among the named units agree with it.
        var deepest = resolved.OrderByDescending(a => a.Level).FirstOrDefault();
        return (deepest, deepest is null ? problem : null);
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

    private static List<(AreaLevel? Level, string Name, string Text)> Mentions(Workbook workbook, int rows)
    {
        var mentions = new List<(AreaLevel?, string, string)>();
        foreach (var sheet in workbook.Sheets.Take(1))
        {
            // Title rows stand above the first figure: a list's rows ("TYT TT Một Ngàn") never name the reporting unit.
            var end = Math.Min(rows, FirstFigureRow(sheet));
            foreach (var cell in sheet.Cells.TakeWhile(c => c.Row < end).Where(c => c.Value is string))
            {
                var key = VietnameseText.Key(cell.Text);
                foreach (var (words, level) in Vocabulary.Organisations)
                {
                    var at = $" {key} ".IndexOf($" {words} ", StringComparison.Ordinal);
                    if (at < 0)
                    {
                        continue;
                    }

                    var rest = key[Math.Min(key.Length, at + words.Length)..].Trim();
                    foreach (var stop in Vocabulary.StopWords)
                    {
                        var cut = $" {rest} ".IndexOf($" {stop} ", StringComparison.Ordinal);
                        if (cut >= 0)
                        {
                            rest = rest[..Math.Max(0, cut - 1)].Trim();
                        }
                    }

                    if (rest.Length > 0)
                    {
                        mentions.Add((level, rest, cell.Text));
                    }

                    break;
                }
            }
        }

        return mentions;
    }

    /// <summary>The first row holding a figure (not a year), or the row count.</summary>
    private static int FirstFigureRow(Sheet sheet) =>
        sheet.Cells.Where(c => Parsing.NumberParser.Parse(c.Text, Parsing.NumberContext.Count, c.Value) is { Kind: Parsing.ValueKind.Number, Value: var v } && !(v is >= 1990 and <= 2100))
            .Select(c => c.Row).DefaultIfEmpty(sheet.RowCount).Min();

    /// <summary>
    /// A unit's name without the organisation written before it in a list ("TYT xã Tân Hòa",
    /// "Trạm Y tế Thạnh Xuân", "TTYT huyện Long Mỹ"); the text itself when there is none.
    /// </summary>
    public static string WithoutOrganisation(string text)
    {
        var key = VietnameseText.Key(text);
        foreach (var (words, _) in Vocabulary.Organisations)
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

    /// <summary>The organisation words of title lines and the level they name.</summary>
    private sealed record TitleVocabulary(IReadOnlyList<(string Words, AreaLevel? Level)> Organisations, IReadOnlyList<string> StopWords)
    {
        public static TitleVocabulary Load()
        {
            using var stream = typeof(TitleScanner).Assembly.GetManifestResourceStream("Ntm.Etl.Templates.vocabulary.title-units.yaml")!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var file = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build().Deserialize<VocabularyFile>(reader.ReadToEnd());
            var organisations = file.Organisations
                .SelectMany(o => o.Words.Select(w => (Words: VietnameseText.Key(w), Level: o.Level switch
                {
                    "province" => AreaLevel.Province,
                    "district" => AreaLevel.District,
                    "commune" => AreaLevel.Commune,
                    _ => (AreaLevel?)null,
                })))
                .OrderByDescending(o => o.Words.Length)
                .ToList();
            return new TitleVocabulary(organisations, file.StopWords.Select(VietnameseText.Key).ToList());
        }
    }

    /// <summary>The YAML file as read.</summary>
    private sealed class VocabularyFile
    {
        public List<OrganisationEntry> Organisations { get; set; } = [];

        public List<string> StopWords { get; set; } = [];
    }

    /// <summary>One organisation entry of the YAML file.</summary>
    private sealed class OrganisationEntry
    {
        public List<string> Words { get; set; } = [];

        public string Level { get; set; } = "any";
    }
}
