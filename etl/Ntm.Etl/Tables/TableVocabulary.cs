using System.Text;
using Ntm.Domain.Areas;
using Ntm.Etl.Templates;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Ntm.Etl.Tables;

/// <summary>What a column of labels holds.</summary>
public enum LabelRole
{
    /// <summary>Indicators (Nội dung, Chỉ tiêu, Tên bệnh).</summary>
    Indicator,

    /// <summary>Administrative units (Xã, Huyện/TP, Tỉnh, Mã đơn vị).</summary>
    Area,

    /// <summary>Periods (Kỳ báo cáo): the long layout.</summary>
    Period,

    /// <summary>Measures (Loại số liệu): the long layout.</summary>
    Measure,

    /// <summary>Row numbers (STT, TT).</summary>
    Numbering,

    /// <summary>Units of measure (ĐVT).</summary>
    Unit,

    /// <summary>Codes (Mã ICD).</summary>
    Code,

    /// <summary>Cases or deaths (Mắc, Chết) beside a disease.</summary>
    Event,

    /// <summary>The figures themselves (Giá trị): not a label column.</summary>
    Value,
}

/// <summary>
/// The reader's vocabulary, loaded from <c>Tables/vocabulary/*.yaml</c>: the words of headers and
/// labels and the dimension each fixes (roles of label columns, measures, cases and deaths,
/// disaggregations, units of measure), the words of title lines (organisations, motto, unit of
/// measure, notes and signatures) and the totals forms declare. A template adds to it.
/// </summary>
public sealed class TableVocabulary
{
    private readonly Dictionary<string, LabelRole> roles;

    // The label columns' headers of two or more words, longest first: what a longer header may begin with.
    private readonly KeyValuePair<string, LabelRole>[] labelPrefixes;
    private readonly Dictionary<string, string> events;

    private TableVocabulary(
        Dictionary<string, LabelRole> roles,
        IReadOnlyList<(string Key, HeaderRule Rule)> measures,
        IReadOnlyDictionary<string, string> measureWords,
        Dictionary<string, string> events,
        IReadOnlyList<string> deathWords,
        IReadOnlyList<(string Key, string Code)> disaggregations,
        IReadOnlySet<string> units,
        IReadOnlyList<(string Words, AreaLevel? Level, bool National)> organisations,
        IReadOnlyList<string> stopWords,
        IReadOnlyList<string> motto,
        IReadOnlyList<string> unitOfMeasure,
        IReadOnlyList<string> notes,
        IReadOnlyList<SumRule> sums,
        IReadOnlySet<string> regions,
        IReadOnlySet<string> unplaced)
    {
        this.roles = roles;
        labelPrefixes = roles.Where(r => r.Key.Contains(' ', StringComparison.Ordinal) && r.Value is LabelRole.Indicator or LabelRole.Area).OrderByDescending(r => r.Key.Length).ToArray();
        Regions = regions;
        Unplaced = unplaced;
        Measures = measures;
        MeasureWords = measureWords;
        this.events = events;
        DeathWords = deathWords;
        Disaggregations = disaggregations;
        Units = units;
        Organisations = organisations;
        StopWords = stopWords;
        Motto = motto;
        UnitOfMeasure = unitOfMeasure;
        Notes = notes;
        Sums = sums;
        headerWords = new(text => Role(text) is not null || MeasureTagger.Knows(text, this) || Event(text) is not null || Disaggregation(text) is not null);
        lineKinds = new(line => TitleBlock.KindOf(line, this));
    }

    // Every text of every row is asked whether it is a header's word: the answer is remembered.
    private readonly Ntm.Domain.Text.TextMemo<bool> headerWords;

    /// <summary>
    /// True for a text this vocabulary knows as a header's word: a label column's role, a measure, a
    /// month or a year, cases or deaths, a part of a total.
    /// </summary>
    public bool IsHeaderWord(string text) => headerWords.Of(text);

    // Every line above a table is classified, by the table reader and again by the plan reader: remembered.
    private readonly Ntm.Domain.Text.TextMemo<(TitleLineKind Kind, DateOnly? Date)> lineKinds;

    /// <summary>What a line above a table is, and the date it gives (see <see cref="TitleBlock.Classify"/>).</summary>
    public (TitleLineKind Kind, DateOnly? Date) LineKind(string line) => lineKinds.Of(line);

