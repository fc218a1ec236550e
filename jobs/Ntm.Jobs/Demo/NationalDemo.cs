using System.Diagnostics;
using Dapper;
using DuckDB.NET.Data;
using MathNet.Numerics.Distributions;
using Ntm.Domain.Areas;
using Ntm.Domain.Periods;
using Ntm.Warehouse.Areas;

namespace Ntm.Jobs.Demo;

/// <summary>How big a national demo warehouse is, and what it held when built.</summary>
/// <param name="Submissions">Provincial monthly reports recorded.</param>
/// <param name="Observations">Figures stored.</param>
/// <param name="Communes">Communes with figures (both maps).</param>
/// <param name="Indicators">Indicators with figures.</param>
/// <param name="Elapsed">How long building took.</param>
public sealed record NationalDemoResult(int Submissions, long Observations, int Communes, int Indicators, TimeSpan Elapsed);

/// <summary>
/// A whole country's commune figures for trying the product at scale (<c>ntm demo --scale
/// national</c>) and for the benchmarks: every province's monthly report of its communes' counts
/// (<paramref name="flows"/> flow indicators every month) and their year-end stocks
/// (<paramref name="stocks"/> stock indicators, among them the parts of the health criteria:
/// population, insured, managed, e-health book, telemedicine), on the map of the day: the old
/// provinces and communes until June 2025, the 34 provinces and their communes from July 2025,
/// whose populations are the old ones carried over by the crosswalk. The figures are written
/// through DuckDB's appender, a provincial report per month being one submission, not read from
/// workbooks: each figure is stated once, so each is current. The values are seeded
/// (Poisson counts on each commune's population, seasonal), the same for the same arguments.
/// </summary>
public sealed class NationalDemo(DuckDBConnection connection, int firstYear, int years, int flows = 45, int stocks = 15, int seed = 2025)
{
    // The parts of the commune health criteria (NTM 2021–2025 15.1, 15.4; advanced NTM 14.1–14.4).
    private static readonly string[] CriteriaParts =
        ["population.total", "bhyt.insured", "health.managed", "health.ehealth_book", "health.telemedicine_users"];

    private static readonly double[] Season = [0.6, 0.5, 0.6, 0.7, 0.9, 1.1, 1.4, 1.6, 1.5, 1.2, 1.0, 0.8];

