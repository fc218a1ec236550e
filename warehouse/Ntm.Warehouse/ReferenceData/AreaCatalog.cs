using System.Globalization;
using Ntm.Domain.Areas;
using Ntm.Domain.Text;

namespace Ntm.Warehouse.ReferenceData;

/// <summary>
/// Both generations of administrative units, the crosswalk between them and the segments
/// (New Rural region…) thresholds depend on, built from the reference files. Pure: no I/O.
/// </summary>
public sealed class AreaCatalog
{
    /// <summary>Segment kind of the New Rural region (TDMNPB, ĐBSH…).</summary>
    public const string NtmRegion = "ntm_region";

    private AreaCatalog(
        IReadOnlyList<AreaRecord> areas,
        IReadOnlyList<CrosswalkRecord> crosswalk,
        IReadOnlyList<AreaSegmentRecord> segments,
        IReadOnlyList<AreaAliasRecord> aliases,
        IReadOnlyList<string> notes)
    {
        Areas = areas;
        Crosswalk = crosswalk;
        Segments = segments;
        Aliases = aliases;
        Notes = notes;
    }

    /// <summary>Every unit of both generations.</summary>
    public IReadOnlyList<AreaRecord> Areas { get; }

    /// <summary>Old → new links: provinces, districts (to their new province) and communes.</summary>
    public IReadOnlyList<CrosswalkRecord> Crosswalk { get; }

    /// <summary>New Rural regions of every unit, and classifications added as data.</summary>
    public IReadOnlyList<AreaSegmentRecord> Segments { get; }

    /// <summary>Other spellings of unit names.</summary>
    public IReadOnlyList<AreaAliasRecord> Aliases { get; }

    /// <summary>What was left out and why (crosswalk rows naming units the unit lists lack).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Builds the catalogue; throws <see cref="ReferenceDataException"/> naming the file and row on bad data.</summary>
    public static AreaCatalog Build(ReferenceFiles files)
    {
        var notes = new List<string>();
        var regions = files.BuiltIn("ntm_regions").Require("statistical_region", "ntm_region").Rows
            .ToDictionary(r => r["statistical_region"], r => r["ntm_region"], StringComparer.Ordinal);

        var old = ReadOldUnits(files.BuiltIn("units_20250301"));
        var current = ReadNewUnits(files.BuiltIn("units_20250701"));
        var oldByCode = old.ToDictionary(a => a.Code, StringComparer.Ordinal);
        var newByCode = current.ToDictionary(a => a.Code, StringComparer.Ordinal);

        var fixes = files.BuiltIn("crosswalk_code_fixes").Require("code_in_file", "code_in_units").Rows
            .ToDictionary(r => r["code_in_file"], r => r["code_in_units"], StringComparer.Ordinal);

        var crosswalk = new List<CrosswalkRecord>();
        var newProvinceOfOld = new Dictionary<string, AreaRecord>(StringComparer.Ordinal);
        foreach (var row in files.BuiltIn("crosswalk_provinces_20250701").Require("old_province_code", "new_province_code", "merge_type").Rows)
        {
            var from = Lookup(oldByCode, row["old_province_code"], "crosswalk_provinces_20250701.csv");
            var to = Lookup(newByCode, row["new_province_code"], "crosswalk_provinces_20250701.csv");
            newProvinceOfOld[from.Code] = to;
            crosswalk.Add(new CrosswalkRecord(from.AreaId, to.AreaId, from.Code, to.Code, 1m, row["merge_type"]));
        }

        var communeLinks = new List<(AreaRecord From, AreaRecord To, string MergeType)>();
        var skipped = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var row in files.BuiltIn("crosswalk_communes_20250701").Require("old_commune_code", "new_commune_code", "merge_type").Rows)
        {
            var newCode = fixes.GetValueOrDefault(row["new_commune_code"], row["new_commune_code"]);
            if (!oldByCode.TryGetValue(row["old_commune_code"], out var from))
            {
                skipped.Add(row["old_commune_code"]);
                continue;
            }

            communeLinks.Add((from, Lookup(newByCode, newCode, "crosswalk_communes_20250701.csv"), row["merge_type"]));
        }