    /// <summary>The built-in vocabulary.</summary>
    public static TableVocabulary BuiltIn { get; } = Load();

    /// <summary>Header phrases (keys) and what a column under them holds, longest first.</summary>
    public IReadOnlyList<(string Key, HeaderRule Rule)> Measures { get; }

    /// <summary>The words of a measure-role column (key → stored measure code).</summary>
    public IReadOnlyDictionary<string, string> MeasureWords { get; }

    /// <summary>Keys of the words that make a header a count of deaths wherever they stand ("Số chết trong tháng").</summary>
    public IReadOnlyList<string> DeathWords { get; }

    /// <summary>Phrases of a part of a total (toned key → disaggregation code), longest first.</summary>
    public IReadOnlyList<(string Key, string Code)> Disaggregations { get; }

    /// <summary>Keys of units of measure ("ca", "người", "phần trăm").</summary>
    public IReadOnlySet<string> Units { get; }

    /// <summary>Organisations that write reports (key of their words) and the level of unit they name; national offices name none.</summary>
    public IReadOnlyList<(string Words, AreaLevel? Level, bool National)> Organisations { get; }

    /// <summary>Keys after which a title line stops naming the unit.</summary>
    public IReadOnlyList<string> StopWords { get; }

    /// <summary>Keys of the national motto's lines.</summary>
    public IReadOnlyList<string> Motto { get; }

    /// <summary>Keys that begin a unit-of-measure line ("Đơn vị tính: người").</summary>
    public IReadOnlyList<string> UnitOfMeasure { get; }

    /// <summary>Keys that begin a note or signature line under a table.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Totals the forms declare.</summary>
    public IReadOnlyList<SumRule> Sums { get; }

    /// <summary>Keys of the regions of the country: rows that aggregate provinces.</summary>
    public IReadOnlySet<string> Regions { get; }

    /// <summary>Rows of figures of no unit of the reporting unit ("Không rõ địa chỉ", "Ngoại tỉnh"), by key.</summary>
    public IReadOnlySet<string> Unplaced { get; }

    /// <summary>The role a label column's header gives it (the whole header, once normalised), or null.</summary>
    public LabelRole? Role(string text)
    {
        var key = HeaderKey.Of(text);
        if (key.Length == 0)
        {
            return null;
        }

        if (roles.TryGetValue(key, out var role))
        {
            return role;
        }

        // "Nội dung chỉ tiêu kế hoạch", "Tên bệnh truyền nhiễm gây dịch", "Đơn vị báo cáo": a header that
        // begins with a label column's words of two or more (whether its cells are labels is for them to say).
        foreach (var (phrase, named) in labelPrefixes)
        {
            // A unit's header is short ("Đơn vị báo cáo", "Cơ sở y tế"); "Cơ sở hạ tầng (12 điểm)" names a figure.
            if (key.StartsWith(phrase + " ", StringComparison.Ordinal) && (named == LabelRole.Indicator || key.Split(' ').Length <= 4))
            {
                return named;
            }
        }

        // "Xã, thị trấn", "Tên xã", "Huyện/TP", "Quận, huyện": a short header of a unit's words only. "Huyện Vị
        // Thủy" or "Xã Đại Đồng" over a column names one unit: its figures', not a column of names.
        var words = key.Split(' ');
        return words.Length <= 5 && (words[0] is "xa" or "phuong" or "huyen" or "quan" or "tinh" || (words.Length > 1 && words[0] == "ten" && words[1] is "xa" or "huyen" or "tinh" or "don" or "phuong"))
            && !(words.Length > 1 && words[0] == "xa" && words[1] == "hoi")
            && words.All(UnitWords.Contains)
            ? LabelRole.Area
            : null;
    }

    /// <summary>The words of a header that names a column of units ("Huyện, thị xã, thành phố", "Tên đơn vị báo cáo").</summary>
    private static readonly HashSet<string> UnitWords = new(StringComparer.Ordinal)
    {
        "xa", "phuong", "thi", "tran", "huyen", "quan", "tinh", "thanh", "pho", "tp", "tx", "tt", "ten", "don", "vi", "bao", "cao",
        "dac", "khu", "cap", "truc", "thuoc", "trung", "uong", "tuyen", "dia", "ban", "hanh", "chinh", "co", "so", "tram", "y", "te",
    };

