using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.Logging;
using Ntm.Jobs.Demo;
using Ntm.Jobs.Scheduling;
using Ntm.Warehouse;

namespace Ntm.Bench;

/// <summary>
/// The national warehouse of <c>ntm demo --scale national</c> (every commune of the country, 45 flow
/// indicators a month and 15 stocks a year, 10 years: about 54 million figures), and the questions
/// asked of it, each as a real process (<c>dotnet ntm.dll …</c>) against its floor measured in the
/// same run: the same figures fetched by plain SQL on DuckDB plus the start of a process. Prints
/// each command's best time, its ratio to the floor and its peak working set. Targets: trend under
/// 1 s and within 2× of plain SQL, compliance for every commune under 5 s, quality for a province
/// under 1 s, every command under 1 GB.
/// </summary>
internal static class NationalBenchmark
{
    private const string Indicator = "disease.dengue.cases";

    public static int Run(int years, int flows, int stocks, int repeats, string? keep)
    {
        using var directory = new BenchDirectory();
        var home = new WarehouseHome(keep ?? Path.Combine(directory.Path, "home"));
        if (keep is not null && File.Exists(home.WarehouseFile))
        {
            Console.WriteLine($"warehouse: {home.WarehouseFile} (kept from an earlier run)");
        }
        else
        {
            new WarehouseInitializer(TimeProvider.System).Initialize(home);
            using var connection = new WarehouseDatabase(home.WarehouseFile).OpenForWriting();
            var built = new NationalDemo(connection, 2025 - years + 1, years, flows, stocks).Build();
            Console.WriteLine($"warehouse: {built.Observations:N0} figures of {built.Communes:N0} communes, {built.Indicators} indicators, {built.Submissions:N0} provincial reports, "
                + $"built in {built.Elapsed.TotalSeconds:F1} s ({built.Observations / built.Elapsed.TotalSeconds:N0} figures/s); file {new FileInfo(home.WarehouseFile).Length / 1024.0 / 1024.0:N0} MB");
        }

        var first = 2025 - years + 1;
        var ntm = Path.Combine(AppContext.BaseDirectory, "ntm.dll");
        var start = Best(repeats, () => Process(ntm, "--version")).Seconds;
        Console.WriteLine($"process start (ntm --version): {start:F3} s; best of {repeats} after one warm-up");
        Console.WriteLine();
        Console.WriteLine($"{"question",-62} {"ntm",8} {"floor",8} {"ratio",6} {"peak",8}");

        Compare(
            $"trend, {Indicator}, every province, {first}-01..2025-12",
            home, start, repeats,
            """
            SELECT a.province_code, o.period_key, sum(o.value) FROM v_current_fact o JOIN dim_area a ON a.area_id = o.area_id
            WHERE o.indicator_code = $indicator AND o.measure = 'month' AND o.period_key BETWEEN $from AND $to GROUP BY ALL ORDER BY ALL
            """,
            new { indicator = Indicator, from = (first * 100) + 1, to = 202512 },
            ntm, "trend", "--indicator", Indicator, "--from", $"{first}-01", "--to", "2025-12", "--format", "csv");

        Compare(
            $"trend, {Indicator}, communes of province 79 (2025 map), 2024-07..2025-12",
            home, start, repeats,
            """
            SELECT o.area_id, o.period_key, o.value FROM v_current_fact o JOIN dim_area a ON a.area_id = o.area_id
            WHERE a.province_code = '79' AND a.level = 'commune' AND o.indicator_code = $indicator AND o.measure = 'month' AND o.period_key BETWEEN 202407 AND 202512
            """,
            new { indicator = Indicator },
            ntm, "trend", "--indicator", Indicator, "--area", "79@2025-07", "--by-children", "--from", "2024-07", "--to", "2025-12", "--format", "csv");

        Compare(
            $"rank, communes of province 79 by rate per 100,000, 2024",
            home, start, repeats,
            """
            SELECT o.area_id, sum(o.value) FILTER (WHERE o.indicator_code = $indicator), max(o.value) FILTER (WHERE o.indicator_code = 'population.total')
            FROM v_current_fact o JOIN dim_area a ON a.area_id = o.area_id
            WHERE a.province_code = '79' AND a.level = 'commune' AND o.indicator_code IN ($indicator, 'population.total') AND o.period_key BETWEEN 202401 AND 202412
            GROUP BY o.area_id
            """,
            new { indicator = Indicator },
            ntm, "rank", "--indicator", Indicator, "--area", "79", "--level", "commune", "--year", "2024", "--per", "100000", "--format", "csv");

        Compare(
            "compliance NTM-NC-2021-2025, every commune of the country, 2024",
            home, start, repeats,
            """
            SELECT o.area_id, o.indicator_code, o.value FROM v_current_fact o JOIN dim_area a ON a.area_id = o.area_id
            WHERE a.level = 'commune' AND o.period_key = 202412 AND o.measure = 'stock'
              AND o.indicator_code IN ('population.total', 'bhyt.insured', 'health.managed', 'health.ehealth_book', 'health.telemedicine_users')
            """,
            new { },
            ntm, "compliance", "--set", "NTM-NC-2021-2025", "--year", "2024", "--all", "--format", "csv");

        Compare(
            "quality, province 79, 2024-06 (60 months of history)",
            home, start, repeats,
            """
            SELECT o.area_id, o.indicator_code, o.period_key, o.value FROM v_current_fact o JOIN dim_area a ON a.area_id = o.area_id
            WHERE a.province_code = '79' AND o.period_key BETWEEN 201906 AND 202406
            """,
            new { },
            ntm, "quality", "--period", "2024-06", "--area", "79", "--format", "csv");

        // The same question where a statistician asks it from day to day: the running dashboard (ntm
        // serve), a process that has read the units and met the code on another province's month. Each
        // province and month asked is new to it: nothing of its answer is kept yet.
        var served = ServedQuality(home, ["79", "01", "48"]);
        Console.WriteLine($"{"quality in ntm serve, provinces 79, 01, 48, 2024-06, each new",-62} {string.Join(" ", served.Select(s => $"{s:F2}s"))}");

        // Parquet: the product's export against DuckDB's own COPY of the current figures.
        var parquet = Path.Combine(directory.Path, "parquet");
        var copyFile = Path.Combine(directory.Path, "copy.parquet");
        var rows = 0L;
        var copy = Best(repeats, () =>
        {
            using var connection = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly();
            rows = connection.Execute($"COPY (SELECT * FROM v_observation) TO '{copyFile}' (FORMAT PARQUET, COMPRESSION ZSTD)");
        }).Seconds;
        var export = Best(repeats, () => Process(ntm, "--home", home.Root, "export", "parquet", "--out", parquet));
        Console.WriteLine($"{"export parquet, every current figure",-62} {export.Seconds,7:F2}s {copy + start,7:F2}s {export.Seconds / (copy + start),6:F2} {export.Peak / 1048576.0,6:N0}MB");
        Console.WriteLine($"    {rows:N0} rows: export {rows / export.Seconds:N0} rows/s, DuckDB COPY {rows / copy:N0} rows/s");
        Console.WriteLine();
        Console.WriteLine("floor = the same figures by plain SQL on DuckDB + a process start; peak = the process's peak working set");
        return 0;
    }

