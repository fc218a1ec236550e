using System.Globalization;

namespace Ntm.Warehouse.ReferenceData;

/// <summary>
/// A criteria set: what its thresholds vary by, which segment especially disadvantaged communes
/// use, the years it is in force and the unit types it judges (empty: every unit).
/// </summary>
public sealed record CriteriaSetRecord(string SetCode, string NameVi, string? SegmentKind, string? DisadvantagedSegment, short ValidFromYear, short ValidToYear, string? Source, IReadOnlyList<string>? UnitTypes = null)
{
    /// <summary>True when the set judges units of <paramref name="unitType"/> (Xã, Phường, Thị trấn…).</summary>
    public bool Judges(string unitType) => UnitTypes is not { Count: > 0 } types || types.Contains(unitType, StringComparer.Ordinal);

    /// <summary>True when the set is in force in <paramref name="year"/>.</summary>
    public bool InForce(int year) => ValidFromYear <= year && year <= ValidToYear;

    /// <summary>"xã", "xã, thị trấn" or "đơn vị": how the set's units are named in a headline.</summary>
    public string UnitWord => UnitTypes is { Count: 1 } types ? types[0].ToLowerInvariant() : "đơn vị";
}

/// <summary>A criterion: the indicator it judges and how.</summary>
public sealed record CriterionRecord(string SetCode, string CriterionCode, string IndicatorCode, string Comparator, string? Unit, string NameVi, string? Source, string? LabelVi = null)
{
    /// <summary>The column label: the short Vietnamese label when the set gives one, else the code (15.1).</summary>
    public string Label => LabelVi ?? CriterionCode;
}

/// <summary>A threshold of a criterion for one segment (<c>*</c> = every area), with the source's caveat.</summary>
public sealed record ThresholdRecord(string SetCode, string CriterionCode, string Segment, decimal Threshold, short ValidFromYear, short ValidToYear, string? Note);

/// <summary>What a threshold set by the province applies to.</summary>
public enum OverrideScope
{
    /// <summary>Every unit of one province (<see cref="OverrideRecord.AppliesTo"/> is the province code).</summary>
    Province,

    /// <summary>Every unit of one region or group of the set (<see cref="OverrideRecord.AppliesTo"/> is TDMNPB, ĐBSCL, nhom_2…).</summary>
    Segment,
}

/// <summary>
/// A threshold set by the province for a criterion (<c>ntm criteria threshold set</c>), for one
/// province or one region or group of the set, from a date, with the document it comes from.
/// </summary>
public sealed record OverrideRecord(string SetCode, string CriterionCode, OverrideScope Scope, string AppliesTo, DateOnly ValidFrom, decimal Threshold, string Source, string? Note)
{
    /// <summary>"province" or "segment", as the warehouse stores it.</summary>
    public string ScopeCode => Scope == OverrideScope.Province ? "province" : "segment";

    /// <summary>"tỉnh 92" or "vùng ĐBSCL": what a table shows.</summary>
    public string AppliesToVi => Scope == OverrideScope.Province ? $"tỉnh {AppliesTo}" : $"vùng/nhóm {AppliesTo}";

    /// <summary>The scope of a stored code.</summary>
    public static OverrideScope ScopeOf(string code) => code == "province" ? OverrideScope.Province : OverrideScope.Segment;

    /// <summary>The reference file the row comes from, for messages.</summary>
    public string? File { get; init; }
}

/// <summary>A plan target for an area and year.</summary>
public sealed record TargetRecord(string AreaCode, string Generation, short Year, string IndicatorCode, string Comparator, decimal Value, string? Source);

/// <summary>
/// Criteria sets, criteria, thresholds, province overrides and targets, from the reference files.
/// A new set (next year's, or one keyed by commune group) is a new data file, not code. Pure.
/// </summary>
public sealed class CriteriaCatalog
{
    /// <summary>The segment value of a threshold that applies to every area.</summary>
    public const string AnySegment = "*";