    /// <summary>"cases" or "deaths" when <paramref name="text"/> is an event word ("Mắc", "C", "Tử vong"), else null.</summary>
    public string? Event(string text) => events.GetValueOrDefault(HeaderKey.Of(text));

    /// <summary>True when a death word stands in <paramref name="text"/> ("Số chết trong tháng", "Cộng dồn tử vong").</summary>
    public bool NamesDeaths(string text)
    {
        var key = HeaderKey.Of(text);
        return Event(text) == "deaths" || DeathWords.Any(w => HeaderKey.Contains(key, w));
    }

    /// <summary>The disaggregation a text names ("Trong đó nữ", "&lt; 15 tuổi"), as (code, the phrase's key), or null.</summary>
    public (string Code, string Phrase)? Disaggregation(string text)
    {
        // The whole text is a part ("Nữ", "< 15 tuổi"), or it says so ("Trong đó: trẻ em < 15 tuổi"):
        // "nữ" inside "Số phụ nữ có thai" is no part of anything.
        var key = HeaderKey.Toned(text);
        var ofWhich = key.StartsWith("trong đó ", StringComparison.Ordinal);
        var rest = ofWhich ? key["trong đó ".Length..] : key;
        foreach (var (phrase, code) in Disaggregations)
        {
            if (rest == phrase || key == phrase || (ofWhich && HeaderKey.Contains(rest, phrase)))
            {
                return (code, phrase);
            }
        }

        return null;
    }

    /// <summary>
    /// The part of a total a text names: a known disaggregation's code ("Trong đó nữ" → female), else
    /// the words after "Trong đó" as written ("Trong đó: vị thành niên" → "vị thành niên"), else null.
    /// </summary>
    public string? Part(string text)
    {
        if (Disaggregation(text) is { } known)
        {
            return known.Code;
        }

        var key = HeaderKey.Toned(text.TrimStart(' ', '-', '–', '*', '+', '•'));
        return key.StartsWith("trong đó ", StringComparison.Ordinal) ? key["trong đó ".Length..] : null;
    }

    /// <summary>True when <paramref name="text"/> is a unit of measure ("ca", "người", "%").</summary>
    public bool IsUnit(string text) => Units.Contains(HeaderKey.Of(text));

    /// <summary>The measure a measure-role cell names ("cộng dồn" → ytd), or null.</summary>
    public string? MeasureWord(string text) => MeasureWords.GetValueOrDefault(HeaderKey.Of(text));

    /// <summary>This vocabulary with a template's own header words, qualifiers and label headers added (they come first).</summary>
    public TableVocabulary With(TemplateSpec template)
    {
        if (template.Headers.Count == 0 && template.Qualifiers.Count == 0 && template.LabelHeaders.Count == 0 && template.AreaHeaders.Count == 0)
        {
            return this;
        }

        // One vocabulary per template a process holds: every file read with it shares what its memories learned.
        return withTemplates.GetValue(template, Extend);
    }

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<TemplateSpec, TableVocabulary> withTemplates = [];

    private TableVocabulary Extend(TemplateSpec template)
    {
        var newRoles = new Dictionary<string, LabelRole>(roles, StringComparer.Ordinal);
        foreach (var word in template.LabelHeaders)
        {
            newRoles[HeaderKey.Of(word)] = LabelRole.Indicator;
        }

        foreach (var word in template.AreaHeaders)
        {
            newRoles[HeaderKey.Of(word)] = LabelRole.Area;
        }

        var newEvents = new Dictionary<string, string>(events, StringComparer.Ordinal);
        foreach (var (word, suffix) in template.Qualifiers)
        {
            newEvents[HeaderKey.Of(word)] = suffix;
        }

        var measures = template.Headers.SelectMany(h => h.Keys.Select(k => (Key: HeaderKey.Of(k), Rule: h)))
            .Concat(Measures).Where(r => r.Key.Length > 0)
            .OrderByDescending(r => r.Key.Length).ToList();
        return new TableVocabulary(newRoles, measures, MeasureWords, newEvents, DeathWords, Disaggregations, Units, Organisations, StopWords, Motto, UnitOfMeasure, Notes,
            template.Sums.Count > 0 ? [.. template.Sums, .. Sums] : Sums, Regions, Unplaced);
    }

