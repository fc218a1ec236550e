using Ntm.Domain.Areas;
using Ntm.Domain.Measures;
using Ntm.Domain.Periods;
using Ntm.Domain.Rollups;
using Ntm.Warehouse.Queries;

namespace Ntm.Warehouse.Tests.Queries;

/// <summary>
/// Units without children held as their parent's sum (what <c>ntm trend</c> does for a count by
/// month or stock) give the same figures, sources and counts of units as each unit held apart, on
/// uneven data across the 2025 reorganisation: communes that skip months, districts that state
/// their own total some months, a commune that reports after it ceased, the new communes of the
/// new province, and roots at every level.
/// </summary>
public sealed class PooledRollupTests : IDisposable
{
    private readonly QueryFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public void Totals_from_pooled_units_are_the_totals_from_each_unit()
    {
        var random = new Random(31);
        var province = fixture.Old("93");
        var districts = fixture.Directory.Areas.Where(a => a.ParentId == province.AreaId).ToList();
        var communes = fixture.Directory.Areas.Where(a => districts.Any(d => d.AreaId == a.ParentId)).ToList();
        var newProvince = fixture.New("92");
        // The new communes made of Hậu Giang's old ones.
        List<AreaRecord> newCommunes;
        using (var reading = fixture.Read())
        {
            var made = Dapper.SqlMapper.Query<int>(reading, "SELECT DISTINCT new_area_id FROM area_crosswalk WHERE old_area_id IN $old", new { old = communes.Select(c => c.AreaId).ToArray() }).ToHashSet();
            newCommunes = fixture.Directory.Areas.Where(a => a.ParentId == newProvince.AreaId && made.Contains(a.AreaId)).ToList();
        }

        Assert.True(newCommunes.Count > 10);
        var values = new List<(AreaRecord, int, string, string, decimal)>();
        foreach (var period in PeriodKey.Range(new PeriodKey(2024, 1), new PeriodKey(2025, 12)))
        {
            var old = period < AreaHierarchy.FirstNewPeriod;
            foreach (var commune in old ? communes : newCommunes)
            {
                if (random.NextDouble() < 0.8)
                {
                    values.Add((commune, period.Key, "disease.dengue.cases", "month", random.Next(0, 30)));
                }

                if (period.Month == 12 && random.NextDouble() < 0.9)
                {
                    values.Add((commune, period.Key, "population.total", "stock", random.Next(3000, 20000)));
                }
            }

            if (old && random.NextDouble() < 0.3)
            {
                // A district's own total, which the rules take over its communes'.
                values.Add((districts[random.Next(districts.Count)], period.Key, "disease.dengue.cases", "month", random.Next(50, 90)));
            }
        }

        // A commune that ceased on 2025-07-01 still sends a figure for August: no unit counts it.
        values.Add((communes[0], 202508, "disease.dengue.cases", "month", 999));
        fixture.Load([.. values]);

        AreaRecord[][] askings =
        [
            [province], [newProvince], [.. districts], [communes[0], districts[0]], [newCommunes[0], newProvince], [.. districts.Take(2), province],
        ];
        using var connection = fixture.Read();
        foreach (var roots in askings)
        {
            var ids = roots.Select(r => r.AreaId).ToList();
            string[] indicators = ["disease.dengue.cases", "population.total"];
            var each = RollupLoader.Load(connection, ids, indicators, new PeriodKey(2024, 1), new PeriodKey(2025, 12));
            var pooled = RollupLoader.Load(connection, ids, indicators, new PeriodKey(2024, 1), new PeriodKey(2025, 12), poolLeaves: true);
            // Figures of a month and stocks need only their own month: read for some months only (across the reorganisation), the same.
            PeriodKey[] some = [new(2024, 6), new(2024, 12), new(2025, 6), new(2025, 7), new(2025, 8), new(2025, 12)];
            var few = RollupLoader.Load(connection, ids, indicators, new PeriodKey(2024, 1), new PeriodKey(2025, 12), months: some);
            var fewPooled = RollupLoader.Load(connection, ids, indicators, new PeriodKey(2024, 1), new PeriodKey(2025, 12), poolLeaves: true, months: some);
            var compared = 0;
            foreach (var root in ids)
            {
                foreach (var period in PeriodKey.Range(new PeriodKey(2024, 1), new PeriodKey(2025, 12)))
                {
                    foreach (var (indicator, measure) in new[] { ("disease.dengue.cases", Measure.Month), ("population.total", Measure.Stock) })
                    {
                        var expected = each.Value(root, period, indicator, measure);
                        var actual = pooled.Value(root, period, indicator, measure);
                        Assert.True(expected == actual, $"{root} {period} {indicator}: {expected} ≠ {actual}");
                        if (some.Contains(period))
                        {
                            Assert.True(expected == few.Value(root, period, indicator, measure), $"{root} {period} {indicator}: {expected} ≠ {few.Value(root, period, indicator, measure)} (some months)");
                            Assert.True(expected == fewPooled.Value(root, period, indicator, measure), $"{root} {period} {indicator}: {expected} ≠ {fewPooled.Value(root, period, indicator, measure)} (some months, pooled)");
                        }
                        else
                        {
                            Assert.Null(few.Value(root, period, indicator, measure));
                        }

                        compared += expected is null ? 0 : 1;
                    }
                }
            }

            Assert.True(compared > 10, $"only {compared} figures compared");
        }

        // A measure pooled units cannot give is refused, never answered wrong.
        var units = RollupLoader.Load(connection, [province.AreaId], ["disease.dengue.cases"], new PeriodKey(2024, 1), new PeriodKey(2025, 12), poolLeaves: true);
        Assert.Throws<InvalidOperationException>(() => units.Value(province.AreaId, new PeriodKey(2024, 5), "disease.dengue.cases", Measure.YearToDate));
    }