    private static readonly string[] Comparators = [">=", ">", "<=", "<", "="];

    private CriteriaCatalog(
        IReadOnlyList<CriteriaSetRecord> sets,
        IReadOnlyList<CriterionRecord> criteria,
        IReadOnlyList<ThresholdRecord> thresholds,
        IReadOnlyList<OverrideRecord> overrides,
        IReadOnlyList<TargetRecord> targets)
    {
        Sets = sets;
        Criteria = criteria;
        Thresholds = thresholds;
        Overrides = overrides;
        Targets = targets;
    }

    /// <summary>The criteria sets.</summary>
    public IReadOnlyList<CriteriaSetRecord> Sets { get; }

    /// <summary>Every criterion of every set.</summary>
    public IReadOnlyList<CriterionRecord> Criteria { get; }

    /// <summary>Every threshold (one per criterion and segment).</summary>
    public IReadOnlyList<ThresholdRecord> Thresholds { get; }

    /// <summary>Province overrides.</summary>
    public IReadOnlyList<OverrideRecord> Overrides { get; }

    /// <summary>Plan targets.</summary>
    public IReadOnlyList<TargetRecord> Targets { get; }

    /// <summary>The catalogue as already loaded and checked (read back from the warehouse by <c>CriteriaQuery</c>).</summary>
    public static CriteriaCatalog FromLoaded(
        IReadOnlyList<CriteriaSetRecord> sets,
        IReadOnlyList<CriterionRecord> criteria,
        IReadOnlyList<ThresholdRecord> thresholds,
        IReadOnlyList<OverrideRecord> overrides) => new(sets, criteria, thresholds, overrides, []);