        if (skipped.Count > 0)
        {
            notes.Add($"{skipped.Count} old commune code(s) in the crosswalk are not in units_20250301.csv (changed between March and June 2025) and were left out: {string.Join(", ", skipped)}.");
        }

        // A commune split between several new communes is shared equally among them: the sources give
        // no population shares. Weights of one old unit always sum to 1.
        foreach (var group in communeLinks.GroupBy(l => l.From.AreaId))
        {
            var links = group.ToList();
            var weight = Math.Round(1m / links.Count, 6);
            var last = 1m - (weight * (links.Count - 1));
            for (var i = 0; i < links.Count; i++)
            {
                crosswalk.Add(new CrosswalkRecord(links[i].From.AreaId, links[i].To.AreaId, links[i].From.Code, links[i].To.Code, i == links.Count - 1 ? last : weight, links[i].MergeType));
            }
        }

        // A district lay wholly inside one old province, which went wholly into one new province. A few
        // island districts became a special zone (đặc khu) themselves: the commune crosswalk links them.
        var linkedDistricts = communeLinks.Select(l => l.From.AreaId).ToHashSet();
        foreach (var district in old.Where(a => a.Level == AreaLevel.District && !linkedDistricts.Contains(a.AreaId)))
        {
            var to = newProvinceOfOld[district.ProvinceCode];
            crosswalk.Add(new CrosswalkRecord(district.AreaId, to.AreaId, district.Code, to.Code, 1m, "full"));
        }

        var segments = RegionSegments(old, current, communeLinks, regions, out var newProvinceRegions);
        current = current.Select(a => a.Level == AreaLevel.Province ? a with { Region = newProvinceRegions.GetValueOrDefault(a.Code) } : a).ToList();
        var areas = old.Concat(current).ToList();
        var byGenerationAndCode = areas.ToDictionary(a => (a.Generation.Code, a.Code));

        foreach (var row in files.All("area_segments"))
        {
            var area = LookupGeneration(byGenerationAndCode, row, "area_segments");
            segments.Add(new AreaSegmentRecord(area.AreaId, Required(row, "segment_kind"), Required(row, "segment_value"),
                Year(row, "valid_from_year", 2000), Year(row, "valid_to_year", 9999), row.GetValueOrDefault("source")));
        }

        var aliases = files.All("area_aliases")
            .Select(row => new AreaAliasRecord(row["alias"], LookupGeneration(byGenerationAndCode, row, "area_aliases").AreaId))
            .ToList();

