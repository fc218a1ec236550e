using Ntm.Domain.Measures;
using Ntm.Domain.Periods;
using Ntm.Domain.Rollups;
using Ntm.Domain.Statuses;
using Ntm.Warehouse.Queries;
using Ntm.Warehouse.ReferenceData;

namespace Ntm.Warehouse.Tests.Queries;

/// <summary>
/// The five failures of the rollup review, through the warehouse's own queries on a real
/// DuckDB file with Hậu Giang's units: Huyện Long Mỹ (936) and its eight communes, the
/// province's eight districts.
/// </summary>
public sealed class UnevenRollupTests : IDisposable
{
    private static readonly CriteriaCatalog Catalog = Build();
    private readonly QueryFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    private static CriteriaCatalog Build()
    {
        var files = ReferenceFiles.Load();
        return CriteriaCatalog.Build(files, IndicatorCatalog.Build(files));
    }

    private TrendPoint Point(string indicator, string area, int period, Measure measure = Measure.Month)
    {
        using var connection = fixture.Read();
        var key = PeriodKey.FromKey(period);
        return Assert.Single(new TrendQuery(connection).Series(indicator, [fixture.Old(area)], key, key, measure));
    }

    private ComplianceRow Judge(string area, string criterion, int year = 2022)
    {
        using var connection = fixture.Read();
        return new ComplianceQuery(connection, Catalog).Evaluate("NTM-2021-2025", year, [fixture.Old(area)]).Rows.Single(r => r.Criterion == criterion);
    }

