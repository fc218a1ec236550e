using Ntm.Warehouse.Criteria;
using Ntm.Warehouse.ReferenceData;
using Ntm.Warehouse.Tests.ReferenceData;

namespace Ntm.Warehouse.Tests.Criteria;

[Collection(nameof(ReferenceCatalogs))]
public sealed class ThresholdResolverTests(ReferenceCatalogs reference)
{
    private static AreaContext Commune(string province, string region, bool disadvantaged = false) =>
        new(province, new Dictionary<string, string>
        {
            [AreaCatalog.NtmRegion] = region,
            [AreaContext.EspeciallyDisadvantaged] = disadvantaged ? "true" : "false",
        });

    [Fact]
    public void Region_specific_thresholds_follow_the_communes_region()
    {
        var resolver = new ThresholdResolver(reference.Criteria);
        Assert.Equal(19m, resolver.Resolve("NTM-2021-2025", "15.3", Commune("93", "ĐBSCL"), 2023)!.Threshold);
        Assert.Equal(16.5m, resolver.Resolve("NTM-2021-2025", "15.3", Commune("30", "ĐBSH"), 2023)!.Threshold);
        var national = resolver.Resolve("NTM-2021-2025", "15.1", Commune("93", "ĐBSCL"), 2023)!;
        Assert.Equal((90m, ThresholdOrigin.National), (national.Threshold, national.Origin));
    }

    [Fact]
    public void Especially_disadvantaged_communes_take_the_tdmnpb_threshold()
    {
        var resolver = new ThresholdResolver(reference.Criteria);
        var resolved = resolver.Resolve("NTM-2021-2025", "15.3", Commune("93", "ĐBSCL", disadvantaged: true), 2023)!;
        Assert.Equal((24m, "TDMNPB"), (resolved.Threshold, resolved.Segment));
    }

    [Fact]
    public void A_region_the_set_gives_no_threshold_for_resolves_to_none_rather_than_a_guess()
    {
        var resolver = new ThresholdResolver(reference.Criteria);
        Assert.Null(resolver.Resolve("NTM-2021-2025", "15.4", Commune("93", "ĐBSCL"), 2023));
        Assert.Equal(50m, resolver.Resolve("NTM-2021-2025", "15.4", Commune("02", "TDMNPB"), 2023)!.Threshold);
    }

    [Fact]
    public void Thresholds_apply_only_in_their_years()
    {
        var resolver = new ThresholdResolver(reference.Criteria);
        Assert.Null(resolver.Resolve("NTM-2021-2025", "15.1", Commune("93", "ĐBSCL"), 2026));
    }

    [Fact]
    public void A_province_override_wins_from_its_date()
    {
        var files = IndicatorAndCriteriaCatalogTests.WithExtra(("criterion_overrides", "hai-duong.csv", """
            set_code,criterion_code,province_code,valid_from,threshold,source,note
            NTM-NC-2021-2025,14.4,30,2023-01-01,80,Quyết định của UBND tỉnh Hải Dương (ví dụ kiểm thử),
            """));
        var catalog = CriteriaCatalog.Build(files, IndicatorCatalog.Build(files));
        var resolver = new ThresholdResolver(catalog);
        Assert.Equal(75m, resolver.Resolve("NTM-NC-2021-2025", "14.4", Commune("30", "ĐBSH"), 2022)!.Threshold);
        var overridden = resolver.Resolve("NTM-NC-2021-2025", "14.4", Commune("30", "ĐBSH"), 2023)!;
        Assert.Equal((80m, ThresholdOrigin.ProvinceOverride), (overridden.Threshold, overridden.Origin));
        Assert.Equal(75m, resolver.Resolve("NTM-NC-2021-2025", "14.4", Commune("31", "ĐBSH"), 2023)!.Threshold);
    }

    [Fact]
    public void A_threshold_set_for_a_region_fills_the_sets_gap_and_the_provinces_own_still_comes_first()
    {
        var files = IndicatorAndCriteriaCatalogTests.WithExtra(("criterion_overrides", "thresholds.csv", """
            set_code,criterion_code,province_code,region,valid_from,threshold,source,note
            NTM-2021-2025,15.4,,ĐBSCL,2023-01-01,60,Văn bản hướng dẫn (kiểm thử),
            NTM-2021-2025,15.4,94,,2021-01-01,65,Quyết định của tỉnh (kiểm thử),
            """));
        var resolver = new ThresholdResolver(CriteriaCatalog.Build(files, IndicatorCatalog.Build(files)));
        Assert.Null(resolver.Resolve("NTM-2021-2025", "15.4", Commune("93", "ĐBSCL"), 2022));
        var region = resolver.Resolve("NTM-2021-2025", "15.4", Commune("93", "ĐBSCL"), 2023)!;
        Assert.Equal((60m, ThresholdOrigin.SegmentOverride, "ĐBSCL"), (region.Threshold, region.Origin, region.Segment));
        Assert.Equal((65m, ThresholdOrigin.ProvinceOverride), (resolver.Resolve("NTM-2021-2025", "15.4", Commune("94", "ĐBSCL"), 2023)!.Threshold, resolver.Resolve("NTM-2021-2025", "15.4", Commune("94", "ĐBSCL"), 2023)!.Origin));
        Assert.Equal(70m, resolver.Resolve("NTM-2021-2025", "15.4", Commune("30", "ĐBSH"), 2023)!.Threshold);
    }