    /// <summary>The seconds the dashboard's month review takes for each of <paramref name="provinces"/>, asked once each after another province's month.</summary>
    private static List<double> ServedQuality(WarehouseHome home, string[] provinces)
    {
        var port = DashboardBenchmark.FreePort();
        using var host = SchedulerHost.Build(home, TimeProvider.System, ScheduleSettings.Load(home), LogLevel.Warning, [$"http://127.0.0.1:{port}"]);
        host.StartAsync().GetAwaiter().GetResult();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5) };
            _ = Review(client, "/quality?period=2024-05&area=31");
            return provinces.Select(p => Review(client, $"/quality?period=2024-06&area={p}")).ToList();
        }
        finally
        {
            host.StopAsync().GetAwaiter().GetResult();
        }
    }

    /// <summary>The seconds a month review page took; a page without the review (a question the page refused) is a failure, not a time.</summary>
    private static double Review(HttpClient client, string path)
    {
        var watch = Stopwatch.StartNew();
        using var response = client.GetAsync(path).GetAwaiter().GetResult();
        var html = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        var seconds = watch.Elapsed.TotalSeconds;
        return response.IsSuccessStatusCode && html.Contains("<h2>", StringComparison.Ordinal) && !html.Contains("class=\"error\"", StringComparison.Ordinal)
            ? seconds
            : throw new InvalidOperationException($"{path}: the page holds no review (HTTP {(int)response.StatusCode})");
    }

    private static void Compare(string what, WarehouseHome home, double start, int repeats, string sql, object parameters, string ntm, params string[] arguments)
    {
        var floor = Best(repeats, () =>
        {
            using var connection = new WarehouseDatabase(home.WarehouseFile).OpenReadOnly();
            _ = connection.Query(sql, parameters).Count();
        }).Seconds + start;
        var command = Best(repeats, () => Process(ntm, ["--home", home.Root, .. arguments]));
        Console.WriteLine($"{what,-62} {command.Seconds,7:F2}s {floor,7:F2}s {command.Seconds / floor,6:F2} {command.Peak / 1048576.0,6:N0}MB");
    }

    private static (double Seconds, long Peak) Best(int repeats, Func<long> action)
    {
        action();
        var best = double.MaxValue;
        long peak = 0;
        for (var i = 0; i < repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            peak = Math.Max(peak, action());
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        return (best, peak);
    }

    private static (double Seconds, long Peak) Best(int repeats, Action action) => Best(repeats, () =>
    {
        action();
        return 0L;
    });

    /// <summary>Runs ntm; returns its peak working set (sampled every 20 ms; on Linux the kernel's high-water mark).</summary>
    private static long Process(string ntm, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(ntm);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var sampler = new PeakSampler(process);
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var peak = sampler.Peak();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ntm {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}");
        }

        return peak;
    }
}
