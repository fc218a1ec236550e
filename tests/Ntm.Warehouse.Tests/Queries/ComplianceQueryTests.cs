using Ntm.Domain.Statuses;
using Ntm.Warehouse.Queries;
using Ntm.Warehouse.ReferenceData;
using Ntm.Warehouse.Tests.ReferenceData;

namespace Ntm.Warehouse.Tests.Queries;

public sealed class ComplianceQueryTests : IDisposable
{
    private static readonly CriteriaCatalog Catalog = Build();
    private readonly QueryFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    private static CriteriaCatalog Build()
    {
        var files = ReferenceFiles.Load();
        return CriteriaCatalog.Build(files, IndicatorCatalog.Build(files));
    }

    private ComplianceResult Evaluate(params Ntm.Domain.Areas.AreaRecord[] areas)
    {
        using var connection = fixture.Read();
        return new ComplianceQuery(connection, Catalog).Evaluate("NTM-NC-2021-2025", 2022, areas);
    }

    [Fact]
    public void Exactly_on_the_threshold_meets_it_and_just_below_does_not_even_if_it_displays_the_same()
    {
        var onThreshold = fixture.Old("11266");
        var below = fixture.Old("11263");
        fixture.Load(
            (onThreshold, 202212, "bhyt.insured", "stock", 9500), (onThreshold, 202212, "population.total", "stock", 10000),
            (below, 202212, "bhyt.insured", "stock", 9496), (below, 202212, "population.total", "stock", 10000));
        var result = Evaluate(onThreshold, below);
        var met = result.Rows.Single(r => r.AreaCode == "11266" && r.Criterion == "14.1");
        var notMet = result.Rows.Single(r => r.AreaCode == "11263" && r.Criterion == "14.1");
        Assert.Equal((95m, ComplianceStatus.Met, "computed"), (met.Value!.Value, met.Status, met.ValueSource));
        Assert.Equal((94.96m, ComplianceStatus.NotMet), (notMet.Value!.Value, notMet.Status));
        Assert.Equal("Không đạt", notMet.StatusVi);
    }

    [Fact]
    public void A_criterion_without_data_is_never_met_and_the_area_is_met_only_if_every_criterion_is()
    {
        var commune = fixture.Old("11266");
        fixture.Load(
            (commune, 202212, "bhyt.insured", "stock", 7475), (commune, 202212, "population.total", "stock", 7860),
            (commune, 202212, "health.managed", "stock", 7097), (commune, 202212, "health.telemedicine_users", "stock", 3159));
        var result = Evaluate(commune);
        Assert.Equal(ComplianceStatus.NoData, result.Rows.Single(r => r.Criterion == "14.4").Status);
        Assert.Equal(ComplianceStatus.NoData, Assert.Single(result.Areas).Status);

        fixture.Load((commune, 202212, "health.ehealth_book", "stock", 6012));
        var complete = Evaluate(commune);
        Assert.All(complete.Rows, r => Assert.Equal(ComplianceStatus.Met, r.Status));
        Assert.Equal(ComplianceStatus.Met, Assert.Single(complete.Areas).Status);
    }

    [Fact]
    public void Only_a_reported_rate_is_used_and_marked_as_reported()
    {
        var commune = fixture.Old("11266");
        fixture.Load((commune, 202212, "bhyt.coverage", "reported_rate", 86.5m));
        var row = Evaluate(commune).Rows.Single(r => r.Criterion == "14.1");
        Assert.Equal((86.5m, "reported", ComplianceStatus.NotMet), (row.Value!.Value, row.ValueSource, row.Status));
    }

    [Theory]
    [InlineData(95.0, ">=", 95.0, true)]
    [InlineData(94.96, ">=", 95.0, false)]
    [InlineData(95.0, ">", 95.0, false)]
    [InlineData(20.0, "<", 20.0, false)]
    [InlineData(19.99, "<", 20.0, true)]
    [InlineData(18.5, "<=", 18.5, true)]
    public void Comparators_compare_exactly(double value, string comparator, double threshold, bool met) =>
        Assert.Equal(met, ComplianceQuery.Compare((decimal)value, comparator, (decimal)threshold));

