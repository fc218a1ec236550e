using System.Diagnostics;
using DuckDB.NET.Data;
using Ntm.Warehouse;

namespace Ntm.Bench;

/// <summary>
/// <c>ntm query … --format csv</c> over N generated rows, as a real process writing to a pipe:
/// its wall time and peak memory, against DuckDB's own <c>COPY (query) TO csv</c> of the same
/// rows in the same run (the floor). Rows stream, so the peak stays flat as N grows.
/// </summary>
internal static class QueryCsvBenchmark
{
    public static int Run(int rows)
    {
        using var directory = new BenchDirectory();
        var home = new WarehouseHome(Path.Combine(directory.Path, "home"));
        new WarehouseInitializer(TimeProvider.System).Initialize(home);
        var sql = $"SELECT range AS n, 'Xã ' || range AS name, range * 1.5 AS value, DATE '2025-07-01' + CAST(range % 365 AS INTEGER) AS day FROM range({rows})";

        var floor = Stopwatch.StartNew();
        using (var connection = new DuckDBConnection("Data Source=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"COPY ({sql}) TO '{Path.Combine(directory.Path, "floor.csv")}' (FORMAT csv, HEADER true)";
            command.ExecuteNonQuery();
        }

        var copy = floor.Elapsed.TotalSeconds;

        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "ntm.dll"), "--home", home.Root, "query", sql, "--format", "csv" })
        {
            info.ArgumentList.Add(argument);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        long bytes = 0;
        long lines = 0;
        var buffer = new char[1 << 16];
        var sampler = new PeakSampler(process);
        int read;
        while ((read = process.StandardOutput.Read(buffer, 0, buffer.Length)) > 0)
        {
            bytes += read;
            lines += buffer.AsSpan(0, read).Count('\n');
        }

        process.WaitForExit();
        var peak = sampler.Peak();
        var elapsed = watch.Elapsed.TotalSeconds;
        if (process.ExitCode != 0 || lines != rows + 1)
        {
            Console.Error.WriteLine($"ntm query exited {process.ExitCode} after {lines:N0} lines: {error.Result}");
            return 1;
        }

        Console.WriteLine($"{rows:N0} rows, 4 columns, CSV to a pipe");
        Console.WriteLine($"floor  DuckDB COPY TO csv          {copy,8:F2} s  {rows / copy,14:N0} rows/s");
        Console.WriteLine($"       ntm query --format csv  {elapsed,8:F2} s  {rows / elapsed,14:N0} rows/s  ({bytes / 1024.0 / 1024.0:N0} MB of text)");
        Console.WriteLine($"       peak working set        {peak / 1024.0 / 1024.0,8:F0} MB (the process, sampled every 20 ms; target < 300 MB whatever the row count)");
        Console.WriteLine($"ratio  ntm query / COPY        {elapsed / copy,8:F2}");
        return 0;
    }
}