    private static TableVocabulary Load()
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        var headers = deserializer.Deserialize<HeadersFile>(Resource("headers.yaml"));
        var titles = deserializer.Deserialize<TitlesFile>(Resource("titles.yaml"));
        var sums = deserializer.Deserialize<SumsFile>(Resource("sums.yaml"));

        var roles = new Dictionary<string, LabelRole>(StringComparer.Ordinal);
        foreach (var (name, words) in headers.Roles)
        {
            var role = Enum.Parse<LabelRole>(name, ignoreCase: true);
            foreach (var word in words)
            {
                roles[HeaderKey.Of(word)] = role;
            }
        }

        var events = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (suffix, words) in headers.Events)
        {
            foreach (var word in words)
            {
                events[HeaderKey.Of(word)] = suffix;
            }
        }

        var measureWords = headers.MeasureWords.SelectMany(m => m.Value.Select(w => (Key: HeaderKey.Of(w), Measure: m.Key)))
            .DistinctBy(m => m.Key).ToDictionary(m => m.Key, m => m.Measure, StringComparer.Ordinal);
        var measures = headers.Measures.SelectMany(h => h.Keys.Select(k => (Key: HeaderKey.Of(k), Rule: h)))
            .Where(r => r.Key.Length > 0).OrderByDescending(r => r.Key.Length).ToList();
        var disaggregations = headers.Disaggregations.SelectMany(d => d.Words.Select(w => (Key: HeaderKey.Toned(w), d.Key)))
            .OrderByDescending(d => d.Key.Length).ToList();
        var organisations = titles.Organisations
            .SelectMany(o => o.Words.Select(w => (Words: HeaderKey.Of(w), Level: o.Level switch
            {
                "province" => AreaLevel.Province,
                "district" => AreaLevel.District,
                "commune" => AreaLevel.Commune,
                _ => (AreaLevel?)null,
            }, National: o.Level == "national")))
            .OrderByDescending(o => o.Words.Length)
            .ToList();
        return new TableVocabulary(
            roles,
            measures,
            measureWords,
            events,
            headers.DeathWords.Select(HeaderKey.Of).ToList(),
            disaggregations,
            headers.Units.Select(HeaderKey.Of).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal),
            organisations,
            titles.StopWords.Select(HeaderKey.Of).ToList(),
            titles.Motto.Select(HeaderKey.Of).ToList(),
            titles.UnitOfMeasure.Select(HeaderKey.Of).ToList(),
            titles.Notes.Select(HeaderKey.Of).ToList(),
            sums.Sums,
            headers.Regions.Select(HeaderKey.Of).ToHashSet(StringComparer.Ordinal),
            headers.Unplaced.Select(HeaderKey.Of).ToHashSet(StringComparer.Ordinal));
    }

    internal static string Resource(string name)
    {
        using var stream = typeof(TableVocabulary).Assembly.GetManifestResourceStream("Ntm.Etl.Tables.vocabulary." + name)
            ?? throw new InvalidOperationException($"Missing vocabulary resource {name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private sealed class HeadersFile
    {
        public Dictionary<string, List<string>> Roles { get; set; } = [];

        public Dictionary<string, List<string>> MeasureWords { get; set; } = [];

        public Dictionary<string, List<string>> Events { get; set; } = [];

        public List<string> DeathWords { get; set; } = [];

        public List<DisaggregationEntry> Disaggregations { get; set; } = [];

        public List<string> Units { get; set; } = [];

        public List<HeaderRule> Measures { get; set; } = [];

        public List<string> Regions { get; set; } = [];

        public List<string> Unplaced { get; set; } = [];
    }

    private sealed class DisaggregationEntry
    {
        public string Key { get; set; } = string.Empty;

        public List<string> Words { get; set; } = [];
    }

    private sealed class TitlesFile
    {
        public List<OrganisationEntry> Organisations { get; set; } = [];

        public List<string> StopWords { get; set; } = [];

        public List<string> Motto { get; set; } = [];

        public List<string> UnitOfMeasure { get; set; } = [];

        public List<string> Notes { get; set; } = [];
    }

    private sealed class OrganisationEntry
    {
        public List<string> Words { get; set; } = [];

        public string Level { get; set; } = "any";
    }

    private sealed class SumsFile
    {
        public List<SumRule> Sums { get; set; } = [];
    }
}
