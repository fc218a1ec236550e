using Ntm.Domain.Areas;
using Ntm.Domain.Indicators;
using Ntm.Domain.Measures;
using Ntm.Domain.Periods;
using Ntm.Domain.Rollups;

namespace Ntm.Domain.Tests.Rollups;

/// <summary>
/// The rollup rules on uneven data, case by case as the statisticians' review found them, then as
/// properties over random provinces where units report some things and not others.
/// </summary>
public sealed class RollupEngineTests
{
    private const int Province = 1;
    private const int District = 10;
    private const int CommuneA = 101;
    private const int CommuneB = 102;
    private static readonly PeriodKey Jan = new(2025, 1);

    private static readonly Dictionary<string, IndicatorRule> Rules = new IndicatorRule[]
    {
        new("population.total", IndicatorKind.Count),
        new("bhyt.insured", IndicatorKind.Count),
        new("bhyt.coverage", IndicatorKind.Ratio, "bhyt.insured", "population.total", 100m),
        new("deaths", IndicatorKind.Count, IsFlow: true),
        new("dengue", IndicatorKind.Count, IsFlow: true),
        new("health_standard", IndicatorKind.Flag),
        new("satisfaction", IndicatorKind.Rate),
    }.ToDictionary(r => r.Code);

    private static RollupEngine Engine(StoredFigures stored, params (int Area, int Parent)[] extraParents) =>
        new(new AreaHierarchy([(District, Province), (CommuneA, District), (CommuneB, District), .. extraParents], [], new Dictionary<int, AreaGeneration>()), stored, Rules);

    [Fact]
    public void A_ratio_sums_numerator_and_denominator_over_the_units_that_reported_both()
    {
        var stored = new StoredFigures();
        stored.Set(CommuneA, Jan, "bhyt.insured", Measure.Stock, 900);
        stored.Set(CommuneA, Jan, "population.total", Measure.Stock, 1000);
        stored.Set(CommuneB, Jan, "bhyt.insured", Measure.Stock, 500);
        var figure = Engine(stored).Value(District, Jan, "bhyt.coverage", Measure.Stock)!;
        Assert.Equal(90m, figure.Value);
        Assert.Equal((FigureSource.Children, 1, 2, 900m, 1000m), (figure.Source, figure.UnitsReported, figure.UnitsExpected, figure.Numerator, figure.Denominator));
        Assert.False(figure.IsComplete);
    }

    [Fact]
    public void Written_rates_never_add_up()
    {
        var stored = new StoredFigures();
        stored.Set(CommuneA, Jan, "bhyt.coverage", Measure.ReportedRate, 96);
        stored.Set(CommuneB, Jan, "bhyt.coverage", Measure.ReportedRate, 97);
        var engine = Engine(stored);
        Assert.Equal((96m, FigureSource.Reported), (engine.Value(CommuneA, Jan, "bhyt.coverage", Measure.Stock)!.Value, engine.Value(CommuneA, Jan, "bhyt.coverage", Measure.Stock)!.Source));
        Assert.Null(engine.Value(District, Jan, "bhyt.coverage", Measure.Stock));
    }

    [Fact]
    public void A_parents_year_to_date_adds_its_childrens_each_stored_or_summed()
    {
        var stored = new StoredFigures();
        for (var month = Jan; month.Month <= 5; month = month.Next)
        {
            stored.Set(CommuneB, month, "deaths", Measure.Month, 1);
        }

        // Commune A stores only a cộng dồn; commune B only months.
        stored.Set(CommuneA, new PeriodKey(2025, 4), "deaths", Measure.YearToDate, 1);
        stored.Set(CommuneA, new PeriodKey(2025, 5), "deaths", Measure.YearToDate, 2);
        var engine = Engine(stored);
        var april = engine.Value(Province, new PeriodKey(2025, 4), "deaths", Measure.YearToDate)!;
        Assert.Equal(5m, april.Value);
        Assert.True(april.IsComplete);
        Assert.Equal(7m, engine.Value(Province, new PeriodKey(2025, 5), "deaths", Measure.YearToDate)!.Value);
        // March: commune A has no cộng dồn and no months: the district's year-to-date is B's alone, and says so.
        var march = engine.Value(District, new PeriodKey(2025, 3), "deaths", Measure.YearToDate)!;
        Assert.Equal((3m, 1, 2), (march.Value, march.UnitsReported, march.UnitsExpected));
    }