    /// <summary>Writes the figures into the warehouse (initialised, with its reference data); says how far it got on <paramref name="progress"/>.</summary>
    public NationalDemoResult Build(Action<string>? progress = null)
    {
        var watch = Stopwatch.StartNew();
        var random = new Random(seed);
        var areas = AreaDirectoryLoader.Load(connection);
        var crosswalk = AreaDirectoryLoader.Crosswalk(connection);
        var indicators = connection.Query<(string Code, string PeriodType)>(
            "SELECT indicator_code, period_type FROM dim_indicator WHERE kind = 'count' ORDER BY indicator_code LIKE 'disease.%.cases' DESC, rowid").ToList();
        var flowCodes = indicators.Where(i => i.PeriodType == "flow").Select(i => i.Code).Take(flows).ToArray();
        var stockCodes = CriteriaParts.Where(c => indicators.Any(i => i.Code == c))
            .Concat(indicators.Where(i => i.PeriodType == "stock" && !CriteriaParts.Contains(i.Code)).Select(i => i.Code))
            .Take(stocks).ToArray();
        // Each flow's monthly rate per 1,000 people, each stock's share of the population.
        var rates = flowCodes.ToDictionary(c => c, _ => 0.05 + (random.NextDouble() * 2.0), StringComparer.Ordinal);
        var shares = stockCodes.ToDictionary(c => c, c => c == "population.total" ? 1.0 : 0.3 + (random.NextDouble() * 0.65), StringComparer.Ordinal);

        var oldCommunes = areas.Areas.Where(a => a.Level == AreaLevel.Commune && a.Generation == AreaGeneration.Before2025).ToList();
        var newCommunes = areas.Areas.Where(a => a.Level == AreaLevel.Commune && a.Generation == AreaGeneration.From2025).ToList();
        var population = oldCommunes.ToDictionary(c => c.AreaId, _ => (double)random.Next(3_000, 25_000));
        foreach (var commune in newCommunes)
        {
            population[commune.AreaId] = crosswalk.Where(c => c.NewAreaId == commune.AreaId && population.ContainsKey(c.OldAreaId)).Sum(c => population[c.OldAreaId] * (double)c.Weight);
        }

        var provinces = areas.Areas.Where(a => a.Level == AreaLevel.Province).ToDictionary(a => (a.Code, a.Generation));
        var firstNewMonth = PeriodKey.Of(AreaGeneration.From2025.ValidFrom);
        var submissions = 0;
        long observations = 0;
        for (var year = firstYear; year < firstYear + years; year++)
        {
            var growth = 1 + (0.03 * (year - firstYear));
            using var transaction = connection.BeginTransaction();
            var reports = new List<(long Id, int Province, int Period, List<AreaRecord> Communes)>();
            for (var month = 1; month <= 12; month++)
            {
                var period = new PeriodKey(year, month);
                var communes = period < firstNewMonth ? oldCommunes : newCommunes;
                foreach (var province in communes.GroupBy(c => c.ProvinceCode).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    var provinceArea = provinces[(province.Key, period < firstNewMonth ? AreaGeneration.Before2025 : AreaGeneration.From2025)];
                    var id = connection.ExecuteScalar<long>("""
                        INSERT INTO submission (file_name, sha256, received_at, template, area_id, period_key, status, rows_loaded, errors, warnings, figures_current)
                        VALUES ($name, sha256($name), $received, 'national-demo', $area, $period, 'accepted', 0, 0, 0, 0)
                        RETURNING submission_id
                        """, new { name = $"demo-quoc-gia-{province.Key}-{period}.xlsx", received = period.LastDay.ToDateTime(TimeOnly.MinValue).AddDays(5 + random.Next(10)), area = provinceArea.AreaId, period = period.Key });
                    reports.Add((id, provinceArea.AreaId, period.Key, province.ToList()));
                }
            }

            using (var appender = connection.CreateAppender("fact_observation"))
            {
                foreach (var (id, _, periodKey, communes) in reports)
                {
                    var period = PeriodKey.FromKey(periodKey);
                    var rows = 0;
                    foreach (var commune in communes)
                    {
                        var people = population[commune.AreaId] * growth;
                        foreach (var code in flowCodes)
                        {
                            var value = Poisson.Sample(random, Math.Max(1e-6, people / 1000 * rates[code] * Season[period.Month - 1] / 12));
                            Append(appender, id, periodKey, commune.AreaId, code, "month", value);
                            rows++;
                        }

                        if (period.Month == 12)
                        {
                            foreach (var code in stockCodes)
                            {
                                var value = code == "population.total" ? Math.Round(people) : Math.Round(people * Math.Min(1, shares[code] + (0.02 * (year - firstYear)) + ((random.NextDouble() - 0.5) * 0.1)));
                                Append(appender, id, periodKey, commune.AreaId, code, "stock", (int)value);
                                rows++;
                            }
                        }
                    }

                    observations += rows;
                }
            }

            connection.Execute("""
                UPDATE submission SET rows_loaded = n, figures_current = n
                FROM (SELECT submission_id, count(*) AS n FROM fact_observation WHERE submission_id IN $ids GROUP BY submission_id) c
                WHERE submission.submission_id = c.submission_id
                """, new { ids = reports.Select(r => r.Id).ToArray() });
            // The year's figures summed under their parents in the same transaction, as the ledger keeps
            // them (each figure is stated once, in a warehouse that had none): a build stopped between
            // two years leaves figures and sums that agree.
            connection.Execute("INSERT INTO fact_pooled SELECT * FROM v_fact_pooled WHERE period_key BETWEEN $first AND $last", new { first = (year * 100) + 1, last = (year * 100) + 12 });
            transaction.Commit();
            submissions += reports.Count;
            progress?.Invoke($"{year}: {observations:N0}");
        }

        // Written again whole in the order questions ask (an indicator over months).
        using (var pooling = connection.BeginTransaction())
        {
            Ntm.Warehouse.Ledger.CurrentFigures.PoolAll(connection, pooling);
            pooling.Commit();
        }

        return new NationalDemoResult(submissions, observations, oldCommunes.Count + newCommunes.Count, flowCodes.Length + stockCodes.Length, watch.Elapsed);
    }

    private static void Append(DuckDBAppender appender, long submission, int period, int area, string indicator, string measure, int value) =>
        appender.CreateRow().AppendValue(submission).AppendValue(period).AppendValue(area).AppendValue(indicator).AppendValue(measure)
            .AppendValue((decimal)value).AppendValue("BC").AppendValue((string?)null).AppendValue(string.Empty).AppendValue(false)
            // Each figure is stated once, by its province's report of the month: it is the current one.
            .AppendValue(true).EndRow();
}