    [Theory]
    [InlineData("NTM-2021-2025,15.4,93,ĐBSCL,2023-01-01,60,X,", "đúng một trong hai cột")]
    [InlineData("NTM-2021-2025,15.4,,,2023-01-01,60,X,", "đúng một trong hai cột")]
    [InlineData("NQ20-2025,bhyt,,ĐBSCL,2023-01-01,60,X,", "không chia ngưỡng theo vùng")]
    [InlineData("NTM-2021-2025,15.4,93,,01/01/2023,60,X,", "yyyy-MM-dd")]
    [InlineData("NTM-2021-2025,15.4,93,,2023-01-01,60,,", "cần ghi nguồn")]
    public void A_threshold_row_that_cannot_be_used_is_refused_naming_the_file(string row, string expected)
    {
        var files = IndicatorAndCriteriaCatalogTests.WithExtra(("criterion_overrides", "thresholds.csv", "set_code,criterion_code,province_code,region,valid_from,threshold,source,note\n" + row + "\n"));
        var error = Assert.Throws<ReferenceDataException>(() => CriteriaCatalog.Build(files, IndicatorCatalog.Build(files)));
        Assert.Contains("thresholds.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_region_written_without_diacritics_is_stored_as_the_set_spells_it_and_an_unknown_one_is_refused()
    {
        CriteriaCatalog Load(string row)
        {
            var files = IndicatorAndCriteriaCatalogTests.WithExtra(("criterion_overrides", "thresholds.csv", "set_code,criterion_code,province_code,region,valid_from,threshold,source,note\n" + row + "\n"));
            return CriteriaCatalog.Build(files, IndicatorCatalog.Build(files)).CheckedAgainst(reference.Areas);
        }

        var loaded = Assert.Single(Load("NTM-2021-2025,15.4,, dbscl ,2023-01-01,60,X,").Overrides);
        Assert.Equal("ĐBSCL", loaded.AppliesTo);
        Assert.Equal(60m, new ThresholdResolver(Load("NTM-2021-2025,15.4,,dbscl,2023-01-01,60,X,")).Resolve("NTM-2021-2025", "15.4", Commune("93", "ĐBSCL"), 2023)!.Threshold);
        var region = Assert.Throws<ReferenceDataException>(() => Load("NTM-2021-2025,15.4,,Nam Cực,2023-01-01,60,X,"));
        Assert.Contains("thresholds.csv", region.Message, StringComparison.Ordinal);
        Assert.Contains("ĐBSCL", region.Message, StringComparison.Ordinal);
        var province = Assert.Throws<ReferenceDataException>(() => Load("NTM-2021-2025,15.4,99,,2023-01-01,60,X,"));
        Assert.Contains("không có tỉnh, thành phố mã '99'", province.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_future_set_keyed_by_commune_group_is_added_with_data_files_only()
    {
        var files = IndicatorAndCriteriaCatalogTests.WithExtra(
            ("criteria_sets", "qd51.csv", """
                set_code,name_vi,segment_kind,disadvantaged_segment,valid_from_year,valid_to_year,source
                NTM-2026-2030,Bộ tiêu chí xã nông thôn mới 2026-2030 (thử),commune_group,,2026,2030,Quyết định 51/2025/QĐ-TTg
                """),
            ("criteria", "qd51.csv", """
                set_code,criterion_code,indicator_code,comparator,threshold,unit,region,valid_from,valid_to,name_vi,source,note
                NTM-2026-2030,Y.1,bhyt.coverage,>=,95,%,nhom_1,2026,2030,Tỷ lệ tham gia BHYT,QĐ 51/2025,test values
                NTM-2026-2030,Y.1,bhyt.coverage,>=,92,%,nhom_2,2026,2030,Tỷ lệ tham gia BHYT,QĐ 51/2025,test values
                NTM-2026-2030,Y.1,bhyt.coverage,>=,90,%,nhom_3,2026,2030,Tỷ lệ tham gia BHYT,QĐ 51/2025,test values
                """));
        var resolver = new ThresholdResolver(CriteriaCatalog.Build(files, IndicatorCatalog.Build(files)));
        var group2 = new AreaContext("24", new Dictionary<string, string> { ["commune_group"] = "nhom_2" });
        Assert.Equal(92m, resolver.Resolve("NTM-2026-2030", "Y.1", group2, 2027)!.Threshold);
    }
}