    [Fact]
    public void A_flag_rolls_up_to_the_share_of_units_that_meet_it_never_to_a_count()
    {
        var stored = new StoredFigures();
        stored.Set(CommuneA, Jan, "health_standard", Measure.Stock, 1);
        stored.Set(CommuneB, Jan, "health_standard", Measure.Stock, 0);
        var district = Engine(stored).Value(District, Jan, "health_standard", Measure.Stock)!;
        Assert.Equal((50m, FigureSource.Share, 2, 2), (district.Value, district.Source, district.UnitsReported, district.UnitsExpected));
        Assert.Equal(1m, Engine(stored).Value(CommuneA, Jan, "health_standard", Measure.Stock)!.Value);
    }

    [Fact]
    public void A_rate_known_only_as_written_stays_with_its_unit()
    {
        var stored = new StoredFigures();
        stored.Set(CommuneA, Jan, "satisfaction", Measure.Stock, 83.3m);
        var engine = Engine(stored);
        Assert.Equal(83.3m, engine.Value(CommuneA, Jan, "satisfaction", Measure.Stock)!.Value);
        Assert.Null(engine.Value(District, Jan, "satisfaction", Measure.Stock));
    }

    [Fact]
    public void A_total_says_how_many_of_its_units_reported()
    {
        var stored = new StoredFigures();
        stored.Set(CommuneA, Jan, "dengue", Measure.Month, 33);
        var figure = Engine(stored).Value(District, Jan, "dengue", Measure.Month)!;
        Assert.Equal((33m, 1, 2, false), (figure.Value, figure.UnitsReported, figure.UnitsExpected, figure.IsComplete));
        Assert.Null(Engine(stored).Value(CommuneB, Jan, "dengue", Measure.Month));
    }

    [Fact]
    public void Before_the_reorganisation_a_new_unit_takes_its_old_units_figures_times_their_weights()
    {
        const int oldA = 13000001, oldB = 13000002, newCommune = 23000009;
        var generations = new Dictionary<int, AreaGeneration> { [oldA] = AreaGeneration.Before2025, [oldB] = AreaGeneration.Before2025, [newCommune] = AreaGeneration.From2025 };
        var hierarchy = new AreaHierarchy([], [(oldA, newCommune, 1m), (oldB, newCommune, 0.5m)], generations);
        var stored = new StoredFigures();
        stored.Set(oldA, new PeriodKey(2025, 6), "dengue", Measure.Month, 10);
        stored.Set(oldB, new PeriodKey(2025, 6), "dengue", Measure.Month, 8);
        stored.Set(newCommune, new PeriodKey(2025, 7), "dengue", Measure.Month, 5);
        var engine = new RollupEngine(hierarchy, stored, Rules);
        Assert.Equal((14m, FigureSource.Crosswalk), (engine.Value(newCommune, new PeriodKey(2025, 6), "dengue", Measure.Month)!.Value, engine.Value(newCommune, new PeriodKey(2025, 6), "dengue", Measure.Month)!.Source));
        Assert.Equal(5m, engine.Value(newCommune, new PeriodKey(2025, 7), "dengue", Measure.Month)!.Value);
        Assert.False(hierarchy.ExistsIn(oldA, new PeriodKey(2025, 7)));
        Assert.True(hierarchy.ExistsIn(newCommune, new PeriodKey(2025, 7)));

        // The new commune's counts are its own from July 2025 only; the old ones' always are (they have no children).
        Assert.Equal((false, true, true), (hierarchy.CountIsOwn(newCommune, new PeriodKey(2025, 6)), hierarchy.CountIsOwn(newCommune, new PeriodKey(2025, 7)), hierarchy.CountIsOwn(oldA, new PeriodKey(2025, 6))));
    }

