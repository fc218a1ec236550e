using Ntm.Domain.Text;

namespace Ntm.Domain.Areas;

/// <summary>
/// Finds administrative units by code or by name as people write them: with or without
/// diacritics, with or without a type prefix ("H.", "huyện", "TX", "TP.", "P."…), in any case
/// and spacing, or by a known alias ("TP. H.C.M"). A prefix narrows the unit type, a date the
/// generation, a parent the place; between names that differ only by their tones, the tones as
/// written. When several units still match, the answer says which and asks for the parent rather
/// than guessing.
/// </summary>
public sealed class AreaDirectory
{
    // Longest first, so that "thi xa" wins over "t".
    private static readonly (string Prefix, string[] UnitTypes)[] Prefixes =
    [
        ("thanh pho truc thuoc trung uong", ["Thành phố trực thuộc trung ương"]),
        ("thanh pho", ["Thành phố trực thuộc trung ương", "Thành phố thuộc tỉnh", "Thành phố thuộc thành phố trực thuộc trung ương"]),
        ("thi tran", ["Thị trấn"]),
        ("dac khu", ["Đặc khu"]),
        ("phuong", ["Phường"]),
        ("thi xa", ["Thị xã"]),
        ("huyen", ["Huyện"]),
        ("quan", ["Quận"]),
        ("tinh", ["Tỉnh"]),
        ("xa", ["Xã"]),
        ("tp", ["Thành phố trực thuộc trung ương", "Thành phố thuộc tỉnh", "Thành phố thuộc thành phố trực thuộc trung ương"]),
        ("tx", ["Thị xã"]),
        ("tt", ["Thị trấn"]),
        ("h", ["Huyện"]),
        ("q", ["Quận"]),
        ("p", ["Phường"]),
        ("x", ["Xã"]),
    ];

    private readonly Dictionary<int, AreaRecord> byId;
    private readonly Dictionary<string, List<AreaRecord>> byCode = new(StringComparer.Ordinal);

    // The keys of names and aliases, made when a unit is first looked up by name: a question by code
    // (most of what a command asks) does not pay for normalising fourteen thousand names.
    private readonly Lazy<(Dictionary<string, List<AreaRecord>> ByName, Dictionary<string, List<AreaRecord>> ByAlias)> names;

    /// <summary>Builds the directory over <paramref name="areas"/> and their <paramref name="aliases"/>.</summary>
    public AreaDirectory(IEnumerable<AreaRecord> areas, IEnumerable<AreaAliasRecord> aliases)
    {
        byId = areas.ToDictionary(a => a.AreaId);
        foreach (var area in byId.Values)
        {
            Add(byCode, area.Code, area);
        }

        var aliasList = aliases.ToList();
        names = new(() => Names(aliasList));
    }

    private Dictionary<string, List<AreaRecord>> ByName => names.Value.ByName;

    private Dictionary<string, List<AreaRecord>> ByAlias => names.Value.ByAlias;

    private (Dictionary<string, List<AreaRecord>> ByName, Dictionary<string, List<AreaRecord>> ByAlias) Names(List<AreaAliasRecord> aliases)
    {
        var (named, aliased) = (new Dictionary<string, List<AreaRecord>>(StringComparer.Ordinal), new Dictionary<string, List<AreaRecord>>(StringComparer.Ordinal));
        foreach (var area in byId.Values)
        {
            Add(named, VietnameseText.Key(area.Name), area);
            Add(named, VietnameseText.Key(area.NameAscii), area);
        }

        foreach (var alias in aliases)
        {
            if (byId.TryGetValue(alias.AreaId, out var area))
            {
                Add(aliased, VietnameseText.Key(alias.Alias), area);
            }
        }

        return (named, aliased);
    }

    /// <summary>Every unit.</summary>
    public IEnumerable<AreaRecord> Areas => byId.Values;

    /// <summary>The unit with this warehouse key.</summary>
    public AreaRecord this[int areaId] => byId[areaId];

    /// <summary>The unit with this warehouse key, or null.</summary>
    public AreaRecord? TryGet(int areaId) => byId.GetValueOrDefault(areaId);