    /// <summary>Builds the catalogue, checking every criterion against <paramref name="indicators"/>.</summary>
    public static CriteriaCatalog Build(ReferenceFiles files, IndicatorCatalog indicators)
    {
        var sets = new Dictionary<string, CriteriaSetRecord>(StringComparer.Ordinal);
        foreach (var table in files.Tables("criteria_sets"))
        {
            table.Require("set_code", "name_vi", "segment_kind", "valid_from_year", "valid_to_year");
            foreach (var row in table.Rows)
            {
                var set = new CriteriaSetRecord(row["set_code"], row["name_vi"], Blank(row["segment_kind"]), Blank(row.GetValueOrDefault("disadvantaged_segment")),
                    Year(row["valid_from_year"], table.Name), Year(row["valid_to_year"], table.Name), Blank(row.GetValueOrDefault("source")),
                    UnitTypesOf(row.GetValueOrDefault("unit_types")));
                if (!sets.TryAdd(set.SetCode, set))
                {
                    throw new ReferenceDataException($"{table.Name}: bộ tiêu chí {set.SetCode} được khai báo hai lần.");
                }
            }
        }

        var criteria = new Dictionary<(string, string), CriterionRecord>();
        var thresholds = new Dictionary<(string, string, string), ThresholdRecord>();
        foreach (var table in files.Tables("criteria"))
        {
            table.Require("set_code", "criterion_code", "indicator_code", "comparator", "threshold", "unit", "region", "valid_from", "valid_to", "name_vi", "source", "note");
            foreach (var row in table.Rows)
            {
                var where = $"{table.Name}, {row["set_code"]} {row["criterion_code"]}";
                if (!sets.ContainsKey(row["set_code"]))
                {
                    throw new ReferenceDataException($"{where}: bộ tiêu chí {row["set_code"]} không có trong criteria_sets.");
                }

                if (!indicators.Contains(row["indicator_code"]))
                {
                    throw new ReferenceDataException($"{where}: chỉ tiêu {row["indicator_code"]} không có trong danh mục chỉ tiêu.");
                }

                if (!Comparators.Contains(row["comparator"]))
                {
                    throw new ReferenceDataException($"{where}: phép so sánh '{row["comparator"]}' không hợp lệ; cần một trong >=, >, <=, <, =.");
                }

                var criterion = new CriterionRecord(row["set_code"], row["criterion_code"], row["indicator_code"], row["comparator"], Blank(row["unit"]), row["name_vi"], Blank(row["source"]), Blank(row.GetValueOrDefault("label_vi")));
                var key = (criterion.SetCode, criterion.CriterionCode);
                if (criteria.TryGetValue(key, out var existing))
                {
                    if (existing.IndicatorCode != criterion.IndicatorCode || existing.Comparator != criterion.Comparator)
                    {
                        throw new ReferenceDataException($"{where}: các dòng của cùng một tiêu chí ghi chỉ tiêu hoặc phép so sánh khác nhau.");
                    }
                }
                else
                {
                    criteria[key] = criterion;
                }

                var segment = Blank(row["region"]) ?? AnySegment;
                var threshold = new ThresholdRecord(criterion.SetCode, criterion.CriterionCode, segment, Number(row["threshold"], where),
                    Year(row["valid_from"], where), Year(row["valid_to"], where), Blank(row["note"]));
                if (!thresholds.TryAdd((criterion.SetCode, criterion.CriterionCode, segment), threshold))
                {
                    throw new ReferenceDataException($"{where}: hai ngưỡng cho cùng nhóm {segment}.");
                }
            }
        }

        var overrides = new List<OverrideRecord>();
        var overrideFiles = new Dictionary<(string, string, OverrideScope, string, DateOnly), string>();
        foreach (var table in files.Tables("criterion_overrides"))
        {
            table.Require("set_code", "criterion_code", "province_code", "valid_from", "threshold", "source");
            foreach (var row in table.Rows)
            {
                var province = Blank(row["province_code"]);
                var region = Blank(row.GetValueOrDefault("region"));
                var where = $"{table.Name}, {row["set_code"]} {row["criterion_code"]} {province ?? region}";
                if (!criteria.ContainsKey((row["set_code"], row["criterion_code"])))
                {
                    throw new ReferenceDataException($"{where}: không có tiêu chí này.");
                }

                if ((province is null) == (region is null))
                {
                    throw new ReferenceDataException($"{where}: mỗi dòng ghi đúng một trong hai cột province_code (ngưỡng của một tỉnh) hoặc region (ngưỡng của một vùng, nhóm của bộ tiêu chí).");
                }

                if (region is not null && sets[row["set_code"]].SegmentKind is null)
                {
                    throw new ReferenceDataException($"{where}: bộ tiêu chí {row["set_code"]} không chia ngưỡng theo vùng hay nhóm; hãy ghi ngưỡng cho tỉnh (cột province_code).");
                }

                if (!DateOnly.TryParseExact(row["valid_from"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var validFrom))
                {
                    throw new ReferenceDataException($"{where}: ngày áp dụng '{row["valid_from"]}' cần có dạng yyyy-MM-dd.");
                }

                var record = new OverrideRecord(row["set_code"], row["criterion_code"], province is null ? OverrideScope.Segment : OverrideScope.Province, province ?? region!,
                    validFrom, Number(row["threshold"], where),
                    Blank(row["source"]) ?? throw new ReferenceDataException($"{where}: ngưỡng riêng của tỉnh cần ghi nguồn (cột source)."), Blank(row.GetValueOrDefault("note")))
                {
                    File = table.Name,
                };
                if (!overrideFiles.TryAdd((record.SetCode, record.CriterionCode, record.Scope, record.AppliesTo, record.ValidFrom), table.Name))
                {
                    throw new ReferenceDataException($"{where}: ngưỡng từ {record.ValidFrom:dd/MM/yyyy} đã được ghi trong {overrideFiles[(record.SetCode, record.CriterionCode, record.Scope, record.AppliesTo, record.ValidFrom)]}; mỗi ngưỡng chỉ ghi một lần.");
                }

                overrides.Add(record);
            }
        }

        var targets = new List<TargetRecord>();
        foreach (var table in files.Tables("targets"))
        {
            table.Require("area_code", "year", "indicator_code", "comparator", "value");
            foreach (var row in table.Rows)
            {
                var where = $"{table.Name}, {row["area_code"]} {row["year"]} {row["indicator_code"]}";
                if (!indicators.Contains(row["indicator_code"]))
                {
                    throw new ReferenceDataException($"{where}: chỉ tiêu {row["indicator_code"]} không có trong danh mục chỉ tiêu.");
                }

                targets.Add(new TargetRecord(row["area_code"], Blank(row.GetValueOrDefault("generation")) ?? "2025-03", Year(row["year"], where),
                    row["indicator_code"], row["comparator"], Number(row["value"], where), Blank(row.GetValueOrDefault("source"))));
            }
        }

        return new CriteriaCatalog(sets.Values.ToList(), criteria.Values.ToList(), thresholds.Values.ToList(), overrides, targets);
    }

    /// <summary>
    /// The catalogue with each threshold the province set checked against the units: a province
    /// code must name a province, a region or group must be one the set's kind has (written with or
    /// without diacritics, stored as the set spells it), so that a row never silently applies to nothing.
    /// </summary>
    public CriteriaCatalog CheckedAgainst(AreaCatalog areas)
    {
        var provinces = areas.Areas.Where(a => a.Level == Ntm.Domain.Areas.AreaLevel.Province).Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        var checkedOverrides = new List<OverrideRecord>(Overrides.Count);
        foreach (var o in Overrides)
        {
            var where = $"{o.File}, {o.SetCode} {o.CriterionCode} {o.AppliesTo}";
            if (o.Scope == OverrideScope.Province)
            {
                checkedOverrides.Add(provinces.Contains(o.AppliesTo) ? o : throw new ReferenceDataException($"{where}: không có tỉnh, thành phố mã '{o.AppliesTo}'."));
                continue;
            }

            var set = Sets.First(s => s.SetCode == o.SetCode);
            var known = areas.Segments.Where(s => s.Kind == set.SegmentKind).Select(s => s.Value)
                .Concat(Thresholds.Where(t => t.SetCode == set.SetCode && t.Segment != AnySegment).Select(t => t.Segment))
                .Concat(set.DisadvantagedSegment is { } d ? [d] : [])
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var key = Ntm.Domain.Text.VietnameseText.Key(o.AppliesTo);
            var match = known.FirstOrDefault(k => Ntm.Domain.Text.VietnameseText.Key(k) == key)
                ?? throw new ReferenceDataException($"{where}: bộ {set.SetCode} chia ngưỡng theo {set.SegmentKind}; không có '{o.AppliesTo}'. Các giá trị: {string.Join(", ", known)}.");
            checkedOverrides.Add(o with { AppliesTo = match });
        }

        var duplicate = checkedOverrides.GroupBy(o => (o.SetCode, o.CriterionCode, o.Scope, o.AppliesTo, o.ValidFrom)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ReferenceDataException($"{string.Join(" và ", duplicate.Select(o => o.File).Distinct())}: ngưỡng của {duplicate.Key.SetCode} {duplicate.Key.CriterionCode} cho {duplicate.Key.AppliesTo} từ {duplicate.Key.ValidFrom:dd/MM/yyyy} được ghi hai lần.");
        }

        return new CriteriaCatalog(Sets, Criteria, Thresholds, checkedOverrides, Targets);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static short Year(string value, string where) =>
        short.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : throw new ReferenceDataException($"{where}: '{value}' không phải là năm.");

    private static decimal Number(string value, string where) =>
        decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number : throw new ReferenceDataException($"{where}: '{value}' không phải là số.");

    /// <summary>The unit types of a ';'-separated list; empty for a blank one.</summary>
    public static IReadOnlyList<string> UnitTypesOf(string? list) =>
        string.IsNullOrWhiteSpace(list) ? [] : list.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