    [Fact]
    public void Properties_hold_over_random_uneven_provinces()
    {
        var random = new Random(20251123);
        for (var trial = 0; trial < 200; trial++)
        {
            // A province of 2–5 districts of 1–8 communes each; each commune reports some parts, some months.
            var parents = new List<(int, int)>();
            var communes = new List<int>();
            var districts = new List<int>();
            for (var d = 0; d < random.Next(2, 6); d++)
            {
                var district = 1000 + d;
                districts.Add(district);
                parents.Add((district, Province));
                for (var c = 0; c < random.Next(1, 9); c++)
                {
                    var commune = (district * 100) + c;
                    communes.Add(commune);
                    parents.Add((commune, district));
                }
            }

            var stored = new StoredFigures();
            foreach (var commune in communes)
            {
                var people = random.Next(500, 20_000);
                if (random.NextDouble() < 0.7)
                {
                    stored.Set(commune, Jan, "population.total", Measure.Stock, people);
                }

                if (random.NextDouble() < 0.7)
                {
                    stored.Set(commune, Jan, "bhyt.insured", Measure.Stock, (int)(people * (0.5 + (random.NextDouble() * 0.5))));
                }

                if (random.NextDouble() < 0.3)
                {
                    stored.Set(commune, Jan, "bhyt.coverage", Measure.ReportedRate, 140);
                }

                if (random.NextDouble() < 0.8)
                {
                    stored.Set(commune, Jan, "dengue", Measure.Month, random.Next(0, 50));
                }

                if (random.NextDouble() < 0.8)
                {
                    stored.Set(commune, Jan, "health_standard", Measure.Stock, random.Next(0, 2));
                }
            }

            var hierarchy = new AreaHierarchy(parents, [], new Dictionary<int, AreaGeneration>());
            var engine = new RollupEngine(hierarchy, stored, Rules);

            // A unit whose counts are its own alone (a commune) gives exactly its own figure, or none; a parent is not such a unit.
            foreach (var unit in communes.Concat(districts).Append(Province))
            {
                Assert.Equal(communes.Contains(unit), hierarchy.CountIsOwn(unit, Jan));
                if (hierarchy.CountIsOwn(unit, Jan))
                {
                    Assert.Equal(stored.Get(unit, Jan, "dengue", Measure.Month), engine.Value(unit, Jan, "dengue", Measure.Month)?.Value);
                }
            }

            foreach (var district in districts)
            {
                var kids = parents.Where(p => p.Item2 == district).Select(p => p.Item1).ToList();

                // A parent's count is the sum of its reporting children.
                var reporting = kids.Select(k => stored.Get(k, Jan, "dengue", Measure.Month)).OfType<decimal>().ToList();
                var count = engine.Value(district, Jan, "dengue", Measure.Month);
                Assert.Equal(reporting.Count == 0 ? null : reporting.Sum(), count?.Value);
                Assert.Equal(reporting.Count == 0 ? null : kids.Count, count?.UnitsExpected);

                // A ratio is computed from numerators and denominators of the same units only, and lies between its units' ratios.
                var both = kids.Where(k => stored.Get(k, Jan, "bhyt.insured", Measure.Stock) is not null && stored.Get(k, Jan, "population.total", Measure.Stock) is not null).ToList();
                var ratio = engine.Value(district, Jan, "bhyt.coverage", Measure.Stock);
                if (both.Count == 0)
                {
                    Assert.Null(ratio);
                    continue;
                }

                var n = both.Sum(k => stored.Get(k, Jan, "bhyt.insured", Measure.Stock)!.Value);
                var d = both.Sum(k => stored.Get(k, Jan, "population.total", Measure.Stock)!.Value);
                Assert.Equal(100m * n / d, ratio!.Value);
                var own = both.Select(k => 100m * stored.Get(k, Jan, "bhyt.insured", Measure.Stock)!.Value / stored.Get(k, Jan, "population.total", Measure.Stock)!.Value).ToList();
                Assert.InRange(ratio.Value, own.Min() - 0.000001m, own.Max() + 0.000001m);
                Assert.True(ratio.Value <= 100m, "a coverage above 100%");

                // A flag never rolls up to more than the units that could meet it.
                if (engine.Value(district, Jan, "health_standard", Measure.Stock) is { } share)
                {
                    Assert.InRange(share.Value, 0m, 100m);
                    Assert.True(share.Numerator <= share.UnitsReported && share.UnitsReported <= share.UnitsExpected);
                }
            }

            // The province: the same rules one level up.
            var provinceDengue = communes.Select(c => stored.Get(c, Jan, "dengue", Measure.Month)).OfType<decimal>().ToList();
            Assert.Equal(provinceDengue.Count == 0 ? null : provinceDengue.Sum(), engine.Value(Province, Jan, "dengue", Measure.Month)?.Value);
            var provinceShare = engine.Value(Province, Jan, "health_standard", Measure.Stock);
            var flags = communes.Select(c => stored.Get(c, Jan, "health_standard", Measure.Stock)).OfType<decimal>().ToList();
            Assert.Equal(flags.Count == 0 ? null : 100m * flags.Count(f => f > 0) / flags.Count, provinceShare?.Value);
        }
    }
}
