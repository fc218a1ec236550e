using System.Diagnostics;
using Dapper;
using Ntm.Domain.Areas;
using Ntm.Domain.Periods;
using Ntm.Warehouse;
using Ntm.Warehouse.ReferenceData;

namespace Ntm.Bench;

/// <summary>
/// A national warehouse (10 years × ~700 districts × 50 indicators, loaded through the appender,
/// plus commune figures of one province for the criteria): times <c>ntm trend</c> over all
/// provinces (rolled up from districts) and <c>ntm compliance</c> for every commune of a province,
/// each as a real process, against the floor of the same question in plain SQL on DuckDB plus
/// the start of the process, measured in the same run. Target: within 1.5x, and under 1 s.
/// </summary>
internal static class QueryBenchmark
{
    private static readonly string[] CriteriaParts = ["bhyt.insured", "population.total", "health.managed", "health.telemedicine_users", "health.ehealth_book"];

    public static int Run(int years, int indicators)
    {
        using var directory = new BenchDirectory();
        var home = new WarehouseHome(Path.Combine(directory.Path, "home"));
        new WarehouseInitializer(TimeProvider.System).Initialize(home);
        var files = ReferenceFiles.Load();
        var catalog = AreaCatalog.Build(files);
        var codes = IndicatorCatalog.Build(files).Indicators.Where(i => i.Kind == "count" && i.PeriodType == "flow").Select(i => i.Code).Take(indicators).ToList();
        var districts = catalog.Areas.Where(a => a.Level == AreaLevel.District && a.Generation == AreaGeneration.Before2025).ToList();
        var communes = catalog.Areas.Where(a => a.Level == AreaLevel.Commune && a.ProvinceCode == "93" && a.Generation == AreaGeneration.Before2025).ToList();
        var firstYear = 2024 - years + 1;
        var random = new Random(7);
        var watch = Stopwatch.StartNew();
        long rows = 0;
        using (var connection = new WarehouseDatabase(home.WarehouseFile).OpenForWriting())
        {
            connection.Execute("INSERT INTO submission (submission_id, file_name, sha256, received_at, status) VALUES (1, 'bench', 'bench', now(), 'accepted')");
            using var transaction = connection.BeginTransaction();
            using (var appender = connection.CreateAppender("fact_observation"))
            {
                for (var year = firstYear; year <= 2024; year++)
                {
                    for (var month = 1; month <= 12; month++)
                    {
                        var period = new PeriodKey(year, month).Key;
                        foreach (var district in districts)
                        {
                            foreach (var code in codes)
                            {
                                appender.CreateRow().AppendValue(1L).AppendValue(period).AppendValue(district.AreaId).AppendValue(code).AppendValue("month").AppendValue((decimal)random.Next(0, 500)).AppendValue("s").AppendValue("A1").EndRow();
                                rows++;
                            }
                        }
                    }

                    foreach (var commune in communes)
                    {
                        var people = random.Next(5000, 15000);
                        foreach (var code in CriteriaParts)
                        {
                            var value = code == "population.total" ? people : (int)(people * (0.4 + (random.NextDouble() * 0.6)));
                            appender.CreateRow().AppendValue(1L).AppendValue(new PeriodKey(year, 12).Key).AppendValue(commune.AreaId).AppendValue(code).AppendValue("stock").AppendValue((decimal)value).AppendValue("s").AppendValue("A1").EndRow();
                            rows++;
                        }
                    }
                }
            }

            transaction.Commit();
        }

        Console.WriteLine($"warehouse: {rows:N0} observations ({years} years × {districts.Count} districts × {codes.Count} indicators, + {communes.Count} communes' criteria figures), loaded in {watch.Elapsed.TotalSeconds:F1} s");
        var ntm = Path.Combine(AppContext.BaseDirectory, "ntm.dll");
        var start = Best(() => Process(ntm, "--version"));

        var indicator = codes[0];
        var trendSql = Best(() => Sql(home, """
            SELECT a.province_code, o.period, sum(o.value) FROM v_observation o JOIN dim_area a ON a.area_id = o.area_id
            WHERE o.indicator_code = $indicator AND o.measure = 'month' AND o.period_key BETWEEN $from AND $to GROUP BY ALL ORDER BY ALL
            """, new { indicator, from = new PeriodKey(firstYear, 1).Key, to = new PeriodKey(2024, 12).Key }));
        var trend = Best(() => Process(ntm, "--home", home.Root, "trend", "--indicator", indicator, "--from", $"{firstYear}-01", "--to", "2024-12", "--format", "csv"));
        Report("ntm trend (63 provinces × 120 months, from districts)", trend, trendSql, start);

        var complianceSql = Best(() => Sql(home, """
            SELECT o.area_id, o.indicator_code, o.value FROM v_observation o JOIN dim_area a ON a.area_id = o.area_id
            WHERE a.province_code = '93' AND a.level = 'commune' AND o.period_key = 202412 AND o.indicator_code IN $codes
            """, new { codes = CriteriaParts }));
        var compliance = Best(() => Process(ntm, "--home", home.Root, "compliance", "--set", "NTM-NC-2021-2025", "--year", "2024", "--area", "93", "--level", "commune", "--format", "csv"));
        Report($"ntm compliance ({communes.Count} communes × 4 criteria)", compliance, complianceSql, start);
        return 0;
    }

    private static void Report(string what, double command, double sql, double start)
    {
        var floor = sql + start;
        Console.WriteLine($"floor  SQL {sql,6:F3} s + process start {start,6:F3} s = {floor,6:F3} s");
        Console.WriteLine($"       {what,-58} {command,6:F3} s");
        Console.WriteLine($"ratio  {command / floor,6:F2}   (target <= 1.50: {(command / floor <= 1.5 ? "met" : "NOT met")}; under 1 s: {(command < 1 ? "yes" : "no")})");
    }

    private static double Best(Action action)
    {
        action();
        var best = double.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        return best;
    }

    private static void Sql(WarehouseHome home, string sql, object parameters)
    {
        using var connection = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly();
        _ = connection.Query(sql, parameters).Count();
    }

    private static void Process(string ntm, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(ntm);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(info)!;
        process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ntm {string.Join(' ', arguments)} failed: {error}");
        }
    }
}