    [Fact]
    public void A_set_judges_only_its_unit_types()
    {
        using var connection = fixture.Read();
        var set = new ComplianceQuery(connection, Catalog).Set("NTM-2021-2025", 2022);
        var judged = ComplianceQuery.Judged(set, [fixture.Old("936")], fixture.Directory);
        Assert.Equal(7, judged.Count);
        Assert.All(judged, a => Assert.Equal("Xã", a.UnitType));
        Assert.DoesNotContain(judged, a => a.Code == "31489");
        var resolution = new ComplianceQuery(connection, Catalog).Set("NQ20-2025", 2022);
        Assert.Equal(["93", "930", "931", "932", "933", "934", "935", "936", "937"], ComplianceQuery.Judged(resolution, [fixture.Old("93")], fixture.Directory).Select(a => a.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_value_without_a_threshold_for_its_region_is_no_threshold_not_no_data()
    {
        // Hậu Giang is in ĐBSCL, for which the reference data gives 15.4 no threshold.
        var commune = fixture.Old("31483");
        fixture.Load((commune, 202212, "health.ehealth_book", "stock", 6000), (commune, 202212, "population.total", "stock", 10000));
        using var connection = fixture.Read();
        var result = new ComplianceQuery(connection, Catalog).Evaluate("NTM-2021-2025", 2022, [commune]);
        var row = result.Rows.Single(r => r.Criterion == "15.4");
        Assert.Equal((60m, ComplianceStatus.NoThreshold, "chua_co_nguong", "Chưa có ngưỡng"), (row.Value!.Value, row.Status, row.StatusCode, row.ThresholdText));
        Assert.Contains("vùng ĐBSCL", row.Note, StringComparison.Ordinal);
        Assert.Equal(ComplianceStatus.NoData, result.Rows.Single(r => r.Criterion == "15.1").Status);
        Assert.Contains("15.4 chưa có ngưỡng", result.Headline(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_criterion_without_a_threshold_is_counted_apart_in_the_headline_and_never_makes_0_of_n_met()
    {
        // Three communes of Hậu Giang (ĐBSCL): 15.4 has no threshold there. The first meets 15.1–15.3,
        // the second misses 15.1 (85 %), the third meets 15.1–15.3 and has no figure for 15.4.
        var (first, second, third) = (fixture.Old("31483"), fixture.Old("31486"), fixture.Old("31484"));
        foreach (var (commune, insured) in new[] { (first, 9500m), (second, 8500m), (third, 9600m) })
        {
            fixture.Load((commune, 202212, "bhyt.insured", "stock", insured), (commune, 202212, "population.total", "stock", 10000),
                (commune, 202212, "commune.health_standard", "stock", 1), (commune, 202212, "nutrition.stunting_u5", "stock", 15),
                (commune, 202212, "population.children_u5_measured", "stock", 100));
        }

        fixture.Load((first, 202212, "health.ehealth_book", "stock", 6000), (second, 202212, "health.ehealth_book", "stock", 6000));
        using var connection = fixture.Read();
        var result = new ComplianceQuery(connection, Catalog).Evaluate("NTM-2021-2025", 2022, [first, second, third]);
        Assert.Equal([ComplianceStatus.NoThreshold, ComplianceStatus.NotMet, ComplianceStatus.NoThreshold], result.Areas.Select(a => a.Status));
        Assert.Equal(ComplianceStatus.NoThreshold, result.Rows.Single(r => r.AreaCode == "31484" && r.Criterion == "15.4").Status);
        var tally = result.Tally();
        Assert.Equal((3, 0, 2, 1, 0), (tally.Units, tally.Met, tally.MetWhereThresholded, tally.NotMet, tally.NoData));
        Assert.Equal([("15.4", 3)], tally.WithoutThreshold);
        var headline = result.Headline();
        Assert.Contains("3 xã: 2 đạt đủ các tiêu chí có ngưỡng; tiêu chí 15.4 chưa có ngưỡng cho 3/3 xã.", headline, StringComparison.Ordinal);
        Assert.Contains("1 xã không đạt ít nhất một tiêu chí có ngưỡng.", headline, StringComparison.Ordinal);
        Assert.DoesNotContain("0/3", headline, StringComparison.Ordinal);
        Assert.DoesNotContain("chưa đủ số liệu", headline, StringComparison.Ordinal);

        // The province's own threshold for 15.4 (≥ 55 %): the first commune meets every criterion,
        // the third now lacks only its figure.
        var files = IndicatorAndCriteriaCatalogTests.WithExtra(("criterion_overrides", "hau-giang.csv", """
            set_code,criterion_code,province_code,region,valid_from,threshold,source,note
            NTM-2021-2025,15.4,93,,2021-01-01,55,Quyết định của UBND tỉnh (kiểm thử),
            """));
        var withProvince = new ComplianceQuery(connection, CriteriaCatalog.Build(files, IndicatorCatalog.Build(files))).Evaluate("NTM-2021-2025", 2022, [first, second, third]);
        Assert.Equal([ComplianceStatus.Met, ComplianceStatus.NotMet, ComplianceStatus.NoData], withProvince.Areas.Select(a => a.Status));
        Assert.Equal("1/3 xã đạt toàn bộ các tiêu chí của Bộ tiêu chí quốc gia về xã nông thôn mới 2021-2025, tiêu chí 15 (Y tế) năm 2022. 1 xã không đạt ít nhất một tiêu chí; 1 xã chưa đủ số liệu để đánh giá (tiêu chí 15.4: 1/1 xã thiếu).",
            withProvince.Headline());
        Assert.Contains("Ngưỡng riêng của tỉnh (Quyết định của UBND tỉnh (kiểm thử))", withProvince.Rows.Single(r => r.AreaCode == "31483" && r.Criterion == "15.4").Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_set_used_outside_its_years_is_a_user_error_naming_them()
    {
        using var connection = fixture.Read();
        var error = Assert.Throws<Ntm.Domain.Errors.UserErrorException>(() => new ComplianceQuery(connection, Catalog).Evaluate("NTM-2021-2025", 2019, [fixture.Old("31483")]));
        Assert.Contains("2021–2025", error.Message, StringComparison.Ordinal);
        Assert.Contains("NTM-2016-2020", error.Message, StringComparison.Ordinal);
    }
}