        return new AreaCatalog(areas, crosswalk, segments, aliases, notes);
    }

    private static List<AreaRecord> ReadOldUnits(CsvTable table)
    {
        table.Require("code", "level", "unit_type", "name", "full_name", "name_en", "parent_code", "province_code", "region");
        var generation = AreaGeneration.Before2025;
        var rows = table.Rows.Select(r => (Row: r, Level: (AreaLevel)int.Parse(r["level"], CultureInfo.InvariantCulture))).ToList();
        var levelOf = rows.ToDictionary(r => r.Row["code"], r => r.Level, StringComparer.Ordinal);
        return rows.Select(r =>
        {
            var parent = r.Row["parent_code"];
            int? parentId = parent.Length == 0 ? null : generation.AreaId(levelOf[parent], parent);
            return new AreaRecord(
                generation.AreaId(r.Level, r.Row["code"]), r.Row["code"], VietnameseText.Clean(r.Row["name"]), VietnameseText.Clean(r.Row["full_name"]),
                r.Row["name_en"], r.Level, r.Row["unit_type"], parentId, parent.Length == 0 ? null : parent, r.Row["province_code"],
                r.Row["region"].Length == 0 ? null : r.Row["region"], generation);
        }).ToList();
    }

    private static List<AreaRecord> ReadNewUnits(CsvTable table)
    {
        table.Require("code", "name", "full_name", "name_en", "unit_type", "level", "parent_code");
        var generation = AreaGeneration.From2025;
        return table.Rows.Select(r =>
        {
            // The new generation has two levels: 1 province, 2 commune (no districts).
            var level = r["level"] == "1" ? AreaLevel.Province : AreaLevel.Commune;
            var parent = r["parent_code"];
            var unitType = level == AreaLevel.Province && r["unit_type"] == "Thành phố" ? "Thành phố trực thuộc trung ương" : r["unit_type"];
            return new AreaRecord(
                generation.AreaId(level, r["code"]), r["code"], VietnameseText.Clean(r["name"]), VietnameseText.Clean(r["full_name"]), r["name_en"],
                level, unitType, parent.Length == 0 ? null : generation.AreaId(AreaLevel.Province, parent), parent.Length == 0 ? null : parent,
                level == AreaLevel.Province ? r["code"] : parent, null, generation);
        }).ToList();
    }

    /// <summary>
    /// New Rural regions: an old unit takes its province's region; a new commune the region of
    /// the old communes it was made of (the most common one); a new province the region most of
    /// its communes have (the 2025 mergers joined provinces of different regions).
    /// </summary>
    private static List<AreaSegmentRecord> RegionSegments(
        List<AreaRecord> old,
        List<AreaRecord> current,
        List<(AreaRecord From, AreaRecord To, string MergeType)> communeLinks,
        Dictionary<string, string> regions,
        out Dictionary<string, string> newProvinceRegions)
    {
        var provinceRegion = old.Where(a => a.Level == AreaLevel.Province)
            .ToDictionary(a => a.Code, a => a.Region ?? throw new ReferenceDataException($"units_20250301.csv: tỉnh {a.Code} không có vùng."), StringComparer.Ordinal);
        string NtmRegionOf(string statistical) =>
            regions.TryGetValue(statistical, out var ntm) ? ntm : throw new ReferenceDataException($"ntm_regions.csv: không có dòng cho vùng '{statistical}'.");

        var segments = old.Select(a => new AreaSegmentRecord(a.AreaId, NtmRegion, NtmRegionOf(provinceRegion[a.ProvinceCode]), 2000, 9999, "units_20250301.csv")).ToList();

        var communeRegion = communeLinks
            .GroupBy(l => l.To.Code)
            .ToDictionary(g => g.Key, g => Majority(g.Select(l => provinceRegion[l.From.ProvinceCode])), StringComparer.Ordinal);
        newProvinceRegions = current.Where(a => a.Level == AreaLevel.Commune && communeRegion.ContainsKey(a.Code))
            .GroupBy(a => a.ProvinceCode)
            .ToDictionary(g => g.Key, g => Majority(g.Select(a => communeRegion[a.Code])), StringComparer.Ordinal);
        foreach (var area in current)
        {
            var statistical = area.Level == AreaLevel.Province ? newProvinceRegions.GetValueOrDefault(area.Code) : communeRegion.GetValueOrDefault(area.Code);
            statistical ??= newProvinceRegions.GetValueOrDefault(area.ProvinceCode);
            if (statistical is not null)
            {
                segments.Add(new AreaSegmentRecord(area.AreaId, NtmRegion, NtmRegionOf(statistical), 2000, 9999, "crosswalk_communes_20250701.csv"));
            }
        }

        return segments;
    }

    private static string Majority(IEnumerable<string> values) =>
        values.GroupBy(v => v, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;

    private static AreaRecord Lookup(Dictionary<string, AreaRecord> byCode, string code, string file) =>
        byCode.TryGetValue(code, out var area) ? area : throw new ReferenceDataException($"{file}: mã đơn vị {code} không có trong danh sách đơn vị.");

    private static AreaRecord LookupGeneration(Dictionary<(string, string), AreaRecord> areas, IReadOnlyDictionary<string, string> row, string file)
    {
        var generation = row.GetValueOrDefault("generation") is { Length: > 0 } g ? g : AreaGeneration.From2025.Code;
        var code = Required(row, "area_code");
        return areas.TryGetValue((generation, code), out var area)
            ? area
            : throw new ReferenceDataException($"{file}: không có đơn vị mã {code} thuộc thế hệ {generation}.");
    }

    private static string Required(IReadOnlyDictionary<string, string> row, string column) =>
        row.TryGetValue(column, out var value) && value.Length > 0 ? value : throw new ReferenceDataException($"Thiếu giá trị ở cột {column}.");

    private static short Year(IReadOnlyDictionary<string, string> row, string column, short fallback) =>
        row.TryGetValue(column, out var value) && value.Length > 0 ? short.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