    /// <summary>Looks up <paramref name="text"/> (a code or a name), narrowed by <paramref name="hint"/>.</summary>
    public AreaLookup Find(string text, AreaContextHint? hint = null)
    {
        hint ??= new AreaContextHint();
        var key = VietnameseText.Key(text);
        if (key.Length == 0)
        {
            return new AreaLookup(null, [], "Tên đơn vị hành chính bị trống.");
        }

        var trimmed = text.Trim();
        if (trimmed.All(char.IsAsciiDigit))
        {
            return Decide(text, Filter(byCode.GetValueOrDefault(trimmed, []), hint, null), hint);
        }

        var aliased = Filter(ByAlias.GetValueOrDefault(key, []), hint, null);
        if (aliased.Count > 0)
        {
            return Decide(text, aliased, hint);
        }

        // Try the name as written, then without a type prefix that narrows the unit type.
        var candidates = Filter(ByName.GetValueOrDefault(key, []), hint, null);
        string? untyped = null;
        string[]? prefixTypes = null;
        foreach (var (prefix, unitTypes) in Prefixes)
        {
            if (key.Length > prefix.Length + 1 && key.StartsWith(prefix + " ", StringComparison.Ordinal))
            {
                var rest = key[(prefix.Length + 1)..];
                (untyped, prefixTypes) = untyped is null ? (rest, unitTypes) : (untyped, prefixTypes);
                var typed = Filter(ByName.GetValueOrDefault(rest, []), hint, unitTypes);
                if (typed.Count > 0)
                {
                    candidates = candidates.Union(typed).ToList();
                    break;
                }
            }
        }

        if (candidates.Count == 0 && untyped is not null && prefixTypes is not null)
        {
            // A unit whose type changed since the file was written ("Thị xã Gò Công" is today's
            // "Thành phố Gò Công"): the same name among the units of the level the written type names.
            var levels = prefixTypes.Select(LevelOfType).ToHashSet();
            candidates = Filter(ByName.GetValueOrDefault(untyped, []), hint, null).Where(a => levels.Contains(a.Level)).ToList();
        }

        return Decide(text, candidates, hint);
    }

    /// <summary>The level of units of a type: a province, a district (a town, a city of a province), a commune.</summary>
    private static AreaLevel LevelOfType(string unitType) => unitType switch
    {
        "Tỉnh" or "Thành phố trực thuộc trung ương" => AreaLevel.Province,
        "Xã" or "Phường" or "Thị trấn" or "Đặc khu" => AreaLevel.Commune,
        _ => AreaLevel.District,
    };

    private static List<AreaRecord> Filter(List<AreaRecord> areas, AreaContextHint hint, string[]? unitTypes) =>
        areas.Where(a => (hint.AsOf is not { } date || a.IsValidOn(date))
                && (hint.Level is not { } level || a.Level == level)
                && (unitTypes is null || unitTypes.Contains(a.UnitType))
                && (hint.Parent is not { } parent || IsWithin(a, parent)))
            .ToList();

    private static bool IsWithin(AreaRecord area, AreaRecord parent) =>
        area.Generation == parent.Generation
        && (area.ParentId == parent.AreaId || (parent.Level == AreaLevel.Province && area.ProvinceCode == parent.Code));

    private static void Add(Dictionary<string, List<AreaRecord>> index, string key, AreaRecord area)
    {
        if (key.Length == 0)
        {
            return;
        }

        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        if (!list.Contains(area))
        {
            list.Add(area);
        }
    }

    private AreaLookup Decide(string text, List<AreaRecord> candidates, AreaContextHint hint)
    {
        if (candidates.Count > 1)
        {
            // Names that differ only by their tones ("Hoằng Quỳ", "Hoằng Quý"): the name as written, tones
            // and all, decides; written without tones, the name stays ambiguous.
            var written = VietnameseText.TonedKey(text);
            var toned = candidates.Where(a => IsWrittenAs(a, written)).ToList();
            candidates = toned.Count > 0 ? toned : candidates;
        }

        if (candidates.Count == 1)
        {
            return new AreaLookup(candidates[0], candidates, null);
        }

        var scope = (hint.Level is { } level ? $" cấp {LevelVi(level)}" : string.Empty)
            + (hint.Parent is { } parent ? $" thuộc {parent.FullName}" : string.Empty)
            + (hint.AsOf is { } date ? $" (hiệu lực ngày {date:dd/MM/yyyy})" : string.Empty);
        if (candidates.Count == 0)
        {
            return new AreaLookup(null, [], $"Không tìm thấy đơn vị hành chính '{text}'{scope}.");
        }

        var listed = string.Join("; ", candidates.OrderBy(a => a.Code, StringComparer.Ordinal).Take(10).Select(Describe));
        return new AreaLookup(null, candidates,
            $"Tên '{text}'{scope} khớp với {candidates.Count} đơn vị: {listed}. Hãy ghi rõ loại đơn vị (huyện, thị xã, xã, phường…), đơn vị cấp trên hoặc mã đơn vị.");
    }

    private static bool IsWrittenAs(AreaRecord area, string written)
    {
        var name = VietnameseText.TonedKey(area.Name);
        return written == name || written.EndsWith(" " + name, StringComparison.Ordinal) || written == VietnameseText.TonedKey(area.FullName);
    }

    private string Describe(AreaRecord area)
    {
        var parent = area.ParentId is { } id && byId.TryGetValue(id, out var p) ? $", {p.FullName}" : string.Empty;
        return $"{area.FullName}{parent} (mã {area.Code}, {(area.Generation == AreaGeneration.Before2025 ? "trước" : "từ")} 01/07/2025)";
    }

    private static string LevelVi(AreaLevel level) => level switch
    {
        AreaLevel.Province => "tỉnh",
        AreaLevel.District => "huyện",
        _ => "xã",
    };
}
