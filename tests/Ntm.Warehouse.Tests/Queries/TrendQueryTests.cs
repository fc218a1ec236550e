using Ntm.Domain.Measures;
using Ntm.Domain.Periods;
using Ntm.Domain.Rollups;
using Ntm.Warehouse.Queries;

namespace Ntm.Warehouse.Tests.Queries;

public sealed class TrendQueryTests : IDisposable
{
    private readonly QueryFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    private TrendPoint Point(string indicator, Ntm.Domain.Areas.AreaRecord area, int period, string measure = "month")
    {
        using var connection = fixture.Read();
        return Assert.Single(new TrendQuery(connection).Series(indicator, [area], PeriodKey.FromKey(period), PeriodKey.FromKey(period), MeasureCodes.Parse(measure)));
    }

    [Fact]
    public void Year_to_date_previous_month_and_same_period_last_year_are_computed_by_hand()
    {
        var commune = fixture.Old("31483");
        fixture.Load(
            (commune, 202201, "disease.dengue.cases", "month", 4), (commune, 202202, "disease.dengue.cases", "month", 6), (commune, 202203, "disease.dengue.cases", "month", 10),
            (commune, 202301, "disease.dengue.cases", "month", 2), (commune, 202302, "disease.dengue.cases", "month", 9), (commune, 202303, "disease.dengue.cases", "month", 5));

        var march = Point("disease.dengue.cases", commune, 202303);
        Assert.Equal((5m, 9m, 10m, -5m, -50m), (march.Value!.Value, march.PreviousMonth!.Value, march.SamePeriodLastYear!.Value, march.Change!.Value, march.PercentChange!.Value));
        var ytd = Point("disease.dengue.cases", commune, 202303, "ytd");
        Assert.Equal((16m, 20m), (ytd.Value!.Value, ytd.SamePeriodLastYear!.Value));
        Assert.Equal(-20m, ytd.PercentChange);
    }

    [Fact]
    public void A_missing_month_is_missing_not_zero_and_so_is_a_year_to_date_that_needs_it()
    {
        var commune = fixture.Old("31483");
        fixture.Load((commune, 202301, "disease.dengue.cases", "month", 2), (commune, 202303, "disease.dengue.cases", "month", 5));
        Assert.Null(Point("disease.dengue.cases", commune, 202302).Value);
        Assert.Null(Point("disease.dengue.cases", commune, 202303, "ytd").Value);
        Assert.Equal(2m, Point("disease.dengue.cases", commune, 202301, "ytd").Value);
    }

    [Fact]
    public void A_stored_year_to_date_wins_over_the_sum_of_months()
    {
        var commune = fixture.Old("31483");
        fixture.Load((commune, 202302, "disease.dengue.cases", "month", 1), (commune, 202302, "disease.dengue.cases", "ytd", 30));
        Assert.Equal(30m, Point("disease.dengue.cases", commune, 202302, "ytd").Value);
    }

    [Fact]
    public void Counts_roll_up_from_communes_to_district_and_province_and_an_own_figure_wins()
    {
        var a = fixture.Old("31483");
        var b = fixture.Old("31484");
        var district = fixture.Old("936");
        var province = fixture.Old("93");
        fixture.Load((a, 202301, "disease.dengue.cases", "month", 3), (b, 202301, "disease.dengue.cases", "month", 4));
        Assert.Equal(7m, Point("disease.dengue.cases", district, 202301).Value);
        Assert.Equal(7m, Point("disease.dengue.cases", province, 202301).Value);

        // The province's own report is its figure, not the sum of the communes that happened to report.
        fixture.Load((province, 202301, "disease.dengue.cases", "month", 50));
        Assert.Equal(50m, Point("disease.dengue.cases", province, 202301).Value);
    }

    [Fact]
    public void A_ratio_over_communes_is_recomputed_from_summed_parts_never_averaged()
    {
        var small = fixture.Old("31483");
        var large = fixture.Old("31484");
        fixture.Load(
            (small, 202212, "bhyt.insured", "stock", 500), (small, 202212, "population.total", "stock", 1000),
            (large, 202212, "bhyt.insured", "stock", 9500), (large, 202212, "population.total", "stock", 10000));
        var district = Point("bhyt.coverage", fixture.Old("936"), 202212);
        Assert.Equal(100m * 10000m / 11000m, district.Value);
        Assert.Equal((FigureSource.Children, 2, 10_000m, 11_000m), (district.Source, district.UnitsReported, district.Numerator, district.Denominator));
        Assert.NotEqual((50m + 95m) / 2, district.Value);
        Assert.Equal((50m, FigureSource.Computed), (Point("bhyt.coverage", small, 202212).Value, Point("bhyt.coverage", small, 202212).Source));
    }

    [Fact]
    public void A_reported_rate_is_used_only_when_the_parts_are_missing_and_is_marked()
    {
        var commune = fixture.Old("31483");
        fixture.Load((commune, 202212, "bhyt.coverage", "reported_rate", 86.5m));
        var point = Point("bhyt.coverage", commune, 202212);
        Assert.Equal((86.5m, FigureSource.Reported), (point.Value!.Value, point.Source));
    }

    [Fact]
    public void A_new_unit_takes_its_old_units_figures_through_the_crosswalk_before_july_2025()
    {
        // Phường Ba Đình (new 00004) = Trúc Bạch + Quán Thánh (whole) + part of Ngọc Hà (shared equally).
        List<(string Old, decimal Weight)> links;
        using (var connection = fixture.Read())
        {
            links = Dapper.SqlMapper.Query<(string Old, decimal Weight)>(connection, "SELECT old_code, weight FROM v_area_crosswalk WHERE new_area_id = $id AND length(old_code) = 5", new { id = fixture.New("00004").AreaId }).ToList();
        }

        Assert.Contains(links, l => l.Old == "00004" && l.Weight == 1m);
        var ngocHa = links.Single(l => l.Old == "00016");
        fixture.Load(
            (fixture.Old("00004"), 202406, "disease.dengue.cases", "month", 10),
            (fixture.Old("00013"), 202406, "disease.dengue.cases", "month", 6),
            (fixture.Old("00016"), 202406, "disease.dengue.cases", "month", 8));
        // The other old units of the new ward reported nothing: they add nothing, and are not zeros either.
        var expected = 10m + 6m + (8m * ngocHa.Weight);
        Assert.Equal(expected, Point("disease.dengue.cases", fixture.New("00004"), 202406).Value);
        // The new province Hà Nội (01) takes old Hà Nội (01) whole.
        Assert.Equal(10m + 6m + 8m, Point("disease.dengue.cases", fixture.New("01"), 202406).Value);
    }

    [Fact]
    public void Percent_of_the_annual_target_uses_the_year_to_date()
    {
        var province = fixture.Old("93");
        fixture.Load((province, 202212, "fp.iud", "ytd", 7746), (province, 202212, "fp.iud", "target_year", 6653), (province, 202212, "fp.iud", "month", 25));
        var point = Point("fp.iud", province, 202212);
        Assert.Equal(6653m, point.AnnualTarget);
        Assert.Equal(Math.Round(100m * 7746m / 6653m, 4), point.PercentOfTarget);
    }
}
