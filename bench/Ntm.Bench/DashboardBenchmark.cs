using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ntm.Jobs.Cli;
using Ntm.Jobs.Scheduling;
using Ntm.Warehouse;

namespace Ntm.Bench;

/// <summary>
/// The dashboard on the demo warehouse (the README's main job, 2022–2025): the real host of
/// <c>ntm serve</c> on a loopback port, each page asked once cold and then <c>repeats</c> times,
/// the median against the floor of the same host answering <c>/healthz</c>, measured in the same
/// run. Target: every page under 300 ms.
/// </summary>
internal static class DashboardBenchmark
{
    private static readonly string[] Pages =
    [
        "/", "/trend", "/trend?indicator=disease.dengue.cases&area=926&from=2023-01&to=2025-12", "/trend/chart.svg?indicator=disease.dengue.cases&area=926&from=2023-01&to=2025-12",
        "/criteria", "/submissions", "/submissions?status=rejected", "/quality", "/plans", "/jobs", "/areas?q=phong%20dien",
    ];

    public static int Run(string? existingHome, int repeats)
    {
        using var directory = new BenchDirectory();
        var root = existingHome ?? Path.Combine(directory.Path, "home");
        if (existingHome is null)
        {
            Console.WriteLine("ntm demo (2022–2025) …");
            var code = new NtmApp(TextWriter.Null, TextWriter.Null, TimeProvider.System, _ => null).RunAsync(["--home", root, "demo"]).GetAwaiter().GetResult();
            if (code != 0)
            {
                Console.Error.WriteLine($"demo failed ({code})");
                return 1;
            }
        }

        var home = new WarehouseHome(root);
        var port = FreePort();
        using var host = SchedulerHost.Build(home, TimeProvider.System, ScheduleSettings.Load(home), LogLevel.Warning, [$"http://127.0.0.1:{port}"]);
        host.StartAsync().GetAwaiter().GetResult();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var floor = Median(Enumerable.Range(0, repeats + 1).Select(_ => Time(client, "/healthz")).Skip(1).ToList());
        Console.WriteLine($"floor: /healthz {floor:0.0} ms (median of {repeats})");
        Console.WriteLine($"{"page",-90} {"cold ms",8} {"median ms",10} {"× floor",8}  < 300 ms");
        var slow = 0;
        foreach (var page in Pages)
        {
            var cold = Time(client, page);
            var median = Median(Enumerable.Range(0, repeats).Select(_ => Time(client, page)).ToList());
            slow += median >= 300 ? 1 : 0;
            Console.WriteLine($"{page,-90} {cold,8:0} {median,10:0} {median / floor,8:0}  {(median < 300 ? "yes" : "NO")}");
        }

        host.StopAsync().GetAwaiter().GetResult();
        Console.WriteLine(slow == 0 ? "every page under 300 ms" : $"{slow} page(s) at or over 300 ms");
        return 0;
    }

    internal static double Time(HttpClient client, string path)
    {
        var watch = Stopwatch.StartNew();
        using var response = client.GetAsync(path).GetAwaiter().GetResult();
        _ = response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{path}: HTTP {(int)response.StatusCode}");
        }

        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2;
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
