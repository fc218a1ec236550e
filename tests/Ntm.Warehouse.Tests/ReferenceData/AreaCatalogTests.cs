using Ntm.Domain.Areas;
using Ntm.Warehouse.ReferenceData;

namespace Ntm.Warehouse.Tests.ReferenceData;

[Collection(nameof(ReferenceCatalogs))]
public sealed class AreaCatalogTests(ReferenceCatalogs reference)
{
    private readonly AreaCatalog areas = reference.Areas;

    [Fact]
    public void Every_official_code_is_unique_within_its_generation()
    {
        foreach (var generation in AreaGeneration.All)
        {
            var codes = areas.Areas.Where(a => a.Generation == generation).Select(a => a.Code).ToList();
            Assert.Equal(codes.Count, codes.Distinct().Count());
        }

        Assert.Equal(areas.Areas.Count, areas.Areas.Select(a => a.AreaId).Distinct().Count());
    }

    [Fact]
    public void Counts_per_level_match_the_source_files()
    {
        // Counted straight from the shipped files, not through the loader.
        var oldLines = File.ReadAllLines(Path.Combine(Repository.Root(), "warehouse/Ntm.Warehouse/ReferenceData/data/units_20250301.csv")).Skip(1).ToList();
        var newLines = File.ReadAllLines(Path.Combine(Repository.Root(), "warehouse/Ntm.Warehouse/ReferenceData/data/units_20250701.csv")).Skip(1).ToList();
        int Old(string level) => oldLines.Count(l => l.Split(',')[1] == level);
        int New(string level) => newLines.Count(l => l.Split(',')[5] == level);
        int Count(AreaGeneration g, AreaLevel level) => areas.Areas.Count(a => a.Generation == g && a.Level == level);

        Assert.Equal((63, 696, 10_035), (Old("1"), Old("2"), Old("3")));
        Assert.Equal((Old("1"), Old("2"), Old("3")), (Count(AreaGeneration.Before2025, AreaLevel.Province), Count(AreaGeneration.Before2025, AreaLevel.District), Count(AreaGeneration.Before2025, AreaLevel.Commune)));
        Assert.Equal((34, 3_321), (New("1"), New("2")));
        Assert.Equal((New("1"), 0, New("2")), (Count(AreaGeneration.From2025, AreaLevel.Province), Count(AreaGeneration.From2025, AreaLevel.District), Count(AreaGeneration.From2025, AreaLevel.Commune)));
    }