    [Fact]
    public void A_sum_too_large_for_the_kept_decimals_is_summed_again_from_the_units_exactly()
    {
        // Each figure fits the facts' decimals (under 10^14); their sum does not, so it is kept as none.
        var province = fixture.Old("93");
        var district = fixture.Directory.Areas.First(a => a.ParentId == province.AreaId);
        var communes = fixture.Directory.Areas.Where(a => a.ParentId == district.AreaId).Take(2).ToList();
        fixture.Load(
            (communes[0], 202403, "disease.dengue.cases", "month", 90_000_000_000_000m),
            (communes[1], 202403, "disease.dengue.cases", "month", 90_000_000_000_000m),
            (communes[0], 202404, "disease.dengue.cases", "month", 7m));
        using var connection = fixture.Read();
        Assert.Equal(1, Dapper.SqlMapper.ExecuteScalar<int>(connection, "SELECT count(*) FROM fact_pooled WHERE value IS NULL"));

        var pooled = RollupLoader.Load(connection, [province.AreaId], ["disease.dengue.cases"], new PeriodKey(2024, 1), new PeriodKey(2024, 12), poolLeaves: true);
        Assert.Equal(180_000_000_000_000m, pooled.Value(province.AreaId, new PeriodKey(2024, 3), "disease.dengue.cases", Measure.Month)!.Value);
        Assert.Equal(7m, pooled.Value(province.AreaId, new PeriodKey(2024, 4), "disease.dengue.cases", Measure.Month)!.Value);
    }

    [Fact]
    public void A_unit_whose_subtree_holds_more_than_five_hundred_units_reads_the_same_figures_as_each_of_its_units_asked_alone()
    {
        // The new Hồ Chí Minh City (79) takes the old city, Bình Dương and Bà Rịa–Vũng Tàu: more than 500 units, so its
        // figures are narrowed to those provinces in SQL rather than sent as a list of units. A figure of another province
        // (Hậu Giang) must not count.
        var random = new Random(79);
        var newCity = fixture.New("79");
        var newCommunes = fixture.Directory.Areas.Where(a => a.ParentId == newCity.AreaId).OrderBy(a => a.Code, StringComparer.Ordinal).Take(12).ToList();
        var values = new List<(AreaRecord, int, string, string, decimal)>();
        using (var reading = fixture.Read())
        {
            var old = Dapper.SqlMapper.Query<int>(reading, "SELECT old_area_id FROM area_crosswalk WHERE new_area_id IN $ids", new { ids = newCommunes.Select(c => c.AreaId).ToArray() }).ToHashSet();
            foreach (var commune in fixture.Directory.Areas.Where(a => old.Contains(a.AreaId)))
            {
                values.AddRange(Enumerable.Range(1, 6).Select(m => (commune, 202500 + m, "disease.dengue.cases", "month", (decimal)random.Next(0, 30))));
            }
        }

        foreach (var commune in newCommunes)
        {
            values.AddRange(Enumerable.Range(7, 6).Select(m => (commune, 202500 + m, "disease.dengue.cases", "month", (decimal)random.Next(0, 30))));
        }

        var elsewhere = fixture.Directory.Areas.First(a => a.ProvinceCode == "93" && a.Level == AreaLevel.Commune && a.Generation == AreaGeneration.Before2025);
        values.Add((elsewhere, 202503, "disease.dengue.cases", "month", 999));
        fixture.Load([.. values]);

        using var connection = fixture.Read();
        string[] indicators = ["disease.dengue.cases"];
        var whole = RollupLoader.Load(connection, [newCity.AreaId], indicators, new PeriodKey(2025, 1), new PeriodKey(2025, 12));
        var each = RollupLoader.Load(connection, newCommunes.Select(c => c.AreaId).ToList(), indicators, new PeriodKey(2025, 1), new PeriodKey(2025, 12));
        var compared = 0;
        foreach (var commune in newCommunes)
        {
            foreach (var period in PeriodKey.Range(new PeriodKey(2025, 1), new PeriodKey(2025, 12)))
            {
                var expected = each.Value(commune.AreaId, period, "disease.dengue.cases", Measure.Month);
                Assert.True(expected == whole.Value(commune.AreaId, period, "disease.dengue.cases", Measure.Month), $"{commune.Code} {period}");
                compared += expected is null ? 0 : 1;
            }
        }

        Assert.True(compared >= 12 * 12, $"only {compared} figures compared");

        // The city's totals from the sums kept under parents (its units narrowed to its provinces) are the same.
        var pooled = RollupLoader.Load(connection, [newCity.AreaId], indicators, new PeriodKey(2025, 1), new PeriodKey(2025, 12), poolLeaves: true);
        foreach (var period in PeriodKey.Range(new PeriodKey(2025, 1), new PeriodKey(2025, 12)))
        {
            var expected = whole.Value(newCity.AreaId, period, "disease.dengue.cases", Measure.Month);
            Assert.True(expected is not null && expected == pooled.Value(newCity.AreaId, period, "disease.dengue.cases", Measure.Month), $"{period}: {expected} ≠ {pooled.Value(newCity.AreaId, period, "disease.dengue.cases", Measure.Month)}");
        }

        Assert.Equal(
            values.Where(v => v.Item1.ProvinceCode != "93" && v.Item2 == 202508).Sum(v => v.Item5),
            whole.Value(newCity.AreaId, new PeriodKey(2025, 8), "disease.dengue.cases", Measure.Month)!.Value);
    }
}