    [Fact]
    public void Coverage_of_a_district_uses_only_the_communes_that_gave_both_numbers()
    {
        // Thuận Hưng gave both (80 %), Thuận Hòa only people insured: summing both numerators over one
        // denominator would give 130 % and "Đạt".
        fixture.Load(
            (fixture.Old("31483"), 202212, "bhyt.insured", "stock", 800), (fixture.Old("31483"), 202212, "population.total", "stock", 1000),
            (fixture.Old("31484"), 202212, "bhyt.insured", "stock", 500));
        var point = Point("bhyt.coverage", "936", 202212, Measure.Stock);
        Assert.Equal((80m, 800m, 1000m, 1, 8), (point.Value!.Value, point.Numerator!.Value, point.Denominator!.Value, point.UnitsReported!.Value, point.UnitsExpected!.Value));
        var row = Judge("936", "15.1");
        Assert.Equal((80m, ComplianceStatus.NotMet, 1, 8), (row.Value!.Value, row.Status, row.UnitsReported!.Value, row.UnitsExpected!.Value));
        Assert.Contains("1/8", row.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Written_rates_of_communes_give_their_district_no_coverage()
    {
        fixture.Load((fixture.Old("31483"), 202212, "bhyt.coverage", "reported_rate", 96), (fixture.Old("31484"), 202212, "bhyt.coverage", "reported_rate", 97));
        Assert.Null(Point("bhyt.coverage", "936", 202212, Measure.Stock).Value);
        Assert.Equal(ComplianceStatus.NoData, Judge("936", "15.1").Status);
        var commune = Judge("31483", "15.1");
        Assert.Equal((96m, FigureSource.Reported, ComplianceStatus.Met), (commune.Value!.Value, commune.Source, commune.Status));
    }

    [Fact]
    public void A_provinces_year_to_date_adds_each_districts_stored_or_summed_year_to_date()
    {
        // Long Mỹ district stores only a cộng dồn; Vị Thanh city only its months.
        for (var month = 1; month <= 5; month++)
        {
            fixture.Load((fixture.Old("930"), 202500 + month, "disease.dengue.deaths", "month", month == 2 ? 1 : 0));
            fixture.Load((fixture.Old("936"), 202500 + month, "disease.dengue.deaths", "ytd", month >= 4 ? 1 : 0));
        }

        var ytd = Enumerable.Range(1, 5).Select(m => Point("disease.dengue.deaths", "93", 202500 + m, Measure.YearToDate)).ToList();
        Assert.Equal([0m, 1m, 1m, 2m, 2m], ytd.Select(p => p.Value!.Value));
        Assert.All(ytd, p => Assert.Equal((2, 8), (p.UnitsReported!.Value, p.UnitsExpected!.Value)));
    }

    [Fact]
    public void A_commune_standard_rolls_up_to_a_share_of_communes_and_is_not_a_verdict_for_the_district()
    {
        string[] communes = ["31483", "31484", "31486", "31489", "31490", "31492", "31493", "31495"];
        fixture.Load(communes.Select((c, i) => (fixture.Old(c), 202212, "commune.health_standard", "stock", i < 6 ? 1m : 0m)).ToArray());
        var share = Point("commune.health_standard", "936", 202212, Measure.Stock);
        Assert.Equal((75m, FigureSource.Share, 8, 8), (share.Value!.Value, share.Source!.Value, share.UnitsReported!.Value, share.UnitsExpected!.Value));
        var district = Judge("936", "15.2");
        Assert.Equal(ComplianceStatus.NoData, district.Status);
        Assert.Contains("6/8", district.Note, StringComparison.Ordinal);
        Assert.Equal(ComplianceStatus.Met, Judge("31483", "15.2").Status);
        Assert.Equal(ComplianceStatus.NotMet, Judge("31495", "15.2").Status);
    }

    [Fact]
    public void A_partial_total_says_so_and_is_not_compared_with_last_year()
    {
        string[] districts = ["930", "931", "932", "933", "934", "935", "936", "937"];
        fixture.Load(districts.Select(d => (fixture.Old(d), 202401, "disease.dengue.cases", "month", 20m)).ToArray());
        fixture.Load((fixture.Old("930"), 202501, "disease.dengue.cases", "month", 15), (fixture.Old("931"), 202501, "disease.dengue.cases", "month", 18));
        var january = Point("disease.dengue.cases", "93", 202501);
        Assert.Equal((33m, 2, 8, false), (january.Value!.Value, january.UnitsReported!.Value, january.UnitsExpected!.Value, january.IsComplete));
        Assert.Equal(160m, january.SamePeriodLastYear);
        Assert.Null(january.PercentChange);
        Assert.NotNull(january.Note);

        // Complete again: compared.
        fixture.Load(districts.Skip(2).Select(d => (fixture.Old(d), 202501, "disease.dengue.cases", "month", 21m)).ToArray());
        var complete = Point("disease.dengue.cases", "93", 202501);
        Assert.Equal((159m, -0.625m), (complete.Value!.Value, complete.PercentChange!.Value));
    }

    [Fact]
    public void A_partial_total_stays_partial_through_the_crosswalk_and_is_not_compared()
    {
        // The new Cần Thơ (92, from 2025-07-01) is the former Cần Thơ, Hậu Giang and Sóc Trăng. In June 2025
        // Hậu Giang's Long Mỹ (936) sent nothing: Hậu Giang is 7 of 8 districts, so the new city is 2 of 3.
        string[] districts = ["930", "931", "932", "933", "934", "935", "936", "937"];
        fixture.Load(districts.Select(d => (fixture.Old(d), 202406, "disease.dengue.cases", "month", 20m)).ToArray());
        fixture.Load(districts.Where(d => d != "936").Select(d => (fixture.Old(d), 202506, "disease.dengue.cases", "month", 10m)).ToArray());
        fixture.Load(
            (fixture.Old("92"), 202406, "disease.dengue.cases", "month", 30), (fixture.Old("94"), 202406, "disease.dengue.cases", "month", 40),
            (fixture.Old("92"), 202506, "disease.dengue.cases", "month", 25), (fixture.Old("94"), 202506, "disease.dengue.cases", "month", 35));

        using var connection = fixture.Read();
        var june = PeriodKey.FromKey(202506);
        var city = Assert.Single(new TrendQuery(connection).Series("disease.dengue.cases", [fixture.New("92")], june, june, Measure.Month));

        Assert.Equal((25m + 70m + 35m, FigureSource.Crosswalk, 2, 3, false), (city.Value!.Value, city.Source, city.UnitsReported!.Value, city.UnitsExpected!.Value, city.IsComplete));
        Assert.Null(city.PercentChange);
        Assert.NotNull(city.Note);
    }
}