    [Fact]
    public void The_shipped_unit_files_are_the_published_files_byte_for_byte()
    {
        var folder = Path.Combine(Repository.Root(), "warehouse/Ntm.Warehouse/ReferenceData/data");
        var digests = File.ReadLines(Path.Combine(folder, "README.md"))
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^\| `([a-z0-9_]+\.csv)` \| `([0-9a-f]{64})` \|$"))
            .Where(m => m.Success).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.Equal(["crosswalk_communes_20250701.csv", "crosswalk_provinces_20250701.csv", "units_20250301.csv", "units_20250701.csv"], digests.Keys.Order(StringComparer.Ordinal));
        foreach (var (file, digest) in digests)
        {
            Assert.Equal(digest, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, file)))));
        }
    }

    [Fact]
    public void Every_new_province_is_reached_from_an_old_one_and_every_old_one_leads_to_a_new_one()
    {
        var provinces = areas.Areas.Where(a => a.Level == AreaLevel.Province).ToList();
        var oldProvinces = provinces.Where(a => a.Generation == AreaGeneration.Before2025).Select(a => a.AreaId).ToHashSet();
        var newProvinces = provinces.Where(a => a.Generation == AreaGeneration.From2025).Select(a => a.AreaId).ToHashSet();
        var links = areas.Crosswalk.Where(c => oldProvinces.Contains(c.OldAreaId)).ToList();

        Assert.Equal(newProvinces.Order(), links.Select(l => l.NewAreaId).Distinct().Order());
        Assert.Equal(oldProvinces.Order(), links.Select(l => l.OldAreaId).Distinct().Order());
        Assert.All(links, l => Assert.Contains(l.NewAreaId, newProvinces));
    }

    [Fact]
    public void Every_old_unit_weights_sum_to_one_and_every_new_commune_is_reached()
    {
        Assert.All(areas.Crosswalk.GroupBy(c => c.OldAreaId), g => Assert.True(g.Sum(c => c.Weight) == 1m, string.Join(" ", g)));
        var reached = areas.Crosswalk.Select(c => c.NewAreaId).ToHashSet();
        Assert.All(areas.Areas.Where(a => a.Generation == AreaGeneration.From2025), a => Assert.Contains(a.AreaId, reached));
        var oldCommunes = areas.Areas.Where(a => a.Generation == AreaGeneration.Before2025 && a.Level == AreaLevel.Commune).Select(a => a.AreaId);
        var linked = areas.Crosswalk.Select(c => c.OldAreaId).ToHashSet();
        Assert.All(oldCommunes, id => Assert.Contains(id, linked));
    }

    [Fact]
    public void A_split_commune_is_shared_equally_and_a_whole_one_moves_with_weight_one()
    {
        var ngocHa = areas.Crosswalk.Where(c => c.OldCode == "00016" && c.MergeType == "partial").ToList();
        Assert.True(ngocHa.Count > 1);
        Assert.All(ngocHa, c => Assert.Equal(1m / ngocHa.Count, c.Weight, 5));
        var trucBach = Assert.Single(areas.Crosswalk, c => c.OldCode == "00004" && c.OldAreaId == AreaGeneration.Before2025.AreaId(AreaLevel.Commune, "00004"));
        Assert.Equal(1m, trucBach.Weight);
    }

    [Fact]
    public void Codes_the_crosswalk_and_the_unit_list_disagree_on_are_mapped_and_missing_ones_reported()
    {
        Assert.Contains(areas.Crosswalk, c => c.NewCode == "06978");
        Assert.Contains(areas.Crosswalk, c => c.NewCode == "23938");
        Assert.DoesNotContain(areas.Crosswalk, c => c.NewCode == "06970" && c.NewAreaId == AreaGeneration.From2025.AreaId(AreaLevel.Commune, "06970"));
        Assert.Contains(areas.Notes, n => n.Contains("07693", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reused_code_names_different_units_in_the_two_generations()
    {
        // Bắc Ninh took code 24, which was Bắc Giang's.
        var old24 = areas.Areas.Single(a => a.Code == "24" && a.Generation == AreaGeneration.Before2025);
        var new24 = areas.Areas.Single(a => a.Code == "24" && a.Generation == AreaGeneration.From2025);
        Assert.Equal("Bắc Giang", old24.Name);
        Assert.Equal("Bắc Ninh", new24.Name);
        Assert.NotEqual(old24.AreaId, new24.AreaId);
        Assert.Equal(new DateOnly(2025, 6, 30), old24.ValidTo);
        Assert.Null(new24.ValidTo);
    }

    [Fact]
    public void Every_province_has_a_new_rural_region_and_tdmnpb_joins_two_statistical_regions()
    {
        var regionOf = areas.Segments.Where(s => s.Kind == AreaCatalog.NtmRegion).ToDictionary(s => s.AreaId, s => s.Value);
        Assert.All(areas.Areas.Where(a => a.Level == AreaLevel.Province), p => Assert.True(regionOf.ContainsKey(p.AreaId), p.FullName));
        string Region(AreaGeneration g, string code) => regionOf[g.AreaId(AreaLevel.Province, code)];
        Assert.Equal("TDMNPB", Region(AreaGeneration.Before2025, "02")); // Hà Giang, Đông Bắc Bộ
        Assert.Equal("TDMNPB", Region(AreaGeneration.Before2025, "11")); // Điện Biên, Tây Bắc Bộ
        Assert.Equal("ĐBSCL", Region(AreaGeneration.Before2025, "93"));  // Hậu Giang
        Assert.Equal("ĐBSH", Region(AreaGeneration.Before2025, "30"));   // Hải Dương
        // A commune takes its province's region.
        Assert.Equal("ĐBSCL", regionOf[AreaGeneration.Before2025.AreaId(AreaLevel.District, "936")]);
    }
}
